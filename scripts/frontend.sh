#!/usr/bin/env bash
# Installs the front-end libraries from the lock file and copies them into wwwroot/lib (served by Talka itself).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
web="$root/src/Talka.Web"
if [ ! -f "$web/wwwroot/lib/chart.js/chart.umd.min.js" ] || [ "$web/frontend/package-lock.json" -nt "$web/wwwroot/lib/chart.js/chart.umd.min.js" ]; then
  npm ci --prefix "$web/frontend" --no-audit --no-fund --loglevel=error >/dev/null
  mkdir -p "$web/wwwroot/lib/chart.js"
  cp "$web/frontend/node_modules/chart.js/dist/chart.umd.min.js" "$web/wwwroot/lib/chart.js/"
  cp "$web/frontend/node_modules/chart.js/LICENSE.md" "$web/wwwroot/lib/chart.js/" 2>/dev/null || true
fi

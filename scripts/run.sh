#!/usr/bin/env bash
# Starts Talka on http://localhost:5080 with SQLite (data/talka.db) and the demo data.
# Any extra arguments go to the app, e.g. --Talka:Demo=false.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
"$root/scripts/frontend.sh"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Demo}"
exec dotnet run --project src/Talka.Web -c Release --no-launch-profile -- \
  --urls "${TALKA_URLS:-http://localhost:5080}" \
  --Talka:DataDirectory="$root/data" "$@"

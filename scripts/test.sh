#!/usr/bin/env bash
# The test command: installs what it needs (Debian packages, npm packages), starts a throwaway PostgreSQL
# server, runs every test suite (domain, integration on SQLite and on PostgreSQL, browser), and stops
# what it started. Ends with a line "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian packages: PostgreSQL 15, Chromium with fonts that have Lithuanian glyphs, xmllint for the IATI schema, pdftotext for PDFs.
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v chromium >/dev/null || missing+=(chromium)
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 2. npm packages for the tests (axe-core, ajv, Redocly CLI), from the lock file.
echo "== npm ci (browser test tools)"
npm ci --prefix tests/Talka.BrowserTests --no-audit --no-fund --loglevel=error >/dev/null
./scripts/frontend.sh

# 3. A throwaway PostgreSQL server on 127.0.0.1, stopped on exit.
source "$root/scripts/lib/postgres.sh"
trap stop_postgres EXIT

# 4. Build once, then run each suite.
echo "== Building"
dotnet build Talka.slnx -c Release -nologo -v q

results="$(mktemp)"
run() {
  local name="$1"; shift
  echo "== $name"
  local log; log="$(mktemp)"
  set +e
  "$@" 2>&1 | tee "$log"
  local code=${PIPESTATUS[0]}
  set -e
  local passed failed
  passed=$(grep -oE 'Passed: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  failed=$(grep -oE 'Failed: +[0-9]+' "$log" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  echo "$name ${passed:-0} ${failed:-0} $code" >> "$results"
}
test_args=(-c Release --no-build --nologo)
run "Domain unit tests" dotnet test tests/Talka.Domain.Tests "${test_args[@]}"
run "Integration tests on SQLite" env TALKA_TEST_DB=Sqlite dotnet test tests/Talka.Web.Tests "${test_args[@]}"
run "Integration tests on PostgreSQL" env TALKA_TEST_DB=Postgres \
  TALKA_TEST_POSTGRES="Host=127.0.0.1;Port=$pgport;Username=talka;Password=talka" \
  dotnet test tests/Talka.Web.Tests "${test_args[@]}"
run "Browser tests (headless Chromium)" dotnet test tests/Talka.BrowserTests "${test_args[@]}"

echo
echo "== Summary"
total_passed=0; total_failed=0; status=0
while read -r line; do
  code="${line##* }"; rest="${line% *}"; failed="${rest##* }"; rest="${rest% *}"; passed="${rest##* }"; name="${rest% *}"
  printf '%-40s %4s passed, %s failed (exit %s)\n' "$name" "$passed" "$failed" "$code"
  total_passed=$((total_passed + passed)); total_failed=$((total_failed + failed))
  if [ "$code" -ne 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
done < "$results"
echo "Screenshots: $root/artifacts/screenshots"
echo "$total_passed passed, $total_failed failed"
exit $status

#!/usr/bin/env bash
# The benchmark: ./scripts/bench.sh [--size national|small] [--duration SECONDS] [--connections N] [--warmup SECONDS]
# Starts a throwaway PostgreSQL, generates the dataset (bench/Talka.Bench, binary COPY) on top of the demo data, starts
# the app in Release as production runs it, and measures in one run: a trivial endpoint of the same process (the
# ceiling) and the pages and API calls users wait for, with wrk; saving attendance on an event of 5 000 persons; an
# import of a 1 M-row attendance file against raw COPY of the same rows; peak memory; cold starts. Prints a table and
# writes it, with the machine's description, to bench/results/. Nothing here is asserted: figures are reported.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
size=national; duration=15; connections=64; import_rows=1000000
# Each scenario is loaded this long before it is measured: the JIT recompiles a path's hot methods (tier 1) only after
# they have run a while, and a path first loaded under full load took about 30 s to reach its steady throughput.
warmup=10
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$size" = small ] && import_rows=100000

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "== Building (Release)"
./scripts/frontend.sh
# Published as the README's production section does (ReadyToRun, with its static files), not run from bin/.
app_dir="$root/artifacts/bench-app"
rm -rf "$app_dir"
dotnet publish src/Talka.Web -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$app_dir" -nologo -v q
dotnet build bench/Talka.Bench -c Release -nologo -v q
bench_tool=(dotnet "$root/bench/Talka.Bench/bin/Release/net10.0/Talka.Bench.dll")

# Room for the app's pool (100), the job worker and the commands the benchmark runs beside it.
export TALKA_PG_OPTIONS="-c max_connections=300 ${TALKA_PG_OPTIONS:-}"
source "$root/scripts/lib/postgres.sh"
work="$(mktemp -d /tmp/talka-bench.XXXXXX)"
app_pid=""
# The app's peak resident memory so far (VmHWM), in MB.
peak_mb() { echo $(( $(awk '/VmHWM/ { print $2 }' "/proc/$app_pid/status" 2>/dev/null || echo 0) / 1024 )); }
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
cleanup() { stop_app; stop_postgres; rm -rf "$work"; }
trap cleanup EXIT

stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
results_dir="$root/bench/results"
mkdir -p "$results_dir"
out="$results_dir/$stamp-$size"
port=5099
url="http://127.0.0.1:$port"
cs="Host=127.0.0.1;Port=$pgport;Database=talka_bench;Username=talka;Password=talka;Maximum Pool Size=100"
secret="$(head -c 32 /dev/urandom | base64)"

# Starts the app in the given environment on the given database; sets ready_ms to the milliseconds until /health/ready
# answers, and app_pid.
start_app() {
  local environment="$1" provider="$2" connection="$3"; shift 3
  local started; started=$(date +%s%N)
  (cd "$app_dir" && ASPNETCORE_ENVIRONMENT="$environment" Talka__Database__Provider="$provider" ConnectionStrings__Talka="$connection" \
    Talka__PersonKeySecret="$secret" Talka__DataDirectory="$work/data" Logging__LogLevel__Default=Warning \
    exec dotnet Talka.Web.dll --urls "$url" "$@" >>"$work/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs "$url/health/ready" >/dev/null 2>&1; then ready_ms=$(( ($(date +%s%N) - started) / 1000000 )); return 0; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then echo "The app stopped; its log:" >&2; tail -50 "$work/app.log" >&2; exit 1; fi
    sleep 0.05
  done
  echo "The app did not become ready." >&2; exit 1
}

# First, on a quiet machine (at the end the database server may still be busy with the import's million rows).
echo "== Cold start on SQLite with an existing demo database"
sqlite="Data Source=$work/demo.db"
start_app Demo Sqlite "$sqlite" --Talka:Demo=true
stop_app
# Three starts, the median reported: one start on a shared machine of two cores varies by a second.
cold_runs=()
for _ in 1 2 3; do
  start_app Demo Sqlite "$sqlite" --Talka:Demo=true
  cold_runs+=("$ready_ms")
  stop_app
done
cold_sqlite="$(printf '%s\n' "${cold_runs[@]}" | sort -n | sed -n 2p)"
echo "   ready after ${cold_runs[*]} ms: median $cold_sqlite ms"

echo "== Schema and demo data (the app in its Demo environment migrates and seeds)"
start_app Demo Postgres "$cs" --Talka:Demo=true
stop_app
: > "$work/app.log" # what follows is measured; the log's failures from here on are reported
echo "== Generating the $size dataset"
generate_started=$(date +%s%N)
"${bench_tool[@]}" generate --connection "$cs" --size "$size" --out "$work/ids.json"
generate_seconds=$(( ($(date +%s%N) - generate_started) / 1000000 ))
ids() { jq -r ".$1" "$work/ids.json"; }
echo "== Storing every project's figures (the migrate command refreshes figures never stored)"
figures_started=$(date +%s%N)
(cd "$app_dir" && ASPNETCORE_ENVIRONMENT=Production Talka__Database__Provider=Postgres ConnectionStrings__Talka="$cs" \
  Talka__PersonKeySecret="$secret" Logging__LogLevel__Default=Warning dotnet Talka.Web.dll migrate | tail -2)
figures_seconds=$(( ($(date +%s%N) - figures_started) / 1000 ))
figures_seconds="$(awk -v n="$figures_seconds" 'BEGIN { printf "%.1f", n / 1e6 }')"
largest="$(ids largestProject)"; event="$(ids eventOfLargest)"; programme="$(ids programme)"; search="$(ids search)"

echo "== Cold start on the $size database (Production)"
start_app Production Postgres "$cs"
cold_national=$ready_ms
echo "   ready after $cold_national ms"

token_for() {
  curl -fs -X POST "$url/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"Talka-demo-2026\"}" | jq -r .accessToken
}
member_token="$(token_for ssi@demo.talka.lt)"
admin_token="$(token_for admin@demo.talka.lt)"
# A signed-in member's session cookie, for the project page as its organisation sees it.
jar="$work/cookies"
form="$(curl -fs -c "$jar" "$url/account/login")"
antiforgery="$(grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' <<<"$form" | head -1)"
curl -fs -b "$jar" -c "$jar" -o /dev/null -X POST "$url/account/login" \
  --data-urlencode "Email=ssi@demo.talka.lt" --data-urlencode "Password=Talka-demo-2026" --data-urlencode "__RequestVerificationToken=$antiforgery"
# Every cookie a browser holds after the login (the session and the antiforgery cookie), as it sends them back.
cookies_of() { awk 'NF >= 7 && $1 ~ /127\.0\.0\.1$/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$1"; }
session="$(cookies_of "$jar")"
# The session cookie alone, as a client that never took the antiforgery cookie sends it (a script): the page cache keeps
# a signed-in user's page per browser, that is per antiforgery cookie, so this client's pages are rendered every time.
session_only="$(awk 'NF >= 7 && $1 ~ /127\.0\.0\.1$/ && $6 == "talka.auth" { printf "%s=%s", $6, $7 }' "$jar")"

table="$work/table.tsv"
: > "$table"
ceiling_rps=""
# measure NAME PATH [wrk options…]: warms up (--warmup), runs wrk for the duration, and records the figures.
measure() {
  local name="$1" path="$2"; shift 2
  local script="$work/report.lua"
  cp "$root/bench/wrk/report.lua" "$script"
  local c="${conns:-$connections}" t=2
  [ "$c" -lt 2 ] && t=1
  wrk -t$t -c"$c" -d"${warmup}s" --timeout 10s -s "$script" "$@" "$url$path" >/dev/null 2>&1 || true
  local line
  line="$(wrk -t$t -c"$c" -d"${duration}s" --timeout 10s -s "$script" "$@" "$url$path" 2>&1 | grep '^RESULT' || echo 'RESULT requests=0 seconds=0 rps=0 p50_ms=0 p95_ms=0 p99_ms=0 errors=-1')"
  local rps p50 p95 p99 errors
  rps="$(grep -oP 'rps=\K[0-9.]+' <<<"$line")"; p50="$(grep -oP 'p50_ms=\K[0-9.]+' <<<"$line")"
  p95="$(grep -oP 'p95_ms=\K[0-9.]+' <<<"$line")"; p99="$(grep -oP 'p99_ms=\K[0-9.]+' <<<"$line")"
  errors="$(grep -oP 'errors=\K-?[0-9]+' <<<"$line")"
  [ -z "$ceiling_rps" ] && ceiling_rps="$rps"
  local ratio; ratio="$(awk -v a="$rps" -v b="$ceiling_rps" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')"
  local peak; peak="$(peak_mb)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p95" "$p99" "$errors" "$ratio" "$peak" >> "$table"
  printf '   %-44s %9s req/s  p50 %7s ms  p95 %7s ms  p99 %7s ms  errors %s  %s %% of ceiling  peak %s MB\n' \
    "$name" "$rps" "$p50" "$p95" "$p99" "$errors" "$ratio" "$peak"
}

echo "== Load: $connections connections, ${duration} s each"
measure "Ceiling: /health/live" "/health/live"
# The same endpoint with the member's session: what signing in (the cookie and the stamp check) costs every request,
# and so the most any signed-in page could serve here, however little it did.
measure "Signed-in floor: /health/live, member's session" "/health/live" -H "Cookie: $session"
measure "Home page" "/"
measure "Public project page (largest project)" "/projects/details/$largest"
# A member's browser opening their project's page again and again: their own copy, kept until a record changes.
measure "Project page, signed-in member" "/projects/details/$largest" -H "Cookie: $session"
measure "Project page, signed-in member, rendered each time" "/projects/details/$largest" -H "Cookie: $session_only"
measure "Programme dashboard" "/programmes/details/$programme"
measure "Project list, searched" "/projects?q=$(jq -rn --arg s "$search" '$s|@uri')"
open_plain_kb=$(( $(curl -fs "$url/open-data/360giving.json" | wc -c) / 1024 ))
open_gzip_kb=$(( $(curl -fs -H "Accept-Encoding: gzip" "$url/open-data/360giving.json" | wc -c) / 1024 ))
# Open data as a client that accepts gzip downloads it (every browser, curl --compressed), and as one that does not.
measure "Open data: 360Giving JSON, gzip" "/open-data/360giving.json" -H "Accept-Encoding: gzip"
measure "Open data: 360Giving JSON, uncompressed" "/open-data/360giving.json"
measure "Indicators API (largest project)" "/api/v1/projects/$largest/indicators" -H "Authorization: Bearer $member_token"
measure "Participants page 1 (largest project)" "/projects/$largest/participants" -H "Cookie: $session"
# The ceiling again, after the pages: measured first, just after the start, it varied from 26 000 to 62 000 req/s
# between runs (once the home page served 132 % of it). The higher of the two divides every share, earlier rows too.
measure "Ceiling again: /health/live" "/health/live"
again="$(awk -F'\t' '$1 == "Ceiling again: /health/live" { print $2 }' "$table")"
if awk -v a="$again" -v b="$ceiling_rps" 'BEGIN { exit !(a > b) }'; then
  ceiling_rps="$again"
  awk -F'\t' -v OFS='\t' -v c="$ceiling_rps" '{ $7 = sprintf("%.1f", 100 * $2 / c); print }' "$table" > "$table.new"
  mv "$table.new" "$table"
fi
echo "   the ceiling for every share: $ceiling_rps req/s (the higher of the two)"
# Latency of one user at a time, pages rendered for each request (signed in): what a single request costs.
admin_jar="$work/admin-cookies"
form="$(curl -fs -c "$admin_jar" "$url/account/login")"
antiforgery="$(grep -oP 'name="__RequestVerificationToken" type="hidden" value="\K[^"]+' <<<"$form" | head -1)"
curl -fs -b "$admin_jar" -c "$admin_jar" -o /dev/null -X POST "$url/account/login" \
  --data-urlencode "Email=admin@demo.talka.lt" --data-urlencode "Password=Talka-demo-2026" --data-urlencode "__RequestVerificationToken=$antiforgery"
admin_session="$(cookies_of "$admin_jar")"
conns=1 measure "1 connection: project page, member" "/projects/details/$largest" -H "Cookie: $session_only"
conns=1 measure "1 connection: programme dashboard, funder" "/programmes/details/$programme" -H "Cookie: $admin_session"
conns=1 measure "1 connection: indicators API" "/api/v1/projects/$largest/indicators" -H "Authorization: Bearer $member_token"
# Pages of 50 of the event's participants: one body to mark them, one to unmark them.
jq -c '.participantsOnEvent as $p | range(0; $p | length; 50) as $i | ($p[$i:$i + 50]) as $page
  | ({mark: [$page[] | {participantId: .}]}, {unmark: $page})' "$work/ids.json" > "$work/attendance-bodies.jsonl"
cat "$root/bench/wrk/report.lua" "$root/bench/wrk/attendance.lua" > "$work/attendance.lua"
line="$(TALKA_TOKEN="$member_token" ATTENDANCE_BODIES="$work/attendance-bodies.jsonl" \
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$work/attendance.lua" "$url/api/v1/projects/$largest/events/$event/attendance" 2>&1 | grep '^RESULT' || true)"
rps="$(grep -oP 'rps=\K[0-9.]+' <<<"$line")"; p50="$(grep -oP 'p50_ms=\K[0-9.]+' <<<"$line")"; p95="$(grep -oP 'p95_ms=\K[0-9.]+' <<<"$line")"
p99="$(grep -oP 'p99_ms=\K[0-9.]+' <<<"$line")"; errors="$(grep -oP 'errors=\K-?[0-9]+' <<<"$line")"
ratio="$(awk -v a="$rps" -v b="$ceiling_rps" 'BEGIN { printf "%.1f", (b > 0 ? 100 * a / b : 0) }')"
peak="$(peak_mb)"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "Save attendance (a page of 50, event of 5 000)" "$rps" "$p50" "$p95" "$p99" "$errors" "$ratio" "$peak" >> "$table"
printf '   %-44s %9s req/s  p50 %7s ms  p95 %7s ms  p99 %7s ms  errors %s\n' "Save attendance (a page of 50, event of 5 000)" "$rps" "$p50" "$p95" "$p99" "$errors"
# Visitors read while members save: the public page of another project, with 4 members saving attendance on the
# largest project meanwhile (NGOs save their records all day; the cache must not be emptied by each save).
other="$(runas_pg "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d talka_bench -Atc \
  "SELECT \"Id\" FROM \"Projects\" WHERE \"IsPublished\" AND \"Id\" <> '$largest' ORDER BY \"Id\" LIMIT 1")"
TALKA_TOKEN="$member_token" ATTENDANCE_BODIES="$work/attendance-bodies.jsonl" \
  wrk -t1 -c4 -d"$((warmup + duration + 5))s" --timeout 10s -s "$work/attendance.lua" \
  "$url/api/v1/projects/$largest/events/$event/attendance" >/dev/null 2>&1 &
writers=$!
measure "Public page of another project, 4 members saving meanwhile" "/projects/details/$other"
wait "$writers" || true
bulk_started=$(date +%s%N)
bulk_count="$(curl -fs -X POST "$url/api/v1/projects/$largest/events/$event/attendance/bulk" -H "Authorization: Bearer $member_token" \
  -H 'Content-Type: application/json' -d '{"attended":false}' | jq .count)"
curl -fs -o /dev/null -X POST "$url/api/v1/projects/$largest/events/$event/attendance/bulk" -H "Authorization: Bearer $member_token" \
  -H 'Content-Type: application/json' -d '{"attended":true}'
bulk_ms=$(( ($(date +%s%N) - bulk_started) / 1000000 ))
echo "   Unmark and mark all on the event of 5 000: $bulk_count unmarked, both in $bulk_ms ms"

echo "== Recount check: stored figures against figures computed from scratch, every project"
# First the refreshes the load queued (a figure still stale when checked is reported as differing).
for _ in $(seq 1 240); do
  pending="$(runas_pg "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -d talka_bench -Atc \
    "SELECT count(*) FROM \"Jobs\" WHERE \"Kind\" IN ('figures', 'programme-figures') AND \"Status\" IN ('Queued', 'Running')")"
  [ "$pending" = "0" ] && break
  sleep 1
done
echo "   figure refreshes still queued: $pending"
check_started=$(date +%s%N)
check="$(cd "$app_dir" && ASPNETCORE_ENVIRONMENT=Production Talka__Database__Provider=Postgres ConnectionStrings__Talka="$cs" \
  Talka__PersonKeySecret="$secret" Logging__LogLevel__Default=Warning dotnet Talka.Web.dll figures-check | tail -1 || true)"
check_seconds="$(awk -v n=$(( $(date +%s%N) - check_started )) 'BEGIN { printf "%.1f", n / 1e9 }')"
echo "   $check ($check_seconds s)"
load_peak_mb="$(peak_mb)"
echo "   peak memory of the app under load (VmHWM): $load_peak_mb MB"

echo "== Import of $import_rows rows against raw COPY of the same rows"
"${bench_tool[@]}" import-file --rows "$import_rows" --out "$work/import.csv"
copy_line="$("${bench_tool[@]}" copy-baseline --connection "$cs" --file "$work/import.csv" --project "$(ids copyProject)" | grep '^copy-baseline')"
copy_rps="$(grep -oP 'rows_per_second=\K[0-9]+' <<<"$copy_line")"; copy_seconds="$(grep -oP 'seconds=\K[0-9.]+' <<<"$copy_line")"
import_project="$(ids importProject)"
import_started=$(date +%s%N)
preview="$(curl -fs -X POST "$url/api/v1/projects/$import_project/imports" -H "Authorization: Bearer $member_token" -F "file=@$work/import.csv;type=text/csv")"
import_id="$(jq -r .id <<<"$preview")"
preview_errors="$(jq -r .errorCount <<<"$preview")"
curl -fs -o /dev/null -X POST "$url/api/v1/projects/$import_project/imports/$import_id/apply" -H "Authorization: Bearer $member_token"
state=""
for _ in $(seq 1 3600); do
  state="$(curl -fs "$url/api/v1/projects/$import_project/imports/$import_id" -H "Authorization: Bearer $member_token" | jq -r .state)"
  [ "$state" = Done ] || [ "$state" = Failed ] && break
  sleep 0.5
done
import_seconds="$(awk -v n=$(( $(date +%s%N) - import_started )) 'BEGIN { printf "%.2f", n / 1e9 }')"
import_rps="$(awk -v r="$import_rows" -v s="$import_seconds" 'BEGIN { printf "%.0f", r / s }')"
import_ratio="$(awk -v a="$import_rps" -v b="$copy_rps" 'BEGIN { printf "%.1f", 100 * a / b }')"
echo "   raw COPY: $copy_rps rows/s ($copy_seconds s); Talka's import (upload, check, apply): $import_rps rows/s ($import_seconds s, $state, $preview_errors errors); $import_ratio %"
import_peak_mb="$(peak_mb)"
echo "   peak memory of the app, with the import (VmHWM): $import_peak_mb MB"
stop_app

{
  echo "# Talka benchmark, $size dataset, $stamp"
  echo
  echo "Command: \`./scripts/bench.sh --size $size --duration $duration --connections $connections --warmup $warmup\` (commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown))."
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GiB,"
  echo "$(uname -sr), .NET $(dotnet --version), PostgreSQL $("$pgbin/postgres" --version | awk '{ print $3 }') (throwaway: fsync off), wrk $(wrk -v 2>&1 | head -1 | awk '{ print $2 }')."
  echo "App, database and load tool share the machine."
  echo
  echo "Dataset: $(ids projects) projects, $(ids participants) participants, $(ids attendances) attendances; generated in $(ids generateSeconds) s"
  echo "(the whole step, with the .NET start, $((generate_seconds / 1000)) s); every project's figures then computed and stored in"
  echo "$figures_seconds s. Recount check after the load: $check ($check_seconds s)."
  echo
  echo "| Scenario ($connections connections unless said, ${duration} s) | req/s | p50 ms | p95 ms | p99 ms | errors | % of ceiling | app's peak MB so far |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  while IFS=$'\t' read -r name rps p50 p95 p99 errors ratio peak; do
    echo "| $name | $rps | $p50 | $p95 | $p99 | $errors | $ratio | $peak |"
  done < "$table"
  echo
  echo "| Other figure | value |"
  echo "|---|---:|"
  echo "| Unmark and mark all 5 000 on one event (two requests) | $bulk_ms ms |"
  echo "| 360Giving JSON served: uncompressed / gzip | $open_plain_kb KB / $open_gzip_kb KB |"
  echo "| Raw COPY of $import_rows attendance rows | $copy_rps rows/s |"
  echo "| Talka's import of the same file (upload, check, apply; $state) | $import_rps rows/s |"
  echo "| Import as % of raw COPY | $import_ratio % |"
  echo "| Peak memory of the app under load (VmHWM) | $load_peak_mb MB |"
  echo "| Peak memory of the app, with the import (VmHWM) | $import_peak_mb MB |"
  echo "| Cold start, $size database on PostgreSQL | $cold_national ms |"
  echo "| Cold start, SQLite demo with an existing database (median of ${cold_runs[*]} ms) | $cold_sqlite ms |"
  echo
  echo "Against the targets of issue 9 (✔ met, ✘ missed):"
  echo
  figure() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$table"; }
  check() { # check LABEL VALUE OP LIMIT UNIT
    local verdict; verdict="$(awk -v v="$2" -v l="$4" -v op="$3" 'BEGIN { ok = (op == "<=" ? v <= l : v >= l); print (ok ? "✔" : "✘") }')"
    echo "- $verdict $1: $2 $5 (target $3 $4 $5)"
  }
  check "dataset generated" "$(ids generateSeconds)" "<=" 300 s
  check "programme dashboard p95, visitors (cached)" "$(figure 'Programme dashboard' 4)" "<=" 100 ms
  check "programme dashboard p95, a funder alone (never cached)" "$(figure '1 connection: programme dashboard, funder' 4)" "<=" 100 ms
  check "public project page p95" "$(figure 'Public project page (largest project)' 4)" "<=" 50 ms
  check "project page p95, signed-in member, 64 connections, from their copy" \
    "$(figure 'Project page, signed-in member' 4)" "<=" 50 ms
  check "project page p95, signed-in member, 64 connections, rendered each time" \
    "$(figure 'Project page, signed-in member, rendered each time' 4)" "<=" 50 ms
  check "project page p95, signed-in member alone, rendered" "$(figure '1 connection: project page, member' 4)" "<=" 50 ms
  for page in "Home page" "Public project page (largest project)" "Programme dashboard" "Project list, searched" \
    "Open data: 360Giving JSON, gzip"; do
    check "$page, share of the ceiling" "$(figure "$page" 7)" ">=" 30 %
    check "$page, p99" "$(figure "$page" 5)" "<=" 100 ms
    check "$page, errors" "$(figure "$page" 6)" "<=" 0 ""
  done
  check "import against raw COPY" "$import_ratio" ">=" 50 %
  check "app memory under load" "$load_peak_mb" "<=" 400 MB
  check "cold start on SQLite with an existing database" "$cold_sqlite" "<=" 3000 ms
  # Why a target is missed, from this run's own figures.
  member_p95="$(figure 'Project page, signed-in member, rendered each time' 4)"
  if awk -v v="$member_p95" 'BEGIN { exit !(v > 50) }'; then
    echo
    echo "Why the signed-in project page rendered each time misses at $connections connections (a member's browser"
    echo "opening it again is served their own copy: $(figure 'Project page, signed-in member' 2) req/s, p95"
    echo "$(figure 'Project page, signed-in member' 4) ms): the load is a closed loop, so a p95 of"
    needed="$(awk -v c="$connections" 'BEGIN { printf "%d", c / 0.05 * 1.4 }')"
    echo "50 ms needs about $needed req/s (connections / 50 ms,"
    echo "times the spread of p95 over the mean). In this run the signed-in floor (the same session on an endpoint that"
    echo "does nothing: cookie, stamp check) served $(figure "Signed-in floor: /health/live, member's session" 2) req/s"
    echo "and the page rendered each time $(figure 'Project page, signed-in member, rendered each time' 2) req/s;"
    echo "one user alone gets it at"
    alone="1 connection: project page, member"
    echo "$(figure "$alone" 2) req/s, p95 $(figure "$alone" 4) ms."
    echo "At $connections connections its requests queue for two cores shared with PostgreSQL and the load tool."
  fi
  if [ "$load_peak_mb" -gt 400 ]; then
    echo
    echo "Where the app's memory grew (peak after each scenario, MB):"
    echo
    awk -F'\t' 'NR > 1 && $8 > prev + 5 { printf "- %s: %d -> %d\n", $1, prev, $8 } { prev = $8 }' "$table"
  fi
  retried="$(grep -c '^warn: Talka.Web.Infrastructure.Jobs.JobWorker' "$work/app.log" || true)"
  if [ "$retried" -gt 0 ]; then
    echo
    echo "Job attempts that failed and were queued again (warnings, not failures): $retried, by kind:"
    echo
    echo '```'
    grep -A1 '^warn: Talka.Web.Infrastructure.Jobs.JobWorker' "$work/app.log" | grep -oP 'Job \S+ \(\K[^)]+' | sort | uniq -c
    echo '```'
  fi
  if grep -q '^fail:' "$work/app.log"; then
    echo
    echo "The app logged $(grep -c '^fail:' "$work/app.log") failures, by kind (ids taken out):"
    echo
    echo '```'
    awk '/^fail:/ { if (n > 0) print line; n = 3; line = "" }
      n > 0 { line = line " " $0; if (--n == 0) print line } END { if (n > 0) print line }' "$work/app.log" | tr -s ' ' \
      | sed -E 's/[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}/<id>/g' | cut -c1-240 | sort | uniq -c | sort -rn | head -10
    echo '```'
  fi
} > "$out.md"
echo
cat "$out.md"
echo
echo "Written to $out.md"

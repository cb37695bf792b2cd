# Sourced by test.sh and bench.sh: starts a throwaway PostgreSQL 15 server on 127.0.0.1 (port from
# TALKA_PG_PORT, else the first free one from 55432) with a login role talka/talka, and stops it on exit.
# Sets pgport. Tuned for throwaway data: fsync and synchronous commit are off.
pgbin=/usr/lib/postgresql/15/bin
pgdir="$(mktemp -d /tmp/talka-pg.XXXXXX)"
pgport="${TALKA_PG_PORT:-55432}"
while (echo > "/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
runas_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
stop_postgres() {
  runas_pg "$pgbin/pg_ctl" -D "$pgdir/data" stop -m fast >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
echo "== Starting PostgreSQL on 127.0.0.1:$pgport"
runas_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
runas_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
  -o "-h 127.0.0.1 -p $pgport -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${TALKA_PG_OPTIONS:-}" \
  start >/dev/null
runas_pg "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE ROLE talka LOGIN PASSWORD 'talka' CREATEDB" >/dev/null

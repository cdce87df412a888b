#!/usr/bin/env bash
# A throw-away PostgreSQL from Debian's server binaries, for tests and CI:
#   eval "$(scripts/ci/postgres.sh start)"   # prints export NORDICHUB_TEST_PG=… and PG_TEST_DIR=…
#   scripts/ci/postgres.sh stop "$PG_TEST_DIR"
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# A free local port unless one is given, so a developer's own server or a second run never collides.
PORT=${PG_TEST_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}

as_postgres() {
  # initdb refuses to run as root; CI runs as root.
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/nordichub-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; chown postgres "$dir"; }
    as_postgres "$BIN/initdb" -D "$dir/data" -A trust -U nordichub -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    # Durability settings off: this database lives for one test run.
    as_postgres "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >&2
    echo "export PG_TEST_DIR=$dir"
    echo "export NORDICHUB_TEST_PG=postgresql://nordichub@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    dir=${2:?usage: postgres.sh stop DIR}
    as_postgres "$BIN/pg_ctl" -D "$dir/data" -m immediate stop >&2 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for tests under DIR (default /tmp/aide-portail-pg) on PORT (default 54329),
# touching nothing system-wide. Prints the DATABASE_URL to use. `pg-test-server.sh stop [DIR]` stops it.
set -euo pipefail
if [ "${1:-}" = "stop" ]; then
  DIR=${2:-/tmp/aide-portail-pg}
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  su postgres -s /bin/sh -c "$BIN/pg_ctl -D $DIR/data -m fast stop" >/dev/null 2>&1 || true
  exit 0
fi
DIR=${1:-/tmp/aide-portail-pg}
PORT=${2:-54329}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$DIR"
chown postgres:postgres "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  su postgres -s /bin/sh -c "$BIN/initdb -D $DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$DIR/initdb.log" 2>&1
fi
if ! su postgres -s /bin/sh -c "$BIN/pg_ctl -D $DIR/data status" >/dev/null 2>&1; then
  su postgres -s /bin/sh -c "$BIN/pg_ctl -D $DIR/data -l $DIR/server.log -o \"-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off\" -w start" >/dev/null
fi
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"

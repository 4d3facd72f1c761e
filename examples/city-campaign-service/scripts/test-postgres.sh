#!/usr/bin/env bash
# A throwaway PostgreSQL server for the campaign service's tests, in a temporary folder, reached through a
# Unix socket in that folder (no TCP port, so it never clashes with another server on the machine).
#
#   eval "$(bash examples/city-campaign-service/scripts/test-postgres.sh start)"   # exports the two variables
#   (in a script under `set -e`, assign the output first: a failure inside "$(…)" given to eval goes unseen)
#   bash examples/city-campaign-service/scripts/test-postgres.sh stop "$CAMPAIGN_TEST_POSTGRES_DIR"
#
# `start` installs Debian's postgresql first when no initdb is found and it runs as root (as CI does).
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user that package creates.
# Everything it says goes to stderr, but for the export lines on stdout.
set -euo pipefail

find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && echo "$found"
}

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  if [ -z "$(find_bin initdb)" ]; then
    if [ "$(id -u)" != 0 ]; then
      echo "test-postgres: no initdb found; install PostgreSQL (Debian: apt-get install postgresql)" >&2
      exit 1
    fi
    echo "test-postgres: installing Debian's postgresql" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  fi
  local initdb pg_ctl dir
  initdb=$(find_bin initdb)
  pg_ctl=$(find_bin pg_ctl)
  dir=$(mktemp -d /tmp/campaign-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_server_user "$initdb" -D "$dir/data" -U campaign -A trust -E UTF8 --locale=C.UTF-8 >&2
  as_server_user "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -c max_connections=200" start >&2
  echo "export CAMPAIGN_TEST_POSTGRES_DIR=$dir"
  echo "export CAMPAIGN_TEST_POSTGRES_URL='postgresql://campaign@${dir//\//%2F}/postgres'"
}

stop() {
  local dir=${1:?the folder that start printed}
  local pg_ctl
  pg_ctl=$(find_bin pg_ctl)
  as_server_user "$pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop <dir>" >&2; exit 2 ;;
esac

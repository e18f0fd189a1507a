#!/usr/bin/env bash
# Serve the seeded EverShop store on 127.0.0.1:${1:-8602} (foreground); its PostgreSQL stops when this stops.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE="$HERE/../.cache"
APP="$CACHE/evershop"
source "$HERE/pg.sh"
pg_up
cd "$APP"
PORT="${1:-8602}" EVERSHOP_HOME_URL="http://127.0.0.1:${1:-8602}" NODE_OPTIONS="--require $HERE/listen-local.cjs" node node_modules/.bin/evershop start &
pid=$!
# EverShop's server forks an event and a cron process: end them with it, then the database.
cleanup() {
  set +e
  trap - EXIT INT TERM
  pkill -TERM -P "$pid" 2>/dev/null
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  pg_down
}
trap cleanup EXIT INT TERM
wait "$pid"

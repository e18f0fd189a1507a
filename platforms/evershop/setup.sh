#!/usr/bin/env bash
# Install EverShop from npm into platforms/.cache/evershop, build its storefront, start a private PostgreSQL
# (platforms/.cache/evershop-pg, port $EVERSHOP_PG_PORT or 55433), migrate and seed. Idempotent.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE="$HERE/../.cache"
APP="$CACHE/evershop"
VERSION=2.2.1
source "$HERE/pg.sh"
if [ ! -x "$PG_BIN/initdb" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    systemctl disable --now postgresql >/dev/null 2>&1 || true   # the bed runs its own cluster
    source "$HERE/pg.sh"
  else
    echo "EverShop bed: PostgreSQL server binaries not found; install Debian's postgresql package" >&2; exit 3
  fi
fi
command -v node >/dev/null || { echo "EverShop bed: Node.js >= 18 and npm are needed" >&2; exit 3; }
mkdir -p "$APP"
cd "$APP"
if [ ! -f node_modules/@evershop/evershop/package.json ] \
   || ! grep -q "\"version\": \"$VERSION\"" node_modules/@evershop/evershop/package.json; then
  printf '{"name":"clearcart-evershop-bed","private":true,"version":"0.0.0"}\n' > package.json
  # concat-stream: imported by EverShop's cms module but not declared in its dependencies.
  npm install --no-audit --no-fund --loglevel=error "@evershop/evershop@$VERSION" concat-stream@2
  rm -rf .evershop/build
fi
cat > .env <<ENV
DB_HOST=127.0.0.1
DB_PORT=$PG_PORT
DB_NAME=evershop
DB_USER=postgres
DB_PASSWORD=postgres
DB_SSLMODE=disable
ENV
if [ ! -d .evershop/build ]; then
  SUPPRESS_NO_CONFIG_WARNING=1 node node_modules/.bin/evershop build
fi
pg_up
trap pg_down EXIT
if [ "$(psql_bed -d postgres -c "select 1 from pg_database where datname='evershop'")" != 1 ]; then
  psql_bed -d postgres -c "create database evershop"
fi
cp "$HERE/seed.mjs" clearcart-seed.mjs
SUPPRESS_NO_CONFIG_WARNING=1 node clearcart-seed.mjs

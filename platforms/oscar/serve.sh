#!/usr/bin/env bash
# Serve the seeded Oscar shop on 127.0.0.1:${1:-8601} (foreground). Run setup.sh first.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export OSCAR_BED_STATE="${OSCAR_BED_STATE:-$HERE/../.cache/oscar-state}"
cd "$HERE"
exec "$HERE/../.cache/oscar-venv/bin/python" manage.py runserver "127.0.0.1:${1:-8601}" --insecure --noreload

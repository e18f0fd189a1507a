#!/usr/bin/env bash
# Install django-oscar into platforms/.cache/oscar-venv, migrate and seed. Idempotent.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE="$HERE/../.cache"
VENV="$CACHE/oscar-venv"
export OSCAR_BED_STATE="${OSCAR_BED_STATE:-$CACHE/oscar-state}"
mkdir -p "$CACHE" "$OSCAR_BED_STATE"
if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
if ! "$VENV/bin/python" -c "import oscar, sorl, whoosh" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet "django-oscar==4.2.1" "sorl-thumbnail>=12.10" "Whoosh>=2.7"
fi
cd "$HERE"
"$VENV/bin/python" manage.py migrate --verbosity 0
"$VENV/bin/python" manage.py collectstatic --noinput --verbosity 0
"$VENV/bin/python" -W ignore seed.py
"$VENV/bin/python" -W ignore manage.py rebuild_index --noinput --verbosity 0

#!/usr/bin/env bash
# A Python venv with schemathesis (PyPI), which checks `attune serve` against its own
# GET /openapi.json (ServeCLITests.testSchemathesis; scripts/setup.sh runs this). Its own folder:
# schemathesis's dependencies are kept apart from the client venv's chromadb.
#
#   scripts/schema-venv.sh            create or update the venv (quiet when already done)
#   scripts/schema-venv.sh python     print the venv's python path
#   scripts/schema-venv.sh st         print the path of its schemathesis command
#
# ATTUNE_SCHEMA_VENV (default ~/.cache/attune/schema-venv, or /opt/attune-schema-venv as root).
set -euo pipefail
cd "$(dirname "$0")/.."

schemathesis_version="4.32.5"
if [ "$(id -u)" -eq 0 ]; then default_home=/opt/attune-schema-venv; else default_home="${ATTUNE_HOME:-$HOME/.cache/attune}/schema-venv"; fi
venv="${ATTUNE_SCHEMA_VENV:-$default_home}"
stamp="$venv/.attune-schemathesis-$schemathesis_version"

case "${1:-}" in
  python) echo "$venv/bin/python"; exit 0 ;;
  st) echo "$venv/bin/st"; exit 0 ;;
esac
if [ -f "$stamp" ] && [ -x "$venv/bin/python" ]; then exit 0; fi

echo "schema-venv.sh: installing schemathesis $schemathesis_version into $venv …" >&2
rm -rf "$venv.tmp"
python3 -m venv "$venv.tmp"
"$venv.tmp/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$schemathesis_version" >&2
touch "$venv.tmp/.attune-schemathesis-$schemathesis_version"
rm -rf "$venv"
mv "$venv.tmp" "$venv"
# The console scripts' #! lines name the folder they were installed in.
grep -lI "^#!$venv.tmp/" "$venv"/bin/* | xargs -r sed -i "1s|^#!$venv.tmp/|#!$venv/|"

#!/usr/bin/env bash
# A Python venv with the real HTTP clients `attune serve` is checked against: the `openai` package
# and `chromadb` (its OpenAIEmbeddingFunction and HuggingFaceEmbeddingServer embedding functions),
# from PyPI, in a folder the project owns (setup.sh runs this; scripts/check-serve-clients.py
# runs in it).
#
#   scripts/client-venv.sh            create or update the venv (quiet when already done)
#   scripts/client-venv.sh python     print the venv's python path
#
# ATTUNE_CLIENT_VENV (default ~/.cache/attune/client-venv, or /opt/attune-client-venv as root).
set -euo pipefail
cd "$(dirname "$0")/.."

openai_version="3.57.0"
chromadb_version="1.5.9"
if [ "$(id -u)" -eq 0 ]; then default_home=/opt/attune-client-venv; else default_home="${ATTUNE_HOME:-$HOME/.cache/attune}/client-venv"; fi
venv="${ATTUNE_CLIENT_VENV:-$default_home}"
stamp="$venv/.attune-clients-$openai_version-$chromadb_version"

if [ "${1:-}" = "python" ]; then echo "$venv/bin/python"; exit 0; fi
if [ -f "$stamp" ] && [ -x "$venv/bin/python" ]; then exit 0; fi

echo "client-venv.sh: installing openai $openai_version and chromadb $chromadb_version into $venv …" >&2
rm -rf "$venv.tmp"
python3 -m venv "$venv.tmp"
"$venv.tmp/bin/python" -m pip install --quiet --disable-pip-version-check --only-binary :all: \
    "openai==$openai_version" "chromadb==$chromadb_version" "numpy" >&2
touch "$venv.tmp/.attune-clients-$openai_version-$chromadb_version"
rm -rf "$venv"
mv "$venv.tmp" "$venv"

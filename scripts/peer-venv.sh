#!/usr/bin/env bash
# A Python venv with infinity-emb (PyPI), the peer `attune serve` is benchmarked against
# (scripts/bench-serve-peer.sh): its server extras and its PyTorch backend on CPU, serving a local
# sentence-transformers folder. Separate from the client venv (PyTorch is large). setup.sh runs it:
# its PyTorch and sentence-transformers also check that an exported cross-encoder scores the same
# in PyTorch (scripts/check-cross-encoder-export.py, run by a test).
#
#   scripts/peer-venv.sh            create or update the venv (quiet when already done)
#   scripts/peer-venv.sh python     print the venv's python path
#   scripts/peer-venv.sh infinity   print the venv's infinity_emb path
#
# ATTUNE_PEER_VENV (default ~/.cache/attune/peer-venv, or /opt/attune-peer-venv as root).
set -euo pipefail
cd "$(dirname "$0")/.."

infinity_version="0.0.78"
torch_version="2.13.0"
sentence_transformers_version="3.4.1"
transformers_version="4.48.3"
if [ "$(id -u)" -eq 0 ]; then default_home=/opt/attune-peer-venv; else default_home="${ATTUNE_HOME:-$HOME/.cache/attune}/peer-venv"; fi
venv="${ATTUNE_PEER_VENV:-$default_home}"
tag="$infinity_version-$torch_version-$sentence_transformers_version-$transformers_version"
stamp="$venv/.attune-peer-$tag"

case "${1:-}" in
  python) echo "$venv/bin/python"; exit 0 ;;
  infinity) echo "$venv/bin/infinity_emb"; exit 0 ;;
esac
if [ -f "$stamp" ] && [ -x "$venv/bin/infinity_emb" ]; then exit 0; fi

echo "peer-venv.sh: installing infinity-emb $infinity_version (torch $torch_version CPU) into $venv …" >&2
rm -rf "$venv.tmp"
python3 -m venv "$venv.tmp"
# PyTorch's CPU build (its CUDA build is gigabytes and useless here): the +cpu wheel from pip's
# find-links folder (this machine kind's pip.conf names one); without it, PyPI's torch.
torch_req="torch==$torch_version+cpu"
"$venv.tmp/bin/python" -m pip install --quiet --disable-pip-version-check "$torch_req" >&2 || {
  echo "peer-venv.sh: no $torch_req wheel at hand; installing torch==$torch_version from PyPI" >&2
  torch_req="torch==$torch_version"
  "$venv.tmp/bin/python" -m pip install --quiet --disable-pip-version-check "$torch_req" >&2
}
"$venv.tmp/bin/python" -m pip install --quiet --disable-pip-version-check \
    "infinity-emb[server,torch]==$infinity_version" "$torch_req" \
    "sentence-transformers==$sentence_transformers_version" "transformers==$transformers_version" >&2
touch "$venv.tmp/.attune-peer-$tag"
rm -rf "$venv"
mv "$venv.tmp" "$venv"
# The console scripts' #! lines name the folder they were installed in.
grep -lI "^#!$venv.tmp/" "$venv"/bin/* | xargs -r sed -i "1s|^#!$venv.tmp/|#!$venv/|"

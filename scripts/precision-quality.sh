#!/usr/bin/env bash
# What bf16 and int8 cost in retrieval quality (issue #13), for any number of models:
#   1. nDCG@10 on MedQuAD test (1,091 queries × 15,809 answers) at fp32, bf16 and int8;
#   2. per-text cosine of each precision's embedding to fp32's over the first N corpus texts.
#
#   scripts/precision-quality.sh [--n 1000] [--max-seq-length 256] [--out DIR] MODEL...
#
# MODEL is a name from Attune's model cache or a sentence-transformers folder. Run from the
# repository root after `swift build -c release` (ATTUNE overrides the binary). Indexes are cached in
# DIR/idx (one per model and precision), so a second run only scores. The cosines need python3 with
# numpy (PYTHON overrides it, e.g. ../st-venv/bin/python).
set -euo pipefail

n=1000; len=256; out=out/precision-quality
models=()
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n="$2"; shift 2;;
    --max-seq-length) len="$2"; shift 2;;
    --out) out="$2"; shift 2;;
    -h|--help) sed -n '2,12p' "$0"; exit 0;;
    -*) echo "precision-quality.sh: unknown option $1" >&2; exit 64;;
    *) models+=("$1"); shift;;
  esac
done
[ ${#models[@]} -gt 0 ] || models=(all-MiniLM-L6-v2)
attune=${ATTUNE:-.build/release/attune}
python=${PYTHON:-python3}
d=../shared/data/medquad
for f in "$attune" "$d/corpus.jsonl" "$d/test-queries.jsonl" "$d/test-qrels.tsv"; do
  [ -e "$f" ] || { echo "precision-quality.sh: $f is missing" >&2; exit 1; }
done
mkdir -p "$out/idx"

margs=()
for m in "${models[@]}"; do margs+=(--model "$m"); done
for p in fp32 bf16 int8; do
  echo "== nDCG@10 on MedQuAD test at $p, $len tokens"
  "$attune" eval "${margs[@]}" --precision "$p" --strict-precision --max-seq-length "$len" \
    --corpus "$d/corpus.jsonl" --queries "$d/test-queries.jsonl" --qrels "$d/test-qrels.tsv" \
    --index-dir "$out/idx" --json "$out/eval-$p.json" > "$out/eval-$p.txt"
  grep -E '^(metric|ndcg@10)' "$out/eval-$p.txt"
done

head -n "$n" "$d/corpus.jsonl" > "$out/cosine-input.jsonl"
i=0
for m in "${models[@]}"; do
  i=$((i + 1))
  for p in fp32 bf16 int8; do
    "$attune" embed --model "$m" --input "$out/cosine-input.jsonl" --max-seq-length "$len" \
      --precision "$p" --strict-precision --output "$out/cosine-$i-$p.npy"
  done
  echo "== cosine to fp32 over the first $n corpus texts: $m"
  "$python" - "$out/cosine-$i" <<'PY'
import sys
import numpy as np
stem = sys.argv[1]
f = np.load(stem + "-fp32.npy")
for p in ("bf16", "int8"):
    x = np.load(f"{stem}-{p}.npy")
    c = (f * x).sum(1) / (np.linalg.norm(f, axis=1) * np.linalg.norm(x, axis=1))
    print(f"{p}: {len(c)} texts, cosine to fp32 min {c.min():.5f} mean {c.mean():.5f}")
PY
done

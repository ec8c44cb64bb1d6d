#!/usr/bin/env bash
# The peer benchmark of `attune serve`: in one run on this machine, the same sentence-transformers
# folder served by infinity-emb (PyTorch on CPU, the venv scripts/peer-venv.sh makes), then by
# `attune serve` at fp32, then at int8, each driven by scripts/bench-serve.py at each concurrency
# (texts/s, p50/p99 request latency, the server's peak RSS), one server at a time; then the
# in-process latency of the same texts one at a time (attune-bench encode --latency), the figure
# the served concurrency-1 p50 is set against. Prints one JSON line per level and a summary table.
#
#   swift build -c release && scripts/peer-venv.sh
#   scripts/bench-serve-peer.sh [--model DIR] [--corpus FILE] [--requests N] [--concurrency "1 8 64"] [--out FILE]
#       [--attune-args "--max-batch-tokens 4096"] [--skip-infinity] [--interleave]
#
# --interleave starts every server first, each on its own port, and takes the levels in turns
# (infinity-emb at concurrency 1, attune fp32 at 1, attune int8 at 1, infinity-emb at 8, …), the
# in-process latency right after attune's concurrency-1 level, so that a load that changes during
# the run (a shared machine) falls on all servers alike; idle servers wait on their sockets.
#
# int8 runs with --strict-precision: on a CPU without VNNI it is reported as unavailable, not
# silently measured as fp32. Loopback only; each level stops after --requests requests.
set -euo pipefail
cd "$(dirname "$0")/.."

model="${ATTUNE_HOME:-$HOME/.cache/attune}/models/all-MiniLM-L6-v2"
corpus="../shared/data/medquad/corpus.jsonl"
requests=256
concurrency="1 8 64"
out="$(mktemp -t attune-bench-serve-peer.XXXXXX.jsonl)"
attune_args=""
skip_infinity=""
interleave=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --attune-args) attune_args="$2"; shift 2 ;;
    --skip-infinity) skip_infinity=1; shift ;;
    --interleave) interleave=1; shift ;;
    *) echo "bench-serve-peer.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$model/config.json" ] || { echo "bench-serve-peer.sh: --model $model: no config.json (scripts/fetch-model.sh)" >&2; exit 1; }
[ -f "$corpus" ] || { echo "bench-serve-peer.sh: --corpus $corpus: not found" >&2; exit 1; }
attune=.build/release/attune; bench=.build/release/attune-bench
[ -x "$attune" ] && [ -x "$bench" ] || { echo "bench-serve-peer.sh: build first: swift build -c release" >&2; exit 1; }
scripts/peer-venv.sh
infinity="$(scripts/peer-venv.sh infinity)"
name="$(basename "$model")"
port_infinity=7997; port_attune=18080
: > "$out"
log="$(mktemp -d -t attune-bench-serve-peer.XXXXXX)"
server_pid=""
stop() { if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi; server_pid=""; }
trap stop EXIT

# Wait until URL answers 200 (at most 180 s), or the server died.
wait_up() {
  for _ in $(seq 1 360); do
    curl -fs -o /dev/null "$1" && return 0
    kill -0 "$server_pid" 2>/dev/null || { echo "bench-serve-peer.sh: the server exited; its log:" >&2; tail -20 "$2" >&2; return 1; }
    sleep 0.5
  done
  echo "bench-serve-peer.sh: $1 did not answer within 180 s" >&2; return 1
}

drive() {  # LABEL PORT
  python3 scripts/bench-serve.py --url "http://127.0.0.1:$2" --model "$name" --corpus "$corpus" \
      --concurrency $concurrency --requests "$requests" --batch 1 --pid "$server_pid" --label "$1" \
      --load | tee -a "$out"
}

in_process() {  # PRECISION
  "$bench" encode --latency --model "$model" --corpus "$corpus" --n "$requests" --precision "$1" 2>/dev/null \
      | python3 -c 'import json,sys; r=json.loads(sys.stdin.read().strip().splitlines()[-1]); r["label"]="in-process-'"$1"'"; print(json.dumps(r))' | tee -a "$out"
}

start_infinity() {  # PORT
  HF_HUB_OFFLINE=1 INFINITY_ANONYMOUS_USAGE_STATS=0 DO_NOT_TRACK=1 "$infinity" v2 --model-id "$model" \
      --served-model-name "$name" --url-prefix /v1 --host 127.0.0.1 --port "$1" \
      --device cpu --engine torch --no-bettertransformer --log-level warning > "$log/infinity.log" 2>&1 &
  server_pid=$!
}

echo "# $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$attune" doctor 2>&1 | grep -E "OpenBLAS core|precisions" >&2

if [ -n "$interleave" ]; then
  labels=(); pids=(); ports=()
  all_stop() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; }
  trap all_stop EXIT
  if [ -z "$skip_infinity" ]; then
    echo "# infinity-emb $("$(scripts/peer-venv.sh python)" -c 'import infinity_emb; print(infinity_emb.__version__)')" >&2
    start_infinity "$port_infinity"
    wait_up "http://127.0.0.1:$port_infinity/health" "$log/infinity.log"
    labels+=(infinity); pids+=("$server_pid"); ports+=("$port_infinity")
  fi
  port=$port_attune
  for precision in fp32 int8; do
    "$attune" serve --model "$model" --port "$port" --precision "$precision" --strict-precision $attune_args > "$log/attune-$precision.log" 2>&1 &
    server_pid=$!
    if wait_up "http://127.0.0.1:$port/health" "$log/attune-$precision.log"; then
      grep -m1 "attune serve:" "$log/attune-$precision.log" >&2
      labels+=("attune-$precision"); pids+=("$server_pid"); ports+=("$port")
    else
      echo "{\"label\": \"attune-$precision\", \"unavailable\": $(tail -1 "$log/attune-$precision.log" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))')}" | tee -a "$out"
    fi
    port=$((port + 1))
  done
  for c in $concurrency; do
    for i in "${!labels[@]}"; do
      python3 scripts/bench-serve.py --url "http://127.0.0.1:${ports[$i]}" --model "$name" --corpus "$corpus" \
          --concurrency "$c" --requests "$requests" --batch 1 --pid "${pids[$i]}" --label "${labels[$i]}" --load | tee -a "$out"
      if [ "$c" = "$(echo $concurrency | cut -d' ' -f1)" ] && [ "${labels[$i]#attune-}" != "${labels[$i]}" ]; then
        in_process "${labels[$i]#attune-}"
      fi
    done
  done
  echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg); results: $out" >&2
  python3 scripts/bench-serve.py --summarise "$out"
  exit 0
fi

if [ -z "$skip_infinity" ]; then
  echo "# infinity-emb $("$(scripts/peer-venv.sh python)" -c 'import infinity_emb; print(infinity_emb.__version__)')" >&2
  start_infinity "$port_infinity"
  wait_up "http://127.0.0.1:$port_infinity/health" "$log/infinity.log"
  drive infinity "$port_infinity"
  stop
fi

for precision in fp32 int8; do
  "$attune" serve --model "$model" --port "$port_attune" --precision "$precision" --strict-precision $attune_args > "$log/attune-$precision.log" 2>&1 &
  server_pid=$!
  if ! wait_up "http://127.0.0.1:$port_attune/health" "$log/attune-$precision.log"; then
    echo "{\"label\": \"attune-$precision\", \"unavailable\": $(tail -1 "$log/attune-$precision.log" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))')}" | tee -a "$out"
    server_pid=""; continue
  fi
  grep -m1 "attune serve:" "$log/attune-$precision.log" >&2
  drive "attune-$precision" "$port_attune"
  stop
  in_process "$precision"
done
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg); results: $out" >&2
python3 scripts/bench-serve.py --summarise "$out"

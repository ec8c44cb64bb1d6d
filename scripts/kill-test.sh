#!/usr/bin/env bash
# Kill -9 Attune at seeded random moments and check that nothing it leaves is corrupt.
#
#   scripts/kill-test.sh [N] [SEED]     N kills per command (default 3), seed of the moments (default 1)
#
# Commands: train, index, export, merge, mine, demo (a reduced demo: a short recipe on a 320-document
# slice of Data/medical) — KILL_COMMANDS="train index" runs a subset; KILL_DISK=0 skips the full-disk
# check. Each command first runs once uninterrupted (the reference and its duration T); then N times
# it is started afresh and sent SIGKILL after a delay drawn uniformly from [0, 0.8 T) (seeded; a run that finishes
# first is not counted as a kill), and:
#   - every output present is whole and loadable (a model folder embeds 4 texts exactly as the
#     reference does; a mined file or eval.json equals the reference's byte for byte) or absent;
#   - train: `--resume` then ends with every *.safetensors of the model equal BYTE FOR BYTE to the
#     uninterrupted run's;
#   - index: the file passes SQLite's integrity check and holds whole batches only (a multiple of
#     --batch-size documents, each vector whole); a rerun completes it with every document exactly
#     once, its vectors within 1e-5 of the reference index (a resumed index batches the remaining
#     documents differently, and a batch's padding length changes the last bits);
#   - export/merge/mine with an earlier output in place and --force: the earlier output stays whole;
#   - demo: a rerun finishes with eval.json equal to the uninterrupted demo's.
# Full disk: each command again under `ulimit -f` (with SIGXFSZ ignored, so a write fails as on a
# full disk instead of killing the process): it must exit 1 with an `error:` line that names the
# cause ("File too large", "No space left on device", SQLite's "database or disk is full"), and the
# earlier output must be intact. The summary table goes to stdout; logs stay in the work folder (KILL_WORK,
# default a new /tmp/attune-kill.*), removed on success unless KILL_KEEP=1.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
N=${1:-3}
SEED=${2:-1}
RANDOM=$SEED
commands=${KILL_COMMANDS:-train index export merge mine demo}
attune=${ATTUNE:-$repo/.build/release/attune}
if [ -z "${ATTUNE:-}" ]; then
    echo "building attune (release) …" >&2
    nice -n 10 swift build -c release --product attune >&2 || exit 1
fi
work=${KILL_WORK:-$(mktemp -d /tmp/attune-kill.XXXXXX)}
mkdir -p "$work"
export ATTUNE_THREADS=${ATTUNE_THREADS:-2}
py=python3
A() { nice -n 10 "$attune" "$@"; }

# ---- inputs -----------------------------------------------------------------------------------
head -n 320 Data/medical/corpus.jsonl >"$work/corpus.jsonl"
head -n 64 Data/medical/train.jsonl >"$work/pairs.jsonl"
printf '%s\n' "What are the symptoms of diabetes?" "How is asthma treated?" "vitamin D and bones" "a sentence from elsewhere" >"$work/texts.txt"
mkdir -p "$work/data"
cp "$work/corpus.jsonl" "$work/data/corpus.jsonl"
$py - "$work" <<'EOF'
import json, sys
w = sys.argv[1]
docs = {json.loads(l)["_id"] for l in open(f"{w}/corpus.jsonl")}
rows = [l.rstrip("\n").split("\t") for l in open("Data/medical/test-qrels.tsv")]
keep = [r for r in rows[1:] if r[1] in docs]
qs = {r[0] for r in keep}
open(f"{w}/data/test-qrels.tsv", "w").write("\t".join(rows[0]) + "\n" + "".join("\t".join(r) + "\n" for r in keep))
open(f"{w}/data/test-queries.jsonl", "w").writelines(l for l in open("Data/medical/test-queries.jsonl") if json.loads(l)["_id"] in qs)
EOF
train_flags=(--pairs "$work/pairs.jsonl" --max-pairs 64 --epochs 2 --batch-size 16 --checkpoint-every 2
             --max-seq-length 32 --trainable-layers 1 --seed 7)
sed -e "s|^epochs:.*|epochs: 1|" -e "s|^max_seq_length:.*|max_seq_length: 32|" -e "s|^trainable_layers:.*|trainable_layers: 1|" \
    -e "s|^max_pairs:.*|max_pairs: 64|" -e "s|^batch_size:.*|batch_size: 16|" -e "s|^checkpoint_every:.*|checkpoint_every: 1|" \
    -e "s|^pairs:.*|pairs: $repo/Data/medical/train.jsonl|" Recipes/demo.yaml >"$work/demo.yaml"

# ---- helpers ----------------------------------------------------------------------------------
declare -A kills finished corrupt unequal notes
fail() { corrupt[$1]=$(( ${corrupt[$1]:-0} + 1 )); echo "CORRUPT [$1] $2" >&2; notes[$1]="${notes[$1]:-}$2; "; }
differ() { unequal[$1]=$(( ${unequal[$1]:-0} + 1 )); echo "UNEQUAL [$1] $2" >&2; notes[$1]="${notes[$1]:-}$2; "; }

# Run `attune "$@"` in the background, SIGKILL it after a seeded delay in [0, $1 ms); sets $killed
# (1, or 0 when it finished first). The subshell execs nice, which execs attune: $! is attune itself.
kill_after() {
    local span=$1; shift
    local delay=$(( (RANDOM * 32768 + RANDOM) % (span * 4 / 5 + 1) ))
    ( exec nice -n 10 "$attune" "$@" ) >"$work/last.log" 2>&1 &
    local pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; killed=1; else killed=0; fi
    wait "$pid" 2>/dev/null
    last_delay=$delay
}

# Time "$@" in milliseconds into $elapsed; returns its status.
timed() {
    local t0; t0=$(date +%s%N)
    "$@"; local s=$?
    elapsed=$(( ($(date +%s%N) - t0) / 1000000 ))
    return $s
}

# A model folder is whole when attune embeds the probe texts exactly as the reference folder did.
model_ok() {  # DIR REF_NPY
    A embed --model "$1" --input "$work/texts.txt" --output "$work/probe.npy" >/dev/null 2>"$work/probe.err" || return 1
    cmp -s "$work/probe.npy" "$2"
}

# No temp folders or files left beside an output (litter a later run cleans up is reported, not failed).
litter() { find "$(dirname "$1")" -maxdepth 1 -name ".$(basename "$1")*" 2>/dev/null | wc -l; }

index_check() {  # DB CORPUS BATCH COMPLETE(0/1) [REF_DB]
    $py - "$@" <<'EOF'
import json, sqlite3, struct, sys
db, corpus, batch, complete = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "1"
ref = sys.argv[5] if len(sys.argv) > 5 else None
ids = [json.loads(l)["_id"] for l in open(corpus)]
c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
if c.execute("PRAGMA integrity_check").fetchone()[0] != "ok": sys.exit("integrity check failed")
dim = int(dict(c.execute("SELECT key, value FROM meta"))["dimension"])
rows = c.execute("SELECT id, vector FROM docs").fetchall()
got = [r[0] for r in rows]
if len(got) != len(set(got)): sys.exit("a document is stored twice")
if not set(got) <= set(ids): sys.exit("an id not in the corpus")
if any(len(r[1]) != 4 * dim for r in rows): sys.exit("a vector of the wrong length")
if complete and sorted(got) != sorted(ids): sys.exit(f"{len(got)} of {len(ids)} documents after the rerun")
if not complete and len(got) % batch != 0 and len(got) != len(ids): sys.exit(f"{len(got)} documents: a half batch")
if ref:
    want = dict(sqlite3.connect(f"file:{ref}?mode=ro", uri=True).execute("SELECT id, vector FROM docs").fetchall())
    worst = max(max(abs(a - b) for a, b in zip(struct.unpack(f"<{dim}f", v), struct.unpack(f"<{dim}f", want[i]))) for i, v in rows)
    if worst > 1e-5: sys.exit(f"vectors differ from the reference by {worst:g}")
EOF
}

# ---- one section per command ------------------------------------------------------------------
run_train() {
    timed A train "${train_flags[@]}" --output "$work/train-ref" >"$work/train-ref.log" 2>&1 || { fail train "reference run failed (see $work/train-ref.log)"; return; }
    local span=$elapsed
    A embed --model "$work/train-ref/model" --input "$work/texts.txt" --output "$work/train-ref.npy" >/dev/null 2>&1
    for i in $(seq 1 "$N"); do
        local out=$work/train-$i
        rm -rf "$out"
        kill_after "$span" train "${train_flags[@]}" --output "$out"
        kills[train]=$(( ${kills[train]:-0} + killed ))
        if [ -d "$out/model" ] && ! model_ok "$out/model" "$work/train-ref.npy"; then fail train "kill $i at ${last_delay}ms: $out/model is not whole"; fi
        if ! A train "${train_flags[@]}" --output "$out" --resume >"$work/train-$i.log" 2>&1; then
            fail train "kill $i at ${last_delay}ms: --resume failed: $(grep error: "$work/train-$i.log" | head -1)"; continue
        fi
        finished[train]=$(( ${finished[train]:-0} + 1 ))
        for f in $(cd "$work/train-ref/model" && find . -name '*.safetensors'); do
            cmp -s "$work/train-ref/model/$f" "$out/model/$f" || differ train "kill $i at ${last_delay}ms: resumed $f differs from the uninterrupted run"
        done
        rm -rf "$out"
    done
}

run_index() {
    timed A index --model all-MiniLM-L6-v2 --corpus "$work/corpus.jsonl" --db "$work/index-ref.sqlite" --batch-size 16 --max-seq-length 64 >"$work/index-ref.log" 2>&1 \
        || { fail index "reference run failed"; return; }
    local span=$elapsed
    for i in $(seq 1 "$N"); do
        local db=$work/index-$i.sqlite
        rm -f "$db"*
        kill_after "$span" index --model all-MiniLM-L6-v2 --corpus "$work/corpus.jsonl" --db "$db" --batch-size 16 --max-seq-length 64
        kills[index]=$(( ${kills[index]:-0} + killed ))
        if [ -e "$db" ]; then
            local why; why=$(index_check "$db" "$work/corpus.jsonl" 16 0 2>&1) || fail index "kill $i at ${last_delay}ms: $why"
        fi
        A index --model all-MiniLM-L6-v2 --corpus "$work/corpus.jsonl" --db "$db" --batch-size 16 --max-seq-length 64 >"$work/index-$i.log" 2>&1 \
            || { fail index "kill $i: the rerun failed: $(grep error: "$work/index-$i.log" | head -1)"; continue; }
        finished[index]=$(( ${finished[index]:-0} + 1 ))
        local why; why=$(index_check "$db" "$work/corpus.jsonl" 16 1 "$work/index-ref.sqlite" 2>&1) || differ index "kill $i at ${last_delay}ms: $why"
        rm -f "$db"*
    done
}

# export and merge: a model folder written with --force; half the kills with an earlier output in place.
run_folder() {  # NAME ARGS…
    local name=$1; shift
    local ref=$work/$name-ref
    timed A "$@" --output "$ref" --force >"$work/$name-ref.log" 2>&1 || { fail "$name" "reference run failed (see $work/$name-ref.log)"; return; }
    local span=$elapsed
    A embed --model "$ref" --input "$work/texts.txt" --output "$work/$name-ref.npy" >/dev/null 2>&1
    for i in $(seq 1 "$N"); do
        local out=$work/$name-$i
        rm -rf "$out"
        [ $((i % 2)) -eq 0 ] && cp -r "$ref" "$out"
        kill_after "$span" "$@" --output "$out" --force
        kills[$name]=$(( ${kills[$name]:-0} + killed ))
        if [ -e "$out" ]; then
            model_ok "$out" "$work/$name-ref.npy" || fail "$name" "kill $i at ${last_delay}ms: $out is half-written ($(head -c 200 "$work/probe.err"))"
            diff -r -q -x README.md "$ref" "$out" >/dev/null || fail "$name" "kill $i at ${last_delay}ms: $out differs from the reference folder"
        elif [ $((i % 2)) -eq 0 ]; then
            fail "$name" "kill $i at ${last_delay}ms: the earlier $out is gone"
        fi
        A "$@" --output "$out" --force >/dev/null 2>&1 && finished[$name]=$(( ${finished[$name]:-0} + 1 )) || fail "$name" "kill $i: the rerun failed"
        rm -rf "$out" "$work"/."$name-$i"*
    done
}

run_mine() {
    local args=(mine --model all-MiniLM-L6-v2 --pairs "$work/pairs.jsonl" --num-negatives 2 --max-seq-length 32)
    timed A "${args[@]}" --output "$work/mine-ref.jsonl" --force >"$work/mine-ref.log" 2>&1 || { fail mine "reference run failed"; return; }
    local span=$elapsed
    for i in $(seq 1 "$N"); do
        local out=$work/mine-$i.jsonl
        rm -f "$out"
        [ $((i % 2)) -eq 0 ] && cp "$work/mine-ref.jsonl" "$out"
        kill_after "$span" "${args[@]}" --output "$out" --force
        kills[mine]=$(( ${kills[mine]:-0} + killed ))
        if [ -e "$out" ]; then
            cmp -s "$out" "$work/mine-ref.jsonl" || fail mine "kill $i at ${last_delay}ms: $out is not the whole output"
        elif [ $((i % 2)) -eq 0 ]; then
            fail mine "kill $i at ${last_delay}ms: the earlier $out is gone"
        fi
        A "${args[@]}" --output "$out" --force >/dev/null 2>&1 && finished[mine]=$(( ${finished[mine]:-0} + 1 )) || fail mine "kill $i: the rerun failed"
        rm -f "$out" "$work"/.mine-$i*
    done
}

run_demo() {
    local args=(demo --recipe "$work/demo.yaml" --data "$work/data")
    timed A "${args[@]}" --output "$work/demo-ref" >"$work/demo-ref.log" 2>&1 || { fail demo "reference run failed (see $work/demo-ref.log)"; return; }
    local span=$elapsed
    A embed --model "$work/demo-ref/export" --input "$work/texts.txt" --output "$work/demo-ref.npy" >/dev/null 2>&1
    for i in $(seq 1 "$N"); do
        local out=$work/demo-$i
        rm -rf "$out"
        kill_after "$span" "${args[@]}" --output "$out"
        kills[demo]=$(( ${kills[demo]:-0} + killed ))
        [ -e "$out/eval.json" ] && ! cmp -s "$out/eval.json" "$work/demo-ref/eval.json" && fail demo "kill $i at ${last_delay}ms: eval.json is not whole"
        [ -e "$out/export" ] && ! model_ok "$out/export" "$work/demo-ref.npy" && fail demo "kill $i at ${last_delay}ms: export/ is half-written"
        A "${args[@]}" --output "$out" >"$work/demo-$i.log" 2>&1 || { fail demo "kill $i at ${last_delay}ms: the rerun failed: $(grep error: "$work/demo-$i.log" | head -1)"; continue; }
        finished[demo]=$(( ${finished[demo]:-0} + 1 ))
        cmp -s "$out/eval.json" "$work/demo-ref/eval.json" || differ demo "kill $i at ${last_delay}ms: the resumed demo's eval.json differs"
        model_ok "$out/export" "$work/demo-ref.npy" || differ demo "kill $i at ${last_delay}ms: the resumed demo's export embeds differently"
        rm -rf "$out"
    done
}

# Full disk: `ulimit -f` KB with SIGXFSZ ignored, so writes fail with EFBIG as on a full device.
disk_rows=()
full_disk() {  # NAME KB EARLIER(path or -) ARGS…
    local name=$1 kb=$2 earlier=$3; shift 3
    local before=""
    [ "$earlier" != - ] && before=$(cd "$earlier" 2>/dev/null && find . -type f -exec sha256sum {} + | sort || sha256sum "$earlier")
    ( ulimit -f "$kb"; trap '' XFSZ; exec nice -n 10 "$attune" "$@" ) >"$work/disk.out" 2>"$work/disk.err"
    local s=$? verdict=ok
    if [ $s -eq 0 ]; then verdict="FAIL: succeeded under a ${kb} KB file limit"
    elif [ $s -ne 1 ]; then verdict="FAIL: exit $s (a crash, not an error)"
    elif ! grep -q '^error: ' "$work/disk.err"; then verdict="FAIL: no error line"
    elif ! grep -m1 '^error: ' "$work/disk.err" | grep -qiE 'too large|disk is full|no space'; then
        verdict="FAIL: the error line does not say the disk (or file size limit) is full"
    fi
    if [ "$earlier" != - ]; then
        local after; after=$(cd "$earlier" 2>/dev/null && find . -type f -exec sha256sum {} + | sort || sha256sum "$earlier")
        [ "$before" == "$after" ] || verdict="FAIL: the earlier output changed"
    fi
    disk_rows+=("$(printf '%-8s %8s KB  exit %-3s %s  %s' "$name" "$kb" "$s" "$verdict" "$(grep -m1 '^error: ' "$work/disk.err" | cut -c1-110)")")
    [[ $verdict == ok ]] || corrupt[disk]=$(( ${corrupt[disk]:-0} + 1 ))
}

run_disk() {
    [ -d "$work/train-ref/model" ] || A train "${train_flags[@]}" --output "$work/train-ref" >/dev/null 2>&1
    # The small limit fails at the first large write, the larger one midway (after the frozen-layer
    # cache and the checkpoints, in the model's weights; after some of the index's batches).
    for kb in 64 20000; do
        rm -rf "$work/disk-train"; full_disk train "$kb" - train "${train_flags[@]}" --output "$work/disk-train"
        local ikb=$kb; [ "$kb" -gt 64 ] && ikb=256
        rm -f "$work/disk-index.sqlite"*; full_disk index "$ikb" - index --model all-MiniLM-L6-v2 --corpus "$work/corpus.jsonl" --db "$work/disk-index.sqlite" --batch-size 16 --max-seq-length 64
        if [ -e "$work/disk-index.sqlite" ]; then  # what the full disk left: whole batches, and a rerun completes it
            local why; why=$(index_check "$work/disk-index.sqlite" "$work/corpus.jsonl" 16 0 2>&1) || { disk_rows+=("index    after the full disk: $why"); corrupt[disk]=$(( ${corrupt[disk]:-0} + 1 )); }
            A index --model all-MiniLM-L6-v2 --corpus "$work/corpus.jsonl" --db "$work/disk-index.sqlite" --batch-size 16 --max-seq-length 64 >/dev/null 2>&1 \
                && why=$(index_check "$work/disk-index.sqlite" "$work/corpus.jsonl" 16 1 2>&1) \
                || { disk_rows+=("index    rerun after the full disk: ${why:-failed}"); corrupt[disk]=$(( ${corrupt[disk]:-0} + 1 )); }
        fi
        rm -rf "$work/disk-export"; cp -r "$work/train-ref/model" "$work/disk-export"
        full_disk export "$kb" "$work/disk-export" export --model "$work/train-ref/model" --output "$work/disk-export" --force
        rm -rf "$work/disk-merge"; cp -r "$work/train-ref/model" "$work/disk-merge"
        full_disk merge "$kb" "$work/disk-merge" merge --model all-MiniLM-L6-v2 --model "$work/train-ref/model" --alpha 0.5 --output "$work/disk-merge" --force
    done
    head -c 100 /dev/urandom | base64 >"$work/disk-mine.jsonl"
    full_disk mine 1 "$work/disk-mine.jsonl" mine --model all-MiniLM-L6-v2 --pairs "$work/pairs.jsonl" --num-negatives 2 --max-seq-length 32 --output "$work/disk-mine.jsonl" --force
}

for c in $commands; do
    echo "== $c: $N kills (seed $SEED) ==" >&2
    case $c in
    train) run_train ;;
    index) run_index ;;
    export) [ -d "$work/train-ref/model" ] || A train "${train_flags[@]}" --output "$work/train-ref" >/dev/null 2>&1
            run_folder export export --model "$work/train-ref/model" ;;
    merge) [ -d "$work/train-ref/model" ] || A train "${train_flags[@]}" --output "$work/train-ref" >/dev/null 2>&1
           run_folder merge merge --model all-MiniLM-L6-v2 --model "$work/train-ref/model" --alpha 0.5 ;;
    mine) run_mine ;;
    demo) run_demo ;;
    *) echo "error: unknown command $c" >&2; exit 64 ;;
    esac
done
[ "${KILL_DISK:-1}" = 1 ] && { echo "== full disk ==" >&2; run_disk; }

echo
printf '%-8s %6s %10s %8s %9s  %s\n' command kills "resumed ok" corrupt "unequal" notes
total_bad=0
for c in $commands; do
    printf '%-8s %6s %10s %8s %9s  %s\n' "$c" "${kills[$c]:-0}" "${finished[$c]:-0}" "${corrupt[$c]:-0}" "${unequal[$c]:-0}" "$(echo "${notes[$c]:-}" | cut -c1-150)"
    total_bad=$(( total_bad + ${corrupt[$c]:-0} + ${unequal[$c]:-0} ))
done
if [ ${#disk_rows[@]} -gt 0 ]; then
    echo; echo "full disk (ulimit -f, SIGXFSZ ignored):"; printf '  %s\n' "${disk_rows[@]}"
    total_bad=$(( total_bad + ${corrupt[disk]:-0} ))
fi
echo "(kills: runs actually killed before they finished; the delays are uniform in [0, 0.8 × the reference duration))"
if [ $total_bad -ne 0 ]; then echo "FAILED: $total_bad problems; logs in $work" >&2; exit 1; fi
[ "${KILL_KEEP:-0}" = 1 ] || rm -rf "$work"
echo "all outputs whole, every resume equal"

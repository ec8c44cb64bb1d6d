#!/usr/bin/env bash
# Fuzz Attune's parsers with libFuzzer (the harnesses are Fuzz/AttuneFuzz).
#
#   scripts/fuzz.sh --list              the target names, one per line
#   scripts/fuzz.sh TARGET SECONDS      build (if needed) and fuzz TARGET that long
#   scripts/fuzz.sh --replay [TARGET]   run the seeds and saved crashes through the plain build
#
# The libFuzzer build lives in .build/fuzz (-sanitize=fuzzer,address -DFUZZING, passed here on the
# command line, never in Package.swift). A run starts from the committed seeds Fuzz/Corpus/TARGET
# plus what earlier runs found (.build/fuzz-corpus/TARGET), and exits non-zero on a crash, a
# sanitizer report, a leak, a timeout (FUZZ_TIMEOUT seconds per input, default 10) or memory past
# FUZZ_RSS_MB (default 2048), leaving the input in fuzz-crashes/TARGET-crash-… (or -leak-, -timeout-,
# -oom-). It prints the executions made. FUZZ_CONFIG=debug builds without optimisation.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${FUZZ_CONFIG:-release}
bin=.build/fuzz/$config/attune-fuzz

plain_build() { nice -n 10 swift build --product attune-fuzz >&2; }

case "${1:-}" in
--list)
    plain_build >/dev/null 2>&1 || plain_build
    exec .build/debug/attune-fuzz --list ;;
--replay)
    plain_build
    targets=${2:-$(.build/debug/attune-fuzz --list)}
    for t in $targets; do
        dirs=(Fuzz/Corpus/"$t"); [ -d Fuzz/Regressions/"$t" ] && dirs+=(Fuzz/Regressions/"$t")
        .build/debug/attune-fuzz "$t" "${dirs[@]}"
    done
    exit 0 ;;
""|-h|--help)
    sed -n 2,15p "$0"; exit 64 ;;
esac

target=$1
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
[ -d "Fuzz/Corpus/$target" ] || { echo "error: no fuzz target \"$target\" (scripts/fuzz.sh --list)" >&2; exit 64; }

echo "building the libFuzzer harness ($config, address sanitizer) …" >&2
nice -n 10 swift build -c "$config" --scratch-path .build/fuzz --product attune-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 | grep -v "warning: Cannot export local symbol" | tail -3 >&2
[ -x "$bin" ] || { echo "error: the fuzz build failed" >&2; exit 1; }

work=.build/fuzz-corpus/$target
mkdir -p "$work" fuzz-crashes
log=$(mktemp)
set +e
# SWIFT_BACKTRACE=enable=no: Swift's own crash handler would otherwise wait for its backtracer.
ATTUNE_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0 \
    nice -n 10 "$bin" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
    -max_len="${FUZZ_MAX_LEN:-8192}" -print_final_stats=1 -artifact_prefix="fuzz-crashes/$target-" \
    "$work" "Fuzz/Corpus/$target" >"$log" 2>&1
status=$?
set -e
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
if [ $status -ne 0 ]; then
    grep -E "ERROR|Fatal error|SUMMARY|artifact|Test unit written|Assertion|precondition" "$log" | head -20 >&2
    echo "FAIL $target: exit $status after ${execs:-?} executions; the full log: $log" >&2
    exit 1
fi
rm -f "$log"
echo "ok $target: ${execs:-0} executions in ${seconds}s, no crash, leak or timeout"

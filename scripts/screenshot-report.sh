#!/usr/bin/env bash
# Render an Attune HTML report to a PNG with headless Chromium, and check it has its charts.
#   scripts/screenshot-report.sh REPORT.html OUT.png
# Installs Debian's chromium when it is missing (needs root). Exits 1 when the page has fewer
# than 2 inline <svg> charts or the screenshot was not written.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 REPORT.html OUT.png" >&2
    exit 2
fi
report=$1
out=$2
if [ ! -f "$report" ]; then
    echo "$report: no such file" >&2
    exit 1
fi

svgs=$(grep -o '<svg' "$report" | wc -l)
if [ "$svgs" -lt 2 ]; then
    echo "$report: expected at least 2 <svg> charts, found $svgs" >&2
    exit 1
fi

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "chromium not found; installing Debian's chromium" >&2
    apt-get install -y chromium >&2 || { apt-get update >&2 && apt-get install -y chromium >&2; }
    browser=$(command -v chromium)
fi

abs_report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
mkdir -p "$(dirname "$out")"
abs_out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
rm -f "$abs_out"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$abs_out" --window-size=1200,2400 "file://$abs_report" >/dev/null 2>&1 || true

if [ ! -s "$abs_out" ]; then
    echo "$out: chromium wrote no screenshot" >&2
    exit 1
fi
echo "$out: screenshot of $report ($svgs svg charts)"

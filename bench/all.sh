#!/usr/bin/env bash
# `./rotation bench`: issue 14's measurements side by side, each with its baseline in the same run, each
# appending its line to bench/results.jsonl (with cores and load), then the table of the latest figures.
#   P1 record-page.sh    record page and search vs pgbench -S
#   P2 e2e-throughput.sh plays end to end vs Kafka ProducerPerformance
#   P4 import-copy.sh    the Discogs sample import vs raw COPY of the same rows
#   P5 startup.sh        one service's start-up and idle memory (Java 17 / 25 / 25 + AOT cache)
# Needs `./rotation up` first. BENCH_ONLY="P1 P4" runs a subset.
set -euo pipefail
BENCH=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
ONLY=${BENCH_ONLY:-P1 P2 P4 P5}
failed=()
run() { # name script
  [[ " $ONLY " == *" $1 "* ]] || return 0
  echo "=== $1: $(basename "$2") (load $(cut -d' ' -f1 /proc/loadavg))"
  "$2" || failed+=("$1")
}
run P1 "$BENCH/record-page.sh"
run P2 "$BENCH/e2e-throughput.sh"
run P4 "$BENCH/import-copy.sh"
run P5 "$BENCH/startup.sh"
python3 "$BENCH/latest.py" "$BENCH/results.jsonl" --readme "$BENCH/../README.md"
(( ${#failed[@]} == 0 )) || { echo "[bench] failed: ${failed[*]}" >&2; exit 1; }

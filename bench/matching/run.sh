#!/usr/bin/env bash
# Precision/recall of matching's auto_approved on the hand labels (bench/matching/labels.csv) and the
# scorer's speed over the whole Discogs sample; appends one JSON line to bench/results.jsonl.
# Usage: bench/matching/run.sh [-v] [--tuning-only]   (-v: also list every labelled video the scorer gets wrong or misses;
#   --tuning-only: only the tuning half, for use while weights are tuned; nothing appended)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
classpath="$root/matching-service/target/bench-classpath.txt"
# One reactor build (no install): the module's own classes and its siblings' from this checkout.
./mvnw -B -q -o -pl matching-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$classpath" -Dmdep.includeScope=test -DskipTests
java -cp "$root/matching-service/target/test-classes:$root/matching-service/target/classes:$(cat "$classpath")" \
  -Dbench.commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  -Dbench.results="$root/bench/results.jsonl" \
  io.rotation.matching.scoring.MatchingBench "$@"

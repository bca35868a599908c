#!/usr/bin/env bash
# JMH benchmark of the in-process feature-flag evaluator (platform io.rotation.platform.flags):
# a flexibleRollout flag with two constraints (IN and SEMVER_GTE) on one thread, against the bare
# murmur3 hash of the stickiness key measured in the same run. Appends a line to bench/results.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl platform/core -am test-compile -DskipTests
CP="platform/core/target/test-classes:platform/core/target/classes:$(./mvnw -B -q -o -pl platform/core dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
OUT=$(mktemp)
java -cp "$CP" org.openjdk.jmh.Main FlagEvaluationBenchmark -rf json -rff "$OUT" "$@"
python3 - "$OUT" <<'PY'
import json, sys, datetime
runs = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(open(sys.argv[1]))}
flag, base = runs["flexibleRolloutWithTwoConstraints"], runs["baselineMurmurOfTheStickinessKey"]
line = {"bench": "flags-evaluator", "at": datetime.datetime.utcnow().isoformat() + "Z",
        "evaluations_per_s_one_thread": round(flag), "baseline_murmur_per_s": round(base),
        "ratio_to_baseline": round(flag / base, 3), "goal_per_core": 5_000_000}
print(json.dumps(line))
open("bench/results.jsonl", "a").write(json.dumps(line) + "\n")
PY

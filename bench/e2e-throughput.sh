#!/usr/bin/env bash
# End-to-end throughput of the play pipeline, next to the broker's own rate.
# See bench/README.md. Needs `./rotation up` first. Only talks to 127.0.0.1.
#
#   BENCH_PLAYS=1000000       plays posted end to end, measured (about a minute at the goal's rate: sustained)
#   BENCH_WARMUP_PLAYS=100000 plays posted first, before the baseline, by another user and not measured: right
#                             after a start the JIT compiles the play path and took 3-5x the CPU per play of a warm run
#   BENCH_CLIENTS=4           concurrent HTTP clients
#   BENCH_BATCH=1000          plays per POST /api/v1/plays/batch
#   BENCH_TIMEOUT=600         seconds to wait for stats/me to count every play
#   BENCH_KAFKA_RECORDS=300000  records for the ProducerPerformance baseline
#   BENCH_TRACK_IDS=1,2,3     track ids to play (default: from GET /api/v1/tracks)
#   BENCH_KAFKA_ONLY=1        measure only the broker baseline
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
STATE=${ROTATION_STATE:-$ROOT/.state}
GATEWAY=${ROTATION_GATEWAY_URL:-http://127.0.0.1:8080}
PLAYS=${BENCH_PLAYS:-1000000}
WARMUP_PLAYS=${BENCH_WARMUP_PLAYS:-100000}
CLIENTS=${BENCH_CLIENTS:-4}
BATCH=${BENCH_BATCH:-1000}
TIMEOUT=${BENCH_TIMEOUT:-600}
KAFKA_RECORDS=${BENCH_KAFKA_RECORDS:-300000}
RESULTS=$ROOT/bench/results.jsonl
LIBS=$STATE/kafka/libs

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

PYTHON=$(command -v python3 || true)
[[ -n $PYTHON ]] || PYTHON=/usr/bin/python3
[[ -x $PYTHON ]] || die "python3 is needed"
[[ -f $LIBS/.complete ]] || die "no Kafka jars in $LIBS: run ./rotation stack up (or ./rotation up) first"
port_open 9092 || die "no Kafka broker on 127.0.0.1:9092: run ./rotation up first"
if [[ ${BENCH_KAFKA_ONLY:-0} != 1 ]]; then
  case $GATEWAY in http://127.0.0.1:* | http://localhost:*) ;; *) die "the gateway must be local: $GATEWAY" ;; esac
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$GATEWAY/api/v1/stats/me" || true)
  [[ $code =~ ^(200|401|403)$ ]] || die "gateway $GATEWAY/api/v1/stats/me answered HTTP ${code:-none}: run ./rotation up first"
fi

KAFKA_TOOL=(java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
  -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/tools-log4j2.xml" -cp "$LIBS/*")
ts=$(date -u +%Y-%m-%dT%H:%M:%SZ)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 0. Warm-up, before both measurements: right after a start the services (and the broker) still compile, and a
# baseline taken then was a third of a warm one (38,018 against 83,869 records/s ten minutes apart).
if [[ ${BENCH_KAFKA_ONLY:-0} != 1 ]] && (( WARMUP_PLAYS > 0 )); then
  echo "[bench] warm-up: $WARMUP_PLAYS plays end to end, not measured"
  "$PYTHON" "$ROOT/bench/e2e_load.py" --gateway "$GATEWAY" --plays "$WARMUP_PLAYS" --batch "$BATCH" \
    --clients "$CLIENTS" --timeout "$TIMEOUT" --track-ids "${BENCH_TRACK_IDS:-}" --tag warmup >/dev/null \
    || die "the warm-up run failed"
fi

# 1. The broker's own producer rate (same machine, same moment).
topic=bench-baseline-$(date -u +%Y%m%d%H%M%S)
echo "[bench] 1/2 Kafka baseline: ProducerPerformance, $KAFKA_RECORDS x 200 B records, acks=all, topic $topic"
timeout 300 "${KAFKA_TOOL[@]}" org.apache.kafka.tools.ProducerPerformance \
  --topic "$topic" --num-records "$KAFKA_RECORDS" --record-size 200 --throughput -1 \
  --producer-props bootstrap.servers=127.0.0.1:9092 acks=all </dev/null >"$tmp/kafka.out" 2>"$tmp/kafka.err" \
  || { cat "$tmp/kafka.err" >&2; die "ProducerPerformance failed"; }
# last line: "300000 records sent, 93984.962406 records/sec (17.93 MB/sec), 180.21 ms avg latency, ..."
kafka_line=$(grep 'records sent' "$tmp/kafka.out" | tail -n1)
kafka_rate=$(sed -E 's/.* ([0-9.]+) records\/sec.*/\1/' <<<"$kafka_line")
[[ $kafka_rate =~ ^[0-9.]+$ ]] || die "could not parse ProducerPerformance output: $kafka_line"
echo "[bench]     $kafka_line"
timeout 60 "${KAFKA_TOOL[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server 127.0.0.1:9092 \
  --delete --topic "$topic" </dev/null >/dev/null 2>&1 || echo "[bench] (could not delete topic $topic)"

# 2. The suite end to end: HTTP batch -> user-features -> Kafka -> analytics -> stats/me.
e2e_json='{"status":"skipped"}'
e2e_rc=0
if [[ ${BENCH_KAFKA_ONLY:-0} != 1 ]]; then
  echo "[bench] 2/2 end to end: $PLAYS plays, batches of $BATCH, $CLIENTS clients, through $GATEWAY"
  "$PYTHON" "$ROOT/bench/e2e_load.py" --gateway "$GATEWAY" --plays "$PLAYS" --batch "$BATCH" \
    --clients "$CLIENTS" --timeout "$TIMEOUT" --track-ids "${BENCH_TRACK_IDS:-}" >"$tmp/e2e.out" || e2e_rc=$?
  e2e_json=$(tail -n1 "$tmp/e2e.out")
  [[ $e2e_json == \{* ]] || e2e_json='{"status":"error"}'
fi

commit=$(bench_commit "$ROOT")
line=$("$PYTHON" - "$ts" "$commit" "$kafka_rate" "$KAFKA_RECORDS" "$e2e_json" "$WARMUP_PLAYS" <<'EOF'
import json, os, sys
ts, commit, kafka_rate, kafka_records, e2e = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), json.loads(sys.argv[5])
warmup = int(sys.argv[6])
rate = e2e.get("e2e_plays_per_sec")
out = {"ts": ts, "commit": commit, "cores": os.cpu_count(), "load": round(os.getloadavg()[0], 2),
       "warmup_plays": warmup, "kafka_records": kafka_records, "kafka_record_size": 200,
       "kafka_records_per_sec": round(kafka_rate, 1), **{"e2e_" + k if not k.startswith("e2e_") else k: v for k, v in e2e.items()},
       "ratio_e2e_to_kafka": round(rate / kafka_rate, 4) if rate else None}
print(json.dumps(out))
EOF
)
echo "$line" >>"$RESULTS"

"$PYTHON" - "$line" <<'EOF'
import json, sys
r = json.loads(sys.argv[1])
def f(v, fmt="{:,.0f}"):
    return "-" if v is None else fmt.format(v)
rows = [
    ("Kafka producer baseline (records/s)", f(r["kafka_records_per_sec"])),
    ("Plays accepted over HTTP (plays/s)", f(r.get("e2e_accepted_plays_per_sec"))),
    ("End to end, post -> stats/me (plays/s)", f(r.get("e2e_plays_per_sec"))),
    ("Ratio end to end / Kafka", f(r.get("ratio_e2e_to_kafka"), "{:.3f}")),
    ("End-to-end status", r.get("e2e_status", "-")),
]
w = max(len(a) for a, _ in rows)
print()
print(f"{'measure':<{w}}  value")
print(f"{'-' * w}  {'-' * 12}")
for a, b in rows:
    print(f"{a:<{w}}  {b:>12}")
print()
EOF
echo "[bench] appended to $RESULTS"
exit "$e2e_rc"

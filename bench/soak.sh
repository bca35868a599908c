#!/usr/bin/env bash
# Issue 14's soak: plays at 80 % of the latest end-to-end rate (P2, bench/results.jsonl) for ten minutes through
# the gateway; passes with no error, every play counted exactly once, and reports freshness and each service's
# resident memory over the run (start, end, max, slope). Needs `./rotation up` first. Appends one line to
# bench/results.jsonl.
#   SOAK_SECONDS=600   SOAK_RATE=<plays/s> (default 0.8 x the latest e2e_plays_per_sec)   SOAK_BATCH=200
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
GATEWAY=${ROTATION_GATEWAY_URL:-http://127.0.0.1:8080}
RESULTS=$ROOT/bench/results.jsonl
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

latest_p2=$(python3 - "$RESULTS" <<'PY'
import json, sys
rate = None
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("e2e_status") == "ok" and r.get("e2e_plays_per_sec"):
        rate = r["e2e_plays_per_sec"]
print(rate or "")
PY
)
rate=${SOAK_RATE:-}
if [[ -z $rate ]]; then
  [[ -n $latest_p2 ]] || die "no P2 figure in $RESULTS: run bench/e2e-throughput.sh first or set SOAK_RATE"
  rate=$(python3 -c "print(round(0.8 * $latest_p2))")
fi
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$GATEWAY/api/v1/stats/me" || true)
[[ $code =~ ^(200|401|403)$ ]] || die "gateway $GATEWAY answered HTTP ${code:-none}: run ./rotation up first"

ts=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_before=$(cut -d' ' -f1 /proc/loadavg)
echo "[bench] soak: $rate plays/s (latest P2 ${latest_p2:-none}) for ${SOAK_SECONDS:-600}s, load $load_before"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
rc=0
python3 "$ROOT/bench/soak.py" --gateway "$GATEWAY" --rate "$rate" --seconds "${SOAK_SECONDS:-600}" \
  --batch "${SOAK_BATCH:-200}" --pid-dir "${ROTATION_STATE:-$ROOT/.state}/pids" >"$out" || rc=$?
result=$(tail -n1 "$out")
[[ $result == \{* ]] || die "the soak client printed no result"
line=$(python3 - "$ts" "$(bench_commit "$ROOT")" "$(nproc)" \
  "$load_before" "$(cut -d' ' -f1 /proc/loadavg)" "$result" <<'PY'
import json, sys
ts, commit, cores, load0, load1, result = sys.argv[1:7]
r = json.loads(result)
print(json.dumps({"ts": ts, "commit": commit, "bench": "soak", "cores": int(cores), "load_before": float(load0),
                  "load_after": float(load1), **r}))
PY
)
echo "$line" >>"$RESULTS"
python3 - "$line" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print(f"\nsoak {r['status']}: {r['plays_accepted']:,} plays at {r['achieved_plays_per_sec']:,} plays/s "
      f"(target {r['target_plays_per_sec']:,}), {r['errors']} errors {r['errors_by_status']}, counted {r['total_plays_seen']}")
print(f"freshness p50 {r['freshness_p50_s']} s, p99 {r['freshness_p99_s']} s, max {r['freshness_max_s']} s")
print(f"{'service':<24} {'start MB':>9} {'end MB':>8} {'max MB':>8} {'MB/min':>8}")
for name, m in sorted(r["rss"].items()):
    print(f"{name:<24} {m['start_mb']:>9} {m['end_mb']:>8} {m['max_mb']:>8} {m['slope_mb_per_min']!s:>8}")
PY
echo "[bench] appended to $RESULTS"
exit "$rc"

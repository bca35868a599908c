#!/usr/bin/env bash
# P1: GET /api/v1/records/{id} (a cached record page) at 64 connections, through the gateway and
# straight to catalog-service, next to baselines measured in the same run: `pgbench -S` (32 clients) on
# the same Postgres, before and after, and catalog's /q/health/live. Search
# (/api/v1/records?genre=&q=) beside it. Needs `./rotation up` first. See bench/README.md.
#
#   BENCH_SECONDS=15     seconds per measurement
#   BENCH_WARMUP_SECONDS=45  seconds of load on each path before measuring: C2 on two cores keeps compiling
#                        catalog's request path for about a minute of load after a start
#   BENCH_CONNECTIONS=64 HTTP connections (wrk, 2 threads)
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
GATEWAY=${ROTATION_GATEWAY_URL:-http://127.0.0.1:8080}
CATALOG=${ROTATION_CATALOG_URL:-http://127.0.0.1:8082}
SECONDS_EACH=${BENCH_SECONDS:-15}
WARMUP=${BENCH_WARMUP_SECONDS:-45}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
RESULTS=$ROOT/bench/results.jsonl
PG=(-h 127.0.0.1 -U postgres)
SCRATCH=rotation_bench_pgbench

source "$ROOT/bench/lib.sh"
command -v wrk >/dev/null || die "wrk is needed: apt-get install -y wrk"
command -v pgbench >/dev/null || die "pgbench is needed: apt-get install -y postgresql-contrib"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$GATEWAY/api/v1/records/1" || true)
[[ $code == 200 ]] || die "GET $GATEWAY/api/v1/records/1 answered HTTP ${code:-none}: run ./rotation up first"

tmp=$(mktemp -d)
rule=""
token=$(admin_token)
cleanup() {
  rm -rf "$tmp"
  psql "${PG[@]}" -d postgres -qc "drop database if exists $SCRATCH" >/dev/null 2>&1 || true
  [[ -z $rule ]] || curl -s -o /dev/null -m 10 -X DELETE -H "authorization: Bearer $token" "$GATEWAY/api/v1/rate-limits/$rule"
}
trap cleanup EXIT
# The shipped rule allows 6,000 searches a minute per address: this address gets a rule of its own for the run
# (docs/api/config.md), so that search is measured, not the limiter's 429s.
rule=$(curl -s -m 10 -X POST "$GATEWAY/api/v1/rate-limits" -H "authorization: Bearer $token" \
  -H 'content-type: application/json' -d '{"identifier_type": "ip", "identifier": "127.0.0.1",
  "endpoint_pattern": "GET /api/v1/records", "max_requests": 10000000, "window_seconds": 60,
  "description": "bench/record-page.sh: search measured from this address"}' | json_field id)
[[ -n $rule ]] || die "could not raise the search limit for 127.0.0.1 (POST /api/v1/rate-limits)"
psql -h 127.0.0.1 -U catalog_svc -d rotation -At -c "select '/api/v1/records/' || id from catalog.records" >"$tmp/records"
psql -h 127.0.0.1 -U catalog_svc -d rotation -At -c "
  select '/api/v1/records?genre=' || replace(g, ' ', '%20') || '&q=' || w || '&limit=20'
  from (select distinct unnest(genres) g from catalog.records) gs,
       (select lower(split_part(title, ' ', 1)) w from catalog.records where title ~ '^[A-Za-z]{3,} '
        group by 1 order by count(*) desc limit 20) ws" >"$tmp/searches"
echo /q/health/live >"$tmp/live"
[[ -s $tmp/records && -s $tmp/searches ]] || die "no records in catalog: run ./rotation up first"

# runs wrk on a path list; prints its WRKJSON line
http() { # base paths-file [seconds]
  wrk -t2 -c"$CONNECTIONS" -d"${3:-$SECONDS_EACH}s" --timeout 10s -s "$ROOT/bench/http/paths.lua" "$1" -- "$2" \
    | sed -n 's/^WRKJSON //p'
}
pgbench_tps() {
  pgbench "${PG[@]}" -S -c 32 -j 2 -T "$SECONDS_EACH" -n "$SCRATCH" 2>/dev/null \
    | sed -nE 's/^tps = ([0-9.]+) .*without initial connection.*/\1/p'
}

echo "[bench] pgbench scratch database $SCRATCH (scale 10)"
psql "${PG[@]}" -d postgres -qc "drop database if exists $SCRATCH" -c "create database $SCRATCH" >/dev/null
pgbench "${PG[@]}" -i -s 10 -q "$SCRATCH" >/dev/null 2>&1 || die "pgbench -i failed"

echo "[bench] warm-up: every record page once, then ${WARMUP}s of load on each path (caches and JIT)"
while read -r p; do curl -s -o /dev/null "$GATEWAY$p"; done <"$tmp/records"
http "$GATEWAY" "$tmp/records" "$WARMUP" >/dev/null
http "$GATEWAY" "$tmp/searches" "$WARMUP" >/dev/null

echo "[bench] 1/6 pgbench -S, 32 clients";          pg1=$(pgbench_tps)
echo "[bench] 2/6 record page through the gateway";  gw=$(http "$GATEWAY" "$tmp/records")
echo "[bench] 3/6 record page straight to catalog";  direct=$(http "$CATALOG" "$tmp/records")
echo "[bench] 4/6 search through the gateway";       search=$(http "$GATEWAY" "$tmp/searches")
echo "[bench] 5/6 catalog /q/health/live";           live=$(http "$CATALOG" "$tmp/live")
echo "[bench] 6/6 pgbench -S again";                 pg2=$(pgbench_tps)
[[ -n $pg1 && -n $pg2 && -n $gw && -n $direct && -n $search && -n $live ]] || die "a measurement failed"

commit=$(bench_commit "$ROOT")
python3 - "$RESULTS" "$commit" "$pg1" "$pg2" "$gw" "$direct" "$search" "$live" "$CONNECTIONS" <<'PY'
import datetime, json, os, sys
results, commit, pg1, pg2 = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
gw, direct, search, live = (json.loads(a) for a in sys.argv[5:9])
pg = (pg1 + pg2) / 2
row = {"ts": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": commit,
       "bench": "record-page", "cores": os.cpu_count(), "load": round(os.getloadavg()[0], 2),
       "connections": int(sys.argv[9]), "pgbench_select_tps": round(pg, 1),
       "pgbench_before_after": [pg1, pg2], "gateway": gw, "direct": direct, "search_gateway": search,
       "health_live": live, "ratio_gateway_to_pgbench": round(gw["per_s"] / pg, 4),
       "ratio_direct_to_pgbench": round(direct["per_s"] / pg, 4), "goal_ratio": 0.5, "goal_p99_ms": 20}
print(f"{'measure':<40}{'per s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
print("-" * 76)
print(f"{'pgbench -S, 32 clients (mean)':<40}{pg:>10,.0f}")
for name, r in (("record page via gateway", gw), ("record page straight to catalog", direct),
                ("search via gateway", search), ("catalog /q/health/live", live)):
    print(f"{name:<40}{r['per_s']:>10,.0f}{r['p50_ms']:>9.1f}{r['p99_ms']:>9.1f}"
          f"{r['non_2xx'] + r['socket_errors']:>8}")
print(f"ratio record page (gateway) / pgbench -S: {row['ratio_gateway_to_pgbench']:.3f}  (goal >= 0.5, p99 <= 20 ms)")
with open(results, "a") as f:
    f.write(json.dumps(row) + "\n")
PY

#!/usr/bin/env bash
# The issue's "after `./rotation up` imports the sample catalog, every one of its 9,430 tracks has been
# considered within a few minutes": starts `./rotation up` (services, gateway, the sample's import when it is
# not there yet) and times, from the moment `up` starts, until every track of every sample release in
# matching's projection belongs to a release the worker has considered (matching.releases.considered_at set,
# nothing left queued). Appends one JSON line ("bench": "matching-after-up") to bench/results.jsonl.
# It does not stop what it started: run it as `... after-up.sh; ./rotation services down` (under the shared
# lock on a shared machine). Only talks to 127.0.0.1. See bench/README.md.
#
#   BENCH_AFTER_UP_TIMEOUT=1200   seconds to wait in all
#   BENCH_SAMPLE_RELEASES=1000    releases of the sample (deploy/local/data/discogs: 1,000 releases, 9,430 tracks)
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
TIMEOUT=${BENCH_AFTER_UP_TIMEOUT:-1200}
SAMPLE_RELEASES=${BENCH_SAMPLE_RELEASES:-1000}
RESULTS=$ROOT/bench/results.jsonl
LOG=${TMPDIR:-/tmp}/rotation-after-up.$$.log
export PGPASSWORD=${ROTATION_DB_PASSWORD_MATCHING_SVC:-matching_svc}
PSQL=(psql -h 127.0.0.1 -U matching_svc -d rotation -At -v ON_ERROR_STOP=1)

# releases considered since $1 | releases projected | their tracks considered | tracks projected | releases queued
# (nothing while matching's schema is not there yet)
progress() {
  "${PSQL[@]}" -F ' ' -c "select count(*) filter (where considered_at >= to_timestamp($1) and match_requested_at is null),
        count(*),
        coalesce(sum(cardinality(track_ids)) filter (where considered_at >= to_timestamp($1)
          and match_requested_at is null), 0),
        coalesce(sum(cardinality(track_ids)), 0),
        count(*) filter (where match_requested_at is not null)
      from matching.releases where discogs_release_id is not null" 2>/dev/null || true
}

t0=$(date +%s.%N)
echo "[bench] $(date -u +%T) ./rotation up"
("$ROOT/rotation" up >"$LOG" 2>&1; echo "rc=$?" >>"$LOG") &
up_pid=$!
up_s="" first_s="" releases=0 projected_releases=0 considered=0 projected=0 queued=0 last=""
while :; do
  now=$(date +%s.%N)
  elapsed=$(python3 -c "print(round($now - $t0, 1))")
  if [[ -z $up_s ]] && ! kill -0 "$up_pid" 2>/dev/null; then
    up_s=$elapsed
    echo "[bench] ${elapsed}s ./rotation up returned ($(tail -1 "$LOG"))"
  fi
  read -r releases projected_releases considered projected queued <<<"$(progress "$t0")" || true
  releases=${releases:-0} projected_releases=${projected_releases:-0} considered=${considered:-0}
  projected=${projected:-0} queued=${queued:-0}
  [[ -z $first_s && $considered -gt 0 ]] && first_s=$elapsed
  line="releases considered $releases / projected $projected_releases / sample $SAMPLE_RELEASES;"
  line+=" tracks considered $considered / projected $projected; $queued releases queued"
  [[ $line != "$last" ]] && echo "[bench] ${elapsed}s $line" && last=$line
  if ((releases >= SAMPLE_RELEASES && releases == projected_releases && queued == 0)); then
    break
  fi
  if python3 -c "import sys; sys.exit(0 if $elapsed > $TIMEOUT else 1)"; then
    echo "[bench] ERROR: not every track considered after ${TIMEOUT}s" >&2
    break
  fi
  sleep 2
done
wait "$up_pid" 2>/dev/null || true
status=ok
((releases >= SAMPLE_RELEASES && releases == projected_releases && queued == 0)) || status=timeout
matched=$("${PSQL[@]}" -c "select count(distinct track_id) from matching.audio_matches
  where status in ('auto_approved', 'needs_review') and record_id in
  (select record_id from matching.releases where discogs_release_id is not null)" 2>/dev/null || echo 0)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
python3 - "$RESULTS" <<PY
import json, sys, datetime
row = {"ts": datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": "$commit",
       "bench": "matching-after-up", "status": "$status", "releases_considered": $releases,
       "tracks_considered": $considered, "tracks_with_a_match": int("${matched:-0}" or 0),
       "seconds_to_all_considered": $elapsed, "minutes_to_all_considered": round($elapsed / 60, 2),
       "seconds_until_up_returned": ${up_s:-None}, "seconds_to_first_considered": ${first_s:-None},
       "load_average": open("/proc/loadavg").read().split()[0]}
print(json.dumps(row))
with open(sys.argv[1], "a") as f:
    f.write(json.dumps(row) + "\n")
PY
[[ $status == ok ]]

#!/usr/bin/env bash
# Tracks matched per second over the whole Discogs sample, next to a baseline measured in the same run:
# catalog's import of the same sample (tracks written per second). Needs `./rotation up` first (the
# sample imported). Only talks to 127.0.0.1. See bench/README.md.
#
#   BENCH_MATCH_TIMEOUT=900   seconds to wait for the matching queue to drain
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
GATEWAY=${ROTATION_GATEWAY_URL:-http://127.0.0.1:8080}
TIMEOUT=${BENCH_MATCH_TIMEOUT:-900}
RESULTS=$ROOT/bench/results.jsonl
SAMPLE=$ROOT/deploy/local/data/discogs/discogs_20200806_releases.xml.gz
PSQL=(psql -h 127.0.0.1 -U matching_svc -d rotation -At -v ON_ERROR_STOP=1)

source "$ROOT/bench/lib.sh"
[[ -f $SAMPLE ]] || die "no sample at $SAMPLE"
token=$(admin_token)

# 1. Baseline: catalog imports the sample (an upsert of the same 1,000 releases and 9,430 tracks).
echo "[bench] 1/2 baseline: catalog imports the sample"
import_s=$(import_sample "$token" "$SAMPLE")

# 2. Matching: every release of the sample queued at once, timed until the queue is empty.
records=$("${PSQL[@]}" -c "select count(*) from matching.releases where discogs_release_id is not null")
tracks=$("${PSQL[@]}" -c "select count(*) from matching.release_tracks t join matching.releases r
  on r.record_id = t.record_id and t.track_id = any(r.track_ids) where r.discogs_release_id is not null")
echo "[bench] 2/2 matching: $records releases, $tracks tracks queued"
m0=$(date +%s.%N)
"${PSQL[@]}" -c "update matching.releases set match_requested_at = now() where discogs_release_id is not null" >/dev/null
left=$records
for _ in $(seq 1 $((TIMEOUT * 2))); do
  left=$("${PSQL[@]}" -c "select count(*) from matching.releases where match_requested_at is not null")
  [[ $left == 0 ]] && break
  sleep 0.5
done
m1=$(date +%s.%N)
[[ $left == 0 ]] || die "$left releases still queued after ${TIMEOUT}s"
match_s=$(python3 -c "print(round($m1 - $m0, 3))")

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
python3 - "$RESULTS" <<PY
import json, sys, datetime
tracks, import_s, match_s = $tracks, $import_s, $match_s
imp, mat = 9430 / import_s, tracks / match_s
row = {"ts": datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": "$commit",
       "bench": "matching-throughput", "import_tracks_per_sec": round(imp, 1), "import_seconds": import_s,
       "matched_tracks": tracks, "matching_seconds": match_s, "matched_tracks_per_sec": round(mat, 1),
       "ratio_matching_to_import": round(mat / imp, 4)}
print(f"{'measure':<44}{'value':>12}")
print(f"{'-' * 44}{'-' * 12}")
print(f"{'Catalog import of the sample (tracks/s)':<44}{imp:>12,.1f}")
print(f"{'Matching of the sample (tracks/s)':<44}{mat:>12,.1f}")
print(f"{'Tracks matched':<44}{tracks:>12,}")
print(f"{'Ratio matching / import':<44}{mat / imp:>12.4f}")
with open(sys.argv[1], "a") as f:
    f.write(json.dumps(row) + "\n")
PY

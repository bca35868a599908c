#!/usr/bin/env bash
# P4: catalog's import of the Discogs sample (POST /api/v1/imports, 1,000 releases and their tracks:
# parse, upsert, events, cache eviction) in rows per second, next to a raw `COPY` of the same rows into
# tables shaped like catalog's (same columns and indexes, no triggers), before and after, in one run.
# Needs `./rotation up` first (the sample imported: the import here re-writes every row). See
# bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
GATEWAY=${ROTATION_GATEWAY_URL:-http://127.0.0.1:8080}
RESULTS=$ROOT/bench/results.jsonl
SAMPLE=$ROOT/deploy/local/data/discogs/discogs_20200806_releases.xml.gz
PSQL=(env PGOPTIONS=-cclient_min_messages=warning psql -h 127.0.0.1 -U postgres -d rotation -At -v ON_ERROR_STOP=1)
SCRATCH=bench_copy

source "$ROOT/bench/lib.sh"
now() { date +%s.%N; }
[[ -f $SAMPLE ]] || die "no sample at $SAMPLE"
token=$(admin_token)

tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"; "${PSQL[@]}" -qc "drop schema if exists $SCRATCH cascade" >/dev/null 2>&1 || true' EXIT

# The rows the sample's import writes: its records and their tracks, as catalog holds them now.
columns() { "${PSQL[@]}" -c "select string_agg(quote_ident(column_name), ', ' order by ordinal_position)
  from information_schema.columns where table_schema = 'catalog' and table_name = '$1' and is_generated = 'NEVER'"; }
rec_cols=$(columns records)
trk_cols=$(columns tracks)
"${PSQL[@]}" -c "\\copy (select $rec_cols from catalog.records where source = 'discogs_dump') to '$tmp/records.tsv'" >/dev/null
"${PSQL[@]}" -c "\\copy (select $trk_cols from catalog.tracks where record_id in
  (select id from catalog.records where source = 'discogs_dump')) to '$tmp/tracks.tsv'" >/dev/null
records=$(wc -l <"$tmp/records.tsv")
tracks=$(wc -l <"$tmp/tracks.tsv")
(( records > 0 )) || die "no imported records in catalog: run ./rotation up first"
rows=$((records + tracks))

copy_seconds() { # one COPY of both files into fresh tables with catalog's columns and indexes
  "${PSQL[@]}" -qc "drop schema if exists $SCRATCH cascade" -c "create schema $SCRATCH" \
    -c "create table $SCRATCH.records (like catalog.records including all)" \
    -c "create table $SCRATCH.tracks (like catalog.tracks including all)" >/dev/null
  local t0 t1
  t0=$(now)
  "${PSQL[@]}" -q -1 -c "\\copy $SCRATCH.records ($rec_cols) from '$tmp/records.tsv'" \
    -c "\\copy $SCRATCH.tracks ($trk_cols) from '$tmp/tracks.tsv'" >/dev/null
  t1=$(now)
  python3 -c "print(round($t1 - $t0, 4))"
}

echo "[bench] 1/3 raw COPY of $records records and $tracks tracks"
copy1=$(copy_seconds)
echo "[bench] 2/3 catalog imports the sample through the gateway"
import_s=$(import_sample "$token" "$SAMPLE")
echo "[bench] 3/3 raw COPY again"
copy2=$(copy_seconds)

commit=$(bench_commit "$ROOT")
python3 - "$RESULTS" "$commit" "$rows" "$records" "$tracks" "$import_s" "$copy1" "$copy2" <<'PY'
import datetime, json, os, sys
results, commit = sys.argv[1], sys.argv[2]
rows, records, tracks = (int(a) for a in sys.argv[3:6])
import_s, copy1, copy2 = (float(a) for a in sys.argv[6:9])
copy_s = (copy1 + copy2) / 2
imp, raw = rows / import_s, rows / copy_s
row = {"ts": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": commit,
       "bench": "import-copy", "cores": os.cpu_count(), "load": round(os.getloadavg()[0], 2),
       "records": records, "tracks": tracks, "import_seconds": import_s, "copy_seconds_before_after": [copy1, copy2],
       "import_rows_per_sec": round(imp, 1), "copy_rows_per_sec": round(raw, 1),
       "ratio_import_to_copy": round(imp / raw, 4), "goal_ratio": 0.25}
print(f"{'measure':<46}{'seconds':>9}{'rows/s':>12}")
print("-" * 67)
print(f"{'raw COPY, records + tracks (mean of 2)':<46}{copy_s:>9.3f}{raw:>12,.0f}")
print(f"{'catalog import of the sample (gateway)':<46}{import_s:>9.3f}{imp:>12,.0f}")
print(f"ratio import / COPY: {imp / raw:.3f}  (goal >= 0.25)")
with open(results, "a") as f:
    f.write(json.dumps(row) + "\n")
PY

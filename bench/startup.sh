#!/usr/bin/env bash
# P5 (issue 14): how fast one service is ready after launch and what it holds idle, under JVM set-ups
# measured side by side in one run, interleaved (the machine is shared: compare within a run only):
#   java17      the JVM, options and fast-jar packaging `./rotation up` uses after a plain build
#               (BENCH_JAVA_OPTS replaces the options)
#   java25      the same jar and options on Java 25
#   java25-aot  Java 25 with an AOT cache (JEP 483/514) written by one training start, of the service
#               packaged as aot-jar: what `./rotation up` uses after `./rotation aot`
# Both packagings are built here from the installed modules (`./mvnw -B install -DskipTests` first). The
# training start migrates the database; the measured ones start without Liquibase, as `./rotation up` starts a
# service whose database holds its changelog (and as the Kubernetes pods start).
# The service runs alone on a private port against the local stack (`./rotation stack up` first).
# Appends one line to bench/results.jsonl. Knobs: BENCH_SERVICE (config-service), BENCH_RUNS (3),
# BENCH_JAVA17, BENCH_JAVA25, BENCH_PORT (18090), BENCH_IDLE_SECONDS (10).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
SVC=${BENCH_SERVICE:-config-service}
RUNS=${BENCH_RUNS:-3}
JAVA17=${BENCH_JAVA17:-java}
JAVA25=${BENCH_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
PORT=${BENCH_PORT:-18090}
IDLE=${BENCH_IDLE_SECONDS:-10}
WORK=$(mktemp -d /tmp/rotation-startup.XXXXXX)
OPTS=(${BENCH_JAVA_OPTS:--Xms32m -Xmx256m -XX:+UseSerialGC})
[[ -x $JAVA25 ]] || { echo "no Java 25 at $JAVA25 (BENCH_JAVA25)" >&2; exit 1; }
for type in fast-jar aot-jar; do
  ./mvnw -q -B package -DskipTests -pl "$SVC" -Dquarkus.package.jar.type=$type \
    -Dquarkus.package.output-directory="$WORK/$type" </dev/null >"$WORK/build-$type.log" 2>&1 \
    || { echo "building $SVC as $type failed: $WORK/build-$type.log (./mvnw -B install -DskipTests first?)" >&2; exit 1; }
done

# the same environment `./rotation services up` gives a service (local passwords are the role names)
role=${SVC%-service}; role=${role//-/_}_svc
export ROTATION_DB_PASSWORD=$role
export ROTATION_STATE=${ROTATION_STATE:-$PWD/.state}
export ROTATION_JWT_SIGN_KEY=${ROTATION_JWT_SIGN_KEY:-$ROTATION_STATE/jwt/signing-key.pem}
export ROTATION_INTERNAL_SERVICE_KEY=${ROTATION_INTERNAL_SERVICE_KEY:-local-only-internal-service-key-not-a-secret}
export ROTATION_ENVIRONMENT=local
[[ -s $ROTATION_STATE/secrets/discogs-token-key ]] &&
  export ROTATION_DISCOGS_TOKEN_KEY=${ROTATION_DISCOGS_TOKEN_KEY:-$(cat "$ROTATION_STATE/secrets/discogs-token-key")}
[[ -s $ROTATION_STATE/secrets/config-secret-key ]] &&
  export ROTATION_CONFIG_SECRET_KEY=${ROTATION_CONFIG_SECRET_KEY:-$(cat "$ROTATION_STATE/secrets/config-secret-key")}

# start <label> <packaging> <java> [jvm args...]: prints "<label> <ms to ready> <idle RSS kB>"
start() {
  local label=$1 jar=$WORK/$2/quarkus-run.jar java=$3 t0 pid ms rss
  shift 3
  t0=$(date +%s%N)
  (cd "$WORK" && exec "$java" "${OPTS[@]}" "$@" -Dquarkus.http.port="$PORT" -jar "$jar" >"$WORK/$label.log" 2>&1) &
  pid=$!
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/q/health/ready") == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: the service exited, see $WORK/$label.log" >&2; exit 1; }
    (( ($(date +%s%N) - t0) / 1000000000 < 180 )) || { kill "$pid"; echo "$label: not ready in 180 s" >&2; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  sleep "$IDLE"
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$label $ms $rss"
}

echo "training the AOT cache of $SVC (one start to ready, a clean stop)" >&2
start training aot-jar "$JAVA25" -XX:AOTCacheOutput="$WORK/app.aot" >/dev/null
[[ -s $WORK/app.aot ]] || { echo "no AOT cache written, see $WORK/training.log" >&2; exit 1; }

: >"$WORK/runs"
for ((i = 1; i <= RUNS; i++)); do
  start java17 fast-jar "$JAVA17" -Dquarkus.liquibase.enabled=false >>"$WORK/runs"
  start java25 fast-jar "$JAVA25" -Dquarkus.liquibase.enabled=false >>"$WORK/runs"
  start java25-aot aot-jar "$JAVA25" -XX:AOTCache="$WORK/app.aot" -Dquarkus.liquibase.enabled=false >>"$WORK/runs"
done

python3 - "$WORK/runs" "$SVC" "$(bench_commit)" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, statistics, sys, datetime
path, svc, commit, cores, load = sys.argv[1:]
runs = {}
for line in open(path):
    label, ms, rss = line.split()
    runs.setdefault(label, []).append((int(ms), int(rss)))
med = {k: (statistics.median(m for m, _ in v), statistics.median(r for _, r in v) / 1024) for k, v in runs.items()}
base = med["java17"][0]
print(f"{'set-up':<12} {'ready ms (median)':>18} {'idle RSS MB':>12} {'ratio to java17':>16}")
for k, (ms, mb) in med.items():
    print(f"{k:<12} {ms:>18,.0f} {mb:>12,.0f} {ms / base:>16.2f}")
line = {"ts": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": commit,
        "bench": "startup", "service": svc, "aot_packaging": "aot-jar", "liquibase_at_start": False, "cores": int(cores), "load": float(load), "runs": len(runs["java17"]),
        **{f"{k}_ready_ms": round(v[0]) for k, v in med.items()},
        **{f"{k}_idle_rss_mb": round(v[1]) for k, v in med.items()},
        **{f"{k}_ratio_to_java17": round(v[0] / base, 3) for k, v in med.items()}}
open("bench/results.jsonl", "a").write(json.dumps(line) + "\n")
print(json.dumps(line))
PY
rm -rf "$WORK"

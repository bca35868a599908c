#!/usr/bin/env bash
# Renders a picture of the Grafana dashboard's panels from a real local run: Debian's Prometheus scrapes
# the six services' /q/metrics (every 5 s, into a throw-away folder, on 127.0.0.1:9099) while
# bench/e2e_load.py sends plays through the gateway, then render_dashboard.py evaluates every panel's
# queries over that window through Prometheus' HTTP API and draws them (python3-matplotlib).
#
#   deploy/monitoring/render-dashboard.sh [minutes] [output.png]     (defaults: 5, docs/images/dashboard.png)
#
# Needs the stack and the services up (./rotation up) and the packages prometheus and python3-matplotlib.
# Run it under flock /tmp/rotation-systest.lock when others share the machine.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MINUTES=${1:-5}
OUT=${2:-$ROOT/docs/images/dashboard.png}
PORT=9099
WORK=$(mktemp -d /tmp/rotation-dashboard.XXXXXX)
command -v prometheus >/dev/null || { echo "prometheus is not installed (apt-get install prometheus)" >&2; exit 1; }
# Debian's python3-matplotlib is for Debian's python3, which may not be the first python3 on the PATH
PLOT=python3
$PLOT -c 'import matplotlib' 2>/dev/null || PLOT=/usr/bin/python3
$PLOT -c 'import matplotlib' 2>/dev/null || { echo "python3-matplotlib is not installed" >&2; exit 1; }

cat >"$WORK/prometheus.yml" <<YAML
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: rotation
    metrics_path: /q/metrics
    static_configs:
      - targets: ['127.0.0.1:8081', '127.0.0.1:8082', '127.0.0.1:8083', '127.0.0.1:8084', '127.0.0.1:8085', '127.0.0.1:8086']
YAML

prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
  --web.listen-address="127.0.0.1:$PORT" >"$WORK/prometheus.log" 2>&1 &
PROM=$!
trap 'kill $PROM 2>/dev/null; wait $PROM 2>/dev/null; rm -rf "$WORK"' EXIT
START=$(date +%s)

# load through the gateway for the whole window: plays in batches (analytics, outbox, Kafka), record pages
# read twice (catalog's Redis cache), stats and metrics reads (analytics' replica datasource)
END=$((START + MINUTES * 60))
while (($(date +%s) < END - 30)); do
  python3 "$ROOT/bench/e2e_load.py" --plays 5000 --batch 500 --clients 2 --timeout 120 >/dev/null 2>>"$WORK/load.log" || true
  for id in $(curl -s 'http://127.0.0.1:8080/api/v1/records?limit=20' | python3 -c \
      'import json,sys; print(" ".join(str(r["id"]) for r in json.load(sys.stdin).get("items", [])))' 2>/dev/null); do
    curl -s -o /dev/null "http://127.0.0.1:8080/api/v1/records/$id"
    curl -s -o /dev/null "http://127.0.0.1:8080/api/v1/records/$id"
  done
done
sleep $((END - $(date +%s) > 0 ? END - $(date +%s) : 0))

mkdir -p "$(dirname "$OUT")"
"$PLOT" "$ROOT/deploy/monitoring/render_dashboard.py" --prometheus "http://127.0.0.1:$PORT" \
  --dashboard "$ROOT/deploy/monitoring/grafana-dashboard.json" --start "$START" --end "$(date +%s)" --out "$OUT"
echo "rendered $OUT from $MINUTES minutes of the local services"

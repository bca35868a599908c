#!/usr/bin/env python3
"""Draws every panel of the Grafana dashboard from a Prometheus (render-dashboard.sh starts one).

Each panel's targets are evaluated with /api/v1/query_range over [start, end] with the dashboard's
variables set to "all services" ($application -> .*); each series is drawn with its legend format.
"""
import argparse
import json
import math
import re
import urllib.parse
import urllib.request
from datetime import datetime, timezone

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402


def query_range(prometheus, expr, start, end, step):
    params = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": step})
    with urllib.request.urlopen(f"{prometheus}/api/v1/query_range?{params}", timeout=30) as response:
        body = json.load(response)
    if body.get("status") != "success":
        raise SystemExit(f"query failed: {expr}: {body}")
    return body["data"]["result"]


def legend(fmt, labels):
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: labels.get(m.group(1), ""), fmt or "") or json.dumps(labels)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prometheus", required=True)
    ap.add_argument("--dashboard", required=True)
    ap.add_argument("--start", type=float, required=True)
    ap.add_argument("--end", type=float, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    dashboard = json.load(open(args.dashboard))
    panels = sorted(dashboard["panels"], key=lambda p: (p["gridPos"]["y"], p["gridPos"]["x"]))
    step = max(5, int((args.end - args.start) / 120))
    cols = 2
    rows = math.ceil(len(panels) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(16, 3.2 * rows), squeeze=False)
    for ax, panel in zip(axes.flat, panels):
        drawn = 0
        for target in panel["targets"]:
            expr = target["expr"].replace("$application", ".*")
            for series in query_range(args.prometheus, expr, args.start, args.end, step):
                points = [(datetime.fromtimestamp(float(t), timezone.utc), float(v)) for t, v in series["values"]
                          if v not in ("NaN", "+Inf", "-Inf")]
                if points:
                    ax.plot([p[0] for p in points], [p[1] for p in points], linewidth=1.2,
                            label=legend(target.get("legendFormat"), series["metric"])[:48])
                    drawn += 1
        unit = panel.get("fieldConfig", {}).get("defaults", {}).get("unit", "")
        ax.set_title(panel["title"] + (f"  [{unit}]" if unit and unit != "short" else ""), fontsize=9)
        ax.tick_params(labelsize=7)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M"))
        if drawn:
            ax.legend(fontsize=6, loc="upper left", ncol=2 if drawn > 6 else 1)
        else:
            ax.text(0.5, 0.5, "no data in this run", ha="center", va="center", transform=ax.transAxes, fontsize=9)
    for ax in list(axes.flat)[len(panels):]:
        ax.axis("off")
    started = datetime.fromtimestamp(args.start, timezone.utc).strftime("%Y-%m-%d %H:%M")
    fig.suptitle(f"{dashboard['title']} — local run from {started} UTC, "
                 f"{int((args.end - args.start) / 60)} min, scraped every 5 s", fontsize=12)
    fig.tight_layout(rect=(0, 0, 1, 0.98))
    fig.savefig(args.out, dpi=80)


if __name__ == "__main__":
    main()

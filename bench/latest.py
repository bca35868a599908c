#!/usr/bin/env python3
"""Issue 14's latest figures from bench/results.jsonl as a Markdown table, each beside its goal.

With --readme FILE, the table also replaces what stands between <!-- bench:start --> and <!-- bench:end -->
in that file, so the README shows the latest run.
"""
import json
import re
import sys


def latest(rows, match):
    found = [r for r in rows if match(r)]
    return found[-1] if found else None


def when(r):
    load = r.get("load", r.get("load_before"))
    return f"{(r.get('ts') or r.get('at') or '?')[:16]}Z, {r.get('commit', '?')}" + (f", load {load}" if load is not None else "")


def table(rows):
    out = ["| | measure | baseline (same run) | figure | ratio | goal | run |", "|---|---|---:|---:|---:|---|---|"]
    p1 = latest(rows, lambda r: r.get("bench") == "record-page")
    if p1:
        gw, direct, search = p1["gateway"], p1["direct"], p1["search_gateway"]
        out.append(f"| P1 | record page via gateway, {p1['connections']} conn. (p99 {gw['p99_ms']:.0f} ms) | pgbench -S "
                   f"{p1['pgbench_select_tps']:,.0f} tps | {gw['per_s']:,.0f}/s | {p1['ratio_gateway_to_pgbench']:.3f} "
                   f"| ≥ 0.5, p99 ≤ 20 ms | {when(p1)} |")
        out.append(f"| P1 | record page straight to catalog (p99 {direct['p99_ms']:.0f} ms) | pgbench -S | "
                   f"{direct['per_s']:,.0f}/s | {p1['ratio_direct_to_pgbench']:.3f} | | |")
        out.append(f"| P1 | search via gateway (p99 {search['p99_ms']:.0f} ms) | pgbench -S | {search['per_s']:,.0f}/s | "
                   f"{search['per_s'] / p1['pgbench_select_tps']:.3f} | figures beside P1 | |")
    p2 = latest(rows, lambda r: "e2e_plays_per_sec" in r and r.get("e2e_status", "ok") == "ok")
    if p2:
        out.append(f"| P2 | plays end to end ({p2['e2e_plays']:,} plays) | Kafka ProducerPerformance "
                   f"{p2['kafka_records_per_sec']:,.0f} rec/s | {p2['e2e_plays_per_sec']:,.0f} plays/s | "
                   f"{p2['ratio_e2e_to_kafka']:.3f} | ≥ 0.3 | {when(p2)} |")
    p4 = latest(rows, lambda r: r.get("bench") == "import-copy")
    if p4:
        out.append(f"| P4 | Discogs sample import ({p4['records'] + p4['tracks']:,} rows) | raw COPY "
                   f"{p4['copy_rows_per_sec']:,.0f} rows/s | {p4['import_rows_per_sec']:,.0f} rows/s | "
                   f"{p4['ratio_import_to_copy']:.3f} | ≥ 0.25 | {when(p4)} |")
    p5 = latest(rows, lambda r: r.get("bench") == "startup")
    if p5:
        out.append(f"| P5 | {p5['service']} ready after launch, Java 25 + AOT cache | Java 17 {p5['java17_ready_ms'] / 1000:.1f} s | "
                   f"{p5['java25-aot_ready_ms'] / 1000:.1f} s | {p5['java25-aot_ratio_to_java17']:.2f} | ≤ 3 s | {when(p5)} |")
        out.append(f"| P5 | idle resident memory | Java 17 {p5['java17_idle_rss_mb']} MB | {p5['java25-aot_idle_rss_mb']} MB | | ≤ 250 MB | |")
    up = latest(rows, lambda r: r.get("bench") == "services-up")
    if up:
        out.append(f"| P5 | all six services ready | Java 17 {up['all_six_ready_s_java17']} s | "
                   f"{up['all_six_ready_s_java25_aot']} s | {up['ratio']:.2f} | | {when(up)} |")
    return "\n".join(out)


def main(argv):
    rows = []
    with open(argv[1]) as f:
        for line in f:
            try:
                rows.append(json.loads(line))
            except ValueError:
                continue
    text = table(rows)
    print(text)
    if len(argv) > 3 and argv[2] == "--readme":
        readme = open(argv[3]).read()
        marked = re.compile(r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)", re.S)
        if not marked.search(readme):
            sys.exit(f"{argv[3]} has no <!-- bench:start --> … <!-- bench:end --> section")
        open(argv[3], "w").write(marked.sub(lambda m: m.group(1) + text + "\n" + m.group(2), readme))


if __name__ == "__main__":
    main(sys.argv)

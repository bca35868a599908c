#!/usr/bin/env python3
"""Soak client for bench/soak.sh (stdlib only; the HTTP helpers are e2e_load.py's).

Posts plays at a steady rate through the gateway for a fixed time, one paced sender per client, while a
poller reads GET /api/v1/stats/me four times a second and a sampler reads each service's resident memory
(/proc/<pid>/status, from the pid files `./rotation` writes). Reports as one JSON object on stdout:
errors by HTTP status, the rate achieved, freshness (from a batch accepted to stats/me counting it:
p50/p99/max), whether the final count is exact, and per service the resident memory at the start of the
steady state, at the end, its maximum and its slope in MB per minute.
"""
import argparse
import json
import os
import threading
import time

from datetime import datetime, timedelta, timezone

from e2e_load import Gateway, build_batches, log, login, parse_json, register_and_login, track_ids

WARM_UP_SECONDS = 60  # memory before this is the JVMs settling, not a trend


def percentile(values, p):
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def slope_mb_per_min(samples):
    """Least-squares slope of (seconds, kB) samples, in MB per minute."""
    if len(samples) < 3:
        return None
    n = len(samples)
    mx = sum(t for t, _ in samples) / n
    my = sum(v for _, v in samples) / n
    var = sum((t - mx) ** 2 for t, _ in samples)
    if var == 0:
        return None
    cov = sum((t - mx) * (v - my) for t, v in samples)
    return round(cov / var * 60 / 1024, 3)


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def service_pids(pid_dir, names):
    pids = {}
    for name in names:
        try:
            with open(os.path.join(pid_dir, name + ".pid")) as f:
                pids[name] = int(f.readline().strip())
        except (OSError, ValueError):
            log(f"no pid file for {name} in {pid_dir}: its memory is not sampled")
    return pids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gateway", default="http://127.0.0.1:8080")
    ap.add_argument("--rate", type=float, required=True, help="plays per second to post")
    ap.add_argument("--seconds", type=int, default=600)
    ap.add_argument("--batch", type=int, default=200)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--pid-dir", required=True)
    ap.add_argument("--services", default="identity-service,catalog-service,matching-service,"
                                          "user-features-service,analytics-service,config-service")
    ap.add_argument("--sample-every", type=float, default=10.0)
    ap.add_argument("--track-ids", default="")
    ap.add_argument("--tag", default="soak" + time.strftime("%Y%m%d%H%M%S"))
    args = ap.parse_args()
    if args.rate <= 0 or args.seconds <= 0 or args.batch <= 0 or args.clients <= 0:
        raise SystemExit("rate, seconds, batch and clients must be positive")

    gw = Gateway(args.gateway)
    username, password, token = register_and_login(gw, args.tag)
    ids = track_ids(gw, token, args.track_ids)
    n_batches = max(1, int(args.rate * args.seconds / args.batch))
    # built when sent: a 10-minute soak holds over a million plays
    ends = datetime.now(timezone.utc) - timedelta(minutes=1)

    def batch(i):
        return build_batches(args.batch, args.batch, ids, ends, i * args.batch, n_batches * args.batch)[0]
    interval = args.batch / args.rate
    log(f"{n_batches} batches of {args.batch} plays, one every {interval * 1000:.0f} ms for {args.seconds}s "
        f"({args.rate:,.0f} plays/s), {args.clients} senders")

    lock = threading.Lock()
    state = {"token": token, "errors": {}, "accepted": [], "reauth": 0}
    t0 = time.monotonic() + 1.0
    stop = threading.Event()

    def current_token():
        with lock:
            return state["token"]

    def relogin(g, stale):
        with lock:
            if state["token"] == stale:
                state["token"] = login(g, username, password)
                state["reauth"] += 1

    def sender(k):
        g = Gateway(args.gateway)
        try:
            for i in range(k, n_batches, args.clients):
                delay = t0 + i * interval - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                body = batch(i)
                for _ in range(2):  # once more only after an expired token
                    tok = current_token()
                    try:
                        status, _, data = g.request("POST", "/api/v1/plays/batch", body, tok)
                    except Exception:  # noqa: BLE001 - a refused connection counts as an error
                        status = 0
                    if status == 401:
                        relogin(g, tok)
                        continue
                    break
                with lock:
                    if 200 <= status < 300:
                        state["accepted"].append((time.monotonic(), args.batch))
                    else:
                        state["errors"][str(status)] = state["errors"].get(str(status), 0) + 1
        finally:
            g.close()

    counts = []  # (monotonic, total_plays)

    def poller():
        g = Gateway(args.gateway)
        try:
            while not stop.is_set():
                tok = current_token()
                try:
                    status, _, data = g.request("GET", "/api/v1/stats/me", token=tok)
                except Exception:  # noqa: BLE001
                    status, data = 0, b""
                if status == 401:
                    relogin(g, tok)
                    continue
                body = parse_json(data)
                if status == 200 and isinstance(body, dict) and isinstance(body.get("total_plays"), int):
                    counts.append((time.monotonic(), body["total_plays"]))
                time.sleep(0.25)
        finally:
            g.close()

    pids = service_pids(args.pid_dir, [s for s in args.services.split(",") if s])
    memory = {name: [] for name in pids}

    def sampler():
        while not stop.is_set():
            now = time.monotonic() - t0
            for name, pid in pids.items():
                kb = rss_kb(pid)
                if kb is not None:
                    memory[name].append((now, kb))
            stop.wait(args.sample_every)

    helpers = [threading.Thread(target=poller, daemon=True), threading.Thread(target=sampler, daemon=True)]
    senders = [threading.Thread(target=sender, args=(k,), daemon=True) for k in range(args.clients)]
    for t in helpers + senders:
        t.start()
    last_log = time.monotonic()
    while any(t.is_alive() for t in senders):
        time.sleep(1)
        if time.monotonic() - last_log >= 60:
            last_log = time.monotonic()
            with lock:
                done, errors = len(state["accepted"]), sum(state["errors"].values())
            log(f"{last_log - t0:.0f}s: {done} batches accepted, {errors} errors, "
                f"stats/me {counts[-1][1] if counts else '-'}")
    t_end = time.monotonic()
    expected = sum(n for _, n in state["accepted"])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (counts and counts[-1][1] >= expected):
        time.sleep(0.5)
    time.sleep(2)  # one more look: a count above the expected one would show now
    stop.set()

    accepted = sorted(state["accepted"])
    freshness, cumulative, j = [], 0, 0
    for at, n in accepted:
        cumulative += n
        while j < len(counts) and (counts[j][0] < at or counts[j][1] < cumulative):
            j += 1
        if j < len(counts):
            freshness.append(counts[j][0] - at)
    final = counts[-1][1] if counts else None
    rss = {}
    for name, samples in memory.items():
        steady = [(t, kb) for t, kb in samples if t >= WARM_UP_SECONDS] or samples
        if steady:
            rss[name] = {"start_mb": round(steady[0][1] / 1024), "end_mb": round(steady[-1][1] / 1024),
                         "max_mb": round(max(kb for _, kb in steady) / 1024),
                         "slope_mb_per_min": slope_mb_per_min(steady)}
    errors = sum(state["errors"].values())
    result = {
        "seconds": args.seconds, "target_plays_per_sec": args.rate, "batch": args.batch,
        "posting_seconds": round(t_end - t0, 1),
        "achieved_plays_per_sec": round(expected / (t_end - t0), 1) if t_end > t0 else None,
        "plays_accepted": expected, "errors": errors, "errors_by_status": state["errors"],
        "reauth": state["reauth"], "total_plays_seen": final,
        "freshness_p50_s": round(percentile(freshness, 50), 3) if freshness else None,
        "freshness_p99_s": round(percentile(freshness, 99), 3) if freshness else None,
        "freshness_max_s": round(max(freshness), 3) if freshness else None,
        "batches_never_seen": len(accepted) - len(freshness), "rss": rss,
    }
    # a sender that falls behind its schedule posts late, not faster: the rate was not held
    result["kept_rate"] = bool(result["achieved_plays_per_sec"]) and result["achieved_plays_per_sec"] >= 0.9 * args.rate
    result["status"] = ("overcount" if final is not None and final > expected else
                        "undercount" if final != expected else
                        "errors" if errors else
                        "behind" if not result["kept_rate"] else "ok")
    print(json.dumps(result))
    return 0 if result["status"] == "ok" else 1


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""End-to-end load client for bench/e2e-throughput.sh (stdlib only).

Registers a fresh user through the gateway, logs in, posts N plays in batches
to POST /api/v1/plays/batch from a few concurrent clients, then polls
GET /api/v1/stats/me until total_plays == N. Prints progress on stderr and one
JSON object with the measurements as the last line on stdout.

Only talks to the gateway URL it is given, which must be on 127.0.0.1 /
localhost. Every loop is bounded in count and time.
"""
import argparse
import http.client
import json
import queue
import random
import string
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timedelta, timezone


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


class Gateway:
    """One keep-alive HTTP/1.1 connection to the gateway (one per thread)."""

    def __init__(self, base_url, timeout=60):
        u = urllib.parse.urlsplit(base_url)
        if u.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit(f"refusing to load a non-local gateway: {base_url}")
        self.host, self.port, self.timeout = u.hostname, u.port or 80, timeout
        self.conn = None

    def request(self, method, path, body=None, token=None):
        headers = {"Accept": "application/json"}
        if body is not None:
            if not isinstance(body, (bytes, bytearray)):
                body = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        for attempt in range(2):  # one reconnect if a kept-alive connection was closed
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                resp = self.conn.getresponse()
                data = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    self.close()
                return resp.status, dict(resp.getheaders()), data
            except (http.client.HTTPException, ConnectionError, OSError):
                self.close()
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def parse_json(data):
    try:
        return json.loads(data or b"null")
    except ValueError:
        return None


def register_and_login(gw, tag):
    suffix = "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(6))
    username = f"bench_{tag}_{suffix}"
    password = "Bench-passw0rd-" + suffix
    status, _, data = gw.request("POST", "/api/v1/auth/register",
                                 {"email": f"{username}@bench.rotation.test", "username": username,
                                  "password": password})
    if status not in (200, 201):
        raise SystemExit(f"register failed: HTTP {status} {data[:300]!r}")
    return username, password, login(gw, username, password)


def login(gw, username, password):
    status, _, data = gw.request("POST", "/api/v1/auth/login", {"username": username, "password": password})
    body = parse_json(data)
    if status != 200 or not isinstance(body, dict) or "access_token" not in body:
        raise SystemExit(f"login failed: HTTP {status} {data[:300]!r}")
    return body["access_token"]


def track_ids(gw, token, override):
    if override:
        return [int(x) for x in override.split(",") if x.strip()]
    status, _, data = gw.request("GET", "/api/v1/tracks?limit=100", token=token)
    body = parse_json(data)
    ids = []
    if status == 200 and isinstance(body, dict):
        ids = [it["id"] for it in body.get("items", []) if isinstance(it, dict) and isinstance(it.get("id"), int)]
    if not ids:
        log(f"GET /api/v1/tracks gave no ids (HTTP {status}); using track ids 1..100")
        ids = list(range(1, 101))
    return ids


def build_batches(n, batch, ids, ends=None, first=0, of=None):
    """n plays in batches; played_at unique per play, 1 ms apart, the last of `of` plays (default n) at `ends`
    (default a minute ago), these being plays first..first+n-1 of them (RFC 3339, UTC)."""
    ends = ends or datetime.now(timezone.utc) - timedelta(minutes=1)
    base = ends.replace(microsecond=0) - timedelta(milliseconds=of or n)
    batches = []
    for start in range(0, n, batch):
        plays = []
        for i in range(start, min(n, start + batch)):
            t = base + timedelta(milliseconds=first + i)
            plays.append({
                "track_id": ids[i % len(ids)],
                "played_at": t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z",
                "duration_played_ms": 180000,
                "completion_percentage": 100,
            })
        batches.append(json.dumps({"plays": plays}, separators=(",", ":")).encode())
    return batches


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gateway", default="http://127.0.0.1:8080")
    ap.add_argument("--plays", type=int, default=50000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for total_plays")
    ap.add_argument("--track-ids", default="", help="comma-separated ids (default: from GET /api/v1/tracks)")
    ap.add_argument("--tag", default=time.strftime("%Y%m%d%H%M%S"))
    args = ap.parse_args()
    if args.plays <= 0 or args.batch <= 0 or args.clients <= 0:
        raise SystemExit("plays, batch and clients must be positive")

    gw = Gateway(args.gateway)
    username, password, token = register_and_login(gw, args.tag)
    log(f"registered and logged in as {username}")
    ids = track_ids(gw, token, args.track_ids)
    batches = build_batches(args.plays, args.batch, ids)
    log(f"{args.plays} plays in {len(batches)} batches of {args.batch}, {args.clients} clients, "
        f"{len(ids)} distinct track ids")

    work = queue.Queue()
    for i, b in enumerate(batches):
        work.put((i, b))
    token_lock = threading.Lock()
    state = {"token": token, "errors": [], "accepted": 0, "retries": 0}

    def worker():
        g = Gateway(args.gateway)
        try:
            while True:
                try:
                    i, body = work.get_nowait()
                except queue.Empty:
                    return
                for attempt in range(6):  # bounded retries per batch
                    with token_lock:
                        tok = state["token"]
                    try:
                        status, headers, data = g.request("POST", "/api/v1/plays/batch", body, tok)
                    except Exception as e:  # noqa: BLE001 - report and retry
                        status, headers, data = 0, {}, str(e).encode()
                    if 200 <= status < 300:
                        with token_lock:
                            state["accepted"] += 1
                        break
                    with token_lock:
                        state["retries"] += 1
                    if status == 401:
                        with token_lock:
                            if state["token"] == tok:
                                state["token"] = login(g, username, password)
                        continue
                    if status in (0, 429, 502, 503, 504):
                        retry_after = headers.get("Retry-After", "1")
                        time.sleep(min(10.0, float(retry_after) if retry_after.isdigit() else 1.0))
                        continue
                    with token_lock:
                        state["errors"].append(f"batch {i}: HTTP {status} {data[:300]!r}")
                    break
                else:
                    with token_lock:
                        state["errors"].append(f"batch {i}: gave up after retries (last HTTP {status})")
        finally:
            g.close()

    t_start = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(args.clients)]
    for t in threads:
        t.start()
    deadline = t_start + args.timeout
    for t in threads:
        t.join(timeout=max(0.0, deadline - time.monotonic()))
    t_posted = time.monotonic()
    post_s = t_posted - t_start
    log(f"posted {state['accepted']}/{len(batches)} batches in {post_s:.1f}s "
        f"({args.plays / post_s:,.0f} plays/s accepted), {state['retries']} retries")
    for e in state["errors"][:5]:
        log("error: " + e)

    # Wait until analytics has counted every play (not worth it when a batch was refused).
    total, t_done, last_log = None, None, 0.0
    if state["errors"] or state["accepted"] < len(batches):
        deadline = 0.0
    while time.monotonic() < deadline:
        with token_lock:
            tok = state["token"]
        try:
            status, _, data = gw.request("GET", "/api/v1/stats/me", token=tok)
        except Exception as e:  # noqa: BLE001
            status, data = 0, str(e).encode()
        body = parse_json(data)
        if status == 401:
            with token_lock:
                state["token"] = login(gw, username, password)
            continue
        if status == 200 and isinstance(body, dict) and isinstance(body.get("total_plays"), int):
            total = body["total_plays"]
            if total >= args.plays:
                t_done = time.monotonic()
                break
        now = time.monotonic()
        if now - last_log >= 5:
            log(f"stats/me: HTTP {status}, total_plays={total} after {now - t_start:.0f}s")
            last_log = now
        time.sleep(0.25)

    result = {
        "plays": args.plays,
        "batch": args.batch,
        "clients": args.clients,
        "batches_accepted": state["accepted"],
        "batches_failed": len(state["errors"]),
        "retries": state["retries"],
        "post_seconds": round(post_s, 3),
        "accepted_plays_per_sec": round(args.plays / post_s, 1) if post_s > 0 else None,
        "total_plays_seen": total,
    }
    if state["errors"] or state["accepted"] < len(batches):
        result.update(status="post_failed", e2e_seconds=None, e2e_plays_per_sec=None,
                      first_errors=state["errors"][:3])
    elif t_done is not None and total == args.plays:
        e2e = t_done - t_start
        result.update(status="ok", e2e_seconds=round(e2e, 3), e2e_plays_per_sec=round(args.plays / e2e, 1))
    elif t_done is not None:
        result.update(status="overcount", e2e_seconds=round(t_done - t_start, 3), e2e_plays_per_sec=None)
    else:
        result.update(status="timeout", e2e_seconds=None, e2e_plays_per_sec=None)
    print(json.dumps(result))
    return 0 if result["status"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())

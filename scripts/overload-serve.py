#!/usr/bin/env python3
"""Overload check of `attune serve` on loopback: measure the rate it sustains (closed loop, C
clients, for --calibrate seconds), then send requests open loop at --factor (2) times that rate for
--seconds, each on its own connection, and check that every answer is 200, or 429/503 with a
Retry-After header; that no request fails at the connection level; that the server is still
running and answers /health and an embedding afterwards; and that its peak RSS (VmHWM from
/proc/PID/status) stays within --max-rss-growth-mib of what it was before the overload. Standard
library only; exits 1 naming each failed check, and prints the figures as one JSON line.

  python3 scripts/overload-serve.py --url http://127.0.0.1:8080 --model all-MiniLM-L6-v2 \\
      --pid $(pgrep -n attune) --corpus ../shared/data/medquad/corpus.jsonl --seconds 30
"""
import argparse
import asyncio
import collections
import json
import sys
import time
import urllib.parse


def status_of(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return None


def read_texts(path, n):
    if not path:
        return [f"Symptoms of condition {i} include fatigue, fever and a persistent cough." for i in range(n)]
    out = []
    with open(path) as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


async def request(host, port, method, path, body=b"", timeout=120.0):
    """(status, headers) of one request on its own connection; (None, error) when it fails."""
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
        head = (f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
        writer.write(head + body)
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), timeout)
        writer.close()
        lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:])}
        return int(lines[0].split(" ", 2)[1]), headers
    except Exception as e:  # a reset, a refused connection, a timeout
        return None, f"{type(e).__name__}: {e}"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--url", required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--pid", type=int, required=True, help="the server's pid (its RSS, and that it still runs)")
    p.add_argument("--corpus", default=None, help="JSONL with a text field (default: short made-up texts)")
    p.add_argument("--batch", type=int, default=1, help="texts per request")
    p.add_argument("--clients", type=int, default=4, help="closed-loop clients while calibrating")
    p.add_argument("--calibrate", type=float, default=3.0, help="seconds to measure the sustained rate")
    p.add_argument("--factor", type=float, default=2.0, help="the overload, as a multiple of the sustained rate")
    p.add_argument("--seconds", type=float, default=5.0, help="seconds of overload")
    p.add_argument("--max-rss-growth-mib", type=float, default=256.0)
    args = p.parse_args()
    u = urllib.parse.urlparse(args.url)
    if u.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"--url {args.url}: loopback only")
    host, port = u.hostname, u.port
    texts = read_texts(args.corpus, 512)

    def body(i):
        batch = [texts[(i * args.batch + j) % len(texts)] for j in range(args.batch)]
        return json.dumps({"model": args.model, "input": batch}).encode()

    async def run():
        failures = []
        # Warm up, then the sustained rate: C clients, each sending its next request when answered.
        await request(host, port, "POST", "/v1/embeddings", body(0))
        done, stop_at, n = 0, time.perf_counter() + args.calibrate, 0

        async def closed():
            nonlocal done, n
            while time.perf_counter() < stop_at:
                n += 1
                s, _ = await request(host, port, "POST", "/v1/embeddings", body(n))
                done += s == 200
        t0 = time.perf_counter()
        await asyncio.gather(*(closed() for _ in range(args.clients)))
        sustained = done / (time.perf_counter() - t0)
        if sustained <= 0:
            return {"failures": ["no request succeeded while calibrating"]}
        rss_before = status_of(args.pid, "VmHWM")

        # Open loop at factor × the sustained rate: arrivals do not wait for answers.
        rate = args.factor * sustained
        tasks, start, i = [], time.perf_counter(), 0
        while time.perf_counter() - start < args.seconds:
            tasks.append(asyncio.create_task(request(host, port, "POST", "/v1/embeddings", body(i))))
            i += 1
            await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
        sent_for = time.perf_counter() - start
        results = await asyncio.gather(*tasks)
        drained = time.perf_counter() - start
        statuses = collections.Counter(s if s is not None else "error" for s, _ in results)
        for s, h in results:
            if s is None:
                failures.append(f"a request failed at the connection level: {h}")
            elif s in (429, 503):
                if "retry-after" not in h:
                    failures.append(f"a {s} without Retry-After")
            elif s != 200:
                failures.append(f"status {s}")
        try:
            with open(f"/proc/{args.pid}/status") as f:
                state = next(l.split()[1] for l in f if l.startswith("State:"))
            alive = state not in ("Z", "X")
        except (FileNotFoundError, StopIteration):
            alive = False
        if not alive:
            failures.append("the server is no longer running")
        health, _ = await request(host, port, "GET", "/health", timeout=30)
        after, _ = await request(host, port, "POST", "/v1/embeddings", body(0), timeout=60)
        if health != 200 or after != 200:
            failures.append(f"after the overload: /health {health}, /v1/embeddings {after}")
        rss_after = status_of(args.pid, "VmHWM") if alive else None
        if rss_after is not None and rss_before is not None and rss_after - rss_before > args.max_rss_growth_mib:
            failures.append(f"peak RSS grew {rss_after - rss_before:.0f} MiB (> {args.max_rss_growth_mib:.0f})")
        return {"sustained_rps": round(sustained, 2), "offered_rps": round(i / sent_for, 2), "sent": i,
                "statuses": {str(k): v for k, v in sorted(statuses.items(), key=str)},
                "drained_s": round(drained, 2), "peak_rss_mib_before": rss_before, "peak_rss_mib_after": rss_after,
                "failures": sorted(set(failures))}

    r = asyncio.run(run())
    print(json.dumps(r), flush=True)
    for f in r["failures"]:
        print(f"overload-serve.py: {f}", file=sys.stderr)
    sys.exit(1 if r["failures"] else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A bounded load on an OpenAI-compatible embeddings server on loopback (attune serve, or a peer
such as infinity-emb serving the same model folder): at each concurrency, C clients each send
their share of R requests of B MedQuAD answers to POST /v1/embeddings; reports texts/s and p50/p99
request latency, and the server's peak RSS when given its pid. Standard library only; it stops by
itself after R requests per level (and refuses a non-loopback URL).

  python3 scripts/bench-serve.py --url http://127.0.0.1:8080 --model all-MiniLM-L6-v2 \
      --corpus ../shared/data/medquad/corpus.jsonl --concurrency 1 8 64 --requests 128 --batch 1 \
      --pid $(pgrep -n attune)
  python3 scripts/bench-serve.py --summarise RESULTS.jsonl   # the table of a bench-serve-peer.sh run
"""
import argparse
import asyncio
import json
import statistics
import sys
import time
import urllib.parse


def read_texts(path, n):
    out = []
    with open(path) as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


def peak_rss_mib(pid):
    if not pid:
        return None
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024


async def post(host, port, path, body):
    reader, writer = await asyncio.open_connection(host, port)
    head = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode()
    writer.write(head + body)
    await writer.drain()
    data = await reader.read()
    writer.close()
    status = int(data.split(b" ", 2)[1])
    return status


async def level(url, model, texts, concurrency, requests, batch):
    u = urllib.parse.urlparse(url)
    path = (u.path.rstrip("/") or "") + "/v1/embeddings"
    bodies = [json.dumps({"model": model, "input": texts[(i * batch) % len(texts):(i * batch) % len(texts) + batch] or texts[:batch],
                          "encoding_format": "float"}).encode() for i in range(requests)]
    latencies, failures = [], 0
    queue = asyncio.Queue()
    for b in bodies:
        queue.put_nowait(b)

    async def client():
        nonlocal failures
        while not queue.empty():
            b = queue.get_nowait()
            t = time.perf_counter()
            status = await post(u.hostname, u.port, path, b)
            latencies.append(time.perf_counter() - t)
            if status != 200:
                failures += 1

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    wall = time.perf_counter() - start
    latencies.sort()
    return {"concurrency": concurrency, "requests": requests, "batch": batch, "failures": failures,
            "texts_per_s": requests * batch / wall, "p50_ms": 1000 * statistics.median(latencies),
            "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))]}


def summarise(path):
    """The markdown table of a bench-serve-peer.sh run: each server's levels, and attune's
    throughput as a multiple of infinity's at the same concurrency."""
    rows = [json.loads(line) for line in open(path) if line.strip()]
    levels = [r for r in rows if "concurrency" in r]
    peer = {r["concurrency"]: r["texts_per_s"] for r in levels if r["label"] == "infinity"}
    print("| server | concurrency | texts/s | × infinity | p50 ms | p99 ms | peak RSS MiB | failures | load |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in levels:
        ratio = r["texts_per_s"] / peer[r["concurrency"]] if r["concurrency"] in peer and r["label"] != "infinity" else None
        rss = r.get("peak_rss_mib")
        print(f"| {r['label']} | {r['concurrency']} | {r['texts_per_s']:.1f} | {f'{ratio:.2f}×' if ratio else '—'} | "
              f"{r['p50_ms']:.1f} | {r['p99_ms']:.1f} | {f'{rss:.0f}' if rss else '—'} | {r['failures']} | {r.get('load', '—')} |")
    for r in rows:
        if "unavailable" in r:
            print(f"\n{r['label']}: unavailable: {r['unavailable']}")
        if r.get("bench") == "encode-latency":
            served = next((x for x in levels if x["label"] == "attune-" + r["precision"] and x["concurrency"] == 1), None)
            ratio = f", served c=1 p50 / in-process p50 = {served['p50_ms'] / r['p50_ms']:.2f}×" if served else ""
            print(f"\n{r['label']} [{r['kernel']}]: one text per call, p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms{ratio}")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--summarise":
        return summarise(sys.argv[2])
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--url", required=True)
    p.add_argument("--model", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 64])
    p.add_argument("--requests", type=int, default=128, help="requests per concurrency level")
    p.add_argument("--batch", type=int, default=1, help="texts per request")
    p.add_argument("--warmup", type=int, default=8)
    p.add_argument("--pid", type=int, default=None, help="the server's pid, for its peak RSS")
    p.add_argument("--label", default="")
    p.add_argument("--load", action="store_true", help="record the 1-minute load average after each level")
    args = p.parse_args()
    host = urllib.parse.urlparse(args.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"--url {args.url}: loopback only")
    texts = read_texts(args.corpus, 4096)
    asyncio.run(level(args.url, args.model, texts, 1, args.warmup, args.batch))
    for c in args.concurrency:
        r = asyncio.run(level(args.url, args.model, texts, c, args.requests, args.batch))
        r["label"] = args.label
        r["peak_rss_mib"] = peak_rss_mib(args.pid)
        if args.load:
            r["load"] = float(open("/proc/loadavg").read().split()[0])
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A bounded load on an OpenAI-compatible embeddings server on loopback (attune serve, or a peer
such as infinity-emb serving the same model folder): at each concurrency, C clients each send
their share of R requests of B MedQuAD answers to POST /v1/embeddings; reports texts/s and p50/p99
request latency, and the server's peak RSS when given its pid. Standard library only; it stops by
itself after R requests per level (and refuses a non-loopback URL).

  python3 scripts/bench-serve.py --url http://127.0.0.1:8080 --model all-MiniLM-L6-v2 \
      --corpus ../shared/data/medquad/corpus.jsonl --concurrency 1 8 64 --requests 128 --batch 1 \
      --pid $(pgrep -n attune)
"""
import argparse
import asyncio
import json
import statistics
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


def main():
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
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()

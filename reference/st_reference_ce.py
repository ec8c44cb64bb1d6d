#!/usr/bin/env python3
"""The PyTorch + sentence-transformers reference for Attune's cross-encoders, run by
`attune-bench rerank` in the same benchmark run.

  HF_HUB_OFFLINE=1 ../st-venv/bin/python reference/st_reference_ce.py rerank --model CE_DIR --pairs train.jsonl \
      [--n 1000] [--batch-size 32] [--max-length 256]

rerank: `CrossEncoder(CE_DIR, max_length=…).predict` over the first --n (anchor, positive) pairs of a
JSON Lines file (batches of --batch-size, as predict pads them), after a warm-up batch; prints one
JSON line: pairs, seconds, pairs_per_second, threads, peak_rss_mib.
"""
import argparse, json, os, resource, sys, time

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def read_pairs(path, n):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            pairs.append((obj["anchor"], obj["positive"]))
            if len(pairs) >= n:
                break
    return pairs


def rerank(args):
    import torch
    from sentence_transformers import CrossEncoder
    model = CrossEncoder(args.model, device="cpu", max_length=args.max_length)
    pairs = read_pairs(args.pairs, args.n)
    model.predict(pairs[: args.batch_size], batch_size=args.batch_size)
    t0 = time.time()
    model.predict(pairs, batch_size=args.batch_size)
    s = time.time() - t0
    print(json.dumps({"pairs": len(pairs), "seconds": round(s, 2), "pairs_per_second": round(len(pairs) / s, 1),
                      "max_length": args.max_length, "batch_size": args.batch_size, "threads": torch.get_num_threads(),
                      "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rerank")
    r.add_argument("--model", required=True); r.add_argument("--pairs", required=True)
    r.add_argument("--n", type=int, default=1000); r.add_argument("--batch-size", type=int, default=32)
    r.add_argument("--max-length", type=int, default=256)
    args = ap.parse_args()
    {"rerank": rerank}[args.cmd](args)


if __name__ == "__main__":
    main()

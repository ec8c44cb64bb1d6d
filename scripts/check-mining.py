#!/usr/bin/env python3
"""Check `attune mine` against sentence-transformers' mine_hard_negatives on the same pairs.

    ../st-venv/bin/python scripts/check-mining.py PAIRS.jsonl MINED.jsonl [--model DIR] [--corpus corpus.jsonl]
        [--num-negatives 3] [--range-min 0] [--range-max N] [--max-score S] [--min-score S]
        [--absolute-margin A] [--relative-margin 0.05|none]

MINED.jsonl is what `attune mine` wrote for PAIRS.jsonl with the same settings and `--sampling top`.
The reference runs mine_hard_negatives (output_format="n-tuple", output_scores=True) and the two are
compared anchor by anchor. Candidates whose scores differ by less than --tie (1e-5) may swap places
(float32 sums in a different order), so a differing list counts as a tie swap when every candidate
in either list scores within --tie of one the other list has at that rank. Exits 1 when any other
difference is found. Run with HF_HUB_OFFLINE=1.
"""
import argparse
import json
import sys


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def margin(value):
    return None if value.lower() in ("none", "off") else float(value)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pairs")
    ap.add_argument("mined")
    ap.add_argument("--model", default=None, help="model folder (default: Attune's cached all-MiniLM-L6-v2)")
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--num-negatives", type=int, default=3)
    ap.add_argument("--range-min", type=int, default=0)
    ap.add_argument("--range-max", type=int, default=None)
    ap.add_argument("--max-score", type=margin, default=None)
    ap.add_argument("--min-score", type=margin, default=None)
    ap.add_argument("--absolute-margin", type=margin, default=None)
    ap.add_argument("--relative-margin", type=margin, default=0.05)
    ap.add_argument("--tie", type=float, default=1e-5)
    args = ap.parse_args()

    import os
    from datasets import Dataset
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.util import mine_hard_negatives

    model_dir = args.model or os.path.join(
        os.environ.get("ATTUNE_HOME", os.path.expanduser("~/.cache/attune")), "models", "all-MiniLM-L6-v2")
    model = SentenceTransformer(model_dir, device="cpu")
    pairs = read_jsonl(args.pairs)
    data = Dataset.from_dict({"anchor": [p["anchor"] for p in pairs], "positive": [p["positive"] for p in pairs]})
    corpus = [d["text"] for d in read_jsonl(args.corpus)] if args.corpus else None
    ref = mine_hard_negatives(
        data, model, corpus=corpus, range_min=args.range_min, range_max=args.range_max,
        max_score=args.max_score, min_score=args.min_score, absolute_margin=args.absolute_margin,
        relative_margin=args.relative_margin, num_negatives=args.num_negatives, sampling_strategy="top",
        output_format="n-tuple", output_scores=True, batch_size=32, verbose=False)

    n = args.num_negatives
    # The reference keeps only anchors with all n negatives; one row per (anchor, positive).
    reference = {}
    for row in ref:
        negs = [row[f"negative_{i}"] for i in range(1, n + 1)]
        reference[row["anchor"]] = (negs, row["scores"][1:])
    # Scores of every text for an anchor, to judge tie swaps: embed what either side named.
    attune = {}
    for row in read_jsonl(args.mined):
        negs = [row[k] for k in sorted((k for k in row if k.startswith("negative_")), key=lambda k: int(k.split("_")[1]))]
        attune.setdefault(row["anchor"], negs)

    same = swaps = 0
    differ = []
    complete_attune = {a for a, negs in attune.items() if len(negs) >= n}
    for anchor in sorted(set(reference) | complete_attune):
        a_negs = attune.get(anchor, [])[:n]
        r_negs = reference.get(anchor, ([], []))[0]
        if a_negs == r_negs:
            same += 1
            continue
        texts = list(dict.fromkeys(a_negs + r_negs))
        emb = model.encode([anchor] + texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
        score = {t: float(emb[0] @ emb[i + 1]) for i, t in enumerate(texts)}
        tie = len(a_negs) == len(r_negs) and all(abs(score[x] - score[y]) <= args.tie for x, y in zip(a_negs, r_negs))
        if tie:
            swaps += 1
        else:
            differ.append((anchor, [(t[:60], round(score[t], 6)) for t in a_negs], [(t[:60], round(score[t], 6)) for t in r_negs]))
    total = same + swaps + len(differ)
    print(json.dumps({"anchors_compared": total, "identical": same, "tie_swaps": swaps, "different": len(differ),
                      "reference_complete_anchors": len(reference), "attune_complete_anchors": len(complete_attune)}))
    for anchor, a, r in differ[:5]:
        print(f"DIFFERENT for {anchor[:80]!r}:\n  attune    {a}\n  reference {r}", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

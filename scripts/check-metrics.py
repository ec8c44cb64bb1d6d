#!/usr/bin/env python3
"""Check Attune's metrics against the PyTorch reference's `metrics()` on the same run.

  scripts/check-metrics.py RUN.trec QRELS.tsv ATTUNE_EVAL.json [--model NAME|INDEX]
        [--reference ../shared/reference/st_reference.py]

RUN.trec is a TREC run (`qid Q0 docid rank score tag`), ranked by its rank column;
QRELS.tsv is BEIR qrels (header optional, score > 0 = relevant); ATTUNE_EVAL.json is
`attune eval --json` output, whose models[i].metrics holds the means. Prints both sets of
numbers and exits 1 unless every metric agrees to 4 decimals (and the query counts match).
"""
import argparse
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_reference(path):
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    from st_reference import metrics  # torch is imported only inside its commands
    return metrics


def read_run(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 6:
                sys.exit(f"{path}:{n}: expected 6 fields (qid Q0 docid rank score tag), found {len(parts)}")
            try:
                rank = int(parts[3])
            except ValueError:
                sys.exit(f"{path}:{n}: rank '{parts[3]}' is not an integer")
            rows.setdefault(parts[0], []).append((rank, n, parts[2]))
    return {q: [d for _, _, d in sorted(v)] for q, v in rows.items()}


def read_qrels(path):
    relevant = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit(f"{path}:{n}: expected 3 tab-separated fields, found {len(parts)}")
            try:
                score = float(parts[2])
            except ValueError:
                if n == 1:
                    continue  # header
                sys.exit(f"{path}:{n}: score '{parts[2]}' is not a number")
            if score > 0:
                relevant.setdefault(parts[0], set()).add(parts[1])
    return relevant


def main():
    import json
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("run"); ap.add_argument("qrels"); ap.add_argument("attune_json")
    ap.add_argument("--model", help="model name or index in the JSON (default: the N of a run file named "
                    "N-….trec, as `attune eval --run-dir` names them, else the first)")
    shared = os.environ.get("ATTUNE_SHARED", os.path.join(HERE, "..", "..", "shared"))
    ap.add_argument("--reference", default=os.path.join(shared, "reference", "st_reference.py"))
    args = ap.parse_args()
    if not os.path.exists(args.reference):
        sys.exit(f"{args.reference}: no such file (pass --reference or set ATTUNE_SHARED)")
    metrics = load_reference(args.reference)

    with open(args.attune_json, encoding="utf-8") as f:
        doc = json.load(f)
    models = doc.get("models") or sys.exit(f"{args.attune_json}: no 'models' array")
    if args.model is None:
        prefix = os.path.basename(args.run).split("-", 1)[0]
        args.model = prefix if prefix.isdigit() else "0"
    chosen = next((m for m in models if m.get("name") == args.model), None)
    if chosen is None:
        try:
            chosen = models[int(args.model)]
        except (ValueError, IndexError):
            sys.exit(f"{args.attune_json}: no model named or numbered '{args.model}' "
                     f"(have: {', '.join(str(m.get('name')) for m in models)})")
    ours = chosen["metrics"]

    ref = metrics(read_run(args.run), read_qrels(args.qrels))
    ok = True
    print(f"model: {chosen.get('name')}")
    print(f"{'metric':<12}{'reference':>11}{'attune':>11}  agree")
    for key in ("ndcg@10", "mrr@10", "recall@1", "recall@10", "recall@100", "map@100"):
        if key not in ours:
            print(f"{key:<12}{ref[key]:>11.4f}{'missing':>11}  NO"); ok = False; continue
        agree = abs(ours[key] - ref[key]) <= 5e-5 + 1e-9
        ok &= agree
        print(f"{key:<12}{ref[key]:>11.4f}{ours[key]:>11.4f}  {'yes' if agree else 'NO'}")
    q_ours = chosen.get("queries")
    q_ok = q_ours is None or q_ours == ref["queries"]
    ok &= q_ok
    print(f"{'queries':<12}{ref['queries']:>11}{str(q_ours):>11}  {'yes' if q_ok else 'NO'}")
    print("AGREE to 4 decimals" if ok else "DISAGREE")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

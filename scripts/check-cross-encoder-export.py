#!/usr/bin/env python3
"""Prove that a cross-encoder folder Attune wrote means the same model to PyTorch and to Attune.

  check-cross-encoder-export.py CE_DIR [--pairs Tests/Fixtures/cross-encoder.json] [--attune PATH] [--tolerance 1e-5]

Loads CE_DIR with sentence-transformers' `CrossEncoder(path, device="cpu")` (offline), scores the
fixture's (query, document) pairs with `CrossEncoder.predict` (its default activation: the sigmoid
for one label) and, without the activation, their logits; runs `attune rerank --model CE_DIR
--query Q --input DOCS --json` once per query over the same documents; and prints the max |diff|
of both. It also reports anything PyTorch complained about while loading (missing, unexpected or
newly initialised weights, from `output_loading_info`: these fail the check) and any warning
logged. Exit 0 when both diffs are within the tolerance, the pair lengths agree and the weights
loaded cleanly; 1 otherwise; 2 when something could not run.

Needs torch and sentence-transformers (e.g. ../st-venv/bin/python scripts/check-cross-encoder-export.py …).
"""
import argparse, json, logging, os, subprocess, sys, tempfile, warnings

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def activation(model):
    """The activation `predict` applies by default (`activation_fn` in sentence-transformers 4+,
    `default_activation_function` in 3.x)."""
    return getattr(model, "activation_fn", None) or getattr(model, "default_activation_function", None)


class Collect(logging.Handler):
    """Keeps every WARNING-or-worse record logged while the model loads."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(f"{record.name}: {record.getMessage()}")


def load_checked(path):
    """CrossEncoder(path) plus the list of loading complaints and logged warnings."""
    from sentence_transformers import CrossEncoder
    import transformers

    transformers.logging.set_verbosity_warning()
    handler = Collect()
    loggers = [logging.getLogger(n) for n in ("transformers", "sentence_transformers")]
    for lg in loggers:
        lg.addHandler(handler)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = CrossEncoder(path, device="cpu")
    for lg in loggers:
        lg.removeHandler(handler)
    logged = handler.messages + [f"warning: {w.message}" for w in caught]
    _, info = transformers.AutoModelForSequenceClassification.from_pretrained(path, output_loading_info=True)
    problems = [f"{k}: {sorted(map(str, info[k]))}" for k in ("missing_keys", "unexpected_keys", "mismatched_keys", "error_msgs") if info.get(k)]
    return model, problems, logged


def attune_rerank(attune, model_dir, query, docs):
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "docs.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"text": d}) + "\n")
        cmd = [attune, "rerank", "--model", model_dir, "--query", query, "--input", inp, "--json"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"error: attune rerank exited with {r.returncode}:\n{r.stderr.strip()}", file=sys.stderr)
            sys.exit(2)
        return json.loads(r.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model_dir")
    ap.add_argument("--pairs", default=os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "cross-encoder.json"))
    ap.add_argument("--attune", default=".build/release/attune")
    ap.add_argument("--tolerance", type=float, default=1e-5)
    args = ap.parse_args()

    import numpy as np
    import torch

    if not os.path.isdir(args.model_dir):
        sys.exit(f"{args.model_dir}: no such folder")
    pairs = [(p["query"], p["document"]) for p in json.load(open(args.pairs, encoding="utf-8"))["pairs"]]
    try:
        model, problems, logged = load_checked(args.model_dir)
    except Exception as e:  # the point of the script is to say why PyTorch refused the folder
        print(f"error: CrossEncoder({args.model_dir!r}) failed: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(2)
    # 3.x leaves max_length None and truncates at the tokenizer's model_max_length.
    max_length = getattr(model, "max_seq_length", None) or model.max_length or model.tokenizer.model_max_length
    print(f"PyTorch loaded {args.model_dir}: {type(model.model).__name__}, num_labels {model.config.num_labels}, "
          f"max_length {max_length}, activation {type(activation(model)).__name__}")
    for p in problems:
        print(f"weights not loaded cleanly: {p}")
    for w in logged:
        print(f"logged while loading: {w}")
    if not problems and not logged:
        print("loading: clean (no missing, unexpected or newly initialised weights; no warnings)")

    scores = np.asarray(model.predict(pairs, batch_size=8, convert_to_numpy=True), dtype=np.float64)
    # sentence-transformers 4+ names the argument activation_fn, 3.x activation_fct.
    identity = {"activation_fn" if hasattr(model, "activation_fn") else "activation_fct": torch.nn.Identity()}
    logits = np.asarray(model.predict(pairs, batch_size=8, convert_to_numpy=True, **identity), dtype=np.float64)
    ours_s, ours_z = np.zeros(len(pairs)), np.zeros(len(pairs))
    lengths_agree = True
    queries = list(dict.fromkeys(q for q, _ in pairs))
    for q in queries:
        idx = [i for i, (qq, _) in enumerate(pairs) if qq == q]
        out = attune_rerank(args.attune, args.model_dir, q, [pairs[i][1] for i in idx])
        lengths_agree &= out["max_length"] == max_length
        for r in out["results"]:
            ours_s[idx[r["index"]]] = r["score"]
            ours_z[idx[r["index"]]] = r["logit"]
    score_diff = float(np.abs(ours_s - scores).max())
    logit_diff = float(np.abs(ours_z - logits).max())
    ok = score_diff <= args.tolerance and logit_diff <= args.tolerance and lengths_agree and not problems
    print(json.dumps({"model": args.model_dir, "pairs": len(pairs), "queries": len(queries), "max_length": max_length,
                      "max_abs_diff_score": score_diff, "max_abs_diff_logit": logit_diff, "lengths_agree": lengths_agree,
                      "tolerance": args.tolerance, "weight_problems": len(problems), "load_warnings": len(logged), "ok": ok}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

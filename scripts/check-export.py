#!/usr/bin/env python3
"""Prove that an exported folder means the same model to PyTorch and to Attune.

  check-export.py MODEL_DIR [--texts FIXTURE_JSONL] [--attune PATH] [--tolerance 1e-5]

Loads MODEL_DIR with sentence-transformers' `SentenceTransformer(path, device="cpu")` (offline),
encodes the texts (normalize_embeddings=True, the folder's saved max_seq_length), runs
`attune embed --model MODEL_DIR` on the same texts, and prints the max |diff|. It also reports
anything PyTorch complained about while loading: missing, unused or newly initialised weights
(from `output_loading_info`; these fail the check) and any logged warning (printed). Exit 0 when
max |diff| <= tolerance and the weights loaded cleanly, 1 otherwise, 2 when something could not run.

Needs torch and sentence-transformers (e.g. ../st-venv/bin/python scripts/check-export.py …).
"""
import argparse, json, logging, os, subprocess, sys, tempfile, warnings

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def read_texts(path):
    texts = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                obj = json.loads(line)
                if "text" not in obj:
                    sys.exit(f"{path}:{n}: no \"text\" field")
                texts.append(obj["text"])
    return texts


class Collect(logging.Handler):
    """Keeps every WARNING-or-worse record logged while the model loads."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(f"{record.name}: {record.getMessage()}")


def load_checked(path):
    """SentenceTransformer(path) plus the list of loading complaints."""
    from sentence_transformers import SentenceTransformer
    import transformers

    transformers.logging.set_verbosity_warning()
    handler = Collect()
    loggers = [logging.getLogger(n) for n in ("transformers", "sentence_transformers")]
    for lg in loggers:
        lg.addHandler(handler)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = SentenceTransformer(path, device="cpu")
    for lg in loggers:
        lg.removeHandler(handler)
    logged = handler.messages + [f"warning: {w.message}" for w in caught]
    problems = []

    # The Transformer module's weights, precisely: nothing missing, unexpected or mismatched.
    with open(os.path.join(path, "modules.json"), encoding="utf-8") as f:
        modules = json.load(f)
    sub = os.path.join(path, modules[0].get("path", ""))
    _, info = transformers.AutoModel.from_pretrained(sub, output_loading_info=True)
    for key in ("missing_keys", "unexpected_keys", "mismatched_keys", "error_msgs"):
        if info.get(key):
            problems.append(f"{key}: {sorted(map(str, info[key]))}")
    return model, problems, logged


def attune_embed(attune, model_dir, texts):
    import numpy as np

    with tempfile.TemporaryDirectory() as tmp:
        inp, out = os.path.join(tmp, "texts.jsonl"), os.path.join(tmp, "emb.npy")
        with open(inp, "w", encoding="utf-8") as f:
            for t in texts:
                f.write(json.dumps({"text": t}) + "\n")
        cmd = [attune, "embed", "--model", model_dir, "--input", inp, "--output", out]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print(f"error: {' '.join(cmd)} exited with {r.returncode}:\n{r.stderr.strip()}", file=sys.stderr)
            sys.exit(2)
        return np.load(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model_dir")
    ap.add_argument("--texts", default="../shared/fixtures/all-MiniLM-L6-v2/embeddings.jsonl")
    ap.add_argument("--attune", default=".build/release/attune")
    ap.add_argument("--tolerance", type=float, default=1e-5)
    args = ap.parse_args()

    import numpy as np

    if not os.path.isdir(args.model_dir):
        sys.exit(f"{args.model_dir}: no such folder")
    texts = read_texts(args.texts)
    try:
        model, problems, logged = load_checked(args.model_dir)
    except Exception as e:  # the point of the script is to say why PyTorch refused the folder
        print(f"error: SentenceTransformer({args.model_dir!r}) failed: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(2)
    print(f"PyTorch loaded {args.model_dir}: {[type(m).__name__ for m in model]}, "
          f"max_seq_length {model.max_seq_length}, dimension {getattr(model, 'get_embedding_dimension', model.get_sentence_embedding_dimension)()}")
    for p in problems:
        print(f"weights not loaded cleanly: {p}")
    for w in logged:
        print(f"logged while loading: {w}")
    if not problems and not logged:
        print("loading: clean (no missing, unexpected or newly initialised weights; no warnings)")

    ref = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, batch_size=32).astype(np.float32)
    ours = attune_embed(args.attune, args.model_dir, texts)
    if ours.shape != ref.shape:
        print(f"shape mismatch: attune {ours.shape}, PyTorch {ref.shape}")
        sys.exit(1)
    diff = float(np.abs(ours - ref).max())
    cos = float((ours * ref).sum(axis=1).min())
    ok = diff <= args.tolerance and not problems
    print(json.dumps({"model": args.model_dir, "texts": len(texts), "max_seq_length": model.max_seq_length,
                      "max_abs_diff": diff, "min_cosine": round(cos, 7), "tolerance": args.tolerance,
                      "weight_problems": len(problems), "load_warnings": len(logged), "ok": ok}))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

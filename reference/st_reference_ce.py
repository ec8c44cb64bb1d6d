#!/usr/bin/env python3
"""The PyTorch + sentence-transformers reference for Attune's cross-encoders, run by
`attune-bench rerank` in the same benchmark run.

  HF_HUB_OFFLINE=1 ../st-venv/bin/python reference/st_reference_ce.py rerank --model CE_DIR --pairs train.jsonl \
      [--n 1000] [--batch-size 32] [--max-length 256]

rerank: `CrossEncoder(CE_DIR, max_length=…).predict` over the first --n (anchor, positive) pairs of a
JSON Lines file (batches of --batch-size, as predict pads them), after a warm-up batch; prints one
JSON line: pairs, seconds, pairs_per_second, threads, peak_rss_mib.

  HF_HUB_OFFLINE=1 ../st-venv/bin/python reference/st_reference_ce.py train-ce --model BI_ENCODER_DIR \
      --pairs mined.jsonl --output OUT [--n 1000] [--epochs 1] [--lr 2e-5] [--batch-size 16] [--max-length 256] \
      [--trainable-layers K]

train-ce: `CrossEncoder(BI_ENCODER_DIR, num_labels=1)` trained by `CrossEncoderTrainer` with
`BinaryCrossEntropyLoss` on the first --n lines of a pairs file with negatives (anchor, positive,
negative…: each (anchor, positive) labelled 1, each (anchor, negative) 0), warm-up ratio 0.1,
seed 42; --trainable-layers K trains only the top K encoder layers and the head (the embeddings and
lower layers get requires_grad False, as Attune's `trainable_layers` freezes them); saves to OUT and prints one JSON line: pairs (labelled), seconds, pairs_per_second,
train_loss, peak_rss_mib.
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


def labelled_pairs(path, n):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            rows.append((obj["anchor"], obj["positive"], 1.0))
            for k in sorted(k for k in obj if k.startswith("negative")):
                rows.append((obj["anchor"], obj[k], 0.0))
            if len(rows) and sum(1 for r in rows if r[2] == 1.0) >= n:
                break
    return rows


def train_ce(args):
    import torch
    from datasets import Dataset
    from sentence_transformers.cross_encoder import CrossEncoder, CrossEncoderTrainer, CrossEncoderTrainingArguments
    from sentence_transformers.cross_encoder.losses import BinaryCrossEntropyLoss
    torch.manual_seed(42)
    model = CrossEncoder(args.model, num_labels=1, device="cpu", max_length=args.max_length)
    if args.trainable_layers is not None:
        base = model.model.base_model          # BertModel / MPNetModel under the classification head
        layers = base.encoder.layer
        frozen = len(layers) - args.trainable_layers
        for p in base.embeddings.parameters():
            p.requires_grad = False
        for layer in layers[:max(frozen, 0)]:
            for p in layer.parameters():
                p.requires_grad = False
    rows = labelled_pairs(args.pairs, args.n)
    data = Dataset.from_dict({"query": [r[0] for r in rows], "document": [r[1] for r in rows], "label": [r[2] for r in rows]})
    targs = CrossEncoderTrainingArguments(output_dir=args.output + "-checkpoints", num_train_epochs=args.epochs,
                                          per_device_train_batch_size=args.batch_size, learning_rate=args.lr,
                                          warmup_ratio=0.1, seed=42, save_strategy="no", logging_steps=50,
                                          report_to=[], use_cpu=True, dataloader_drop_last=False)
    trainer = CrossEncoderTrainer(model=model, args=targs, train_dataset=data, loss=BinaryCrossEntropyLoss(model))
    t0 = time.time()
    out = trainer.train()
    s = time.time() - t0
    model.save_pretrained(args.output)
    print(json.dumps({"pairs": len(rows), "epochs": args.epochs, "seconds": round(s, 2),
                      "pairs_per_second": round(len(rows) * args.epochs / s, 1), "train_loss": round(out.training_loss, 4),
                      "threads": torch.get_num_threads(), "trainable_layers": args.trainable_layers,
                      "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rerank")
    r.add_argument("--model", required=True); r.add_argument("--pairs", required=True)
    r.add_argument("--n", type=int, default=1000); r.add_argument("--batch-size", type=int, default=32)
    r.add_argument("--max-length", type=int, default=256)
    t = sub.add_parser("train-ce")
    t.add_argument("--model", required=True); t.add_argument("--pairs", required=True); t.add_argument("--output", required=True)
    t.add_argument("--n", type=int, default=1000); t.add_argument("--epochs", type=float, default=1)
    t.add_argument("--lr", type=float, default=2e-5); t.add_argument("--batch-size", type=int, default=16)
    t.add_argument("--max-length", type=int, default=256)
    t.add_argument("--trainable-layers", type=int, default=None)
    args = ap.parse_args()
    {"rerank": rerank, "train-ce": train_ce}[args.cmd](args)


if __name__ == "__main__":
    main()

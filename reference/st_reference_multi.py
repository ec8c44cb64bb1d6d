#!/usr/bin/env python3
"""The PyTorch + sentence-transformers reference for Attune's training on several sources
(a recipe's `sources:` list with `sampling: proportional`).

  HF_HUB_OFFLINE=1 ../st-venv/bin/python reference/st_reference_multi.py --model DIR \
      --source medical=Data/medical/train.jsonl --source consumer=consumer.jsonl --output OUT \
      [--max-pairs N] [--epochs 1] [--batch-size 32] [--lr 5e-5] [--warmup 0.1] [--seed 42] \
      [--max-seq-length 128] [--trainable-layers 2] [--head] [--scale 20] \
      [--sampling proportional|round_robin]

Each --source NAME=PATH is a JSON Lines file of (anchor, positive[, negative…]) pairs, its first
--max-pairs lines. They become a dict of datasets trained by `SentenceTransformerTrainer` with
`MultipleNegativesRankingLoss` (scale --scale), the NO_DUPLICATES batch sampler within each
source, and `multi_dataset_batch_sampler` PROPORTIONAL (or ROUND_ROBIN): each batch from one
source, every batch of every source once an epoch in a seeded order. AdamW (weight decay 0.01),
linear warm-up (--warmup of the steps) then linear decay, gradient norm clipped to 1, seed --seed,
on the CPU. As Attune's `trainable_layers`, only the top --trainable-layers encoder layers train;
--head adds an identity-initialised Dense layer before Normalize, as Attune's `head: true`.

Saves the model to OUT and prints one JSON object last: steps, batches per source, pairs per
source, seconds, pairs_per_second, train_loss, peak_rss_mib, threads.
"""
import argparse, json, os, resource, sys, time

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def load_source(path, limit):
    """The pairs of a JSON Lines file as columns: anchor, positive, then negative_1…negative_k
    (k the smallest count of negatives over the rows, so every row has all columns)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            negatives = [v for k, v in obj.items() if k.startswith("negative") and isinstance(v, str) and v]
            rows.append((obj["anchor"], obj["positive"], negatives))
            if limit and len(rows) >= limit:
                break
    k = min((len(n) for _, _, n in rows), default=0)
    columns = {"anchor": [a for a, _, _ in rows], "positive": [p for _, p, _ in rows]}
    for i in range(k):
        columns[f"negative_{i + 1}"] = [n[i] for _, _, n in rows]
    return columns


def parse_sources(specs):
    sources = {}
    for spec in specs:
        name, sep, path = spec.partition("=")
        if not sep or not name or not path:
            sys.exit(f"--source {spec}: expected NAME=PATH")
        if name in sources:
            sys.exit(f"--source {spec}: the name {name} is given twice")
        if not os.path.isfile(path):
            sys.exit(f"--source {spec}: {path}: no such file")
        sources[name] = path
    if not sources:
        sys.exit("give at least one --source NAME=PATH")
    return sources


def build_model(args):
    import torch
    from torch import nn
    from sentence_transformers import SentenceTransformer, models
    model = SentenceTransformer(args.model, device="cpu")
    model.max_seq_length = args.max_seq_length
    encoder = model[0].auto_model
    layers = encoder.encoder.layer
    for p in encoder.parameters():
        p.requires_grad = False
    for layer in layers[len(layers) - args.trainable_layers:] if args.trainable_layers else []:
        for p in layer.parameters():
            p.requires_grad = True
    if args.head:
        dim = (getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension)()
        dense = models.Dense(dim, dim, bias=True, activation_function=nn.Identity(),
                             init_weight=torch.eye(dim), init_bias=torch.zeros(dim))
        modules = list(model)
        modules.insert(len(modules) - 1 if isinstance(modules[-1], models.Normalize) else len(modules), dense)
        model = SentenceTransformer(modules=modules, device="cpu")
        model.max_seq_length = args.max_seq_length
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", required=True)
    ap.add_argument("--source", action="append", default=[], metavar="NAME=PATH")
    ap.add_argument("--output", required=True)
    ap.add_argument("--max-pairs", type=int, help="per source")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--warmup", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--max-seq-length", type=int, default=128)
    ap.add_argument("--trainable-layers", type=int, default=2)
    ap.add_argument("--head", action="store_true")
    ap.add_argument("--scale", type=float, default=20.0)
    ap.add_argument("--sampling", choices=["proportional", "round_robin"], default="proportional")
    args = ap.parse_args()
    sources = parse_sources(args.source)

    import torch
    from datasets import Dataset
    from sentence_transformers import SentenceTransformerTrainer, SentenceTransformerTrainingArguments
    try:  # sentence-transformers 6 moved these; 3–5 have them at the top level
        from sentence_transformers.sentence_transformer import losses
        from sentence_transformers.sentence_transformer.training_args import BatchSamplers, MultiDatasetBatchSamplers
    except ImportError:
        from sentence_transformers import losses
        from sentence_transformers.training_args import BatchSamplers, MultiDatasetBatchSamplers

    torch.manual_seed(args.seed)
    model = build_model(args)
    train = {name: Dataset.from_dict(load_source(path, args.max_pairs)) for name, path in sources.items()}
    loss = losses.MultipleNegativesRankingLoss(model, scale=args.scale)
    sampler = MultiDatasetBatchSamplers.PROPORTIONAL if args.sampling == "proportional" else MultiDatasetBatchSamplers.ROUND_ROBIN
    training_args = SentenceTransformerTrainingArguments(
        output_dir=os.path.join(args.output, "trainer"), num_train_epochs=args.epochs,
        per_device_train_batch_size=args.batch_size, learning_rate=args.lr, warmup_ratio=args.warmup,
        weight_decay=0.01, max_grad_norm=1.0, lr_scheduler_type="linear", seed=args.seed, data_seed=args.seed,
        batch_sampler=BatchSamplers.NO_DUPLICATES, multi_dataset_batch_sampler=sampler,
        dataloader_drop_last=True, save_strategy="no", logging_steps=20, report_to="none", use_cpu=True,
        disable_tqdm=True)
    trainer = SentenceTransformerTrainer(model=model, args=training_args, train_dataset=train, loss=loss)
    # The batches of one epoch per source, as the multi-dataset sampler plans them.
    batch_sampler = trainer.get_train_dataloader().batch_sampler
    per_source = {name: 0 for name in train}
    offsets = [0]
    for d in train.values():
        offsets.append(offsets[-1] + len(d))
    names = list(train)
    for batch in batch_sampler:
        first = batch[0]
        per_source[names[max(i for i in range(len(names)) if offsets[i] <= first)]] += 1

    t0 = time.time()
    result = trainer.train()
    seconds = time.time() - t0
    model.save(args.output)
    steps = result.global_step
    print(json.dumps({"steps": steps, "batches_per_epoch": per_source,
                      "pairs": {name: len(d) for name, d in train.items()}, "sampling": args.sampling,
                      "seconds": round(seconds, 2), "pairs_per_second": round(steps * args.batch_size / max(seconds, 1e-9), 2),
                      "train_loss": round(result.training_loss, 4),
                      "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()

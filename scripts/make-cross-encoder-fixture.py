#!/usr/bin/env python3
"""Write Tests/Fixtures/cross-encoder.json: PyTorch's logits for cross-encoders made from
all-MiniLM-L6-v2 (`BertForSequenceClassification`) and all-mpnet-base-v2
(`MPNetForSequenceClassification`) with Attune's seeded new head, over 20 (query, document) pairs.

  HF_HUB_OFFLINE=1 ../st-venv/bin/python scripts/make-cross-encoder-fixture.py MINILM_DIR MPNET_DIR [OUT_JSON]

Each model is `CrossEncoder(DIR, num_labels=1, max_length=128)` as sentence-transformers builds it
from a bi-encoder folder (the encoder's weights; BERT keeps the checkpoint's pooler), with the
newly initialised head weights replaced by the ones Attune's `CrossEncoder.initialise(seed:)`
draws: SplitMix64(seed), one Box–Muller normal per weight (two draws, 53-bit uniforms),
N(0, 0.02) (config.json initializer_range), row-major, tensor after tensor in the order
BERT: [pooler.dense when the checkpoint lacks it], classifier; MPNet: classifier.dense,
classifier.out_proj; biases zero. So the fixture holds only the seed, and the Swift test checks
both its own head (a checksum recorded here) and the logits it gives, and the first 16 values of
the head's hidden layer (tanh(dense([CLS]))) for each pair.

Pairs are tokenized by the model's own (fast) tokenizer with truncation to max_length 128, so
several pairs are truncated (longest first), one query alone is longer than the limit. The
texts are written here (none come from ../shared).
"""
import json, math, os, sys
os.environ["HF_HUB_OFFLINE"] = "1"
import torch
from sentence_transformers import CrossEncoder

MASK = (1 << 64) - 1
SEED = 2026
MAX_LENGTH = 128


class SplitMix64:
    """Attune's SplitMix64 (Sources/AttuneCore/Ops/Elementwise.swift), bit for bit."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def normal(self):
        u1 = (self.next() >> 11) * (1.0 / (1 << 53))
        u2 = (self.next() >> 11) * (1.0 / (1 << 53))
        return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


def seeded(rng, shape, std):
    n = shape[0] * (shape[1] if len(shape) > 1 else 1)
    vals = [std * rng.normal() for _ in range(n)]
    return torch.tensor(vals, dtype=torch.float64).to(torch.float32).reshape(shape)


long_doc = ("Glaucoma is a group of eye diseases that damage the optic nerve, the bundle of nerve fibres that "
            "carries information from the eye to the brain. Raised pressure inside the eye is the main risk, "
            "but damage can happen at normal pressure too. Early on there are no symptoms; side vision is lost "
            "first, slowly, and the loss cannot be undone. ") * 3
queries = [
    "What are the symptoms of glaucoma?",
    "Is metformin safe for someone with kidney disease stage 3 — and does the dose change?",
    "Naïve question: can café-au-lait spots on a child's skin mean neurofibromatosis?",
    ("I have had a headache on the left side of my head for three weeks, it gets worse when I bend down, "
     "I also feel dizzy in the mornings and sometimes my vision is blurry, I am 54, I take lisinopril for "
     "blood pressure and atorvastatin for cholesterol, my father had a stroke at 60, I drink two cups of "
     "coffee a day and I do not smoke, should I go to the emergency room or wait for my doctor's "
     "appointment next month, and what tests should I ask for when I get there? ") * 2,
]
docs = [
    ["Glaucoma often has no symptoms at first; the first sign is usually a loss of side vision.",
     long_doc,
     "",
     "Cataracts cloud the lens of the eye and make vision blurry.",
     "Acute angle-closure glaucoma: sudden eye pain, headache, nausea, halos around lights."],
    ["Metformin is cleared by the kidneys; below an eGFR of 30 it should not be used.",
     "Stage 3 chronic kidney disease (eGFR 30–59): metformin may be continued at a reduced dose, "
     "with kidney function checked every 3 to 6 months. " * 6,
     "Insulin is a hormone made by the pancreas.",
     "CKD",
     "Lactic acidosis is a rare but serious side effect of metformin, more likely when the kidneys fail."],
    ["Six or more café-au-lait macules larger than 5 mm before puberty suggest neurofibromatosis type 1.",
     "Café-au-lait spots are common: one to three are found in many healthy children.",
     "NF1 — diagnostic criteria (NIH 1988): café-au-lait macules, neurofibromas, freckling, optic glioma, "
     "Lisch nodules, bone lesions, an affected first-degree relative. " * 5,
     "Eczema causes dry, itchy skin.",
     "Naevi (moles) are benign growths of melanocytes."],
    ["A sudden severe headache with vision changes needs emergency care.",
     "Headaches that are worse on bending, with morning dizziness, can come from raised pressure "
     "inside the skull and should be checked soon. " * 5,
     "Tension headaches feel like a tight band around the head.",
     "Lisinopril lowers blood pressure.",
     "Migraine: throbbing pain on one side, often with nausea and sensitivity to light."],
]
pairs = [(q, d) for q, ds in zip(queries, docs) for d in ds]
assert len(pairs) == 20


def build(path, arch):
    ce = CrossEncoder(path, num_labels=1, max_length=MAX_LENGTH, device="cpu")
    m = ce.model
    assert type(m).__name__ == arch, type(m).__name__
    std = m.config.initializer_range
    rng = SplitMix64(SEED)
    sd = m.state_dict()
    if arch == "BertForSequenceClassification":
        new = ["classifier"]  # the pooler is the checkpoint's (all-MiniLM-L6-v2 has one)
        heads = {"classifier": m.classifier}
    else:
        new = ["classifier.dense", "classifier.out_proj"]
        heads = {"classifier.dense": m.classifier.dense, "classifier.out_proj": m.classifier.out_proj}
    checksum = {}
    with torch.no_grad():
        for name in new:
            lin = heads[name]
            lin.weight.copy_(seeded(rng, list(lin.weight.shape), std))
            lin.bias.zero_()
            w = lin.weight.flatten()
            checksum[name] = {"first": [float(x) for x in w[:4]], "sum": float(w.double().sum())}
    m.eval()
    enc = ce.tokenizer([p[0] for p in pairs], [p[1] for p in pairs], truncation=True, max_length=MAX_LENGTH)
    ids = enc["input_ids"]
    types = enc.get("token_type_ids")
    with torch.no_grad():
        logits, pooled = [], []
        for i in range(len(pairs)):  # one pair at a time: no padding in the reference either
            t = {"input_ids": torch.tensor([ids[i]]), "attention_mask": torch.ones(1, len(ids[i]), dtype=torch.long)}
            if types is not None:
                t["token_type_ids"] = torch.tensor([types[i]])
            logits.append(float(m(**t).logits[0, 0]))
            # The head's hidden layer (tanh(dense([CLS]))), its first 16 values: a check that does not
            # shrink with the small seeded output layer.
            if types is not None:
                pooled.append([float(x) for x in m.bert(**t).pooler_output[0, :16]])
            else:
                cls = m.mpnet(**t)[0][:, 0]
                pooled.append([float(x) for x in torch.tanh(m.classifier.dense(cls))[0, :16]])
    # CrossEncoder.predict (padded batches, sigmoid) agrees with the one-at-a-time logits.
    scores = ce.predict(pairs, batch_size=8, convert_to_numpy=True)
    for s, z in zip(scores, logits):
        assert abs(float(s) - 1 / (1 + math.exp(-z))) < 1e-5, (s, z)
    query_alone = [len(ce.tokenizer(q)["input_ids"]) > MAX_LENGTH for q, _ in pairs]
    return {"architecture": arch, "head_checksum": checksum, "input_ids": ids, "token_type_ids": types,
            "logits": logits, "head_hidden_first16": pooled, "query_longer_than_max_length": query_alone,
            "full_lengths": [len(x) for x in ce.tokenizer([p[0] for p in pairs], [p[1] for p in pairs])["input_ids"]]}


minilm, mpnet = sys.argv[1], sys.argv[2]
out = sys.argv[3] if len(sys.argv) > 3 else os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "cross-encoder.json")
import sentence_transformers, transformers
fixture = {
    "made_by": f"scripts/make-cross-encoder-fixture.py (sentence-transformers {sentence_transformers.__version__}, "
               f"transformers {transformers.__version__}, torch {torch.__version__})",
    "seed": SEED, "max_length": MAX_LENGTH, "std": 0.02,
    "pairs": [{"query": q, "document": d} for q, d in pairs],
    "all-MiniLM-L6-v2": build(minilm, "BertForSequenceClassification"),
    "all-mpnet-base-v2": build(mpnet, "MPNetForSequenceClassification"),
}
with open(out, "w", encoding="utf-8") as f:
    json.dump(fixture, f, ensure_ascii=False)
for name in ("all-MiniLM-L6-v2", "all-mpnet-base-v2"):
    r = fixture[name]
    print(name, "truncated pairs:", sum(n > MAX_LENGTH for n in r["full_lengths"]),
          "logits:", [round(x, 4) for x in r["logits"][:5]], "…")
print("wrote", out)

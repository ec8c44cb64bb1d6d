#!/usr/bin/env python3
"""Build Attune's bundled medical retrieval data set from the authored fact base.

The fact base lives in the ``facts_*.py`` modules beside this script. Each module
defines ``FACTS``, a string in a small line-based notation written by the Attune
authors:

    # Croup [condition]                  topic header: name and kind
    what: Croup is a viral infection ...  aspect code, then the clinical answer
    ? my son sounds like a seal when he coughs at night, what is it
                                          consumer question(s) for that aspect

Running ``python3 Data/medical/build.py`` writes, next to this script:

    train.jsonl          {"anchor", "positive"} pairs from the training topics
    corpus.jsonl         {"_id", "title", "text"}: every answer of every topic
    test-queries.jsonl   {"_id", "text"}: questions of the held-out test topics
    test-qrels.tsv       query-id, corpus-id, score (1)

The split is by topic: a topic is held out for testing when the first byte of
SHA-256(lower-cased topic name) is below 64 (about 25%). Output is deterministic; the same
fact base always gives byte-identical files. ``--check`` validates the fact base
and the written files and prints counts without writing anything.
"""

import hashlib
import importlib
import json
import os
import random
import re
import sys

sys.dont_write_bytecode = True  # keep Data/medical free of __pycache__

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20240611
TEST_BYTE_LIMIT = 64  # first SHA-256 byte < 64 -> test topic (~25%)

ASPECTS = {
    # conditions
    "what": "what it is",
    "sym": "symptoms",
    "cause": "causes",
    "risk": "who is at risk",
    "dx": "diagnosis",
    "tx": "treatment",
    "prev": "prevention",
    "care": "when to seek care",
    "outlook": "outlook",
    # drugs
    "uses": "uses",
    "how": "how it works",
    "side": "side effects",
    "avoid": "who should avoid it",
    "interact": "interactions and cautions",
    "take": "how it is taken",
    # tests
    "purpose": "why it is done",
    "prep": "preparation",
    "proc": "how it is done",
    "results": "results",
    "risks": "risks",
}
KINDS = {"condition", "drug", "test"}
HEADER = re.compile(r"^# (?P<name>[^\[\]]+?) \[(?P<kind>[a-z]+)\]$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
ASPECT = re.compile(r"^(?P<code>[a-z]+): (?P<text>\S.*)$")


class FactError(Exception):
    """A malformed line in the fact base, named by module and line number."""


def fact_modules():
    """Names of the fact modules, sorted so the output order never depends on the file system."""
    names = [f[:-3] for f in os.listdir(HERE) if f.startswith("facts_") and f.endswith(".py")]
    return sorted(names)


def parse(module, text):
    """Parse one module's FACTS string into a list of topic dicts."""
    topics, topic, aspect = [], None, None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        where = f"{module}.py FACTS line {number}"
        if not line:
            continue
        if line.startswith("# "):
            m = HEADER.match(line)
            if not m or m["kind"] not in KINDS:
                raise FactError(f"{where}: bad topic header {line!r}")
            topic = {"name": m["name"].strip(), "kind": m["kind"], "aspects": [], "module": module}
            topics.append(topic)
            aspect = None
        elif line.startswith("? "):
            if aspect is None:
                raise FactError(f"{where}: question before any aspect")
            aspect["questions"].append(line[2:].strip())
        else:
            m = ASPECT.match(line)
            if not m or topic is None:
                raise FactError(f"{where}: expected '# topic [kind]', 'code: answer' or '? question'")
            if m["code"] not in ASPECTS:
                raise FactError(f"{where}: unknown aspect code {m['code']!r}")
            if any(a["code"] == m["code"] for a in topic["aspects"]):
                raise FactError(f"{where}: aspect {m['code']!r} repeated in {topic['name']}")
            aspect = {"code": m["code"], "answer": m["text"].strip(), "questions": []}
            topic["aspects"].append(aspect)
    return topics


def load_topics():
    """All topics from all fact modules, validated."""
    topics = []
    for name in fact_modules():
        module = importlib.import_module(name)
        topics.extend(parse(name, module.FACTS))
    seen_names, seen_answers, seen_questions, seen_sentences = {}, {}, {}, {}
    for t in topics:
        key = t["name"].lower()
        if key in seen_names:
            raise FactError(f"topic {t['name']!r} defined in both {seen_names[key]} and {t['module']}")
        seen_names[key] = t["module"]
        if len(t["aspects"]) < 4:
            raise FactError(f"{t['module']}: topic {t['name']!r} has only {len(t['aspects'])} aspects")
        for a in t["aspects"]:
            norm = " ".join(a["answer"].lower().split())
            if norm in seen_answers:
                raise FactError(f"answer of {t['name']}/{a['code']} duplicates {seen_answers[norm]}")
            seen_answers[norm] = f"{t['name']}/{a['code']}"
            sentences = SENTENCE_END.split(a["answer"].strip())
            if not 2 <= len(sentences) <= 5:
                raise FactError(f"answer of {t['name']}/{a['code']} has {len(sentences)} sentences, want 2-5")
            for s in sentences:
                key = " ".join(s.lower().split())
                other = seen_sentences.setdefault(key, t["name"])
                if other != t["name"]:
                    raise FactError(f"sentence {s!r} appears in both {other} and {t['name']}")
            for q in a["questions"]:
                qn = " ".join(q.lower().split())
                if qn in seen_questions:
                    raise FactError(f"question {q!r} of {t['name']} duplicates one of {seen_questions[qn]}")
                seen_questions[qn] = t["name"]
    return topics


def is_test_topic(name):
    """Split rule: held out when the first byte of SHA-256(lower-cased name) < TEST_BYTE_LIMIT."""
    return hashlib.sha256(name.lower().encode("utf-8")).digest()[0] < TEST_BYTE_LIMIT


def build(topics):
    """Return the six output files as strings."""
    rng = random.Random(SEED)
    docs = []
    for t in sorted(topics, key=lambda t: t["name"].lower()):
        for a in t["aspects"]:
            docs.append((t, a))
    order = list(range(len(docs)))
    rng.shuffle(order)
    doc_id = {}
    corpus_lines = []
    for n, i in enumerate(order, start=1):
        t, a = docs[i]
        did = f"D{n:04d}"
        doc_id[(t["name"], a["code"])] = did
        title = f"{t['name']}: {ASPECTS[a['code']]}"
        corpus_lines.append(json.dumps({"_id": did, "title": title, "text": a["answer"]}, ensure_ascii=False))
    corpus_lines.sort()  # D0001 first

    train, test = [], []
    for t, a in docs:
        for q in a["questions"]:
            (test if is_test_topic(t["name"]) else train).append((q, t, a))
    rng.shuffle(train)
    rng.shuffle(test)

    train_lines = [json.dumps({"anchor": q, "positive": a["answer"]}, ensure_ascii=False) for q, t, a in train]
    query_lines, qrel_lines = [], ["query-id\tcorpus-id\tscore"]
    for n, (q, t, a) in enumerate(test, start=1):
        qid = f"Q{n:04d}"
        query_lines.append(json.dumps({"_id": qid, "text": q}, ensure_ascii=False))
        qrel_lines.append(f"{qid}\t{doc_id[(t['name'], a['code'])]}\t1")

    # The training questions as a retrieval set too (T0001…, in train.jsonl's order): the consumer
    # wording to choose settings on (a recipe's guard set) without touching the test topics.
    train_query_lines, train_qrel_lines = [], ["query-id\tcorpus-id\tscore"]
    for n, (q, t, a) in enumerate(train, start=1):
        qid = f"T{n:04d}"
        train_query_lines.append(json.dumps({"_id": qid, "text": q}, ensure_ascii=False))
        train_qrel_lines.append(f"{qid}\t{doc_id[(t['name'], a['code'])]}\t1")

    def text(lines):
        return "\n".join(lines) + "\n"

    return {
        "train.jsonl": text(train_lines),
        "corpus.jsonl": text(corpus_lines),
        "test-queries.jsonl": text(query_lines),
        "test-qrels.tsv": text(qrel_lines),
        "train-queries.jsonl": text(train_query_lines),
        "train-qrels.tsv": text(train_qrel_lines),
    }


def atomic_write(path, content):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)
    os.replace(tmp, path)


def check(topics, files):
    """Validate the split and the generated files; return a dict of counts."""
    test_names = {t["name"] for t in topics if is_test_topic(t["name"])}
    train_answers = {a["answer"] for t in topics if t["name"] not in test_names for a in t["aspects"]}
    test_answers = {a["answer"] for t in topics if t["name"] in test_names for a in t["aspects"]}
    for name, content in files.items():
        if name.endswith(".jsonl"):
            for i, line in enumerate(content.splitlines(), start=1):
                json.loads(line)  # raises on a bad line
    for line in files["train.jsonl"].splitlines():
        pair = json.loads(line)
        assert pair["positive"] in train_answers, f"test topic leaked into train: {pair['anchor']!r}"
        assert pair["positive"] not in test_answers
    corpus = {json.loads(l)["_id"]: json.loads(l) for l in files["corpus.jsonl"].splitlines()}
    qids = [json.loads(l)["_id"] for l in files["test-queries.jsonl"].splitlines()]
    rel = {}
    for line in files["test-qrels.tsv"].splitlines()[1:]:
        q, d, s = line.split("\t")
        assert d in corpus and s == "1", line
        assert corpus[d]["text"] in test_answers, line
        rel.setdefault(q, []).append(d)
    assert all(q in rel for q in qids), "a test query has no relevant document"
    train_qids = [json.loads(l)["_id"] for l in files["train-queries.jsonl"].splitlines()]
    train_rel = set()
    for line in files["train-qrels.tsv"].splitlines()[1:]:
        q, d, s = line.split("\t")
        assert d in corpus and s == "1" and corpus[d]["text"] in train_answers, line
        train_rel.add(q)
    assert train_rel == set(train_qids), "a training query has no relevant document"
    counts = {
        "topics": len(topics),
        "conditions": sum(t["kind"] == "condition" for t in topics),
        "drugs": sum(t["kind"] == "drug" for t in topics),
        "tests": sum(t["kind"] == "test" for t in topics),
        "answers": sum(len(t["aspects"]) for t in topics),
        "questions": sum(len(a["questions"]) for t in topics for a in t["aspects"]),
        "train topics": len(topics) - len(test_names),
        "test topics": len(test_names),
        "train pairs": len(files["train.jsonl"].splitlines()),
        "test queries": len(qids),
        "corpus docs": len(corpus),
        "bytes": sum(len(c.encode("utf-8")) for c in files.values()),
    }
    return counts


def main():
    sys.path.insert(0, HERE)
    try:
        topics = load_topics()
    except FactError as e:
        sys.exit(f"build.py: {e}")
    files = build(topics)
    counts = check(topics, files)
    if "--check" not in sys.argv:
        for name, content in files.items():
            atomic_write(os.path.join(HERE, name), content)
    for k, v in counts.items():
        print(f"{k:>14}: {v}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Check `attune serve` with the clients people point at it: the `openai` package and chromadb's
OpenAIEmbeddingFunction and HuggingFaceEmbeddingServer embedding functions.

It starts no server: give it the URL of a running `attune serve` (and its API key, if any), the
`attune` binary for the reference numbers, and a BEIR corpus and queries. It checks that

  * openai's embeddings.create gives `attune embed`'s vectors (<= 1e-6) for a string, a list,
    `dimensions` (against `attune embed --dim`), the client's own base64 decoding (its default),
    explicit float and explicit base64;
  * a Chroma collection filled through each embedding function returns, for every query, the same
    top-10 as `attune search` over an index of the same documents (exact search; Chroma's HNSW
    searched with a candidate list as large as the collection).

Exit 0 and print `N passed, 0 failed` when all hold; else 1 with one line per failure.
Run it in the venv scripts/client-venv.sh makes:
  $(scripts/client-venv.sh python) scripts/check-serve-clients.py --url http://127.0.0.1:8080 \
      --attune .build/debug/attune --model all-MiniLM-L6-v2 \
      --corpus ../shared/data/medquad/small-corpus.jsonl --queries ../shared/data/medquad/small-queries.jsonl
"""
import argparse
import base64
import json
import os
import struct
import subprocess
import sys
import tempfile

import warnings

import chromadb
import numpy as np
from chromadb.utils.embedding_functions import HuggingFaceEmbeddingServer, OpenAIEmbeddingFunction
from openai import OpenAI

passed, failed = 0, 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok: {what}")
    else:
        failed += 1
        print(f"FAILED: {what}")


def read_jsonl(path, n):
    out = []
    with open(path) as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
            if len(out) >= n:
                break
    return out


def attune_embed(attune, model, texts, dim=None):
    """`attune embed` of texts, as an array [len(texts), d]."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "in.jsonl")
        with open(src, "w") as f:
            for t in texts:
                f.write(json.dumps({"text": t}) + "\n")
        out = os.path.join(d, "out.jsonl")
        cmd = [attune, "embed", "--model", model, "--input", src, "--output", out]
        if dim:
            cmd += ["--dim", str(dim)]
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
        with open(out) as f:
            return np.array([json.loads(l)["embedding"] for l in f], dtype=np.float64)


def attune_search(attune, model, docs, queries, k):
    """`attune search`'s top-k ids per query, over an index of docs."""
    with tempfile.TemporaryDirectory() as d:
        corpus, qfile = os.path.join(d, "corpus.jsonl"), os.path.join(d, "queries.jsonl")
        with open(corpus, "w") as f:
            for doc in docs:
                f.write(json.dumps({"_id": doc["_id"], "text": doc["text"]}) + "\n")
        with open(qfile, "w") as f:
            for q in queries:
                f.write(json.dumps({"_id": q["_id"], "text": q["text"]}) + "\n")
        db, run = os.path.join(d, "index.sqlite"), os.path.join(d, "run.trec")
        subprocess.run([attune, "index", "--model", model, "--corpus", corpus, "--db", db], check=True, stderr=subprocess.DEVNULL)
        subprocess.run([attune, "search", "--db", db, "--queries", qfile, "--output", run, "-k", str(k)], check=True, stderr=subprocess.DEVNULL)
        hits = {}
        with open(run) as f:
            for line in f:
                qid, _, doc, rank, score, _ = line.split()
                hits.setdefault(qid, []).append((int(rank), doc, float(score)))
        return {q: [doc for _, doc, _ in sorted(h)] for q, h in hits.items()}


def max_diff(a, b):
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return float(np.abs(a - b).max()) if a.shape == b.shape else float("inf")


def same_ranking(got, want, vectors, query_vec, tol=1e-5):
    """Equal lists, or lists that differ only where scores tie within tol."""
    if got == want:
        return True
    scores = {d: float(vectors[d] @ query_vec) for d in set(got) | set(want) if d in vectors}
    if len(scores) < len(set(got) | set(want)):
        return False
    return all(abs(scores[g] - scores[w]) <= tol for g, w in zip(got, want)) and len(got) == len(want)


def main():
    warnings.simplefilter("ignore", DeprecationWarning)  # chromadb's note on a key given directly
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--url", required=True, help="the running attune serve, e.g. http://127.0.0.1:8080")
    p.add_argument("--attune", required=True, help="the attune binary (reference vectors and search)")
    p.add_argument("--model", default="all-MiniLM-L6-v2", help="the model attune serve serves (a name or folder)")
    p.add_argument("--served-name", default=None, help="the name it serves it under (default: --model's last path part)")
    p.add_argument("--api-key", default=os.environ.get("ATTUNE_API_KEY", "not-needed"))
    p.add_argument("--corpus", required=True)
    p.add_argument("--queries", required=True)
    p.add_argument("--docs", type=int, default=300, help="documents taken from the corpus")
    p.add_argument("--n-queries", type=int, default=30)
    p.add_argument("--timeout", type=float, default=300, help="seconds a client waits for a reply")
    p.add_argument("--chars", type=int, default=0,
                   help="cut each document to its first N characters, at a word (0: whole; a debug build's encoder is slow)")
    args = p.parse_args()
    url = args.url.rstrip("/")
    name = args.served_name or os.path.basename(args.model.rstrip("/"))

    docs = read_jsonl(args.corpus, args.docs)
    if args.chars:
        for d in docs:
            d["text"] = d["text"] if len(d["text"]) <= args.chars else d["text"][:args.chars].rsplit(" ", 1)[0]
    queries = read_jsonl(args.queries, args.n_queries)
    texts = [d["text"] for d in docs[:4]] + ["What are the symptoms of glaucoma?", "ok"]

    # The openai client.
    client = OpenAI(base_url=url + "/v1", api_key=args.api_key, max_retries=0, timeout=args.timeout)
    ref = attune_embed(args.attune, args.model, texts)
    one = client.embeddings.create(model=name, input=texts[0], encoding_format="float")
    check(len(one.data) == 1 and max_diff(one.data[0].embedding, ref[0]) <= 1e-6, "openai: one string, float, equals attune embed")
    many = client.embeddings.create(model=name, input=texts, encoding_format="float")
    check(max_diff([e.embedding for e in sorted(many.data, key=lambda e: e.index)], ref) <= 1e-6,
          f"openai: a list of {len(texts)}, float, equals attune embed")
    check(many.usage.prompt_tokens > 0 and many.usage.total_tokens == many.usage.prompt_tokens, "openai: usage.prompt_tokens")
    default = client.embeddings.create(model=name, input=texts)  # the client asks for base64 and decodes it
    check(max_diff([e.embedding for e in default.data], ref) <= 1e-6, "openai: the client's own base64 decoding equals attune embed")
    raw = client.embeddings.create(model=name, input=texts[:3], encoding_format="base64")
    decoded = [struct.unpack(f"<{len(base64.b64decode(e.embedding)) // 4}f", base64.b64decode(e.embedding)) for e in raw.data]
    check(max_diff(decoded, ref[:3]) <= 1e-6, "openai: explicit base64, little-endian float32, equals attune embed")
    ref128 = attune_embed(args.attune, args.model, texts, dim=128)
    cut = client.embeddings.create(model=name, input=texts, dimensions=128, encoding_format="float")
    check(len(cut.data[0].embedding) == 128 and max_diff([e.embedding for e in cut.data], ref128) <= 1e-6,
          "openai: dimensions=128 equals attune embed --dim 128")
    try:
        client.embeddings.create(model="no-such-model", input="x")
        check(False, "openai: an unknown model raises NotFoundError")
    except Exception as e:  # the client's own exception for OpenAI's 404 shape
        check(type(e).__name__ == "NotFoundError", f"openai: an unknown model raises NotFoundError ({type(e).__name__})")

    # Chroma, through each embedding function, against attune search.
    want = attune_search(args.attune, args.model, docs, queries, 10)
    refs = {}

    def reference():
        """attune embed of every document and query, computed only when rankings differ."""
        if not refs:
            ref_docs = attune_embed(args.attune, args.model, [d["text"] for d in docs])
            refs["docs"] = {d["_id"]: ref_docs[i] for i, d in enumerate(docs)}
            refs["queries"] = attune_embed(args.attune, args.model, [q["text"] for q in queries])
        return refs
    functions = {
        "OpenAIEmbeddingFunction": OpenAIEmbeddingFunction(api_key=args.api_key, model_name=name, api_base=url + "/v1"),
        "HuggingFaceEmbeddingServer": HuggingFaceEmbeddingServer(
            url=url + "/embed", api_key=None if args.api_key == "not-needed" else args.api_key),
    }
    # httpx's 5 s default is shorter than a debug build's encoder takes for a batch.
    functions["HuggingFaceEmbeddingServer"]._session.timeout = args.timeout
    chroma = chromadb.EphemeralClient()
    for label, ef in functions.items():
        col = chroma.create_collection(f"medquad-{label.lower()}", embedding_function=ef,
                                       configuration={"hnsw": {"space": "cosine", "ef_search": len(docs), "ef_construction": len(docs)}})
        for s in range(0, len(docs), 64):
            batch = docs[s:s + 64]
            col.add(ids=[d["_id"] for d in batch], documents=[d["text"] for d in batch])
        stored = col.get(ids=[docs[0]["_id"]], include=["embeddings"])["embeddings"][0]
        check(max_diff(stored, ref[0]) <= 1e-6, f"chroma {label}: a stored vector equals attune embed's")
        res = col.query(query_texts=[q["text"] for q in queries], n_results=10)
        bad = [q["_id"] for i, q in enumerate(queries) if res["ids"][i] != want.get(q["_id"], [])
               and not same_ranking(res["ids"][i], want.get(q["_id"], []), reference()["docs"], reference()["queries"][i])]
        check(not bad, f"chroma {label}: top-10 of {len(queries)} queries over {len(docs)} MedQuAD answers equal attune search's"
              + (f" (differ: {', '.join(bad[:5])})" if bad else ""))

    print(f"{passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the small seed corpora of the fuzz targets into Fuzz/Corpus/TARGET/ (committed; rerun
only to regenerate them). Reads a few lines of Data/medical and the MiniLM folder's small configs."""
import json, os, sqlite3, struct, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "Fuzz", "Corpus")
minilm = os.path.expanduser(os.environ.get("ATTUNE_HOME", "~/.cache/attune")) + "/models/all-MiniLM-L6-v2"

def put(target, name, data):
    d = os.path.join(out, target); os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f: f.write(data if isinstance(data, bytes) else data.encode())

def safetensors(tensors, metadata=None):
    header, blob = {}, b""
    for name, (dtype, shape, data) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(blob), len(blob) + len(data)]}
        blob += data
    if metadata: header["__metadata__"] = metadata
    h = json.dumps(header).encode()
    return struct.pack("<Q", len(h)) + h + blob

put("safetensors", "f32", safetensors({"w": ("F32", [2, 2], struct.pack("<4f", 1, 2, 3, 4)), "b": ("F32", [2], struct.pack("<2f", 0.5, -1))}, {"format": "pt"}))
put("safetensors", "mixed", safetensors({"ids": ("I64", [3], struct.pack("<3q", 0, 1, 2)), "h": ("F16", [2], struct.pack("<2e", 1.5, -2)), "bf": ("BF16", [1], b"\x80\x3f"), "empty": ("F32", [0, 4], b"")}))
put("safetensors", "short", b"\x02\x00\x00\x00\x00\x00\x00\x00{}")

lines = lambda p, n: open(os.path.join(root, p), encoding="utf-8").read().splitlines()[:n]
for name in ["config.json", "1_Pooling/config.json", "modules.json", "sentence_bert_config.json", "tokenizer_config.json", "config_sentence_transformers.json"]:
    text = open(os.path.join(minilm, name)).read()
    if name == "config.json":
        put("config-json", "minilm", text)
        put("config-json", "mpnet", json.dumps({"architectures": ["MPNetForMaskedLM"], "hidden_size": 8, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 16, "vocab_size": 8, "max_position_embeddings": 20, "pad_token_id": 1, "relative_attention_num_buckets": 32, "hidden_act": "gelu_new"}))
    if name == "1_Pooling/config.json":
        put("pooling-config", "minilm", text)
        put("pooling-config", "compact", json.dumps({"embedding_dimension": 8, "pooling_mode": "cls", "include_prompt": True}))
files = ["config.json", "modules.json", "1_Pooling/config.json", "2_Dense/config.json", "sentence_bert_config.json", "config_sentence_transformers.json", "tokenizer_config.json", "vocab.txt"]
for i, name in enumerate(files):  # the harness's template file i, as the input replacing it
    src = os.path.join(minilm, name)
    text = open(src).read() if os.path.exists(src) and name != "vocab.txt" else {"2_Dense/config.json": '{"in_features": 8, "out_features": 4, "bias": false, "activation_function": "torch.nn.modules.activation.Tanh"}', "vocab.txt": "[PAD]\n[UNK]\n[CLS]\n[SEP]\n"}[name]
    put("model-folder", name.replace("/", "_"), bytes([i]) + text.encode())
vocab = open(os.path.join(minilm, "vocab.txt"), encoding="utf-8").read().splitlines()
put("vocab-txt", "small", "\n".join(vocab[:5] + ["the", "##s", "what", "symptom", "diabetes", "é", "中"]) + "\n")
put("vocab-txt", "crlf", "[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\n[MASK]\r\nthe\r\n")
tok = {"version": "1.0", "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None, "lowercase": True},
       "pre_tokenizer": {"type": "BertPreTokenizer"}, "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100,
       "vocab": {t: i for i, t in enumerate(vocab[:5] + ["the", "##s", "what", "symptom"])}},
       "added_tokens": [{"id": 0, "content": "[PAD]", "special": True}]}
put("tokenizer-json", "small", json.dumps(tok))
for i, t in enumerate(["What are the symptoms of Diabetes?", "Ünïcödé café naïve — 中文字符 テスト", "[CLS] hello [SEP] [MASK]x", "\x00\x01\t\r\n  tabs\u00a0nbsp\u200b zero-width", "a" * 150 + " " + "ab" * 60]):
    put("tokenize", f"text{i}", t)
put("pairs-jsonl", "medical", "\n".join(lines("Data/medical/train.jsonl", 3)) + "\n")
put("pairs-jsonl", "negatives", json.dumps({"anchor": "q", "positive": "p", "negative_1": "n1", "negative_2": "n2"}) + "\n" + '{"anchor": "esc \\u00e9 \\"x\\"", "positive": "p\\n2"}\n')
put("pairs-csv", "basic", 'anchor,positive,negative\n"What is it?","A ""quoted"" answer, with comma",neg\nq2,p2,n2\r\n')
put("pairs-tsv", "basic", "anchor\tpositive\nwhat is x\tx is y\nq2\tp2\n")
put("recipe-yaml", "demo", open(os.path.join(root, "Recipes/demo.yaml")).read())
put("recipe-yaml", "small", "model: all-MiniLM-L6-v2\npairs: train.jsonl\nepochs: 2\nbatch_size: 8\nlr: 2.0e-5\naugment:\n  typo: 0.1\nmerge:\n  alphas: [0.5, 0.8]\n")
put("qrels", "basic", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t0\nq2\td3\t2\n")
put("trec", "basic", "q1 Q0 d1 1 0.9 attune\nq1 Q0 d2 2 0.5 attune\nq2 Q0 d3 1 0.7 attune\n")
put("beir-jsonl", "corpus", "\n".join(lines("Data/medical/corpus.jsonl", 2)) + "\n" + '{"_id": "x", "title": "", "text": "t", "metadata": {"a": 1, "b": "s"}}\n')
put("beir-jsonl", "queries", "\n".join(lines("Data/medical/test-queries.jsonl", 2)) + "\n")

path = "/tmp/attune-seed-index.sqlite"
if os.path.exists(path): os.remove(path)
db = sqlite3.connect(path)
db.executescript("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL); CREATE TABLE docs(id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL);")
db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", "attune-index"), ("schema_version", "1"), ("model_fingerprint", "abc123"), ("model_name", "tiny"), ("dimension", "4"), ("max_seq_length", "16"), ("created", "2026-01-01T00:00:00Z")])
db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", [("d1", "t", "one", struct.pack("<4f", 1, 0, 0, 0)), ("d2", "", "two", struct.pack("<4f", 0, 1, 0, 0))])
db.commit(); db.execute("VACUUM"); db.close()
put("index", "tiny", open(path, "rb").read()); os.remove(path)

#!/usr/bin/env python3
"""Write Tests/Fixtures/bert-cls-prompt.json: PyTorch's embeddings for a BERT folder unlike
all-MiniLM-L6-v2's in every configurable way Attune reads — CLS pooling, `hidden_act: gelu_new`,
a Dense module with a ReLU, no Normalize module, and prompts with a default — built from
all-MiniLM-L6-v2's weights and tokenizer.

  ../st-venv/bin/python scripts/make-bert-cls-fixture.py MINILM_DIR [OUT_JSON]

The fixture holds the files that differ from MiniLM's folder (config.json, modules.json, the
pooling, Dense and prompt configs, the Dense weights) so that the Swift test
(ModelFolderTests / BertVariantParityTests) writes exactly the folder PyTorch loaded here, and the
embeddings PyTorch gives for it: with the default prompt, with prompt_name="passage" and with
no prompt, and the CLS vectors (before the Dense) with the default prompt.
"""
import json, os, shutil, sys, tempfile
os.environ["HF_HUB_OFFLINE"] = "1"
import torch
from safetensors.torch import save_file
from sentence_transformers import SentenceTransformer

minilm = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "bert-cls-prompt.json")

config = json.load(open(os.path.join(minilm, "config.json")))
config["hidden_act"] = "gelu_new"
torch.manual_seed(0)
dense_out = 8
weight = (torch.randn(dense_out, 384) * 0.05)
bias = (torch.randn(dense_out) * 0.05)
weight = torch.tensor([[round(float(x), 4) for x in row] for row in weight])
bias = torch.tensor([round(float(x), 4) for x in bias])
files = {
    "config.json": config,
    "modules.json": [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"},
    ],
    "sentence_bert_config.json": {"max_seq_length": 64, "do_lower_case": False},
    "1_Pooling/config.json": {"word_embedding_dimension": 384, "pooling_mode_cls_token": True,
                              "pooling_mode_mean_tokens": False, "pooling_mode_max_tokens": False,
                              "pooling_mode_mean_sqrt_len_tokens": False, "include_prompt": True},
    "2_Dense/config.json": {"in_features": 384, "out_features": dense_out, "bias": True,
                            "activation_function": "torch.nn.modules.activation.ReLU"},
    "config_sentence_transformers.json": {"prompts": {"query": "Represent this question for retrieval: ",
                                                      "passage": "passage: "},
                                          "default_prompt_name": "query"},
}
texts = ["What are the symptoms of Glaucoma ?", "Metformin 500mg twice daily — is it safe with CKD stage 3?",
         "a", "The quick brown fox " * 30]

with tempfile.TemporaryDirectory() as d:
    for name in ["model.safetensors", "vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"]:
        shutil.copy(os.path.join(minilm, name), os.path.join(d, name))
    for name, obj in files.items():
        os.makedirs(os.path.dirname(os.path.join(d, name)), exist_ok=True)
        json.dump(obj, open(os.path.join(d, name), "w"), indent=1)
    save_file({"linear.weight": weight.contiguous(), "linear.bias": bias.contiguous()}, os.path.join(d, "2_Dense", "model.safetensors"))
    m = SentenceTransformer(d, device="cpu")
    names = [type(x).__name__ for x in m]
    assert names == ["Transformer", "Pooling", "Dense"], names
    assert m[0].auto_model.config.hidden_act == "gelu_new"
    default = m.encode(texts, convert_to_numpy=True)             # default_prompt_name: query
    passage = m.encode(texts, prompt_name="passage", convert_to_numpy=True)
    none = m.encode(texts, prompt="", convert_to_numpy=True)
    pooled = SentenceTransformer(modules=[m[0], m[1]], device="cpu").encode(
        [m.prompts["query"] + t for t in texts], prompt="", convert_to_numpy=True)  # CLS vectors before the Dense

r = lambda e: [[round(float(x), 7) for x in row] for row in e]
json.dump({"made_by": "scripts/make-bert-cls-fixture.py from all-MiniLM-L6-v2 (sentence-transformers "
                      + __import__("sentence_transformers").__version__ + ", torch " + torch.__version__ + ")",
           "files": files,
           "dense_weight": weight.tolist(), "dense_bias": bias.tolist(),
           "texts": texts, "default_prompt": r(default), "passage_prompt": r(passage), "no_prompt": r(none),
           "cls_pooled_default_prompt": r(pooled)},
          open(out, "w"))
print("wrote", out, "modules", names)

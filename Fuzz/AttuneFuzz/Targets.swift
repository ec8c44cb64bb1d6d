import AttuneCore
import AttuneData
import AttuneEval
import AttuneModel
import AttuneSearch
import AttuneTrain
import Foundation

/// One fuzz target: a parser fed arbitrary bytes. A thrown error is the expected outcome for bad
/// input; a trap, a sanitizer report, a hang or unbounded memory is a finding.
struct FuzzTarget: Sendable {
    let name: String
    let help: String
    let run: @Sendable ([UInt8]) -> Void
}

/// A per-process scratch folder the harnesses write their input file into (libFuzzer runs one
/// input at a time in one process, so one file per target is enough).
let scratch: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("attune-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

/// Write `bytes` to `scratch/name` and return its URL.
func file(_ name: String, _ bytes: [UInt8]) -> URL {
    let url = scratch.appendingPathComponent(name)
    FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    return url
}

/// Run `body`, ignoring the error bad input is expected to throw.
func attempt<T>(_ body: () throws -> T) { _ = try? body() }

/// A tokenizer over the real MiniLM vocabulary when it is installed, else a small built-in one.
let fixedTokenizer: (uncased: WordPieceTokenizer, cased: WordPieceTokenizer) = {
    let real = ModelStore.home.appendingPathComponent("models/all-MiniLM-L6-v2/vocab.txt")
    let vocabulary = (try? Vocabulary.load(vocabTxt: real)) ?? Vocabulary(tokens: [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "a", "##s", "##ing", "what", "is", "?", ".",
        "é", "##é", "中", "diabetes", "symptom", "##ss", "un", "##able", "x", "##x",
    ])
    return (try! WordPieceTokenizer(vocabulary: vocabulary, lowercase: true),
            try! WordPieceTokenizer(vocabulary: vocabulary, lowercase: false, stripAccents: false))
}()

/// A small valid sentence-transformers folder (configs and vocabulary, no weights); the
/// `model-folder` target replaces one of its files with the input.
let templateFolder: URL = {
    let root = scratch.appendingPathComponent("model")
    for (name, text) in modelFiles {
        let url = root.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
    }
    return root
}()

let modelFiles: [(String, String)] = [
    ("config.json", #"{"model_type": "bert", "hidden_size": 8, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 16, "vocab_size": 8, "max_position_embeddings": 32, "type_vocab_size": 2, "hidden_act": "gelu", "layer_norm_eps": 1e-12}"#),
    ("modules.json", #"[{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"}, {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}, {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"}, {"idx": 3, "name": "3", "path": "3_Normalize", "type": "sentence_transformers.models.Normalize"}]"#),
    ("1_Pooling/config.json", #"{"word_embedding_dimension": 8, "pooling_mode_cls_token": false, "pooling_mode_mean_tokens": true, "pooling_mode_max_tokens": false, "pooling_mode_mean_sqrt_len_tokens": false}"#),
    ("2_Dense/config.json", #"{"in_features": 8, "out_features": 8, "bias": true, "activation_function": "torch.nn.modules.linear.Identity"}"#),
    ("sentence_bert_config.json", #"{"max_seq_length": 16, "do_lower_case": false}"#),
    ("config_sentence_transformers.json", #"{"prompts": {"query": "query: ", "document": ""}, "default_prompt_name": null}"#),
    ("tokenizer_config.json", #"{"do_lower_case": true, "unk_token": "[UNK]", "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "mask_token": "[MASK]", "strip_accents": null}"#),
    ("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\n##s\nwhat\n"),
]

/// Every target, by name.
let fuzzTargets: [FuzzTarget] = [
    FuzzTarget(name: "safetensors", help: "SafeTensorsFile: header, offsets, then every tensor read") { bytes in
        let url = file("in.safetensors", bytes)
        attempt {
            let f = try SafeTensorsFile(url: url)
            for name in f.names {
                if f.dtype(name) == "I64" { attempt { try f.int64s(name) } } else { attempt { try f.tensor(name) } }
            }
        }
    },
    FuzzTarget(name: "config-json", help: "config.json (BertConfig.load)") { bytes in
        attempt { try BertConfig.load(file("config.json", bytes)) }
    },
    FuzzTarget(name: "pooling-config", help: "1_Pooling/config.json (PoolingMode.load)") { bytes in
        attempt { try PoolingMode.load(file("pooling.json", bytes)) }
    },
    FuzzTarget(name: "model-folder", help: "a model folder with one file (first byte picks which) replaced: ModelFolder.load, tokenizer, prompts") { bytes in
        let root = templateFolder
        guard let selector = bytes.first else { return }
        let (name, original) = modelFiles[Int(selector) % modelFiles.count]
        let url = root.appendingPathComponent(name)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes.dropFirst()))
        defer { FileManager.default.createFile(atPath: url.path, contents: Data(original.utf8)) }
        attempt { try ModelFolder.load(root) }
        attempt { try BertConfig.load(root.appendingPathComponent("config.json")) }
        attempt { try WordPieceTokenizer.load(folder: root).encode("what the things", maxLength: 8) }
        attempt { try Prompts.load(folder: root) }
    },
    FuzzTarget(name: "vocab-txt", help: "vocab.txt, then tokenizing a fixed text with it") { bytes in
        attempt {
            let v = try Vocabulary.load(vocabTxt: file("vocab.txt", bytes))
            let t = try WordPieceTokenizer(vocabulary: v)
            _ = t.encode("What are the symptoms of diabetes? Ünïcödé 中文 ##s [MASK]", maxLength: 64)
        }
    },
    FuzzTarget(name: "tokenizer-json", help: "tokenizer.json (WordPieceTokenizer.fromTokenizerJSON), then tokenizing") { bytes in
        attempt {
            let t = try WordPieceTokenizer.fromTokenizerJSON(file("tokenizer.json", bytes))
            _ = t.encode("What are the symptoms of diabetes? Ünïcödé 中文 [SEP]", maxLength: 64)
        }
    },
    FuzzTarget(name: "tokenize", help: "arbitrary bytes (as the CLI decodes them) through the uncased and cased tokenizers") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        let (uncased, cased) = fixedTokenizer
        for t in [uncased, cased] {
            _ = t.tokenize(text)
            _ = t.ids(text, limit: 7)
            let ids = t.encode(text, maxLength: 32)
            precondition(ids.count <= 32 && ids.count >= 2, "encode returned \(ids.count) ids for maxLength 32")
        }
    },
    FuzzTarget(name: "pairs-jsonl", help: "PairReader on a .jsonl file (strict, then skipping bad lines)") { bytes in
        let url = file("pairs.jsonl", bytes)
        attempt { try PairReader().read(url) }
        attempt { try PairReader(skipBad: true).read(url, limit: 3) }
    },
    FuzzTarget(name: "pairs-csv", help: "PairReader on a .csv file (strict, then skipping bad lines)") { bytes in
        let url = file("pairs.csv", bytes)
        attempt { try PairReader().read(url) }
        attempt { try PairReader(skipBad: true).read(url, limit: 3) }
    },
    FuzzTarget(name: "pairs-tsv", help: "PairReader on a .tsv file (strict, then skipping bad lines)") { bytes in
        let url = file("pairs.tsv", bytes)
        attempt { try PairReader().read(url) }
        attempt { try PairReader(skipBad: true).read(url, limit: 3) }
    },
    FuzzTarget(name: "recipe-yaml", help: "Recipe.load, then validate and a YAML round trip") { bytes in
        attempt {
            let r = try Recipe.load(file("recipe.yaml", bytes), currentDirectory: scratch)
            try r.validate()
            let again = try Recipe.load(file("again.yaml", Array(r.yaml().utf8)), currentDirectory: scratch)
            precondition(again == r, "recipe YAML round trip changed the recipe")
        }
    },
    FuzzTarget(name: "qrels", help: "BEIR qrels TSV (Qrels.read)") { bytes in
        attempt { try Qrels.read(file("qrels.tsv", bytes)) }
    },
    FuzzTarget(name: "trec", help: "TREC run file (TrecRun.read)") { bytes in
        attempt { try TrecRun.read(file("run.trec", bytes)) }
    },
    FuzzTarget(name: "beir-jsonl", help: "BEIR corpus and queries JSONL (readCorpus, readQueries)") { bytes in
        let url = file("corpus.jsonl", bytes)
        attempt { try readCorpus(url) }
        attempt { try readQueries(url) }
    },
    FuzzTarget(name: "index", help: "opening an index file, listing ids, loading vectors, one search") { bytes in
        let url = scratch.appendingPathComponent("index.sqlite")
        for suffix in ["-wal", "-shm", "-journal"] { unlink(url.path + suffix) }
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        attempt {
            let index = try EmbeddingIndex.open(url)
            attempt { try index.presentIDs() }
            attempt { try index.document("d1") }
            attempt {
                let q = Tensor(zeros: [1, index.dimension])
                return try index.search(q, k: 3)
            }
        }
    },
]

import AttuneCore
import AttuneData
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

final class ModelFolderTests: XCTestCase {
    var dir: URL!
    let tiny = BertConfig(hiddenSize: 4, numLayers: 2, numHeads: 2, intermediateSize: 8, layerNormEps: 1e-5,
                          vocabSize: 10, maxPositions: 16, typeVocabSize: 2, activation: .gelu)

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-mf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    func write(_ text: String, _ relative: String) throws {
        let url = dir.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// config.json for `tiny`, plus weights (under `prefix`), with `override` shapes.
    func writeBert(prefix: String = "", override: [String: [Int]] = [:], modelType: String = "bert", hiddenAct: String = "gelu") throws {
        try write("""
            {"architectures": ["BertModel"], "model_type": "\(modelType)", "hidden_size": 4, "num_hidden_layers": 2,
             "num_attention_heads": 2, "intermediate_size": 8, "layer_norm_eps": 1e-5, "vocab_size": 10,
             "max_position_embeddings": 16, "type_vocab_size": 2, "hidden_act": "\(hiddenAct)"}
            """, "config.json")
        let tensors = tiny.expectedWeights.map { w in (name: prefix + w.name, tensor: Tensor(zeros: override[w.name] ?? w.shape)) }
        try SafeTensors.write(tensors, to: dir.appendingPathComponent("model.safetensors"))
    }

    func expectConfigError(_ field: String, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ModelFolder.load(dir), file: file, line: line) { error in
            guard case AttuneError.badConfig(_, let f, let what) = error else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(f, field, file: file, line: line)
            XCTAssertTrue(what.contains(fragment), "\"\(what)\" lacks \"\(fragment)\"", file: file, line: line)
        }
    }

    func testRealModelFolder() throws {
        let folder = try ModelFolder.load(try Fixtures.model())
        XCTAssertEqual(folder.bert, BertConfig(hiddenSize: 384, numLayers: 6, numHeads: 12, intermediateSize: 1536, layerNormEps: 1e-12,
                                               vocabSize: 30522, maxPositions: 512, typeVocabSize: 2, activation: .gelu, padTokenId: 0))
        XCTAssertEqual(folder.maxSeqLength, 256)
        XCTAssertEqual(folder.pooling, .mean)
        XCTAssertEqual(folder.dense, [])
        XCTAssertTrue(folder.normalize)
        let file = try SafeTensorsFile(url: folder.weights)
        try folder.checkShapes(file: file)
        XCTAssertEqual(folder.weightName("bert.embeddings.word_embeddings.weight", in: file), "embeddings.word_embeddings.weight")
        XCTAssertEqual(folder.weightName("encoder.layer.5.output.LayerNorm.bias", in: file), "encoder.layer.5.output.LayerNorm.bias")
        XCTAssertNil(folder.weightName("pooler.nothing", in: file))
        XCTAssertEqual(try folder.tokenizer().vocab.count, 30522)
    }

    func testPlainBertFolderMeansMeanPoolingAndNormalize() throws {
        try writeBert(prefix: "bert.")
        let folder = try ModelFolder.load(dir)
        XCTAssertEqual(folder.bert, tiny)
        XCTAssertEqual(folder.pooling, .mean)
        XCTAssertTrue(folder.normalize)
        XCTAssertEqual(folder.maxSeqLength, 16)
        let file = try SafeTensorsFile(url: folder.weights)
        try folder.checkShapes(file: file)  // resolves the bert. prefix
        XCTAssertEqual(folder.weightName("embeddings.LayerNorm.weight", in: file), "bert.embeddings.LayerNorm.weight")
    }

    func testNewModuleNamesCompactPoolingDenseNormalize() throws {
        try writeBert()
        try write("""
            [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.sentence_transformer.modules.transformer.Transformer"},
             {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.sentence_transformer.modules.dense.Dense"},
             {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.sentence_transformer.modules.pooling.Pooling"},
             {"idx": 3, "name": "3", "path": "3_Normalize", "type": "sentence_transformers.models.Normalize"}]
            """, "modules.json")
        try write(#"{"max_seq_length": 12, "do_lower_case": false}"#, "sentence_bert_config.json")
        try write(#"{"embedding_dimension": 4, "pooling_mode": "cls", "include_prompt": true}"#, "1_Pooling/config.json")
        try write(#"{"in_features": 4, "out_features": 3, "bias": true, "activation_function": "torch.nn.modules.activation.Tanh"}"#, "2_Dense/config.json")
        try SafeTensors.write([("linear.weight", Tensor(zeros: [3, 4])), ("linear.bias", Tensor(zeros: [3]))],
                              to: dir.appendingPathComponent("2_Dense/model.safetensors"))
        let folder = try ModelFolder.load(dir)
        XCTAssertEqual(folder.pooling, .cls)
        XCTAssertEqual(folder.maxSeqLength, 12)
        XCTAssertTrue(folder.normalize)
        XCTAssertEqual(folder.dense, [DenseConfig(inFeatures: 4, outFeatures: 3, bias: true,
                                                  activation: "torch.nn.modules.activation.Tanh",
                                                  folder: dir.appendingPathComponent("2_Dense"))])

        // A Dense whose weights disagree with its config.
        try SafeTensors.write([("linear.weight", Tensor(zeros: [4, 3])), ("linear.bias", Tensor(zeros: [3]))],
                              to: dir.appendingPathComponent("2_Dense/model.safetensors"))
        XCTAssertThrowsError(try ModelFolder.load(dir)) {
            XCTAssertTrue("\($0)".contains("weight linear.weight has shape [4, 3], expected [3, 4]"), "\($0)")
        }
    }

    func testBooleanPoolingForms() throws {
        try writeBert()
        try write(#"[{"idx": 0, "path": "", "type": "sentence_transformers.models.Transformer"}, {"idx": 1, "path": "p", "type": "sentence_transformers.models.Pooling"}]"#,
                  "modules.json")
        try write(#"{"pooling_mode_cls_token": false, "pooling_mode_mean_tokens": false, "pooling_mode_max_tokens": true}"#, "p/config.json")
        let folder = try ModelFolder.load(dir)
        XCTAssertEqual(folder.pooling, .max)
        XCTAssertFalse(folder.normalize)
        try write(#"{"pooling_mode_mean_tokens": true, "pooling_mode_max_tokens": true}"#, "p/config.json")
        expectConfigError("pooling_mode_*", "several pooling modes")
        try write(#"{"pooling_mode_mean_sqrt_len_tokens": true}"#, "p/config.json")
        expectConfigError("pooling_mode_mean_sqrt_len_tokens", "this pooling is not supported (supported: mean, cls, max)")
        try write(#"{"pooling_mode_lasttoken": true}"#, "p/config.json")
        expectConfigError("pooling_mode_lasttoken", "this pooling is not supported")
        try write(#"{"pooling_mode_weightedmean_tokens": true}"#, "p/config.json")
        expectConfigError("pooling_mode_weightedmean_tokens", "this pooling is not supported")
        try write(#"{"pooling_mode": "weightedmean"}"#, "p/config.json")
        expectConfigError("pooling_mode", "pooling weightedmean is not supported (supported: mean, cls, max)")
        try write(#"{"pooling_mode": "lasttoken"}"#, "p/config.json")
        expectConfigError("pooling_mode", "pooling lasttoken is not supported")
        try write(#"{"pooling_mode_mean_tokens": true, "include_prompt": false}"#, "p/config.json")
        expectConfigError("include_prompt", "not supported")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("p/config.json"))
        XCTAssertThrowsError(try ModelFolder.load(dir)) { error in
            XCTAssertEqual(error as? AttuneError, .fileNotFound(path: dir.appendingPathComponent("p/config.json").path))
        }
    }

    func testConfigErrors() throws {
        try writeBert()
        try write(#"[{"idx": 0, "path": "", "type": "sentence_transformers.models.Transformer"}, {"idx": 1, "path": "x", "type": "sentence_transformers.models.LSTM"}]"#,
                  "modules.json")
        expectConfigError("type", "unsupported module type sentence_transformers.models.LSTM")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("modules.json"))

        try writeBert(modelType: "roberta")
        expectConfigError("model_type", "unsupported architecture roberta (supported: bert, mpnet)")
        try writeBert(hiddenAct: "swish")
        expectConfigError("hidden_act", "unsupported activation swish (supported: gelu, gelu_fast, gelu_new, gelu_pytorch_tanh, relu)")
        for (name, act) in [("gelu_new", Activation.geluTanh), ("gelu_pytorch_tanh", .geluTanh), ("relu", .relu), ("gelu", .gelu)] {
            try writeBert(hiddenAct: name)
            XCTAssertEqual(try ModelFolder.load(dir).bert.activation, act, name)
        }
        try write(#"{"model_type": "bert", "hidden_size": 4}"#, "config.json")
        expectConfigError("num_hidden_layers", "missing")
        try write(#"{"model_type": "bert", "hidden_size": "big"}"#, "config.json")
        expectConfigError("hidden_size", "expected an integer")
        try write("{oops", "config.json")
        expectConfigError("(file)", "not valid JSON")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("config.json"))
        XCTAssertThrowsError(try ModelFolder.load(dir)) { error in
            XCTAssertEqual(error as? AttuneError, .fileNotFound(path: dir.appendingPathComponent("config.json").path))
        }
        XCTAssertThrowsError(try ModelFolder.load(dir.appendingPathComponent("nowhere"))) { error in
            guard case AttuneError.fileNotFound = error else { return XCTFail("\(error)") }
        }
    }

    func testShapeMismatchNamesWeightAndShapes() throws {
        try writeBert(override: ["encoder.layer.1.intermediate.dense.weight": [8, 5]])
        let folder = try ModelFolder.load(dir)
        let file = try SafeTensorsFile(url: folder.weights)
        XCTAssertThrowsError(try folder.checkShapes(file: file)) { error in
            XCTAssertEqual("\(error)", "\(file.url.path): weight encoder.layer.1.intermediate.dense.weight has shape [8, 5], expected [8, 4]")
        }
        // A missing weight is named too.
        let kept = tiny.expectedWeights.filter { $0.name != "embeddings.token_type_embeddings.weight" }
        try SafeTensors.write(kept.map { (name: $0.name, tensor: Tensor(zeros: $0.shape)) }, to: folder.weights)
        XCTAssertThrowsError(try folder.checkShapes(file: try SafeTensorsFile(url: folder.weights))) {
            XCTAssertTrue("\($0)".contains("missing weight embeddings.token_type_embeddings.weight (expected shape [2, 4])"), "\($0)")
        }
    }

    func testTokenizerJSONOnlyFolder() throws {
        try writeBert()
        try write("""
            {"normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": false},
             "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 5,
                       "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "Hi": 4, "hi": 5, "##s": 6}}}
            """, "tokenizer.json")
        let t = try ModelFolder.load(dir).tokenizer()
        XCTAssertEqual(t.vocab, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "Hi", "hi", "##s"])
        XCTAssertEqual(t.tokenize("Hi his hisss hissss"), ["Hi", "hi", "##s", "hi", "##s", "##s", "##s", "[UNK]"])
        XCTAssertEqual(t.encode("hi", maxLength: 8), [2, 5, 3])
    }

    /// A vocab.txt with more tokens than the embedding matrix has rows is a one-line error at
    /// load (it used to trap in `attune embed` on the first out-of-range id).
    func testVocabularyLargerThanEmbeddingMatrix() throws {
        try writeBert()
        let tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a", "b", "c", "d", "e", "zz"]
        try write(tokens.joined(separator: "\n") + "\n", "vocab.txt")
        XCTAssertThrowsError(try SentenceModel.load(dir)) { error in
            XCTAssertEqual("\(error)", "\(dir.appendingPathComponent("vocab.txt").path): the vocabulary has 11 tokens but config.json vocab_size (the embedding matrix) has 10 rows")
        }
        try write(tokens.dropLast().joined(separator: "\n") + "\n", "vocab.txt")
        XCTAssertEqual(try SentenceModel.load(dir).tokenizer.vocab.count, 10)
    }

    /// A cased vocabulary (do_lower_case false): no lower-casing and no accent stripping.
    func testCasedVocabulary() throws {
        try writeBert()
        try write(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "Café", "cafe", "café", "Cafe"].joined(separator: "\n") + "\n", "vocab.txt")
        try write(#"{"do_lower_case": false}"#, "tokenizer_config.json")
        let cased = try ModelFolder.load(dir).tokenizer()
        XCTAssertEqual(cased.tokenize("Café café Cafe"), ["Café", "café", "Cafe"])
        try write(#"{"do_lower_case": true}"#, "tokenizer_config.json")
        XCTAssertEqual(try ModelFolder.load(dir).tokenizer().tokenize("Café café Cafe"), ["cafe", "cafe", "cafe"])
        // sentence_bert_config.json do_lower_case lower-cases the text before a cased tokenizer (no accent stripping).
        try write(#"{"do_lower_case": false}"#, "tokenizer_config.json")
        try write(#"{"max_seq_length": 8, "do_lower_case": true}"#, "sentence_bert_config.json")
        try write(#"[{"idx": 0, "path": "", "type": "sentence_transformers.models.Transformer"}, {"idx": 1, "path": "p", "type": "sentence_transformers.models.Pooling"}]"#,
                  "modules.json")
        try write(#"{"pooling_mode_mean_tokens": true}"#, "p/config.json")
        let lowered = try SentenceModel.load(dir)
        XCTAssertTrue(lowered.folder.lowercaseInput)
        XCTAssertEqual(lowered.tokenize("Café Cafe"), [2, 7, 6, 3].map(Int32.init))
        XCTAssertEqual(lowered.tokenize(["Café Cafe"]), [[2, 7, 6, 3]])
    }

    /// all-mpnet-base-v2: model_type mpnet, 514 positions = 512 tokens after the padding index,
    /// every weight (relative-attention bias included) where config.json says.
    func testRealMPNetFolder() throws {
        let folder = try ModelFolder.load(try Fixtures.mpnetModel())
        XCTAssertEqual(folder.bert, BertConfig(architecture: .mpnet, hiddenSize: 768, numLayers: 12, numHeads: 12, intermediateSize: 3072,
                                               layerNormEps: 1e-5, vocabSize: 30527, maxPositions: 514, activation: .gelu,
                                               padTokenId: 1, relativeAttentionBuckets: 32))
        XCTAssertEqual(folder.bert.maxSequenceLength, 512)
        XCTAssertEqual(folder.maxSeqLength, 384)
        XCTAssertEqual(folder.pooling, .mean)
        XCTAssertTrue(folder.normalize)
        try folder.checkShapes(file: SafeTensorsFile(url: folder.weights))
    }

    /// MPNet's relative-position buckets, for offsets −600…600, equal PyTorch's (Tests/Fixtures).
    func testMPNetRelativePositionBucketsMatchPyTorch() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/mpnet-relative-buckets.txt")
        let line = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").first { !$0.hasPrefix("#") }!
        let want = line.split(separator: ",").map { Int($0)! }
        XCTAssertEqual(want.count, 1201)
        let mine = (-600...600).map { BertModel.relativePositionBucket($0, buckets: 32) }
        XCTAssertEqual(mine, want)
    }
}

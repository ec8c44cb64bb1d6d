import AttuneCore
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

/// A BERT folder configured unlike all-MiniLM-L6-v2 in every way Attune reads — CLS pooling,
/// `hidden_act: gelu_new`, a Dense module with a ReLU, no Normalize, prompts with a default —
/// built here from MiniLM's weights, against what PyTorch gives for the same folder
/// (Tests/Fixtures/bert-cls-prompt.json, made by scripts/make-bert-cls-fixture.py).
final class BertVariantParityTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-variant-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// Write the folder the fixture describes; return the fixture.
    func buildFolder() throws -> [String: Any] {
        let minilm = try Fixtures.model()
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/bert-cls-prompt.json")
        let fx = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let fm = FileManager.default
        for name in ["model.safetensors", "vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"] {
            try fm.copyItem(at: minilm.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        for (name, object) in fx["files"] as! [String: Any] {
            let file = dir.appendingPathComponent(name)
            try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONSerialization.data(withJSONObject: object).write(to: file)
        }
        let w = (fx["dense_weight"] as! [[Double]]).flatMap { $0.map(Float.init) }
        let b = (fx["dense_bias"] as! [Double]).map(Float.init)
        try SafeTensors.write([("linear.weight", Tensor(w, shape: [b.count, w.count / b.count])), ("linear.bias", Tensor(b, shape: [b.count]))],
                              to: dir.appendingPathComponent("2_Dense/model.safetensors"))
        return fx
    }

    func assertRows(_ got: Tensor, _ want: Any?, _ what: String, tol: Float = 1e-4, file: StaticString = #filePath, line: UInt = #line) {
        let rows = want as! [[Double]]
        XCTAssertEqual(got.shape, [rows.count, rows[0].count], what, file: file, line: line)
        var maxDiff: Float = 0
        for (i, row) in rows.enumerated() { for (j, v) in row.enumerated() { maxDiff = max(maxDiff, abs(got.data[i * row.count + j] - Float(v))) } }
        XCTAssertLessThanOrEqual(maxDiff, tol, what, file: file, line: line)
    }

    func testMatchesPyTorchAndSurvivesSave() throws {
        let fx = try buildFolder()
        let texts = fx["texts"] as! [String]
        let m = try SentenceModel.load(dir)
        XCTAssertEqual(m.bert.config.activation, .geluTanh)
        XCTAssertEqual(m.pooling, .cls)
        XCTAssertFalse(m.normalize)
        XCTAssertEqual(m.dense.count, 1)
        XCTAssertEqual(m.maxSeqLength, 64)
        XCTAssertEqual(m.prompts.defaultName, "query")

        // The CLS vector before the Dense, then the whole chain with each prompt choice.
        let prompt = try m.prompts.named("query")
        let ids = texts.map { m.tokenize(prompt + $0) }
        let lengths = ids.map(\.count)
        assertRows(m.pool(m.bert(ids: ids.flatMap { $0 }, lengths: lengths), lengths: lengths), fx["cls_pooled_default_prompt"], "CLS pooled")
        assertRows(m.encode(texts), fx["default_prompt"], "default prompt")
        assertRows(m.encode(texts, prompt: try m.prompts.named("passage")), fx["passage_prompt"], "passage prompt")
        assertRows(m.encode(texts, prompt: ""), fx["no_prompt"], "no prompt")
        XCTAssertThrowsError(try m.prompts.named("nope")) {
            XCTAssertEqual("\($0)", "\(dir.appendingPathComponent("config_sentence_transformers.json").path): prompts: no prompt named nope (defined: passage, query)")
        }

        // Saved and loaded again: the same chain, prompts kept, still no Normalize.
        let saved = dir.appendingPathComponent("saved")
        try m.save(to: saved)
        XCTAssertFalse(FileManager.default.fileExists(atPath: saved.appendingPathComponent("3_Normalize").path))
        let back = try SentenceModel.load(saved)
        XCTAssertEqual(back.prompts.prompts, m.prompts.prompts)
        XCTAssertEqual(back.prompts.defaultName, "query")
        XCTAssertEqual(back.pooling, .cls)
        XCTAssertFalse(back.normalize)
        XCTAssertEqual(back.dense.map(\.activation), ["torch.nn.modules.activation.ReLU"])
        XCTAssertEqual(back.bert.config.activation, .geluTanh)
        assertRows(back.encode(texts), fx["default_prompt"], "after save")
    }

    /// A default_prompt_name the folder does not define, and an unsupported Dense activation, are load errors.
    func testBadPromptAndActivationConfigs() throws {
        _ = try buildFolder()
        try Data(#"{"prompts": {"query": "q: "}, "default_prompt_name": "passage"}"#.utf8)
            .write(to: dir.appendingPathComponent("config_sentence_transformers.json"))
        XCTAssertThrowsError(try SentenceModel.load(dir)) {
            XCTAssertTrue("\($0)".hasSuffix("config_sentence_transformers.json: default_prompt_name: passage is not one of the prompts (defined: query)"), "\($0)")
        }
        try Data(#"{"prompts": {}}"#.utf8).write(to: dir.appendingPathComponent("config_sentence_transformers.json"))
        try Data(#"{"in_features": 384, "out_features": 8, "bias": true, "activation_function": "torch.nn.modules.activation.Softsign"}"#.utf8)
            .write(to: dir.appendingPathComponent("2_Dense/config.json"))
        XCTAssertThrowsError(try SentenceModel.load(dir)) {
            XCTAssertTrue("\($0)".contains("2_Dense/config.json: activation_function: unsupported activation torch.nn.modules.activation.Softsign"), "\($0)")
        }
    }

    /// Which prompt queries and documents get: `query`; `document`, `passage` or `corpus`; else the default.
    func testQueryAndDocumentPrompts() {
        XCTAssertEqual(Prompts().queryPrompt, "")
        XCTAssertEqual(Prompts().documentPrompt, "")
        let e5 = Prompts(prompts: ["query": "query: ", "passage": "passage: "])
        XCTAssertEqual(e5.queryPrompt, "query: ")
        XCTAssertEqual(e5.documentPrompt, "passage: ")
        XCTAssertEqual(e5.defaultPrompt, "")
        let bge = Prompts(prompts: ["retrieval": "Represent this sentence for searching relevant passages: "], defaultName: "retrieval")
        XCTAssertEqual(bge.queryPrompt, "Represent this sentence for searching relevant passages: ")
        XCTAssertEqual(bge.documentPrompt, bge.queryPrompt)
        let all = Prompts(prompts: ["corpus": "c", "document": "d", "query": "q"], defaultName: "query")
        XCTAssertEqual(all.documentPrompt, "d")
    }
}

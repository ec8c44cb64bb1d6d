import AttuneCore
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

/// Cross-encoders made from all-MiniLM-L6-v2 (BertForSequenceClassification) and all-mpnet-base-v2
/// (MPNetForSequenceClassification) with a seeded head, against PyTorch
/// (Tests/Fixtures/cross-encoder.json, made by scripts/make-cross-encoder-fixture.py): pair token
/// ids, the head's seeded weights, its hidden layer and the logits of 20 pairs (8 truncated).
final class CrossEncoderParityTests: XCTestCase {
    nonisolated(unsafe) static var cached: [String: CrossEncoder] = [:]

    nonisolated(unsafe) static let fixture: [String: Any] = {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/cross-encoder.json")
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    var pairs: [(query: String, document: String)] {
        (Self.fixture["pairs"] as! [[String: String]]).map { ($0["query"]!, $0["document"]!) }
    }

    func expected(_ name: String) -> [String: Any] { Self.fixture[name] as! [String: Any] }

    /// The cross-encoder the fixture's script built from `name`, initialised once per run.
    func model(_ name: String) throws -> CrossEncoder {
        if let m = Self.cached[name] { return m }
        let dir = name == "all-mpnet-base-v2" ? try Fixtures.mpnetModel() : try Fixtures.model()
        let m = try CrossEncoder.initialise(fromBiEncoder: dir, seed: UInt64(Self.fixture["seed"] as! Int), numLabels: 1,
                                            maxLength: Self.fixture["max_length"] as? Int)
        Self.cached[name] = m
        return m
    }

    func checkTokenization(_ name: String) throws {
        let m = try model(name), want = expected(name)
        let encoded = m.tokenize(pairs: pairs)
        let ids = (want["input_ids"] as! [[Int]]).map { $0.map(Int32.init) }
        let types = (want["token_type_ids"] as? [[Int]])?.map { $0.map(Int32.init) }
        let full = want["full_lengths"] as! [Int]
        let queryLong = want["query_longer_than_max_length"] as! [Bool]
        var truncated = 0
        for (i, e) in encoded.enumerated() {
            XCTAssertEqual(e.ids, ids[i], "\(name) pair \(i) ids")
            if let types { XCTAssertEqual(e.tokenTypes, types[i], "\(name) pair \(i) token types") }
            XCTAssertEqual(e.truncated, full[i] > m.maxLength, "\(name) pair \(i) truncated")
            if queryLong[i] { XCTAssertTrue(e.queryTruncated, "\(name) pair \(i): a query longer than the limit is truncated") }
            if e.truncated { truncated += 1 }
        }
        XCTAssertEqual(truncated, 8, "the fixture truncates 8 pairs")
        XCTAssertTrue(queryLong.contains(true), "the fixture has a query longer than the limit")
    }

    func checkLogits(_ name: String, hidden: Int) throws {
        let m = try model(name), want = expected(name)
        XCTAssertEqual(m.numLabels, 1)
        XCTAssertEqual(m.head.dense.weight.shape, [hidden, hidden])
        // The seeded head equals the one the script drew (its first values and sum).
        let names = ClassificationHead.names(m.bert.config.architecture)
        let checks = want["head_checksum"] as! [String: [String: Any]]
        for (layerName, layer) in [(names.dense, m.head.dense), (names.output, m.head.output)] {
            guard let c = checks[layerName] else { continue }  // BERT's pooler is the checkpoint's
            let first = (c["first"] as! [Double]).map(Float.init)
            XCTAssertEqual(Array(layer.weight.values.prefix(4)), first, "\(name) \(layerName) seeded weights")
            XCTAssertEqual(layer.weight.values.reduce(0.0) { $0 + Double($1) }, c["sum"] as! Double, accuracy: 1e-6)
        }
        let encoded = m.tokenize(pairs: pairs)
        let logits = m.logits(of: encoded, batchSize: 8)
        let wantLogits = (want["logits"] as! [Double]).map(Float.init)
        var maxDiff: Float = 0
        for (a, b) in zip(logits, wantLogits) { maxDiff = max(maxDiff, abs(a - b)) }
        XCTAssertLessThanOrEqual(maxDiff, 1e-4, "\(name) logits: max |diff| \(maxDiff)")
        // The head's hidden layer, tanh(dense(h[CLS])), first 16 values of each pair.
        let wantHidden = want["head_hidden_first16"] as! [[Double]]
        var hiddenDiff: Float = 0
        for (i, e) in encoded.enumerated() {
            let h = m.bert(ids: e.ids, tokenTypes: e.tokenTypes, lengths: [e.ids.count])
            let t = m.head.dense(h.clsPool(lengths: [e.ids.count])).tanh()
            for j in 0..<16 { hiddenDiff = max(hiddenDiff, abs(t.data[j] - Float(wantHidden[i][j]))) }
        }
        XCTAssertLessThanOrEqual(hiddenDiff, 1e-4, "\(name) head hidden layer: max |diff| \(hiddenDiff)")
    }

    func testMiniLMPairTokenizationMatchesHuggingFace() throws { try checkTokenization("all-MiniLM-L6-v2") }
    func testMPNetPairTokenizationMatchesHuggingFace() throws { try checkTokenization("all-mpnet-base-v2") }
    func testMiniLMLogitsMatchPyTorch() throws { try checkLogits("all-MiniLM-L6-v2", hidden: 384) }
    func testMPNetLogitsMatchPyTorch() throws { try checkLogits("all-mpnet-base-v2", hidden: 768) }

    /// Hugging Face's longest-first rule on lengths (query, document, budget).
    func testLongestFirstTruncation() {
        XCTAssertEqual(WordPieceTokenizer.longestFirst(3, 4, budget: 10).0, 3)
        XCTAssertTrue(WordPieceTokenizer.longestFirst(3, 20, budget: 10) == (3, 7))
        XCTAssertTrue(WordPieceTokenizer.longestFirst(20, 3, budget: 10) == (7, 3))
        XCTAssertTrue(WordPieceTokenizer.longestFirst(8, 9, budget: 11) == (5, 6))
        XCTAssertTrue(WordPieceTokenizer.longestFirst(9, 8, budget: 11) == (6, 5))
        XCTAssertTrue(WordPieceTokenizer.longestFirst(30, 40, budget: 10) == (5, 5))
        XCTAssertTrue(WordPieceTokenizer.longestFirst(0, 40, budget: 10) == (0, 10))
    }

    /// The training path (frozen states, then the top layers and head on the tape) gives the
    /// inference logits, and its backward reaches the head and the trainable layers only.
    func testTapeForwardMatchesInferenceAndReachesTrainableWeights() throws {
        let m = try model("all-MiniLM-L6-v2")
        let encoded = m.tokenize(pairs: Array(pairs.prefix(6)))
        let reference = m.logits(encoded)
        let t = try m.trainable(firstTrainable: 4)
        let lengths = encoded.map(\.ids.count)
        let frozen = t.frozenStates(encoded, layers: 4)
        var rng = SplitMix64(seed: 1)
        let z = t.forward(hidden: frozen, lengths: lengths, fromLayer: 4, rng: &rng)
        XCTAssertEqual(z.shape, [6, 1])
        XCTAssertTrue(z.requiresGrad)
        for i in 0..<6 { XCTAssertEqual(z.data[i], reference.data[i], accuracy: 1e-5) }
        let params = t.trainableParameters
        XCTAssertEqual(params.count, 2 * 16 + 4, "two layers of 16 tensors and the head's 4")
        XCTAssertTrue(params.contains { $0.name == "classifier.weight" })
        XCTAssertTrue(params.contains { $0.name == "bert.encoder.layer.5.output.dense.weight" })
        XCTAssertFalse(params.contains { $0.name.hasPrefix("bert.encoder.layer.3.") })
        z.sum().backward()
        for p in params { XCTAssertNotNil(p.tensor.gradient, "\(p.name) has no gradient") }
        XCTAssertNil(t.bert.layers[3].query.weight.gradient)
    }

    /// Saved and reloaded, the model is the same model: the same logits, labels, length and activation.
    func testSaveAndReload() throws {
        for name in ["all-MiniLM-L6-v2", "all-mpnet-base-v2"] {
            let m = try model(name)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-ce-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            try m.save(to: dir)
            XCTAssertTrue(CrossEncoder.isCrossEncoder(dir))
            let r = try CrossEncoder.load(dir)
            XCTAssertEqual(r.maxLength, m.maxLength)
            XCTAssertEqual(r.labels, ["LABEL_0"])
            XCTAssertEqual(r.activation, .sigmoid)
            XCTAssertEqual(r.architectureName, m.architectureName)
            let e = m.tokenize(pairs: pairs)
            XCTAssertEqual(r.tokenize(pairs: pairs), e)
            XCTAssertEqual(r.logits(of: e), m.logits(of: e), name)
            XCTAssertThrowsError(try m.save(to: dir)) { XCTAssertTrue("\($0)".contains("already exists")) }
        }
    }

    /// A bi-encoder where a cross-encoder is expected: one line naming it and how to make one.
    func testBiEncoderFolderIsNamed() throws {
        let dir = try Fixtures.model()
        XCTAssertFalse(CrossEncoder.isCrossEncoder(dir))
        XCTAssertThrowsError(try CrossEncoder.load(dir)) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains("is a bi-encoder"), line)
            XCTAssertTrue(line.contains("attune rerank init --model \(dir.path)"), line)
            XCTAssertFalse(line.contains("\n"))
        }
    }

    /// bf16 and int8 stay close to fp32 (where this machine runs them).
    func testLowPrecisionLogitsStayClose() throws {
        let m = try model("all-MiniLM-L6-v2")
        let e = m.tokenize(pairs: pairs)
        let fp32 = m.logits(of: e)
        for p in [Precision.bf16, .int8] where p.unavailableReason == nil {
            var q = m
            XCTAssertNil(try q.usePrecision(p))
            XCTAssertEqual(q.precision, p)
            let z = q.logits(of: e)
            var maxDiff: Float = 0
            for (a, b) in zip(z, fp32) { maxDiff = max(maxDiff, abs(a - b)) }
            XCTAssertLessThan(maxDiff, 5e-3, "\(p): max |diff| \(maxDiff) from fp32")
        }
    }
}

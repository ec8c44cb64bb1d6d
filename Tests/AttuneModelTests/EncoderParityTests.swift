import AttuneCore
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

/// A whole model against PyTorch's saved outputs (../shared/fixtures/NAME), llm.c style:
/// all-MiniLM-L6-v2 (BERT) and all-mpnet-base-v2 (MPNet), both made at max_seq_length 256.
final class EncoderParityTests: XCTestCase {
    nonisolated(unsafe) static var cached: [String: SentenceModel] = [:]

    /// The model behind fixture folder `name`, loaded once per test run.
    func model(_ name: String) throws -> SentenceModel {
        if let m = Self.cached[name] { return m }
        let m = try SentenceModel.load(name == "all-mpnet-base-v2" ? Fixtures.mpnetModel() : Fixtures.model())
        Self.cached[name] = m
        return m
    }

    func jsonLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Every sentence embedding: cosine ≥ 0.99999 and max |diff| ≤ 1e-4.
    func checkEmbeddings(_ name: String, dim: Int) throws {
        let rows = try jsonLines(Fixtures.shared("fixtures/\(name)/embeddings.jsonl"))
        XCTAssertEqual(rows.count, 20)
        var m = try model(name)
        m.maxSeqLength = 256
        let texts = rows.map { $0["text"] as! String }
        let emb = m.encode(texts, batchSize: 8)
        XCTAssertEqual(emb.shape, [20, dim])
        for (i, row) in rows.enumerated() {
            let want = (row["embedding"] as! [Double]).map(Float.init)
            var dot: Float = 0, na: Float = 0, nb: Float = 0, maxDiff: Float = 0
            for j in 0..<dim {
                let a = emb.data[i * dim + j], b = want[j]
                dot += a * b; na += a * a; nb += b * b
                maxDiff = max(maxDiff, abs(a - b))
            }
            let cos = dot / (na.squareRoot() * nb.squareRoot())
            XCTAssertGreaterThanOrEqual(cos, 0.99999, "\(name) text \(i): \(texts[i].prefix(40))")
            XCTAssertLessThanOrEqual(maxDiff, 1e-4, "\(name) text \(i): \(texts[i].prefix(40))")
        }
    }

    /// The last hidden state of one sentence, every token: max |diff| ≤ 1e-4.
    func checkHidden(_ name: String, dim: Int) throws {
        let url = try Fixtures.shared("fixtures/\(name)/hidden.json")
        let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let ids = (obj["ids"] as! [Int]).map(Int32.init)
        let want = (obj["last_hidden_state"] as! [[Double]])
        let m = try model(name)
        XCTAssertEqual(m.tokenize(obj["text"] as! String), ids)
        let h = m.bert(ids: ids, lengths: [ids.count])
        XCTAssertEqual(h.shape, [ids.count, dim])
        var maxDiff: Float = 0
        for (t, row) in want.enumerated() { for j in 0..<dim { maxDiff = max(maxDiff, abs(h.data[t * dim + j] - Float(row[j]))) } }
        XCTAssertLessThanOrEqual(maxDiff, 1e-4)
    }

    func testSentenceEmbeddingsMatchPyTorch() throws { try checkEmbeddings("all-MiniLM-L6-v2", dim: 384) }
    func testLastHiddenStateMatchesPyTorch() throws { try checkHidden("all-MiniLM-L6-v2", dim: 384) }
    func testMPNetSentenceEmbeddingsMatchPyTorch() throws { try checkEmbeddings("all-mpnet-base-v2", dim: 768) }
    func testMPNetLastHiddenStateMatchesPyTorch() throws { try checkHidden("all-mpnet-base-v2", dim: 768) }

    /// Batching, length sorting and packing do not change any embedding (MPNet's position ids and
    /// relative bias restart with every packed sequence).
    func testBatchingDoesNotChangeEmbeddings() throws {
        for (name, dim) in [("all-MiniLM-L6-v2", 384), ("all-mpnet-base-v2", 768)] {
            let m = try model(name)
            let texts = ["short", "a somewhat longer sentence about glaucoma and eye pressure", "", "mid length text here"]
            let together = m.encode(texts, batchSize: 4)
            for (i, t) in texts.enumerated() {
                let alone = m.encode([t], batchSize: 1)
                for j in 0..<dim { XCTAssertEqual(together.data[i * dim + j], alone.data[j], accuracy: 2e-6, name) }
            }
        }
    }
}

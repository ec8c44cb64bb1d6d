import AttuneCore
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

/// The whole model against PyTorch's saved outputs (../shared/fixtures/all-MiniLM-L6-v2), llm.c style.
final class EncoderParityTests: XCTestCase {
    nonisolated(unsafe) static var cached: SentenceModel?

    func model() throws -> SentenceModel {
        if let m = Self.cached { return m }
        let m = try SentenceModel.load(Fixtures.model())
        Self.cached = m
        return m
    }

    func jsonLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// Every sentence embedding: cosine ≥ 0.99999 and max |diff| ≤ 1e-4.
    func testSentenceEmbeddingsMatchPyTorch() throws {
        let rows = try jsonLines(Fixtures.shared("fixtures/all-MiniLM-L6-v2/embeddings.jsonl"))
        XCTAssertEqual(rows.count, 20)
        var m = try model()
        m.maxSeqLength = 256
        let texts = rows.map { $0["text"] as! String }
        let emb = m.encode(texts, batchSize: 8)
        XCTAssertEqual(emb.shape, [20, 384])
        for (i, row) in rows.enumerated() {
            let want = (row["embedding"] as! [Double]).map(Float.init)
            var dot: Float = 0, na: Float = 0, nb: Float = 0, maxDiff: Float = 0
            for j in 0..<384 {
                let a = emb.data[i * 384 + j], b = want[j]
                dot += a * b; na += a * a; nb += b * b
                maxDiff = max(maxDiff, abs(a - b))
            }
            let cos = dot / (na.squareRoot() * nb.squareRoot())
            XCTAssertGreaterThanOrEqual(cos, 0.99999, "text \(i): \(texts[i].prefix(40))")
            XCTAssertLessThanOrEqual(maxDiff, 1e-4, "text \(i): \(texts[i].prefix(40))")
        }
    }

    /// The last hidden state of one sentence, every token: max |diff| ≤ 1e-4.
    func testLastHiddenStateMatchesPyTorch() throws {
        let url = try Fixtures.shared("fixtures/all-MiniLM-L6-v2/hidden.json")
        let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let ids = (obj["ids"] as! [Int]).map(Int32.init)
        let want = (obj["last_hidden_state"] as! [[Double]])
        let m = try model()
        XCTAssertEqual(m.tokenize(obj["text"] as! String), ids)
        let h = m.bert(ids: ids, lengths: [ids.count])
        XCTAssertEqual(h.shape, [ids.count, 384])
        var maxDiff: Float = 0
        for (t, row) in want.enumerated() { for j in 0..<384 { maxDiff = max(maxDiff, abs(h.data[t * 384 + j] - Float(row[j]))) } }
        XCTAssertLessThanOrEqual(maxDiff, 1e-4)
    }

    /// Batching, length sorting and packing do not change any embedding.
    func testBatchingDoesNotChangeEmbeddings() throws {
        let m = try model()
        let texts = ["short", "a somewhat longer sentence about glaucoma and eye pressure", "", "mid length text here"]
        let together = m.encode(texts, batchSize: 4)
        for (i, t) in texts.enumerated() {
            let alone = m.encode([t], batchSize: 1)
            for j in 0..<384 { XCTAssertEqual(together.data[i * 384 + j], alone.data[j], accuracy: 2e-6) }
        }
    }
}

import AttuneModel
import AttuneSearch
@testable import AttuneServe
import AttuneTestSupport
import Foundation
import XCTest

/// TEI's `POST /rerank` on a cross-encoder made from all-MiniLM-L6-v2, its scores checked against
/// the library's `Reranker` for the same pairs.
final class RerankTests: XCTestCase {
    static let query = "What are the symptoms of glaucoma?"
    static let texts = [
        "Glaucoma often has no symptoms until vision is lost at the edges of sight.",
        "Diabetes is a disease in which blood glucose levels are too high.",
        "ok",
        "Open-angle glaucoma raises the pressure in the eye and damages the optic nerve.",
        "Hypertension raises the risk of stroke and heart disease.",
    ]
    /// Over the reranker's 128 tokens with any query.
    static let long = String(repeating: "Glaucoma damages the optic nerve and narrows the field of vision. ", count: 20)

    /// The ranks of a /rerank reply, in reply order.
    func ranks(_ r: HTTPReply, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        XCTAssertEqual(r.status, 200, r.text, file: file, line: line)
        return try XCTUnwrap(r.json() as? [[String: Any]], r.text, file: file, line: line)
    }

    func testScoresEqualTheRerankerBestFirst() async throws {
        let reranker = try ServeReranker.get()
        let server = try await RunningServer.start(self, reranker: reranker)
        let pairs = Self.texts.map { (query: Self.query, document: $0) }
        let expected = reranker.score(pairs: pairs, batchSize: 32).scores
        let logits = reranker.model.logits(of: reranker.model.tokenize(pairs: pairs))

        let r = try await server.post("/rerank", ["query": Self.query, "texts": Self.texts])
        XCTAssertEqual(r.headers["content-type"], "application/json")
        let got = try ranks(r)
        XCTAssertEqual(got.count, Self.texts.count)
        XCTAssertEqual(Set(got.compactMap { $0["index"] as? Int }), Set(Self.texts.indices))
        let scores = got.map { Float(($0["score"] as? Double) ?? .nan) }
        for (rank, score) in zip(got, scores) {
            XCTAssertNil(rank["text"], "text without return_text")
            XCTAssertLessThanOrEqual(abs(score - expected[rank["index"] as! Int]), 1e-6)
        }
        XCTAssertEqual(scores, scores.sorted(by: >), "not best first")
        // The order is the library's: indexes sorted by its scores.
        let libraryOrder = Self.texts.indices.sorted { expected[$0] != expected[$1] ? expected[$0] > expected[$1] : $0 < $1 }
        XCTAssertEqual(got.map { $0["index"] as! Int }, libraryOrder)

        // return_text: each rank carries its own text.
        let withText = try ranks(try await server.post("/rerank", ["query": Self.query, "texts": Self.texts, "return_text": true]))
        for rank in withText { XCTAssertEqual(rank["text"] as? String, Self.texts[rank["index"] as! Int]) }

        // raw_scores: the logits, in the same order (the sigmoid is monotone).
        let raw = try ranks(try await server.post("/rerank", ["query": Self.query, "texts": Self.texts, "raw_scores": true]))
        XCTAssertEqual(raw.map { $0["index"] as! Int }, libraryOrder)
        for rank in raw {
            XCTAssertLessThanOrEqual(abs(Float(rank["score"] as! Double) - logits[rank["index"] as! Int]), 1e-6)
        }
        // A logit is not its sigmoid (the head's logits are not all 0).
        XCTAssertGreaterThan(zip(logits, expected).map { abs($0 - $1) }.max() ?? 0, 0.1)
    }

    /// /embed and /rerank in flight together each get their own model's answers.
    func testEmbedAndRerankTogether() async throws {
        let model = try ServeModel.get(), reranker = try ServeReranker.get()
        let server = try await RunningServer.start(self, reranker: reranker) { $0.maxBatchTokens = 64 }
        let expectedRows = libraryRows(model, Self.texts)
        let expected = reranker.score(pairs: Self.texts.map { (query: Self.query, document: $0) }, batchSize: 32).scores
        let replies = try await withThrowingTaskGroup(of: (Int, HTTPReply).self) { group in
            for i in 0..<6 {
                group.addTask {
                    (i, i % 2 == 0 ? try await server.post("/rerank", ["query": Self.query, "texts": Self.texts])
                               : try await server.post("/embed", ["inputs": Self.texts]))
                }
            }
            var out: [Int: HTTPReply] = [:]
            for try await (i, r) in group { out[i] = r }
            return out
        }
        for i in 0..<6 {
            let r = try XCTUnwrap(replies[i])
            if i % 2 == 0 {
                // The server batches by its token budget (64 here), the library 32 pairs at a time:
                // other padding and GEMM blocking round float32 differently (up to ~2e-6 seen on
                // an AVX2 machine), so the scores agree to 1e-5, not bit for bit.
                for rank in try ranks(r) {
                    XCTAssertLessThanOrEqual(abs(Float(rank["score"] as! Double) - expected[rank["index"] as! Int]), 1e-5)
                }
            } else {
                XCTAssertEqual(r.status, 200, r.text)
                let rows = try XCTUnwrap(r.json() as? [[Double]]).map { $0.map(Float.init) }
                for (a, b) in zip(rows, expectedRows) { XCTAssertLessThanOrEqual(maxDiff(a, b), 1e-6) }
            }
        }
    }

    func testTruncateFalseRefusesTrueCutsLongestFirst() async throws {
        let reranker = try ServeReranker.get()
        let server = try await RunningServer.start(self, reranker: reranker)
        let texts = [Self.texts[0], Self.long]

        // TEI's default: a pair over the reranker's length is a 422 naming the length and truncate.
        for body: [String: Any] in [["query": Self.query, "texts": texts], ["query": Self.query, "texts": texts, "truncate": false]] {
            let r = try await server.post("/rerank", body)
            XCTAssertEqual(r.status, 422, r.text)
            let e = try teiError(r)
            XCTAssertEqual(e.type, "validation")
            XCTAssertTrue(e.message.contains("texts[1]") && e.message.contains("\(ServeReranker.maxLength) tokens")
                          && e.message.contains("truncate"), e.message)
        }

        // truncate: true cuts it as the CrossEncoder tokenizer does (longest first), so the scores
        // are the library's, which truncates the same way.
        let expected = reranker.score(pairs: texts.map { (query: Self.query, document: $0) }, batchSize: 32)
        XCTAssertEqual(expected.summary.truncated, 1)
        let got = try ranks(try await server.post("/rerank", ["query": Self.query, "texts": texts, "truncate": true]))
        XCTAssertEqual(got.count, 2)
        for rank in got {
            XCTAssertLessThanOrEqual(abs(Float(rank["score"] as! Double) - expected.scores[rank["index"] as! Int]), 1e-6)
        }
        try await server.assertServing()
    }

    /// --max-input-tokens below the reranker's length bounds each pair: refused naming the flag,
    /// or cut to it with truncate.
    func testMaxInputTokensBoundsEachPair() async throws {
        let reranker = try ServeReranker.get()
        let server = try await RunningServer.start(self, reranker: reranker) { $0.maxInputTokens = 48 }
        let text = String(repeating: "the patient reported blurred vision ", count: 10)  // ~50 tokens: under 128, over 48
        let refused = try await server.post("/rerank", ["query": Self.query, "texts": [text]])
        XCTAssertEqual(refused.status, 422, refused.text)
        XCTAssertTrue(try teiError(refused).message.contains("48 tokens (--max-input-tokens)"), refused.text)

        var cut = reranker.model
        cut.maxLength = 48
        let expected = try Reranker(model: cut, name: "cut").score(pairs: [(query: Self.query, document: text)], batchSize: 32)
        XCTAssertEqual(expected.summary.truncated, 1)
        let got = try ranks(try await server.post("/rerank", ["query": Self.query, "texts": [text], "truncate": true]))
        XCTAssertLessThanOrEqual(abs(Float(got[0]["score"] as! Double) - expected.scores[0]), 1e-6)

        let infoReply = try await server.get("/info")
        let info = try XCTUnwrap(infoReply.json() as? [String: Any])
        XCTAssertEqual((info["reranker"] as? [String: Any])?["max_input_length"] as? Int, 48)
    }

    func testBadRequestsTakeTEIsShapeAndStatus() async throws {
        let server = try await RunningServer.start(self, reranker: try ServeReranker.get()) {
            $0.maxClientBatchSize = 3
            $0.maxBodyBytes = 4096
        }
        func check(_ body: [String: Any], _ status: Int, _ type: String, _ needle: String, line: UInt = #line) async throws {
            let r = try await server.post("/rerank", body)
            XCTAssertEqual(r.status, status, r.text, line: line)
            let e = try teiError(r, line: line)
            XCTAssertEqual(e.type, type, r.text, line: line)
            XCTAssertTrue(e.message.contains(needle), "\(e.message) lacks \(needle)", line: line)
        }
        // TEI: empty texts is its Empty error (400); too many texts and a missing field, 422.
        try await check(["query": "q", "texts": [String]()], 400, "empty", "texts is empty")
        try await check(["query": "q", "texts": ["a", "b", "c", "d"]], 422, "validation", "at most 3 per request (--max-client-batch-size)")
        try await check(["texts": ["a"]], 422, "validation", "query is required")
        try await check(["query": "q"], 422, "validation", "texts is required")
        try await check(["query": "q", "texts": "a"], 400, "validation", "texts must be an array of strings")
        try await check(["query": "q", "texts": ["a", 3]], 400, "validation", "texts[1] must be a string")
        try await check(["query": 1, "texts": ["a"]], 400, "validation", "query must be a string")
        try await check(["query": "q", "texts": ["a"], "raw_scores": "yes"], 400, "validation", "raw_scores must be true or false")
        try await check(["query": "q", "texts": ["a"], "truncation_direction": "Left"], 422, "validation", "only Right")
        try await check(["query": "", "texts": ["a", ""]], 400, "empty", "query and texts[1] are both empty")
        // The body limit applies (413, closed).
        let big = try await server.post("/rerank", ["query": "q", "texts": [String(repeating: "x", count: 5000)]])
        XCTAssertEqual(big.status, 413, big.text)
        XCTAssertTrue(try teiError(big).message.contains("--max-body-bytes"))
        // An empty query with a text is scored, as TEI scores it.
        let emptyQuery = try await server.post("/rerank", ["query": "", "texts": ["a"]])
        XCTAssertEqual(try ranks(emptyQuery).count, 1)
        try await server.assertServing()
    }

    func testWithoutARerankerIsTEIsNotARerankerError() async throws {
        let server = try await RunningServer.start(self)
        let r = try await server.post("/rerank", ["query": "q", "texts": ["a"]])
        XCTAssertEqual(r.status, 424, r.text)
        let e = try teiError(r)
        XCTAssertEqual(e.type, "backend")
        XCTAssertTrue(e.message.contains("--reranker"), e.message)
        XCTAssertFalse(e.message.contains("\n"))
        let infoReply = try await server.get("/info")
        let info = try XCTUnwrap(infoReply.json() as? [String: Any])
        XCTAssertTrue(info["reranker"] is NSNull, "\(info)")
        try await server.assertServing()
    }

    func testInfoAndMetricsReportTheReranker() async throws {
        let server = try await RunningServer.start(self, reranker: try ServeReranker.get())
        let infoReply = try await server.get("/info")
        let info = try XCTUnwrap(infoReply.json() as? [String: Any])
        // The embedding model stays TEI's model_type (what TEI clients read); the reranker is beside it.
        XCTAssertEqual((info["model_type"] as? [String: Any])?["embedding"] as? [String: String], ["pooling": "mean"])
        let r = try XCTUnwrap(info["reranker"] as? [String: Any], "\(info)")
        XCTAssertEqual(r["model_id"] as? String, "ce-minilm")
        XCTAssertEqual(r["model_dtype"] as? String, "float32")
        XCTAssertEqual(r["max_input_length"] as? Int, ServeReranker.maxLength)
        let type = try XCTUnwrap((r["model_type"] as? [String: Any])?["reranker"] as? [String: Any])
        XCTAssertEqual(type["id2label"] as? [String: String], ["0": "LABEL_0"])
        XCTAssertEqual(type["label2id"] as? [String: Int], ["LABEL_0": 0])

        _ = try ranks(try await server.post("/rerank", ["query": Self.query, "texts": Self.texts]))
        _ = try await server.post("/rerank", ["query": Self.query, "texts": [String]()])
        let text = try await server.get("/metrics").text
        for needle in ["attune_http_requests_total{endpoint=\"/rerank\",status=\"200\"} 1",
                       "attune_http_requests_total{endpoint=\"/rerank\",status=\"400\"} 1",
                       "attune_reranked_pairs_total \(Self.texts.count)", "attune_reranked_tokens_total",
                       "attune_rerank_batch_pairs_count", "attune_rerank_queue_depth_requests 0"] {
            XCTAssertTrue(text.contains(needle), "no \(needle) in\n\(text)")
        }
    }

    /// The reranker held in its first batch: its queue fills to --max-concurrent-requests, the
    /// next /rerank is 429 with Retry-After; the one queued behind the batch waits past
    /// --request-timeout and is 503; the held one is answered.
    func testFullQueue429AndTimeout503() async throws {
        let gate = Gate2(), entered = Entered()
        let server = try await RunningServer.start(self, reranker: try ServeReranker.get(),
                                                   configure: { $0.maxConcurrentRequests = 2; $0.requestTimeout = 0.5 },
                                                   beforeRerankBatch: { entered.mark(); gate.wait() })
        let reranker = try XCTUnwrap(server.service.reranker)
        let first = Task { [server] in try await server.post("/rerank", ["query": "q", "texts": ["first"]]) }
        while !entered.value { try await Task.sleep(for: .milliseconds(10)) }
        let second = Task { [server] in try await server.post("/rerank", ["query": "q", "texts": ["second"]]) }
        while reranker.queue.depth < 2 { try await Task.sleep(for: .milliseconds(10)) }
        let over = try await server.post("/rerank", ["query": "q", "texts": ["one too many"]])
        XCTAssertEqual(over.status, 429, over.text)
        XCTAssertEqual(over.headers["retry-after"], "1")
        XCTAssertEqual(try teiError(over).type, "overloaded")
        try await Task.sleep(for: .milliseconds(700))
        gate.open()
        let a = try await first.value
        XCTAssertEqual(a.status, 200, a.text)
        let b = try await second.value
        XCTAssertEqual(b.status, 503, b.text)
        XCTAssertEqual(b.headers["retry-after"], "1")
        XCTAssertTrue(try teiError(b).message.contains("waiting for the reranker (--request-timeout)"), b.text)
        try await server.assertServing()
    }
}

/// Set once the worker has entered a batch.
final class Entered: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func mark() { lock.lock(); flag = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}

import AttuneModel
@testable import AttuneServe
import AttuneTestSupport
import Foundation
import XCTest

/// Every endpoint, with vectors checked against the library's `encode` (what `attune embed` writes).
final class EndpointTests: XCTestCase {
    static let texts = [
        "What are the symptoms of glaucoma?",
        "Diabetes is a disease in which blood glucose levels are too high.",
        "ok",
        String(repeating: "Hypertension raises the risk of stroke and heart disease. ", count: 40),  // > the 256-token window
    ]

    func testOpenAIEmbeddingsEqualTheLibrary() async throws {
        let model = try ServeModel.get()
        let server = try await RunningServer.start(self)
        let expected = libraryRows(model, Self.texts)

        let r = try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": Self.texts])
        XCTAssertEqual(r.status, 200, r.text)
        XCTAssertEqual(r.headers["content-type"], "application/json")
        let rows = try openAIRows(r)
        XCTAssertEqual(rows.count, Self.texts.count)
        for (a, b) in zip(rows, expected) { XCTAssertLessThanOrEqual(maxDiff(a, b), 1e-6) }
        let obj = try XCTUnwrap(r.json() as? [String: Any])
        XCTAssertEqual(obj["object"] as? String, "list")
        XCTAssertEqual(obj["model"] as? String, "all-MiniLM-L6-v2")
        let usage = try XCTUnwrap(obj["usage"] as? [String: Int])
        let tokens = Self.texts.map { model.tokenize($0).count }.reduce(0, +)
        XCTAssertEqual(usage["prompt_tokens"], tokens)
        XCTAssertEqual(usage["total_tokens"], tokens)

        // One string; the folder's name as `model`; base64 is the same floats, bit for bit.
        let one = try await server.post("/v1/embeddings", ["model": model.folder.url.lastPathComponent, "input": Self.texts[1]])
        XCTAssertEqual(try openAIRows(one).count, 1)
        XCTAssertLessThanOrEqual(maxDiff(try openAIRows(one)[0], expected[1]), 1e-6)
        let b64 = try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": Self.texts, "encoding_format": "base64"])
        XCTAssertEqual(b64.status, 200, b64.text)
        for (a, b) in zip(try openAIRows(b64), expected) { XCTAssertLessThanOrEqual(maxDiff(a, b), 1e-6) }

        // Token arrays: the model's own ids without [CLS]/[SEP] embed as the text does.
        let ids = model.tokenize(Self.texts[0]).dropFirst().dropLast().map { Int($0) }
        let tok = try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": [ids, ids]])
        XCTAssertEqual(tok.status, 200, tok.text)
        for row in try openAIRows(tok) { XCTAssertLessThanOrEqual(maxDiff(row, expected[0]), 1e-6) }
        let flat = try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": ids])
        XCTAssertEqual(try openAIRows(flat).count, 1)

        // dimensions: the first N values re-normalised, as `attune embed --dim N`.
        var cut = model
        try cut.truncate(to: 128)
        let expected128 = libraryRows(cut, Self.texts)
        let d = try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": Self.texts, "dimensions": 128])
        XCTAssertEqual(d.status, 200, d.text)
        for (a, b) in zip(try openAIRows(d), expected128) {
            XCTAssertEqual(a.count, 128)
            XCTAssertLessThanOrEqual(maxDiff(a, b), 1e-6)
        }
    }

    func testTEIEmbedInfoHealth() async throws {
        let model = try ServeModel.get()
        let server = try await RunningServer.start(self)
        let expected = libraryRows(model, Self.texts)

        let r = try await server.post("/embed", ["inputs": Self.texts])
        XCTAssertEqual(r.status, 200, r.text)
        let rows = try XCTUnwrap(r.json() as? [[Double]]).map { $0.map(Float.init) }
        XCTAssertEqual(rows.count, Self.texts.count)
        for (a, b) in zip(rows, expected) { XCTAssertLessThanOrEqual(maxDiff(a, b), 1e-6) }

        let one = try await server.post("/embed", ["inputs": Self.texts[0]])
        XCTAssertEqual(try XCTUnwrap(one.json() as? [[Double]]).count, 1)

        // normalize: false gives the rows before Normalize: the same direction, not unit length.
        let raw = try await server.post("/embed", ["inputs": [Self.texts[0]], "normalize": false])
        let row = try XCTUnwrap((raw.json() as? [[Double]])?.first).map(Float.init)
        let norm = row.map { $0 * $0 }.reduce(0, +).squareRoot()
        XCTAssertGreaterThan(abs(norm - 1), 0.01)
        XCTAssertLessThanOrEqual(maxDiff(row.map { $0 / norm }, expected[0]), 1e-6)

        // An unknown prompt_name is TEI's validation error.
        let bad = try await server.post("/embed", ["inputs": "x", "prompt_name": "query"])
        XCTAssertEqual(bad.status, 422, bad.text)
        XCTAssertEqual(try teiError(bad).type, "validation")

        let info = try await server.get("/info")
        XCTAssertEqual(info.status, 200)
        let i = try XCTUnwrap(info.json() as? [String: Any])
        XCTAssertEqual(i["model_id"] as? String, "all-MiniLM-L6-v2")
        XCTAssertEqual(i["max_input_length"] as? Int, 8192)
        XCTAssertEqual(i["max_client_batch_size"] as? Int, 2048)
        XCTAssertEqual((i["model_type"] as? [String: Any])?["embedding"] as? [String: String], ["pooling": "mean"])
        let health = try await server.get("/health")
        XCTAssertEqual(health.status, 200)
    }

    func testModelsMetricsAndOpenAPI() async throws {
        let server = try await RunningServer.start(self)
        let models = try await server.get("/v1/models")
        let m = try XCTUnwrap(models.json() as? [String: Any])
        XCTAssertEqual(((m["data"] as? [[String: Any]])?.first)?["id"] as? String, "all-MiniLM-L6-v2")

        _ = try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": ["a", "b"]])
        _ = try await server.post("/v1/embeddings", ["model": "nope", "input": "a"])
        let metrics = try await server.get("/metrics")
        XCTAssertEqual(metrics.status, 200)
        XCTAssertTrue(metrics.headers["content-type"]?.hasPrefix("text/plain") ?? false)
        let text = metrics.text
        for needle in ["attune_http_requests_total{endpoint=\"/v1/embeddings\",status=\"200\"} 1",
                       "attune_http_requests_total{endpoint=\"/v1/embeddings\",status=\"404\"} 1",
                       "attune_http_request_duration_seconds_bucket", "attune_batch_texts_count",
                       "attune_batch_tokens_sum", "attune_embedded_tokens_total", "attune_queue_depth_requests"] {
            XCTAssertTrue(text.contains(needle), "no \(needle) in\n\(text)")
        }

        let spec = try await server.get("/openapi.json")
        XCTAssertEqual(spec.status, 200)
        let s = try XCTUnwrap(spec.json() as? [String: Any])
        XCTAssertEqual((s["openapi"] as? String)?.prefix(2), "3.")
        let paths = try XCTUnwrap(s["paths"] as? [String: Any])
        XCTAssertEqual(Set(paths.keys), AttuneServer.knownPaths)
        let schemas = try XCTUnwrap((s["components"] as? [String: Any])?["schemas"] as? [String: Any])
        // The served document carries this server's limits.
        func property(_ schema: String, _ name: String) -> [String: Any]? {
            ((schemas[schema] as? [String: Any])?["properties"] as? [String: Any])?[name] as? [String: Any]
        }
        XCTAssertEqual(property("EmbeddingRequest", "dimensions")?["maximum"] as? Int, 384)
        XCTAssertEqual(property("EmbedRequest", "dimensions")?["maximum"] as? Int, 384)
        XCTAssertEqual(property("RerankRequest", "texts")?["maxItems"] as? Int, server.service.configuration.maxClientBatchSize)
        let inputs = try XCTUnwrap((schemas["Input"] as? [String: Any])?["oneOf"] as? [[String: Any]])
        XCTAssertEqual(inputs[1]["maxItems"] as? Int, server.service.configuration.maxClientBatchSize)
        XCTAssertEqual((inputs[2]["items"] as? [String: Any])?["maximum"] as? Int, 30521)  // all-MiniLM-L6-v2's 30,522 ids
        XCTAssertFalse(spec.text.contains("{{"), "a limit left unfilled")
        // The server reads an optional field sent as null as absent: the document says so
        // (schemathesis found `return_text: null` answered 200 against a boolean-only schema).
        for name in ["EmbeddingRequest", "EmbedRequest", "RerankRequest"] {
            let schema = try XCTUnwrap(schemas[name] as? [String: Any])
            let required = Set(schema["required"] as? [String] ?? [])
            for (field, value) in try XCTUnwrap(schema["properties"] as? [String: Any]) where !required.contains(field) {
                let types = (value as? [String: Any])?["type"] as? [String] ?? []
                XCTAssertTrue(types.contains("null"), "\(name).\(field) does not allow null: \(value)")
            }
        }
        let nulls = try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": "a", "encoding_format": NSNull(),
                                                             "dimensions": NSNull(), "user": NSNull()])
        XCTAssertEqual(nulls.status, 200, nulls.text)
    }

    /// Requests in flight together come back each with its own rows in its own order.
    func testConcurrentRequestsKeepTheirOrder() async throws {
        let model = try ServeModel.get()
        let server = try await RunningServer.start(self) { $0.maxBatchTokens = 64 }
        let groups = (0..<6).map { g in (0..<(g + 2)).map { "request \(g) text \($0) " + String(repeating: "word ", count: ($0 * 7 + g) % 20) } }
        let expected = groups.map { libraryRows(model, $0) }
        let replies = try await withThrowingTaskGroup(of: (Int, HTTPReply).self) { group in
            for (g, texts) in groups.enumerated() {
                group.addTask { (g, try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": texts])) }
            }
            var out: [Int: HTTPReply] = [:]
            for try await (g, r) in group { out[g] = r }
            return out
        }
        for g in groups.indices {
            let rows = try openAIRows(try XCTUnwrap(replies[g]))
            XCTAssertEqual(rows.count, groups[g].count)
            for (a, b) in zip(rows, expected[g]) { XCTAssertLessThanOrEqual(maxDiff(a, b), 1e-6) }
        }
    }
}

import AttuneCore
import AttuneData
import AttuneModel
@testable import AttuneServe
import AttuneTestSupport
import Foundation
import XCTest

/// What a client can send wrong: each gets its status and the API's error shape, and the server
/// keeps serving the next client.
final class FaultTests: XCTestCase {
    let model = "all-MiniLM-L6-v2"

    func testBadOpenAIRequests() async throws {
        let server = try await RunningServer.start(self)
        func check(_ body: [UInt8], _ status: Int, param: String?, code: String? = nil, contains: String,
                   line: UInt = #line) async throws {
            let r = try await server.postBytes("/v1/embeddings", body)
            XCTAssertEqual(r.status, status, r.text, line: line)
            let e = try openAIError(r, line: line)
            XCTAssertEqual(e["param"] as? String, param, r.text, line: line)
            if let code { XCTAssertEqual(e["code"] as? String, code, line: line) }
            XCTAssertTrue((e["message"] as? String ?? "").contains(contains), r.text, line: line)
        }
        func json(_ o: Any) throws -> [UInt8] { Array(try JSONSerialization.data(withJSONObject: o)) }

        try await check(Array("{\"model\": \"x\", \"input\": [".utf8), 400, param: nil, contains: "not valid JSON")
        try await check(Array("[1, 2]".utf8), 400, param: nil, contains: "JSON object")
        try await check([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], 400, param: nil, contains: "UTF-8")
        try await check(try json(["model": model, "input": 5]), 400, param: "input", contains: "a number")
        try await check(try json(["model": model, "input": ["a", 3]]), 400, param: "input", contains: "input[1]")
        try await check(try json(["model": model, "input": [[1, "x"]]]), 400, param: "input", contains: "integers")
        try await check(try json(["model": model, "input": ""]), 400, param: "input", contains: "empty")
        try await check(try json(["model": model, "input": [String]()]), 400, param: "input", contains: "empty")
        try await check(try json(["model": model]), 400, param: "input", contains: "required")
        try await check(try json(["input": "a"]), 400, param: "model", contains: "model is required")
        try await check(try json(["model": "gpt-4", "input": "a"]), 404, param: "model", code: "model_not_found", contains: "gpt-4")
        try await check(try json(["model": model, "input": "a", "encoding_format": "hex"]), 400, param: "encoding_format", contains: "float or base64")
        try await check(try json(["model": model, "input": "a", "dimensions": 0]), 400, param: "dimensions", contains: "between 1 and")
        try await check(try json(["model": model, "input": "a", "dimensions": 385]), 400, param: "dimensions", contains: "384")
        try await check(try json(["model": model, "input": "a", "dimensions": "64"]), 400, param: "dimensions", contains: "integer")
        try await check(try json(["model": model, "input": [[999_999]]]), 400, param: "input", contains: "vocabulary")
        try await check(Array(String(repeating: "[", count: 100_000).utf8), 400, param: nil, contains: "JSON")

        let notFound = try await server.get("/v2/nothing")
        XCTAssertEqual(notFound.status, 404)
        _ = try openAIError(notFound)
        // A route's path with another method: 405 naming the methods it answers (schemathesis's
        // unsupported_method check), in the path's API's shape.
        for (method, path, allow) in [("GET", "/v1/embeddings", "POST"), ("TRACE", "/embeddings", "POST"), ("DELETE", "/v1/models", "GET"),
                                      ("PUT", "/embed", "POST"), ("GET", "/rerank", "POST"), ("POST", "/health", "GET"),
                                      ("TRACE", "/info", "GET"), ("PATCH", "/metrics", "GET"), ("POST", "/openapi.json", "GET")] {
            let r = try await HTTPTestClient.request(port: server.port, method, path)
            XCTAssertEqual(r.status, 405, "\(method) \(path): \(r.text)")
            XCTAssertEqual(r.headers["allow"], allow, "\(method) \(path): \(r.headers)")
            if AttuneServer.teiPaths.contains(path) { _ = try teiError(r) } else { _ = try openAIError(r) }
            XCTAssertTrue(r.text.contains("method not allowed"), r.text)
        }
        try await server.assertServing()
    }

    func testBadTEIRequests() async throws {
        let server = try await RunningServer.start(self)
        for (body, status) in [(Array("{".utf8), 400), (Array("{\"inputs\": true}".utf8), 400),
                               (Array("{\"inputs\": \"a\", \"normalize\": 1}".utf8), 400),
                               (Array("{\"inputs\": []}".utf8), 400)] {
            let r = try await server.postBytes("/embed", body)
            XCTAssertEqual(r.status, status, r.text)
            _ = try teiError(r)
        }
        try await server.assertServing()
    }

    func testLimits() async throws {
        let server = try await RunningServer.start(self)
        // A 10 MB body: 413 naming the limit, whether or not Content-Length says so first.
        let big = Array("{\"model\":\"all-MiniLM-L6-v2\",\"input\":\"".utf8) + [UInt8](repeating: 0x61, count: 10_000_000) + Array("\"}".utf8)
        let r = try await server.postBytes("/v1/embeddings", big)
        XCTAssertEqual(r.status, 413, r.text)
        XCTAssertTrue(try openAIError(r)["message"].map { "\($0)" }?.contains("--max-body-bytes") ?? false)
        var chunked = Array("POST /embed HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n".utf8)
        for _ in 0..<12 { chunked += Array("40000\r\n".utf8) + [UInt8](repeating: 0x20, count: 0x40000) + Array("\r\n".utf8) }
        chunked += Array("0\r\n\r\n".utf8)
        let rc = try await HTTPTestClient.raw(port: server.port, chunked)
        XCTAssertEqual(rc.status, 413, rc.text)
        XCTAssertTrue(try teiError(rc).message.contains("--max-body-bytes"))

        // 100k inputs: 413 naming --max-client-batch-size.
        let many = try await server.post("/v1/embeddings", ["model": model, "input": [String](repeating: "a", count: 100_000)])
        XCTAssertEqual(many.status, 413, many.text)
        XCTAssertTrue("\(try openAIError(many)["message"] ?? "")".contains("--max-client-batch-size"))

        // A text of 100k tokens: 413 naming --max-input-tokens; TEI's truncate embeds its window.
        let long = String(repeating: "fever ", count: 100_000)
        let l = try await server.post("/v1/embeddings", ["model": model, "input": long])
        XCTAssertEqual(l.status, 413, l.text)
        XCTAssertTrue("\(try openAIError(l)["message"] ?? "")".contains("--max-input-tokens"))
        let lt = try await server.post("/embed", ["inputs": long])
        XCTAssertEqual(lt.status, 413, lt.text)
        XCTAssertTrue(try teiError(lt).message.contains("truncate"))
        let cut = try await server.post("/embed", ["inputs": long, "truncate": true])
        XCTAssertEqual(cut.status, 200, cut.text)
        let row = try XCTUnwrap((cut.json() as? [[Double]])?.first).map(Float.init)
        XCTAssertLessThanOrEqual(maxDiff(row, libraryRows(try ServeModel.get(), [long])[0]), 1e-6)
        try await server.assertServing()
    }

    func testClientsThatMisbehave() async throws {
        let server = try await RunningServer.start(self) { $0.idleTimeout = 1 }
        // Half a request, then gone.
        let fd = try HTTPTestClient.connect(port: server.port)
        _ = HTTPTestClient.send(fd, Array("POST /v1/embeddings HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"model\":".utf8))
        close(fd)
        // A slow client: one byte, then silence; the others are served meanwhile, and it is cut off.
        let slow = try HTTPTestClient.connect(port: server.port)
        defer { close(slow) }
        _ = HTTPTestClient.send(slow, Array("P".utf8))
        try await server.assertServing()
        try await Task.sleep(for: .milliseconds(1500))
        var byte: UInt8 = 0
        var tv = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(slow, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        XCTAssertLessThanOrEqual(recv(slow, &byte, 1, 0), 0, "the stalled connection should have been closed")
        try await server.assertServing()
    }

    func testAPIKey() async throws {
        let server = try await RunningServer.start(self) { $0.apiKey = "s3cret-key" }
        let body: [String: Any] = ["model": model, "input": "a"]
        let none = try await server.post("/v1/embeddings", body)
        XCTAssertEqual(none.status, 401)
        XCTAssertEqual(try openAIError(none)["code"] as? String, "invalid_api_key")
        let wrong = try await server.post("/v1/embeddings", body, headers: ["Authorization": "Bearer s3cret-kez"])
        XCTAssertEqual(wrong.status, 401)
        XCTAssertFalse(wrong.text.contains("s3cret"))
        let short = try await server.post("/embed", ["inputs": "a"], headers: ["Authorization": "Bearer s3cret"])
        XCTAssertEqual(short.status, 401)
        XCTAssertEqual(try teiError(short).type, "unauthorized")
        let right = try await server.post("/v1/embeddings", body, headers: ["Authorization": "Bearer s3cret-key"])
        XCTAssertEqual(right.status, 200, right.text)
        let metrics = try await server.get("/metrics"), health = try await server.get("/health")
        XCTAssertEqual(metrics.status, 401)
        XCTAssertEqual(health.status, 200)
    }

    func testConfigurationRules() throws {
        var c = ServeConfiguration()
        c.host = "0.0.0.0"
        XCTAssertThrowsError(try c.validate()) { e in
            // The library names the setting, and the one it mentions, as settings (the CLI maps them to flags).
            XCTAssertEqual((e as? SettingError)?.setting, "host")
            XCTAssertEqual("\(e)", "host 0.0.0.0: not a loopback address; serving beyond this machine needs an API key (`api_key_file` or ATTUNE_API_KEY)")
        }
        c.apiKey = "k"
        XCTAssertNoThrow(try c.validate())
        let bad: [(String, (inout ServeConfiguration) -> Void)] = [
            ("port", { $0.port = 70000 }), ("max_batch_tokens", { $0.maxBatchTokens = 1 }),
            ("max_client_batch_size", { $0.maxClientBatchSize = 0 }), ("max_input_tokens", { $0.maxInputTokens = 1 }),
            ("max_concurrent_requests", { $0.maxConcurrentRequests = 0 }), ("max_body_bytes", { $0.maxBodyBytes = 10 }),
            ("request_timeout", { $0.requestTimeout = 0 }),
        ]
        for (setting, change) in bad {
            var b = c
            change(&b)
            XCTAssertThrowsError(try b.validate(), setting) { e in
                XCTAssertEqual((e as? SettingError)?.setting, setting)
                XCTAssertTrue(SettingError.knownSettings.contains(setting), setting)
                XCTAssertFalse("\(e)".contains("--"), "\(e)")
            }
        }
        for h in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] { XCTAssertTrue(ServeConfiguration.isLoopback(h), h) }
        for h in ["0.0.0.0", "10.0.0.1", "::", "127.0.0.1.evil"] { XCTAssertFalse(ServeConfiguration.isLoopback(h), h) }

        let dir = try temporaryFolder(self)
        let keyFile = dir.appendingPathComponent("key")
        try Data("  abc123  \nignored\n".utf8).write(to: keyFile)
        XCTAssertEqual(try ServeConfiguration.loadAPIKey(file: keyFile.path, environment: [:]), "abc123")
        XCTAssertEqual(try ServeConfiguration.loadAPIKey(file: nil, environment: ["ATTUNE_API_KEY": "env"]), "env")
        XCTAssertNil(try ServeConfiguration.loadAPIKey(file: nil, environment: [:]))
        XCTAssertThrowsError(try ServeConfiguration.loadAPIKey(file: dir.appendingPathComponent("none").path)) {
            XCTAssertEqual(($0 as? SettingError)?.setting, "api_key_file", "\($0)")
        }
        XCTAssertTrue(Gate.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        XCTAssertFalse(Gate.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        XCTAssertFalse(Gate.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
    }

    func testPortInUse() async throws {
        let first = try await RunningServer.start(self)
        var c = ServeConfiguration()
        c.port = first.port
        let second = AttuneServer(service: EmbeddingService(model: try ServeModel.get(), name: model, configuration: c))
        do {
            try await second.run(handleSignals: false)
            XCTFail("a second server on the same port should not start")
        } catch {
            XCTAssertEqual(error as? SettingError, SettingError(setting: "port", value: "\(first.port)", what: "127.0.0.1:\(first.port) is already in use"))
        }
        try await first.assertServing()
    }

    /// The encoder held: the queue fills to --max-concurrent-requests, the next request is 429
    /// with Retry-After, and everything queued is answered once the encoder runs again.
    func testOverloadAnswers429() async throws {
        let gate = Gate2()
        let server = try await RunningServer.start(self, configure: { $0.maxConcurrentRequests = 2 }, beforeBatch: { gate.wait() })
        let held = (0..<2).map { i in
            Task { [server] in try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": "held \(i)"]) }
        }
        while server.service.queue.depth < 2 { try await Task.sleep(for: .milliseconds(10)) }
        let over = try await server.post("/v1/embeddings", ["model": model, "input": "one too many"])
        XCTAssertEqual(over.status, 429, over.text)
        XCTAssertEqual(over.headers["retry-after"], "1")
        XCTAssertEqual(try openAIError(over)["code"] as? String, "rate_limit_exceeded")
        let overTEI = try await server.post("/embed", ["inputs": "one too many"])
        XCTAssertEqual(overTEI.status, 429)
        XCTAssertEqual(try teiError(overTEI).type, "overloaded")
        gate.open()
        for t in held { let r = try await t.value; XCTAssertEqual(r.status, 200, r.text) }
        try await server.assertServing()
    }

    func testTimeoutAnswers503() async throws {
        let gate = Gate2()
        let server = try await RunningServer.start(self, configure: { $0.requestTimeout = 0.3 }, beforeBatch: { gate.wait() })
        let first = Task { [server] in try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": "first"]) }
        while server.service.queue.depth < 1 { try await Task.sleep(for: .milliseconds(10)) }
        let second = Task { [server] in try await server.post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": "second"]) }
        try await Task.sleep(for: .milliseconds(500))
        gate.open()
        let early = try await first.value
        XCTAssertEqual(early.status, 200, early.text)
        let late = try await second.value
        XCTAssertEqual(late.status, 503, late.text)
        XCTAssertEqual(late.headers["retry-after"], "1")
        XCTAssertTrue("\(try openAIError(late)["message"] ?? "")".contains("--request-timeout"))
    }
}

/// A gate the worker waits at until the test opens it.
final class Gate2: @unchecked Sendable {
    private let cond = NSCondition()
    private var isOpen = false
    func wait() { cond.lock(); while !isOpen { cond.wait() }; cond.unlock() }
    func open() { cond.lock(); isOpen = true; cond.broadcast(); cond.unlock() }
}

import AttuneModel
import AttuneSearch
@testable import AttuneServe
import AttuneTestSupport
import Foundation
import XCTest

/// The real all-MiniLM-L6-v2, loaded once for every test here.
enum ServeModel {
    nonisolated(unsafe) private static var loaded: SentenceModel?

    static func get() throws -> SentenceModel {
        if let loaded { return loaded }
        let m = try SentenceModel.load(Fixtures.model())
        loaded = m
        return m
    }
}

/// A cross-encoder made from all-MiniLM-L6-v2 (`attune rerank init`'s seed 42, 128 tokens per
/// pair), made once for every test here. Its new head's output weights are scaled by 300 so the
/// logits spread over a few units (fresh, they are ~0.005 and every score ~0.5).
enum ServeReranker {
    nonisolated(unsafe) private static var made: Reranker?
    static let maxLength = 128

    static func get() throws -> Reranker {
        if let made { return made }
        let ce = try CrossEncoder.initialise(fromBiEncoder: Fixtures.model(), seed: 42, maxLength: maxLength)
        let w = ce.head.output.weight
        for i in 0..<w.count { w.data[i] *= 300 }
        let r = try Reranker(model: ce, name: "ce-minilm")
        made = r
        return r
    }
}

/// A server on a free loopback port for the length of one test.
final class RunningServer: @unchecked Sendable {
    let port: Int
    let service: EmbeddingService
    private let task: Task<Void, any Error>

    private init(port: Int, service: EmbeddingService, task: Task<Void, any Error>) {
        self.port = port; self.service = service; self.task = task
    }

    static func start(_ test: XCTestCase, model: SentenceModel? = nil, reranker: Reranker? = nil,
                      configure: (inout ServeConfiguration) -> Void = { _ in },
                      beforeBatch: (@Sendable () -> Void)? = nil,
                      beforeRerankBatch: (@Sendable () -> Void)? = nil) async throws -> RunningServer {
        var config = ServeConfiguration()
        config.port = 0
        configure(&config)
        let m = try model ?? ServeModel.get()
        let service = EmbeddingService(model: m, name: "all-MiniLM-L6-v2", configuration: config, metrics: ServeMetrics(),
                                       reranker: reranker, beforeBatch: beforeBatch, beforeRerankBatch: beforeRerankBatch)
        var server = AttuneServer(service: service)
        server.logLevel = .critical  // a test's end cancels the server, which Hummingbird reports as errors
        let (ports, cont) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { cont.finish() }
            try await server.run(handleSignals: false) { cont.yield($0) }
        }
        var it = ports.makeAsyncIterator()
        guard let port = await it.next() else {
            _ = try await task.value
            throw XCTSkip("server did not start")
        }
        let running = RunningServer(port: port, service: service, task: task)
        test.addTeardownBlock { running.task.cancel(); _ = try? await running.task.value }
        return running
    }

    func post(_ path: String, _ object: Any, headers: [String: String] = [:]) async throws -> HTTPReply {
        try await HTTPTestClient.json(port: port, path, object, headers: headers)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> HTTPReply {
        try await HTTPTestClient.request(port: port, "GET", path, headers: headers)
    }

    func postBytes(_ path: String, _ bytes: [UInt8], headers: [String: String] = [:]) async throws -> HTTPReply {
        try await HTTPTestClient.request(port: port, "POST", path, body: bytes, headers: headers)
    }

    /// A plain request still works (the server stayed up).
    func assertServing(file: StaticString = #filePath, line: UInt = #line) async throws {
        let r = try await post("/v1/embeddings", ["model": "all-MiniLM-L6-v2", "input": "still serving"])
        XCTAssertEqual(r.status, 200, r.text, file: file, line: line)
    }
}

/// Rows of a model's `encode`, as [[Float]].
func libraryRows(_ model: SentenceModel, _ texts: [String]) -> [[Float]] {
    let t = model.encode(texts)
    return (0..<texts.count).map { i in Array(UnsafeBufferPointer(start: t.data + i * t.cols, count: t.cols)) }
}

func maxDiff(_ a: [Float], _ b: [Float]) -> Float {
    guard a.count == b.count else { return .infinity }
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

/// The `embedding` arrays of an OpenAI reply, by `index`.
func openAIRows(_ r: HTTPReply) throws -> [[Float]] {
    let obj = try XCTUnwrap(r.json() as? [String: Any], r.text)
    let data = try XCTUnwrap(obj["data"] as? [[String: Any]])
    return try data.sorted { ($0["index"] as! Int) < ($1["index"] as! Int) }.map { item in
        if let s = item["embedding"] as? String {
            let bytes = try XCTUnwrap(Data(base64Encoded: s))
            return bytes.withUnsafeBytes { raw in (0..<(bytes.count / 4)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) } }
        }
        return try XCTUnwrap(item["embedding"] as? [Double]).map { Float($0) }
    }
}

/// An OpenAI error body's `error` object (fails unless it has the four keys).
func openAIError(_ r: HTTPReply, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    let obj = try XCTUnwrap(r.json() as? [String: Any], r.text, file: file, line: line)
    let e = try XCTUnwrap(obj["error"] as? [String: Any], r.text, file: file, line: line)
    XCTAssertEqual(Set(e.keys), ["message", "type", "param", "code"], r.text, file: file, line: line)
    XCTAssertFalse((e["message"] as? String ?? "").isEmpty, file: file, line: line)
    return e
}

/// A TEI error body (fails unless it has `error` and `error_type`).
func teiError(_ r: HTTPReply, file: StaticString = #filePath, line: UInt = #line) throws -> (message: String, type: String) {
    let obj = try XCTUnwrap(r.json() as? [String: Any], r.text, file: file, line: line)
    return (try XCTUnwrap(obj["error"] as? String, r.text, file: file, line: line),
            try XCTUnwrap(obj["error_type"] as? String, r.text, file: file, line: line))
}

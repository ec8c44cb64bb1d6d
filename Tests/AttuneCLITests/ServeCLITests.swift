import AttuneTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// The built `attune serve` as a user starts it: the port it prints, a request in flight when
/// SIGTERM arrives (answered, then exit 0), start-up refusals as one line, and the real Python
/// clients (scripts/check-serve-clients.py in the venv scripts/client-venv.sh makes).
final class ServeCLITests: XCTestCase {
    /// A running `attune serve`, its port and its stderr so far.
    final class ServeProcess {
        let process = Process()
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("attune-serve-\(UUID().uuidString).err")
        var port = 0

        init(_ args: [String], environment: [String: String] = [:]) throws {
            process.executableURL = try AttuneBinary.url()
            process.arguments = ["serve"] + args
            var env = ProcessInfo.processInfo.environment
            for (k, v) in environment { env[k] = v }
            process.environment = env
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errURL)
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var stderr: String { String(decoding: FileManager.default.contents(atPath: errURL.path) ?? Data(), as: UTF8.self) }

        /// Wait for the "on http://HOST:PORT" line; nil when the process ended first.
        func waitListening(timeout: TimeInterval = 60) -> Int? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let r = stderr.range(of: #"on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                    port = Int(stderr[r].split(separator: ":").last!)!
                    return port
                }
                if !process.isRunning { return nil }
                usleep(20_000)
            }
            return nil
        }

        /// Wait for exit (killed after `timeout`): the status, or nil for a hang.
        func waitExit(timeout: TimeInterval = 30) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { process.interrupt(); kill(process.processIdentifier, SIGKILL); return nil }
            return process.terminationStatus
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? FileManager.default.removeItem(at: errURL)
        }
    }


    func testServesAndDrainsOnSIGTERM() async throws {
        let model = try Fixtures.model()
        let server = try ServeProcess(["--model", model.path, "--port", "0"])
        let port = try XCTUnwrap(server.waitListening(), "attune serve did not start: \(server.stderr)")
        XCTAssertTrue(server.stderr.contains("all-MiniLM-L6-v2 (fp32"), server.stderr)
        let (status, _) = try await servePost(port, "/v1/embeddings", try JSONSerialization.data(withJSONObject: ["model": "all-MiniLM-L6-v2", "input": "warm up"]))
        XCTAssertEqual(status, 200)

        // A request in flight when SIGTERM arrives is answered, then the process exits 0.
        let texts = (0..<12).map { "In flight text \($0): " + String(repeating: "symptoms of anaemia include fatigue ", count: 6) }
        let body = try JSONSerialization.data(withJSONObject: ["model": "all-MiniLM-L6-v2", "input": texts])
        let inFlight = Task.detached { try await servePost(port, "/v1/embeddings", body) }
        try await Task.sleep(for: .milliseconds(150))
        kill(server.process.processIdentifier, SIGTERM)
        let (drained, data) = try await inFlight.value
        XCTAssertEqual(drained, 200, String(decoding: data, as: UTF8.self))
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual((obj["data"] as? [Any])?.count, texts.count)
        XCTAssertEqual(server.waitExit(), 0, server.stderr)
        XCTAssertTrue(server.stderr.contains("attune serve: stopped"), server.stderr)
    }

    func testStartUpRefusalsAreOneLine() throws {
        let model = try Fixtures.model()
        func refused(_ args: [String], _ needle: String, environment: [String: String] = [:], line: UInt = #line) throws {
            let p = try ServeProcess(["--model", model.path] + args, environment: environment)
            XCTAssertEqual(p.waitExit(timeout: 60), 1, p.stderr, line: line)
            let errors = p.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
            XCTAssertEqual(errors.count, 1, p.stderr, line: line)
            XCTAssertTrue(p.stderr.contains(needle), p.stderr, line: line)
        }
        try refused(["--host", "0.0.0.0", "--port", "0"], "--host 0.0.0.0: not a loopback address", environment: ["ATTUNE_API_KEY": ""])
        try refused(["--api-key-file", "/nonexistent/key", "--port", "0"], "--api-key-file /nonexistent/key: cannot be read")
        try refused(["--max-batch-tokens", "1", "--port", "0"], "--max-batch-tokens 1")

        let first = try ServeProcess(["--model", model.path, "--port", "0"])
        let port = try XCTUnwrap(first.waitListening(), first.stderr)
        try refused(["--port", String(port)], "--port \(port): 127.0.0.1:\(port) is already in use")
        kill(first.process.processIdentifier, SIGTERM)
        XCTAssertEqual(first.waitExit(), 0, first.stderr)
    }

    /// `attune serve --reranker CE`: TEI's /rerank from the built binary, and the reranker's
    /// start-up refusals as one line (a bi-encoder, num_labels 3, --reranker-precision alone).
    func testServesARerankerAndRefusesBadOnes() async throws {
        let model = try Fixtures.model()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-serve-ce-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        func attune(_ args: [String]) throws -> (Int32, String) {
            let p = Process()
            p.executableURL = try AttuneBinary.url()
            p.arguments = args
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, text)
        }
        let ce = dir.appendingPathComponent("ce-minilm").path, ce3 = dir.appendingPathComponent("ce3").path
        for (out, extra) in [(ce, [String]()), (ce3, ["--num-labels", "3"])] {
            let (status, err) = try attune(["rerank", "init", "--model", model.path, "--output", out, "--max-length", "64"] + extra)
            XCTAssertEqual(status, 0, err)
        }
        func refused(_ args: [String], status: Int32, _ needles: [String], line: UInt = #line) throws {
            let p = try ServeProcess(["--model", model.path, "--port", "0"] + args)
            XCTAssertEqual(p.waitExit(timeout: 60), status, p.stderr, line: line)
            // ArgumentParser's validation errors (64) say "Error:"; Attune's (1), "error:".
            let errors = p.stderr.split(separator: "\n").filter { $0.lowercased().hasPrefix("error:") }
            XCTAssertEqual(errors.count, 1, p.stderr, line: line)
            for n in needles { XCTAssertTrue(p.stderr.contains(n), "no \(n) in \(p.stderr)", line: line) }
        }
        try refused(["--reranker-precision", "int8"], status: 64, ["--reranker-precision needs --reranker"])
        try refused(["--reranker", model.path], status: 1, ["is a bi-encoder", "attune rerank init --model"])
        try refused(["--reranker", ce3], status: 1, ["ce3/config.json", "num_labels", "3 labels"])

        let server = try ServeProcess(["--model", model.path, "--port", "0", "--reranker", ce])
        let port = try XCTUnwrap(server.waitListening(), "attune serve did not start: \(server.stderr)")
        XCTAssertTrue(server.stderr.contains("and reranker ce-minilm (fp32, 64 tokens)") && server.stderr.contains("POST /rerank"), server.stderr)
        let body = try JSONSerialization.data(withJSONObject: ["query": "what damages the optic nerve?", "return_text": true,
                                                               "texts": ["Glaucoma damages the optic nerve.", "Metformin treats diabetes."]])
        let (status, data) = try await servePost(port, "/rerank", body)
        XCTAssertEqual(status, 200, String(decoding: data, as: UTF8.self))
        let ranks = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(Set(ranks.compactMap { $0["index"] as? Int }), [0, 1])
        let scores = ranks.compactMap { $0["score"] as? Double }
        XCTAssertEqual(scores.count, 2)
        XCTAssertEqual(scores, scores.sorted(by: >))
        XCTAssertTrue(scores.allSatisfy { $0 > 0 && $0 < 1 }, "sigmoids: \(scores)")
        kill(server.process.processIdentifier, SIGTERM)
        XCTAssertEqual(server.waitExit(), 0, server.stderr)
    }

    /// `kill -9`, then a restart on the same port serves at once.
    func testKill9AndRestartServesAgain() async throws {
        let model = try Fixtures.model()
        let first = try ServeProcess(["--model", model.path, "--port", "0"])
        let port = try XCTUnwrap(first.waitListening(), first.stderr)
        kill(first.process.processIdentifier, SIGKILL)
        XCTAssertNotEqual(first.waitExit(), 0)
        let second = try ServeProcess(["--model", model.path, "--port", String(port)])
        XCTAssertEqual(second.waitListening(), port, second.stderr)
        let (status, _) = try await servePost(port, "/v1/embeddings", try JSONSerialization.data(withJSONObject: ["model": "all-MiniLM-L6-v2", "input": "again"]))
        XCTAssertEqual(status, 200)
        kill(second.process.processIdentifier, SIGTERM)
        XCTAssertEqual(second.waitExit(), 0, second.stderr)
    }

    /// The `openai` package and chromadb's embedding functions against a running `attune serve`.
    func testRealPythonClients() throws {
        let root = Fixtures.packageRoot
        let venvScript = root.appendingPathComponent("scripts/client-venv.sh").path
        let which = Process()
        which.executableURL = URL(fileURLWithPath: "/bin/bash")
        which.arguments = [venvScript, "python"]
        let pipe = Pipe()
        which.standardOutput = pipe
        try which.run()
        which.waitUntilExit()
        let python = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        try Fixtures.require(FileManager.default.isExecutableFile(atPath: python), "no client venv at \(python) (run scripts/client-venv.sh)")
        let corpus = try Fixtures.shared("data/medquad/small-corpus.jsonl"), queries = try Fixtures.shared("data/medquad/small-queries.jsonl")
        let model = try Fixtures.model()

        let server = try ServeProcess(["--model", model.path, "--port", "0"],
                                      environment: ["ATTUNE_API_KEY": "client-check-key"])
        let port = try XCTUnwrap(server.waitListening(), server.stderr)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: python)
        check.arguments = [root.appendingPathComponent("scripts/check-serve-clients.py").path,
                           "--url", "http://127.0.0.1:\(port)", "--attune", try AttuneBinary.url().path,
                           "--model", model.path, "--api-key", "client-check-key",
                           "--corpus", corpus.path, "--queries", queries.path,
                           // A debug build's encoder is slow: a small share of the slice, cut short.
                           "--docs", "24", "--n-queries", "8", "--chars", "300"]
        var env = ProcessInfo.processInfo.environment
        env["ANONYMIZED_TELEMETRY"] = "False"
        check.environment = env
        let out = Pipe()
        check.standardOutput = out
        check.standardError = out
        try check.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        print(text)
        XCTAssertEqual(check.terminationStatus, 0, text)
        XCTAssertTrue(text.contains(" passed, 0 failed"), text)
        kill(server.process.processIdentifier, SIGTERM)
        XCTAssertEqual(server.waitExit(), 0, server.stderr)
    }
}

/// POST a JSON body to the server on `port`: the status and the body.
func servePost(_ port: Int, _ path: String, _ body: Data) async throws -> (Int, Data) {
    var req = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    req.httpMethod = "POST"
    req.setValue("application/json", forHTTPHeaderField: "Content-Type")
    req.httpBody = body
    req.timeoutInterval = 60
    let (data, response) = try await URLSession.shared.data(for: req)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
}

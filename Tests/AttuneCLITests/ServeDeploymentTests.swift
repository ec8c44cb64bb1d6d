import AttuneTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// The built `attune serve` as it is deployed: schemathesis against its own `/openapi.json`, two
/// replicas behind nginx, and twice the rate it sustains. Each needs a tool from outside Swift
/// (the schemathesis venv scripts/schema-venv.sh makes, Debian's nginx, python3); without it a
/// developer machine skips with the reason and CI (`CI=true`) fails.
final class ServeDeploymentTests: XCTestCase {
    typealias ServeProcess = ServeCLITests.ServeProcess

    /// What schemathesis checks: no 5xx; every status, content type, header and body as the
    /// document says; schema-invalid requests refused; another method on a route's path 405.
    /// (Not `positive_data_acceptance`: limits JSON Schema cannot state, such as
    /// `--max-input-tokens`, refuse some requests the document's schemas allow.)
    static let schemathesisChecks = ["not_a_server_error", "status_code_conformance", "content_type_conformance",
                                     "response_headers_conformance", "response_schema_conformance",
                                     "negative_data_rejection", "unsupported_method"]

    /// schemathesis (coverage and fuzzing phases, a few examples per operation, at most 40 s)
    /// against `GET /openapi.json` of a server with a reranker, with scripts/schemathesis-hooks.py
    /// naming the served model in generated OpenAI requests and scripts/schemathesis.toml
    /// counting 413 (over a stated limit) as a refusal.
    func testSchemathesisFindsNoServerErrorAndNoSpecViolation() throws {
        let st = try venvTool("scripts/schema-venv.sh", "st")
        try Fixtures.require(FileManager.default.isExecutableFile(atPath: st), "no schemathesis at \(st) (run scripts/schema-venv.sh)")
        let model = try Fixtures.model()
        let dir = try tempDir("attune-schemathesis")
        defer { try? FileManager.default.removeItem(at: dir) }
        let ce = dir.appendingPathComponent("ce-minilm").path
        let (status, err) = try run(try AttuneBinary.url().path, ["rerank", "init", "--model", model.path, "--output", ce, "--max-length", "32"])
        XCTAssertEqual(status, 0, err)
        // Small limits keep a debug build's encoder quick on whatever schemathesis generates.
        let server = try ServeProcess(["--model", model.path, "--port", "0", "--reranker", ce,
                                       "--max-input-tokens", "64", "--max-client-batch-size", "8"])
        let port = try XCTUnwrap(server.waitListening(), server.stderr)
        let config = Fixtures.packageRoot.appendingPathComponent("scripts/schemathesis.toml").path
        let (code, out) = try run(st, ["--config-file", config, "run", "http://127.0.0.1:\(port)/openapi.json",
                                       "--checks", ServeDeploymentTests.schemathesisChecks.joined(separator: ","),
                                       "--phases", "examples,coverage,fuzzing", "--max-examples", "6", "--seed", "1",
                                       "--workers", "1", "--request-timeout", "30", "--max-time", "40", "--no-shrink"],
                                  environment: ["SCHEMATHESIS_TELEMETRY": "false", "NO_COLOR": "1",
                                                "SCHEMATHESIS_HOOKS": Fixtures.packageRoot.appendingPathComponent("scripts/schemathesis-hooks.py").path,
                                                "ATTUNE_SCHEMATHESIS_MODEL": "all-MiniLM-L6-v2"], cwd: dir)
        print(out)
        XCTAssertEqual(code, 0, out)
        XCTAssertFalse(out.contains("FAILURES"), out)
        XCTAssertTrue(server.process.isRunning, server.stderr)
        kill(server.process.processIdentifier, SIGTERM)
        XCTAssertEqual(server.waitExit(), 0, server.stderr)
    }

    /// Two replicas on loopback ports and nginx in front (round-robin): the same input gives the
    /// same embedding from each replica and through nginx, and nginx sent requests to both.
    func testTwoReplicasBehindNginxAnswerAlike() async throws {
        let nginx = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"]
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? which("nginx")
        try Fixtures.require(nginx != nil, "no nginx (apt-get install nginx; scripts/setup.sh installs it)")
        let model = try Fixtures.model()
        let a = try ServeProcess(["--model", model.path, "--port", "0"])
        let b = try ServeProcess(["--model", model.path, "--port", "0"])
        let portA = try XCTUnwrap(a.waitListening(), a.stderr), portB = try XCTUnwrap(b.waitListening(), b.stderr)

        let dir = try tempDir("attune-nginx")
        defer { try? FileManager.default.removeItem(at: dir) }
        let front = try freeLoopbackPort()
        let conf = """
        worker_processes 1;
        daemon off;
        pid \(dir.path)/nginx.pid;
        error_log \(dir.path)/error.log warn;
        events { worker_connections 64; }
        http {
          access_log off;
          client_body_temp_path \(dir.path)/body; proxy_temp_path \(dir.path)/proxy;
          fastcgi_temp_path \(dir.path)/fastcgi; uwsgi_temp_path \(dir.path)/uwsgi; scgi_temp_path \(dir.path)/scgi;
          upstream attune { server 127.0.0.1:\(portA); server 127.0.0.1:\(portB); }
          server {
            listen 127.0.0.1:\(front);
            location / { proxy_pass http://attune; proxy_http_version 1.1; proxy_set_header Connection ""; client_max_body_size 2m; }
          }
        }
        """
        let confURL = dir.appendingPathComponent("nginx.conf")
        try conf.write(to: confURL, atomically: true, encoding: .utf8)
        let proxy = Process()
        proxy.executableURL = URL(fileURLWithPath: nginx!)
        proxy.arguments = ["-p", dir.path, "-e", dir.appendingPathComponent("error.log").path, "-c", confURL.path]
        proxy.standardOutput = FileHandle.nullDevice
        proxy.standardError = FileHandle.nullDevice
        try proxy.run()
        defer { if proxy.isRunning { kill(proxy.processIdentifier, SIGTERM); proxy.waitUntilExit() } }
        var up = false
        for _ in 0..<200 where !up {
            if !proxy.isRunning { break }
            up = (try? await serveGet(front, "/health"))?.0 == 200
            if !up { try await Task.sleep(for: .milliseconds(25)) }
        }
        let log = String(decoding: FileManager.default.contents(atPath: dir.appendingPathComponent("error.log").path) ?? Data(), as: UTF8.self)
        XCTAssertTrue(up, "nginx did not answer on \(front): \(log)")
        guard up else { return }

        let body = try JSONSerialization.data(withJSONObject: ["model": "all-MiniLM-L6-v2", "input": ["Glaucoma damages the optic nerve.", "What causes anaemia?"]])
        func vectors(_ port: Int) async throws -> [[Double]] {
            let (status, data) = try await servePost(port, "/v1/embeddings", body)
            XCTAssertEqual(status, 200, String(decoding: data, as: UTF8.self))
            let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            return try XCTUnwrap((obj["data"] as? [[String: Any]])?.compactMap { $0["embedding"] as? [Double] })
        }
        let fromA = try await vectors(portA), fromB = try await vectors(portB)
        XCTAssertEqual(fromA.count, 2)
        XCTAssertEqual(fromA.first?.count, 384)
        XCTAssertEqual(fromA, fromB, "the two replicas differ")
        for _ in 0..<4 {
            let through = try await vectors(front)
            XCTAssertEqual(through, fromA, "through nginx")
        }
        // Round-robin: each replica answered its own request and two of nginx's.
        for port in [portA, portB] {
            let (_, metrics) = try await serveGet(port, "/metrics")
            let text = String(decoding: metrics, as: UTF8.self)
            XCTAssertTrue(text.contains(#"attune_http_requests_total{endpoint="/v1/embeddings",status="200"} 3"#),
                          "replica on \(port): \(text.split(separator: "\n").filter { $0.contains("requests_total") })")
        }
        for p in [a, b] { kill(p.process.processIdentifier, SIGTERM); XCTAssertEqual(p.waitExit(), 0, p.stderr) }
    }

    /// scripts/overload-serve.py at twice the rate the server sustains, with a small queue and a
    /// short timeout: every answer 200, or 429/503 with Retry-After; the server keeps running and
    /// serves afterwards; its peak RSS stays within 256 MiB of what it was before.
    func testTwiceTheSustainedRateIsRefusedNotFatal() throws {
        let python = which("python3")
        try Fixtures.require(python != nil, "no python3 on PATH")
        let model = try Fixtures.model()
        let server = try ServeProcess(["--model", model.path, "--port", "0", "--max-concurrent-requests", "4", "--request-timeout", "2"])
        let port = try XCTUnwrap(server.waitListening(), server.stderr)
        let (code, out) = try run(python!, [Fixtures.packageRoot.appendingPathComponent("scripts/overload-serve.py").path,
                                            "--url", "http://127.0.0.1:\(port)", "--model", "all-MiniLM-L6-v2",
                                            "--pid", String(server.process.processIdentifier),
                                            "--calibrate", "2", "--seconds", "4", "--clients", "2"])
        print(out)
        XCTAssertEqual(code, 0, out)
        let last = try XCTUnwrap(out.split(separator: "\n").last { $0.hasPrefix("{") })
        let r = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        let statuses = try XCTUnwrap(r["statuses"] as? [String: Int])
        XCTAssertGreaterThan(statuses["200"] ?? 0, 0, out)
        XCTAssertGreaterThan((statuses["429"] ?? 0) + (statuses["503"] ?? 0), 0, "twice the sustained rate was never refused: \(out)")
        XCTAssertTrue(server.process.isRunning, server.stderr)
        kill(server.process.processIdentifier, SIGTERM)
        XCTAssertEqual(server.waitExit(), 0, server.stderr)
    }

    // MARK: helpers

    /// What `SCRIPT ARG` prints (a venv script's path for one of its tools).
    func venvTool(_ script: String, _ arg: String) throws -> String {
        let (_, out) = try run("/bin/bash", [Fixtures.packageRoot.appendingPathComponent(script).path, arg], mergeStderr: false)
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An executable on PATH, or nil.
    func which(_ name: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func tempDir(_ prefix: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Run to the end: the exit status and what it printed (stdout, and stderr unless `mergeStderr` is false).
    func run(_ exe: String, _ args: [String], environment: [String: String] = [:], cwd: URL? = nil, mergeStderr: Bool = true) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        if let cwd { p.currentDirectoryURL = cwd }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = mergeStderr ? out : FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    /// A loopback port free at the moment of asking (the kernel's choice for port 0).
    func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw XCTSkip("socket() failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        XCTAssertTrue(bound, "bind 127.0.0.1:0")
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

/// GET a path from the server on `port`: the status and the body.
func serveGet(_ port: Int, _ path: String) async throws -> (Int, Data) {
    var req = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    req.timeoutInterval = 30
    let (data, response) = try await URLSession.shared.data(for: req)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
}

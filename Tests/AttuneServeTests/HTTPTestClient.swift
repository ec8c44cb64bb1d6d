import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A reply from `HTTPTestClient`.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
}

/// A plain HTTP/1.1 client on a loopback socket, so tests can send what no well-behaved client
/// would (invalid UTF-8, a lying Content-Length, half a request). Each call runs on its own
/// thread, never on the concurrency pool the server shares.
enum HTTPTestClient {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func request(port: Int, _ method: String, _ path: String, body: [UInt8]? = nil,
                        headers: [String: String] = [:], timeout: Double = 30) async throws -> HTTPReply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        if let body {
            if headers["Content-Type"] == nil { head += "Content-Type: application/json\r\n" }
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        return try await raw(port: port, Array(head.utf8) + (body ?? []), timeout: timeout)
    }

    static func json(port: Int, _ path: String, _ object: Any, headers: [String: String] = [:]) async throws -> HTTPReply {
        try await request(port: port, "POST", path, body: Array(try JSONSerialization.data(withJSONObject: object)), headers: headers)
    }

    /// Send `bytes`, read to EOF, parse the reply.
    static func raw(port: Int, _ bytes: [UInt8], timeout: Double = 30) async throws -> HTTPReply {
        try await withCheckedThrowingContinuation { c in
            let t = Thread {
                do { c.resume(returning: try parse(exchange(port: port, bytes, timeout: timeout))) } catch { c.resume(throwing: error) }
            }
            t.start()
        }
    }

    /// Open a connection, send `bytes`, and keep the connection for `body` (for slow or vanishing clients).
    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let r = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard r == 0 else { close(fd); throw Failure(description: "connect to 127.0.0.1:\(port) failed (errno \(errno))") }
        return fd
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    private static func exchange(port: Int, _ bytes: [UInt8], timeout: Double) throws -> [UInt8] {
        let fd = try connect(port: port)
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var sendTimeout = timeval(tv_sec: 0, tv_usec: 300_000)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, socklen_t(MemoryLayout<timeval>.size))
        // A server may answer (413) before reading a large body and close: keep what it said.
        _ = send(fd, bytes)
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buf, buf.count, 0)
            if n <= 0 { break }
            out += buf[0..<n]
            if complete(out) { break }
        }
        return out
    }

    /// Whether `bytes` hold a whole reply with a Content-Length (a server may keep the
    /// connection open after answering before it read the whole request).
    private static func complete(_ bytes: [UInt8]) -> Bool {
        guard let r = try? parse(bytes), let n = r.headers["content-length"].flatMap({ Int($0) }) else { return false }
        return r.body.count >= n
    }

    static func parse(_ bytes: [UInt8]) throws -> HTTPReply {
        let sep: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<($0 + 4)]) == sep }) else {
            throw Failure(description: "no HTTP reply (\(bytes.count) bytes)")
        }
        let lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for l in lines.dropFirst() {
            guard let colon = l.firstIndex(of: ":") else { continue }
            headers[l[..<colon].lowercased()] = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var out: [UInt8] = [], i = 0
            while i < body.count {
                guard let lineEnd = (i..<(body.count - 1)).first(where: { body[$0] == 13 && body[$0 + 1] == 10 }),
                      let size = Int(String(decoding: body[i..<lineEnd], as: UTF8.self), radix: 16) else { break }
                if size == 0 { break }
                out += body[(lineEnd + 2)..<min(body.count, lineEnd + 2 + size)]
                i = lineEnd + 2 + size + 2
            }
            body = out
        }
        return HTTPReply(status: status, headers: headers, body: body)
    }
}

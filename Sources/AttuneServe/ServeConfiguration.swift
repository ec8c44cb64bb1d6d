import AttuneData
import Foundation

/// What `attune serve` listens on and the bounds it puts on each request. Every bound is checked
/// before the model runs; a request over one is answered 413 or 422 with a message naming it.
public struct ServeConfiguration: Sendable {
    /// The address to bind: loopback unless said otherwise. A non-loopback address needs `apiKey`.
    public var host: String = "127.0.0.1"
    /// The TCP port (0: any free port, reported by `AttuneServer.run(onListening:)`).
    public var port: Int = 8080
    /// Tokens in one encoder batch, summed over its texts (at least one text per batch).
    public var maxBatchTokens: Int = 16384
    /// Inputs in one request (`/rerank`: texts).
    public var maxClientBatchSize: Int = 2048
    /// Tokens per input, [CLS] and [SEP] included, before the model's own window truncates it
    /// (longer: 413 unless a TEI client asked for `truncate`). For `/rerank`, tokens per (query,
    /// text) pair when below the reranker's length (longer: 422 unless `truncate`).
    public var maxInputTokens: Int = 8192
    /// Requests queued or running at once; more are answered 429 with `Retry-After`.
    public var maxConcurrentRequests: Int = 512
    /// Bytes in one request body.
    public var maxBodyBytes: Int = 2 * 1024 * 1024
    /// Seconds a request may wait for its embeddings before it is answered 503.
    public var requestTimeout: Double = 60
    /// Seconds an idle or stalled connection is kept open.
    public var idleTimeout: Double = 30
    /// The bearer token every request but `GET /health` must carry (nil: none needed; loopback only).
    public var apiKey: String?

    public init() {}

    /// Whether `host` names only this machine (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        if h == "localhost" || h == "::1" || h == "[::1]" { return true }
        let parts = h.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Check the bounds and the key rule: a `SettingError` naming the setting (`port`,
    /// `max_batch_tokens`, `host`, …) for the first that fails.
    public func validate() throws {
        func atLeast(_ v: Int, _ min: Int, _ setting: String) throws {
            if v < min { throw SettingError(setting: setting, value: "\(v)", what: "must be at least \(min)") }
        }
        guard (0...65535).contains(port) else { throw SettingError(setting: "port", value: "\(port)", what: "must be between 0 and 65535") }
        try atLeast(maxBatchTokens, 2, "max_batch_tokens")
        try atLeast(maxClientBatchSize, 1, "max_client_batch_size")
        try atLeast(maxInputTokens, 2, "max_input_tokens")
        try atLeast(maxConcurrentRequests, 1, "max_concurrent_requests")
        try atLeast(maxBodyBytes, 1024, "max_body_bytes")
        if !(requestTimeout > 0) { throw SettingError(setting: "request_timeout", value: "\(requestTimeout)", what: "must be above 0 seconds") }
        if apiKey == nil && !ServeConfiguration.isLoopback(host) {
            throw SettingError(setting: "host", value: host, what: "not a loopback address; serving beyond this machine needs an API key (`api_key_file` or ATTUNE_API_KEY)")
        }
        if let apiKey, apiKey.isEmpty { throw AttuneError.invalid("apiKey is empty: give a key, or nil to serve on loopback only") }
    }

    /// The API key: the first line of `file` (surrounding whitespace dropped) when given, else
    /// `ATTUNE_API_KEY` from `environment`, else nil. The key itself is never part of a message.
    public static func loadAPIKey(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw SettingError(setting: "api_key_file", value: file, what: "cannot be read")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw AttuneError.invalidFile(path: file, what: "the API key file is not UTF-8 text")
            }
            let key = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !key.isEmpty else { throw AttuneError.invalidFile(path: file, what: "the API key file is empty") }
            return key
        }
        if let env = environment["ATTUNE_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines), !env.isEmpty { return env }
        return nil
    }
}

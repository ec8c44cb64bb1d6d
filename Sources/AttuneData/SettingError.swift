import Foundation

/// A setting with a value that cannot work, named as the libraries name it: snake_case, as a
/// recipe or a Swift property would say it (`rescore`, `max_batch_tokens`, `api_key_file`).
/// Reads "`setting` `value`: `what`" (`rescore 5: must be at least k (10)`). A program shows it
/// under its own name for each setting with `line(naming:)`: the CLI names its flags
/// (`--rescore 5: …`).
public struct SettingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// One setting and the value it was given.
    public struct Value: Equatable, Sendable {
        public var setting: String
        public var value: String

        public init(setting: String, value: String) { self.setting = setting; self.value = value }
    }

    /// The setting at fault, in snake_case (`max_seq_length`).
    public var setting: String
    /// Its value as the caller gave it.
    public var value: String
    /// Other settings whose values make it fail together with it, shown after it
    /// (`host ::1 port 80: cannot listen there`); usually none.
    public var together: [Value]
    /// Why the value cannot work. Another setting it mentions is written in backquotes
    /// (`` `api_key_file` ``), so that `line(naming:)` names it too.
    public var what: String

    public init(setting: String, value: String, together: [Value] = [], what: String) {
        self.setting = setting; self.value = value; self.together = together; self.what = what
    }

    /// The line with `name(s)` for each setting `s`, the first and any `together` or mentioned in
    /// backquotes in `what`.
    public func line(naming name: (String) -> String) -> String {
        let values = ([Value(setting: setting, value: value)] + together).map { "\(name($0.setting)) \($0.value)" }
        return "\(values.joined(separator: " ")): \(SettingError.naming(what, name))"
    }

    public var description: String { line(naming: { $0 }) }

    /// `text` with each backquoted setting name (`` `api_key_file` ``, a known setting) replaced
    /// by `name(setting)`; other backquoted text stays as it is.
    static func naming(_ text: String, _ name: (String) -> String) -> String {
        let parts = text.components(separatedBy: "`")
        return parts.indices.map { i in
            let p = parts[i]
            if i % 2 == 0 { return p }
            if i == parts.count - 1 { return "`" + p }  // an unpaired backquote stays
            let shown = SettingError.knownSettings.contains(p) ? name(p) : p
            return shown == p ? "`\(p)`" : shown
        }.joined()
    }

    /// Every setting name Attune's libraries throw a `SettingError` for; a program that maps the
    /// names to its own (the CLI to flags) can check it covers them all.
    public static let knownSettings: [String] = [
        // AttuneSearch
        "rescore", "shard", "ann", "rerank_top", "rerank_weight", "k",
        // AttuneModel
        "num_labels", "max_length", "dim",
        // AttuneEval
        "model", "names", "max_seq_length", "set",
        // AttuneServe
        "host", "port", "max_batch_tokens", "max_client_batch_size", "max_input_tokens",
        "max_concurrent_requests", "max_body_bytes", "request_timeout", "api_key_file",
    ]
}

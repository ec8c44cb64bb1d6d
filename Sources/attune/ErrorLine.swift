import AttuneCore
import AttuneData
import AttuneSearch
import Foundation

/// One readable line for an error a command throws: an `AttuneError` as it describes itself, a
/// library's `SettingError` or `SearchRequest.Unsupported` with each setting named by its flag
/// (`settingFlags`), a Foundation file error as `path: reason`, a `DecodingError` naming the
/// field path, anything else (Yams, …) with its description's lines joined.
func errorLine(_ error: Error) -> String {
    switch error {
    case let e as AttuneError:
        return e.description
    case let e as SettingError:
        return e.line(naming: flag(forSetting:))
    case let e as SearchRequest.Unsupported:
        return e.line(naming: flag(for: e.setting))
    case let e as DecodingError:
        return decodingLine(e)
    default:
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain {
            let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
            let reason = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { u in
                u.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(u.code))) : nil
            } ?? ns.localizedDescription
            return path.map { "\($0): \(reason)" } ?? reason
        }
        return oneLine("\(error)")
    }
}

/// The flag for each setting a library names in its errors (`SettingError.knownSettings`, and
/// `SearchRequest.Setting`): the one place the CLI's names for settings are kept.
let settingFlags: [String: String] = [
    // AttuneSearch: SettingError, and SearchRequest.Setting (approximate, scan, filter, rescore)
    "rescore": "--rescore", "shard": "--shard", "ann": "--ann", "rerank_weight": "--rerank-weight", "k": "-k",
    "approximate": "--ann", "scan": "--vectors", "filter": "--filter",
    // AttuneModel
    "num_labels": "--num-labels", "max_length": "--max-length", "dim": "--dim",
    // AttuneEval
    "model": "--model", "max_seq_length": "--max-seq-length", "set": "--set",
    "rerank_top": "--rerank-top",
    // AttuneServe
    "host": "--host", "port": "--port", "max_batch_tokens": "--max-batch-tokens",
    "max_client_batch_size": "--max-client-batch-size", "max_input_tokens": "--max-input-tokens",
    "max_concurrent_requests": "--max-concurrent-requests", "max_body_bytes": "--max-body-bytes",
    "request_timeout": "--request-timeout", "api_key_file": "--api-key-file",
]

/// The flag that sets a library's setting: from `settingFlags`, else the name in flag form
/// (`max_seq_length` → `--max-seq-length`).
func flag(forSetting setting: String) -> String {
    settingFlags[setting] ?? "--" + setting.replacingOccurrences(of: "_", with: "-")
}

/// The flag that sets a search request's setting.
func flag(for setting: SearchRequest.Setting) -> String { flag(forSetting: setting.rawValue) }

/// `a.b[2]: what` for a decoding error.
private func decodingLine(_ e: DecodingError) -> String {
    func path(_ keys: [CodingKey]) -> String {
        let p = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return p.hasPrefix(".") ? String(p.dropFirst()) : (p.isEmpty ? "(top level)" : p)
    }
    switch e {
    case .typeMismatch(let type, let c):
        return "\(path(c.codingPath)): expected \(type): \(oneLine(c.debugDescription))"
    case .valueNotFound(let type, let c):
        return "\(path(c.codingPath)): missing \(type) value"
    case .keyNotFound(let key, let c):
        return "\(path(c.codingPath + [key])): required key is missing"
    case .dataCorrupted(let c):
        return "\(path(c.codingPath)): \(oneLine(c.debugDescription))"
    @unknown default:
        return oneLine("\(e)")
    }
}

/// `text` with its lines trimmed and joined by spaces.
private func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }.joined(separator: " ")
}

import AttuneCore
import AttuneData
import AttuneSearch
import Foundation

/// One readable line for an error a command throws: an `AttuneError` as it describes itself, a
/// Foundation file error as `path: reason`, a `DecodingError` naming the field path, anything
/// else (Yams, …) with its description's lines joined.
func errorLine(_ error: Error) -> String {
    switch error {
    case let e as AttuneError:
        return e.description
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

/// The flag that sets a search request's setting.
func flag(for setting: SearchRequest.Setting) -> String {
    switch setting {
    case .filter: return "--filter"
    case .approximate: return "--ann"
    case .scan: return "--vectors"
    case .rescore: return "--rescore"
    }
}

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

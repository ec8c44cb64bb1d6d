import Foundation

/// Every error Attune reports to a user: one line, naming the file, line or field at fault.
public enum AttuneError: Error, CustomStringConvertible, Equatable {
    /// A file is missing or unreadable.
    case fileNotFound(path: String)
    /// A file exists but its content is wrong: `what` says how (and where, e.g. "line 12").
    case invalidFile(path: String, what: String)
    /// A line of a text data file is malformed.
    case badLine(path: String, line: Int, what: String)
    /// A configuration key or value is wrong.
    case badConfig(source: String, field: String, what: String)
    /// Anything else a user can fix, in their words.
    case invalid(String)

    public var description: String {
        switch self {
        case .fileNotFound(let p): return "\(p): no such file or folder"
        case .invalidFile(let p, let w): return "\(p): \(w)"
        case .badLine(let p, let l, let w): return "\(p):\(l): \(w)"
        case .badConfig(let s, let f, let w): return "\(s): \(f): \(w)"
        case .invalid(let m): return m
        }
    }
}

extension AttuneError: LocalizedError {
    public var errorDescription: String? { description }
}

/// Write `data` to `url` whole or not at all: a temp file beside it, then rename.
public func atomicWrite(_ data: Data, to url: URL) throws {
    let dir = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    do {
        try data.write(to: tmp)
        if rename(tmp.path, url.path) != 0 {
            throw AttuneError.invalidFile(path: url.path, what: "could not move the new file into place (\(String(cString: strerror(errno))))")
        }
    } catch {
        try? FileManager.default.removeItem(at: tmp)
        throw error
    }
}

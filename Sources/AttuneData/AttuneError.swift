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

/// Why a line of a JSON Lines file or a record of a CSV/TSV file is malformed; `what` is one line
/// for the user ("bad JSON at column 12: …"), to which the reader adds the file and line.
public struct LineFormatError: Error, Equatable, Sendable {
    public let what: String
    public init(what: String) { self.what = what }
}

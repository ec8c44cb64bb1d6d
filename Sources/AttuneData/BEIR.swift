import Foundation

/// One corpus document of a BEIR data set.
public struct Document: Sendable, Equatable {
    public var id: String
    /// The title, "" when the data set has none.
    public var title: String
    public var text: String
    /// BEIR's optional `metadata` object: its string, number and boolean values as text (others
    /// are left out); a PostgreSQL index stores it and can filter on it.
    public var metadata: [String: String]

    public init(id: String, title: String = "", text: String, metadata: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.text = text
        self.metadata = metadata
    }

    /// What an embedder reads for this document: its text alone, as the PyTorch reference
    /// (`st_reference.py`) encodes it, so scores are comparable with the yardstick.
    public var embeddingText: String { text }
}

/// One query of a BEIR data set.
public struct Query: Sendable, Equatable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

/// Read a BEIR `corpus.jsonl`: one `{"_id", "title"?, "text"}` object per line. `_id` may be a
/// string or a number (some BEIR sets use numbers; they are kept as written). Blank lines are
/// ignored. Errors name the file and line; duplicate ids are refused, naming the first few.
public func readCorpus(_ url: URL) throws -> [Document] {
    let rows = try readBEIRRows(url, kind: "documents")
    return rows.map { Document(id: $0.id, title: $0.title ?? "", text: $0.text, metadata: $0.metadata) }
}

/// Read a BEIR queries file: one `{"_id", "text"}` object per line (other fields are ignored),
/// with the same rules as `readCorpus`.
public func readQueries(_ url: URL) throws -> [Query] {
    let rows = try readBEIRRows(url, kind: "queries")
    return rows.map { Query(id: $0.id, text: $0.text) }
}

/// The fields Attune reads from one BEIR line, or why they are unusable.
private struct BEIRRow {
    var id: String
    var title: String?
    var text: String
    var metadata: [String: String]

    init(_ members: [JSONMember]) throws(BEIRFieldError) {
        switch members["_id"] {
        case .string(let s)?: id = s
        case .number(let n)?:
            guard let s = JSONValue.number(n).scalarText else { throw BEIRFieldError(what: "field \"_id\" must be a string or a number") }
            id = s
        case nil, .null?: throw BEIRFieldError(what: "missing field \"_id\"")
        default: throw BEIRFieldError(what: "field \"_id\" must be a string or a number")
        }
        switch members["text"] {
        case .string(let s)?: text = s
        case nil, .null?: throw BEIRFieldError(what: "missing field \"text\"")
        default: throw BEIRFieldError(what: "field \"text\" must be a string")
        }
        switch members["title"] {
        case .string(let s)?: title = s
        case nil, .null?: title = nil
        default: throw BEIRFieldError(what: "field \"title\" must be a string")
        }
        // Optional and lenient: a metadata field that is not an object is ignored; so are values
        // that are not strings, numbers or booleans.
        metadata = [:]
        if case .object(let object)? = members["metadata"] {
            for m in object { if let t = m.value.scalarText { metadata[m.key] = t } }
        }
    }
}

/// A field-level problem found in one line.
private struct BEIRFieldError: Error { var what: String }

/// Every row of a BEIR JSONL file, reporting the first bad line and all duplicate ids.
private func readBEIRRows(_ url: URL, kind: String) throws -> [BEIRRow] {
    let path = url.path
    var rows: [BEIRRow] = []
    var firstLine: [String: Int] = [:]
    var duplicates: [(id: String, first: Int, again: Int)] = []
    var duplicateCount = 0
    try JSONLines.forEach(in: url) { lineNo, members in
        let row: BEIRRow
        do throws(BEIRFieldError) { row = try BEIRRow(members) } catch {
            throw AttuneError.badLine(path: path, line: lineNo, what: error.what)
        }
        if let first = firstLine[row.id] {
            duplicateCount += 1
            if duplicates.count < 3 { duplicates.append((row.id, first, lineNo)) }
            return
        }
        firstLine[row.id] = lineNo
        rows.append(row)
    }
    if duplicateCount > 0 {
        let named = duplicates.map { "\"\($0.id)\" (lines \($0.first) and \($0.again))" }.joined(separator: ", ")
        let more = duplicateCount > duplicates.count ? " and \(duplicateCount - duplicates.count) more" : ""
        throw AttuneError.invalidFile(path: path, what: "duplicate ids: \(named)\(more)")
    }
    if rows.isEmpty { throw AttuneError.invalidFile(path: path, what: "contains no \(kind)") }
    return rows
}

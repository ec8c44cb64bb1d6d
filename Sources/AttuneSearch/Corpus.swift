import AttuneCore
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
    let rows = try readJSONLines(url, kind: "documents")
    return rows.map { Document(id: $0.id, title: $0.title ?? "", text: $0.text, metadata: $0.metadata) }
}

/// Read a BEIR queries file: one `{"_id", "text"}` object per line (other fields are ignored),
/// with the same rules as `readCorpus`.
public func readQueries(_ url: URL) throws -> [Query] {
    let rows = try readJSONLines(url, kind: "queries")
    return rows.map { Query(id: $0.id, text: $0.text) }
}

/// The fields Attune reads from one BEIR JSON line.
private struct BEIRRow: Decodable {
    var id: String
    var title: String?
    var text: String
    var metadata: [String: String] = [:]

    private enum Keys: String, CodingKey { case id = "_id", title, text, metadata }

    /// One metadata value: a string, number or boolean as text; nil for anything else (lists,
    /// objects, null), which is left out.
    private struct Scalar: Decodable {
        var text: String?
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { text = s }
            else if let b = try? c.decode(Bool.self) { text = b ? "true" : "false" }
            else if let i = try? c.decode(Int64.self) { text = String(i) }
            else if let d = try? c.decode(Double.self) { text = String(d) }
            else { text = nil }
        }
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let s = try? c.decode(String.self, forKey: .id) {
            id = s
        } else if let i = try? c.decode(Int64.self, forKey: .id) {
            id = String(i)
        } else if let d = try? c.decode(Double.self, forKey: .id), d.isFinite {
            id = d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        } else if c.contains(.id), try c.decodeNil(forKey: .id) == false {
            throw BEIRFieldError(what: "field \"_id\" must be a string or a number")
        } else {
            throw BEIRFieldError(what: "missing field \"_id\"")
        }
        guard c.contains(.text), try c.decodeNil(forKey: .text) == false else {
            throw BEIRFieldError(what: "missing field \"text\"")
        }
        guard let t = try? c.decode(String.self, forKey: .text) else {
            throw BEIRFieldError(what: "field \"text\" must be a string")
        }
        text = t
        if c.contains(.title), try c.decodeNil(forKey: .title) == false {
            guard let t = try? c.decode(String.self, forKey: .title) else {
                throw BEIRFieldError(what: "field \"title\" must be a string")
            }
            title = t
        } else {
            title = nil
        }
        // Optional and lenient: a metadata field that is not an object is ignored, as before.
        if let object = try? c.decode([String: Scalar].self, forKey: .metadata) {
            metadata = object.compactMapValues(\.text)
        }
    }
}

/// A field-level problem found while decoding one line.
private struct BEIRFieldError: Error { var what: String }

/// Parse every non-blank line of a JSONL file, reporting the first bad line and all duplicates.
private func readJSONLines(_ url: URL, kind: String) throws -> [BEIRRow] {
    let path = url.path
    guard FileManager.default.fileExists(atPath: path) else { throw AttuneError.fileNotFound(path: path) }
    let data: Data
    do { data = try Data(contentsOf: url, options: .mappedIfSafe) } catch {
        throw AttuneError.invalidFile(path: path, what: "cannot read: \(error.localizedDescription)")
    }
    let decoder = JSONDecoder()
    var rows: [BEIRRow] = []
    var firstLine: [String: Int] = [:]
    var duplicates: [(id: String, first: Int, again: Int)] = []
    var duplicateCount = 0
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        let bytes = raw.bindMemory(to: UInt8.self)
        var start = 0, lineNo = 0
        // Skip a UTF-8 byte order mark.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        while start < bytes.count {
            lineNo += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let next = end + 1
            // Trim trailing \r and surrounding blanks; skip empty lines.
            var s = start, e = end
            while s < e && (bytes[s] == 0x20 || bytes[s] == 0x09 || bytes[s] == 0x0D) { s += 1 }
            while e > s && (bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0D) { e -= 1 }
            start = next
            if s == e { continue }
            let line = Data(UnsafeRawBufferPointer(rebasing: raw[s..<e]))
            let row: BEIRRow
            do {
                row = try decoder.decode(BEIRRow.self, from: line)
            } catch let fieldError as BEIRFieldError {
                throw AttuneError.badLine(path: path, line: lineNo, what: fieldError.what)
            } catch DecodingError.typeMismatch {
                throw AttuneError.badLine(path: path, line: lineNo, what: "expected a JSON object")
            } catch {
                throw AttuneError.badLine(path: path, line: lineNo, what: "not valid JSON")
            }
            if let first = firstLine[row.id] {
                duplicateCount += 1
                if duplicates.count < 3 { duplicates.append((row.id, first, lineNo)) }
                continue
            }
            firstLine[row.id] = lineNo
            rows.append(row)
        }
    }
    if duplicateCount > 0 {
        let named = duplicates.map { "\"\($0.id)\" (lines \($0.first) and \($0.again))" }.joined(separator: ", ")
        let more = duplicateCount > duplicates.count ? " and \(duplicateCount - duplicates.count) more" : ""
        throw AttuneError.invalidFile(path: path, what: "duplicate ids: \(named)\(more)")
    }
    if rows.isEmpty { throw AttuneError.invalidFile(path: path, what: "contains no \(kind)") }
    return rows
}

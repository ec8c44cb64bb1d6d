import Foundation

// Records of CSV (RFC 4180) and TSV text. A field that starts with a double quote is quoted:
// it runs to the next lone quote, a doubled quote stands for one quote, and it may hold
// delimiters and newlines. Records end at LF or CRLF. Blank lines are skipped. Fields are
// checked to be valid UTF-8.

/// One record: the physical line it starts on, and its fields or why it is malformed.
public struct DelimitedRecord: Sendable {
    public let line: Int
    public let fields: Result<[String], LineFormatError>
}

/// Walks the records of a buffer one at a time.
public struct DelimitedRecords {
    private let p: UnsafePointer<UInt8>
    private let end: Int
    private let delimiter: UInt8
    private var i = 0
    private var line = 1

    /// `bytes` must outlive the walker.
    public init(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        p = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = bytes.count
        self.delimiter = delimiter
        // Skip a UTF-8 byte-order mark.
        if end >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
    }

    /// The next non-blank record, or nil at the end.
    public mutating func next() -> DelimitedRecord? {
        while i < end {
            // Blank line (LF or CRLF): skip.
            if p[i] == 0x0A { i += 1; line += 1; continue }
            if p[i] == 0x0D, i + 1 < end, p[i + 1] == 0x0A { i += 2; line += 1; continue }
            let start = line
            do {
                return DelimitedRecord(line: start, fields: .success(try record()))
            } catch {
                skipToLineEnd()
                return DelimitedRecord(line: start, fields: .failure(error))
            }
        }
        return nil
    }

    /// Reads fields up to and including the end of the record.
    private mutating func record() throws(LineFormatError) -> [String] {
        var fields: [String] = []
        while true {
            fields.append(try field())
            if i >= end { return fields }
            let c = p[i]
            if c == delimiter { i += 1; continue }
            if c == 0x0A { i += 1; line += 1; return fields }
            if c == 0x0D, i + 1 < end, p[i + 1] == 0x0A { i += 2; line += 1; return fields }
            // A field's reader stops only at a delimiter or a line end.
            throw LineFormatError(what: "unexpected character after a field")
        }
    }

    private mutating func field() throws(LineFormatError) -> String {
        if i < end, p[i] == UInt8(ascii: "\"") {
            i += 1
            var buf: [UInt8] = []
            while true {
                guard i < end else { throw LineFormatError(what: "quoted field is never closed (a missing '\"')") }
                let c = p[i]
                if c == UInt8(ascii: "\"") {
                    if i + 1 < end, p[i + 1] == UInt8(ascii: "\"") { buf.append(c); i += 2; continue }
                    i += 1
                    break
                }
                if c == 0x0A { line += 1 }
                buf.append(c)
                i += 1
            }
            if i < end, p[i] != delimiter, p[i] != 0x0A, !(p[i] == 0x0D && i + 1 < end && p[i + 1] == 0x0A) {
                throw LineFormatError(what: "text after the closing quote of a quoted field (quotes inside a field must be doubled)")
            }
            return try buf.withUnsafeBufferPointer { (b) throws(LineFormatError) in try utf8(b) }
        }
        let start = i
        while i < end {
            let c = p[i]
            if c == delimiter || c == 0x0A || (c == 0x0D && i + 1 < end && p[i + 1] == 0x0A) { break }
            i += 1
        }
        return try utf8(UnsafeBufferPointer(start: p + start, count: i - start))
    }

    private func utf8(_ bytes: UnsafeBufferPointer<UInt8>) throws(LineFormatError) -> String {
        if bytes.isEmpty { return "" }
        guard let s = String(validating: bytes, as: UTF8.self) else { throw LineFormatError(what: "invalid UTF-8") }
        return s
    }

    /// After an error, resume at the next physical line.
    private mutating func skipToLineEnd() {
        while i < end, p[i] != 0x0A { i += 1 }
        if i < end { i += 1; line += 1 }
    }
}

/// A CSV or TSV table: a header row naming the columns, then records with as many fields.
public struct DelimitedTable {
    /// The file, for messages.
    public let path: String
    /// The column names, in order.
    public let columns: [String]
    /// The line the header is on.
    public let headerLine: Int
    private var records: DelimitedRecords

    /// Reads the header of `bytes` (which must outlive the table); nil when there is no row at all.
    /// - Throws: `AttuneError.badLine` naming `path` and the line when the header is malformed.
    public init?(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, path: String) throws {
        var records = DelimitedRecords(bytes, delimiter: delimiter)
        guard let header = records.next() else { return nil }
        switch header.fields {
        case .success(let f): columns = f
        case .failure(let e): throw AttuneError.badLine(path: path, line: header.line, what: "header: \(e.what)")
        }
        self.path = path
        self.records = records
        headerLine = header.line
    }

    /// The index of the column `name`.
    /// - Throws: `AttuneError.badLine` on the header line, listing the columns there are.
    public func column(_ name: String) throws -> Int {
        guard let c = columns.firstIndex(of: name) else {
            throw AttuneError.badLine(path: path, line: headerLine,
                                      what: "header has no column \"\(name)\" (columns: \(columns.joined(separator: ", ")))")
        }
        return c
    }

    /// The next record, or nil at the end; a record with another number of fields than the header
    /// is a failure naming both counts.
    public mutating func next() -> DelimitedRecord? {
        guard let r = records.next() else { return nil }
        if case .success(let f) = r.fields, f.count != columns.count {
            return DelimitedRecord(line: r.line, fields: .failure(LineFormatError(what: "\(f.count) columns, the header has \(columns.count)")))
        }
        return r
    }
}

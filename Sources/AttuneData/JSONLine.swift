import Foundation

// The one JSON Lines reader: a small, fast parser for one line holding a JSON object, and a walker
// over the lines of a file. The parser keeps an object's keys in file order (JSONSerialization
// does not), decodes strings (checked to be valid UTF-8) and keeps numbers as written.

/// A JSON value as read from a line.
public enum JSONValue: Equatable, Sendable {
    case string(String)
    /// A number, exactly as written (checked to be a number).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([JSONMember])

    /// The value's type for messages: "a string", "a number", "a boolean", "null", "an array", "an object".
    public var typeName: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// A string, number or boolean as text (a whole number without a fraction, `true`/`false`);
    /// nil for null, arrays and objects.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if let i = Int64(n) { return String(i) }
            guard let d = Double(n), d.isFinite else { return nil }
            return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .null, .array, .object: return nil
        }
    }
}

/// One key and value of a JSON object.
public struct JSONMember: Equatable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) { self.key = key; self.value = value }
}

extension Array where Element == JSONMember {
    /// The value of `key` (the last one, when a key is repeated), or nil.
    public subscript(key: String) -> JSONValue? {
        last(where: { $0.key == key })?.value
    }
}

/// Parses one line (no newline) as a JSON object.
public struct JSONLineParser {
    private let p: UnsafePointer<UInt8>
    private let end: Int
    private var i = 0
    private static let maxDepth = 64

    private init(_ p: UnsafePointer<UInt8>, _ end: Int) { self.p = p; self.end = end }

    /// The object's members in file order.
    public static func parseObject(_ bytes: UnsafeBufferPointer<UInt8>) throws(LineFormatError) -> [JSONMember] {
        guard let base = bytes.baseAddress, bytes.count > 0 else { throw LineFormatError(what: "empty line is not a JSON object") }
        var parser = JSONLineParser(base, bytes.count)
        parser.skipSpace()
        guard parser.peek() == UInt8(ascii: "{") else {
            throw LineFormatError(what: "bad JSON: expected an object starting with '{'")
        }
        let members = try parser.object(depth: 0)
        parser.skipSpace()
        if parser.i != parser.end { throw parser.fail("unexpected text after the object") }
        return members
    }

    // MARK: structure

    private mutating func object(depth: Int) throws(LineFormatError) -> [JSONMember] {
        i += 1 // '{'
        var members: [JSONMember] = []
        skipSpace()
        if peek() == UInt8(ascii: "}") { i += 1; return members }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let key = try string()
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after key \"\(key)\"") }
            i += 1
            members.append(JSONMember(key: key, value: try value(depth: depth + 1)))
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return members
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    private mutating func value(depth: Int) throws(LineFormatError) -> JSONValue {
        if depth > JSONLineParser.maxDepth { throw fail("nesting too deep") }
        skipSpace()
        guard i < end else { throw fail("unexpected end of line") }
        switch p[i] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "{"): return .object(try object(depth: depth))
        case UInt8(ascii: "["):
            i += 1; skipSpace()
            var items: [JSONValue] = []
            if peek() == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1)); skipSpace()
                if peek() == UInt8(ascii: ",") { i += 1; continue }
                if peek() == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw fail("unexpected character '\(Character(Unicode.Scalar(p[i])))'")
        }
    }

    private mutating func number() throws(LineFormatError) -> String {
        let start = i
        if peek() == UInt8(ascii: "-") { i += 1 }
        var digits = 0
        while i < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p[i]) || p[i] == UInt8(ascii: ".")
                || p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") || p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
            i += 1; digits += 1
        }
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
        if digits == 0 || Double(text) == nil { i = start; throw fail("bad number") }
        return text
    }

    private mutating func literal(_ word: StaticString) throws(LineFormatError) {
        let n = word.utf8CodeUnitCount
        guard i + n <= end, memcmp(p + i, word.utf8Start, n) == 0 else { throw fail("bad literal (expected \(word))") }
        i += n
    }

    // MARK: strings

    /// A quoted string starting at `i`, with escapes decoded and UTF-8 checked.
    private mutating func string() throws(LineFormatError) -> String {
        i += 1 // opening quote
        let start = i
        // Fast path: no escapes.
        while i < end {
            let c = p[i]
            if c == UInt8(ascii: "\"") {
                let s = try utf8(UnsafeBufferPointer(start: p + start, count: i - start))
                i += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw fail("control character inside a string") }
            i += 1
        }
        var buf = [UInt8](UnsafeBufferPointer(start: p + start, count: i - start))
        while i < end {
            let c = p[i]
            if c == UInt8(ascii: "\"") { i += 1; return try buf.withUnsafeBufferPointer { (b) throws(LineFormatError) in try utf8(b) } }
            if c < 0x20 { throw fail("control character inside a string") }
            if c != UInt8(ascii: "\\") { buf.append(c); i += 1; continue }
            i += 1
            guard i < end else { break }
            let e = p[i]; i += 1
            switch e {
            case UInt8(ascii: "\""): buf.append(0x22)
            case UInt8(ascii: "\\"): buf.append(0x5C)
            case UInt8(ascii: "/"): buf.append(0x2F)
            case UInt8(ascii: "b"): buf.append(0x08)
            case UInt8(ascii: "f"): buf.append(0x0C)
            case UInt8(ascii: "n"): buf.append(0x0A)
            case UInt8(ascii: "r"): buf.append(0x0D)
            case UInt8(ascii: "t"): buf.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 1 < end, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") else {
                        throw fail("lone surrogate in \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw fail("bad surrogate pair in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw fail("lone surrogate in \\u escape")
                }
                buf.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw fail("bad escape '\\\(Character(Unicode.Scalar(e)))'")
            }
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() throws(LineFormatError) -> UInt32 {
        guard i + 4 <= end else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = p[i]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("bad \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }

    private func utf8(_ bytes: UnsafeBufferPointer<UInt8>) throws(LineFormatError) -> String {
        guard let s = String(validating: bytes, as: UTF8.self) else { throw LineFormatError(what: "invalid UTF-8 in a string") }
        return s
    }

    // MARK: helpers

    private func peek() -> UInt8? { i < end ? p[i] : nil }

    private mutating func skipSpace() {
        while i < end, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D || p[i] == 0x0A { i += 1 }
    }

    private func fail(_ what: String) -> LineFormatError {
        LineFormatError(what: "bad JSON at column \(i + 1): \(what)")
    }
}

/// The lines of a JSON Lines file, each parsed as an object. Lines are numbered from 1; a UTF-8
/// byte-order mark, a `\r` before the newline and blank lines are passed over.
public enum JSONLines {
    /// Calls `body` with each non-blank line's number and its members (or why it is not a JSON
    /// object), in file order, until `body` returns false.
    public static func forEach(_ bytes: UnsafeBufferPointer<UInt8>,
                               _ body: (_ line: Int, _ members: Result<[JSONMember], LineFormatError>) throws -> Bool) rethrows {
        guard let base = bytes.baseAddress else { return }
        var start = 0, line = 0
        if bytes.count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { start = 3 }
        while start < bytes.count {
            line += 1
            var stop = start
            while stop < bytes.count, base[stop] != 0x0A { stop += 1 }
            let next = stop + 1
            while stop > start, base[stop - 1] == 0x0D || base[stop - 1] == 0x20 || base[stop - 1] == 0x09 { stop -= 1 }
            var first = start
            while first < stop, base[first] == 0x20 || base[first] == 0x09 { first += 1 }
            start = next
            if first == stop { continue }
            let members = Result { () throws(LineFormatError) in
                try JSONLineParser.parseObject(UnsafeBufferPointer(start: base + first, count: stop - first))
            }
            guard try body(line, members) else { return }
        }
    }

    /// Calls `body` with each object of the file at `url` and its line number, in file order.
    /// - Throws: what `DataFile.bytes` throws, `AttuneError.badLine` naming the file and line for a
    ///   line that is not a JSON object, and whatever `body` throws.
    public static func forEach(in url: URL, _ body: (_ line: Int, _ members: [JSONMember]) throws -> Void) throws {
        let data = try DataFile.bytes(url)
        try data.withUnsafeBytes { raw in
            try forEach(raw.bindMemory(to: UInt8.self)) { line, members in
                switch members {
                case .success(let m): try body(line, m)
                case .failure(let e): throw AttuneError.badLine(path: url.path, line: line, what: e.what)
                }
                return true
            }
        }
    }
}

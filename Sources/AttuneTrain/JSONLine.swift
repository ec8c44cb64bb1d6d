import Foundation

// A small, fast parser for one line of JSON Lines holding a flat object. It keeps the keys in file
// order (JSONSerialization does not), decodes string values, and only notes the type of any
// other value, which it skips structurally. Strings are checked to be valid UTF-8.

/// The value of one key in a JSON Lines object, as far as pair reading cares.
enum JSONField: Equatable {
    case string(String)
    case null
    /// Any other JSON value; the payload names its type for messages ("a number", "an array", …).
    case other(String)
}

/// Why a line is not a JSON object; `what` is one line for the user.
struct JSONLineError: Error {
    let what: String
}

/// Parses `bytes` (one line, no newline) as a JSON object.
struct JSONLineParser {
    private let p: UnsafePointer<UInt8>
    private let end: Int
    private var i = 0

    private init(_ p: UnsafePointer<UInt8>, _ end: Int) { self.p = p; self.end = end }

    /// The object's members in file order.
    static func parseObject(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [(key: String, value: JSONField)] {
        guard let base = bytes.baseAddress, bytes.count > 0 else { throw JSONLineError(what: "empty line is not a JSON object") }
        var parser = JSONLineParser(base, bytes.count)
        parser.skipSpace()
        guard parser.peek() == UInt8(ascii: "{") else {
            throw JSONLineError(what: "bad JSON: expected an object starting with '{'")
        }
        let members = try parser.object()
        parser.skipSpace()
        if parser.i != parser.end { throw parser.fail("unexpected text after the object") }
        return members
    }

    // MARK: structure

    private mutating func object() throws -> [(key: String, value: JSONField)] {
        i += 1 // '{'
        var members: [(key: String, value: JSONField)] = []
        skipSpace()
        if peek() == UInt8(ascii: "}") { i += 1; return members }
        while true {
            skipSpace()
            guard peek() == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
            let key = try string()
            skipSpace()
            guard peek() == UInt8(ascii: ":") else { throw fail("expected ':' after key \"\(key)\"") }
            i += 1
            skipSpace()
            let value: JSONField
            switch peek() {
            case UInt8(ascii: "\""): value = .string(try string())
            case UInt8(ascii: "n"): try literal("null"); value = .null
            default: value = .other(try skipValue(depth: 0))
            }
            members.append((key, value))
            skipSpace()
            switch peek() {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return members
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    /// Skips any JSON value and names its type.
    private mutating func skipValue(depth: Int) throws -> String {
        if depth > 64 { throw fail("nesting too deep") }
        skipSpace()
        guard i < end else { throw fail("unexpected end of line") }
        switch p[i] {
        case UInt8(ascii: "\""): _ = try string(); return "a string"
        case UInt8(ascii: "t"): try literal("true"); return "a boolean"
        case UInt8(ascii: "f"): try literal("false"); return "a boolean"
        case UInt8(ascii: "n"): try literal("null"); return "null"
        case UInt8(ascii: "{"):
            i += 1; skipSpace()
            if peek() == UInt8(ascii: "}") { i += 1; return "an object" }
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                _ = try string(); skipSpace()
                guard peek() == UInt8(ascii: ":") else { throw fail("expected ':'") }
                i += 1
                _ = try skipValue(depth: depth + 1); skipSpace()
                if peek() == UInt8(ascii: ",") { i += 1; continue }
                if peek() == UInt8(ascii: "}") { i += 1; return "an object" }
                throw fail("expected ',' or '}'")
            }
        case UInt8(ascii: "["):
            i += 1; skipSpace()
            if peek() == UInt8(ascii: "]") { i += 1; return "an array" }
            while true {
                _ = try skipValue(depth: depth + 1); skipSpace()
                if peek() == UInt8(ascii: ",") { i += 1; continue }
                if peek() == UInt8(ascii: "]") { i += 1; return "an array" }
                throw fail("expected ',' or ']'")
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number(); return "a number"
        default:
            throw fail("unexpected character '\(Character(Unicode.Scalar(p[i])))'")
        }
    }

    private mutating func number() throws {
        let start = i
        if peek() == UInt8(ascii: "-") { i += 1 }
        var digits = 0
        while i < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p[i]) || p[i] == UInt8(ascii: ".")
                || p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") || p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") {
            i += 1; digits += 1
        }
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
        if digits == 0 || Double(text) == nil { i = start; throw fail("bad number") }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= end, memcmp(p + i, word.utf8Start, n) == 0 else { throw fail("bad literal (expected \(word))") }
        i += n
    }

    // MARK: strings

    /// A quoted string starting at `i`, with escapes decoded and UTF-8 checked.
    private mutating func string() throws -> String {
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
            if c == UInt8(ascii: "\"") { i += 1; return try buf.withUnsafeBufferPointer { try utf8($0) } }
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

    private mutating func hex4() throws -> UInt32 {
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

    private func utf8(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        guard let s = String(validating: bytes, as: UTF8.self) else { throw JSONLineError(what: "invalid UTF-8 in a string") }
        return s
    }

    // MARK: helpers

    private func peek() -> UInt8? { i < end ? p[i] : nil }

    private mutating func skipSpace() {
        while i < end, p[i] == 0x20 || p[i] == 0x09 || p[i] == 0x0D || p[i] == 0x0A { i += 1 }
    }

    private func fail(_ what: String) -> JSONLineError {
        JSONLineError(what: "bad JSON at column \(i + 1): \(what)")
    }
}

import AttuneData
import AttuneTestSupport
import Foundation
import XCTest

final class JSONLinesTests: XCTestCase {
    private func parse(_ line: String) throws(LineFormatError) -> [JSONMember] {
        let bytes = Array(line.utf8)
        return try bytes.withUnsafeBufferPointer { (b) throws(LineFormatError) in try JSONLineParser.parseObject(b) }
    }

    private func file(_ name: String, _ bytes: Data) throws -> URL {
        let url = try temporaryFolder(self).appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }

    func testValuesKeysInOrderAndNumbersAsWritten() throws {
        let m = try parse(#" {"b": "x\"\u00e9\ud83d\ude00\n", "a": -1.50e3, "t": true, "f": false, "n": null, "l": [1, {"k": []}], "o": {"z": "y"}} "#)
        XCTAssertEqual(m.map(\.key), ["b", "a", "t", "f", "n", "l", "o"])
        XCTAssertEqual(m["b"], .string("x\"é😀\n"))
        XCTAssertEqual(m["a"], .number("-1.50e3"))
        XCTAssertEqual(m["t"], .bool(true))
        XCTAssertEqual(m["f"], .bool(false))
        XCTAssertEqual(m["n"], .null)
        XCTAssertEqual(m["l"], .array([.number("1"), .object([JSONMember(key: "k", value: .array([]))])]))
        XCTAssertEqual(m["o"], .object([JSONMember(key: "z", value: .string("y"))]))
        XCTAssertNil(m["missing"])
        XCTAssertEqual(try parse(#"{"k": 1, "k": 2}"#)["k"], .number("2"), "a repeated key: the last one counts")
    }

    func testScalarText() {
        XCTAssertEqual(JSONValue.number("2019").scalarText, "2019")
        XCTAssertEqual(JSONValue.number("2.0").scalarText, "2")
        XCTAssertEqual(JSONValue.number("0.5").scalarText, "0.5")
        XCTAssertNil(JSONValue.number("1e400").scalarText)
        XCTAssertEqual(JSONValue.bool(true).scalarText, "true")
        XCTAssertNil(JSONValue.null.scalarText)
        XCTAssertNil(JSONValue.array([]).scalarText)
    }

    func testSyntaxErrorsNameTheColumn() {
        let cases: [(String, String)] = [
            ("", "empty line is not a JSON object"),
            ("[1]", "bad JSON: expected an object starting with '{'"),
            (#"{"a": 1"#, "bad JSON at column 8: expected ',' or '}'"),
            (#"{"a": 1} x"#, "bad JSON at column 10: unexpected text after the object"),
            (#"{a: 1}"#, "bad JSON at column 2: expected a quoted key"),
            (#"{"a" 1}"#, "bad JSON at column 6: expected ':' after key \"a\""),
            (#"{"a": tru}"#, "bad JSON at column 7: bad literal (expected true)"),
            (#"{"a": 1.2.3}"#, "bad JSON at column 7: bad number"),
            (#"{"a": "\q"}"#, "bad JSON at column 10: bad escape '\\q'"),
            (#"{"a": "\ud800"}"#, "bad JSON at column 14: lone surrogate in \\u escape"),
            ("{\"a\": \"tab\there\"}", "bad JSON at column 11: control character inside a string"),
            (#"{"a": "open"#, "bad JSON at column 12: unterminated string"),
            ("{\"a\": " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}", "bad JSON at column 71: nesting too deep"),
        ]
        for (line, what) in cases {
            XCTAssertThrowsError(try parse(line), line) { XCTAssertEqual($0 as? LineFormatError, LineFormatError(what: what), line) }
        }
    }

    func testInvalidUTF8InAStringIsAnError() {
        let bytes: [UInt8] = Array(#"{"a": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        XCTAssertThrowsError(try bytes.withUnsafeBufferPointer { (b) throws(LineFormatError) in try JSONLineParser.parseObject(b) }) {
            XCTAssertEqual(($0 as? LineFormatError)?.what, "invalid UTF-8 in a string")
        }
    }

    /// Line numbers count every physical line (blank ones, CRLF endings, a BOM before line 1).
    func testFileErrorsNameFileAndLine() throws {
        let url = try file("f.jsonl", Data([0xEF, 0xBB, 0xBF] + Array("{\"a\": \"1\"}\r\n\n   \n{\"a\": \"2\"}\n{\"a\": \n{\"a\": \"4\"}\n".utf8)))
        var seen: [Int] = []
        XCTAssertThrowsError(try JSONLines.forEach(in: url) { line, members in
            XCTAssertNotNil(members["a"])
            seen.append(line)
        }) {
            XCTAssertEqual($0 as? AttuneError, .badLine(path: url.path, line: 5, what: "bad JSON at column 6: unexpected end of line"))
            XCTAssertEqual("\($0)", "\(url.path):5: bad JSON at column 6: unexpected end of line")
        }
        XCTAssertEqual(seen, [1, 4])
    }

    /// The buffer walker hands every line to the caller, failures included, and stops when asked.
    func testWalkerReportsEachLineAndStops() throws {
        let text = Array("{\"a\": \"1\"}\nnot json\n{\"a\": \"3\"}\n{\"a\": \"4\"}".utf8)
        var lines: [(Int, Bool)] = []
        text.withUnsafeBufferPointer { b in
            JSONLines.forEach(b) { line, members in
                if case .success = members { lines.append((line, true)) } else { lines.append((line, false)) }
                return line < 3
            }
        }
        XCTAssertEqual(lines.map(\.0), [1, 2, 3])
        XCTAssertEqual(lines.map(\.1), [true, false, true])
    }

    func testMissingFileAndFolder() throws {
        let dir = try temporaryFolder(self)
        let missing = dir.appendingPathComponent("none.jsonl")
        XCTAssertThrowsError(try JSONLines.forEach(in: missing) { _, _ in }) {
            XCTAssertEqual($0 as? AttuneError, .fileNotFound(path: missing.path))
        }
        XCTAssertThrowsError(try JSONLines.forEach(in: dir) { _, _ in }) {
            XCTAssertEqual($0 as? AttuneError, .invalidFile(path: dir.path, what: "is a folder, not a file"))
        }
    }

    // MARK: texts

    func testTextFileReadsJSONLAndPlainText() throws {
        let jsonl = try file("t.jsonl", Data("{\"text\": \"one\", \"x\": 1}\n\n{\"text\": \"two\"}\r\n".utf8))
        XCTAssertEqual(try TextFile.read(jsonl, field: "text"), ["one", "two"])
        let plain = try file("t.txt", Data("one\r\n\ntwo\n".utf8))
        XCTAssertEqual(try TextFile.read(plain, field: "text"), ["one", "", "two"])
    }

    func testTextFileErrors() throws {
        let cases: [(String, Data, AttuneError)] = [
            ("e.jsonl", Data(), .invalidFile(path: "", what: "no texts (the file is empty)")),
            ("b.txt", Data("\n \n".utf8), .invalidFile(path: "", what: "no texts (the file is empty)")),
            ("l.txt", "caf\u{e9}\n".data(using: .isoLatin1)!, .invalidFile(path: "", what: "is not valid UTF-8 text")),
            ("m.jsonl", Data("{\"text\": \"a\"}\n{\"body\": \"b\"}\n".utf8), .badLine(path: "", line: 2, what: "missing field \"text\"")),
            ("n.jsonl", Data("{\"text\": 5}\n".utf8), .badLine(path: "", line: 1, what: "field \"text\" is a number, expected a string")),
            ("o.jsonl", Data("{\"text\": null}\n".utf8), .badLine(path: "", line: 1, what: "field \"text\" is null, expected a string")),
        ]
        for (name, bytes, expected) in cases {
            let url = try file(name, bytes)
            XCTAssertThrowsError(try TextFile.read(url, field: "text"), name) { error in
                switch expected {
                case .invalidFile(_, let what): XCTAssertEqual(error as? AttuneError, .invalidFile(path: url.path, what: what), name)
                case .badLine(_, let line, let what): XCTAssertEqual(error as? AttuneError, .badLine(path: url.path, line: line, what: what), name)
                default: XCTFail(name)
                }
            }
        }
    }

    // MARK: quoting

    /// What `jsonQuoted` writes, JSONSerialization and this parser read back unchanged.
    func testJSONQuotedRoundTrips() throws {
        let texts = ["", "plain", "quote \" and \\ backslash", "new\nline\r\ttab", "\u{0}\u{1}\u{1f}\u{7f}", "é 😀 中文", "/ slash"]
        for t in texts {
            let q = jsonQuoted(t)
            XCTAssertFalse(q.utf8.dropFirst().dropLast().contains { $0 < 0x20 }, q)
            let line = "{\"k\": \(q)}"
            XCTAssertEqual(try parse(line)["k"], .string(t), line)
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
            XCTAssertEqual(object?["k"], t, line)
        }
        XCTAssertEqual(jsonQuoted("a\"b\u{1}"), #""a\"b\u0001""#)
    }

    // MARK: .npy

    func testNPYHeaderAndData() {
        let values: [Float] = [1, -2.5, 3, 0.25, 5, 6]
        let data = values.withUnsafeBufferPointer { NPY.float32Matrix($0, rows: 2, cols: 3) }
        XCTAssertEqual(Array(data.prefix(8)), [0x93] + Array("NUMPY".utf8) + [1, 0])
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        XCTAssertEqual((10 + headerLength) % 64, 0)
        let header = String(decoding: data[10..<(10 + headerLength)], as: UTF8.self)
        XCTAssertTrue(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header)
        XCTAssertTrue(header.hasSuffix(" \n"), header)
        let body = data.dropFirst(10 + headerLength)
        XCTAssertEqual(body.count, 24)
        let read = stride(from: 0, to: 24, by: 4).map { i in
            Float(bitPattern: body.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: UInt32.self) }.littleEndian)
        }
        XCTAssertEqual(read, values)
    }
}

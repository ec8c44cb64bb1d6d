import AttuneData
import Foundation
import XCTest

final class DelimitedTests: XCTestCase {
    /// Every record of `text` as (line, fields or error).
    private func records(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> [(Int, Result<[String], LineFormatError>)] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            var r = DelimitedRecords(b, delimiter: delimiter)
            var out: [(Int, Result<[String], LineFormatError>)] = []
            while let rec = r.next() { out.append((rec.line, rec.fields)) }
            return out
        }
    }

    func testQuotingAndLineNumbers() throws {
        let got = records("\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,\n")
        XCTAssertEqual(got.map(\.0), [1, 2, 5])
        XCTAssertEqual(try got.map { try $0.1.get() }, [["a", "b"], ["x, \"y\"", "two\nlines"], ["last", ""]])
    }

    func testTabs() throws {
        XCTAssertEqual(try records("a\tb c\t\"q\"\n", delimiter: 0x09).map { try $0.1.get() }, [["a", "b c", "q"]])
    }

    /// A malformed record is reported on the line it starts on, and reading resumes at the next line.
    func testErrorsAndResume() {
        let got = records("ok,1\n\"open,2\n", delimiter: UInt8(ascii: ","))
        XCTAssertEqual(got.count, 2)
        XCTAssertEqual(got[1].0, 2)
        XCTAssertEqual(got[1].1, .failure(LineFormatError(what: "quoted field is never closed (a missing '\"')")))
        let after = records("\"a\"b,1\nc,2\n")
        XCTAssertEqual(after.map(\.0), [1, 2])
        XCTAssertEqual(after[0].1, .failure(LineFormatError(what: "text after the closing quote of a quoted field (quotes inside a field must be doubled)")))
        XCTAssertEqual(after[1].1, .success(["c", "2"]))
        let bytes: [UInt8] = Array("a,b\n".utf8) + [0xFF, 0x2C, 0x31, 0x0A]
        let bad = bytes.withUnsafeBufferPointer { b -> DelimitedRecord? in
            var r = DelimitedRecords(b, delimiter: UInt8(ascii: ","))
            _ = r.next()
            return r.next()
        }
        XCTAssertEqual(bad?.line, 2)
        XCTAssertEqual(bad?.fields, .failure(LineFormatError(what: "invalid UTF-8")))
    }

    func testTableHeaderColumnsAndCounts() throws {
        let bytes = Array("\nname,score\nx,1\ny\n\"z\",3\n".utf8)
        try bytes.withUnsafeBufferPointer { b in
            guard var table = try DelimitedTable(b, delimiter: UInt8(ascii: ","), path: "t.csv") else { return XCTFail("no table") }
            XCTAssertEqual(table.columns, ["name", "score"])
            XCTAssertEqual(table.headerLine, 2)
            XCTAssertEqual(try table.column("score"), 1)
            XCTAssertThrowsError(try table.column("label")) {
                XCTAssertEqual($0 as? AttuneError, .badLine(path: "t.csv", line: 2, what: "header has no column \"label\" (columns: name, score)"))
            }
            var got: [(Int, Result<[String], LineFormatError>)] = []
            while let r = table.next() { got.append((r.line, r.fields)) }
            XCTAssertEqual(got.map(\.0), [3, 4, 5])
            XCTAssertEqual(got[0].1, .success(["x", "1"]))
            XCTAssertEqual(got[1].1, .failure(LineFormatError(what: "1 columns, the header has 2")))
            XCTAssertEqual(got[2].1, .success(["z", "3"]))
        }
    }

    func testTableHeaderErrorsAndEmptyInput() throws {
        let bad = Array("\"a,b\n".utf8)
        XCTAssertThrowsError(try bad.withUnsafeBufferPointer { try DelimitedTable($0, delimiter: UInt8(ascii: ","), path: "h.csv") }) {
            XCTAssertEqual($0 as? AttuneError, .badLine(path: "h.csv", line: 1, what: "header: quoted field is never closed (a missing '\"')"))
        }
        let empty = Array("\n\r\n".utf8)
        XCTAssertNil(try empty.withUnsafeBufferPointer { try DelimitedTable($0, delimiter: 0x09, path: "e.tsv") })
    }
}

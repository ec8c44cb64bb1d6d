import AttuneData
import AttuneTestSupport
import Foundation
import XCTest

final class TrecRunTests: XCTestCase {
    func testOrdersByRankColumn() throws {
        let text = """
        q1 Q0 d3 3 0.100000 t
        q1 Q0 d1 1 0.900000 t
        q2\tQ0\tz 1 0.5 t

        q1 Q0 d2 2 0.900000 t
        """
        let run = try TrecRun.parse(text, path: "run.trec")
        XCTAssertEqual(run["q1"], ["d1", "d2", "d3"])
        XCTAssertEqual(run["q2"], ["z"])
        let crlf = try TrecRun.parse("q Q0 b 2 0.1 t\r\nq Q0 a 1 0.2 t\r\n", path: "w.trec")
        XCTAssertEqual(crlf, ["q": ["a", "b"]])
    }

    func testErrorsNameFileAndLine() {
        XCTAssertThrowsError(try TrecRun.parse("q Q0 d 1 0.5 t\nq Q0 e 2 0.4\n", path: "r.trec")) {
            XCTAssertEqual(($0 as? AttuneError)?.description, "r.trec:2: expected 6 fields (qid Q0 docid rank score tag), found 5")
        }
        XCTAssertThrowsError(try TrecRun.parse("q Q0 d one 0.5 t\n", path: "r.trec")) {
            XCTAssertEqual(($0 as? AttuneError)?.description, "r.trec:1: rank 'one' is not an integer")
        }
        XCTAssertThrowsError(try TrecRun.parse("q Q0 d 1 nan t\n", path: "r.trec")) {
            XCTAssertEqual(($0 as? AttuneError)?.description, "r.trec:1: score 'nan' is not a number")
        }
        XCTAssertThrowsError(try TrecRun.parse("q Q0 d 1 0.5 t\n\nq Q0 d 2 0.4 t\n", path: "r.trec")) {
            XCTAssertEqual(($0 as? AttuneError)?.description, "r.trec:3: document 'd' listed twice for query 'q'")
        }
    }

    /// The ordered writer keeps the queries' order, formats ranks and scores, and reads back.
    func testWriteKeepsOrderAndRoundTrips() throws {
        let url = try temporaryFolder(self).appendingPathComponent("runs/test.trec")
        let runs: [TrecRun.Ranking] = [
            ("q2", [("d3", 0.5), ("d0", 0.1234567)]),
            ("q9", []),
            ("q1", [("d1", -0.25)]),
        ]
        try TrecRun.write(runs, tag: "attune", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), """
            q2 Q0 d3 1 0.500000 attune
            q2 Q0 d0 2 0.123457 attune
            q1 Q0 d1 1 -0.250000 attune

            """)
        XCTAssertEqual(try TrecRun.read(url), ["q2": ["d3", "d0"], "q1": ["d1"]])
    }

    /// Keyed by query id: sorted by id.
    func testWriteFromDictionarySortsQueries() throws {
        let url = try temporaryFolder(self).appendingPathComponent("d.trec")
        try TrecRun.write(["b": [("d2", 0.5), ("d1", 0.25)], "a": [("d9", 1)]], tag: "x", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "a Q0 d9 1 1.000000 x\nb Q0 d2 1 0.500000 x\nb Q0 d1 2 0.250000 x\n")
        XCTAssertEqual(try TrecRun.read(url), ["a": ["d9"], "b": ["d2", "d1"]])
    }

    /// An id or tag the format cannot hold is refused before anything is written, and an existing
    /// run file is left as it was.
    func testWhitespaceInIdsIsRefusedAndNothingIsWritten() throws {
        let dir = try temporaryFolder(self)
        let url = dir.appendingPathComponent("run.trec")
        try Data("earlier run\n".utf8).write(to: url)
        let cases: [([TrecRun.Ranking], String, String)] = [
            ([("q 1", [("d", 1)])], "t", "query id \"q 1\""),
            ([("q1", [("d\t2", 1)])], "t", "document id \"d\t2\""),
            ([("q1", [("", 1)])], "t", "document id \"\""),
            ([("q1", [("d", 1)])], "my run", "run tag \"my run\""),
        ]
        for (runs, tag, named) in cases {
            XCTAssertThrowsError(try TrecRun.write(runs, tag: tag, to: url)) {
                let message = "\($0)"
                XCTAssertTrue(message.hasPrefix(url.path + ": cannot write " + named), message)
            }
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "earlier run\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["run.trec"])
    }

    func testMissingFile() {
        XCTAssertThrowsError(try TrecRun.read(URL(fileURLWithPath: "/nonexistent/r.trec"))) {
            XCTAssertEqual($0 as? AttuneError, .fileNotFound(path: "/nonexistent/r.trec"))
        }
    }
}

import AttuneData
import AttuneTestSupport
import Foundation
import XCTest

final class QrelsTests: XCTestCase {
    func testParseWithHeaderAndZeroScores() throws {
        let q = try Qrels.parse("query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t2\nq2\td3\t0\n\nq3\td1\t1\r\n", path: "x.tsv")
        XCTAssertEqual(q.relevant, ["q1": ["d1", "d2"], "q3": ["d1"]])
        XCTAssertEqual(q.judgedWithoutRelevant, ["q2"])
        XCTAssertEqual(q.pairCount, 3)
    }

    func testParseWithoutHeader() throws {
        let q = try Qrels.parse("q1\td1\t1\n", path: "x.tsv")
        XCTAssertEqual(q.relevant, ["q1": ["d1"]])
    }

    func testErrorsNameFileAndLine() {
        XCTAssertThrowsError(try Qrels.parse("query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\n", path: "x.tsv")) {
            XCTAssertEqual(($0 as? AttuneError)?.description,
                           "x.tsv:3: expected 3 tab-separated fields (query-id, corpus-id, score), found 2")
        }
        XCTAssertThrowsError(try Qrels.parse("q1\td1\tyes\n", path: "x.tsv")) {
            XCTAssertEqual(($0 as? AttuneError)?.description, "x.tsv:1: score 'yes' is not a number")
        }
        // A header after the first line is an error, not a header.
        XCTAssertThrowsError(try Qrels.parse("q1\td1\t1\nquery-id\tcorpus-id\tscore\n", path: "x.tsv")) {
            XCTAssertEqual(($0 as? AttuneError)?.description, "x.tsv:2: score 'score' is not a number")
        }
        XCTAssertThrowsError(try Qrels.read(URL(fileURLWithPath: "/nonexistent/q.tsv"))) {
            XCTAssertEqual($0 as? AttuneError, .fileNotFound(path: "/nonexistent/q.tsv"))
        }
    }

    func testValidateCounts() throws {
        let q = Qrels(relevant: ["q1": ["d1", "dX"], "q2": ["d2"], "qX": ["d1", "d2"]])
        let r = try q.validate(queryIDs: ["q1", "q2", "q3", "q4"], docIDs: ["d1", "d2"])
        XCTAssertEqual(r.pairs, 5)
        XCTAssertEqual(r.unknownQueryPairs, 2)      // qX's two pairs
        XCTAssertEqual(r.unknownDocPairs, 1)        // dX
        XCTAssertEqual(r.exampleUnknownQuery, "qX")
        XCTAssertEqual(r.exampleUnknownDoc, "dX")
        XCTAssertEqual(r.queriesWithoutRelevant, 2) // q3, q4
        XCTAssertEqual(r.evaluableQueries, 2)
        XCTAssertEqual(r.warnings.count, 3)
    }

    func testValidateCleanHasNoWarnings() throws {
        let q = Qrels(relevant: ["q1": ["d1"]])
        XCTAssertEqual(try q.validate(queryIDs: ["q1"], docIDs: ["d1", "d2"]).warnings, [])
    }

    func testValidateThrowsWhenNothingIsShared() {
        let q = Qrels(relevant: ["q1": ["d1"]], source: "dev-qrels.tsv")
        XCTAssertThrowsError(try q.validate(queryIDs: ["other"], docIDs: ["d1"])) {
            let s = "\($0)"
            XCTAssertTrue(s.hasPrefix("dev-qrels.tsv: no query id in the qrels (e.g. 'q1')"), s)
        }
        XCTAssertThrowsError(try q.validate(queryIDs: ["q1"], docIDs: ["zzz"])) {
            XCTAssertTrue("\($0)".contains("no corpus id in the qrels (e.g. 'd1')"), "\($0)")
        }
    }

    /// The real MedQuAD test qrels: header skipped, every positive line a relevant pair.
    func testReadsSharedQrels() throws {
        let url = try Fixtures.shared("data/medquad/test-qrels.tsv")
        let q = try Qrels.read(url)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        let positive = lines.filter { (Double($0.split(separator: "\t").last ?? "") ?? 0) > 0 }
        XCTAssertEqual(q.pairCount, Set(positive.map { $0.split(separator: "\t").prefix(2).joined(separator: "\t") }).count)
        XCTAssertGreaterThan(q.relevant.count, 100)
    }
}

import AttuneData
import AttuneTestSupport
import Foundation
import XCTest

final class BEIRTests: XCTestCase {
    private func file(_ text: String) throws -> URL {
        let url = try temporaryFolder(self).appendingPathComponent("corpus.jsonl")
        try Data(text.utf8).write(to: url)
        return url
    }

    func testReadsDocumentsTitlesAndNumericIds() throws {
        let url = try file("""
            {"_id": "d1", "title": "Flu", "text": "Influenza is a virus."}
            {"_id": 42, "text": "No title here.", "metadata": {"x": 1}}\r

            {"_id": "d3", "title": null, "text": "Null title."}
            """)
        let docs = try readCorpus(url)
        XCTAssertEqual(docs, [Document(id: "d1", title: "Flu", text: "Influenza is a virus."),
                              Document(id: "42", title: "", text: "No title here.", metadata: ["x": "1"]),
                              Document(id: "d3", title: "", text: "Null title.")])
        XCTAssertEqual(docs[0].embeddingText, "Influenza is a virus.")
    }

    func testMetadataKeepsScalarsAsText() throws {
        let url = try file("""
            {"_id": "a", "text": "x", "metadata": {"source": "nih", "year": 2019, "score": 0.5, "open": true, "tags": ["t"], "none": null}}
            {"_id": "b", "text": "y", "metadata": "not an object"}
            """)
        let docs = try readCorpus(url)
        XCTAssertEqual(docs[0].metadata, ["source": "nih", "year": "2019", "score": "0.5", "open": "true"])
        XCTAssertEqual(docs[1].metadata, [:])
    }

    func testReadsQueries() throws {
        let url = try file("{\"_id\": 7, \"text\": \"what is flu\"}\n{\"_id\": \"q2\", \"text\": \"ache\"}\n")
        XCTAssertEqual(try readQueries(url), [Query(id: "7", text: "what is flu"), Query(id: "q2", text: "ache")])
    }

    func testBadJSONNamesTheLine() throws {
        let url = try file("{\"_id\": \"a\", \"text\": \"x\"}\n\n{\"_id\": \"b\", \"text\": \"y\"\n")
        XCTAssertThrowsError(try readCorpus(url)) { error in
            XCTAssertEqual(error as? AttuneError, .badLine(path: url.path, line: 3, what: "bad JSON at column 25: expected ',' or '}'"))
        }
    }

    func testMissingAndMistypedFieldsAreNamed() throws {
        let cases: [(String, String)] = [
            ("{\"_id\": \"a\", \"title\": \"t\"}", "missing field \"text\""),
            ("{\"title\": \"t\", \"text\": \"x\"}", "missing field \"_id\""),
            ("{\"_id\": [1], \"text\": \"x\"}", "field \"_id\" must be a string or a number"),
            ("{\"_id\": \"a\", \"text\": 3}", "field \"text\" must be a string"),
            ("[1, 2]", "bad JSON: expected an object starting with '{'"),
        ]
        for (line, what) in cases {
            let url = try file("{\"_id\": \"ok\", \"text\": \"fine\"}\n" + line + "\n")
            XCTAssertThrowsError(try readCorpus(url), line) { error in
                XCTAssertEqual(error as? AttuneError, .badLine(path: url.path, line: 2, what: what), line)
            }
        }
    }

    func testDuplicateIdsAreNamed() throws {
        var lines: [String] = []
        for i in 0..<10 { lines.append("{\"_id\": \"d\(i % 5)\", \"text\": \"t\(i)\"}") }
        let url = try file(lines.joined(separator: "\n"))
        XCTAssertThrowsError(try readCorpus(url)) { error in
            XCTAssertEqual(error as? AttuneError, .invalidFile(path: url.path, what:
                "duplicate ids: \"d0\" (lines 1 and 6), \"d1\" (lines 2 and 7), \"d2\" (lines 3 and 8) and 2 more"))
        }
    }

    func testNumericAndStringIdCollide() throws {
        let url = try file("{\"_id\": 5, \"text\": \"a\"}\n{\"_id\": \"5\", \"text\": \"b\"}\n")
        XCTAssertThrowsError(try readCorpus(url)) { error in
            XCTAssertEqual(error as? AttuneError, .invalidFile(path: url.path, what: "duplicate ids: \"5\" (lines 1 and 2)"))
        }
    }

    func testEmptyAndMissingFiles() throws {
        let empty = try file("\n\n")
        XCTAssertThrowsError(try readQueries(empty)) { error in
            XCTAssertEqual(error as? AttuneError, .invalidFile(path: empty.path, what: "contains no queries"))
        }
        let missing = empty.deletingLastPathComponent().appendingPathComponent("nope.jsonl")
        XCTAssertThrowsError(try readCorpus(missing)) { error in
            XCTAssertEqual(error as? AttuneError, .fileNotFound(path: missing.path))
        }
    }

    func testReadsMedQuADCorpusQuickly() throws {
        let url = try Fixtures.shared("data/medquad/corpus.jsonl")
        let start = Date()
        let docs = try readCorpus(url)
        let seconds = Date().timeIntervalSince(start)
        print("read \(docs.count) MedQuAD documents in \(String(format: "%.2f", seconds)) s")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.count
        XCTAssertEqual(docs.count, lines)
        XCTAssertEqual(docs.count, 15_809)
        XCTAssertEqual(Set(docs.map(\.id)).count, docs.count)
        XCTAssertFalse(docs.contains { $0.text.isEmpty })
        let queries = try readQueries(try Fixtures.shared("data/medquad/test-queries.jsonl"))
        XCTAssertFalse(queries.isEmpty)
    }
}

import AttuneCore
import AttuneData
import AttuneTestSupport
@testable import AttuneTrain
import XCTest

final class PairReaderTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-pairs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    private func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    private func write(_ name: String, _ data: Data) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    private func expectBadLine(_ body: @autoclosure () throws -> Any, line: Int, contains text: String,
                               file: StaticString = #filePath, at: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: at) { error in
            guard case AttuneError.badLine(let path, let l, let what) = error else {
                return XCTFail("expected badLine, got \(error)", file: file, line: at)
            }
            XCTAssertEqual(l, line, "\(error)", file: file, line: at)
            XCTAssertTrue(path.hasPrefix(dir.path), file: file, line: at)
            XCTAssertTrue(what.contains(text), "\"\(what)\" lacks \"\(text)\"", file: file, line: at)
            XCTAssertTrue("\(error)".contains(":\(line): "), file: file, line: at)
        }
    }

    // MARK: JSONL

    func testJSONLBasicsEscapesNegativesAndBlankLines() throws {
        let url = try write("p.jsonl", """
        {"anchor": "q1", "positive": "a \\"quoted\\" \\u00e9\\ud83d\\ude00 line\\nbreak", "score": 1.5, "meta": {"x": [1, {"y": null}]}}

        {"negative": "n0", "anchor": "q2", "positive": "p2", "negative_1": "n1", "negative2": "n2", "negatives": "no", "other": true}
        {"anchor": "  ", "positive": "p3"}
        {"anchor": "q4", "positive": "\\t\\n"}\r
        {"anchor": "q5", "positive": "p5", "negative": null, "negative_1": ""}
        """)
        let set = try PairReader().read(url)
        XCTAssertEqual(set.pairs, [
            TrainingPair(anchor: "q1", positive: "a \"quoted\" é😀 line\nbreak"),
            TrainingPair(anchor: "q2", positive: "p2", negatives: ["n0", "n1", "n2"]),
            TrainingPair(anchor: "q5", positive: "p5"),
        ])
        XCTAssertEqual(set.skippedEmpty, 2)
        XCTAssertEqual(set.skippedBad, 0)
    }

    func testJSONLCustomFieldsAndLimit() throws {
        let url = try write("p.jsonl", """
        {"question": "q1", "answer": "a1", "hard": "h1", "hard_2": "h2"}
        {"question": "q2", "answer": "a2"}
        {"question": "q3", "answer": "a3"}
        """)
        let reader = PairReader(anchorField: "question", positiveField: "answer", negativePrefix: "hard")
        let set = try reader.read(url, limit: 2)
        XCTAssertEqual(set.pairs, [TrainingPair(anchor: "q1", positive: "a1", negatives: ["h1", "h2"]),
                                   TrainingPair(anchor: "q2", positive: "a2")])
    }

    func testJSONLErrorsNameFileAndLine() throws {
        let good = #"{"anchor": "q", "positive": "p"}"#
        let cases: [(String, String)] = [
            (#"{"anchor": "q", "positive": "p""#, "bad JSON"),
            (#"{"anchor": "q"}"#, "missing field \"positive\""),
            (#"{"anchor": 3, "positive": "p"}"#, "field \"anchor\" is a number, expected a string"),
            (#"{"anchor": "q", "positive": ["p"]}"#, "field \"positive\" is an array"),
            (#"{"anchor": "q", "positive": null}"#, "is null"),
            (#"{"anchor": "q", "positive": "p", "negative": 1}"#, "field \"negative\" is a number"),
            (#"["anchor", "positive"]"#, "expected an object"),
            (#"{"anchor": "q", "positive": "p"} x"#, "after the object"),
            (#"{"anchor": "q\x", "positive": "p"}"#, "bad escape"),
            (#"{"anchor": "\ud800", "positive": "p"}"#, "surrogate"),
        ]
        for (bad, message) in cases {
            let url = try write("e.jsonl", good + "\n\n" + bad + "\n" + good + "\n")
            expectBadLine(try PairReader().read(url), line: 3, contains: message)
        }
    }

    func testInvalidUTF8IsABadLine() throws {
        var data = Data(#"{"anchor": "q", "positive": "p"}"#.utf8 + [0x0A])
        data.append(contentsOf: Array(#"{"anchor": "q"#.utf8) + [0xC3, 0x28] + Array(#"", "positive": "p"}"#.utf8) + [0x0A])
        let url = try write("u.jsonl", data)
        expectBadLine(try PairReader().read(url), line: 2, contains: "UTF-8")
        let csv = try write("u.csv", Data("anchor,positive\nq,".utf8 + [0xFF] + Array("\n".utf8)))
        expectBadLine(try PairReader().read(csv), line: 2, contains: "UTF-8")
    }

    func testSkipBadCountsAndGoesOn() throws {
        var lines = [#"{"anchor": "q0", "positive": "p0"}"#]
        for i in 1...7 { lines.append(i % 2 == 0 ? #"{"anchor": "q\#(i)", "positive": "p\#(i)"}"# : "not json \(i)") }
        lines.append(#"{"anchor": "", "positive": "p"}"#)
        let url = try write("s.jsonl", lines.joined(separator: "\n"))
        XCTAssertThrowsError(try PairReader().read(url))
        let set = try PairReader(skipBad: true).read(url)
        XCTAssertEqual(set.pairs.map(\.anchor), ["q0", "q2", "q4", "q6"])
        XCTAssertEqual(set.skippedBad, 4)
        XCTAssertEqual(set.skippedEmpty, 1)
        XCTAssertEqual(set.badExamples.count, 4)
        XCTAssertTrue(set.badExamples[0].hasSuffix("s.jsonl:2: bad JSON: expected an object starting with '{'"), set.badExamples[0])
        XCTAssertTrue(set.badExamples[1].contains("s.jsonl:4: "))
    }

    func testMissingFileAndUnknownExtension() throws {
        let missing = dir.appendingPathComponent("nope.jsonl")
        XCTAssertThrowsError(try PairReader().read(missing)) { error in
            XCTAssertEqual(error as? AttuneError, .fileNotFound(path: missing.path))
        }
        let txt = try write("p.txt", "x")
        XCTAssertThrowsError(try PairReader().read(txt)) { error in
            XCTAssertTrue("\(error)".contains("unknown pair file type '.txt'"), "\(error)")
        }
    }

    // MARK: CSV / TSV

    func testCSVQuoting() throws {
        let url = try write("p.csv", "\u{FEFF}anchor,positive,negative,negative_1,score\r\n"
            + "plain,text,n,,1\r\n"
            + "\"with, comma\",\"say \"\"hi\"\"\",\"\",\"multi\nline\r\nneg\",2\n"
            + "\n"
            + "\"\",\"\"\"\",x,y,3\n"
            + "q,\"empty end\",,,\n"
            + "q \"mid\" quote,p,,,4")
        let set = try PairReader().read(url)
        XCTAssertEqual(set.pairs, [
            TrainingPair(anchor: "plain", positive: "text", negatives: ["n"]),
            TrainingPair(anchor: "with, comma", positive: "say \"hi\"", negatives: ["multi\nline\r\nneg"]),
            TrainingPair(anchor: "q", positive: "empty end"),
            TrainingPair(anchor: "q \"mid\" quote", positive: "p"),
        ])
        XCTAssertEqual(set.skippedEmpty, 1)
    }

    func testCSVErrorsCountLinesAcrossQuotedNewlines() throws {
        let url = try write("e.csv", "anchor,positive\n\"a\nb\",p\nq,p,extra\n")
        expectBadLine(try PairReader().read(url), line: 4, contains: "3 columns, the header has 2")
        let quote = try write("q.csv", "anchor,positive\nq,\"p\"x\nq2,p2\n")
        expectBadLine(try PairReader().read(quote), line: 2, contains: "closing quote")
        let set = try PairReader(skipBad: true).read(quote)
        XCTAssertEqual(set.pairs, [TrainingPair(anchor: "q2", positive: "p2")])
        XCTAssertEqual(set.skippedBad, 1)
        let open = try write("o.csv", "anchor,positive\nq,p\nq,\"never closed\n")
        expectBadLine(try PairReader().read(open), line: 3, contains: "never closed")
        let header = try write("h.csv", "question,positive\nq,p\n")
        expectBadLine(try PairReader().read(header), line: 1, contains: "no column \"anchor\"")
    }

    func testTSV() throws {
        let url = try write("p.tsv", "id\tanchor\tpositive\tnegative2\n1\tq1\tp, with comma\tn\n2\tq2\t\"quoted\ttab\"\t\n3\tq3\n")
        expectBadLine(try PairReader().read(url), line: 4, contains: "2 columns")
        let set = try PairReader(skipBad: true).read(url)
        XCTAssertEqual(set.pairs, [TrainingPair(anchor: "q1", positive: "p, with comma", negatives: ["n"]),
                                   TrainingPair(anchor: "q2", positive: "quoted\ttab")])
    }

    // MARK: real data

    func testReadsMedQuADTrain() throws {
        let url = try Fixtures.shared("data/medquad/train.jsonl")
        let start = Date()
        let set = try PairReader().read(url)
        print("read \(set.pairs.count) MedQuAD pairs in \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        XCTAssertEqual(set.pairs.count + set.skippedEmpty, 14_546)
        XCTAssertEqual(set.pairs.count, 14_546)
        XCTAssertEqual(set.skippedBad, 0)
        XCTAssertFalse(set.pairs[0].anchor.isEmpty)
    }
}

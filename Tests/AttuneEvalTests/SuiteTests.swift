import AttuneData
@testable import AttuneEval
import AttuneTestSupport
import Foundation
import XCTest

/// Evaluation suites: the file's parse and each of its errors, graded qrels, the suite's table,
/// JSON and report, and a suite run against the one-set form on the real model.
final class SuiteTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-suite-\(UUID().uuidString)").standardizedFileURL
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub/data"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("cwd"), withIntermediateDirectories: true)
        for name in ["c.jsonl", "q.jsonl", "r.tsv"] { try write("sub/data/\(name)", "x\n") }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    @discardableResult
    private func write(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func set(_ name: String, role: String = "domain", extra: String = "") -> String {
        "  - name: \(name)\n    role: \(role)\n    corpus: data/c.jsonl\n    queries: data/q.jsonl\n    qrels: data/r.tsv\n\(extra)"
    }

    private func load(_ yaml: String) throws -> EvaluationSuite {
        try EvaluationSuite.load(try write("sub/suite.yaml", yaml), currentDirectory: dir.appendingPathComponent("cwd"))
    }

    /// The error's line, which must name every one of `names`.
    private func expectError(_ yaml: String, names: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try load(yaml), file: file, line: line) { e in
            let text = "\(e)"
            XCTAssertFalse(text.contains("\n"), "one line: \(text)", file: file, line: line)
            for n in names { XCTAssertTrue(text.contains(n), "\"\(text)\" does not name \"\(n)\"", file: file, line: line) }
        }
    }

    func testParsesSetsAndResolvesPathsAgainstTheCurrentFolderFirst() throws {
        let s = try load("sets:\n" + set("a") + set("b", role: "users") + set("c", role: "other") + set("d", role: "guard"))
        XCTAssertEqual(s.sets.map(\.name), ["a", "b", "c", "d"])
        XCTAssertEqual(s.sets.map(\.role), [.domain, .users, .other, .guard])
        // Not in the current folder: the suite's folder.
        XCTAssertEqual(s.sets[0].corpus.path, dir.appendingPathComponent("sub/data/c.jsonl").path)
        // In the current folder too: that one wins (as recipes resolve paths).
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("cwd/data"), withIntermediateDirectories: true)
        try write("cwd/data/c.jsonl", "x\n")
        XCTAssertEqual(try load("sets:\n" + set("a")).sets[0].corpus.path, dir.appendingPathComponent("cwd/data/c.jsonl").path)
        XCTAssertEqual(try s.only("c").sets.map(\.name), ["c"])
        XCTAssertThrowsError(try s.only("nope")) { e in
            XCTAssertEqual((e as? EvaluationSettingError)?.setting, "set")
            XCTAssertTrue("\(e)".contains("nope") && "\(e)".contains("a, b, c, d"), "\(e)")
        }
    }

    func testEachBadSuiteIsOneLineNamingTheSetAndKey() throws {
        expectError("sets:\n" + set("a", role: "target"), names: ["suite.yaml", "sets[0].role", "target", "domain, users, other, guard"])
        expectError("sets:\n" + set("a", extra: "    weight: 2\n"), names: ["suite.yaml", "sets[0].weight", "unknown key"])
        expectError("sets:\n" + set("a") + "models: [x]\n", names: ["suite.yaml", "models", "unknown key"])
        expectError("sets:\n" + set("a") + set("a", role: "guard"), names: ["suite.yaml", "sets[1].name", "\"a\"", "sets[0]"])
        expectError("sets:\n" + set("a").replacingOccurrences(of: "data/q.jsonl", with: "data/none.jsonl"),
                    names: ["sets[0].queries", "a", "data/none.jsonl", "no such file"])
        expectError("sets:\n  - name: a\n    role: domain\n    corpus: data/c.jsonl\n    queries: data/q.jsonl\n",
                    names: ["sets[0].qrels", "required"])
        expectError("sets: []\n", names: ["suite.yaml", "at least one set"])
        expectError("name: x\n", names: ["suite.yaml", "name", "unknown key"])
        expectError("sets: [\n", names: ["suite.yaml", "YAML"])
    }

    /// A set whose qrels match none of its queries is refused by name before any model loads
    /// (the model named here does not exist: reaching it would be another error).
    func testQrelsMatchingNoQueryNamesTheSetBeforeAnyModelLoads() throws {
        let c = try write("c.jsonl", "{\"_id\": \"d1\", \"text\": \"glaucoma\"}\n")
        let q = try write("q.jsonl", "{\"_id\": \"q1\", \"text\": \"eye pressure\"}\n")
        let good = try write("good.tsv", "q1\td1\t1\n"), bad = try write("bad.tsv", "q9\td1\t1\n")
        let suite = try EvaluationSuite(sets: [
            EvaluationSet(name: "fine", role: .domain, corpus: c, queries: q, qrels: good),
            EvaluationSet(name: "wrong-qrels", role: .other, corpus: c, queries: q, qrels: bad),
        ])
        XCTAssertThrowsError(try Evaluation(models: ["/no/such/model"], suite: suite).run()) { e in
            XCTAssertTrue("\(e)".hasPrefix("wrong-qrels set: ") && "\(e)".contains("bad.tsv") && "\(e)".contains("no query id"), "\(e)")
        }
        XCTAssertThrowsError(try EvaluationSuite(sets: suite.sets + [suite.sets[0]])) { e in XCTAssertTrue("\(e)".contains("\"fine\""), "\(e)") }
    }

    // MARK: Graded relevance

    func testGradedNDCGUsesTheGradesAsLinearGains() throws {
        let qrels = try Qrels.parse("q\ta\t2\nq\tb\t1\nq\tc\t0\n", path: "r.tsv")
        XCTAssertEqual(qrels.relevant["q"], ["a", "b"])
        XCTAssertEqual(qrels.grade("q", "a"), 2)
        XCTAssertEqual(qrels.grade("q", "b"), 1)
        // b (grade 1) at rank 1, a (grade 2) at rank 3: DCG = 1 + 2/log2(4) = 2; ideal = 2 + 1/log2(3).
        let m = evaluate(ranked: ["q": ["b", "x", "a"]], qrels: qrels)
        let gradedIdeal: Double = 2 + 1 / log2(3.0)
        XCTAssertEqual(m.mean[MetricName.ndcg10]!, 2 / gradedIdeal, accuracy: 1e-12)
        // The other metrics count relevant or not.
        XCTAssertEqual(m.mean[MetricName.mrr10]!, 1, accuracy: 1e-12)
        XCTAssertEqual(m.mean[MetricName.recall10]!, 1, accuracy: 1e-12)
        // Grades all 1 are binary relevance, number for number.
        let binary = try Qrels.parse("q\ta\t1\nq\tb\t1\n", path: "r.tsv")
        XCTAssertFalse(binary.isGraded)
        XCTAssertEqual(binary, Qrels(relevant: ["q": ["a", "b"]], source: "r.tsv"))
        let b = evaluate(ranked: ["q": ["b", "x", "a"]], qrels: binary)
        let binaryDCG: Double = 1 + 1 / log2(4.0), binaryIdeal: Double = 1 + 1 / log2(3.0)
        XCTAssertEqual(b.mean[MetricName.ndcg10]!, binaryDCG / binaryIdeal, accuracy: 1e-12)
        // A pair judged twice keeps its higher grade.
        XCTAssertEqual(try Qrels.parse("q\ta\t2\nq\ta\t1\n", path: "r.tsv").grade("q", "a"), 2)
    }

    // MARK: Summary, JSON and report

    /// Three sets and two models: `tuned` gains on the domain set and loses on the others, a
    /// significant loss on `other`, a small insignificant one on `guard`.
    private func synthetic() throws -> SuiteEvaluation {
        func bench(_ name: String, queries n: Int) throws -> RetrievalBenchmark {
            let docs = (0..<20).map { Document(id: "d\($0)", title: "", text: "doc \($0)") }
            let qs = (0..<n).map { Query(id: "q\($0)", text: "query \($0)") }
            let rel = Dictionary(uniqueKeysWithValues: (0..<n).map { ("q\($0)", Set(["d\($0 % 20)"])) })
            return try RetrievalBenchmark(name: name, corpus: docs, queries: qs, qrels: Qrels(relevant: rel))
        }
        func ranking(_ n: Int, position: (Int) -> Int) -> Evaluator.Run {
            Dictionary(uniqueKeysWithValues: (0..<n).map { i -> (String, [(doc: String, score: Double)]) in
                var docs = (0..<20).map { "d\($0)" }.filter { $0 != "d\(i % 20)" }
                docs.insert("d\(i % 20)", at: position(i))
                return ("q\(i)", docs.map { (doc: $0, score: 0) })
            })
        }
        let plan: [(String, SuiteRole, (Int) -> Int)] = [
            ("target", .domain, { _ in 0 }),      // tuned: rank 1 for every query (base: rank 3)
            ("others", .other, { _ in 6 }),       // tuned: rank 7 for every query
            ("general", .guard, { $0 == 0 ? 3 : 2 }), // tuned: one query a rank lower
        ]
        var sets: [SetEvaluation] = []
        for (name, role, tuned) in plan {
            let b = try bench(name, queries: 30)
            let runs = [(name: "base", run: ranking(30) { _ in 2 }), (name: "tuned", run: ranking(30, position: tuned))]
            let report = b.report(runs.map { b.result(name: $0.name, run: $0.run) }, setName: name)
            let file = URL(fileURLWithPath: "/data/\(name).jsonl")
            sets.append(SetEvaluation(set: EvaluationSet(name: name, role: role, corpus: file, queries: file, qrels: file),
                                      benchmark: b, report: report, runs: runs))
        }
        return SuiteEvaluation(suite: try EvaluationSuite(sets: sets.map(\.set), source: "s.yaml"),
                               models: ["base", "tuned"], sets: sets, test: PairedTest())
    }

    func testSummaryMarksLossesAndWarnsLoudlyOutsideTheDomainOnly() throws {
        let r = try synthetic()
        let table = r.table()
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].contains("3 sets of s.yaml"), lines[0])
        XCTAssertTrue(lines[1].contains("set") && lines[1].contains("role") && lines[1].contains("Δ tuned [95% CI]"), lines[1])
        let row = { (name: String) in lines.first { $0.hasPrefix(name + " ") } ?? "" }
        XCTAssertFalse(row("target").contains("▼"), row("target"))
        XCTAssertTrue(row("others").contains("▼") && row("others").contains("*"), row("others"))
        XCTAssertTrue(row("general").contains("▼") && !row("general").contains("*"), row("general"))
        XCTAssertEqual(r.lossWarnings.count, 1, "\(r.lossWarnings)")
        XCTAssertTrue(r.lossWarnings[0].contains("tuned LOSES on others (other)"), r.lossWarnings[0])
        XCTAssertTrue(table.contains(r.lossWarnings[0]))

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: r.json()) as? [String: Any])
        let sets = try XCTUnwrap(json["sets"] as? [[String: Any]])
        XCTAssertEqual(sets.map { $0["name"] as? String }, ["target", "others", "general"])
        XCTAssertEqual(sets.map { $0["role"] as? String }, ["domain", "other", "guard"])
        let summary = try XCTUnwrap(json["summary"] as? [[String: Any]])
        XCTAssertEqual(summary.count, 3)
        let others = try XCTUnwrap(summary.first { $0["set"] as? String == "others" })
        let c = try XCTUnwrap(r.sets[1].report.comparisons[0].on(MetricName.ndcg10))
        XCTAssertEqual(others["delta"] as? Double, c.meanDifference)
        XCTAssertEqual(others["ci_high"] as? Double, c.ciHigh)
        XCTAssertEqual(others["significant"] as? Bool, true)
        XCTAssertTrue((json["warnings"] as? [String] ?? []).contains(r.lossWarnings[0]))
    }

    func testReportOpensWithTheForestPlotGroupedByRoleAboveTheSetSections() throws {
        let html = try synthetic().html()
        let loud = try XCTUnwrap(html.range(of: "class=\"loud\""))
        let forest = try XCTUnwrap(html.range(of: "by set\""))   // the forest plot's aria-label
        let firstSet = try XCTUnwrap(html.range(of: "id=\"set-0\""))
        XCTAssertTrue(loud.lowerBound < forest.lowerBound && forest.lowerBound < firstSet.lowerBound)
        // Role headings in role order, each set's row under its role.
        let svg = String(html[forest.lowerBound..<firstSet.lowerBound])
        let order = ["role: domain", "target", "role: other", "others", "role: guard", "general"].map { svg.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), "\(order)")
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
        XCTAssertFalse(html.lowercased().contains("<script"))
        for name in ["target", "others", "general"] { XCTAssertTrue(html.contains("Set \(name) ("), name) }
    }

    // MARK: The real model

    /// A suite of two sets over one corpus (one encoding), and a graded set, score exactly what
    /// the one-set form gives for each set on its own; the index folder holds one index per
    /// corpus and model.
    func testSuiteEqualsTheOneSetRunsAndSharesEachCorpus() throws {
        let model = try Fixtures.model().path
        let c = try write("c.jsonl", (0..<12).map { "{\"_id\": \"d\($0)\", \"text\": \"\(["glaucoma raises eye pressure", "asthma narrows the airways", "anemia is a lack of red blood cells", "migraine is a severe headache"][$0 % 4]) \($0)\"}" }.joined(separator: "\n") + "\n")
        let q = try write("q.jsonl", "{\"_id\": \"q1\", \"text\": \"eye pressure\"}\n{\"_id\": \"q2\", \"text\": \"cannot breathe\"}\n{\"_id\": \"q3\", \"text\": \"headache\"}\n")
        let r1 = try write("r1.tsv", "q1\td0\t1\nq2\td1\t1\nq3\td3\t1\n")
        let r2 = try write("r2.tsv", "q1\td4\t2\nq1\td8\t1\nq2\td5\t1\nq3\td7\t2\nq3\td11\t1\n")
        let a = EvaluationSet(name: "a", role: .domain, corpus: c, queries: q, qrels: r1)
        let b = EvaluationSet(name: "b", role: .users, corpus: c, queries: q, qrels: r2)
        var e = Evaluation(models: [model], suite: try EvaluationSuite(sets: [a, b]))
        e.indexLocation = dir.appendingPathComponent("idx").path
        var labels = Set<String>()
        e.progress = { label, _, _ in labels.insert(label) }
        let both = try e.run()
        XCTAssertEqual(labels, ["\(model): a, b corpus"], "one encoding for the shared corpus")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: e.indexLocation!).count, 1)
        for (i, s) in [a, b].enumerated() {
            var one = s
            one.indexName = ""
            let alone = try Evaluation(models: [model], suite: try EvaluationSuite(sets: [one])).run()
            XCTAssertEqual(both.sets[i].report.models[0].metrics, alone.sets[0].report.models[0].metrics, s.name)
        }
        XCTAssertTrue(both.sets[1].benchmark.qrels.isGraded)
    }
}

import AttuneCore
import AttuneData
@testable import AttuneEval
import AttuneModel
import AttuneSearch
import Foundation
import XCTest

final class GuardSetTests: XCTestCase {
    /// Two models on 40 queries: `adapted` moves the relevant document up (`gain` true) or down.
    private func report(gain: Bool, setName: String? = nil) -> EvalReport {
        var rel: [String: Set<String>] = [:], base: [String: [String]] = [:], adapted: [String: [String]] = [:]
        for i in 0..<40 {
            let q = "q\(i)", target = "d\(i)"
            rel[q] = [target]
            let others = (0..<50).map { "d\($0)" }.filter { $0 != target }
            let bPos = 2 + i % 5
            let aPos = gain ? (i % 9 == 0 ? bPos + 1 : max(0, bPos - 2)) : (i % 9 == 0 ? max(0, bPos - 1) : bPos + 3)
            var b = others; b.insert(target, at: bPos)
            var a = others; a.insert(target, at: aPos)
            base[q] = b; adapted[q] = a
        }
        let qrels = Qrels(relevant: rel)
        return EvalReport(models: [ModelResult(name: "base", ranked: base, qrels: qrels),
                                   ModelResult(name: "adapted", ranked: adapted, qrels: qrels)],
                          qrels: qrels, test: PairedTest(resamples: 1000, seed: 5), setName: setName)
    }

    func testTableShowsBothSetsSideBySideAndWarnsOnAGuardLoss() throws {
        let inDomain = report(gain: true), guardSet = report(gain: false, setName: "guard")
        XCTAssertFalse(inDomain.warnings.contains { $0.contains("WORSE") })
        let w = try XCTUnwrap(guardSet.warnings.first { $0.contains("WORSE") })
        XCTAssertTrue(w.hasPrefix("WARNING: adapted model adapted is WORSE than base base on nDCG@10 on the guard set: "), w)

        let table = inDomain.table(guardSet: guardSet)
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "in-domain set")
        XCTAssertTrue(lines.contains("guard set"))
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("nDCG@10") })
        XCTAssertTrue(header.contains("in-domain") && header.contains("guard") && header.contains("won / tied / lost"), header)
        let row = try XCTUnwrap(lines.last { $0.hasPrefix("adapted ") })
        let a = try XCTUnwrap(inDomain.comparisons[0].on(MetricName.ndcg10)), g = try XCTUnwrap(guardSet.comparisons[0].on(MetricName.ndcg10))
        XCTAssertGreaterThan(a.meanDifference, 0)
        XCTAssertLessThan(g.meanDifference, 0)
        for c in [a, g] {
            XCTAssertTrue(row.contains("\(signed(c.meanDifference)) [\(signed(c.ciLow)), \(signed(c.ciHigh))]"), row)
            XCTAssertTrue(row.contains("\(c.wins) / \(c.ties) / \(c.losses)"), row)
        }
        XCTAssertTrue(row.contains(fmt(guardSet.models[1].metrics.mean[MetricName.ndcg10]!)), row)
        XCTAssertTrue(table.contains(w), "the guard's warning is printed")
        // Without a guard set the table is as before.
        XCTAssertEqual(inDomain.table(), inDomain.table(guardSet: nil))
        XCTAssertFalse(inDomain.table().contains("guard"))
    }

    func testJSONCarriesTheGuardSet() throws {
        let inDomain = report(gain: true), guardSet = report(gain: false, setName: "guard")
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: inDomain.json(guardSet: guardSet)) as? [String: Any])
        XCTAssertEqual(Set(obj.keys), ["models", "comparisons", "warnings", "resamples", "seed", "guard"])
        let g = try XCTUnwrap(obj["guard"] as? [String: Any])
        XCTAssertEqual(g["name"] as? String, "guard")
        let models = try XCTUnwrap(g["models"] as? [[String: Any]])
        XCTAssertEqual((models[1]["metrics"] as? [String: Double])?["ndcg@10"] ?? -1,
                       guardSet.models[1].metrics.mean["ndcg@10"]!, accuracy: 1e-12)
        let nd = try XCTUnwrap(((g["comparisons"] as? [[String: Any]])?.first?["metrics"] as? [String: Any])?["ndcg@10"] as? [String: Any])
        XCTAssertEqual(nd["losses"] as? Int, guardSet.comparisons[0].on("ndcg@10")!.losses)
        XCTAssertTrue((obj["warnings"] as? [String] ?? []).contains { $0.contains("on the guard set") })
        XCTAssertNil((try JSONSerialization.jsonObject(with: inDomain.json()) as? [String: Any])?["guard"])
    }

    func testHTMLShowsBothSetsWithCharts() throws {
        let inDomain = report(gain: true), guardSet = report(gain: false, setName: "guard")
        let docs: (String) -> (title: String, text: String)? = { ("Title \($0)", "Text of \($0)") }
        let html = inDomain.html(queries: [:], docs: docs, guardSet: guardSet)
        let plain = inDomain.html(queries: [:], docs: docs)
        XCTAssertTrue(html.contains("In-domain and guard set side by side"))
        XCTAssertTrue(html.contains("Metrics (guard set)"))
        XCTAssertTrue(html.contains("Statistics (guard set, each model vs base)"))
        XCTAssertTrue(html.contains("Statistics (in-domain set, each model vs base)"))
        XCTAssertTrue(plain.contains("Statistics (each model vs base)"))
        XCTAssertTrue(html.contains("adapted · guard") && html.contains("adapted · in-domain"), "both CIs in the chart")
        XCTAssertEqual(html.components(separatedBy: "<svg").count - plain.components(separatedBy: "<svg").count, 2,
                       "a CI chart and the guard's histogram")
        XCTAssertTrue(html.contains("<div class=\"warn\">WARNING: adapted model adapted is WORSE than base base on nDCG@10 on the guard set"))
        XCTAssertFalse(plain.contains("guard"))
        let g = guardSet.comparisons[0].on(MetricName.ndcg10)!
        XCTAssertTrue(html.contains("\(signed(g.meanDifference)) [\(signed(g.ciLow)), \(signed(g.ciHigh))]"))
        // For scripts/screenshot-report.sh.
        try inDomain.writeHTML(to: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("attune-guard-report.html"),
                               queries: [:], docs: docs, guardSet: guardSet)
    }

    func testBenchmarkEvaluatesAndRefusesQrelsThatMatchNoQuery() throws {
        let corpus = [Document(id: "d1", text: "apple banana cherry"), Document(id: "d2", text: "dog cat mouse"),
                      Document(id: "d3", text: "red green blue"), Document(id: "d4", text: "apple pie recipe")]
        let queries = [Query(id: "q1", text: "banana apple"), Query(id: "q2", text: "cat"), Query(id: "q3", text: "blue"),
                       Query(id: "q4", text: "unjudged")]
        let qrels = Qrels(relevant: ["q1": ["d1"], "q2": ["d2"], "q3": ["d3"]], source: "guard/qrels.tsv")
        let bench = try RetrievalBenchmark(name: "guard", corpus: corpus, queries: queries, qrels: qrels)
        XCTAssertEqual(bench.queries.map(\.id), ["q1", "q2", "q3"], "only judged queries are scored")
        XCTAssertEqual(bench.queryText["q4"], "unjudged")
        let result = bench.result(name: "words", run: try bench.run(WordEmbedder()))
        XCTAssertEqual(result.metrics.queries, 3)
        XCTAssertEqual(result.metrics.values(of: MetricName.ndcg10), ["q1": 1, "q2": 1, "q3": 1])
        let report = bench.report([result, result], setName: "guard")
        XCTAssertEqual(report.setName, "guard")
        XCTAssertTrue(report.warnings.contains { $0.contains("on the guard set is degenerate") }, "\(report.warnings)")

        let wrong = Qrels(relevant: ["x1": ["d1"]], source: "guard/qrels.tsv")
        XCTAssertThrowsError(try RetrievalBenchmark(name: "guard", corpus: corpus, queries: queries, qrels: wrong)) { e in
            XCTAssertTrue("\(e)".hasPrefix("guard/qrels.tsv: no query id in the qrels (e.g. 'x1') matches any of the 4 queries"), "\(e)")
        }
        // Judged only as not relevant: no query is scorable either.
        let notRelevant = try Qrels.parse("q1\td1\t0\n", path: "guard/qrels.tsv")
        XCTAssertThrowsError(try RetrievalBenchmark(name: "guard", corpus: corpus, queries: queries, qrels: notRelevant)) { e in
            XCTAssertTrue("\(e)".hasPrefix("guard/qrels.tsv: no query id in the qrels"), "\(e)")
        }
    }
}

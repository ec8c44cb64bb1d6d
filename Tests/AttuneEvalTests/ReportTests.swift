import AttuneCore
import AttuneData
import Foundation
import XCTest
@testable import AttuneEval

final class ReportTests: XCTestCase {
    /// 60 queries over 200 documents; query i's relevant document is "d<i>". The base model ranks
    /// it at a query-dependent position; the adapted one moves it up for most queries and down
    /// for a few, so both gain and loss tables are filled.
    private func fixture(worse: Bool = false) -> (EvalReport, [String: String], [String: (String, String)]) {
        let n = 60
        var rel: [String: Set<String>] = [:]
        var baseRun: [String: [String]] = [:], adaptedRun: [String: [String]] = [:]
        var rng = SplitMix64(seed: 3)
        for i in 0..<n {
            let q = "q\(i)", target = "d\(i)"
            rel[q] = [target]
            let others = (0..<200).map { "d\($0)" }.filter { $0 != target }.shuffled(using: &rng)
            let basePos = Int(rng.next() % 15)
            var adaptedPos = i % 7 == 0 ? min(basePos + 6, 20) : max(basePos - 4, 0)
            if worse { adaptedPos = min(basePos + 5, 30) }
            var b = Array(others.prefix(99)); b.insert(target, at: basePos)
            var a = Array(others.suffix(99)); a.insert(target, at: adaptedPos)
            baseRun[q] = b; adaptedRun[q] = a
        }
        let qrels = Qrels(relevant: rel)
        let base = ModelResult(name: "base", metrics: evaluate(ranked: baseRun, qrels: qrels), topDocs: baseRun)
        let adapted = ModelResult(name: "adapted", metrics: evaluate(ranked: adaptedRun, qrels: qrels), topDocs: adaptedRun)
        var queries = Dictionary(uniqueKeysWithValues: (0..<n).map { ("q\($0)", "What are the symptoms of condition \($0)?") })
        queries["q0"] = "<script>alert('x')</script> & more"
        var docs = Dictionary(uniqueKeysWithValues: (0..<200).map {
            ("d\($0)", ("Condition \($0) overview", "Condition \($0) is described here at some length. " + String(repeating: "More detail. ", count: 20)))
        })
        docs["d1"] = ("Title with <b>tags</b> & ampersand", "Text with <img src=x onerror=alert(1)>")
        return (EvalReport(models: [base, adapted], qrels: qrels, test: PairedTest(resamples: 2000, seed: 1)), queries, docs)
    }

    func testTableAndComparisons() throws {
        let (report, _, _) = fixture()
        XCTAssertEqual(report.comparisons.count, 1)
        let nd = try XCTUnwrap(report.comparisons[0].on("ndcg@10"))
        XCTAssertGreaterThan(nd.meanDifference, 0)
        XCTAssertEqual(nd.wins + nd.ties + nd.losses, 60)
        XCTAssertGreaterThan(nd.losses, 0)
        let table = report.table()
        let lines = table.split(separator: "\n")
        XCTAssertTrue(lines[0].hasPrefix("metric"))
        XCTAssertTrue(lines[0].contains("base") && lines[0].contains("adapted") && lines[0].contains("Δ adapted"))
        for metric in MetricName.all { XCTAssertTrue(lines.contains { $0.hasPrefix(metric) }, metric) }
        let row = try XCTUnwrap(lines.first { $0.hasPrefix("ndcg@10") })
        XCTAssertTrue(row.contains(fmt(report.models[0].metrics.mean["ndcg@10"]!)))
        XCTAssertTrue(row.contains("p="))
        XCTAssertFalse(table.contains("WORSE"))
        print(table)
    }

    func testWorseModelGetsLoudWarning() {
        let (report, _, _) = fixture(worse: true)
        let w = report.warnings.first { $0.contains("WORSE") }
        XCTAssertNotNil(w)
        XCTAssertTrue(w!.hasPrefix("WARNING: adapted model adapted is WORSE than base base on nDCG@10"), w!)
        XCTAssertTrue(report.table().contains(w!))
    }

    func testIdenticalModelsWarnDegenerate() {
        let qrels = Qrels(relevant: ["a": ["1"], "b": ["2"], "c": ["3"]])
        let run = ["a": ["1", "2"], "b": ["1", "2"], "c": ["3"]]
        let m = evaluate(ranked: run, qrels: qrels)
        let report = EvalReport(models: [.init(name: "x", metrics: m, topDocs: run), .init(name: "y", metrics: m, topDocs: run)])
        XCTAssertTrue(report.warnings.contains { $0.contains("degenerate: identical per-query scores") }, "\(report.warnings)")
        XCTAssertTrue(report.table().contains("(degenerate)"))
        let viaRuns = ModelResult(name: "x", ranked: run, qrels: qrels, keep: 1)
        XCTAssertEqual(viaRuns.metrics, m)
        XCTAssertEqual(viaRuns.topDocs["a"], ["1"])
    }

    func testJSONHasStableKeysAndMeans() throws {
        let (report, _, _) = fixture()
        let data = report.json()
        XCTAssertEqual(data, report.json())
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(Set(obj.keys), ["models", "comparisons", "warnings", "resamples", "seed"])
        let models = try XCTUnwrap(obj["models"] as? [[String: Any]])
        XCTAssertEqual(models.map { $0["name"] as? String }, ["base", "adapted"])
        let means = try XCTUnwrap(models[1]["metrics"] as? [String: Double])
        XCTAssertEqual(Set(means.keys), Set(MetricName.all))
        XCTAssertEqual(means["ndcg@10"]!, report.models[1].metrics.mean["ndcg@10"]!, accuracy: 1e-12)
        let cmp = try XCTUnwrap((obj["comparisons"] as? [[String: Any]])?.first)
        let nd = try XCTUnwrap((cmp["metrics"] as? [String: Any])?["ndcg@10"] as? [String: Any])
        XCTAssertNotNil(nd["pValue"] as? Double)
        // Keys are sorted: "base" precedes "metrics" precedes "model" in the text.
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertLessThan(text.range(of: "\"base\"")!.lowerBound, text.range(of: "\"metrics\"")!.lowerBound)
    }

    func testHTMLIsSelfContainedWithChartsAndEscapes() throws {
        let (report, queries, docs) = fixture()
        let html = report.html(queries: queries, docs: { id in docs[id].map { (title: $0.0, text: $0.1) } })
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg").count - 1, 2)
        XCTAssertTrue(html.contains("<rect"))
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more") || !html.contains("alert(&#39;x"),
                      "query q0 text must appear escaped when listed")
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>tags</b>"))
        XCTAssertFalse(html.contains("src=\"http"), "no external assets")
        XCTAssertFalse(html.contains("href=\"http"), "no external assets")
        XCTAssertTrue(html.contains("queries that gained"))
        XCTAssertTrue(html.contains("queries that lost"))
        XCTAssertTrue(html.contains("Condition "))    // doc titles shown
        XCTAssertTrue(html.contains("class=\"rel\"")) // relevant answers marked
        XCTAssertTrue(html.hasSuffix("</html>\n"))

        // Write it for scripts/screenshot-report.sh (and check writeHTML round-trips).
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("attune-eval-report.html")
        try report.writeHTML(to: url, queries: queries, docs: { id in docs[id].map { (title: $0.0, text: $0.1) } })
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), html)
    }

    /// The `<script>` query is forced into the page by making q0 the biggest gain.
    func testScriptInQueryTextIsEscaped() {
        let qrels = Qrels(relevant: ["q0": ["a"], "q1": ["b"]])
        let before = ["q0": ["x", "y", "z", "a"], "q1": ["b"]]
        let after = ["q0": ["a"], "q1": ["x", "b"]]
        let report = EvalReport(models: [
            .init(name: "base", metrics: evaluate(ranked: before, qrels: qrels), topDocs: before),
            .init(name: "adapted <new>", metrics: evaluate(ranked: after, qrels: qrels), topDocs: after),
        ], qrels: qrels, test: PairedTest(resamples: 100))
        let html = report.html(queries: ["q0": "<script>alert(1)</script>"], docs: { _ in nil })
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("adapted &lt;new&gt;"))
        XCTAssertFalse(html.contains("adapted <new>"))
        XCTAssertEqual(htmlEscape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;")
    }
}

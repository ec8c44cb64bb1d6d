import AttuneData
@testable import AttuneEval
import AttuneSearch
import AttuneTestSupport
import Foundation
import XCTest

/// `attune eval --reranker`: a run's candidates reordered by an injected scorer, and each reranked
/// row compared with its own retriever (as well as with the first model) in the table, the JSON,
/// the HTML and the suite summary.
final class RerankEvalTests: XCTestCase {
    /// Scores each pair with `f(query, document)` and records the pairs it was given.
    final class FakeScorer: PairScorer {
        let f: (String, String) -> Float
        var seen: [(query: String, document: String)] = []
        init(_ f: @escaping (String, String) -> Float) { self.f = f }
        func score(pairs: [(query: String, document: String)], progress: ((Int, Int) -> Void)?) -> (scores: [Float], summary: Reranker.Summary) {
            seen += pairs
            progress?(pairs.count, pairs.count)
            return (pairs.map { f($0.query, $0.document) }, Reranker.Summary(pairs: pairs.count))
        }
    }

    /// 20 documents "doc k" (titled, which the reranker must not read), 30 queries "query i", each
    /// with one relevant document d(i % 20).
    private func bench(queries n: Int = 30) throws -> RetrievalBenchmark {
        let docs = (0..<20).map { Document(id: "d\($0)", title: "Title \($0)", text: "doc \($0)") }
        let qs = (0..<n).map { Query(id: "q\($0)", text: "query \($0)") }
        let rel = Dictionary(uniqueKeysWithValues: (0..<n).map { ("q\($0)", Set(["d\($0 % 20)"])) })
        return try RetrievalBenchmark(name: "set", corpus: docs, queries: qs, qrels: Qrels(relevant: rel))
    }

    /// Every query's relevant document at `position` (0-based), the others in id order, scores falling.
    private func ranking(_ n: Int = 30, position: Int) -> Evaluator.Run {
        Dictionary(uniqueKeysWithValues: (0..<n).map { i -> (String, [(doc: String, score: Double)]) in
            var docs = (0..<20).map { "d\($0)" }.filter { $0 != "d\(i % 20)" }
            docs.insert("d\(i % 20)", at: position)
            return ("q\(i)", docs.enumerated().map { (doc: $0.element, score: Double(20 - $0.offset)) })
        })
    }

    /// The number after the last space ("query 7" → 7).
    private func number(_ s: String) -> Int { Int(s.split(separator: " ").last!)! }

    /// A scorer that puts the relevant document first for queries i with i % 3 ≠ 0 and last for
    /// the others; every other document ties at 0.
    private func partlyRight() -> FakeScorer {
        FakeScorer { q, d in
            let i = self.number(q), k = self.number(d)
            guard k == i % 20 else { return 0 }
            return i % 3 == 0 ? -1 : 1
        }
    }

    func testRerankedOrderFollowsTheScoresKeepsTheTopNAndReadsTheText() throws {
        let b = try bench()
        let run = ranking(position: 5)
        let scorer = partlyRight()
        var last = (0, 0)
        let (out, summary) = b.rerank(run, top: 12, scorer: scorer, chunk: 50) { done, total in
            XCTAssertGreaterThanOrEqual(done, last.0, "progress never goes back")
            last = (done, total)
        }
        XCTAssertEqual(last.0, 30 * 12)
        XCTAssertEqual(last.1, 30 * 12)
        XCTAssertEqual(summary.pairs, 30 * 12)
        XCTAssertEqual(scorer.seen.count, 30 * 12)
        // The query's text and the document's text alone (no title), as `attune search --reranker` feeds them.
        XCTAssertEqual(scorer.seen[0].query, "query 0")
        XCTAssertTrue(scorer.seen.allSatisfy { $0.document.hasPrefix("doc ") }, "\(scorer.seen.prefix(3))")
        for i in 0..<30 {
            let list = try XCTUnwrap(out["q\(i)"])
            let before = run["q\(i)"]!.prefix(12).map(\.doc)
            XCTAssertEqual(list.count, 12, "only the top N are kept")
            XCTAssertEqual(Set(list.map(\.doc)), Set(before), "the same candidates")
            let rel = "d\(i % 20)"
            // Scores best first; ties in the retriever's order.
            XCTAssertEqual(list.map(\.score), list.map(\.score).sorted(by: >))
            let others = list.map(\.doc).filter { $0 != rel }
            XCTAssertEqual(others, before.filter { $0 != rel })
            XCTAssertEqual(list.firstIndex { $0.doc == rel }, i % 3 == 0 ? 11 : 0, "q\(i)")
            XCTAssertEqual(list.first { $0.doc == rel }?.score, i % 3 == 0 ? -1 : 1)
        }
        // A relevant document beyond the top N is not brought back.
        let deep = b.rerank(ranking(position: 15), top: 10, scorer: partlyRight()).run
        XCTAssertTrue(deep.values.allSatisfy { $0.count == 10 })
        XCTAssertEqual(b.result(name: "deep", run: deep).metrics.mean[MetricName.ndcg10], 0)
        // A query the run lacks stays absent.
        var partial = run
        partial["q3"] = nil
        XCTAssertNil(b.rerank(partial, top: 10, scorer: partlyRight()).run["q3"])
    }

    /// Rows A, B, A + ce, B + ce: B + ce is compared with B (its retriever) and with A; the
    /// statistics are those of B's per-query values against B + ce's.
    private func report() throws -> (RetrievalBenchmark, EvalReport) {
        let b = try bench()
        let a = ranking(position: 2), bRun = ranking(position: 11)
        let results = [b.result(name: "A", run: a), b.result(name: "B", run: bRun),
                       b.result(name: "A + ce", run: b.rerank(a, top: 12, scorer: partlyRight()).run, retriever: "A"),
                       b.result(name: "B + ce", run: b.rerank(bRun, top: 12, scorer: partlyRight()).run, retriever: "B")]
        return (b, b.report(results))
    }

    func testEachRerankedRowIsComparedWithItsOwnRetriever() throws {
        let (_, r) = try report()
        XCTAssertEqual(r.comparisons.map(\.model), ["B", "A + ce", "B + ce"])
        XCTAssertEqual(r.comparisons.map(\.base), ["A", "A", "A"])
        XCTAssertEqual(r.rerankComparisons.map(\.model), ["A + ce", "B + ce"])
        XCTAssertEqual(r.rerankComparisons.map(\.base), ["A", "B"])
        XCTAssertEqual(r.extraComparisons.map(\.model), ["B + ce"], "A + ce vs A is already the comparison with the first model")
        let own = try XCTUnwrap(r.rerankComparisons[1].on(MetricName.ndcg10))
        let values = { (name: String) in r.models.first { $0.name == name }!.metrics.values(of: MetricName.ndcg10) }
        let expected = r.test.compare(metric: MetricName.ndcg10, base: values("B"), other: values("B + ce"), baseName: "B", otherName: "B + ce")
        XCTAssertEqual(own.meanDifference, expected.meanDifference)
        XCTAssertEqual(own.ciLow, expected.ciLow)
        XCTAssertEqual(own.ciHigh, expected.ciHigh)
        XCTAssertEqual(own.pValue, expected.pValue)
        // B ranks every relevant document 12th (nDCG@10 0); reranked, 20 of 30 come first.
        XCTAssertEqual(own.baseMean, 0)
        XCTAssertEqual(own.otherMean, 20.0 / 30, accuracy: 1e-12)
        XCTAssertEqual(own.wins, 20)
        XCTAssertEqual(own.ties, 10)
        let vsFirst = try XCTUnwrap(r.comparisons[2].on(MetricName.ndcg10))
        XCTAssertEqual(vsFirst.baseMean, 0.5, accuracy: 1e-12, "A has every relevant document 3rd")
        XCTAssertNotEqual(vsFirst.meanDifference, own.meanDifference)

        let table = r.table()
        XCTAssertTrue(table.contains("Δ B + ce vs B"), table)
        XCTAssertFalse(table.contains("Δ A + ce vs A"), table)
        let ndcgLine = try XCTUnwrap(table.split(separator: "\n").first { $0.hasPrefix("ndcg@10") })
        XCTAssertTrue(ndcgLine.contains("\(signed(own.meanDifference)) [\(signed(own.ciLow)), \(signed(own.ciHigh))]"), String(ndcgLine))

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: r.json()) as? [String: Any])
        let models = try XCTUnwrap(json["models"] as? [[String: Any]])
        XCTAssertEqual(models.map { $0["retriever"] as? String }, [nil, nil, "A", "B"])
        let reranked = try XCTUnwrap(json["rerank_comparisons"] as? [[String: Any]])
        XCTAssertEqual(reranked.map { $0["base"] as? String }, ["A", "B"])
        let metric = try XCTUnwrap((reranked[1]["metrics"] as? [String: Any])?[MetricName.ndcg10] as? [String: Any])
        XCTAssertEqual(metric["ciLow"] as? Double, own.ciLow)

        let html = r.html(queries: [:], docs: { _ in nil })
        XCTAssertTrue(html.contains("each reranked row vs its own retriever"), "the HTML has the rerank statistics")
        XCTAssertTrue(html.contains("<td>B + ce</td><td>B</td>"))

        // Without a reranker the JSON has no rerank key.
        let plain = try XCTUnwrap(JSONSerialization.jsonObject(with: try bench().report([r.models[0], r.models[1]]).json()) as? [String: Any])
        XCTAssertNil(plain["rerank_comparisons"])
    }

    func testGuardSetTablesAndJSONCarryTheOwnRetrieverComparison() throws {
        let (_, r) = try report()
        var (_, g) = try report()
        g.setName = "guard"
        let table = r.table(guardSet: g)
        let side = try XCTUnwrap(table.split(separator: "\n").first { $0.hasPrefix("B + ce vs B ") }, table)
        let c = try XCTUnwrap(g.extraComparisons[0].on(MetricName.ndcg10))
        XCTAssertTrue(side.contains("\(signed(c.meanDifference)) [\(signed(c.ciLow)), \(signed(c.ciHigh))]"), String(side))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: r.json(guardSet: g)) as? [String: Any])
        let guardJSON = try XCTUnwrap(json["guard"] as? [String: Any])
        XCTAssertEqual((guardJSON["rerank_comparisons"] as? [[String: Any]])?.map { $0["base"] as? String }, ["A", "B"])
        XCTAssertTrue(r.html(queries: [:], docs: { _ in nil }, guardSet: g).contains("B + ce vs B · guard"), "the side-by-side chart")
    }

    /// The library's whole run on the real model: each model's run on each set reranked once, the
    /// retriever's row unchanged by it, a depth above 100 for the candidates only.
    func testEvaluationReranksEachRunOnceAndLeavesTheRetrieverAlone() throws {
        let model = try Fixtures.model().path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-rerank-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws -> URL {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }
        let topics = ["glaucoma raises eye pressure", "asthma narrows the airways", "anemia is a lack of red blood cells", "migraine is a severe headache"]
        let c = try write("c.jsonl", (0..<120).map { "{\"_id\": \"d\($0)\", \"text\": \"\(topics[$0 % 4]) \($0)\"}" }.joined(separator: "\n") + "\n")
        let q = try write("q.jsonl", "{\"_id\": \"q1\", \"text\": \"eye pressure\"}\n{\"_id\": \"q2\", \"text\": \"cannot breathe\"}\n")
        let r1 = try write("r1.tsv", "q1\td0\t1\nq2\td1\t1\n")
        let r2 = try write("r2.tsv", "q1\td4\t1\nq2\td117\t1\n")
        let suite = try EvaluationSuite(sets: [EvaluationSet(name: "a", role: .domain, corpus: c, queries: q, qrels: r1),
                                               EvaluationSet(name: "b", role: .users, corpus: c, queries: q, qrels: r2)])
        // The cross-encoder stand-in prefers the highest document number.
        let scorer = FakeScorer { _, d in Float(self.number(d)) }
        var e = Evaluation(models: [model], suite: suite)
        e.indexLocation = dir.appendingPathComponent("idx").path
        e.reranking = EvalReranking(scorer: scorer, name: "ce", top: 110)
        var finals: [String: (Int, Int)] = [:]
        e.rerankProgress = { label, done, total in finals[label] = (done, total) }
        let result = try e.run()
        let row = "\(model) + ce"
        XCTAssertEqual(result.models, [model, row])
        XCTAssertEqual(scorer.seen.count, 2 * 2 * 110, "2 sets × 2 queries × 110 candidates, each run reranked once")
        XCTAssertEqual(finals.count, 2)
        XCTAssertTrue(finals.values.allSatisfy { $0 == (220, 220) }, "\(finals)")

        var plain = e
        plain.reranking = nil
        let alone = try plain.run()
        for (s, p) in zip(result.sets, alone.sets) {
            XCTAssertEqual(s.report.models.map(\.name), [model, row])
            XCTAssertEqual(s.report.models[1].retriever, model)
            XCTAssertEqual(s.report.models[0].metrics, p.report.models[0].metrics, "the retriever's row is unchanged")
            XCTAssertEqual(s.runs.count, 2)
            for qid in ["q1", "q2"] {
                let retrieved = try XCTUnwrap(s.runs[0].run[qid])
                XCTAssertEqual(retrieved.map(\.doc), p.runs[0].run[qid]?.map(\.doc), "the retriever's run keeps its top 100")
                XCTAssertEqual(retrieved.count, 100)
                let reranked = try XCTUnwrap(s.runs[1].run[qid])
                XCTAssertEqual(reranked.count, 110, "depth raised to --rerank-top for the candidates")
                XCTAssertTrue(Set(retrieved.map(\.doc)).isSubset(of: reranked.map(\.doc)))
                XCTAssertEqual(reranked.map(\.score), reranked.map { Double(self.number($0.doc.replacingOccurrences(of: "d", with: "d "))) })
                XCTAssertEqual(reranked.map(\.score), reranked.map(\.score).sorted(by: >))
            }
            XCTAssertEqual(s.report.rerankComparisons.map(\.base), [model])
        }
        // Too many candidates for the corpus: refused naming the set, before any model loads.
        e.reranking = EvalReranking(scorer: scorer, name: "ce", top: 121)
        XCTAssertThrowsError(try e.run()) { err in
            XCTAssertEqual((err as? EvaluationSettingError)?.setting, "rerank_top")
            XCTAssertTrue("\(err)".contains("a set's corpus (120 documents)"), "\(err)")
        }
    }

    /// A scorer whose logits differ from its scores (score = σ(logit)), as a cross-encoder's do.
    final class LogitScorer: PairScorer {
        let f: (String, String) -> Float
        var calls = 0
        init(_ f: @escaping (String, String) -> Float) { self.f = f }
        func score(pairs: [(query: String, document: String)], progress: ((Int, Int) -> Void)?) -> (scores: [Float], summary: Reranker.Summary) {
            let r = scoresAndLogits(pairs: pairs, progress: progress)
            return (r.scores, r.summary)
        }
        func scoresAndLogits(pairs: [(query: String, document: String)], progress: ((Int, Int) -> Void)?) -> (scores: [Float], logits: [Float], summary: Reranker.Summary) {
            calls += 1
            let logits = pairs.map { f($0.query, $0.document) }
            return (logits.map { 1 / (1 + exp(-$0)) }, logits, Reranker.Summary(pairs: pairs.count))
        }
    }

    func testFusedRowsMixTheLogitsWithTheRetrieversScoresFromOneScoring() throws {
        let b = try bench()
        let run = ranking(position: 5)          // retriever scores 20, 19, … ; the relevant document 6th
        // Logits: the relevant document 2, documents d(k) k < 10 get 3 (above it), the rest 0.
        let scorer = LogitScorer { q, d in
            let i = self.number(q), k = self.number(d)
            return k == i % 20 ? 2 : (k < 10 ? 3 : 0)
        }
        let fusions = [RerankFusion.crossEncoderOnly, try RerankFusion(weight: 0.5), try RerankFusion(weight: 0)]
        let (runs, summary) = b.rerank(run, top: 12, scorer: scorer, fusions: fusions, chunk: 1000)
        XCTAssertEqual(scorer.calls, 1, "one scoring for every fusion")
        XCTAssertEqual(summary.pairs, 30 * 12)
        XCTAssertEqual(runs.count, 3)
        for i in 0..<30 {
            let before = try XCTUnwrap(run["q\(i)"]).prefix(12)
            let logits = before.map { Double(scorer.f("query \(i)", "doc \(self.number($0.doc.replacingOccurrences(of: "d", with: "d ")))")) }
            // Weight 1: the σ scores, in the logits' order.
            let byLogit = before.indices.sorted { logits[$0] != logits[$1] ? logits[$0] > logits[$1] : $0 < $1 }
            XCTAssertEqual(runs[0]["q\(i)"]?.map(\.doc), byLogit.map { before[$0].doc })
            XCTAssertEqual(runs[0]["q\(i)"]?.map(\.score), byLogit.map { Double(Float(1 / (1 + exp(-Float(logits[$0]))))) })
            XCTAssertEqual(runs[0]["q\(i)"]?.map(\.score), runs[0]["q\(i)"]?.map(\.score).sorted(by: >))
            // Weight 0.5: the formula on the logits and the retriever's scores.
            let expected = try RerankFusion(weight: 0.5).order(reranker: logits, retriever: before.map(\.score))
            XCTAssertEqual(runs[1]["q\(i)"]?.map(\.doc), expected.order.map { before[$0].doc })
            XCTAssertEqual(runs[1]["q\(i)"]?.map(\.score), expected.order.map { expected.scores[$0] })
            // Weight 0: the retriever's own order.
            XCTAssertEqual(runs[2]["q\(i)"]?.map(\.doc), before.map(\.doc))
        }
        // The one-fusion form is the cross-encoder alone.
        XCTAssertEqual(b.rerank(run, top: 12, scorer: scorer).run["q3"]?.map(\.doc), runs[0]["q3"]?.map(\.doc))

        // Rows and names, one per fusion.
        var r = EvalReranking(scorer: scorer, name: "ce")
        r.fusions = fusions
        XCTAssertEqual(r.rowNames(for: "M"), ["M + ce", "M + ce (fused 0.5)", "M + ce (fused 0.0)"])
    }

    func testRerankedRowWorseThanItsRetrieverIsWarned() throws {
        let b = try bench()
        let a = ranking(position: 2), good = ranking(position: 0)
        let wrong = FakeScorer { q, d in self.number(d) == self.number(q) % 20 ? -1 : 0 }
        let r = b.report([b.result(name: "A", run: a), b.result(name: "B", run: good),
                          b.result(name: "B + ce", run: b.rerank(good, top: 10, scorer: wrong).run, retriever: "B")])
        XCTAssertTrue(r.warnings.contains { $0.contains("reranked B + ce is WORSE than its retriever B") }, "\(r.warnings)")
    }

    func testSuiteSummaryAndForestPlotCarryTheRerankComparisons() throws {
        let (b, r) = try report()
        let file = URL(fileURLWithPath: "/data/set.jsonl")
        let set = EvaluationSet(name: "other-set", role: .other, corpus: file, queries: file, qrels: file)
        let s = SuiteEvaluation(suite: try EvaluationSuite(sets: [set], source: "s.yaml"), models: r.models.map(\.name),
                                sets: [SetEvaluation(set: set, benchmark: b, report: r, runs: [])], test: r.test)
        let changes = s.changes
        XCTAssertEqual(changes.map(\.model), ["B", "A + ce", "B + ce", "B + ce"])
        XCTAssertEqual(changes.map(\.base), ["A", "A", "A", "B"])
        XCTAssertEqual(changes.map(\.versusRetriever), [false, false, false, true])
        let table = s.table()
        XCTAssertTrue(table.contains("Δ B + ce vs B [95% CI]"), table)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: s.json()) as? [String: Any])
        let summary = try XCTUnwrap(json["summary"] as? [[String: Any]])
        let own = try XCTUnwrap(summary.first { $0["versus_retriever"] as? Bool == true })
        XCTAssertEqual(own["base"] as? String, "B")
        XCTAssertEqual(own["delta"] as? Double, r.extraComparisons[0].on(MetricName.ndcg10)?.meanDifference)
        let html = s.html()
        XCTAssertTrue(html.contains("B + ce vs B"), "the forest plot's legend")
    }

    func testCandidatesAreCheckedAgainstTenAndTheCorpus() throws {
        let r = EvalReranking(scorer: partlyRight(), name: "ce")
        XCTAssertEqual(try r.candidates(corpus: 500), 50, "the default, as `attune search --reranker` takes")
        XCTAssertEqual(try r.candidates(corpus: 12), 12)
        XCTAssertEqual(r.rowName(for: "base"), "base + ce")
        XCTAssertThrowsError(try EvalReranking(scorer: partlyRight(), name: "ce", top: 9).candidates(corpus: 500)) { e in
            XCTAssertEqual((e as? EvaluationSettingError)?.setting, "rerank_top")
            XCTAssertTrue("\(e)".contains("at least 10"), "\(e)")
        }
        XCTAssertThrowsError(try EvalReranking(scorer: partlyRight(), name: "ce", top: 30).candidates(corpus: 20, set: "guard")) { e in
            XCTAssertTrue("\(e)".contains("guard set's corpus (20 documents)"), "\(e)")
        }
        XCTAssertEqual(try EvalReranking(scorer: partlyRight(), name: "ce", top: 20).candidates(corpus: 20), 20)
    }
}

import AttuneCore
import AttuneData
import XCTest
@testable import AttuneEval

final class MetricsTests: XCTestCase {
    /// `n` filler documents that are never relevant.
    private func filler(_ n: Int, _ prefix: String = "x") -> [String] { (0..<n).map { "\(prefix)\($0)" } }

    /// rel = {r1, r2, r3}; ranking: x, r1, x, r2, x…, r3 at rank 12.
    ///   DCG  = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061606
    ///   IDCG = 1 + 1/log2(3) + 1/log2(4) = 2.130930  → nDCG@10 = 0.498189
    ///   MRR@10 = 1/2; Recall@1 = 0; Recall@10 = 2/3; Recall@100 = 3/3
    ///   AP = (1/2 + 2/4 + 3/12) / 3 = 1.25 / 3 = 0.416667
    func testThreeRelevantSpreadOut() {
        var ranking = ["x0", "r1", "x1", "r2"] + filler(7, "y")   // ranks 1…11
        ranking += ["r3"] + filler(3, "z")                          // r3 at rank 12
        XCTAssertEqual(ranking.firstIndex(of: "r3"), 11)
        let m = queryMetrics(ranking: ranking, relevant: ["r1", "r2", "r3"])
        XCTAssertEqual(m["ndcg@10"]!, 1.061606 / 2.130930, accuracy: 1e-6)
        XCTAssertEqual(m["ndcg@10"]!, 0.498189, accuracy: 1e-6)
        XCTAssertEqual(m["mrr@10"]!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(m["recall@1"]!, 0, accuracy: 1e-12)
        XCTAssertEqual(m["recall@10"]!, 2.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(m["recall@100"]!, 1, accuracy: 1e-12)
        XCTAssertEqual(m["map@100"]!, 1.25 / 3.0, accuracy: 1e-12)
    }

    /// rel = {r1, r2}; r1 at rank 1, r2 at rank 101 — outside every cut-off.
    ///   nDCG@10 = 1 / (1 + 1/log2(3)) = 0.613147; MRR = 1; Recall@1 = @10 = @100 = 1/2
    ///   AP = (1/1) / 2 = 0.5 (the hit at rank 101 is beyond MAP@100)
    func testRelevantBeyondRank100IsNotCounted() {
        let ranking = ["r1"] + filler(99) + ["r2"] + filler(19, "w")
        XCTAssertEqual(ranking.firstIndex(of: "r2"), 100)
        let m = queryMetrics(ranking: ranking, relevant: ["r1", "r2"])
        XCTAssertEqual(m["ndcg@10"]!, 0.613147, accuracy: 1e-6)
        XCTAssertEqual(m["mrr@10"]!, 1)
        XCTAssertEqual(m["recall@1"]!, 0.5)
        XCTAssertEqual(m["recall@10"]!, 0.5)
        XCTAssertEqual(m["recall@100"]!, 0.5)
        XCTAssertEqual(m["map@100"]!, 0.5)
    }

    /// rel = {r1, r2} at ranks 50 and 100: nothing in the top 10, both within 100.
    ///   nDCG@10 = MRR@10 = Recall@10 = 0; Recall@100 = 1; AP = (1/50 + 2/100) / 2 = 0.02
    func testRecall100AndMapWithLateHits() {
        var ranking = filler(100)
        ranking[49] = "r1"; ranking[99] = "r2"
        let m = queryMetrics(ranking: ranking, relevant: ["r1", "r2"])
        XCTAssertEqual(m["ndcg@10"]!, 0)
        XCTAssertEqual(m["mrr@10"]!, 0)
        XCTAssertEqual(m["recall@10"]!, 0)
        XCTAssertEqual(m["recall@100"]!, 1)
        XCTAssertEqual(m["map@100"]!, 0.02, accuracy: 1e-12)
    }

    /// 12 relevant docs at ranks 1…12: IDCG is capped at 10 terms so nDCG@10 = 1;
    /// Recall@10 = 10/12; every hit has precision 1 so AP = 12/12 = 1; Recall@1 = 1/12.
    func testManyRelevantCapsIdealDCGAtTen() {
        let rel = (0..<12).map { "r\($0)" }
        let m = queryMetrics(ranking: rel + filler(5), relevant: Set(rel))
        XCTAssertEqual(m["ndcg@10"]!, 1, accuracy: 1e-12)
        XCTAssertEqual(m["recall@1"]!, 1.0 / 12.0, accuracy: 1e-12)
        XCTAssertEqual(m["recall@10"]!, 10.0 / 12.0, accuracy: 1e-12)
        XCTAssertEqual(m["recall@100"]!, 1, accuracy: 1e-12)
        XCTAssertEqual(m["map@100"]!, 1, accuracy: 1e-12)
    }

    /// No relevant document in the ranking: every metric is 0.
    func testMissEverything() {
        let m = queryMetrics(ranking: filler(50), relevant: ["r"])
        for k in MetricName.all { XCTAssertEqual(m[k], 0, k) }
    }

    /// The mean runs over queries in the ranking that have relevant documents:
    /// q1 (nDCG 1), q2 (nDCG 0); q3 has no relevant doc, q4 is judged but not ranked.
    /// mean nDCG@10 = (1 + 0)/2 = 0.5; mean Recall@10 = 0.5; queries = 2.
    func testMeanSkipsUnjudgedAndUnrankedQueries() {
        let qrels = Qrels(relevant: ["q1": ["a"], "q2": ["b"], "q4": ["c"]])
        let run = ["q1": ["a", "x"], "q2": ["x", "y"], "q3": ["a"]]
        let r = evaluate(ranked: run, qrels: qrels)
        XCTAssertEqual(r.queries, 2)
        XCTAssertEqual(Set(r.perQuery.keys), ["q1", "q2"])
        XCTAssertEqual(r.mean["ndcg@10"]!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(r.mean["recall@10"]!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(r.mean["mrr@10"]!, 0.5, accuracy: 1e-12)
        XCTAssertEqual(r.values(of: "ndcg@10"), ["q1": 1, "q2": 0])
    }

    func testEmptyEvaluationHasZeroMeans() {
        let r = evaluate(ranked: ["q": ["a"]], qrels: Qrels(relevant: ["other": ["a"]]))
        XCTAssertEqual(r.queries, 0)
        XCTAssertEqual(r.mean["ndcg@10"], 0)
    }
}

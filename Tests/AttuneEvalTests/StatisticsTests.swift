import XCTest
@testable import AttuneEval

final class StatisticsTests: XCTestCase {
    private func ids(_ n: Int) -> [String] { (0..<n).map { String(format: "q%03d", $0) } }
    private let test = PairedTest(resamples: 10_000, seed: 7)

    /// Every query improves by exactly 0.1: every bootstrap mean is 0.1, so CI = [0.1, 0.1];
    /// only the 2 all-same-sign flips of 2^20 reach |0.1|, so p ≈ (0 + 1)/(R + 1).
    func testUniformImprovement() {
        let q = ids(20)
        let base = Dictionary(uniqueKeysWithValues: q.enumerated().map { ($1, Double($0 % 9) / 10) })
        let other = base.mapValues { $0 + 0.1 }
        let c = test.compare(metric: "ndcg@10", base: base, other: other)
        XCTAssertNil(c.degenerate)
        XCTAssertEqual(c.queries, 20)
        XCTAssertEqual(c.meanDifference, 0.1, accuracy: 1e-9)
        XCTAssertEqual(c.ciLow, 0.1, accuracy: 1e-9)
        XCTAssertEqual(c.ciHigh, 0.1, accuracy: 1e-9)
        XCTAssertLessThan(c.pValue, 3.0 / 10_001)
        XCTAssertGreaterThanOrEqual(c.pValue, 1.0 / 10_001)
        XCTAssertEqual([c.wins, c.ties, c.losses], [20, 0, 0])
        XCTAssertTrue(c.significant)
    }

    /// ±0.1 on 10 queries each: the mean is 0, every sign flip reaches |0| so p = 1.
    func testSymmetricDifferencesAreNotSignificant() {
        let q = ids(20)
        let base = Dictionary(uniqueKeysWithValues: q.map { ($0, 0.5) })
        let other = Dictionary(uniqueKeysWithValues: q.enumerated().map { ($1, $0 % 2 == 0 ? 0.6 : 0.4) })
        let c = test.compare(metric: "ndcg@10", base: base, other: other)
        XCTAssertEqual(c.meanDifference, 0, accuracy: 1e-12)
        XCTAssertEqual(c.pValue, 1, accuracy: 1e-12)
        XCTAssertLessThan(c.ciLow, 0)
        XCTAssertGreaterThan(c.ciHigh, 0)
        XCTAssertEqual([c.wins, c.ties, c.losses], [10, 0, 10])
        XCTAssertFalse(c.significant)
    }

    /// 11 × +0.1 and 9 × −0.1 (mean +0.01). Under sign flips the sum of 20 ±1 signs reaches
    /// |2| unless it is exactly 0, which has probability C(20,10)/2^20 = 0.1762, so p ≈ 0.824.
    func testNearlyBalancedMatchesExactPermutationP() {
        let q = ids(20)
        let base = Dictionary(uniqueKeysWithValues: q.map { ($0, 0.5) })
        let other = Dictionary(uniqueKeysWithValues: q.enumerated().map { ($1, $0 < 11 ? 0.6 : 0.4) })
        let c = test.compare(metric: "ndcg@10", base: base, other: other)
        XCTAssertEqual(c.meanDifference, 0.01, accuracy: 1e-12)
        XCTAssertEqual(c.pValue, 1 - 184_756.0 / 1_048_576.0, accuracy: 0.02)
        XCTAssertFalse(c.significant)
    }

    /// Three queries all +0.1: exactly 2 of the 8 sign patterns reach |0.1|, so p ≈ 0.25.
    func testSmallSampleExactP() {
        let c = test.compare(metric: "m", base: ["a": 0.1, "b": 0.2, "c": 0.3], other: ["a": 0.2, "b": 0.3, "c": 0.4])
        XCTAssertEqual(c.pValue, 0.25, accuracy: 0.015)
        XCTAssertFalse(c.significant)
    }

    /// d = [0, 1]: bootstrap means are 0, 0.5, 1 with probability 1/4, 1/2, 1/4,
    /// so the 2.5% and 97.5% percentiles are 0 and 1.
    func testBootstrapPercentilesOfTwoPoints() {
        let c = test.compare(metric: "m", base: ["a": 0.5, "b": 0.0], other: ["a": 0.5, "b": 1.0])
        XCTAssertEqual(c.meanDifference, 0.5)
        XCTAssertEqual(c.ciLow, 0)
        XCTAssertEqual(c.ciHigh, 1)
    }

    func testIdenticalRunsAreDegenerate() {
        let base = Dictionary(uniqueKeysWithValues: ids(30).enumerated().map { ($1, Double($0) / 30) })
        let c = test.compare(metric: "ndcg@10", base: base, other: base)
        XCTAssertEqual(c.degenerate, "identical per-query scores")
        XCTAssertEqual(c.pValue, 1)
        XCTAssertEqual(c.ciLow, 0)
        XCTAssertEqual(c.ciHigh, 0)
        XCTAssertEqual(c.ties, 30)
        XCTAssertFalse(c.significant)
    }

    func testAllZeroModelIsDegenerateNeverSignificant() {
        let q = ids(40)
        let base = Dictionary(uniqueKeysWithValues: q.map { ($0, 0.7) })
        let zero = base.mapValues { _ in 0.0 }
        let c = test.compare(metric: "ndcg@10", base: base, other: zero, baseName: "base", otherName: "broken")
        XCTAssertEqual(c.degenerate, "broken scored 0 on every query")
        XCTAssertEqual(c.meanDifference, -0.7, accuracy: 1e-12)
        XCTAssertFalse(c.significant)
        let d = test.compare(metric: "ndcg@10", base: zero, other: base, baseName: "empty", otherName: "x")
        XCTAssertEqual(d.degenerate, "empty scored 0 on every query")
        XCTAssertFalse(d.significant)
    }

    func testFewerThanTwoQueriesIsDegenerate() {
        let c = test.compare(metric: "m", base: ["a": 0.1, "only-base": 0.3], other: ["a": 0.9])
        XCTAssertEqual(c.queries, 1)
        XCTAssertEqual(c.degenerate, "fewer than 2 paired queries (1)")
        XCTAssertEqual(c.pValue, 1)
        XCTAssertFalse(c.significant)
        XCTAssertEqual(test.compare(metric: "m", base: [:], other: [:]).degenerate, "fewer than 2 paired queries (0)")
    }

    func testSeededAndReproducible() {
        let q = ids(50)
        let base = Dictionary(uniqueKeysWithValues: q.enumerated().map { ($1, Double(($0 * 37) % 11) / 10) })
        let other = Dictionary(uniqueKeysWithValues: q.enumerated().map { ($1, Double(($0 * 53) % 11) / 10) })
        let a = test.compare(metric: "m", base: base, other: other)
        let b = test.compare(metric: "m", base: base, other: other)
        XCTAssertEqual(a, b)
        let c = PairedTest(resamples: 10_000, seed: 99).compare(metric: "m", base: base, other: other)
        XCTAssertNotEqual(a.ciLow, c.ciLow)
        XCTAssertEqual(a.ciLow, c.ciLow, accuracy: 0.03)
        XCTAssertEqual(a.pValue, c.pValue, accuracy: 0.03)
        XCTAssertLessThan(a.ciLow, a.meanDifference)
        XCTAssertGreaterThan(a.ciHigh, a.meanDifference)
    }
}

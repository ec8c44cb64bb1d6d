import AttuneCore
@testable import AttuneTrain
import XCTest

final class MNRLossTests: XCTestCase {
    private func random(_ rows: Int, _ cols: Int, _ rng: inout SplitMix64) -> [Float] {
        (0..<(rows * cols)).map { _ in rng.nextFloat() * 2 - 1 }
    }

    private func lossValue(_ loss: MultipleNegativesRankingLoss, _ a: [Float], _ c: [Float], d: Int,
                           _ aIDs: [Int32], _ cIDs: [Int32]) -> Double {
        let out = loss(anchors: Tensor(a, shape: [aIDs.count, d]), candidates: Tensor(c, shape: [cIDs.count, d]),
                       anchorTextIDs: aIDs, candidateTextIDs: cIDs)
        return Double(out[0])
    }

    /// Backward of the whole loss against central differences, for anchors and candidates.
    private func gradientCheck(symmetric: Bool, aIDs: [Int32], cIDs: [Int32], file: StaticString = #filePath, line: UInt = #line) {
        let d = 5, b = aIDs.count, c = cIDs.count
        var rng = SplitMix64(seed: UInt64(b * 31 + c + (symmetric ? 1 : 0)))
        let av = random(b, d, &rng), cv = random(c, d, &rng)
        let loss = MultipleNegativesRankingLoss(scale: 7, symmetric: symmetric)
        let a = Tensor(av, shape: [b, d], requiresGrad: true), cand = Tensor(cv, shape: [c, d], requiresGrad: true)
        let out = loss(anchors: a, candidates: cand, anchorTextIDs: aIDs, candidateTextIDs: cIDs)
        out.backward()
        let ga = a.gradient!.values, gc = cand.gradient!.values
        let eps: Float = 1e-2
        var worst = 0.0
        for (isAnchor, base, grad) in [(true, av, ga), (false, cv, gc)] {
            for k in 0..<base.count {
                var plus = base, minus = base
                plus[k] += eps; minus[k] -= eps
                let lp = isAnchor ? lossValue(loss, plus, cv, d: d, aIDs, cIDs) : lossValue(loss, av, plus, d: d, aIDs, cIDs)
                let lm = isAnchor ? lossValue(loss, minus, cv, d: d, aIDs, cIDs) : lossValue(loss, av, minus, d: d, aIDs, cIDs)
                let numeric = (lp - lm) / Double(2 * eps)
                worst = max(worst, abs(numeric - Double(grad[k])))
                XCTAssertEqual(Double(grad[k]), numeric, accuracy: 3e-3 + 0.02 * abs(numeric),
                               "d/d\(isAnchor ? "anchor" : "candidate")[\(k)]", file: file, line: line)
            }
        }
        XCTAssertGreaterThan(ga.map { abs($0) }.max()!, 1e-3, "gradient should not vanish", file: file, line: line)
    }

    func testGradientMatchesFiniteDifferences() {
        // Three anchors, positives and one column of hard negatives; no shared texts.
        gradientCheck(symmetric: false, aIDs: [0, 1, 2], cIDs: [3, 4, 5, 6, 7, 8])
        gradientCheck(symmetric: true, aIDs: [0, 1, 2], cIDs: [3, 4, 5, 6, 7, 8])
        // With exclusions in play: a negative equal to positive 0, and pairs 1 and 2 sharing an answer.
        gradientCheck(symmetric: false, aIDs: [0, 1, 2], cIDs: [3, 4, 4, 3, 7, 8])
        gradientCheck(symmetric: true, aIDs: [0, 1, 0], cIDs: [3, 4, 4, 3, 7, 8])
    }

    func testHandComputedTwoByTwo() {
        // anchors (1,0), (0,1); positives (1,0), (1,1): cosines [[1, 1/√2], [0, 1/√2]].
        let a: [Float] = [1, 0, 0, 1], p: [Float] = [1, 0, 1, 1]
        let r = 1 / 2.0.squareRoot(), s = 20.0
        let row0 = log(exp(s) + exp(s * r)) - s
        let row1 = log(exp(0) + exp(s * r)) - s * r
        let expected = (row0 + row1) / 2
        XCTAssertEqual(lossValue(MultipleNegativesRankingLoss(), a, p, d: 2, [0, 1], [2, 3]), expected, accuracy: 1e-4)
        // Symmetric: positives against anchors, cosines [[1, 0], [1/√2, 1/√2]].
        let back0 = log(exp(s) + exp(0)) - s
        let back1 = log(exp(s * r) + exp(s * r)) - s * r
        let symmetric = (expected + (back0 + back1) / 2) / 2
        XCTAssertEqual(lossValue(MultipleNegativesRankingLoss(symmetric: true), a, p, d: 2, [0, 1], [2, 3]), symmetric, accuracy: 1e-4)
    }

    func testRepeatedAnswerIsExcludedNotANegative() {
        // Both pairs have the same answer text (ID 5): each row then has only its own column.
        let a: [Float] = [1, 0, 0, 1], p: [Float] = [0.2, 1, 1, 0.2]
        let loss = MultipleNegativesRankingLoss()
        XCTAssertEqual(lossValue(loss, a, p, d: 2, [0, 1], [5, 5]), 0, accuracy: 1e-6)
        XCTAssertGreaterThan(lossValue(loss, a, p, d: 2, [0, 1], [5, 6]), 5)
        XCTAssertEqual(lossValue(MultipleNegativesRankingLoss(symmetric: true), a, p, d: 2, [0, 1], [5, 5]), 0, accuracy: 1e-6)
        // A hard negative (row 2 of candidates) equal to positive 0 drops out of row 0 only.
        let withNeg: [Float] = [1, 0, 0, 1, 1, 0, 0, 1]
        let excluded = lossValue(loss, a, withNeg, d: 2, [0, 1], [5, 6, 5, 7])
        let counted = lossValue(loss, a, withNeg, d: 2, [0, 1], [5, 6, 8, 7])
        XCTAssertEqual(excluded, log(2) / 2, accuracy: 1e-4)
        XCTAssertEqual(counted, log(2), accuracy: 1e-4)
        XCTAssertEqual(MultipleNegativesRankingLoss.forwardExclusions([0, 1], [5, 6, 5, 7]), [[2], []])
        // The same anchor text twice: each positive is right for both.
        XCTAssertEqual(MultipleNegativesRankingLoss.forwardExclusions([0, 0], [5, 6]), [[1], [0]])
        XCTAssertEqual(MultipleNegativesRankingLoss.backwardExclusions([0, 1, 0], [5, 6, 7]), [[2], [], [0]])
    }
}

/// How a batch's candidates are laid out when pairs have different numbers of negatives.
final class BatchCandidatesTests: XCTestCase {
    func testEveryNegativeIsUsedAndGapsArePaddedWithThePositive() {
        // Pair 0 has two negatives, pair 1 none, pair 2 one.
        let pos: [Int32] = [10, 11, 12], neg: [[Int32]] = [[20, 21], [], [22]]
        let (ids, padding) = Trainer.candidates([0, 1, 2], positiveIDs: pos, negativeIDs: neg)
        XCTAssertEqual(ids, [10, 11, 12,  20, 11, 22,  21, 11, 12])
        XCTAssertEqual(padding, [4, 7, 8])
        let none = Trainer.candidates([1, 0], positiveIDs: pos, negativeIDs: [[], [], []])
        XCTAssertEqual(none.ids, [11, 10])
        XCTAssertEqual(none.padding, [])
    }

    func testPaddedSlotsMaskedForEveryRowLeaveTheLossOfTheRealCandidates() {
        // Loss over [pos0, pos1, neg0, PAD] with PAD masked equals the loss over [pos0, pos1, neg0]
        // where row 1 never sees a negative of its own.
        var rng = SplitMix64(seed: 5)
        let d = 3
        let a = Tensor((0..<(2 * d)).map { _ in rng.nextFloat() - 0.5 }, shape: [2, d])
        let c4 = Tensor((0..<(4 * d)).map { _ in rng.nextFloat() - 0.5 }, shape: [4, d])
        let loss = MultipleNegativesRankingLoss(scale: 20)
        let masked = loss(anchors: a, candidates: c4, anchorTextIDs: [0, 1], candidateTextIDs: [2, 3, 4, 3],
                          masks: LossMasks(forward: [[3], [3]]))[0]
        // By hand: row i's softmax over columns 0..2.
        let s = a.cosineSimilarity(c4).scaled(20)
        func row(_ i: Int) -> Double {
            let z = (0..<3).map { Double(s[i * 4 + $0]) }
            return log(z.map { exp($0) }.reduce(0, +)) - z[i]
        }
        XCTAssertEqual(Double(masked), (row(0) + row(1)) / 2, accuracy: 1e-5)
    }
}

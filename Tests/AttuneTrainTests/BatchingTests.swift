import AttuneCore
import AttuneTestSupport
@testable import AttuneTrain
import XCTest

final class BatchingTests: XCTestCase {
    /// Pairs with many repeated texts: anchors from a small pool, answers from a smaller one.
    private func repetitivePairs(_ n: Int, seed: UInt64, negatives: Bool = false) -> [TrainingPair] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { i in
            let a = "q\(rng.next() % UInt64(n / 2 + 1))"
            let p = "a\(rng.next() % UInt64(n / 3 + 1))"
            let negs = negatives && i % 3 == 0 ? ["a\(rng.next() % UInt64(n / 3 + 1))"] : []
            return TrainingPair(anchor: a, positive: p, negatives: negs)
        }
    }

    /// The Python reference's `no_duplicate_batches`, verbatim, over a given order (quadratic).
    private func referenceBatches(_ pairs: [TrainingPair], order: [Int], batchSize: Int) -> [[Int]] {
        var batches: [[Int]] = []
        var pending = order
        while !pending.isEmpty {
            var batch: [Int] = [], seen = Set<String>(), rest: [Int] = []
            for i in pending {
                let texts = [pairs[i].anchor, pairs[i].positive] + pairs[i].negatives
                if batch.count < batchSize && texts.allSatisfy({ !seen.contains($0) }) {
                    batch.append(i); seen.formUnion(texts)
                } else {
                    rest.append(i)
                }
            }
            if batch.count < batchSize { break }
            batches.append(batch)
            pending = rest
        }
        return batches
    }

    private func assertValid(_ plan: BatchPlan, _ pairs: [TrainingPair], batchSize: Int, file: StaticString = #filePath, line: UInt = #line) {
        var used = Set<Int>()
        for batch in plan.batches {
            XCTAssertEqual(batch.count, batchSize, file: file, line: line)
            var texts = Set<String>()
            for i in batch {
                XCTAssertTrue(used.insert(i).inserted, "pair \(i) used twice in an epoch", file: file, line: line)
                var own = Set<String>()
                for t in [pairs[i].anchor, pairs[i].positive] + pairs[i].negatives where own.insert(t).inserted {
                    XCTAssertTrue(texts.insert(t).inserted, "text \(t) repeated in a batch", file: file, line: line)
                }
            }
        }
        XCTAssertEqual(used.count + plan.dropped, pairs.count, file: file, line: line)
    }

    func testMatchesReferenceAlgorithmExactly() {
        for (n, b, negs) in [(200, 8, false), (97, 5, true), (1000, 32, false), (60, 4, true), (10, 3, false)] {
            let pairs = repetitivePairs(n, seed: UInt64(n), negatives: negs)
            let batcher = NoDuplicateBatcher(batchSize: b, seed: 7)
            for epoch in 0..<3 {
                let plan = batcher.batches(for: pairs, epoch: epoch)
                let expected = referenceBatches(pairs, order: batcher.shuffledIndices(n, epoch: epoch), batchSize: b)
                XCTAssertEqual(plan.batches, expected, "n=\(n) b=\(b) epoch=\(epoch)")
                assertValid(plan, pairs, batchSize: b)
                XCTAssertEqual(plan.dropped, n - expected.count * b)
            }
        }
    }

    func testDeterministicPerSeedAndDifferentAcrossEpochs() {
        let pairs = (0..<500).map { TrainingPair(anchor: "q\($0)", positive: "p\($0)") }
        let a = NoDuplicateBatcher(batchSize: 16, seed: 42)
        XCTAssertEqual(a.batches(for: pairs, epoch: 0), a.batches(for: pairs, epoch: 0))
        XCTAssertNotEqual(a.batches(for: pairs, epoch: 0).batches, a.batches(for: pairs, epoch: 1).batches)
        XCTAssertNotEqual(a.batches(for: pairs, epoch: 0).batches,
                          NoDuplicateBatcher(batchSize: 16, seed: 43).batches(for: pairs, epoch: 0).batches)
        let plan = a.batches(for: pairs, epoch: 0)
        XCTAssertEqual(plan.batches.count, 31)
        XCTAssertEqual(plan.dropped, 500 - 31 * 16)
        XCTAssertEqual(plan.deferred, 0)
        assertValid(plan, pairs, batchSize: 16)
        // A shuffle is a permutation.
        XCTAssertEqual(a.shuffledIndices(500, epoch: 3).sorted(), Array(0..<500))
    }

    func testDefersDuplicatesAndDropsWhatCannotFill() {
        // Six pairs share one answer: at most one per batch.
        var pairs = (0..<6).map { TrainingPair(anchor: "q\($0)", positive: "same") }
        pairs += (0..<6).map { TrainingPair(anchor: "r\($0)", positive: "p\($0)") }
        let plan = NoDuplicateBatcher(batchSize: 2, seed: 1).batches(for: pairs, epoch: 0)
        assertValid(plan, pairs, batchSize: 2)
        XCTAssertEqual(plan.batches.count, 6)
        XCTAssertEqual(plan.dropped, 0)
        XCTAssertGreaterThan(plan.deferred, 0)
        let lonely = NoDuplicateBatcher(batchSize: 2, seed: 1).batches(for: Array(pairs.prefix(6)), epoch: 0)
        XCTAssertEqual(lonely.batches, [])
        XCTAssertEqual(lonely.dropped, 6)
        XCTAssertEqual(NoDuplicateBatcher(batchSize: 4).batches(for: [], epoch: 0), BatchPlan(batches: [], deferred: 0, dropped: 0))
    }

    func testUniqueTexts() {
        let pairs = [
            TrainingPair(anchor: "q1", positive: "a", negatives: ["n", "q2"]),
            TrainingPair(anchor: "q2", positive: "a"),
            TrainingPair(anchor: "q1", positive: "b", negatives: ["a"]),
        ]
        let u = uniqueTexts(pairs)
        XCTAssertEqual(u.texts, ["q1", "a", "n", "q2", "b"])
        XCTAssertEqual(u.anchorIDs, [0, 3, 0])
        XCTAssertEqual(u.positiveIDs, [1, 1, 4])
        XCTAssertEqual(u.negativeIDs, [[2, 3], [], [1]])
        for (i, p) in pairs.enumerated() {
            XCTAssertEqual(u.texts[Int(u.anchorIDs[i])], p.anchor)
            XCTAssertEqual(u.texts[Int(u.positiveIDs[i])], p.positive)
            XCTAssertEqual(u.negativeIDs[i].map { u.texts[Int($0)] }, p.negatives)
        }
    }

    func testMedQuADBatchesFastWithoutDuplicates() throws {
        let pairs = try PairReader().read(try Fixtures.shared("data/medquad/train.jsonl")).pairs
        let start = Date()
        let plan = NoDuplicateBatcher(batchSize: 32, seed: 42).batches(for: pairs, epoch: 0)
        let seconds = Date().timeIntervalSince(start)
        print("MedQuAD: \(plan.batches.count) batches, \(plan.deferred) deferred, \(plan.dropped) dropped in \(String(format: "%.3f", seconds)) s")
        assertValid(plan, pairs, batchSize: 32)
        XCTAssertEqual(plan.batches.count, pairs.count / 32)
        XCTAssertLessThan(seconds, 5)
    }
}

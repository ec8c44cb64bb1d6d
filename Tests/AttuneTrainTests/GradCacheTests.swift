import AttuneCore
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneTrain

/// GradCache against one backward through the whole batch, on the real model with dropout on.
final class GradCacheTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-gradcache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private let texts = [
        "my child has a barking cough at night", "Croup is a viral infection of the upper airway that causes a barking cough.",
        "what helps a sprained ankle heal", "Rest, ice, compression and elevation reduce swelling after an ankle sprain.",
        "is it normal to feel dizzy on blood pressure pills", "Some blood pressure medicines cause light-headedness when standing up.",
        "how long is flu contagious", "People with flu are most contagious in the first three days of illness.",
        "Antibiotics do not treat viral infections such as colds.", "Asthma inhalers open the airways within minutes.",
        "Sunscreen should be reapplied every two hours outdoors.", "Iron deficiency is a common cause of tiredness.",
    ]

    /// Loss and every parameter's gradient, from `gradCache` (or, when nil, one tape through the
    /// mini-batches joined) — the same dropout masks either way.
    private func lossAndGrads(_ model: TrainableModel, cache: FrozenCache, miniBatch: Int, cached: Bool,
                              symmetric: Bool, shuffleMasks: Bool = false) throws -> (Float, [[Float]]) {
        let anchors: [Int32] = [0, 2, 4, 6], candidates: [Int32] = [1, 3, 5, 7, 8, 9, 10, 11]
        let all = anchors + candidates
        let loss = MultipleNegativesRankingLoss(scale: 20, symmetric: symmetric)
        func lossOf(_ e: Tensor) -> Tensor {
            loss(anchors: e.sliceRows(0..<4), candidates: e.sliceRows(4..<all.count), anchorTextIDs: anchors, candidateTextIDs: candidates)
        }
        func embed(_ chunk: Range<Int>, _ index: Int, _ onTape: Bool) throws -> Tensor {
            let ids = Array(all[chunk])
            var rng = SplitMix64(seed: 99 &+ UInt64(index) &+ (shuffleMasks && onTape ? 1000 : 0))
            return model.forward(hidden: try cache.gather(ids), lengths: ids.map { cache.lengths[Int($0)] },
                                 dropout: 0.1, rng: &rng, onTape: onTape)
        }
        for p in model.parameters { p.tensor.zeroGrad() }
        let gc = GradCache(miniBatchSize: miniBatch)
        let l: Tensor
        if cached {
            l = try gc.step(rows: all.count, embed: embed, loss: lossOf)
        } else {
            let parts = try gc.chunks(all.count).enumerated().map { try embed($0.element, $0.offset, true) }
            l = lossOf(Tensor.concatRows(parts))
            l.backward()
        }
        return (l[0], model.parameters.map { $0.tensor.gradient?.values ?? [] })
    }

    private func relativeError(_ a: [[Float]], _ b: [[Float]]) -> Double {
        var diff = 0.0, norm = 0.0
        for (x, y) in zip(a, b) {
            XCTAssertEqual(x.count, y.count)
            for (u, v) in zip(x, y) { diff += Double(u - v) * Double(u - v); norm += Double(u) * Double(u) }
        }
        return (diff / max(norm, 1e-30)).squareRoot()
    }

    func testCachedLossAndGradientsEqualOneTapeThroughTheBatch() throws {
        var base = try SentenceModel.load(Fixtures.model())
        base.maxSeqLength = 32
        let model = try TrainableModel(base: base, trainableLayers: 1, head: true)
        let cache = try FrozenCache(model: base, tokens: base.tokenize(texts), frozenLayers: model.firstTrainable,
                                    url: dir.appendingPathComponent("c.bin"))
        for symmetric in [false, true] {
            let (l0, g0) = try lossAndGrads(model, cache: cache, miniBatch: 4, cached: false, symmetric: symmetric)
            let (l1, g1) = try lossAndGrads(model, cache: cache, miniBatch: 4, cached: true, symmetric: symmetric)
            XCTAssertEqual(Double(l1), Double(l0), accuracy: 1e-5 * Double(abs(l0)), "loss, symmetric \(symmetric)")
            XCTAssertTrue(g0.allSatisfy { !$0.isEmpty }, "every trainable tensor gets a gradient")
            XCTAssertLessThanOrEqual(relativeError(g1, g0), 1e-5, "gradients, symmetric \(symmetric)")
        }
        // The same with mini-batches that split the anchors from their positives differently.
        let (l2, g2) = try lossAndGrads(model, cache: cache, miniBatch: 5, cached: false, symmetric: false)
        let (l3, g3) = try lossAndGrads(model, cache: cache, miniBatch: 5, cached: true, symmetric: false)
        XCTAssertEqual(Double(l3), Double(l2), accuracy: 1e-5 * Double(abs(l2)))
        XCTAssertLessThanOrEqual(relativeError(g3, g2), 1e-5)
        // Control: when the second pass draws other dropout masks, the gradients no longer agree.
        let (_, g4) = try lossAndGrads(model, cache: cache, miniBatch: 4, cached: true, symmetric: false, shuffleMasks: true)
        let (_, g5) = try lossAndGrads(model, cache: cache, miniBatch: 4, cached: false, symmetric: false)
        XCTAssertGreaterThan(relativeError(g4, g5), 1e-3, "mismatched dropout masks must show")
    }
}

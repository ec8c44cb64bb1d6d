import Foundation
import XCTest
@testable import AttuneCore

/// The cross-encoder losses' ops: central-difference gradient checks, and values against the
/// formulas computed by hand in Double (PyTorch's BCEWithLogitsLoss with pos_weight, and the
/// listwise softmax cross-entropy toward the first candidate).
final class RerankLossTests: XCTestCase {
    typealias G = GradCheck
    func r(_ shape: [Int], _ seed: UInt64, lo: Float = -1, hi: Float = 1) -> Tensor {
        G.random(shape, seed: seed, lo: lo, hi: hi, requiresGrad: true)
    }

    func testSigmoidAndReshapeGradients() {
        G.check("sigmoid", [r([3, 5], 201, lo: -4, hi: 4)]) { $0[0].sigmoid() }
        G.check("reshaped", [r([3, 4], 202)]) { $0[0].reshaped([2, 6]).sigmoid() }
        let x = Tensor([-30, 0, 30], shape: [3])
        let y = x.sigmoid().values
        XCTAssertEqual(Double(y[0]), 1 / (1 + exp(30.0)), accuracy: 1e-18, "no overflow at −30")
        XCTAssertEqual(y[1], 0.5)
        XCTAssertEqual(y[2], 1, "σ(30) rounds to 1 in Float")
    }

    func testBinaryCrossEntropyWithLogits() {
        let targets: [Float] = [1, 0, 0.3, 1, 0, 0.8]
        for w: Float in [1, 3.5] {
            G.check("bce pos_weight \(w)", [r([6, 1], 203, lo: -5, hi: 5)]) { $0[0].binaryCrossEntropyWithLogits(targets: targets, posWeight: w) }
        }
        // The value: −mean[p·y·log σ(z) + (1 − y)·log(1 − σ(z))], in Double.
        let z: [Float] = [2.5, -1, 0.2, -3, 4, 0]
        var want = 0.0
        for (x, y) in zip(z, targets) {
            let s = 1 / (1 + exp(-Double(x)))
            want -= 2 * Double(y) * log(s) + (1 - Double(y)) * log(1 - s)
        }
        want /= Double(z.count)
        let got = Tensor(z, shape: [6]).binaryCrossEntropyWithLogits(targets: targets, posWeight: 2)[0]
        XCTAssertEqual(Double(got), want, accuracy: 1e-6)
        // Far logits stay finite (log σ(−200) would be −inf computed naively).
        let far = Tensor([200, -200], shape: [2]).binaryCrossEntropyWithLogits(targets: [0, 1])[0]
        XCTAssertEqual(far, 200, accuracy: 1e-3)
    }

    func testListwiseCrossEntropy() {
        G.check("listwise", [r([12, 1], 204, lo: -3, hi: 3)]) { $0[0].listwiseCrossEntropy(group: 4) }
        G.check("listwise of scale·σ", [r([12], 205, lo: -3, hi: 3)]) { $0[0].sigmoid().scaled(10).listwiseCrossEntropy(group: 3) }
        // The value: mean over queries of logsumexp(row) − row[0].
        let s: [Float] = [3, 1, 0.5, -1, 2, 2]
        var want = 0.0
        for q in 0..<2 {
            let row = s[(q * 3)..<(q * 3 + 3)].map(Double.init)
            want += log(row.map(exp).reduce(0, +)) - row[0]
        }
        XCTAssertEqual(Double(Tensor(s, shape: [6, 1]).listwiseCrossEntropy(group: 3)[0]), want / 2, accuracy: 1e-6)
    }
}

import Foundation
import XCTest
@testable import AttuneCore

/// Margin-MSE's op: a central-difference gradient check, and its value against the formula in Double.
final class MarginLossTests: XCTestCase {
    func testMarginMSEGradientAndValue() {
        let margins = [MarginTarget(row: 0, positive: 0, negative: 2, target: 1.5),
                       MarginTarget(row: 0, positive: 0, negative: 3, target: -0.5),
                       MarginTarget(row: 1, positive: 1, negative: 3, target: 0.25)]
        GradCheck.check("marginMSE", [GradCheck.random([2, 4], seed: 301, lo: -2, hi: 2, requiresGrad: true)]) { $0[0].marginMSE(margins) }
        GradCheck.check("marginMSE of 2·cos", [GradCheck.random([2, 3], seed: 302, lo: -1, hi: 1, requiresGrad: true),
                                                  GradCheck.random([4, 3], seed: 303, lo: -1, hi: 1, requiresGrad: true)]) {
            $0[0].cosineSimilarity($0[1]).scaled(2).marginMSE(margins)
        }
        let s: [Float] = [3, 0, 1, -2,
                          0, 0.5, 7, 1]
        var want = 0.0
        for m in margins {
            let e = Double(s[m.row * 4 + m.positive]) - Double(s[m.row * 4 + m.negative]) - Double(m.target)
            want += e * e
        }
        XCTAssertEqual(Double(Tensor(s, shape: [2, 4]).marginMSE(margins)[0]), want / 3, accuracy: 1e-6)
        // Margins equal to the targets cost nothing.
        XCTAssertEqual(Tensor(s, shape: [2, 4]).marginMSE([MarginTarget(row: 1, positive: 2, negative: 0, target: 7)])[0], 0)
    }
}

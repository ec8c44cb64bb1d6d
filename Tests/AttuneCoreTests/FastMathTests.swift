import Foundation
import XCTest
@testable import AttuneCore

/// The vectorisable erf and exp against Double libm.
final class FastMathTests: XCTestCase {
    /// Every 1e-5 over [−10, 10] plus every Float bit pattern step near the piece boundaries.
    func testErfAbsoluteErrorOverTheLine() {
        var worst: Double = 0, at: Float = 0
        func probe(_ x: Float) {
            let e = abs(Double(Kernels.fastErf(x)) - Foundation.erf(Double(x)))
            if e > worst || e.isNaN { worst = e; at = x }
        }
        for i in -1_000_000...1_000_000 { probe(Float(i) * 1e-5) }
        for edge: Float in [0.9, 2.1, 3.92] {
            var x = edge
            for _ in 0..<2000 { x = x.nextDown }
            for _ in 0..<4000 { probe(x); probe(-x); x = x.nextUp }
        }
        print("fastErf worst absolute error \(worst) at x = \(at)")
        XCTAssertLessThanOrEqual(worst, 2e-7, "fastErf: worst absolute error \(worst) at x = \(at)")
        XCTAssertLessThanOrEqual(worst, 1e-7, "fastErf: worst absolute error \(worst) at x = \(at)")
    }

    func testErfSpecialValues() {
        XCTAssertEqual(Kernels.fastErf(0), 0)
        XCTAssertEqual(Kernels.fastErf(.infinity), 1)
        XCTAssertEqual(Kernels.fastErf(-.infinity), -1)
        XCTAssertEqual(Kernels.fastErf(50), 1)
        XCTAssertTrue(Kernels.fastErf(.nan).isNaN)
        XCTAssertEqual(Kernels.fastErf(-0.3), -Kernels.fastErf(0.3), "odd")
    }

    /// Relative error wherever e^x is a normal Float, sampled densely, plus [−1, 1] finely.
    func testExpRelativeError() {
        var worst: Double = 0, at: Float = 0
        func probe(_ x: Float) {
            let ref = Foundation.exp(Double(x))
            let e = abs(Double(Kernels.fastExp(x)) - ref) / ref
            if e > worst || e.isNaN { worst = e; at = x }
        }
        let lo: Float = -87.3, hi: Float = 88.7
        let n = 2_000_000
        for i in 0...n { probe(lo + (hi - lo) * Float(i) / Float(n)) }
        for i in -500_000...500_000 { probe(Float(i) * 2e-6) }
        print("fastExp worst relative error \(worst) at x = \(at)")
        XCTAssertLessThanOrEqual(worst, 2e-7, "fastExp: worst relative error \(worst) at x = \(at)")
    }

    func testExpSpecialValues() {
        XCTAssertEqual(Kernels.fastExp(0), 1)
        XCTAssertEqual(Kernels.fastExp(-.infinity), 0)
        XCTAssertEqual(Kernels.fastExp(-200), 0)
        XCTAssertEqual(Kernels.fastExp(.infinity), .infinity)
        XCTAssertEqual(Kernels.fastExp(89), .infinity)
        XCTAssertTrue(Kernels.fastExp(.nan).isNaN)
        // Gradual underflow: e^−100 ≈ 3.72e−44 is a subnormal Float.
        XCTAssertEqual(Double(Kernels.fastExp(-100)), Foundation.exp(-100.0), accuracy: 2e-45)
        // Near the top, n = 128 must not wrap the exponent.
        let top: Float = 88.7
        XCTAssertEqual(Double(Kernels.fastExp(top)) / Foundation.exp(Double(top)), 1, accuracy: 2e-7)
    }
}

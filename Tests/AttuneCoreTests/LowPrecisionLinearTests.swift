import AttuneCore
import AttuneTestSupport
import Foundation
import XCTest

/// bf16 and int8 dense layers (oneDNN) against fp32, on random inputs: the error against fp32 within
/// stated bounds, and the exact arithmetic `Precision` documents (bf16-rounded operands, per-channel
/// symmetric s8 weights, per-token asymmetric u8 activations) reproduced in Double.
final class LowPrecisionLinearTests: XCTestCase {
    /// Skip when the CPU lacks the instructions; oneDNN missing is a set-up failure under CI.
    static func requireAvailable(_ p: Precision) throws {
        guard let why = p.unavailableReason else { return }
        if why.contains("lacks") { print("skipping: \(why)"); throw XCTSkip(why) }
        try Fixtures.require(false, why)
    }

    func random(_ shape: [Int], seed: UInt64, scale: Float = 1) -> Tensor {
        var rng = SplitMix64(seed: seed)
        let t = Tensor(uninitialized: shape)
        for i in 0..<t.count { t.data[i] = (Float(rng.next() % 2_000_001) / 1_000_000 - 1) * scale }
        return t
    }

    /// ‖a − b‖ / ‖b‖.
    func relativeError(_ a: Tensor, _ b: Tensor) -> Double {
        var num = 0.0, den = 0.0
        for i in 0..<b.count { let d = Double(a.data[i]) - Double(b.data[i]); num += d * d; den += Double(b.data[i]) * Double(b.data[i]) }
        return (num / den).squareRoot()
    }

    func bf16(_ x: Float) -> Double {
        var u = x.bitPattern
        u = u &+ 0x7fff &+ ((u >> 16) & 1)
        return Double(Float(bitPattern: u & 0xffff_0000))
    }

    /// Activation rows quantized as documented: lo/hi include 0, scale = (hi − lo) / 255,
    /// zero = round(−lo / scale), q = round(x / scale) + zero.
    func quantizeU8(_ x: UnsafePointer<Float>, rows: Int, cols: Int) -> (q: [Int], scale: [Double], zero: [Int]) {
        var q = [Int](repeating: 0, count: rows * cols), s = [Double](repeating: 1, count: rows), z = [Int](repeating: 0, count: rows)
        for r in 0..<rows {
            var lo: Float = 0, hi: Float = 0
            for c in 0..<cols { lo = min(lo, x[r * cols + c]); hi = max(hi, x[r * cols + c]) }
            let sc: Float = hi > lo ? (hi - lo) / 255 : 1, inv = 1 / sc
            let zp = (-lo * inv).rounded(.toNearestOrEven)
            s[r] = Double(sc); z[r] = Int(zp)
            for c in 0..<cols { q[r * cols + c] = Int(max(0, min(255, (x[r * cols + c] * inv).rounded(.toNearestOrEven) + zp))) }
        }
        return (q, s, z)
    }

    /// Weight rows quantized as documented: scale = max|row| / 127, q = round(x / scale).
    func quantize(_ x: UnsafePointer<Float>, rows: Int, cols: Int) -> (q: [Int], scale: [Double]) {
        var q = [Int](repeating: 0, count: rows * cols), s = [Double](repeating: 1, count: rows)
        for r in 0..<rows {
            var m: Float = 0
            for c in 0..<cols { m = max(m, abs(x[r * cols + c])) }
            let sc: Float = m > 0 ? m / 127 : 1, inv = 1 / sc
            s[r] = Double(sc)
            for c in 0..<cols { q[r * cols + c] = Int(max(-127, min(127, (x[r * cols + c] * inv).rounded(.toNearestOrEven)))) }
        }
        return (q, s)
    }

    func check(_ p: Precision, m: Int, k: Int, n: Int, bound: Double, seed: UInt64) throws {
        try Self.requireAvailable(p)
        let w = random([n, k], seed: seed, scale: 0.1), b = random([n], seed: seed + 1), x = random([m, k], seed: seed + 2)
        let layer = try LowPrecisionLinear(precision: p, weight: w, bias: b)
        let y = layer(x), y32 = x.linear(w, b)
        XCTAssertEqual(y.shape, [m, n])
        // The documented arithmetic, in Double: only accumulation order may differ.
        var want = [Double](repeating: 0, count: m * n)
        if p == .bf16 {
            for r in 0..<m { for j in 0..<n {
                var acc = 0.0
                for c in 0..<k { acc += bf16(x.data[r * k + c]) * bf16(w.data[j * k + c]) }
                want[r * n + j] = acc + Double(b.data[j])
            } }
        } else {
            let qx = quantizeU8(x.data, rows: m, cols: k), qw = quantize(w.data, rows: n, cols: k)
            for r in 0..<m { for j in 0..<n {
                var acc = 0
                for c in 0..<k { acc += (qx.q[r * k + c] - qx.zero[r]) * qw.q[j * k + c] }
                want[r * n + j] = Double(acc) * qw.scale[j] * qx.scale[r] + Double(b.data[j])
            } }
        }
        var maxExact = 0.0
        for i in 0..<m * n { maxExact = max(maxExact, abs(Double(y.data[i]) - want[i]) / (1 + abs(want[i]))) }
        XCTAssertLessThan(maxExact, 1e-4, "\(p) [\(m)×\(k)]·[\(k)×\(n)]: differs from its documented arithmetic")
        let rel = relativeError(y, y32)
        print("\(p) [\(m)×\(k)]·[\(k)×\(n)] (\(layer.kernel)): relative error vs fp32 \(String(format: "%.5f", rel)), bound \(bound)")
        XCTAssertLessThan(rel, bound, "\(p): relative error vs fp32")
    }

    // Bounds: bf16 keeps 8 significant bits (relative rounding ≤ 2⁻⁹ per operand), measured 0.0016
    // here; int8 steps of max/127 per row, measured 0.002–0.004. A transposed weight, a lost bias or
    // a missing scale gives errors near 1; the exact-arithmetic check above catches smaller slips.
    func testBF16MatchesFP32OnRandomInputs() throws {
        try check(.bf16, m: 37, k: 384, n: 96, bound: 0.005, seed: 1)
        try check(.bf16, m: 1, k: 64, n: 17, bound: 0.005, seed: 2)
    }

    func testInt8MatchesFP32OnRandomInputs() throws {
        try check(.int8, m: 37, k: 384, n: 96, bound: 0.012, seed: 3)
        try check(.int8, m: 1, k: 64, n: 17, bound: 0.012, seed: 4)
    }

    /// One primitive serves every token count (created once, run-time m), including none.
    func testOneLayerServesEveryRowCount() throws {
        for p in [Precision.bf16, .int8] {
            try Self.requireAvailable(p)
            let w = random([24, 40], seed: 9, scale: 0.2), x = random([50, 40], seed: 10)
            let layer = try LowPrecisionLinear(precision: p, weight: w, bias: nil)
            let whole = layer(x)
            XCTAssertEqual(layer(Tensor(zeros: [0, 40])).shape, [0, 24])
            for m in [1, 7, 50] {
                let part = Tensor(uninitialized: [m, 40])
                part.data.update(from: x.data, count: m * 40)
                let y = layer(part)
                // int8 quantizes per row, so a row's result does not depend on the other rows.
                for i in 0..<m * 24 { XCTAssertEqual(y.data[i], whole.data[i], accuracy: 1e-5, "\(p) m=\(m)") }
            }
        }
    }

    func testDescribeNamesThePrecisions() {
        let line = Precision.describe()
        XCTAssertTrue(line.hasPrefix("precisions: fp32"), line)
    }
}

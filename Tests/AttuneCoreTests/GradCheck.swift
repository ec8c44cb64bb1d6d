import XCTest
@testable import AttuneCore

/// Central-difference gradient checking for the ops, plus small seeded helpers.
///
/// For an op `f(inputs) -> out` and a fixed random `R` of `out`'s shape, the scalar
/// `L = Σ out ∘ R` is differentiated twice: once by `backward()` (analytic) and once by
/// `(L(x + h) − L(x − h)) / 2h` for every element of every input that requires grad (numeric,
/// with L accumulated in Double). The two must agree to `|a − n| ≤ tol · max(1, |n|)`; observed worst errors are ≲ 2e-4, so
/// the default 1e-3 is tight yet leaves a 5× margin. `GRADCHECK_VERBOSE=1` prints each op's worst error.
enum GradCheck {
    /// The worst disagreement found, for messages and for tests of the checker itself.
    struct Report {
        var maxError: Double = 0
        var worst = ""
        var checked = 0
    }

    /// Uniform values in [lo, hi) from a seeded generator.
    static func random(_ shape: [Int], seed: UInt64, lo: Float = -1, hi: Float = 1,
                       requiresGrad: Bool = true) -> Tensor {
        var rng = SplitMix64(seed: seed)
        let n = shape.reduce(1, *)
        let v = (0..<n).map { _ in lo + (hi - lo) * rng.nextFloat() }
        return Tensor(v, shape: shape, requiresGrad: requiresGrad)
    }

    /// Σ out ∘ r in Double.
    static func weightedSum(_ out: Tensor, _ r: [Float]) -> Double {
        precondition(out.count == r.count, "gradcheck: output size changed")
        var acc: Double = 0
        for i in 0..<out.count { acc += Double(out[i]) * Double(r[i]) }
        return acc
    }

    /// Compare analytic and numeric gradients of `Σ f(inputs) ∘ R` for every input that requires grad.
    static func compare(_ inputs: [Tensor], h: Float = 1e-2, seed: UInt64 = 99,
                        _ f: ([Tensor]) -> Tensor) -> Report {
        for t in inputs { t.zeroGrad() }
        let out = f(inputs)
        var rng = SplitMix64(seed: seed)
        let r = (0..<out.count).map { _ in 2 * rng.nextFloat() - 1 }
        let rt = Tensor(r, shape: out.shape)
        out.mul(rt).sum().backward()
        var report = Report()
        var seen = Set<ObjectIdentifier>()
        for (which, t) in inputs.enumerated() where t.requiresGrad {
            // The same tensor passed twice is perturbed once (its gradient is the sum of both uses).
            if !seen.insert(ObjectIdentifier(t)).inserted { continue }
            let analytic = t.gradient?.values ?? [Float](repeating: 0, count: t.count)
            for i in 0..<t.count {
                let keep = t[i]
                t[i] = keep + h
                let plus = weightedSum(f(inputs), r)
                t[i] = keep - h
                let minus = weightedSum(f(inputs), r)
                t[i] = keep
                let numeric = (plus - minus) / (2 * Double(h))
                var err = abs(Double(analytic[i]) - numeric) / max(1, abs(numeric))
                if err.isNaN { err = .infinity }
                report.checked += 1
                if err > report.maxError {
                    report.maxError = err
                    report.worst = "input \(which) element \(i): analytic \(analytic[i]), numeric \(numeric)"
                }
            }
        }
        for t in inputs { t.zeroGrad() }
        return report
    }

    /// Assert that the gradients agree within `tol`.
    static func check(_ name: String, _ inputs: [Tensor], h: Float = 1e-2, tol: Double = 1e-3,
                      file: StaticString = #filePath, line: UInt = #line,
                      _ f: ([Tensor]) -> Tensor) {
        let r = compare(inputs, h: h, f)
        if ProcessInfo.processInfo.environment["GRADCHECK_VERBOSE"] != nil {
            print("gradcheck \(name): worst relative error \(r.maxError) over \(r.checked) elements")
        }
        XCTAssertGreaterThan(r.checked, 0, "\(name): nothing was checked", file: file, line: line)
        XCTAssertLessThanOrEqual(r.maxError, tol, "\(name): gradient mismatch at \(r.worst)", file: file, line: line)
    }

    /// Naive Double matrix product of row-major `a` [m×k] (or its transpose) and `b`.
    static func naiveMatmul(_ a: [Float], _ aShape: [Int], _ b: [Float], _ bShape: [Int],
                            transA: Bool, transB: Bool) -> (values: [Double], m: Int, n: Int) {
        let (m, k) = transA ? (aShape[1], aShape[0]) : (aShape[0], aShape[1])
        let n = transB ? bShape[0] : bShape[1]
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n {
            var s: Double = 0
            for p in 0..<k {
                let av = transA ? a[p * aShape[1] + i] : a[i * aShape[1] + p]
                let bv = transB ? b[j * bShape[1] + p] : b[p * bShape[1] + j]
                s += Double(av) * Double(bv)
            }
            c[i * n + j] = s
        } }
        return (c, m, n)
    }

    /// Assert every value is within `tol · max(1, |expected|)`.
    static func assertClose(_ got: [Float], _ expected: [Double], tol: Double, _ what: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.count, expected.count, "\(what): size", file: file, line: line)
        var worst = 0.0, at = -1
        for i in 0..<min(got.count, expected.count) {
            let e = abs(Double(got[i]) - expected[i]) / max(1, abs(expected[i]))
            if e > worst || e.isNaN { worst = e; at = i }
        }
        XCTAssertLessThanOrEqual(worst, tol, "\(what): worst at \(at): got \(at >= 0 ? got[at] : 0), expected \(at >= 0 ? expected[at] : 0)",
                                 file: file, line: line)
    }
}

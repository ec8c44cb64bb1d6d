import CAttuneKernels
import Foundation
import XCTest
@testable import AttuneCore

/// Every build of the C elementwise kernels this CPU can run (baseline, AVX2+FMA, AVX-512F)
/// against a Double reference, on row widths that exercise the 16-lane main loops and their tails.
final class ElementwiseKernelTests: XCTestCase {
    private var tables: [attune_kernel_table] { (0...2).compactMap { attune_kernels_level(Int32($0))?.pointee } }

    private func random(_ n: Int, seed: UInt64, scale: Float = 3) -> [Float] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in (rng.nextFloat() * 2 - 1) * scale }
    }

    private func assertClose(_ a: [Float], _ b: [Double], tol: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, what, file: file, line: line)
        var worst = 0.0, at = 0
        for i in 0..<a.count {
            let e = abs(Double(a[i]) - b[i]) / max(1, abs(b[i]))
            if e > worst || e.isNaN { worst = e; at = i }
        }
        XCTAssertLessThanOrEqual(worst, tol, "\(what): worst error \(worst) at \(at) (\(a[at]) vs \(b[at]))", file: file, line: line)
    }

    func testTheChosenBuildIsTheBestThisCPUHas() {
        XCTAssertEqual(String(cString: tables.last!.name), Kernels.instructionSet)
        XCTAssertEqual(String(cString: tables[0].name), "baseline")
        print("elementwise kernel builds on this CPU: \(tables.map { String(cString: $0.name) })")
        #if arch(x86_64)
        let flags = KernelChoice.cpuFlags()
        if flags.contains("avx2") && flags.contains("fma") { XCTAssertGreaterThanOrEqual(tables.count, 2) }
        if flags.contains("avx512f") { XCTAssertEqual(tables.count, 3) }
        #endif
    }

    func testGeluForwardAndBackward() {
        let n = 1000 + 13
        let x = random(n, seed: 1), g = random(n, seed: 2, scale: 1)
        let ref = x.map { v -> Double in let d = Double(v); return 0.5 * d * (1 + erf(d / 2.0.squareRoot())) }
        let dref = (0..<n).map { i -> Double in
            let d = Double(x[i])
            return 0.25 + Double(g[i]) * (0.5 * (1 + erf(d / 2.0.squareRoot())) + d * exp(-0.5 * d * d) / (2 * Double.pi).squareRoot())
        }
        for t in tables {
            var y = [Float](repeating: 0, count: n)
            t.gelu(x, &y, n)
            assertClose(y, ref, tol: 3e-7, "gelu \(String(cString: t.name))")
            var d = [Float](repeating: 0.25, count: n)
            t.gelu_backward(x, g, &d, n)
            assertClose(d, dref, tol: 5e-7, "gelu backward \(String(cString: t.name))")
        }
    }

    func testSoftmaxRowsForwardAndBackward() {
        for cols in [1, 7, 16, 33, 128] {
            let rows = 5
            let x = random(rows * cols, seed: UInt64(cols), scale: 8), g = random(rows * cols, seed: 99, scale: 1)
            var p = [Double](), dref = [Double]()
            for i in 0..<rows {
                let row = x[(i * cols)..<((i + 1) * cols)].map(Double.init)
                let m = row.max()!
                let e = row.map { exp($0 - m) }, s = e.reduce(0, +)
                let pr = e.map { $0 / s }
                p += pr
                let gr = g[(i * cols)..<((i + 1) * cols)].map(Double.init)
                let dot = zip(gr, pr).map { $0 * $1 }.reduce(0, +)
                dref += (0..<cols).map { j in 1 + pr[j] * (gr[j] - dot) }
            }
            for t in tables {
                var y = x
                t.softmax_rows(&y, rows, cols)
                assertClose(y, p, tol: 5e-7, "softmax cols \(cols) \(String(cString: t.name))")
                var d = [Float](repeating: 1, count: rows * cols)
                t.softmax_backward_rows(y, g, &d, rows, cols)
                assertClose(d, dref, tol: 1e-6, "softmax backward cols \(cols) \(String(cString: t.name))")
            }
        }
    }

    func testLayerNormForwardAndBackward() {
        for cols in [3, 16, 37, 384] {
            let rows = 4, eps: Float = 1e-12
            let x = random(rows * cols, seed: UInt64(cols) + 7, scale: 2).map { $0 + 5 }  // off-centre rows
            let gamma = random(cols, seed: 3, scale: 1), beta = random(cols, seed: 4, scale: 1)
            let g = random(rows * cols, seed: 5, scale: 1)
            var yref = [Double](), xhref = [Double](), dxref = [Double](), dgref = [Double](repeating: 0.5, count: cols)
            var dbref = [Double](repeating: 0.5, count: cols)
            for i in 0..<rows {
                let row = x[(i * cols)..<((i + 1) * cols)].map(Double.init)
                let mean = row.reduce(0, +) / Double(cols)
                let v = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(cols)
                let rs = 1 / (v + Double(eps)).squareRoot()
                let xh = row.map { ($0 - mean) * rs }
                xhref += xh
                yref += (0..<cols).map { xh[$0] * Double(gamma[$0]) + Double(beta[$0]) }
                let gr = g[(i * cols)..<((i + 1) * cols)].map(Double.init)
                let dxh = (0..<cols).map { gr[$0] * Double(gamma[$0]) }
                let m1 = dxh.reduce(0, +) / Double(cols), m2 = zip(dxh, xh).map { $0 * $1 }.reduce(0, +) / Double(cols)
                dxref += (0..<cols).map { rs * (dxh[$0] - m1 - xh[$0] * m2) }
                for j in 0..<cols { dgref[j] += gr[j] * xh[j]; dbref[j] += gr[j] }
            }
            for t in tables {
                let name = "layerNorm cols \(cols) \(String(cString: t.name))"
                var y = [Float](repeating: 0, count: rows * cols), xh = y, rstd = [Float](repeating: 0, count: rows)
                t.layernorm_rows(x, gamma, beta, &y, &xh, &rstd, rows, cols, eps)
                assertClose(y, yref, tol: 2e-5, name)
                assertClose(xh, xhref, tol: 2e-5, name + " x̂")
                var y2 = [Float](repeating: 0, count: rows * cols)
                t.layernorm_rows(x, gamma, beta, &y2, nil, nil, rows, cols, eps)
                XCTAssertEqual(y2, y, name + ": the same without keeping x̂")
                var dx = [Float](repeating: 0, count: rows * cols)
                t.layernorm_backward_rows(g, gamma, xh, rstd, &dx, rows, cols)
                let scale = rstd.map(Double.init).max()!  // dx grows with 1/σ
                assertClose(dx.map { $0 / Float(scale) }, dxref.map { $0 / scale }, tol: 5e-5, name + " backward")
                var dg = [Float](repeating: 0.5, count: cols), db = dg
                t.layernorm_param_grads(g, xh, &dg, &db, rows, cols)
                assertClose(dg, dgref, tol: 5e-5, name + " dγ")
                assertClose(db, dbref, tol: 1e-6, name + " dβ")
                var only = [Float](repeating: 0.5, count: cols)
                t.layernorm_param_grads(g, xh, nil, &only, rows, cols)
                XCTAssertEqual(only, db, name + ": dβ alone")
            }
        }
    }
}

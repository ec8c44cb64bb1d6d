import Foundation
import XCTest
@testable import AttuneCore

/// Forward values of the numeric ops against naive Double implementations.
final class ForwardValueTests: XCTestCase {
    typealias G = GradCheck
    func r(_ shape: [Int], _ seed: UInt64, lo: Float = -1, hi: Float = 1) -> Tensor {
        G.random(shape, seed: seed, lo: lo, hi: hi, requiresGrad: false)
    }

    func testMatmulAllTransposes() {
        for ta in [false, true] { for tb in [false, true] {
            let a = r(ta ? [7, 5] : [5, 7], 1), b = r(tb ? [6, 7] : [7, 6], 2)
            let c = a.matmul(b, transA: ta, transB: tb)
            let ref = G.naiveMatmul(a.values, a.shape, b.values, b.shape, transA: ta, transB: tb)
            XCTAssertEqual(c.shape, [ref.m, ref.n])
            G.assertClose(c.values, ref.values, tol: 1e-6, "matmul tA=\(ta) tB=\(tb)")
        } }
    }

    func testLinear() {
        let x = r([2, 3, 8], 5), w = r([4, 8], 6), b = r([4], 7)
        let y = x.linear(w, b)
        XCTAssertEqual(y.shape, [2, 3, 4])
        var ref = G.naiveMatmul(x.values, [6, 8], w.values, [4, 8], transA: false, transB: true).values
        for i in 0..<6 { for j in 0..<4 { ref[i * 4 + j] += Double(b[j]) } }
        G.assertClose(y.values, ref, tol: 1e-6, "linear")
        let nob = G.naiveMatmul(x.values, [6, 8], w.values, [4, 8], transA: false, transB: true).values
        G.assertClose(x.linear(w, nil).values, nob, tol: 1e-6, "linear without bias")
    }

    func testLayerNorm() {
        let x = r([5, 384], 8, lo: -3, hi: 5), gamma = r([384], 9, lo: 0.5, hi: 1.5), beta = r([384], 10)
        let eps: Float = 1e-12
        let y = x.layerNorm(gamma, beta, eps: eps)
        var ref = [Double](repeating: 0, count: x.count)
        for i in 0..<5 {
            let row = (0..<384).map { Double(x[i * 384 + $0]) }
            let mean = row.reduce(0, +) / 384
            let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 384
            for j in 0..<384 {
                ref[i * 384 + j] = (row[j] - mean) / (variance + Double(eps)).squareRoot() * Double(gamma[j]) + Double(beta[j])
            }
        }
        G.assertClose(y.values, ref, tol: 1e-5, "layerNorm")
    }

    func naiveSoftmax(_ row: [Double]) -> [Double] {
        let m = row.max()!
        let e = row.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    func testSoftmaxWithMask() {
        let x = r([4, 9], 11, lo: -6, hi: 6)
        var m = [Float](repeating: 0, count: 18)
        m[2] = -10_000; m[9 + 8] = -10_000
        let mask = Tensor(m, shape: [2, 9])
        let y = x.softmax(mask: mask)
        var ref: [Double] = []
        for i in 0..<4 {
            ref += naiveSoftmax((0..<9).map { Double(x[i * 9 + $0]) + Double(m[(i / 2) * 9 + $0]) })
        }
        G.assertClose(y.values, ref, tol: 1e-6, "softmax")
    }

    /// Naive packed multi-head attention in Double.
    /// `bias`: `[heads, 2R+1]`, entry `[h, R + j − i]` added to score (i, j) of head h.
    func naiveAttention(_ q: Tensor, _ k: Tensor, _ v: Tensor, lengths: [Int], heads: Int, bias: Tensor? = nil) -> [Double] {
        let width = q.shape[1], dim = width / heads
        let scale = 1 / Double(dim).squareRoot()
        var out = [Double](repeating: 0, count: q.count)
        var o = 0
        for l in lengths {
            for h in 0..<heads {
                for i in 0..<l {
                    var s = [Double](repeating: 0, count: l)
                    for j in 0..<l {
                        for d in 0..<dim { s[j] += Double(q[(o + i) * width + h * dim + d]) * Double(k[(o + j) * width + h * dim + d]) }
                        s[j] *= scale
                        if let bias { s[j] += Double(bias[h * bias.shape[1] + bias.shape[1] / 2 + j - i]) }
                    }
                    let p = naiveSoftmax(s)
                    for d in 0..<dim {
                        var acc: Double = 0
                        for j in 0..<l { acc += p[j] * Double(v[(o + j) * width + h * dim + d]) }
                        out[(o + i) * width + h * dim + d] = acc
                    }
                }
            }
            o += l
        }
        return out
    }

    func testAttentionUnequalLengths() {
        let lengths = [3, 1, 5], width = 12
        let q = r([9, width], 12, lo: -2, hi: 2), k = r([9, width], 13, lo: -2, hi: 2), v = r([9, width], 14)
        let y = Tensor.attention(q: q, k: k, v: v, lengths: lengths, heads: 3)
        G.assertClose(y.values, naiveAttention(q, k, v, lengths: lengths, heads: 3), tol: 1e-5, "attention")
    }

    /// Large enough to take the threaded paths (Parallel.blasChunks) in forward and backward.
    func testAttentionThreadedSizes() {
        let lengths = [40, 17, 64, 1], width = 32, tokens = 122
        let q = G.random([tokens, width], seed: 15), k = G.random([tokens, width], seed: 16), v = G.random([tokens, width], seed: 17)
        let y = Tensor.attention(q: q.detached(), k: k.detached(), v: v.detached(), lengths: lengths, heads: 4)
        G.assertClose(y.values, naiveAttention(q, k, v, lengths: lengths, heads: 4), tol: 1e-5, "attention threaded")
        G.check("attention threaded", [q, k, v], every: 37) {
            Tensor.attention(q: $0[0], k: $0[1], v: $0[2], lengths: lengths, heads: 4)
        }
    }

    /// MPNet's relative-position bias: added to every head's scores by offset j − i; a table wider
    /// than needed is fine, and the bias changes the result.
    func testAttentionWithRelativeBias() {
        let lengths = [3, 1, 6, 40], width = 12, tokens = 50
        let q = r([tokens, width], 19, lo: -2, hi: 2), k = r([tokens, width], 20, lo: -2, hi: 2), v = r([tokens, width], 21)
        for span in [79, 101] {
            let bias = r([3, span], 22, lo: -3, hi: 3)
            let y = Tensor.attention(q: q, k: k, v: v, lengths: lengths, heads: 3, relativeBias: bias)
            G.assertClose(y.values, naiveAttention(q, k, v, lengths: lengths, heads: 3, bias: bias), tol: 1e-5, "attention bias \(span)")
        }
        let plain = Tensor.attention(q: q, k: k, v: v, lengths: lengths, heads: 3)
        let biased = Tensor.attention(q: q, k: k, v: v, lengths: lengths, heads: 3, relativeBias: r([3, 79], 22, lo: -3, hi: 3))
        XCTAssertNotEqual(plain.values, biased.values)
    }

    /// gelu_new (tanh form) and relu against PyTorch's values (torch.nn.functional.gelu(x, approximate="tanh")).
    func testGeluTanhAndRelu() {
        let x = Tensor([-2, -0.5, 0.3, 1.5, 4], shape: [5])
        G.assertClose(x.geluTanh().values, [-0.04540228843688965, -0.1542859971523285, 0.18537093698978424, 1.3995715379714966, 3.999929904937744],
                      tol: 1e-7, "gelu_new")
        XCTAssertEqual(x.relu().values, [0, 0, 0.3, 1.5, 4])
    }

    func testGeluExactErfForm() {
        let x = Tensor((0..<2001).map { Float($0 - 1000) * 0.006 }, shape: [2001])
        let y = x.gelu()
        let ref = x.values.map { v -> Double in let d = Double(v); return 0.5 * d * (1 + erf(d / 2.0.squareRoot())) }
        G.assertClose(y.values, ref, tol: 3e-7, "gelu")
        // Large enough for the threaded path.
        let big = G.random([300, 257], seed: 18, lo: -8, hi: 8, requiresGrad: false)
        let bigRef = big.values.map { v -> Double in let d = Double(v); return 0.5 * d * (1 + erf(d / 2.0.squareRoot())) }
        G.assertClose(big.gelu().values, bigRef, tol: 1e-6, "gelu threaded")
    }
}

import XCTest
@testable import AttuneCore

/// Central-difference checks of every op's backward, for every input that can require grad.
final class GradCheckTests: XCTestCase {
    typealias G = GradCheck
    func r(_ shape: [Int], _ seed: UInt64, lo: Float = -1, hi: Float = 1, grad: Bool = true) -> Tensor {
        G.random(shape, seed: seed, lo: lo, hi: hi, requiresGrad: grad)
    }

    /// The checker must catch a wrong backward, or a green run proves nothing.
    func testCheckerCatchesAWrongGradient() {
        let x = r([3, 4], 1)
        let report = G.compare([x]) { i in
            let out = Tensor(zeros: i[0].shape, requiresGrad: true)
            for j in 0..<out.count { out[j] = i[0][j] * i[0][j] }
            let src = i[0]
            out.record([src]) { g in  // deliberately wrong: 1·x instead of 2·x
                let d = src.gradBuffer()
                for j in 0..<src.count { d[j] += g[j] * src[j] }
            }
            return out
        }
        XCTAssertGreaterThan(report.maxError, 0.1, "the checker missed a gradient off by a factor of 2")
    }

    func testMatmulAllTransposes() {
        for ta in [false, true] { for tb in [false, true] {
            let a = r(ta ? [4, 3] : [3, 4], 10), b = r(tb ? [5, 4] : [4, 5], 11)
            G.check("matmul tA=\(ta) tB=\(tb)", [a, b]) { $0[0].matmul($0[1], transA: ta, transB: tb) }
        } }
    }

    func testMatmulFrozenOperand() {
        let a = r([3, 4], 12), b = r([4, 2], 13, grad: false)
        G.check("matmul frozen B", [a, b]) { $0[0].matmul($0[1]) }
        XCTAssertNil(b.grad)
    }

    func testLinearWithAndWithoutBias() {
        let x = r([5, 4], 30), w = r([3, 4], 31), b = r([3], 32)
        G.check("linear+bias", [x, w, b]) { $0[0].linear($0[1], $0[2]) }
        G.check("linear", [x, w]) { $0[0].linear($0[1], nil) }
        let x3 = r([2, 3, 4], 33)
        G.check("linear 3-D input", [x3, w, b]) { $0[0].linear($0[1], $0[2]) }
    }

    func testElementwise() {
        let a = r([3, 5], 40), b = r([3, 5], 41)
        G.check("add", [a, b]) { $0[0].add($0[1]) }
        G.check("add self", [a, a]) { $0[0].add($0[1]) }
        G.check("mul", [a, b]) { $0[0].mul($0[1]) }
        G.check("mul self", [a, a]) { $0[0].mul($0[1]) }
        G.check("scaled", [a]) { $0[0].scaled(-1.75) }
        G.check("sum", [a]) { $0[0].sum() }
        G.check("tanh", [r([3, 5], 43, lo: -2, hi: 2)]) { $0[0].tanh() }
        G.check("gelu", [r([4, 6], 44, lo: -3, hi: 3)]) { $0[0].gelu() }
        G.check("geluTanh", [r([4, 6], 45, lo: -3, hi: 3)]) { $0[0].geluTanh() }
        G.check("relu", [r([4, 6], 46, lo: -3, hi: 3)]) { $0[0].relu() }
    }

    /// The mask drops close to `p` of the entries (100,000 draws: within 1%).
    func testDropoutMaskRate() {
        var rng = SplitMix64(seed: 3)
        for p: Float in [0.1, 0.3, 0.5] {
            var mask = [Float](repeating: -1, count: 100_001)
            mask.withUnsafeMutableBufferPointer { rng.fillDropoutMask($0.baseAddress!, count: $0.count, p: p) }
            let dropped = Float(mask.filter { $0 == 0 }.count) / Float(mask.count)
            XCTAssertEqual(dropped, p, accuracy: 0.01, "drop rate for p = \(p)")
            XCTAssertFalse(mask.contains(-1), "every entry written, the odd tail included")
        }
    }

    func testDropoutBackwardIsMaskOverKeep() {
        let x = r([6, 7], 50), p: Float = 0.3
        // The mask dropout draws: the same generator, the same order.
        var probe = SplitMix64(seed: 7)
        var mask = [Float](repeating: -1, count: x.count)
        mask.withUnsafeMutableBufferPointer { probe.fillDropoutMask($0.baseAddress!, count: x.count, p: p) }
        XCTAssertTrue(mask.allSatisfy { $0 == 0 || $0 == 1 / (1 - p) }, "every entry is 0 or 1/(1−p)")
        XCTAssertTrue(mask.contains(0) && mask.contains { $0 > 1 }, "the seed should both drop and keep")
        var rng = SplitMix64(seed: 7)
        let y = x.dropout(p, rng: &rng)
        for i in 0..<x.count { XCTAssertEqual(y[i], x[i] * mask[i]) }
        let w = r([6, 7], 51, grad: false)
        y.mul(w).sum().backward()
        let g = x.gradient!.values
        for i in 0..<x.count { XCTAssertEqual(g[i], w[i] * mask[i], accuracy: 1e-6) }
        x.zeroGrad()
        G.check("dropout", [x]) { i in var rng = SplitMix64(seed: 7); return i[0].dropout(p, rng: &rng) }
    }

    func testNormalisations() {
        let x = r([4, 6], 60, lo: -2, hi: 2), gamma = r([6], 61, lo: 0.5, hi: 1.5), beta = r([6], 62)
        G.check("layerNorm", [x, gamma, beta], h: 1e-3) { $0[0].layerNorm($0[1], $0[2], eps: 1e-5) }
        G.check("l2Normalize", [r([3, 5], 63)]) { $0[0].l2Normalize() }
    }

    func testSoftmaxWithAndWithoutMask() {
        let x = r([6, 5], 70, lo: -2, hi: 2)
        G.check("softmax", [x]) { $0[0].softmax() }
        // 2 mask rows: rows 0–2 use the first, rows 3–5 the second.
        var m = [Float](repeating: 0, count: 10)
        m[1] = -1e9; m[4] = -1e9; m[5] = -1e9; m[7] = -1e9
        let mask = Tensor(m, shape: [2, 5])
        G.check("softmax masked", [x]) { $0[0].softmax(mask: mask) }
        let y = x.softmax(mask: mask)
        for row in 0..<6 {
            let masked = row < 3 ? [1, 4] : [0, 2]
            for j in masked { XCTAssertEqual(y[row * 5 + j], 0, "row \(row) column \(j) should be masked") }
        }
    }

    func testAttentionUnequalLengths() {
        let lengths = [3, 1, 5], tokens = 9, width = 6
        let q = r([tokens, width], 80), k = r([tokens, width], 81), v = r([tokens, width], 82)
        G.check("attention q,k,v", [q, k, v]) { Tensor.attention(q: $0[0], k: $0[1], v: $0[2], lengths: lengths, heads: 2) }
        G.check("attention q=k=v", [q]) { Tensor.attention(q: $0[0], k: $0[0], v: $0[0], lengths: lengths, heads: 3) }
        let frozen = r([tokens, width], 83, grad: false)
        G.check("attention frozen q,k", [frozen, frozen, v]) {
            Tensor.attention(q: $0[0], k: $0[1], v: $0[2], lengths: lengths, heads: 2)
        }
        XCTAssertNil(frozen.grad)
    }

    /// MPNet's relative-position bias (a constant table) in the packed attention path, alone and
    /// with probability dropout: q, k and v gradients are exact.
    func testAttentionWithRelativeBias() {
        let lengths = [3, 1, 5], tokens = 9, width = 6
        let q = r([tokens, width], 87), k = r([tokens, width], 88), v = r([tokens, width], 89)
        let bias = r([2, 11], 96, lo: -2, hi: 2, grad: false)
        G.check("attention bias", [q, k, v]) {
            Tensor.attention(q: $0[0], k: $0[1], v: $0[2], lengths: lengths, heads: 2, relativeBias: bias)
        }
        G.check("attention bias dropout 0.3", [q, k, v]) {
            Tensor.attention(q: $0[0], k: $0[1], v: $0[2], lengths: lengths, heads: 2, relativeBias: bias, dropout: 0.3, seed: 7)
        }
        XCTAssertNil(bias.grad)
    }

    /// Dropout on the attention probabilities: a fixed seed gives a fixed mask, so the op is a
    /// deterministic function and central differences apply; the mask must also change the output.
    func testAttentionWithProbabilityDropout() {
        let lengths = [3, 1, 5], tokens = 9, width = 6
        let q = r([tokens, width], 84), k = r([tokens, width], 85), v = r([tokens, width], 86)
        G.check("attention dropout 0.3", [q, k, v]) {
            Tensor.attention(q: $0[0], k: $0[1], v: $0[2], lengths: lengths, heads: 2, dropout: 0.3, seed: 7)
        }
        let plain = Tensor.attention(q: q, k: k, v: v, lengths: lengths, heads: 2).values
        let dropped = Tensor.attention(q: q, k: k, v: v, lengths: lengths, heads: 2, dropout: 0.3, seed: 7).values
        let again = Tensor.attention(q: q, k: k, v: v, lengths: lengths, heads: 2, dropout: 0.3, seed: 7).values
        XCTAssertNotEqual(plain, dropped, "a 30% mask changes the output")
        XCTAssertEqual(dropped, again, "the same seed gives the same mask")
    }

    func testShapeOps() {
        let x = r([4, 6], 90)
        let a = r([2, 3], 92), b = r([1, 3], 93, grad: false), c = r([3, 3], 94)
        G.check("concatRows", [a, b, c]) { Tensor.concatRows($0) }
        G.check("sliceRows", [x]) { $0[0].sliceRows(1..<3) }
        G.check("prefixColumns", [x]) { $0[0].prefixColumns(4) }
        XCTAssertEqual(x.prefixColumns(2).values, [0, 1, 2, 3].flatMap { i in [x[i * 6], x[i * 6 + 1]] })
    }

    func testPoolsWithUnequalLengths() {
        let lengths = [2, 1, 4, 0]
        // Well-separated values so the max never ties under a ±h nudge.
        var v = (0..<(7 * 3)).map { Float($0) * 0.37 }
        var rng = SplitMix64(seed: 5)
        v.shuffle(using: &rng)
        let x = Tensor(v, shape: [7, 3], requiresGrad: true)
        G.check("meanPool", [x]) { $0[0].meanPool(lengths: lengths) }
        G.check("clsPool", [x]) { $0[0].clsPool(lengths: lengths) }
        G.check("maxPool", [x]) { $0[0].maxPool(lengths: lengths) }
        let m = x.meanPool(lengths: lengths)
        XCTAssertEqual(m[2 * 3 + 1], (x[3 * 3 + 1] + x[4 * 3 + 1] + x[5 * 3 + 1] + x[6 * 3 + 1]) / 4, accuracy: 1e-5)
        XCTAssertEqual(Array(m.values[9..<12]), [0, 0, 0], "an empty sequence pools to zeros")
    }

    func testCosineSimilarity() {
        let a = r([3, 4], 110), b = r([5, 4], 111)
        G.check("cosineSimilarity", [a, b]) { $0[0].cosineSimilarity($0[1]) }
    }

    func testCrossEntropyWithExclude() {
        let z = r([4, 6], 120, lo: -3, hi: 3)
        let targets = [0, 3, 5, 2]
        let exclude: [[Int]] = [[1, 2], [], [0, 5, 4], [2, 3]]  // row 3 excludes its own target: ignored
        G.check("crossEntropy", [z]) { $0[0].crossEntropy(targets: targets) }
        G.check("crossEntropy exclude", [z]) { $0[0].crossEntropy(targets: targets, exclude: exclude) }
        // One row by hand: logsumexp over the kept columns {0, 3, 4, 5} minus the target's logit.
        let one = r([1, 6], 121, lo: -3, hi: 3)
        let l = one.crossEntropy(targets: [0], exclude: [[1, 2]])[0]
        let lse = log([0, 3, 4, 5].map { exp(Double(one[$0])) }.reduce(0, +))
        XCTAssertEqual(Double(l), lse - Double(one[0]), accuracy: 1e-5)
    }

    /// A realistic little chain through many ops at once, as the encoder composes them.
    func testComposedBlock() {
        let x = r([5, 4], 130), w = r([8, 4], 131, lo: -0.5, hi: 0.5), b = r([8], 132)
        let gamma = r([4], 133, lo: 0.5, hi: 1.5), beta = r([4], 134), w2 = r([4, 8], 135, lo: -0.5, hi: 0.5)
        G.check("block", [x, w, b, w2, gamma, beta], h: 1e-3) { i in
            let h = i[0].linear(i[1], i[2]).gelu().linear(i[3], nil).add(i[0])
            return h.layerNorm(i[4], i[5], eps: 1e-5).meanPool(lengths: [2, 3])
        }
    }
}

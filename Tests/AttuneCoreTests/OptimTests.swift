import XCTest
@testable import AttuneCore

/// AdamW, gradient clipping and the warmup/decay schedule against values worked out by hand
/// from torch's formulas.
final class OptimTests: XCTestCase {
    /// A parameter whose gradient is set directly.
    func param(_ values: [Float], name: String = "") -> Tensor {
        Tensor(values, shape: [values.count], requiresGrad: true, name: name)
    }
    func setGrad(_ p: Tensor, _ g: [Float]) {
        p.zeroGrad()
        let buf = p.gradBuffer()
        for i in 0..<g.count { buf[i] = g[i] }
    }

    // lr = 0.1, wd = 0.01, β = (0.9, 0.999), eps = 1e-8; p = [1, −2].
    //
    // Step 1, g = [0.5, −1]:
    //   decay:  p ← p·(1 − 0.1·0.01) = p·0.999            → [0.999, −1.998]
    //   m = 0.1·g = [0.05, −0.1];  v = 0.001·g² = [0.00025, 0.001]
    //   bc1 = 1 − 0.9 = 0.1, bc2 = 1 − 0.999 = 0.001, step size = lr/bc1 = 1
    //   denom = √v/√bc2 + eps = |g| + 1e-8 = [0.50000001, 1.00000001]
    //   p ← p − m/denom = [0.999 − 0.099999998, −1.998 + 0.099999999] = [0.899000002, −1.898000001]
    //
    // Step 2, g = [−0.25, 3]:
    //   decay:  p·0.999 = [0.898101002, −1.896102001]
    //   m = 0.9·m + 0.1·g = [0.045 − 0.025, −0.09 + 0.3] = [0.02, 0.21]
    //   v = 0.999·v + 0.001·g² = [0.00024975 + 0.0000625, 0.000999 + 0.009] = [0.00031225, 0.009999]
    //   bc1 = 1 − 0.81 = 0.19 → step size = 0.1/0.19 = 0.526315789
    //   bc2 = 1 − 0.998001 = 0.001999 → √bc2 = 0.044710178
    //   denom = [0.017670597/0.044710178, 0.099994999/0.044710178] + 1e-8 = [0.395225391, 2.236515380]
    //   p ← [0.898101002 − 0.526315789·0.02/0.395225391, −1.896102001 − 0.526315789·0.21/2.236515380]
    //     = [0.898101002 − 0.026633703, −1.896102001 − 0.049418983] = [0.871467299, −1.945520984]
    func testTwoAdamWStepsMatchTorchByHand() throws {
        let p = param([1, -2], name: "w")
        var opt = try AdamW(parameters: [p], lr: 0.1, weightDecay: 0.01)
        setGrad(p, [0.5, -1])
        opt.step()
        XCTAssertEqual(p[0], 0.899000002, accuracy: 1e-6)
        XCTAssertEqual(p[1], -1.898000001, accuracy: 1e-6)
        XCTAssertEqual(opt.moments[0].m[0], 0.05, accuracy: 1e-8)
        XCTAssertEqual(opt.moments[0].v[1], 0.001, accuracy: 1e-9)
        setGrad(p, [-0.25, 3])
        opt.step()
        XCTAssertEqual(p[0], 0.871467299, accuracy: 1e-6)
        XCTAssertEqual(p[1], -1.945520984, accuracy: 1e-6)
        XCTAssertEqual(opt.moments[0].m[0], 0.02, accuracy: 1e-8)
        XCTAssertEqual(opt.moments[0].m[1], 0.21, accuracy: 1e-7)
        XCTAssertEqual(opt.moments[0].v[0], 0.00031225, accuracy: 1e-9)
        XCTAssertEqual(opt.moments[0].v[1], 0.009999, accuracy: 1e-8)
        XCTAssertEqual(opt.stepCount, 2)
    }

    /// A parameter large enough for the threaded update, against the formula in Double.
    func testLargeParameterMatchesFormula() throws {
        let n = 10_000
        let p = GradCheck.random([n], seed: 3)
        let g = GradCheck.random([n], seed: 4, requiresGrad: false).values
        let start = p.values
        var opt = try AdamW(parameters: [p], lr: 1e-3, weightDecay: 0.05)
        setGrad(p, g)
        opt.step()
        for i in stride(from: 0, to: n, by: 7) {
            let gi = Double(g[i])
            let m = 0.1 * gi, v = 0.001 * gi * gi
            let expected = Double(start[i]) * (1 - 1e-3 * 0.05) - 1e-3 / 0.1 * m / (v.squareRoot() / 0.001.squareRoot() + 1e-8)
            XCTAssertEqual(Double(p[i]), expected, accuracy: 1e-6, "element \(i)")
        }
    }

    // With a zero gradient only the decoupled decay acts: p ← p·(1 − lr·wd) = 4·(1 − 0.5·0.2) = 3.6,
    // and m = v = 0 so the Adam term is 0/(0 + eps) = 0.
    func testWeightDecayIsDecoupled() throws {
        let p = param([4, -4])
        var opt = try AdamW(parameters: [p], lr: 0.5, weightDecay: 0.2)
        setGrad(p, [0, 0])
        opt.step()
        XCTAssertEqual(p.values, [3.6, -3.6])
        // Without decay a zero gradient leaves the parameter where it was.
        let q = param([4])
        var plain = try AdamW(parameters: [q], lr: 0.5, weightDecay: 0)
        setGrad(q, [0])
        plain.step()
        XCTAssertEqual(q[0], 4)
    }

    func testParametersWithoutGradientsAreUntouched() throws {
        let a = param([1, 1], name: "a"), b = param([1, 1], name: "b")
        let frozen = Tensor([5], shape: [1], name: "frozen")
        var opt = try AdamW(parameters: [a, b, frozen], lr: 0.1)
        XCTAssertEqual(opt.parameters.count, 2, "frozen tensors are not optimised")
        setGrad(a, [1, 1])
        opt.step()
        XCTAssertEqual(b.values, [1, 1], "no gradient, no step and no decay (as torch)")
        XCTAssertEqual(opt.moments.map(\.step), [1, 0])
    }

    func testStateRoundTripsAndRejectsMismatches() throws {
        let p = param([1, 2, 3], name: "w")
        var opt = try AdamW(parameters: [p], lr: 0.01)
        setGrad(p, [0.1, -0.2, 0.3]); opt.step()
        let saved = opt.moments
        // Continue in a fresh optimizer restored from the save: it must match the original.
        let p2 = param(p.values, name: "w")
        var opt2 = try AdamW(parameters: [p2], lr: 0.01)
        try opt2.restore(saved)
        setGrad(p, [0.3, 0.2, -0.1]); opt.step()
        setGrad(p2, [0.3, 0.2, -0.1]); opt2.step()
        XCTAssertEqual(p.values, p2.values)
        XCTAssertEqual(opt.moments, opt2.moments)

        var wrongSize = saved
        wrongSize[0].m = [0]
        XCTAssertThrowsError(try opt2.restore(wrongSize)) { XCTAssertTrue("\($0)".contains("w")) }
        var wrongName = saved
        wrongName[0].name = "other"
        XCTAssertThrowsError(try opt2.restore(wrongName)) { XCTAssertTrue("\($0)".contains("no entry for parameter w")) }
    }

    func testUnnamedAndRepeatedNamesGetIndexNames() throws {
        let opt = try AdamW(parameters: [param([1]), param([1], name: "x"), param([1], name: "x")], lr: 0.1)
        XCTAssertEqual(opt.moments.map(\.name), ["#0", "x", "#2"])
    }

    func testBadHyperparametersThrow() {
        XCTAssertThrowsError(try AdamW(parameters: [], lr: -1))
        XCTAssertThrowsError(try AdamW(parameters: [], lr: 0.1, betas: (1.0, 0.999)))
        XCTAssertThrowsError(try AdamW(parameters: [], lr: 0.1, weightDecay: -0.1))
    }

    // Gradients [3, 4] and [12]: global norm √(9 + 16 + 144) = 13.
    // maxNorm 6.5 → factor 6.5/(13 + 1e-6) ≈ 0.5 → [1.5, 2] and [6]; returns 13.
    func testClipGradNorm() {
        let a = param([0, 0]), b = param([0]), none = param([0])
        setGrad(a, [3, 4]); setGrad(b, [12])
        let norm = clipGradNorm([a, b, none], maxNorm: 6.5)
        XCTAssertEqual(norm, 13, accuracy: 1e-6)
        XCTAssertEqual(a.gradient!.values[0], 1.5, accuracy: 1e-6)
        XCTAssertEqual(a.gradient!.values[1], 2, accuracy: 1e-6)
        XCTAssertEqual(b.gradient!.values[0], 6, accuracy: 1e-6)
        XCTAssertNil(none.grad)
        // Under the limit nothing changes.
        let again = clipGradNorm([a, b], maxNorm: 100)
        XCTAssertEqual(again, 6.5, accuracy: 1e-5)
        XCTAssertEqual(b.gradient!.values[0], 6, accuracy: 1e-6)
    }

    // steps = 100, warmupFraction = 0.1 → warm = 10.
    //   s = 0:  (0 + 1)/10 = 0.1          s = 9 (warm − 1): 10/10 = 1
    //   s = 10 (warm): (100 − 10)/90 = 1  s = 99 (steps − 1): 1/90
    //   s = 100: 0;  s = 150: max(0, −50/90) = 0
    func testScheduleValues() throws {
        let s = try LinearSchedule(totalSteps: 100, warmupFraction: 0.1)
        XCTAssertEqual(s.warmupSteps, 10)
        XCTAssertEqual(s.factor(afterSteps: 0), 0.1, accuracy: 1e-12)
        XCTAssertEqual(s.factor(afterSteps: 4), 0.5, accuracy: 1e-12)
        XCTAssertEqual(s.factor(afterSteps: 9), 1, accuracy: 1e-12)
        XCTAssertEqual(s.factor(afterSteps: 10), 1, accuracy: 1e-12)
        XCTAssertEqual(s.factor(afterSteps: 55), 0.5, accuracy: 1e-12)
        XCTAssertEqual(s.factor(afterSteps: 99), 1.0 / 90, accuracy: 1e-12)
        XCTAssertEqual(s.factor(afterSteps: 100), 0)
        XCTAssertEqual(s.factor(afterSteps: 150), 0)
        XCTAssertEqual(s.learningRate(base: 2e-5, afterSteps: 0), 2e-6, accuracy: 1e-12)
    }

    // warm = int(7 · 0.3) = int(2.1) = 2: s = 0 → 1/2, s = 1 → 1, s = 2 → 5/5, s = 6 → 1/5.
    // No warmup: warm = 0, s = 0 → (10 − 0)/10 = 1.
    func testScheduleTruncatesWarmupAndHandlesNone() throws {
        let s = try LinearSchedule(totalSteps: 7, warmupFraction: 0.3)
        XCTAssertEqual(s.warmupSteps, 2)
        XCTAssertEqual([0, 1, 2, 6].map { s.factor(afterSteps: $0) }, [0.5, 1, 1, 0.2])
        let none = try LinearSchedule(totalSteps: 10, warmupFraction: 0)
        XCTAssertEqual(none.factor(afterSteps: 0), 1)
        XCTAssertEqual(none.factor(afterSteps: 9), 0.1, accuracy: 1e-12)
        XCTAssertThrowsError(try LinearSchedule(totalSteps: 10, warmupFraction: 1.5))
        XCTAssertThrowsError(try LinearSchedule(totalSteps: -1, warmupFraction: 0.1))
    }
}

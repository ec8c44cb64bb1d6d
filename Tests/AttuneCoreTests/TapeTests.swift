import XCTest
@testable import AttuneCore

/// What the tape costs: frozen tensors get nothing, intermediates are released after backward.
final class TapeTests: XCTestCase {
    func testFrozenTensorsNeverGetAGradient() {
        let x = GradCheck.random([4, 6], seed: 1, requiresGrad: false)
        let frozenW = GradCheck.random([5, 6], seed: 2, requiresGrad: false)
        let frozenB = GradCheck.random([5], seed: 3, requiresGrad: false)
        let w = GradCheck.random([3, 5], seed: 4)
        let gamma = GradCheck.random([3], seed: 5, requiresGrad: false), beta = GradCheck.random([3], seed: 6)
        let loss = x.linear(frozenW, frozenB).gelu().linear(w, nil).layerNorm(gamma, beta, eps: 1e-5)
            .meanPool(lengths: [1, 3]).sum()
        loss.backward()
        for t in [x, frozenW, frozenB, gamma] { XCTAssertNil(t.grad, "a frozen tensor got a gradient") }
        XCTAssertNotNil(w.grad)
        XCTAssertNotNil(beta.grad)
    }

    func testNoTapeWithoutTrainableInputs() {
        let x = GradCheck.random([4, 6], seed: 7, requiresGrad: false)
        let w = GradCheck.random([5, 6], seed: 8, requiresGrad: false)
        let y = x.linear(w, nil).gelu().softmax()
        XCTAssertFalse(y.requiresGrad)
        XCTAssertTrue(y.parents.isEmpty)
        XCTAssertNil(y.backwardFn)
    }

    func testBackwardReleasesIntermediates() {
        let w = GradCheck.random([4, 4], seed: 9)
        let x = GradCheck.random([3, 4], seed: 10, requiresGrad: false)
        weak var weakHidden: Tensor?
        let loss: Tensor = {
            let hidden = x.matmul(w).tanh()
            weakHidden = hidden
            return hidden.l2Normalize().sum()
        }()
        XCTAssertNotNil(weakHidden, "the tape keeps the intermediate alive before backward")
        loss.backward()
        XCTAssertNil(weakHidden, "backward should release intermediate tensors")
        XCTAssertTrue(loss.parents.isEmpty)
        XCTAssertNil(loss.grad, "the loss's own gradient is freed")
        XCTAssertNotNil(w.grad, "the parameter keeps its gradient")
    }

    func testIntermediateGradientsAreFreedWhileHeld() {
        let w = GradCheck.random([4, 4], seed: 11)
        let x = GradCheck.random([3, 4], seed: 12, requiresGrad: false)
        let hidden = x.matmul(w)
        let loss = hidden.gelu().sum()
        loss.backward()
        XCTAssertNil(hidden.grad, "an intermediate's gradient is dropped once pushed to its parents")
        XCTAssertTrue(hidden.parents.isEmpty)
    }

    func testGradientsAccumulateAcrossBackwardCalls() {
        let w = GradCheck.random([2, 3], seed: 13)
        w.scaled(2).sum().backward()
        w.scaled(3).sum().backward()
        XCTAssertEqual(w.gradient!.values, [Float](repeating: 5, count: 6))
        w.zeroGrad()
        XCTAssertNil(w.grad)
    }
}

@testable import AttuneCore
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneTrain

/// L2-SP: the gradient it adds, that θ₀ is the start and not a later value, and that in a real
/// training run it keeps the trained weights nearer the base's.
final class L2SPTests: XCTestCase {
    func testAddsStrengthTimesDistanceFromStartToEveryGradient() {
        let a = Tensor([1, -2, 3], shape: [3], requiresGrad: true)
        let b = Tensor([0.5, 0.5], shape: [2], requiresGrad: true)
        let reg = L2SPRegularizer(parameters: [a, b], strength: 0.5)
        // Training moves the weights; θ₀ stays what it was at init.
        a.data[0] = 3; a.data[2] = 2
        b.data[1] = -1.5
        let ga = a.gradBuffer(); ga[0] = 0.1; ga[1] = 0.2; ga[2] = 0.3
        // `b` has no gradient this step: it is left without one.
        reg.addGradient(to: [a, b])
        XCTAssertEqual(a.gradient!.values, [0.1 + 0.5 * 2, 0.2, 0.3 + 0.5 * -1], "g + λ(θ − θ₀)")
        XCTAssertNil(b.grad)
        XCTAssertEqual(reg.distance([a, b]), (4.0 + 1.0 + 4.0).squareRoot(), accuracy: 1e-12)

        // The gradient is the derivative of λ/2·‖θ − θ₀‖² (central differences on the penalty).
        let p = Tensor([0.3, -0.7], shape: [2], requiresGrad: true)
        let r2 = L2SPRegularizer(parameters: [p], strength: 3)
        p.data[0] = 1.1; p.data[1] = -0.2
        _ = p.gradBuffer()
        r2.addGradient(to: [p])
        let h = 1e-3
        for j in 0..<2 {
            let saved = p.data[j]
            p.data[j] = saved + Float(h); let up = 1.5 * r2.distance([p]) * r2.distance([p])
            p.data[j] = saved - Float(h); let down = 1.5 * r2.distance([p]) * r2.distance([p])
            p.data[j] = saved
            XCTAssertEqual(Double(p.gradient!.values[j]), (up - down) / (2 * h), accuracy: 1e-3)
        }

        // Strength 0 leaves gradients alone.
        let off = L2SPRegularizer(parameters: [a], strength: 0)
        let before = a.gradient!.values
        off.addGradient(to: [a])
        XCTAssertEqual(a.gradient!.values, before)
    }

    /// The same small run with and without L2-SP: the regularised one ends nearer the base, and
    /// says how near. (A strong λ and a high learning rate, so 6 steps show it.)
    func testTrainingWithL2SPStaysNearerTheBase() throws {
        let modelURL = try Fixtures.model()
        let base = try SentenceModel.load(modelURL)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-l2sp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        func run(_ l2sp: Float) throws -> (distance: Double, logs: [String]) {
            var r = Recipe()
            r.model = modelURL.path
            r.pairs = Fixtures.packageRoot.appendingPathComponent("Data/medical/train.jsonl").path
            r.output = dir.appendingPathComponent("l2sp-\(l2sp)").path
            r.maxPairs = 48; r.batchSize = 8; r.maxSeqLength = 24
            r.trainableLayers = 1; r.head = false; r.dropout = 0; r.lr = 2e-3; r.warmup = 0
            r.checkpointEvery = 0; r.seed = 3; r.weightDecay = 0
            r.l2sp = l2sp
            var logs: [String] = []
            let s = try Trainer(recipe: r, log: { logs.append($0) }).run(base: base)
            let trained = try SentenceModel.load(URL(fileURLWithPath: s.output))
            var total = 0.0
            let layer = base.bert.layers.count - 1
            let before = Dictionary(uniqueKeysWithValues: base.bert.layers[layer].namedParameters)
            for (name, t) in trained.bert.layers[layer].namedParameters {
                let b = before[name]!
                for j in 0..<t.count { let d = Double(t.data[j]) - Double(b.data[j]); total += d * d }
            }
            return (total.squareRoot(), logs)
        }
        let free = try run(0), pulled = try run(50)
        XCTAssertGreaterThan(free.distance, 0.01, "training moved the top layer")
        XCTAssertLessThan(pulled.distance, 0.8 * free.distance, "L2-SP kept it nearer the base")
        XCTAssertFalse(free.logs.contains { $0.hasPrefix("L2-SP") })
        let line = try XCTUnwrap(pulled.logs.first { $0.hasPrefix("L2-SP 50: the trained weights are ") }, "\(pulled.logs)")
        let reported = Double(line.split(separator: " ")[6])!
        XCTAssertEqual(reported, pulled.distance, accuracy: 1e-3, "the logged distance is the saved model's")
    }
}

import AttuneCore
import AttuneModel
import AttuneTestSupport
@testable import AttuneAdapt
import AttuneTrain
import XCTest

final class MergeTests: XCTestCase {
    nonisolated(unsafe) private static var cached: (base: SentenceModel, tuned: SentenceModel)?
    private let texts = ["What are the symptoms of asthma?", "my son has a barking cough at night", "Metformin lowers blood sugar."]

    /// The real base model, and a "tuned" copy: the last two layers and an identity head, perturbed
    /// deterministically as training would move them.
    private func models() throws -> (base: SentenceModel, tuned: SentenceModel) {
        if let c = Self.cached { return c }
        let base = try SentenceModel.load(Fixtures.model())
        let trainable = try TrainableModel(base: base, trainableLayers: 2, head: true)
        var rng = SplitMix64(seed: 3)
        for (_, t) in trainable.parameters {
            for i in 0..<t.count { t.data[i] += (rng.nextFloat() - 0.5) * 0.02 }
        }
        let c = (base, trainable.inferenceModel)
        Self.cached = c
        return c
    }

    /// Every tensor of the model by name (Transformer, then `dense.N.weight/bias`).
    private func tensors(_ m: SentenceModel) -> [(String, Tensor)] {
        var out = m.bert.namedParameters
        for (i, d) in m.dense.enumerated() {
            out.append(("dense.\(i).weight", d.linear.weight))
            if let b = d.linear.bias { out.append(("dense.\(i).bias", b)) }
        }
        return out
    }

    private func assertBitEqual(_ a: SentenceModel, _ b: SentenceModel, file: StaticString = #filePath, line: UInt = #line) {
        let ta = tensors(a), tb = tensors(b)
        XCTAssertEqual(ta.map(\.0), tb.map(\.0), file: file, line: line)
        for ((name, x), (_, y)) in zip(ta, tb) {
            XCTAssertEqual(x.shape, y.shape, name, file: file, line: line)
            XCTAssertEqual(memcmp(x.data, y.data, x.count * 4), 0, "\(name) differs", file: file, line: line)
        }
        let ea = a.encode(texts), eb = b.encode(texts)
        XCTAssertEqual(memcmp(ea.data, eb.data, ea.count * 4), 0, "embeddings differ", file: file, line: line)
    }

    /// `BertModel.mapParameters` (the walk `merge` uses) visits exactly `namedParameters`, in its
    /// order and under its names, and replaces every tensor: a parameter one of them forgets fails here.
    func testMapParametersWalksEveryNamedParameter() throws {
        let (base, _) = try models()
        var visited: [String] = []
        let mapped = base.bert.mapParameters { name, t in visited.append(name); return t.copy(requiresGrad: false) }
        XCTAssertEqual(visited, base.bert.namedParameters.map(\.0))
        let before = Set(base.bert.namedParameters.map { ObjectIdentifier($0.1) })
        XCTAssertEqual(mapped.namedParameters.map(\.0), visited)
        for (name, t) in mapped.namedParameters {
            XCTAssertFalse(before.contains(ObjectIdentifier(t)), "\(name) was not replaced")
        }
    }

    func testAlphaZeroIsTheBaseAndOneTheTunedModelBitForBit() throws {
        let (base, tuned) = try models()
        let zero = try merge(base: base, tuned: tuned, alpha: 0)
        XCTAssertEqual(zero.dense.count, base.dense.count, "the head the base lacks is left out at alpha 0")
        assertBitEqual(zero, base)
        assertBitEqual(try merge(base: base, tuned: tuned, alpha: 1), tuned)
        // The perturbation is real: base and tuned embeddings differ.
        let eb = base.encode(texts), et = tuned.encode(texts)
        XCTAssertNotEqual(memcmp(eb.data, et.data, eb.count * 4), 0)
    }

    func testHalfIsTheMidpointAndTheHeadMovesTowardTheIdentity() throws {
        let (base, tuned) = try models()
        let half = try merge(base: base, tuned: tuned, alpha: 0.5)
        let bt = Dictionary(uniqueKeysWithValues: base.bert.namedParameters)
        let tt = Dictionary(uniqueKeysWithValues: tuned.bert.namedParameters)
        var changed = 0
        for (name, m) in half.bert.namedParameters {
            let b = bt[name]!, t = tt[name]!
            var wrong = 0
            for i in 0..<m.count {
                if m.data[i] != 0.5 * b.data[i] + 0.5 * t.data[i] { wrong += 1 }
                if b.data[i] != t.data[i] { changed += 1 }
            }
            XCTAssertEqual(wrong, 0, "\(name): values off the midpoint")
        }
        XCTAssertGreaterThan(changed, 1_000_000, "the last two layers were perturbed")
        XCTAssertEqual(half.dense.count, 1)
        let head = half.dense[0].linear, th = tuned.dense[0].linear
        let dim = base.dimension
        for r in 0..<dim {
            for c in 0..<dim {
                let identity: Float = r == c ? 1 : 0
                XCTAssertEqual(head.weight.data[r * dim + c], 0.5 * identity + 0.5 * th.weight.data[r * dim + c])
            }
            XCTAssertEqual(head.bias!.data[r], 0.5 * th.bias!.data[r])
        }
        // The merged embeddings lie between: closer to each end than the ends are to each other.
        let e = half.encode(texts), eb = base.encode(texts), et = tuned.encode(texts)
        func dist(_ x: Tensor, _ y: Tensor) -> Float { (0..<x.count).reduce(0) { $0 + (x.data[$1] - y.data[$1]) * (x.data[$1] - y.data[$1]) } }
        XCTAssertLessThan(dist(e, eb), dist(eb, et))
        XCTAssertLessThan(dist(e, et), dist(eb, et))
    }

    func testKeptHeadStaysAsTrainedWhileTheEncoderMoves() throws {
        let (base, tuned) = try models()
        let m = try merge(base: base, tuned: tuned, alpha: 0.3, headAlpha: 1)
        let half = try merge(base: base, tuned: tuned, alpha: 0.3)
        for ((n, a), (_, b)) in zip(m.bert.namedParameters, half.bert.namedParameters) {
            XCTAssertEqual(a.values, b.values, "\(n): the encoder merges as without headAlpha")
        }
        XCTAssertEqual(m.dense.count, 1)
        XCTAssertEqual(m.dense[0].linear.weight.values, tuned.dense[0].linear.weight.values, "the head is the trained one, bit for bit")
        XCTAssertEqual(m.dense[0].linear.bias?.values, tuned.dense[0].linear.bias?.values)
        // At alpha 0 the encoder is the base's and the trained head sits on it.
        let zero = try merge(base: base, tuned: tuned, alpha: 0, headAlpha: 1)
        for ((n, a), (_, b)) in zip(zero.bert.namedParameters, base.bert.namedParameters) { XCTAssertEqual(a.values, b.values, n) }
        XCTAssertEqual(zero.dense.count, 1)
        XCTAssertThrowsError(try merge(base: base, tuned: tuned, alpha: 0.5, headAlpha: 1.5)) {
            XCTAssertTrue("\($0)".contains("the head's alpha must be between 0 and 1, got 1.5"), "\($0)")
        }
    }

    /// The layer ramp: of the changed layers, the lowest stays the base's, the top one merges at
    /// alpha, those between at their share; untouched layers and the head merge as without it.
    func testLayerRampMergesEachChangedLayerByDepth() throws {
        let (base, tuned) = try models()
        let n = base.bert.layers.count
        func layer(_ m: SentenceModel, _ i: Int) -> [[Float]] { m.bert.layers[i].namedParameters.map { $0.1.values } }
        let ramp = try merge(base: base, tuned: tuned, alpha: 0.8, layerRamp: true)
        let flat = try merge(base: base, tuned: tuned, alpha: 0.8)
        XCTAssertEqual(layer(ramp, n - 2), layer(base, n - 2), "the lower of the two trained layers is the base's, bit for bit")
        XCTAssertNotEqual(layer(tuned, n - 2), layer(base, n - 2))
        XCTAssertEqual(layer(ramp, n - 1), layer(flat, n - 1), "the top one merges at alpha")
        for i in 0..<(n - 2) { XCTAssertEqual(layer(ramp, i), layer(flat, i), "untouched layer \(i)") }
        XCTAssertEqual(ramp.dense[0].linear.weight.values, flat.dense[0].linear.weight.values, "the head as without the ramp")
        XCTAssertEqual(try merge(base: base, tuned: tuned, alpha: 0.8, headAlpha: 1, layerRamp: true).dense[0].linear.weight.values,
                       tuned.dense[0].linear.weight.values)

        // Three changed layers: 0, alpha/2, alpha from the bottom.
        let three = try TrainableModel(base: base, trainableLayers: 3, head: false)
        var rng = SplitMix64(seed: 5)
        for (_, t) in three.parameters { for i in 0..<t.count { t.data[i] += (rng.nextFloat() - 0.5) * 0.02 } }
        let t3 = three.inferenceModel
        let r3 = try merge(base: base, tuned: t3, alpha: 0.6, layerRamp: true)
        XCTAssertEqual(layer(r3, n - 3), layer(base, n - 3))
        XCTAssertEqual(layer(r3, n - 2), layer(try merge(base: base, tuned: t3, alpha: 0.3), n - 2))
        XCTAssertEqual(layer(r3, n - 1), layer(try merge(base: base, tuned: t3, alpha: 0.6), n - 1))

        // One changed layer merges at alpha, as without the ramp.
        let one = try TrainableModel(base: base, trainableLayers: 1, head: false)
        for (_, t) in one.parameters { for i in 0..<t.count { t.data[i] += (rng.nextFloat() - 0.5) * 0.02 } }
        XCTAssertEqual(layer(try merge(base: base, tuned: one.inferenceModel, alpha: 0.4, layerRamp: true), n - 1),
                       layer(try merge(base: base, tuned: one.inferenceModel, alpha: 0.4), n - 1))
    }

    func testMergedModelSavesAndLoadsBack() throws {
        let (base, tuned) = try models()
        let merged = try merge(base: base, tuned: tuned, alpha: 0.3)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-merge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try merged.save(to: dir)
        assertBitEqual(try SentenceModel.load(dir), merged)
    }

    func testMismatchedModelsAndBadAlphaAreRefusedByName() throws {
        let (base, tuned) = try models()
        for alpha: Float in [-0.1, 1.5, .nan, .infinity] {
            XCTAssertThrowsError(try merge(base: base, tuned: tuned, alpha: alpha)) { e in
                XCTAssertTrue("\(e)".contains("alpha must be between 0 and 1"), "\(e)")
            }
        }
        var reshaped = tuned
        reshaped.bert.layers[3].query.weight = Tensor(zeros: [384, 192])
        XCTAssertThrowsError(try merge(base: base, tuned: reshaped, alpha: 0.5, baseName: "B", tunedName: "T")) { e in
            XCTAssertEqual("\(e)", "merge: B and T differ: tensor encoder.layer.3.attention.self.query.weight has shape [384, 384] vs [384, 192]; only models of one architecture merge")
        }
        var shallow = tuned
        shallow.bert.layers.removeLast()
        XCTAssertThrowsError(try merge(base: base, tuned: shallow, alpha: 0.5)) { e in
            XCTAssertTrue("\(e)".contains("tensor encoder.layer.5."), "\(e)")
        }
        var twoHeads = tuned
        twoHeads.dense.append(DenseModule.identity(dim: 384))
        XCTAssertThrowsError(try merge(base: base, tuned: twoHeads, alpha: 0.5)) { e in
            XCTAssertTrue("\(e)".contains("0 vs 2 Dense modules"), "\(e)")
        }
        var wideHead = base
        wideHead.dense.append(DenseModule(linear: Linear(weight: Tensor(zeros: [128, 384]), bias: nil), activation: DenseModule.identityName))
        XCTAssertThrowsError(try merge(base: base, tuned: wideHead, alpha: 0.5)) { e in
            XCTAssertTrue("\(e)".contains("no identity to merge toward"), "\(e)")
        }
        var unnormalized = tuned
        unnormalized.normalize = false
        XCTAssertThrowsError(try merge(base: base, tuned: unnormalized, alpha: 0.5)) { e in
            XCTAssertTrue("\(e)".contains("Normalize"), "\(e)")
        }
        var cls = tuned
        cls.pooling = .cls
        XCTAssertThrowsError(try merge(base: base, tuned: cls, alpha: 0.5)) { e in
            XCTAssertTrue("\(e)".contains("pooling mean vs cls"), "\(e)")
        }
    }
}

import AttuneCore
import AttuneData
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneTrain

/// The Matryoshka loss against the ranking loss computed at each dimension on its own; with
/// GradCache; its settings' checks; and a training run that records the dimensions in the model.
final class MatryoshkaLossTests: XCTestCase {
    private func random(_ n: Int, _ rng: inout SplitMix64) -> [Float] { (0..<n).map { _ in rng.nextFloat() * 2 - 1 } }

    /// Loss and the gradients with respect to anchors and candidates, through the tape.
    private func lossAndGrads(_ loss: (Tensor, Tensor) -> Tensor, _ a: [Float], _ c: [Float], d: Int) -> (Double, [Float], [Float]) {
        let at = Tensor(a, shape: [a.count / d, d], requiresGrad: true), ct = Tensor(c, shape: [c.count / d, d], requiresGrad: true)
        let l = loss(at, ct)
        l.backward()
        return (Double(l[0]), at.gradient!.values, ct.gradient!.values)
    }

    /// Rows of `v` (width `d`) cut to their first `k` values: a new leaf, not a view.
    private func prefix(_ v: [Float], d: Int, k: Int) -> [Float] {
        stride(from: 0, to: v.count, by: d).flatMap { v[$0..<($0 + k)] }
    }

    func testEqualsWeightedSumOfRankingLossesAtEachDimension() throws {
        let d = 12, b = 4
        // Four pairs, one column of hard negatives; pair 2's negative repeats positive 0's text,
        // and the guide masks candidate 5 for anchor 1.
        let aIDs: [Int32] = [0, 1, 2, 3], cIDs: [Int32] = [10, 11, 12, 13, 20, 21, 10, 23]
        let masks = LossMasks(forward: [[], [5], [], []], backward: [[], [], [3], []])
        let dims = [12, 8, 3], weights: [Float] = [1, 0.5, 2]
        var rng = SplitMix64(seed: 31)
        let a = random(b * d, &rng), c = random(cIDs.count * d, &rng)
        for symmetric in [false, true] {
            let mnrl = MultipleNegativesRankingLoss(scale: 20, symmetric: symmetric)
            let matryoshka = try MatryoshkaLoss(base: mnrl, dims: dims, weights: weights, dimension: d)
            let (l, ga, gc) = lossAndGrads({ matryoshka(anchors: $0, candidates: $1, anchorTextIDs: aIDs, candidateTextIDs: cIDs, masks: masks) }, a, c, d: d)
            // Each dimension separately, on truncated copies; gradients scattered back, weighted.
            var want = 0.0
            var wa = [Float](repeating: 0, count: a.count), wc = [Float](repeating: 0, count: c.count)
            for (k, w) in zip(dims, weights) {
                let (lk, gak, gck) = lossAndGrads({ mnrl(anchors: $0, candidates: $1, anchorTextIDs: aIDs, candidateTextIDs: cIDs, masks: masks) },
                                                  prefix(a, d: d, k: k), prefix(c, d: d, k: k), d: k)
                want += Double(w) * lk
                for i in 0..<(a.count / d) { for j in 0..<k { wa[i * d + j] += w * gak[i * k + j] } }
                for i in 0..<(c.count / d) { for j in 0..<k { wc[i * d + j] += w * gck[i * k + j] } }
            }
            XCTAssertEqual(l, want, accuracy: 1e-5 * abs(want), "loss, symmetric \(symmetric)")
            for (g, w) in [(ga, wa), (gc, wc)] {
                for (x, y) in zip(g, w) { XCTAssertEqual(x, y, accuracy: 1e-5 + 1e-4 * abs(y), "gradient, symmetric \(symmetric)") }
            }
            // The small dimensions matter: the gradient differs from the plain loss's.
            let (l0, ga0, _) = lossAndGrads({ mnrl(anchors: $0, candidates: $1, anchorTextIDs: aIDs, candidateTextIDs: cIDs, masks: masks) }, a, c, d: d)
            XCTAssertGreaterThan(abs(l - l0), 0.1)
            XCTAssertGreaterThan(zip(ga, ga0).map { abs($0 - $1) }.max()!, 1e-3)
            // Beyond the smallest prefix only the larger dimensions contribute: column 9..<12 gets
            // the full-width term's gradient alone.
            XCTAssertEqual(ga[9], ga0[9], accuracy: 1e-6)
        }
        // No dims: the ranking loss itself, bit for bit.
        let plain = MultipleNegativesRankingLoss()
        let off = try MatryoshkaLoss(base: plain, dims: [], dimension: d)
        let (l1, g1, _) = lossAndGrads({ off(anchors: $0, candidates: $1, anchorTextIDs: aIDs, candidateTextIDs: cIDs) }, a, c, d: d)
        let (l2, g2, _) = lossAndGrads({ plain(anchors: $0, candidates: $1, anchorTextIDs: aIDs, candidateTextIDs: cIDs) }, a, c, d: d)
        XCTAssertEqual(l1, l2)
        XCTAssertEqual(g1, g2)
    }

    /// GradCache with the Matryoshka loss: the same loss and parameter gradients as one tape
    /// through the batch, for an embedder of its own (a linear map, normalised).
    func testGradCacheGivesTheSameLossAndGradients() throws {
        let inWidth = 10, d = 16, rows = 12
        var rng = SplitMix64(seed: 5)
        let x = Tensor(random(rows * inWidth, &rng), shape: [rows, inWidth])
        let w = Tensor(random(d * inWidth, &rng), shape: [d, inWidth], requiresGrad: true)
        let bias = Tensor(random(d, &rng), shape: [d], requiresGrad: true)
        let aIDs: [Int32] = [0, 1, 2, 3], cIDs: [Int32] = [4, 5, 6, 7, 8, 9, 10, 11]
        let loss = try MatryoshkaLoss(base: MultipleNegativesRankingLoss(scale: 20, symmetric: true), dims: [16, 8, 4],
                                      weights: [1, 1, 0.5], dimension: d)
        func lossOf(_ e: Tensor) -> Tensor {
            loss(anchors: e.sliceRows(0..<4), candidates: e.sliceRows(4..<rows), anchorTextIDs: aIDs, candidateTextIDs: cIDs)
        }
        func embed(_ chunk: Range<Int>, _ index: Int, _ onTape: Bool) -> Tensor {
            let e = x.sliceRows(chunk).linear(onTape ? w : w.detached(), onTape ? bias : bias.detached()).l2Normalize()
            return e
        }
        func run(cached: Bool, miniBatch: Int) -> (Float, [Float], [Float]) {
            w.zeroGrad(); bias.zeroGrad()
            let gc = GradCache(miniBatchSize: miniBatch)
            let l: Tensor
            if cached {
                l = gc.step(rows: rows, embed: embed, loss: lossOf)
            } else {
                l = lossOf(Tensor.concatRows(gc.chunks(rows).enumerated().map { embed($0.element, $0.offset, true) }))
                l.backward()
            }
            return (l[0], w.gradient!.values, bias.gradient!.values)
        }
        for miniBatch in [4, 5] {
            let (l0, gw0, gb0) = run(cached: false, miniBatch: miniBatch)
            let (l1, gw1, gb1) = run(cached: true, miniBatch: miniBatch)
            XCTAssertEqual(l1, l0, accuracy: 1e-5 * abs(l0))
            XCTAssertGreaterThan(gw0.map(abs).max()!, 1e-4)
            for (a, b) in zip(gw1 + gb1, gw0 + gb0) { XCTAssertEqual(a, b, accuracy: 1e-5 + 1e-4 * abs(b)) }
        }
    }

    func testBadDimensionsAndWeightsAreOneLineNamingTheKey() throws {
        let base = MultipleNegativesRankingLoss()
        func expect(_ body: @autoclosure () throws -> Any, _ field: String, _ text: String, line: UInt = #line) {
            XCTAssertThrowsError(try body(), line: line) { error in
                guard case AttuneError.badConfig(_, let f, let what) = error else { return XCTFail("\(error)", line: line) }
                XCTAssertEqual(f, field, line: line)
                XCTAssertTrue(what.contains(text), what, line: line)
                XCTAssertFalse("\(error)".contains("\n"), line: line)
            }
        }
        expect(try MatryoshkaLoss(base: base, dims: [384, 512], dimension: 384), "matryoshka_dims", "512, more than the model's 384")
        expect(try MatryoshkaLoss(base: base, dims: [128, 0], dimension: 384), "matryoshka_dims", "at least 1")
        expect(try MatryoshkaLoss(base: base, dims: [128, 64, 128], dimension: 384), "matryoshka_dims", "128 twice")
        expect(try MatryoshkaLoss(base: base, dims: [128, 64], weights: [1], dimension: 384), "matryoshka_weights", "1 weight(s) for 2")
        expect(try MatryoshkaLoss(base: base, dims: [128, 64], weights: [1, -1], dimension: 384), "matryoshka_weights", "positive")
        XCTAssertNoThrow(try MatryoshkaLoss(base: base, dims: [64, 384, 128], dimension: 384), "any order")

        // The same in a recipe (the model's width is checked when training starts).
        var r = Recipe()
        r.pairs = "/p.jsonl"; r.output = "/o"
        r.matryoshkaDims = [256, 256]
        expect(try r.validate(), "matryoshka_dims", "256 twice")
        r.matryoshkaDims = [256, -3]
        expect(try r.validate(), "matryoshka_dims", "at least 1")
        r.matryoshkaDims = [256, 64]; r.matryoshkaWeights = [1, 2, 3]
        expect(try r.validate(), "matryoshka_weights", "3 weight(s) for 2")
        r.matryoshkaWeights = [1, 0]
        expect(try r.validate(), "matryoshka_weights", "greater than 0")
        r.matryoshkaWeights = []
        XCTAssertNoThrow(try r.validate())
        let dir = try temporaryFolder(self)
        let yaml = dir.appendingPathComponent("r.yaml")
        try Data("pairs: p.jsonl\noutput: o\nmatryoshka_dims: [384, 128, 128]\n".utf8).write(to: yaml)
        XCTAssertThrowsError(try Recipe.load(yaml, currentDirectory: dir).validate(source: yaml.path)) { error in
            XCTAssertEqual("\(error)", "\(yaml.path): matryoshka_dims: lists 128 twice; each dimension once")
        }
        try Data("pairs: p.jsonl\noutput: o\nmatryoshka_dims: [384, big]\n".utf8).write(to: yaml)
        XCTAssertThrowsError(try Recipe.load(yaml, currentDirectory: dir)) { error in
            XCTAssertTrue("\(error)".contains("matryoshka_dims: expected an integer, got \"big\" (line 3)"), "\(error)")
        }
        try Data("pairs: p.jsonl\noutput: o\nmatryoshka_dims: null\nmatryoshka_weights: null\n".utf8).write(to: yaml)
        XCTAssertEqual(try Recipe.load(yaml, currentDirectory: dir).matryoshkaDims, [], "null is off")
    }

    /// A short run with Matryoshka dims and GradCache: the saved folder records the dims (and
    /// sentence-transformers' config keeps its own keys), and a dim above the model's width stops
    /// the run before any work, naming the key.
    func testTrainingRecordsTheDimensionsInTheSavedModel() throws {
        let modelURL = try Fixtures.model()
        let dir = try temporaryFolder(self)
        var r = Recipe()
        r.model = modelURL.path
        r.pairs = Fixtures.packageRoot.appendingPathComponent("Data/medical/train.jsonl").path
        r.output = dir.appendingPathComponent("run").path
        r.maxPairs = 16; r.batchSize = 8; r.maxSeqLength = 24; r.trainableLayers = 1
        r.miniBatchSize = 4; r.checkpointEvery = 0
        r.matryoshkaDims = [384, 128, 32]; r.matryoshkaWeights = [1, 1, 0.5]
        let s = try Trainer(recipe: r).run(base: try SentenceModel.load(modelURL))
        XCTAssertEqual(s.steps, 2)
        XCTAssertTrue(s.last_loss.isFinite)
        // The trainer uses the Matryoshka loss: the first step's loss differs from the plain run's.
        var plain = r
        plain.output = dir.appendingPathComponent("plain").path
        plain.matryoshkaDims = []; plain.matryoshkaWeights = []
        let p = try Trainer(recipe: plain).run(base: try SentenceModel.load(modelURL))
        XCTAssertGreaterThan(abs(s.first_loss - p.first_loss), 1e-3)
        XCTAssertNil((try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: p.output).appendingPathComponent("config_sentence_transformers.json"))) as! [String: Any])["matryoshka_dims"])
        let saved = URL(fileURLWithPath: s.output)
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: saved.appendingPathComponent("config_sentence_transformers.json"))) as! [String: Any]
        XCTAssertEqual(config["matryoshka_dims"] as? [Int], [384, 128, 32])
        XCTAssertEqual(config["similarity_fn_name"] as? String, "cosine")
        var trained = try SentenceModel.load(saved)
        XCTAssertEqual(trained.matryoshkaDims, [384, 128, 32])
        XCTAssertNil(try trained.truncate(to: 128), "a recorded dimension: no warning")
        XCTAssertEqual(trained.outputDimension, 128)

        var bad = r
        bad.output = dir.appendingPathComponent("bad").path
        bad.matryoshkaDims = [384, 768]
        XCTAssertThrowsError(try Trainer(recipe: bad).run(base: try SentenceModel.load(modelURL))) { error in
            XCTAssertEqual("\(error)", "recipe: matryoshka_dims: holds 768, more than the model's 384-dimensional embeddings")
        }
    }
}

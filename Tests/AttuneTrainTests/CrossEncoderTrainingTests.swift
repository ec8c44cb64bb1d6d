import AttuneCore
import AttuneData
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneTrain

/// Cross-encoder training (`objective: cross_encoder`): the objective's loss against the loss ops
/// on a full forward pass, where the gradients go, a tiny real run that learns, kill-and-resume,
/// and bad labels.
final class CrossEncoderTrainingTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-ce-train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// `count` MedQuAD pairs (every 10th line, so topics differ), each with one negative: the
    /// positive of the next pair. Returns the file written.
    private func medquadPairs(_ count: Int) throws -> (url: URL, pairs: [TrainingPair]) {
        let src = try Fixtures.shared("data/medquad/train.jsonl")
        let all = try PairReader().read(src, limit: count * 10).pairs
        let picked = stride(from: 0, to: count * 10, by: 10).map { all[$0] }
        let pairs = picked.indices.map { i in
            TrainingPair(anchor: picked[i].anchor, positive: picked[i].positive, negatives: [picked[(i + 1) % count].positive])
        }
        let url = dir.appendingPathComponent("pairs-\(count).jsonl")
        let lines = try pairs.map { p -> String in
            String(decoding: try JSONSerialization.data(withJSONObject: ["anchor": p.anchor, "positive": p.positive, "negative": p.negatives[0]],
                                                        options: [.sortedKeys]), as: UTF8.self)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return (url, pairs)
    }

    private func recipe(_ name: String, pairs: URL, model: URL, loss: Recipe.CrossEncoderLossKind = .bce) -> Recipe {
        var r = Recipe()
        r.objective = .crossEncoder
        r.crossEncoderLoss = loss
        r.model = model.path
        r.pairs = pairs.path
        r.output = dir.appendingPathComponent(name).path
        r.batchSize = 8
        r.epochs = 1
        r.maxSeqLength = 48
        r.trainableLayers = 1
        r.lr = 1e-4
        r.warmup = 0.1
        r.checkpointEvery = 0
        return r
    }

    private func base(_ model: URL) throws -> CrossEncoder { try CrossEncoder.initialise(fromBiEncoder: model, seed: 7) }

    /// The objective's loss (over cached frozen states, trainable layers on the tape) equals the
    /// loss ops applied to the untrained model's full no-tape logits of the same pairs, for both
    /// losses; gradients reach every trainable tensor and nothing frozen.
    func testLossEqualsLossOpsOnLogitsAndGradientsReachOnlyTrainableTensors() throws {
        let modelURL = try Fixtures.model()
        let (url, _) = try medquadPairs(16)
        let ce = try base(modelURL)
        for loss in Recipe.CrossEncoderLossKind.allCases {
            var r = recipe("loss-\(loss.rawValue)", pairs: url, model: modelURL, loss: loss)
            r.posWeight = 1.7
            let first = ce.bert.layers.count - r.trainableLayers
            let set = try CrossEncoderSet(try TrainingSet.readPairs(r, log: { _ in }), recipe: r, model: ce, frozenLayers: first,
                                          output: URL(fileURLWithPath: r.output), log: { _ in }, cacheProgress: nil)
            var objective = CrossEncoderObjective(model: try ce.trainable(firstTrainable: first), firstTrainable: first, set: set,
                                                  loss: CrossEncoderLoss(r), dropout: 0)
            let batch = set.batches[0]
            let got = try objective.forwardBackward(batch, seed: 3)

            // Directly: tokenize the batch's pairs, run the whole model with no tape, apply the op.
            var seqs: [(query: String, document: String)] = [], targets: [Float] = []
            for p in batch.pairs {
                let pair = set.pairs[p]
                seqs.append((pair.anchor, pair.positive)); targets.append(1)
                for n in pair.negatives { seqs.append((pair.anchor, n)); targets.append(0) }
            }
            let tokens = seqs.map { ce.tokenizer.encodePair($0.query, $0.document, maxLength: r.maxSeqLength, template: ce.template) }
            let z = ce.logits(tokens)
            let want = loss == .bce ? z.binaryCrossEntropyWithLogits(targets: targets, posWeight: 1.7)
                                     : z.sigmoid().scaled(r.listwiseScale).listwiseCrossEntropy(group: 2)
            XCTAssertEqual(got, want.data[0], accuracy: 1e-5, loss.rawValue)
            XCTAssertGreaterThan(got, 0.05, "an untrained head's loss is not near 0")

            let trainable = objective.parameters
            XCTAssertEqual(trainable.count, 16 + 4, "the last layer's 16 tensors and the head's 4")
            for (name, t) in trainable {
                let g = try XCTUnwrap(t.gradient, "\(loss): \(name) got no gradient")
                XCTAssertTrue(UnsafeBufferPointer(start: g.data, count: g.count).contains { $0 != 0 }, "\(loss): \(name)")
            }
            let trainableNames = Set(trainable.map(\.name))
            for (name, t) in objective.model.namedParameters where !trainableNames.contains(name) {
                XCTAssertFalse(t.requiresGrad, name)
                XCTAssertNil(t.gradient, "\(loss): frozen \(name) got a gradient")
            }
        }
    }

    /// 64 MedQuAD pairs with one negative each, a few epochs: the loss falls, and the saved folder
    /// (reloaded as a cross-encoder) scores each positive above its negative on nearly all pairs,
    /// which the untrained model does not.
    func testTinyRunLowersTheLossAndRanksPositivesAboveNegatives() throws {
        let modelURL = try Fixtures.model()
        let (url, pairs) = try medquadPairs(64)
        var r = recipe("tiny", pairs: url, model: modelURL)
        r.batchSize = 16
        r.epochs = 8
        r.lr = 5e-4
        r.dropout = 0
        var losses: [Float] = []
        let summary = try Trainer(recipe: r).runCrossEncoder(base: try base(modelURL), progress: { losses.append($0.loss) })
        XCTAssertEqual(summary.steps, 32)
        let firstEpoch = losses.prefix(4).reduce(0, +) / 4, lastEpoch = losses.suffix(4).reduce(0, +) / 4
        XCTAssertLessThan(lastEpoch, firstEpoch * 0.8, "losses \(losses)")

        func wins(_ m: CrossEncoder) -> Int {
            var m = m
            m.maxLength = r.maxSeqLength
            let z = m.logits(of: m.tokenize(pairs: pairs.flatMap { [($0.anchor, $0.positive), ($0.anchor, $0.negatives[0])] }))
            return pairs.indices.filter { z[2 * $0] > z[2 * $0 + 1] }.count
        }
        let trained = try CrossEncoder.load(URL(fileURLWithPath: summary.output))
        XCTAssertEqual(trained.maxLength, r.maxSeqLength, "the saved model scores at the length it was trained at")
        XCTAssertGreaterThan(try base(modelURL).maxLength, r.maxSeqLength, "the base is longer, so the check can fail")
        XCTAssertTrue(FileManager.default.fileExists(atPath: URL(fileURLWithPath: summary.output).appendingPathComponent("attune_recipe.yaml").path))
        let before = wins(try base(modelURL)), after = wins(trained)
        XCTAssertGreaterThanOrEqual(after, 56, "positive above its negative on \(after)/64 pairs after training (\(before) before); losses \(losses)")
        XCTAssertGreaterThan(after, before)
    }

    /// The dev check (`evaluate`, every `eval_every` steps and at the end) keeps the best-scoring
    /// step's model in OUTPUT/model and reports its score as best_dev.
    func testDevCheckKeepsTheBestStepsModel() throws {
        let modelURL = try Fixtures.model()
        let (url, _) = try medquadPairs(32)
        var r = recipe("dev", pairs: url, model: modelURL)
        r.evalEvery = 1
        var calls = 0, log: [String] = []
        let scores = [0.2, 0.6, 0.4, 0.1, 0.3, 0.5]
        var scoredHeads: [[Float]] = []
        let summary = try Trainer(recipe: r, log: { log.append($0) }).runCrossEncoder(base: try base(modelURL), evaluate: { m in
            defer { calls += 1 }
            scoredHeads.append(m.head.output.weight.values)
            return scores[min(calls, scores.count - 1)]
        })
        XCTAssertEqual(calls, summary.steps, "one check per step (the last one at the end)")
        XCTAssertEqual(summary.best_dev, 0.6)
        XCTAssertTrue(log.contains { $0.contains("dev score 0.6000 (best so far, saved)") }, log.joined(separator: "\n"))
        let saved = try CrossEncoder.load(URL(fileURLWithPath: summary.output))
        XCTAssertEqual(saved.head.output.weight.values, scoredHeads[1], "the saved model is the one scored 0.6")
        XCTAssertNotEqual(scoredHeads[1], scoredHeads.last!, "training moved the head after that check")
    }

    /// Killed right after step 3 (and its checkpoint), resumed: the same losses and, bit for bit,
    /// the same weights as the run that was not interrupted.
    func testResumeAfterKillEqualsUninterruptedRun() throws {
        let modelURL = try Fixtures.model()
        let (url, _) = try medquadPairs(32)
        var rA = recipe("a", pairs: url, model: modelURL, loss: .listwise), rB = recipe("b", pairs: url, model: modelURL, loss: .listwise)
        rA.epochs = 2; rB.epochs = 2
        rA.checkpointEvery = 3; rB.checkpointEvery = 3
        var lossesA: [Int: Float] = [:]
        let a = try Trainer(recipe: rA).runCrossEncoder(base: try base(modelURL), progress: { lossesA[$0.step] = $0.loss })
        XCTAssertEqual(a.steps, 8)
        XCTAssertThrowsError(try Trainer(recipe: rB).runCrossEncoder(base: try base(modelURL), resume: false, progress: nil,
                                                                     cacheProgress: nil, stopAfterStep: 3)) { error in
            XCTAssertEqual(error as? Trainer.Stopped, Trainer.Stopped(step: 3))
        }
        var log: [String] = [], lossesB: [Int: Float] = [:]
        let b = try Trainer(recipe: rB, log: { log.append($0) })
            .runCrossEncoder(base: try base(modelURL), resume: true, progress: { lossesB[$0.step] = $0.loss })
        XCTAssertTrue(log.contains { $0.contains("at step 3/8") }, "\(log)")
        XCTAssertEqual(b.steps, 8)
        XCTAssertEqual(Set(lossesB.keys), Set(4...8))
        for s in 4...8 { XCTAssertEqual(lossesB[s], lossesA[s], "loss of step \(s)") }
        let wA = try CrossEncoder.load(URL(fileURLWithPath: a.output)).namedParameters
        let wB = try CrossEncoder.load(URL(fileURLWithPath: b.output)).namedParameters
        XCTAssertEqual(wA.map(\.name), wB.map(\.name))
        for (x, y) in zip(wA, wB) {
            XCTAssertTrue(Array(UnsafeBufferPointer(start: x.tensor.data, count: x.tensor.count))
                          == Array(UnsafeBufferPointer(start: y.tensor.data, count: y.tensor.count)), x.name)
        }
    }

    /// A `label` outside [0, 1] (or not a number) is refused naming the file, line and field; one
    /// inside becomes the positive's BCE target.
    func testLabelsOutsideZeroOneAreRefusedNamingFileLineAndField() throws {
        let url = dir.appendingPathComponent("labels.jsonl")
        var r = Recipe()
        r.pairs = url.path
        for bad in ["1.5", "-0.1", "\"yes\"", "true"] {
            try Data("{\"anchor\": \"a\", \"positive\": \"b\", \"label\": 1}\n{\"anchor\": \"c\", \"positive\": \"d\", \"label\": \(bad)}\n".utf8).write(to: url)
            XCTAssertThrowsError(try CrossEncoderSet.readLabels(url, recipe: r), bad) { error in
                XCTAssertEqual("\(error)".components(separatedBy: "\n").count, 1)
                XCTAssertTrue("\(error)".hasPrefix("\(url.path):2: field label"), "\(error)")
            }
        }
        try Data("{\"anchor\": \"a\", \"positive\": \"b\", \"label\": 0.25}\n".utf8).write(to: url)
        XCTAssertEqual(try CrossEncoderSet.readLabels(url, recipe: r), ["a\u{1}b": 0.25])
    }

    /// The shipped recipe loads as a valid cross-encoder recipe; bi-encoder-only keys and uneven
    /// negatives for the listwise loss are refused in one line naming the key or the pair.
    func testShippedRecipeLoadsAndBadSettingsAreNamed() throws {
        let root = Fixtures.packageRoot
        let shipped = try Recipe.load(root.appendingPathComponent("Recipes/medical-qa-reranker.yaml"), currentDirectory: root)
        XCTAssertNoThrow(try shipped.validate())
        XCTAssertEqual(shipped.objective, .crossEncoder)
        XCTAssertEqual(CrossEncoderLoss(shipped), .listwise(scale: 10))
        XCTAssertEqual(shipped.devRerankTop, 20)

        let modelURL = try Fixtures.model()
        let (url, _) = try medquadPairs(16)
        var r = recipe("bad", pairs: url, model: modelURL)
        r.guide = "base"
        XCTAssertThrowsError(try Trainer(recipe: r).runCrossEncoder(base: try base(modelURL))) { error in
            XCTAssertEqual("\(error)", "recipe: guide: is for the bi-encoder objective; a cross-encoder trains without it")
        }
        let uneven = dir.appendingPathComponent("uneven.jsonl")
        try Data("{\"anchor\": \"a\", \"positive\": \"b\", \"negative\": \"c\"}\n{\"anchor\": \"d\", \"positive\": \"e\"}\n".utf8).write(to: uneven)
        var l = recipe("uneven", pairs: uneven, model: modelURL, loss: .listwise)
        l.batchSize = 2
        XCTAssertThrowsError(try Trainer(recipe: l).runCrossEncoder(base: try base(modelURL))) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(uneven.path): pair 2 has 0 negatives and pair 1 has 1"), "\(error)")
        }
    }
}

import AttuneCore
import AttuneData
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneTrain

/// End-to-end runs of `Trainer` on the real model and the bundled medical pairs, kept small
/// (1 trainable layer, 24 tokens, batches of 8): resume after a kill, the final folder, bad input.
final class TrainerTests: XCTestCase {
    private var dir: URL!
    private let bundledPairs = Fixtures.packageRoot.appendingPathComponent("Data/medical/train.jsonl")

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-trainer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A small recipe writing to `dir/name`: 48 pairs in batches of 8, dropout on.
    private func recipe(_ name: String, model: URL) -> Recipe {
        var r = Recipe()
        r.model = model.path
        r.pairs = bundledPairs.path
        r.output = dir.appendingPathComponent(name).path
        r.maxPairs = 48
        r.batchSize = 8
        r.maxSeqLength = 24
        r.trainableLayers = 1
        r.head = true
        r.dropout = 0.1
        r.lr = 1e-3
        r.warmup = 0.1
        r.checkpointEvery = 2
        r.seed = 7
        return r
    }

    /// The steps `recipe` makes: its epochs' batch plans, as the trainer forms them.
    private func plannedSteps(_ r: Recipe) throws -> Int {
        var pairs = try PairReader().read(URL(fileURLWithPath: r.pairs), limit: r.maxPairs).pairs
        pairs += r.augment.inverseClozePairs(from: pairs, seed: UInt64(r.seed))
        let batcher = NoDuplicateBatcher(batchSize: r.batchSize, seed: UInt64(r.seed))
        return (0..<r.epochs).reduce(0) { $0 + batcher.batches(for: pairs, epoch: $1).batches.count }
    }

    /// Every weight of `model` by name: the encoder's, then each Dense module's.
    private func weights(_ model: SentenceModel) -> [String: Tensor] {
        var out: [String: Tensor] = [:]
        for (name, t) in model.bert.namedParameters { out[name] = t }
        for (i, d) in model.dense.enumerated() {
            out["dense.\(i).weight"] = d.linear.weight
            if let b = d.linear.bias { out["dense.\(i).bias"] = b }
        }
        return out
    }

    private func maxAbsDiff(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// Largest difference between two tensors (0 when they are bit-equal; checked first, fast).
    private func maxAbsDiff(_ a: Tensor, _ b: Tensor) -> Float {
        guard a.shape == b.shape else { return .infinity }
        if memcmp(a.data, b.data, a.count * 4) == 0 { return 0 }
        return maxAbsDiff(a.values, b.values)
    }

    private func files(in url: URL) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
    }

    // MARK: 1. Resume after a kill

    func testResumeAfterKillEqualsUninterruptedRun() throws {
        let modelURL = try Fixtures.model()
        let base = try SentenceModel.load(modelURL)
        let rA = recipe("a", model: modelURL), rB = recipe("b", model: modelURL)
        let n = try plannedSteps(rA)
        XCTAssertEqual(n, 6, "48 pairs in batches of 8")

        var lossesA: [Int: Float] = [:]
        let a = try Trainer(recipe: rA).run(base: base, progress: { lossesA[$0.step] = $0.loss })
        XCTAssertEqual(a.steps, n)

        // B: killed right after step 4 and its checkpoint.
        XCTAssertThrowsError(try Trainer(recipe: rB).run(base: base, resume: false, evaluate: nil, progress: nil,
                                                         cacheProgress: nil, stopAfterStep: 4)) { error in
            XCTAssertEqual(error as? Trainer.Stopped, Trainer.Stopped(step: 4))
        }
        let outB = URL(fileURLWithPath: rB.output)
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: Checkpoint.folder(in: outB)
            .appendingPathComponent("state.json"))) as? [String: Any]
        XCTAssertEqual(state?["step"] as? Int, 4)
        XCTAssertFalse(files(in: outB).contains("model"), "no final model before the run ends")

        var log: [String] = []
        var lossesB: [Int: Float] = [:]
        let b = try Trainer(recipe: rB, log: { log.append($0) })
            .run(base: base, resume: true, progress: { lossesB[$0.step] = $0.loss })
        XCTAssertTrue(log.contains { $0.contains("at step 4/\(n)") }, "\(log)")
        XCTAssertEqual(b.steps, n, "the summary counts every step, the resumed ones too")
        XCTAssertEqual(Set(lossesB.keys), Set(5...n), "only the remaining steps run")
        for s in 5...n { XCTAssertEqual(lossesB[s], lossesA[s], "loss of step \(s)") }
        XCTAssertEqual(b.first_loss, a.first_loss, "the losses before the kill come from the checkpoint")

        let wA = weights(try SentenceModel.load(URL(fileURLWithPath: rA.output).appendingPathComponent("model")))
        let wB = weights(try SentenceModel.load(outB.appendingPathComponent("model")))
        XCTAssertEqual(Set(wA.keys), Set(wB.keys))
        let baseW = weights(base)
        var trained = 0
        for (name, va) in wA {
            XCTAssertLessThanOrEqual(maxAbsDiff(va, wB[name]!), 1e-6, name)
            if let vb = baseW[name], maxAbsDiff(va, vb) > 0 { trained += 1 }
        }
        XCTAssertEqual(trained, 16, "layer 5's 16 tensors changed, nothing else")
    }

    // MARK: 2. A kill while writing a checkpoint (see also CheckpointTests)

    func testResumeFromOldCheckpointAfterKillBetweenRenames() throws {
        let modelURL = try Fixtures.model()
        let base = try SentenceModel.load(modelURL)
        var r = recipe("k", model: modelURL)
        r.maxPairs = 32  // 4 steps
        r.checkpointEvery = 1
        let out = URL(fileURLWithPath: r.output)
        XCTAssertThrowsError(try Trainer(recipe: r).run(base: base, resume: false, evaluate: nil, progress: nil,
                                                        cacheProgress: nil, stopAfterStep: 2))
        try FileManager.default.moveItem(at: Checkpoint.folder(in: out), to: Checkpoint.oldFolder(in: out))
        try writeGarbage(Checkpoint.partialFolder(in: out))
        var log: [String] = []
        let s = try Trainer(recipe: r, log: { log.append($0) }).run(base: base, resume: true)
        XCTAssertTrue(log.contains { $0.contains("at step 2/4") }, "\(log)")
        XCTAssertEqual(s.steps, 4)
        XCTAssertEqual(files(in: out), ["model", "recipe.yaml"], "the leftovers of the kill are cleaned up")
    }

    // MARK: 3. Bad input

    func testFewerPairsThanOneBatchIsOneLineNamingTheFile() throws {
        let modelURL = try Fixtures.model()
        let pairs = dir.appendingPathComponent("few.jsonl")
        try Data((0..<3).map { "{\"anchor\": \"question \($0)\", \"positive\": \"answer \($0)\"}\n" }.joined().utf8).write(to: pairs)
        var r = recipe("few", model: modelURL)
        r.pairs = pairs.path
        XCTAssertThrowsError(try Trainer(recipe: r).run(base: SentenceModel.load(modelURL))) { error in
            let line = "\(error)"
            XCTAssertTrue(error is AttuneError, line)
            XCTAssertTrue(line.contains(pairs.path) && line.contains("3 usable pairs"), line)
            XCTAssertFalse(line.contains("\n"), line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: r.output), "nothing written")
    }

    func testOutputThatIsAFileIsOneLine() throws {
        let modelURL = try Fixtures.model()
        var r = recipe("x", model: modelURL)
        r.output = dir.appendingPathComponent("afile").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: r.output))
        XCTAssertThrowsError(try Trainer(recipe: r).run(base: SentenceModel.load(modelURL))) { error in
            XCTAssertEqual(error as? AttuneError, .invalidFile(path: r.output, what: "is a file; the output must be a folder"))
        }
    }

    func testNonFiniteTrainingStopsWithStepAndKeepsLastGoodCheckpoint() throws {
        let modelURL = try Fixtures.model()
        var r = recipe("nan", model: modelURL)
        r.lr = 1e30  // the first update overflows what the next forward pass can hold
        r.warmup = 0
        r.maxGradNorm = 0
        r.checkpointEvery = 1
        let out = URL(fileURLWithPath: r.output)
        var failedAt: Int?
        XCTAssertThrowsError(try Trainer(recipe: r).run(base: SentenceModel.load(modelURL))) { error in
            let line = "\(error)"
            XCTAssertTrue(error is AttuneError, line)
            XCTAssertFalse(line.contains("\n"), line)
            if let r = line.range(of: "at step ") {
                failedAt = Int(line[r.upperBound...].prefix { $0.isNumber })
            }
            XCTAssertTrue(line.contains("training stopped"), line)
            XCTAssertNotNil(failedAt, line)
            if let f = failedAt, f > 1 { XCTAssertTrue(line.contains("last good checkpoint (step \(f - 1))"), line) }
        }
        let step = try XCTUnwrap(failedAt)
        XCTAssertGreaterThan(step, 1, "a finite first step is checkpointed before the blow-up")
        // The checkpoint of the step before is there, loadable and finite.
        let trainable = try TrainableModel(base: SentenceModel.load(modelURL), trainableLayers: 1, head: true)
        var opt = try AdamW(parameters: trainable.parameters.map(\.tensor), lr: 1, weightDecay: 0)
        let ck = try XCTUnwrap(try Checkpoint.load(from: out, params: trainable.parameters, optimizer: &opt))
        XCTAssertEqual(ck.step, step - 1)
        XCTAssertEqual(ck.losses.count, step - 1)
        for p in trainable.parameters { XCTAssertTrue(Trainer.allFinite(p.tensor), p.name) }
        XCTAssertFalse(files(in: out).contains("model"), "no final model from a failed run")
    }

    func testOverflowingUpdateIsNeverCheckpointed() throws {
        let modelURL = try Fixtures.model()
        var r = recipe("inf", model: modelURL)
        r.lr = 1e38  // AdamW's first step size, lr / (1 - β1), is beyond Float: the update is ±inf
        r.warmup = 0
        r.checkpointEvery = 1
        XCTAssertThrowsError(try Trainer(recipe: r).run(base: SentenceModel.load(modelURL))) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains("became infinite or NaN at step 1; training stopped") &&
                          line.contains("No checkpoint was written yet"), line)
        }
        XCTAssertNil(Checkpoint.existing(in: URL(fileURLWithPath: r.output)), "the step's weights are not checkpointed")
    }

    func testResumeWithAnotherRecipeIsRefusedNamingTheKeys() throws {
        let modelURL = try Fixtures.model()
        let base = try SentenceModel.load(modelURL)
        var r = recipe("mix", model: modelURL)
        let lines = try String(contentsOf: bundledPairs, encoding: .utf8).split(separator: "\n").prefix(48)
        let pairsCopy = dir.appendingPathComponent("pairs.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: pairsCopy)
        r.pairs = pairsCopy.path
        XCTAssertThrowsError(try Trainer(recipe: r).run(base: base, resume: false, evaluate: nil, progress: nil,
                                                        cacheProgress: nil, stopAfterStep: 2))
        var other = r
        other.lr = 5e-4
        other.epochs = 2
        XCTAssertThrowsError(try Trainer(recipe: other).run(base: base, resume: true)) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains("different recipe") && line.contains("lr: 0.001 → 0.0005")
                          && line.contains("epochs: 1 → 2"), line)
            XCTAssertFalse(line.contains("seed"), line)
            XCTAssertFalse(line.contains("\n"), line)
        }
        // The refused resume left the checkpoint alone.
        XCTAssertTrue(FileManager.default.fileExists(atPath: Checkpoint.folder(in: URL(fileURLWithPath: r.output)).path))

        // Same recipe, but the pairs file was edited since: refused too, naming the file.
        try Data(lines.reversed().joined(separator: "\n").utf8).write(to: pairsCopy)
        XCTAssertThrowsError(try Trainer(recipe: r).run(base: base, resume: true)) { error in
            XCTAssertEqual("\(error)", "\(pairsCopy.path): changed since the checkpoint in \(r.output) was made; resume with the same pairs, or rerun without --resume to start over")
        }
    }

    // MARK: 4. The final folder

    func testFinalFolderHoldsTrainedModelAndRecipeOnly() throws {
        let modelURL = try Fixtures.model()
        let base = try SentenceModel.load(modelURL)
        var r = recipe("final", model: modelURL)
        r.maxPairs = 16  // 2 steps
        r.checkpointEvery = 1
        let out = URL(fileURLWithPath: r.output)
        var sawCacheFile = false
        let s = try Trainer(recipe: r).run(base: base, progress: { _ in
            sawCacheFile = sawCacheFile || FileManager.default.fileExists(atPath: out.appendingPathComponent(".frozen-cache.bin").path)
        })
        XCTAssertEqual(s.steps, 2)
        XCTAssertFalse(sawCacheFile, "the frozen-layer cache is unlinked as soon as it is open")
        XCTAssertEqual(files(in: out), ["model", "recipe.yaml"], "no checkpoint, cache or temp file left")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("recipe.yaml"), encoding: .utf8), r.yaml())
        let modelDir = out.appendingPathComponent("model")
        XCTAssertEqual(URL(fileURLWithPath: s.output).standardizedFileURL, modelDir.standardizedFileURL)
        XCTAssertEqual(try String(contentsOf: modelDir.appendingPathComponent("attune_recipe.yaml"), encoding: .utf8), r.yaml())
        XCTAssertEqual(try Recipe.load(out.appendingPathComponent("recipe.yaml")), r, "the saved recipe reads back")

        var trained = try SentenceModel.load(modelDir)
        XCTAssertEqual(trained.dense.count, base.dense.count + 1, "the trained head is saved")
        XCTAssertNotEqual(r.maxSeqLength, base.maxSeqLength)
        XCTAssertEqual(trained.maxSeqLength, base.maxSeqLength, "the training length does not shrink the saved model's")
        var original = base
        original.maxSeqLength = r.maxSeqLength; trained.maxSeqLength = r.maxSeqLength
        let texts = ["What are the symptoms of glaucoma?", "Aspirin thins the blood.", "knee pain"]
        let e0 = original.encode(texts), e1 = trained.encode(texts)
        let diff = maxAbsDiff(e0.values, e1.values)
        XCTAssertGreaterThan(diff, 1e-4, "training changed the embeddings")
        XCTAssertLessThan(diff, 0.5, "two small steps do not wreck them")
        for i in 0..<texts.count {  // still unit vectors
            let row = e1.values[(i * trained.dimension)..<((i + 1) * trained.dimension)]
            XCTAssertEqual(row.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-4)
        }
    }

    // MARK: 5. The frozen cache

    func testFrozenCacheEqualsRunningTheFrozenLayers() throws {
        var model = try SentenceModel.load(Fixtures.model())
        model.maxSeqLength = 40
        let texts = ["flu", "What causes high blood pressure in young adults?",
                     "Metformin is taken with meals to lower blood sugar; the dose is raised slowly over weeks.",
                     "rash", "How is asthma treated?"]
        let tokens = texts.map { model.tokenize($0) }
        XCTAssertGreaterThanOrEqual(Set(tokens.map(\.count)).count, 4, "texts of different lengths")
        let k = 3
        // A small token budget makes several batches of the cache pass.
        let cache = try FrozenCache(model: model, tokens: tokens, frozenLayers: k,
                                    url: dir.appendingPathComponent("cache.bin"), tokenBudget: 48)
        XCTAssertEqual(cache.lengths, tokens.map(\.count))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("cache.bin").path))
        let order: [Int32] = [2, 0, 4, 0, 1, 3]
        let got = try cache.gather(order)
        XCTAssertEqual(got.shape, [order.reduce(0) { $0 + tokens[Int($1)].count }, model.bert.config.hiddenSize])
        var row = 0
        for t in order {
            let ids = tokens[Int(t)]
            var rng = SplitMix64(seed: 1)
            let want = model.bert.encode(model.bert.embed(ids: ids, lengths: [ids.count], rng: &rng),
                                         lengths: [ids.count], layers: 0..<k, rng: &rng)
            let h = model.bert.config.hiddenSize
            let slice = Array(got.values[(row * h)..<((row + ids.count) * h)])
            XCTAssertLessThanOrEqual(maxAbsDiff(slice, want.values), 1e-4, "text \(t)")
            row += ids.count
        }
        // The cache file cut short underneath: an error naming it, not a trap.
        XCTAssertEqual(ftruncate(cache.fd, 0), 0)
        XCTAssertThrowsError(try cache.gather([1])) { error in
            XCTAssertEqual("\(error)", "\(dir.appendingPathComponent("cache.bin").path): reading the frozen-layer cache failed (the file ends early)")
        }
    }

    // MARK: 5b. Robust-adaptation options end to end

    func testGuideGradCacheAndAugmentationTrainAndReport() throws {
        let modelURL = try Fixtures.model()
        var r = recipe("robust", model: modelURL)
        r.guide = Recipe.guideIsBase
        r.guideMargin = 0.05
        r.symmetric = true
        r.miniBatchSize = 4
        r.augment = AnchorAugmenter(lowercase: 0.5, stripTemplate: 0.3, typo: 0.1, inverseCloze: 0.5)
        r.epochs = 2
        r.checkpointEvery = 0
        var logs: [String] = []
        let s = try Trainer(recipe: r, log: { logs.append($0) }).run(base: try SentenceModel.load(modelURL))
        XCTAssertEqual(s.steps, try plannedSteps(r))
        XCTAssertNotNil(s.guide_masked)
        XCTAssertGreaterThan(s.guide_masked_fraction ?? -1, 0, "the bundled pairs repeat topics: the guide masks some candidates")
        XCTAssertLessThan(s.guide_masked_fraction ?? 1, 0.5)
        XCTAssertTrue(s.last_loss.isFinite)
        XCTAssertTrue(logs.contains { $0.hasPrefix("augmented ") }, "\(logs)")
        let added = r.augment.inverseClozePairs(from: try PairReader().read(URL(fileURLWithPath: r.pairs), limit: r.maxPairs).pairs,
                                                seed: UInt64(r.seed)).count
        XCTAssertGreaterThan(added, 0)
        XCTAssertTrue(logs.contains { $0.hasPrefix("added \(added) inverse-cloze pairs") }, "\(logs)")
        XCTAssertTrue(logs.contains { $0.hasPrefix("guide base embedded") }, "\(logs)")
        let trained = try SentenceModel.load(URL(fileURLWithPath: s.output))
        XCTAssertEqual(trained.dimension, 384)
    }

    // MARK: 6. Pair order across epochs

    func testEpochsShuffleDifferentlyAndUseEachPairAtMostOnce() throws {
        let pairs = try PairReader().read(bundledPairs).pairs
        XCTAssertGreaterThan(pairs.count, 600)
        let u = uniqueTexts(pairs)
        let batcher = NoDuplicateBatcher(batchSize: 8, seed: 42)
        let plans = (0..<2).map {
            batcher.batches(anchorIDs: u.anchorIDs, positiveIDs: u.positiveIDs, negativeIDs: u.negativeIDs, epoch: $0)
        }
        XCTAssertNotEqual(plans[0].batches, plans[1].batches, "each epoch has its own order")
        XCTAssertNotEqual(plans[0].batches.first, plans[1].batches.first)
        for (e, plan) in plans.enumerated() {
            let used = plan.batches.flatMap { $0 }
            XCTAssertEqual(Set(used).count, used.count, "epoch \(e): a pair used twice")
            XCTAssertTrue(used.allSatisfy { pairs.indices.contains($0) })
            XCTAssertEqual(used.count + plan.dropped, pairs.count, "epoch \(e): every pair is used or counted as dropped")
            XCTAssertLessThan(plan.dropped, 8, "epoch \(e): at most one batch's worth is dropped")
            for batch in plan.batches {
                XCTAssertEqual(batch.count, 8)
                let texts = batch.flatMap { [u.anchorIDs[$0], u.positiveIDs[$0]] + u.negativeIDs[$0] }
                XCTAssertEqual(Set(texts).count, texts.count, "epoch \(e): a text twice in one batch")
            }
        }
        // The same seed and epoch give the same plan: what a resumed run relies on.
        XCTAssertEqual(plans[1], batcher.batches(for: pairs, epoch: 1))
    }
}

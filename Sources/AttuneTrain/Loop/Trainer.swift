import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// What one training step reports to the progress line.
public struct StepReport {
    public var step: Int, totalSteps: Int
    public var loss: Float, smoothedLoss: Float
    public var learningRate: Float
    public var pairsPerSecond: Double
    public var etaSeconds: Double
}

/// The summary `attune train --json` prints last.
public struct TrainSummary: Codable {
    public var steps: Int
    public var seconds: Double
    public var pairs_per_second: Double
    public var peak_rss_mib: Int
    public var first_loss: Float
    public var last_loss: Float
    public var pairs: Int
    public var skipped_empty: Int
    public var skipped_bad: Int
    public var deferred: Int
    public var dropped: Int
    public var unique_texts: Int
    public var frozen_cache_seconds: Double
    public var best_dev: Double?
    /// The encoder arithmetic the dev checks ran at (`dev_precision`, or fp32 where this machine
    /// cannot run it); nil without a dev set. Set by whoever scores dev (`Adaptation`).
    public var dev_precision: String? = nil
    /// In-batch candidates the guide model masked as likely false negatives (nil: no guide).
    public var guide_masked: Int?
    /// The same as a fraction of all in-batch negatives scored.
    public var guide_masked_fraction: Double?
    public var guide_seconds: Double?
    public var output: String
}

/// Fine-tunes a sentence model on (anchor, positive[, negatives]) pairs with the
/// MultipleNegativesRanking loss, following a `Recipe`:
///
///     pairs → unique texts → tokens → frozen layers once (FrozenCache)
///     per step: gather cached states → trainable layers (tape) → pool → head → normalize
///               → MNRL loss → backward → clip → AdamW (warmup, linear decay) → checkpoint
public final class Trainer {
    public let recipe: Recipe
    let log: (String) -> Void

    /// `log` receives one-line messages (what was read, skipped, cached).
    public init(recipe: Recipe, log: @escaping (String) -> Void = { _ in }) {
        self.recipe = recipe
        self.log = log
    }

    /// Peak resident memory of this process, MiB.
    public static func peakRSSMiB() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss / 1024)
    }

    /// Train. `evaluate` scores a model on the dev set (higher is better); when given, it runs every
    /// `eval_every` steps and at the end, and the best model is the one saved. `resume` continues
    /// from `output/checkpoint` (or starts at step 0 when there is none); it throws when that
    /// checkpoint was made with a recipe that trains differently (see `Checkpoint.resumableKeys`).
    ///
    /// At the end `output` holds `model/` (with `attune_recipe.yaml`) and `recipe.yaml`; the
    /// checkpoint is removed. A non-finite loss or weight stops the run naming the step, and the
    /// last checkpoint stays for `resume`.
    public func run(base: SentenceModel, resume: Bool = false,
                    evaluate: ((SentenceModel) throws -> Double)? = nil,
                    progress: ((StepReport) -> Void)? = nil,
                    cacheProgress: ((Int, Int) -> Void)? = nil) throws -> TrainSummary {
        try run(base: base, resume: resume, evaluate: evaluate, progress: progress, cacheProgress: cacheProgress,
                stopAfterStep: nil)
    }

    /// Thrown by `run(…, stopAfterStep:)` once that step (and its checkpoint, if due) is done.
    struct Stopped: Error, Equatable { var step: Int }

    /// `run` with a test hook: `stopAfterStep` throws `Stopped` right after that step and its
    /// checkpoint, as a kill at that moment would leave things.
    func run(base: SentenceModel, resume: Bool, evaluate: ((SentenceModel) throws -> Double)?,
             progress: ((StepReport) -> Void)?, cacheProgress: ((Int, Int) -> Void)?,
             stopAfterStep: Int?) throws -> TrainSummary {
        let r = recipe
        let output = URL(fileURLWithPath: r.output)
        let pairSet = try PairReader(anchorField: r.anchorField, positiveField: r.positiveField,
                                     negativePrefix: r.negativePrefix, skipBad: r.skipBad)
            .read(URL(fileURLWithPath: r.pairs), limit: r.maxPairs)
        var pairs = pairSet.pairs
        let clozePairs = r.augment.inverseClozePairs(from: pairs, seed: UInt64(r.seed))
        if r.augment.inverseCloze > 0 {
            log("added \(clozePairs.count) inverse-cloze pairs (a sentence of the positive → the rest of it) to \(pairs.count)")
            pairs += clozePairs
        }
        if pairSet.skippedEmpty > 0 { log("skipped \(pairSet.skippedEmpty) pairs with an empty side") }
        if pairSet.skippedBad > 0 { log("skipped \(pairSet.skippedBad) malformed lines (--skip-bad)") }
        guard pairs.count >= r.batchSize else {
            throw AttuneError.invalid("\(r.pairs): \(pairs.count) usable pairs, fewer than one batch of \(r.batchSize)")
        }

        try Trainer.makeFolder(output)
        let recipeYAML = r.yaml()
        if resume {
            // Before the costly frozen-layer pass: refuse a checkpoint of another recipe.
            if let dir = Checkpoint.existing(in: output) {
                try Checkpoint.checkRecipe(in: dir, matches: r)
            } else {
                log("no checkpoint in \(output.path); starting from step 0")
            }
        }

        // The prompts (the recipe's, else the model's own) become the model's query and document
        // prompts, so the dev check and the saved folder use what training uses.
        let prompts = try TrainingPrompts(recipe: r, model: base)
        var base = prompts.applied(to: base)
        if !prompts.isEmpty {
            log("prompts: anchors \(jsonQuoted(prompts.anchor)), positives and negatives \(jsonQuoted(prompts.positive))")
        }
        // max_seq_length is a training setting: the saved (and dev-checked) model keeps the base's.
        let inferenceLength = base.maxSeqLength
        base.maxSeqLength = min(r.maxSeqLength, base.bert.config.maxSequenceLength)
        let trainable = try TrainableModel(base: base, trainableLayers: r.trainableLayers, head: r.head)
        let params = trainable.parameters
        let loss = try MatryoshkaLoss(base: MultipleNegativesRankingLoss(scale: r.scale, symmetric: r.symmetric),
                                      dims: r.matryoshkaDims, weights: r.matryoshkaWeights.map(Float.init), dimension: base.dimension)
        if !r.matryoshkaDims.isEmpty && !r.matryoshkaDims.contains(base.dimension) {
            log("warning: matryoshka_dims \(r.matryoshkaDims) leaves out the model's full \(base.dimension) dimensions, which then are not trained as such")
        }

        // Every text once (augmented anchors of every epoch included): tokens, then the frozen layers' output.
        var unique = uniqueTexts(pairs, anchorPrompt: prompts.anchor, positivePrompt: prompts.positive)
        let anchorIDsByEpoch = Trainer.augmentedAnchors(pairs, unique: &unique, augmenter: r.augment, anchorPrompt: prompts.anchor,
                                                        seed: UInt64(r.seed), epochs: r.epochs)
        if r.augment.isActive {
            let changed = (0..<r.epochs).reduce(0) { e, epoch in e + zip(anchorIDsByEpoch[epoch], unique.anchorIDs).filter { $0 != $1 }.count }
            log("augmented \(changed) of \(pairs.count * r.epochs) anchors over \(r.epochs) epoch(s)")
        }
        let tokens = base.tokenize(unique.texts)
        let t0 = Date()
        let cache = try FrozenCache(model: base, tokens: tokens, frozenLayers: trainable.firstTrainable,
                                    url: output.appendingPathComponent(".frozen-cache.bin"), progress: cacheProgress)
        let cacheSeconds = Date().timeIntervalSince(t0)
        log(String(format: "frozen layers 0..<%d cached for %d unique texts in %.1fs", trainable.firstTrainable,
                   unique.texts.count, cacheSeconds))

        // The plan: deterministic batches per epoch, so a resumed run replays the same order.
        let batcher = NoDuplicateBatcher(batchSize: r.batchSize, seed: UInt64(r.seed))
        let plans = (0..<r.epochs).map {
            batcher.batches(anchorIDs: anchorIDsByEpoch[$0], positiveIDs: unique.positiveIDs,
                            negativeIDs: unique.negativeIDs, epoch: $0)
        }
        let steps = plans.reduce(0) { $0 + $1.batches.count }
        log("\(pairs.count) pairs → \(steps) steps of \(r.batchSize) over \(r.epochs) epoch(s); no text repeats within a batch: "
            + "\(plans.reduce(0) { $0 + $1.deferred }) deferrals, \(plans.reduce(0) { $0 + $1.dropped }) pairs left out of a last incomplete batch")
        guard steps > 0 else { throw AttuneError.invalid("no full batch of \(r.batchSize) distinct texts could be formed") }
        let schedule = try LinearSchedule(totalSteps: steps, warmupFraction: r.warmup)
        let tensors = params.map(\.tensor)
        var optimizer = try AdamW(parameters: tensors, lr: r.lr, weightDecay: r.weightDecay)
        // θ₀ for L2-SP: the base's weights, taken before a checkpoint is restored.
        let l2sp = r.l2sp > 0 ? L2SPRegularizer(parameters: tensors, strength: r.l2sp) : nil
        let gradCache = r.miniBatchSize.map { GradCache(miniBatchSize: $0) }

        // The guide's embedding of every unique text, once.
        var guide: GuideFilter? = nil
        var guideSeconds: Double? = nil
        if let g = r.guide {
            let tg = Date()
            let emb: Tensor
            if g == Recipe.guideIsBase {
                // The base's own top layers over the cached states: a third of a full pass.
                emb = try Trainer.embedFromCache(base, from: trainable.firstTrainable, cache: cache, count: unique.texts.count)
            } else {
                var gm = try SentenceModel.load(ModelStore.resolve(g))
                gm.maxSeqLength = base.maxSeqLength
                // The texts carry the training prompts already: no second prompt.
                emb = gm.encode(unique.texts, batchSize: 64, prompt: "") { d, t in cacheProgress?(d, t) }
            }
            guide = GuideFilter(embeddings: emb, margin: r.guideMargin, strategy: GuideFilter.MarginStrategy(rawValue: r.guideMarginStrategy) ?? .absolute)
            guideSeconds = Date().timeIntervalSince(tg)
            log(String(format: "guide %@ embedded %d texts in %.1fs; in-batch candidates it rates above the anchor's positive%@ are masked",
                       g, unique.texts.count, guideSeconds!, r.guideMargin > 0 ? " (less the margin)" : ""))
        }
        var masked = 0, negativesScored = 0, paddedSlots = 0

        var step = 0
        var losses: [Float] = []
        var bestDev: Double? = nil
        let pairsDigest = Checkpoint.pairsDigest(pairs)
        if resume, let ck = try Checkpoint.load(from: output, params: params, optimizer: &optimizer) {
            if let saved = ck.pairsDigest, saved != pairsDigest {
                throw AttuneError.invalidFile(path: r.pairs, what: "changed since the checkpoint in \(output.path) was made; resume with the same pairs, or rerun without --resume to start over")
            }
            step = ck.step; losses = ck.losses; bestDev = ck.bestDev
            log("resumed from \(Checkpoint.folder(in: output).path) at step \(step)/\(steps)")
        }
        let firstStep = step
        let start = Date()
        var lastGood: Int? = resume && step > 0 ? step : nil
        func stopped(_ what: String) -> AttuneError {
            let kept = lastGood.map { "The last good checkpoint (step \($0)) is in \(Checkpoint.folder(in: output).path): lower --lr and rerun with --resume" }
                ?? "No checkpoint was written yet: lower --lr and rerun"
            return AttuneError.invalid("\(what) at step \(step + 1); training stopped. \(kept)")
        }

        func saveFinal(_ model: SentenceModel) throws {
            var model = model
            model.maxSeqLength = inferenceLength
            model.matryoshkaDims = r.matryoshkaDims
            try model.save(to: output.appendingPathComponent("model"), overwrite: true,
                           extraFiles: ["attune_recipe.yaml": Data(recipeYAML.utf8)])
        }
        func devCheck() throws {
            guard let evaluate else { return }
            var shipped = trainable.inferenceModel
            shipped.maxSeqLength = inferenceLength
            let score = try evaluate(shipped)
            log(String(format: "step %d: dev score %.4f%@", step, score, (bestDev.map { score > $0 } ?? true) ? " (best so far, saved)" : ""))
            if bestDev.map({ score > $0 }) ?? true {
                bestDev = score
                try saveFinal(trainable.inferenceModel)
            }
        }

        var stepInPlan = 0
        for (epoch, plan) in plans.enumerated() {
            for batch in plan.batches {
                defer { stepInPlan += 1 }
                if stepInPlan < step { continue }  // resumed: these steps are done
                let anchorIDs = batch.map { anchorIDsByEpoch[epoch][$0] }
                let (candidateIDs, padding) = Trainer.candidates(batch, positiveIDs: unique.positiveIDs, negativeIDs: unique.negativeIDs)
                paddedSlots += padding.count
                let all = anchorIDs + candidateIDs
                var masks = guide?.masks(anchorTextIDs: anchorIDs, candidateTextIDs: candidateIDs, symmetric: r.symmetric)
                if let m = masks {
                    // Padding slots are masked anyway: they are not the guide's doing.
                    let pad = Set(padding)
                    masked += m.forward.reduce(0) { $0 + $1.filter { !pad.contains($0) }.count }
                        + (m.backward?.reduce(0) { $0 + $1.count } ?? 0)
                    let b = anchorIDs.count, c = candidateIDs.count - padding.count
                    negativesScored += b * (c - 1) + (r.symmetric ? b * (b - 1) : 0)
                }
                if !padding.isEmpty {
                    let pad = Array(repeating: padding, count: anchorIDs.count)
                    masks = LossMasks(forward: LossMasks.union(masks?.forward ?? pad, pad), backward: masks?.backward)
                }
                func lossOf(_ emb: Tensor) -> Tensor {
                    loss(anchors: emb.sliceRows(0..<anchorIDs.count), candidates: emb.sliceRows(anchorIDs.count..<all.count),
                         anchorTextIDs: anchorIDs, candidateTextIDs: candidateIDs, masks: masks)
                }
                let stepSeed = UInt64(r.seed) &* 0x9E37_79B9 &+ UInt64(step)
                for p in params { p.tensor.zeroGrad() }
                let l: Tensor
                if let gradCache {
                    // Each mini-batch draws its dropout masks from its own index, in both passes.
                    l = try gradCache.step(rows: all.count, embed: { chunk, index, onTape in
                        let ids = Array(all[chunk])
                        var rng = SplitMix64(seed: stepSeed &+ UInt64(index + 1) &* 0xD1B5_4A32_D192_ED03)
                        return trainable.forward(hidden: try cache.gather(ids), lengths: ids.map { cache.lengths[Int($0)] },
                                                 dropout: r.dropout, rng: &rng, onTape: onTape)
                    }, loss: lossOf)
                } else {
                    var rng = SplitMix64(seed: stepSeed)
                    let emb = trainable.forward(hidden: try cache.gather(all), lengths: all.map { cache.lengths[Int($0)] },
                                                dropout: r.dropout, rng: &rng)
                    l = lossOf(emb)
                    if l[0].isFinite { l.backward() }
                }
                let value = l[0]
                guard value.isFinite else { throw stopped("the loss became \(value.isNaN ? "NaN" : "\(value)")") }
                l2sp?.addGradient(to: tensors)
                if r.maxGradNorm > 0 { clipGradNorm(tensors, maxNorm: r.maxGradNorm) }
                let lr = schedule.learningRate(base: r.lr, afterSteps: step)
                optimizer.lr = lr
                optimizer.step()
                // A finite loss can still come with an overflowing update: never checkpoint it.
                if let bad = params.first(where: { !Trainer.allFinite($0.tensor) }) {
                    throw stopped("\(bad.name) became infinite or NaN")
                }
                step += 1
                losses.append(value)
                if let progress {
                    let recent = losses.suffix(20)
                    let elapsed = Date().timeIntervalSince(start)
                    let pps = Double((step - firstStep) * r.batchSize) / max(elapsed, 1e-9)
                    progress(StepReport(step: step, totalSteps: steps, loss: value,
                                        smoothedLoss: recent.reduce(0, +) / Float(recent.count), learningRate: lr,
                                        pairsPerSecond: pps, etaSeconds: Double((steps - step) * r.batchSize) / max(pps, 1e-9)))
                }
                if r.evalEvery > 0 && step % r.evalEvery == 0 && step < steps { try devCheck() }
                if r.checkpointEvery > 0 && step % r.checkpointEvery == 0 && step < steps {
                    try Checkpoint(step: step, recipeYAML: recipeYAML, losses: losses, bestDev: bestDev, pairsDigest: pairsDigest)
                        .save(to: output, params: params, optimizer: optimizer)
                    lastGood = step
                }
                if let stopAfterStep, step == stopAfterStep { throw Stopped(step: step) }
            }
        }
        if paddedSlots > 0 {
            log("\(paddedSlots) negative slots of pairs with fewer negatives than their batch's most were masked (a pair's own negatives are all used)")
        }
        let seconds = Date().timeIntervalSince(start)
        if let l2sp {
            log(String(format: "L2-SP %g: the trained weights are %.4f from the base's (L2 norm over all trained tensors)",
                       l2sp.strength, l2sp.distance(tensors)))
        }
        if evaluate != nil { try devCheck() } else { try saveFinal(trainable.inferenceModel) }
        try atomicWrite(Data(recipeYAML.utf8), to: output.appendingPathComponent("recipe.yaml"))
        Checkpoint.removeAll(in: output)
        let recent = losses.suffix(20)
        return TrainSummary(steps: step, seconds: (seconds * 100).rounded() / 100,
                            pairs_per_second: (Double((step - firstStep) * r.batchSize) / max(seconds, 1e-9) * 100).rounded() / 100,
                            peak_rss_mib: Trainer.peakRSSMiB(), first_loss: losses.first ?? .nan,
                            last_loss: recent.isEmpty ? .nan : recent.reduce(0, +) / Float(recent.count),
                            pairs: pairs.count, skipped_empty: pairSet.skippedEmpty, skipped_bad: pairSet.skippedBad,
                            deferred: plans.reduce(0) { $0 + $1.deferred }, dropped: plans.reduce(0) { $0 + $1.dropped },
                            unique_texts: unique.texts.count, frozen_cache_seconds: (cacheSeconds * 100).rounded() / 100,
                            best_dev: bestDev,
                            guide_masked: guide == nil ? nil : masked,
                            guide_masked_fraction: guide == nil ? nil : (Double(masked) / Double(max(negativesScored, 1)) * 1e5).rounded() / 1e5,
                            guide_seconds: guideSeconds.map { ($0 * 100).rounded() / 100 },
                            output: output.appendingPathComponent("model").path)
    }

    /// The candidate text IDs of a batch as the loss takes them — the positives in pair order, then
    /// each column of negatives — and which candidate slots are padding. There are as many columns
    /// as the pair with the most negatives has; a pair with fewer fills the gap with its own positive,
    /// which the loss must mask for every row, so that no pair's negatives are dropped.
    static func candidates(_ batch: [Int], positiveIDs: [Int32], negativeIDs: [[Int32]]) -> (ids: [Int32], padding: [Int]) {
        var ids = batch.map { positiveIDs[$0] }
        var padding: [Int] = []
        for c in 0..<(batch.map { negativeIDs[$0].count }.max() ?? 0) {
            for i in batch {
                if c < negativeIDs[i].count { ids.append(negativeIDs[i][c]) } else {
                    padding.append(ids.count)
                    ids.append(positiveIDs[i])
                }
            }
        }
        return (ids, padding)
    }

    /// Each epoch's anchor text IDs: `unique.anchorIDs` itself without augmentation, else the IDs of
    /// the augmented anchors, whose texts are appended to `unique.texts`. The augmenter changes the
    /// anchor itself; `anchorPrompt` is prepended afterwards, untouched.
    static func augmentedAnchors(_ pairs: [TrainingPair], unique: inout (texts: [String], anchorIDs: [Int32], positiveIDs: [Int32], negativeIDs: [[Int32]]),
                                 augmenter: AnchorAugmenter, anchorPrompt: String = "", seed: UInt64, epochs: Int) -> [[Int32]] {
        guard augmenter.isActive else { return Array(repeating: unique.anchorIDs, count: epochs) }
        var index = [String: Int32](minimumCapacity: unique.texts.count * 2)
        for (i, t) in unique.texts.enumerated() where index[t] == nil { index[t] = Int32(i) }
        return (0..<epochs).map { epoch in
            pairs.indices.map { i in
                let t = anchorPrompt + augmenter.apply(pairs[i].anchor, seed: seed, epoch: epoch, pair: i)
                if let id = index[t] { return id }
                let id = Int32(unique.texts.count)
                unique.texts.append(t)
                index[t] = id
                return id
            }
        }
    }

    /// Embeddings of text IDs `0..<count` by `model`'s layers `first…` over their cached frozen
    /// states (no tape, no dropout), a few dozen texts at a time.
    static func embedFromCache(_ model: SentenceModel, from first: Int, cache: FrozenCache, count: Int) throws -> Tensor {
        let out = Tensor(zeros: [count, model.dimension])
        var rng = SplitMix64(seed: 0)
        for start in stride(from: 0, to: count, by: 64) {
            let ids = (start..<min(count, start + 64)).map { Int32($0) }
            let e = TrainableModel.top(model, from: first, hidden: try cache.gather(ids), lengths: ids.map { cache.lengths[Int($0)] },
                                       dropout: 0, rng: &rng)
            (out.data + start * out.cols).update(from: e.data, count: e.count)
        }
        return out
    }

    /// Create `output` (and its parents), or say in one line why it cannot be.
    static func makeFolder(_ output: URL) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw AttuneError.invalidFile(path: output.path, what: "is a file; the output must be a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            let reason = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)
                .map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
            throw AttuneError.invalidFile(path: output.path, what: "cannot create the output folder (\(reason))")
        }
    }

    /// Are all of `t`'s values finite?
    static func allFinite(_ t: Tensor) -> Bool {
        UnsafeBufferPointer(start: t.data, count: t.count).allSatisfy { $0.isFinite }
    }
}

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
    /// The `sources:` form: the source of this step's batch and the mean of that source's last
    /// 20 losses (nil for the one-file form).
    public var source: String? = nil
    public var sourceSmoothedLoss: Float? = nil
}

/// One source's line of the summary (the `sources:` form).
public struct SourceSummary: Codable, Equatable {
    public var name: String
    /// Its pairs, inverse-cloze pairs included.
    public var pairs: Int
    /// The steps run on its batches (resumed ones included).
    public var steps: Int
    /// The mean loss of its steps: `steps · mean_loss` summed over the sources is the sum of every
    /// step's loss.
    public var mean_loss: Float
    /// The mean of its last 20 steps' losses.
    public var last_loss: Float
    /// Each epoch's batches of it.
    public var batches_per_epoch: [Int]
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
    /// The `sources:` form: the loss and steps of each source (nil for the one-file form).
    public var sources: [SourceSummary]? = nil
}

/// Fine-tunes a sentence model on (anchor, positive[, negatives]) pairs with the
/// MultipleNegativesRanking loss, following a `Recipe`, in three stages:
///
///     prepare  TrainingSet: pairs → augmentation → prompts → unique texts → tokens
///              → frozen layers once (FrozenCache) → guide → batch plans
///     step     BiEncoderObjective.forwardBackward: gather cached states → trainable layers (tape)
///              → pool → head → normalize → loss (EmbeddingLoss stack) → backward;
///              TrainingLoop.update: L2-SP → clip → AdamW (warmup, linear decay)
///     loop     TrainingLoop.run over the plan, with hooks: progress, dev check, checkpoint
///
/// Another objective (a cross-encoder, say) conforms to `TrainingObjective` and runs in the same
/// `TrainingLoop`; see docs/development.md, "The trainer's layout".
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
    ///
    /// The run in three stages: the model and its loss, the prepared `TrainingSet`, then the
    /// `TrainingLoop` over the bi-encoder objective with the dev check and checkpoint as hooks.
    func run(base: SentenceModel, resume: Bool, evaluate: ((SentenceModel) throws -> Double)?,
             progress: ((StepReport) -> Void)?, cacheProgress: ((Int, Int) -> Void)?,
             stopAfterStep: Int?) throws -> TrainSummary {
        let r = recipe
        let output = URL(fileURLWithPath: r.output)
        let sourcePairs = try TrainingSet.readSources(r, log: log)
        try Trainer.makeFolder(output)
        if resume { try checkResumable(output) }

        // The prompts (the recipe's, else the model's own) become the model's query and document
        // prompts, so the dev check and the saved folder use what training uses.
        let (prompts, sourcePrompts) = try trainingPrompts(sourcePairs, base: base)
        var base = prompts.applied(to: base)
        // max_seq_length is a training setting: the saved (and dev-checked) model keeps the base's.
        let inferenceLength = base.maxSeqLength
        base.maxSeqLength = min(r.maxSeqLength, base.bert.config.maxSequenceLength)
        let trainable = try TrainableModel(base: base, trainableLayers: r.trainableLayers, head: r.head)
        let ranking = try BiEncoderObjective.rankingLoss(r, dimension: base.dimension)
        if !r.matryoshkaDims.isEmpty && !r.matryoshkaDims.contains(base.dimension) {
            log("warning: matryoshka_dims \(r.matryoshkaDims) leaves out the model's full \(base.dimension) dimensions, which then are not trained as such")
        }

        let set = try TrainingSet(sources: sourcePairs, recipe: r, model: base, prompts: sourcePrompts,
                                  frozenLayers: trainable.firstTrainable, output: output, log: log, cacheProgress: cacheProgress)
        let teacher = try Teacher.scores(r, set: set, studentTokenizer: base.tokenizer, output: output, log: log,
                                         progress: cacheProgress.map { p in { p($0, $1) } })
        var objective = BiEncoderObjective(model: trainable, set: set,
                                           loss: BiEncoderObjective.loss(ranking, guide: set.guide, teacher: teacher, recipe: r),
                                           dropout: r.dropout)
        let params = objective.parameters, tensors = params.map(\.tensor)
        // θ₀ for L2-SP: the base's weights, taken before a checkpoint is restored.
        var loop = try TrainingLoop(recipe: r, batches: set.batches, steps: set.steps, tensors: tensors)
        let pairsDigest = Checkpoint.pairsDigest(set.pairs)
        var state = resume ? try restore(output, params: params, optimizer: &loop.optimizer, pairsDigest: pairsDigest, steps: set.steps)
                           : LoopState()
        let firstStep = state.step

        let save = ModelWriter(output: output, inferenceLength: inferenceLength, matryoshkaDims: r.matryoshkaDims, recipeYAML: r.yaml())
        let devCheck = evaluate.map { save.devCheck(trainable, evaluate: $0, log: log) }
        var hooks = LoopHooks()
        hooks.progress = set.hasNamedSources ? SourceLosses.reporting(progress, set: set, losses: state.losses) : progress
        (hooks.devEvery, hooks.devCheck) = (r.evalEvery, devCheck)
        hooks.checkpointEvery = r.checkpointEvery
        hooks.checkpoint = { state, optimizer in
            try Checkpoint(step: state.step, recipeYAML: save.recipeYAML, losses: state.losses, bestDev: state.bestDev, pairsDigest: pairsDigest)
                .save(to: output, params: params, optimizer: optimizer)
        }
        hooks.stopAfterStep = stopAfterStep

        let start = Date()
        do {
            try loop.run(&objective, state: &state, hooks: hooks)
        } catch let d as TrainingLoop.Diverged {
            let kept = d.lastGood.map { "The last good checkpoint (step \($0)) is in \(Checkpoint.folder(in: output).path): lower --lr and rerun with --resume" }
                ?? "No checkpoint was written yet: lower --lr and rerun"
            throw AttuneError.invalid("\(d.what) at step \(d.step); training stopped. \(kept)")
        }
        if objective.paddedSlots > 0 {
            log("\(objective.paddedSlots) negative slots of pairs with fewer negatives than their batch's most were masked (a pair's own negatives are all used)")
        }
        let seconds = Date().timeIntervalSince(start)
        if let l2sp = loop.regularizer {
            log(String(format: "L2-SP %g: the trained weights are %.4f from the base's (L2 norm over all trained tensors)",
                       l2sp.strength, l2sp.distance(tensors)))
        }
        if let devCheck { try devCheck(&state) } else { try save.final(trainable.inferenceModel) }
        try atomicWrite(Data(save.recipeYAML.utf8), to: output.appendingPathComponent("recipe.yaml"))
        Checkpoint.removeAll(in: output)
        var out = summary(state, firstStep: firstStep, seconds: seconds, set: set, objective: objective, output: output)
        if set.hasNamedSources {
            out.sources = SourceLosses(set: set, losses: state.losses).summaries(set)
            for s in out.sources! {
                log(String(format: "source %@: %d steps, mean loss %.4f, last %.4f", s.name, s.steps, s.mean_loss, s.last_loss))
            }
        }
        return out
    }

    /// The prompts (the recipe's, else the model's own; they become the model's query and
    /// document prompts) and each source's (its own `prompts`, else those), each logged.
    private func trainingPrompts(_ sources: [SourcePairs], base: SentenceModel) throws -> (TrainingPrompts, [TrainingPrompts]) {
        let prompts = try TrainingPrompts(recipe: recipe, model: base)
        let perSource = try sources.map { s -> TrainingPrompts in
            guard let name = s.name else { return prompts }
            do { return try TrainingPrompts(recipe: s.recipe, model: base) } catch let e as AttuneError {
                throw AttuneError.invalid("source \"\(name)\": \(e)")
            }
        }
        if !prompts.isEmpty {
            log("prompts: anchors \(jsonQuoted(prompts.anchor)), positives and negatives \(jsonQuoted(prompts.positive))")
        }
        for (s, p) in zip(sources, perSource) where s.name != nil && p != prompts {
            log("source \(s.name!): prompts: anchors \(jsonQuoted(p.anchor)), positives and negatives \(jsonQuoted(p.positive))")
        }
        return (prompts, perSource)
    }

    /// Each source's step losses so far, in order (steps map to sources by the batch plan).
    struct SourceLosses {
        let sourceOfStep: [Int]
        var byStep: [[Float]]

        init(set: TrainingSet, losses: [Float]) {
            sourceOfStep = set.batches.map(\.source)
            byStep = Array(repeating: [], count: set.sources.count)
            for (i, l) in losses.enumerated() where i < sourceOfStep.count { byStep[sourceOfStep[i]].append(l) }
        }

        /// Record step `step`'s (1-based) loss; returns its source.
        mutating func add(_ loss: Float, step: Int) -> Int {
            let k = sourceOfStep[step - 1]
            byStep[k].append(loss)
            return k
        }

        /// The mean of source `k`'s last 20 losses (nan before its first step).
        func smoothed(_ k: Int) -> Float {
            let recent = byStep[k].suffix(20)
            return recent.isEmpty ? .nan : recent.reduce(0, +) / Float(recent.count)
        }

        /// `progress` with each report naming its step's source and that source's smoothed loss.
        static func reporting(_ progress: ((StepReport) -> Void)?, set: TrainingSet, losses: [Float]) -> ((StepReport) -> Void)? {
            guard let progress else { return nil }
            var tally = SourceLosses(set: set, losses: losses)
            return { report in
                var report = report
                let k = tally.add(report.loss, step: report.step)
                report.source = set.sources[k].name
                report.sourceSmoothedLoss = tally.smoothed(k)
                progress(report)
            }
        }

        /// Each source's line of the summary.
        func summaries(_ set: TrainingSet) -> [SourceSummary] {
            set.sources.indices.map { k in
                let l = byStep[k]
                return SourceSummary(name: set.sources[k].name, pairs: set.sources[k].pairs.count, steps: l.count,
                                     mean_loss: l.isEmpty ? .nan : Float(l.reduce(0.0) { $0 + Double($1) } / Double(l.count)),
                                     last_loss: smoothed(k), batches_per_epoch: set.sourceEpochs.map { $0[k].batches })
            }
        }
    }

    /// Before the costly frozen-layer pass: refuse a checkpoint of another recipe.
    func checkResumable(_ output: URL) throws {
        if let dir = Checkpoint.existing(in: output) {
            try Checkpoint.checkRecipe(in: dir, matches: recipe)
        } else {
            log("no checkpoint in \(output.path); starting from step 0")
        }
    }

    /// The loop state (and the objective's weights and the optimizer's moments) of the checkpoint in
    /// `output`, or step 0 when there is none; throws when the pairs changed since it was made.
    func restore(_ output: URL, params: [(name: String, tensor: Tensor)], optimizer: inout AdamW, pairsDigest: String,
                         steps: Int) throws -> LoopState {
        guard let ck = try Checkpoint.load(from: output, params: params, optimizer: &optimizer) else { return LoopState() }
        if let saved = ck.pairsDigest, saved != pairsDigest {
            throw AttuneError.invalidFile(path: recipe.sources.isEmpty ? recipe.pairs : "the pairs of \(recipe.pairsDescription)", what: "changed since the checkpoint in \(output.path) was made; resume with the same pairs, or rerun without --resume to start over")
        }
        log("resumed from \(Checkpoint.folder(in: output).path) at step \(ck.step)/\(steps)")
        return LoopState(step: ck.step, losses: ck.losses, bestDev: ck.bestDev, lastGood: ck.step > 0 ? ck.step : nil)
    }

    /// Writes the trained model: as inference sees it (the base's sequence length, the Matryoshka
    /// dimensions recorded), with the recipe beside it.
    struct ModelWriter {
        var output: URL
        var inferenceLength: Int
        var matryoshkaDims: [Int]
        var recipeYAML: String

        func final(_ model: SentenceModel) throws {
            var model = model
            model.maxSeqLength = inferenceLength
            model.matryoshkaDims = matryoshkaDims
            try model.save(to: output.appendingPathComponent("model"), overwrite: true,
                           extraFiles: ["attune_recipe.yaml": Data(recipeYAML.utf8)])
        }

        /// The dev check: score the model as shipped; save it when it is the best so far.
        func devCheck(_ trainable: TrainableModel, evaluate: @escaping (SentenceModel) throws -> Double,
                      log: @escaping (String) -> Void) -> (inout LoopState) throws -> Void {
            { state in
                var shipped = trainable.inferenceModel
                shipped.maxSeqLength = inferenceLength
                let score = try evaluate(shipped)
                let best = state.bestDev.map { score > $0 } ?? true
                log(String(format: "step %d: dev score %.4f%@", state.step, score, best ? " (best so far, saved)" : ""))
                if best {
                    state.bestDev = score
                    try final(trainable.inferenceModel)
                }
            }
        }
    }

    /// The summary `--json` prints, rounded as it always was.
    private func summary(_ state: LoopState, firstStep: Int, seconds: Double, set: TrainingSet, objective: BiEncoderObjective,
                         output: URL) -> TrainSummary {
        let guided = set.guide != nil, stats = objective.stats
        return TrainSummary(steps: state.step, seconds: (seconds * 100).rounded() / 100,
                            pairs_per_second: (Double((state.step - firstStep) * recipe.batchSize) / max(seconds, 1e-9) * 100).rounded() / 100,
                            peak_rss_mib: Trainer.peakRSSMiB(), first_loss: state.losses.first ?? .nan,
                            last_loss: state.smoothedLoss,
                            pairs: set.pairs.count, skipped_empty: set.skippedEmpty, skipped_bad: set.skippedBad,
                            deferred: set.deferred, dropped: set.dropped,
                            unique_texts: set.texts.count, frozen_cache_seconds: (set.cacheSeconds * 100).rounded() / 100,
                            best_dev: state.bestDev,
                            guide_masked: guided ? stats.guideMasked : nil,
                            guide_masked_fraction: guided ? (Double(stats.guideMasked) / Double(max(stats.negativesScored, 1)) * 1e5).rounded() / 1e5 : nil,
                            guide_seconds: set.guideSeconds.map { ($0 * 100).rounded() / 100 },
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
    /// anchor itself; `anchorPrompt` (or pair i's `anchorPrompts[i]`) is prepended afterwards, untouched.
    static func augmentedAnchors(_ pairs: [TrainingPair], unique: inout (texts: [String], anchorIDs: [Int32], positiveIDs: [Int32], negativeIDs: [[Int32]]),
                                 augmenter: AnchorAugmenter, anchorPrompt: String = "", anchorPrompts: [String]? = nil,
                                 seed: UInt64, epochs: Int) -> [[Int32]] {
        guard augmenter.isActive else { return Array(repeating: unique.anchorIDs, count: epochs) }
        var index = [String: Int32](minimumCapacity: unique.texts.count * 2)
        for (i, t) in unique.texts.enumerated() where index[t] == nil { index[t] = Int32(i) }
        return (0..<epochs).map { epoch in
            pairs.indices.map { i in
                let t = (anchorPrompts?[i] ?? anchorPrompt) + augmenter.apply(pairs[i].anchor, seed: seed, epoch: epoch, pair: i)
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

extension TrainingLoop {
    /// The loop a recipe describes over `batches` (`steps` of them) for `tensors`: linear warm-up
    /// and decay to `lr`, AdamW, L2-SP toward the tensors' values now (the base's, when built before
    /// a checkpoint is restored), gradient clipping, the recipe's seed.
    init(recipe r: Recipe, batches: [PlannedBatch], steps: Int, tensors: [Tensor]) throws {
        self.init(batches: batches, schedule: try LinearSchedule(totalSteps: steps, warmupFraction: r.warmup),
                  peakLR: r.lr, optimizer: try AdamW(parameters: tensors, lr: r.lr, weightDecay: r.weightDecay),
                  regularizer: r.l2sp > 0 ? L2SPRegularizer(parameters: tensors, strength: r.l2sp) : nil,
                  maxGradNorm: r.maxGradNorm, seed: UInt64(r.seed), examplesPerStep: r.batchSize)
    }
}

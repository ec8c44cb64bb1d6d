import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// The cross-encoder's loss: sentence-transformers' cross-encoder `BinaryCrossEntropyLoss` or
/// (without its in-batch negatives) its cross-encoder `MultipleNegativesRankingLoss`.
public enum CrossEncoderLoss: Sendable, Equatable {
    /// Mean BCE with logits over every (query, document) pair of the batch: the positive's target
    /// its label (1 unless the pairs file gives one), each negative's 0; positives weighted.
    case bce(posWeight: Float)
    /// Per query, cross-entropy of the softmax over `scale · σ(logit)` of its positive and its
    /// negatives toward the positive; the mean over the batch's queries.
    case listwise(scale: Float)

    /// The loss a recipe names.
    public init(_ r: Recipe) {
        self = r.crossEncoderLoss == .listwise ? .listwise(scale: r.listwiseScale) : .bce(posWeight: r.posWeight)
    }

    /// The loss of `logits` (`[Σ groups, 1]`, each pair's group back to back: the positive first,
    /// then its negatives), on the tape when the logits are. `targets` are BCE's, one per logit;
    /// the listwise loss needs every group of size `group`.
    public func callAsFunction(_ logits: Tensor, targets: [Float], group: Int) -> Tensor {
        switch self {
        case .bce(let w): return logits.binaryCrossEntropyWithLogits(targets: targets, posWeight: w)
        case .listwise(let s): return logits.sigmoid().scaled(s).listwiseCrossEntropy(group: group)
        }
    }
}

/// The cross-encoder objective: each pair of a planned batch is scored as (query, positive) and
/// (query, negative_i) sequences by a `CrossEncoder`, whose layers below `firstTrainable` were run
/// once per unique (query, document) sequence into a `FrozenCache`:
///
///     gather the batch's sequences' cached frozen states → trainable layers (tape) → [CLS] → head
///     → logits → loss (BCE or listwise) → backward
public struct CrossEncoderObjective: TrainingObjective {
    /// The model with trainable copies of layers `firstTrainable…` and of the head.
    public let model: CrossEncoder
    public let firstTrainable: Int
    public let set: CrossEncoderSet
    public let loss: CrossEncoderLoss
    public var dropout: Float

    public init(model: CrossEncoder, firstTrainable: Int, set: CrossEncoderSet, loss: CrossEncoderLoss, dropout: Float) {
        self.model = model
        self.firstTrainable = firstTrainable
        self.set = set
        self.loss = loss
        self.dropout = dropout
    }

    public var parameters: [(name: String, tensor: Tensor)] { model.trainableParameters }

    /// The batch's logits on the tape, its BCE targets and its group size.
    public func logits(_ planned: PlannedBatch, seed: UInt64) throws -> (logits: Tensor, targets: [Float], group: Int) {
        var ids: [Int32] = [], targets: [Float] = []
        for p in planned.pairs {
            ids += set.sequences[p]
            targets.append(set.labels[p])
            targets += Array(repeating: 0, count: set.sequences[p].count - 1)
        }
        var rng = SplitMix64(seed: seed)
        let z = model.forward(hidden: try set.cache.gather(ids), lengths: ids.map { set.cache.lengths[Int($0)] },
                              fromLayer: firstTrainable, dropout: dropout, rng: &rng)
        return (z, targets, set.sequences[planned.pairs[0]].count)
    }

    public mutating func forwardBackward(_ planned: PlannedBatch, seed: UInt64) throws -> Float {
        let (z, targets, group) = try logits(planned, seed: seed)
        let l = loss(z, targets: targets, group: group)
        let value = l.data[0]
        if value.isFinite { l.backward() }
        return value
    }
}

/// What cross-encoder training reads, prepared once (the *prepare* stage for a cross-encoder):
///
///     pairs → (query, positive) and (query, negative_i) sequences, each distinct one once
///           → pair tokens (longest-first truncated) → frozen layers once (FrozenCache) → batch plans
public struct CrossEncoderSet {
    public var pairs: [TrainingPair]
    public var skippedEmpty: Int, skippedBad: Int
    /// Each pair's sequence IDs: (query, positive), then (query, negative_i) in file order.
    public var sequences: [[Int32]]
    /// Each pair's positive's BCE target (its `label` field, else 1).
    public var labels: [Float]
    /// Distinct (query, document) sequences.
    public var sequenceCount: Int
    /// Sequences whose query alone filled the length (truncated as Hugging Face does).
    public var queryTruncated: Int
    public var cache: FrozenCache
    public var cacheSeconds: Double
    public var plans: [BatchPlan]

    public var batches: [PlannedBatch] {
        plans.enumerated().flatMap { e, plan in plan.batches.map { PlannedBatch(epoch: e, pairs: $0) } }
    }
    public var steps: Int { plans.reduce(0) { $0 + $1.batches.count } }

    /// Prepare `pairSet` for `model` with its layers below `frozenLayers` frozen, at most
    /// `recipe.max_seq_length` tokens a sequence. Throws (naming the file and line) on a `label`
    /// outside [0, 1], and for the listwise loss on pairs without negatives or with differing counts.
    public init(_ pairSet: PairSet, recipe r: Recipe, model: CrossEncoder, frozenLayers: Int, output: URL,
                log: (String) -> Void, cacheProgress: ((Int, Int) -> Void)?) throws {
        pairs = pairSet.pairs
        skippedEmpty = pairSet.skippedEmpty
        skippedBad = pairSet.skippedBad
        let labelled = try CrossEncoderSet.readLabels(URL(fileURLWithPath: r.pairs), recipe: r)
        labels = pairs.map { labelled[$0.anchor + "\u{1}" + $0.positive] ?? 1 }
        if r.crossEncoderLoss == .listwise {
            let n = pairs.first?.negatives.count ?? 0
            if let bad = pairs.firstIndex(where: { $0.negatives.count != n || $0.negatives.isEmpty }) {
                throw AttuneError.invalidFile(path: r.pairs, what: "pair \(bad + 1) has \(pairs[bad].negatives.count) negatives and pair 1 has \(n): the listwise loss needs the same number (at least 1) for every pair (attune mine gives them)")
            }
        }
        var index: [String: Int32] = [:], texts: [(query: String, document: String)] = []
        func id(_ q: String, _ d: String) -> Int32 {
            let key = q + "\u{1}" + d
            if let i = index[key] { return i }
            let i = Int32(texts.count)
            index[key] = i
            texts.append((q, d))
            return i
        }
        sequences = pairs.map { p in [id(p.anchor, p.positive)] + p.negatives.map { id(p.anchor, $0) } }
        sequenceCount = texts.count
        let length = min(r.maxSeqLength, model.maxLength), tok = model.tokenizer, template = model.template
        let encoded = texts.map { tok.encodePair($0.query, $0.document, maxLength: length, template: template) }
        queryTruncated = encoded.filter(\.queryTruncated).count
        let t0 = Date()
        cache = try FrozenCache(lengths: encoded.map(\.ids.count), hidden: model.bert.config.hiddenSize,
                                url: output.appendingPathComponent(".frozen-cache.bin"), progress: cacheProgress) { idx in
            model.frozenStates(idx.map { encoded[$0] }, layers: frozenLayers)
        }
        cacheSeconds = Date().timeIntervalSince(t0)
        log(String(format: "frozen layers 0..<%d cached for %d distinct (query, document) sequences of at most %d tokens in %.1fs%@",
                   frozenLayers, texts.count, length, cacheSeconds,
                   queryTruncated > 0 ? " (\(queryTruncated) whose query alone filled the length)" : ""))
        // Batches are a seeded shuffle (the bi-encoder's batcher over IDs that never repeat): each
        // sequence is scored on its own, so a text may appear twice in a batch.
        let n = Int32(pairs.count)
        let anchors = (0..<n).map { $0 }, positives = (0..<n).map { $0 + n }, negatives = pairs.map { _ in [Int32]() }
        let batcher = NoDuplicateBatcher(batchSize: r.batchSize, seed: UInt64(r.seed))
        plans = (0..<r.epochs).map { batcher.batches(anchorIDs: anchors, positiveIDs: positives, negativeIDs: negatives, epoch: $0) }
        let steps = plans.reduce(0) { $0 + $1.batches.count }
        log("\(pairs.count) pairs → \(steps) steps of \(r.batchSize) over \(r.epochs) epoch(s)")
        guard steps > 0 else { throw AttuneError.invalid("no full batch of \(r.batchSize) distinct texts could be formed") }
    }

    /// The `label` of each JSONL line that has one, keyed by anchor and positive; throws naming the
    /// file, line and field for a label that is not a number in [0, 1]. CSV/TSV pairs carry none.
    static func readLabels(_ url: URL, recipe r: Recipe) throws -> [String: Float] {
        guard url.pathExtension.lowercased() == "jsonl", let data = try? Data(contentsOf: url) else { return [:] }
        var out: [String: Float] = [:]
        var line = 0
        for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            line += 1
            guard raw.contains(UInt8(ascii: "\"")), let range = raw.firstRange(of: Data("\"label\"".utf8)), !range.isEmpty,
                  let object = try? JSONSerialization.jsonObject(with: Data(raw)) as? [String: Any],
                  let value = object["label"] else { continue }
            // JSONDecoder tells a number from `true` (JSONSerialization gives both as NSNumber).
            guard let x = (try? JSONDecoder().decode(LabelField.self, from: Data(raw)))?.label, x >= 0 && x <= 1 else {
                throw AttuneError.badLine(path: url.path, line: line, what: "field label: \(value) is not a number in [0, 1] (a BCE target)")
            }
            if let a = object[r.anchorField] as? String, let p = object[r.positiveField] as? String {
                out[a + "\u{1}" + p] = Float(x)
            }
        }
        return out
    }

    private struct LabelField: Decodable { var label: Double }
}

extension Trainer {
    /// Train a cross-encoder (`objective: cross_encoder`): `base` is a cross-encoder (loaded from a
    /// cross-encoder folder, or initialised from a bi-encoder as `attune rerank init` does) whose
    /// last `trainable_layers` layers and head train with the recipe's cross-encoder loss, in the
    /// same `TrainingLoop` (AdamW, warm-up and decay, clipping, L2-SP, checkpoints, resume) as a
    /// bi-encoder. `output/model` is a cross-encoder folder.
    ///
    /// With `evaluate` (the dev check: a score of the model as it would be saved, higher is better,
    /// e.g. nDCG@10 of reranking a dev set's retrieved candidates), the check runs every
    /// `eval_every` steps and at the end, and `output/model` is the best-scoring one.
    public func runCrossEncoder(base: CrossEncoder, resume: Bool = false, evaluate: ((CrossEncoder) throws -> Double)? = nil,
                                progress: ((StepReport) -> Void)? = nil,
                                cacheProgress: ((Int, Int) -> Void)? = nil) throws -> TrainSummary {
        try runCrossEncoder(base: base, resume: resume, evaluate: evaluate, progress: progress, cacheProgress: cacheProgress,
                            stopAfterStep: nil)
    }

    func runCrossEncoder(base: CrossEncoder, resume: Bool, evaluate: ((CrossEncoder) throws -> Double)? = nil,
                         progress: ((StepReport) -> Void)?,
                         cacheProgress: ((Int, Int) -> Void)?, stopAfterStep: Int?) throws -> TrainSummary {
        let r = recipe
        for (key, on) in [("guide", r.guide != nil), ("mini_batch_size", r.miniBatchSize != nil),
                          ("matryoshka_dims", !r.matryoshkaDims.isEmpty), ("augment", r.augment.isActive),
                          ("distill.teacher", r.distillTeacher != nil)] where on {
            throw AttuneError.badConfig(source: "recipe", field: key, what: "is for the bi-encoder objective; a cross-encoder trains without it")
        }
        let output = URL(fileURLWithPath: r.output)
        let pairSet = try TrainingSet.readPairs(r, log: log)
        try Trainer.makeFolder(output)
        if resume { try checkResumable(output) }
        let layers = base.bert.layers.count
        guard r.trainableLayers >= 1 && r.trainableLayers <= layers else {
            throw AttuneError.badConfig(source: "recipe", field: "trainable_layers", what: "\(r.trainableLayers) is not between 1 and the model's \(layers) layers")
        }
        let first = layers - r.trainableLayers
        // The model scores pairs at the length it was trained at (the dev check, and the folder saved),
        // as a bi-encoder keeps the recipe's max_seq_length.
        var sized = base
        sized.maxLength = min(r.maxSeqLength, base.maxLength)
        let model = try sized.trainable(firstTrainable: first)
        let set = try CrossEncoderSet(pairSet, recipe: r, model: base, frozenLayers: first, output: output, log: log,
                                      cacheProgress: cacheProgress)
        var objective = CrossEncoderObjective(model: model, firstTrainable: first, set: set, loss: CrossEncoderLoss(r), dropout: r.dropout)
        let params = objective.parameters, tensors = params.map(\.tensor)
        var loop = try TrainingLoop(recipe: r, batches: set.batches, steps: set.steps, tensors: tensors)
        let pairsDigest = Checkpoint.pairsDigest(set.pairs)
        var state = resume ? try restore(output, params: params, optimizer: &loop.optimizer, pairsDigest: pairsDigest, steps: set.steps)
                           : LoopState()
        let firstStep = state.step
        let recipeYAML = r.yaml()
        var hooks = LoopHooks()
        hooks.progress = progress
        hooks.checkpointEvery = r.checkpointEvery
        hooks.checkpoint = { state, optimizer in
            try Checkpoint(step: state.step, recipeYAML: recipeYAML, losses: state.losses, bestDev: state.bestDev, pairsDigest: pairsDigest)
                .save(to: output, params: params, optimizer: optimizer)
        }
        hooks.stopAfterStep = stopAfterStep
        let modelURL = output.appendingPathComponent("model")
        func save(_ m: CrossEncoder) throws {
            try m.save(to: modelURL, overwrite: true)
            try atomicWrite(Data(recipeYAML.utf8), to: modelURL.appendingPathComponent("attune_recipe.yaml"))
        }
        // The dev check: score the model as it would be saved; keep it when it is the best so far.
        let devCheck: ((inout LoopState) throws -> Void)? = evaluate.map { evaluate in { state in
            let shipped = model.detached
            let score = try evaluate(shipped)
            let best = state.bestDev.map { score > $0 } ?? true
            self.log(String(format: "step %d: dev score %.4f%@", state.step, score, best ? " (best so far, saved)" : ""))
            if best {
                state.bestDev = score
                try save(shipped)
            }
        } }
        (hooks.devEvery, hooks.devCheck) = (r.evalEvery, devCheck)

        let start = Date()
        do {
            try loop.run(&objective, state: &state, hooks: hooks)
        } catch let d as TrainingLoop.Diverged {
            let kept = d.lastGood.map { "The last good checkpoint (step \($0)) is in \(Checkpoint.folder(in: output).path): lower --lr and rerun with --resume" }
                ?? "No checkpoint was written yet: lower --lr and rerun"
            throw AttuneError.invalid("\(d.what) at step \(d.step); training stopped. \(kept)")
        }
        let seconds = Date().timeIntervalSince(start)
        var done = 0
        for (e, plan) in set.plans.enumerated() where done + plan.batches.count <= state.losses.count {
            let epoch = state.losses[done..<(done + plan.batches.count)]
            log(String(format: "epoch %d: mean training loss %.4f over %d steps", e + 1, epoch.reduce(0, +) / Float(max(epoch.count, 1)), epoch.count))
            done += plan.batches.count
        }
        if let devCheck { try devCheck(&state) } else { try save(model.detached) }
        try atomicWrite(Data(recipeYAML.utf8), to: output.appendingPathComponent("recipe.yaml"))
        Checkpoint.removeAll(in: output)
        return TrainSummary(steps: state.step, seconds: (seconds * 100).rounded() / 100,
                            pairs_per_second: (Double((state.step - firstStep) * r.batchSize) / max(seconds, 1e-9) * 100).rounded() / 100,
                            peak_rss_mib: Trainer.peakRSSMiB(), first_loss: state.losses.first ?? .nan, last_loss: state.smoothedLoss,
                            pairs: set.pairs.count, skipped_empty: set.skippedEmpty, skipped_bad: set.skippedBad,
                            deferred: set.plans.reduce(0) { $0 + $1.deferred }, dropped: set.plans.reduce(0) { $0 + $1.dropped },
                            unique_texts: set.sequenceCount, frozen_cache_seconds: (set.cacheSeconds * 100).rounded() / 100,
                            best_dev: state.bestDev, output: modelURL.path)
    }
}

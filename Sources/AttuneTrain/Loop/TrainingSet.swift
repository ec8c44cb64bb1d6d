import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// One batch of the plan the loop iterates: pair indices of one epoch.
///
/// The seam for multi-source training: a plan whose batches each come from one source would carry
/// that source here, and the objective would look the pairs up in it.
public struct PlannedBatch: Sendable, Equatable {
    /// The epoch (0-based): which augmented anchors the batch's pairs use.
    public var epoch: Int
    /// Indices into `TrainingSet.pairs`.
    public var pairs: [Int]
}

/// Everything training reads, prepared once before the first step (the *prepare* stage):
///
///     pairs → inverse-cloze pairs → prompts → unique texts → augmented anchors per epoch
///           → tokens → frozen layers once (FrozenCache) → guide embeddings → batch plans
///
/// Texts are referred to by ID (an index into `texts`) from here on: the cache, the guide and the
/// loss's exclusions are keyed by it.
public struct TrainingSet {
    /// The pairs trained on, inverse-cloze pairs included, in file order.
    public var pairs: [TrainingPair]
    /// Pairs the reader left out (empty side; malformed lines with `skip_bad`).
    public var skippedEmpty: Int, skippedBad: Int
    /// Every distinct text once, with the prompts prepended (augmented anchors of every epoch included).
    public var texts: [String]
    /// Each epoch's anchor text ID of each pair.
    public var anchorIDsByEpoch: [[Int32]]
    /// Each pair's positive and negatives' text IDs.
    public var positiveIDs: [Int32], negativeIDs: [[Int32]]
    /// The frozen layers' output of every text.
    public var cache: FrozenCache
    public var cacheSeconds: Double
    /// The guide's false-negative filter over every text (nil: no guide).
    public var guide: GuideFilter?
    public var guideSeconds: Double?
    /// The batches of each epoch (deterministic, so a resumed run replays the same order).
    public var plans: [BatchPlan]

    /// Every batch in the order the loop runs them.
    public var batches: [PlannedBatch] {
        plans.enumerated().flatMap { e, plan in plan.batches.map { PlannedBatch(epoch: e, pairs: $0) } }
    }
    public var steps: Int { plans.reduce(0) { $0 + $1.batches.count } }
    public var deferred: Int { plans.reduce(0) { $0 + $1.deferred } }
    public var dropped: Int { plans.reduce(0) { $0 + $1.dropped } }

    /// The recipe's pairs, with its inverse-cloze pairs appended; throws when they fill no batch.
    public static func readPairs(_ r: Recipe, log: (String) -> Void) throws -> PairSet {
        var set = try PairReader(anchorField: r.anchorField, positiveField: r.positiveField,
                                 negativePrefix: r.negativePrefix, skipBad: r.skipBad)
            .read(URL(fileURLWithPath: r.pairs), limit: r.maxPairs)
        let clozePairs = r.augment.inverseClozePairs(from: set.pairs, seed: UInt64(r.seed))
        if r.augment.inverseCloze > 0 {
            log("added \(clozePairs.count) inverse-cloze pairs (a sentence of the positive → the rest of it) to \(set.pairs.count)")
            set.pairs += clozePairs
        }
        if set.skippedEmpty > 0 { log("skipped \(set.skippedEmpty) pairs with an empty side") }
        if set.skippedBad > 0 { log("skipped \(set.skippedBad) malformed lines (--skip-bad)") }
        guard set.pairs.count >= r.batchSize else {
            throw AttuneError.invalid("\(r.pairs): \(set.pairs.count) usable pairs, fewer than one batch of \(r.batchSize)")
        }
        return set
    }

    /// Prepare `pairSet` for `model` (its prompts applied, its training length set), whose layers
    /// below `frozenLayers` are frozen: texts, tokens, the frozen cache (in `output`), the guide's
    /// embeddings and the batch plans.
    public init(_ pairSet: PairSet, recipe r: Recipe, model: SentenceModel, prompts: TrainingPrompts, frozenLayers: Int,
                output: URL, log: (String) -> Void, cacheProgress: ((Int, Int) -> Void)?) throws {
        let pairs = pairSet.pairs
        self.pairs = pairs
        skippedEmpty = pairSet.skippedEmpty
        skippedBad = pairSet.skippedBad
        var unique = uniqueTexts(pairs, anchorPrompt: prompts.anchor, positivePrompt: prompts.positive)
        let byEpoch = Trainer.augmentedAnchors(pairs, unique: &unique, augmenter: r.augment, anchorPrompt: prompts.anchor,
                                               seed: UInt64(r.seed), epochs: r.epochs)
        anchorIDsByEpoch = byEpoch
        if r.augment.isActive {
            let changed = (0..<r.epochs).reduce(0) { e, epoch in e + zip(byEpoch[epoch], unique.anchorIDs).filter { $0 != $1 }.count }
            log("augmented \(changed) of \(pairs.count * r.epochs) anchors over \(r.epochs) epoch(s)")
        }
        texts = unique.texts
        positiveIDs = unique.positiveIDs
        negativeIDs = unique.negativeIDs
        let tokens = model.tokenize(unique.texts)
        let t0 = Date()
        cache = try FrozenCache(model: model, tokens: tokens, frozenLayers: frozenLayers,
                                url: output.appendingPathComponent(".frozen-cache.bin"), progress: cacheProgress)
        cacheSeconds = Date().timeIntervalSince(t0)
        let frozenCache = cache
        log(String(format: "frozen layers 0..<%d cached for %d unique texts in %.1fs", frozenLayers, unique.texts.count, cacheSeconds))

        let batcher = NoDuplicateBatcher(batchSize: r.batchSize, seed: UInt64(r.seed))
        let ids = (anchors: byEpoch, positives: unique.positiveIDs, negatives: unique.negativeIDs)
        plans = (0..<r.epochs).map {
            batcher.batches(anchorIDs: ids.anchors[$0], positiveIDs: ids.positives, negativeIDs: ids.negatives, epoch: $0)
        }
        let planned = plans
        let steps = planned.reduce(0) { $0 + $1.batches.count }
        log("\(pairs.count) pairs → \(steps) steps of \(r.batchSize) over \(r.epochs) epoch(s); no text repeats within a batch: "
            + "\(planned.reduce(0) { $0 + $1.deferred }) deferrals, \(planned.reduce(0) { $0 + $1.dropped }) pairs left out of a last incomplete batch")
        guard steps > 0 else { throw AttuneError.invalid("no full batch of \(r.batchSize) distinct texts could be formed") }

        (guide, guideSeconds) = try Self.guide(r, model: model, frozenLayers: frozenLayers, cache: frozenCache, texts: unique.texts,
                                                log: log, cacheProgress: cacheProgress)
    }

    /// The guide's embedding of every text, once, as a `GuideFilter` (nil without `guide`).
    static func guide(_ r: Recipe, model: SentenceModel, frozenLayers: Int, cache: FrozenCache, texts: [String],
                      log: (String) -> Void, cacheProgress: ((Int, Int) -> Void)?) throws -> (GuideFilter?, Double?) {
        guard let g = r.guide else { return (nil, nil) }
        let tg = Date()
        let emb: Tensor
        if g == Recipe.guideIsBase {
            // The base's own top layers over the cached states: a third of a full pass.
            emb = try Trainer.embedFromCache(model, from: frozenLayers, cache: cache, count: texts.count)
        } else {
            var gm = try SentenceModel.load(ModelStore.resolve(g))
            gm.maxSeqLength = model.maxSeqLength
            // The texts carry the training prompts already: no second prompt.
            emb = gm.encode(texts, batchSize: 64, prompt: "") { d, t in cacheProgress?(d, t) }
        }
        let filter = GuideFilter(embeddings: emb, margin: r.guideMargin,
                                 strategy: GuideFilter.MarginStrategy(rawValue: r.guideMarginStrategy) ?? .absolute)
        let seconds = Date().timeIntervalSince(tg)
        log(String(format: "guide %@ embedded %d texts in %.1fs; in-batch candidates it rates above the anchor's positive%@ are masked",
                   g, texts.count, seconds, r.guideMargin > 0 ? " (less the margin)" : ""))
        return (filter, seconds)
    }

    /// A planned batch as the loss takes it: its epoch's anchors, then the candidates (positives,
    /// then each column of negatives, padded; see `Trainer.candidates`).
    public func contrastiveBatch(_ planned: PlannedBatch) -> ContrastiveBatch {
        let anchorIDs = planned.pairs.map { anchorIDsByEpoch[planned.epoch][$0] }
        let (candidateIDs, padding) = Trainer.candidates(planned.pairs, positiveIDs: positiveIDs, negativeIDs: negativeIDs)
        return ContrastiveBatch(anchorTextIDs: anchorIDs, candidateTextIDs: candidateIDs, padding: padding)
    }
}

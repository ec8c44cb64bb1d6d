import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// One batch of the plan the loop iterates: pair indices of one epoch, all from one source.
public struct PlannedBatch: Sendable, Equatable {
    /// The epoch (0-based): which augmented anchors the batch's pairs use.
    public var epoch: Int
    /// Indices into `TrainingSet.pairs`.
    public var pairs: [Int]
    /// The source the pairs are from (an index into `TrainingSet.sources`; 0 for the one-file form).
    public var source: Int = 0
}

/// One source of a training set: its name and its pairs' place among all pairs.
public struct SourceSpan: Sendable, Equatable {
    /// The source's name ("" for the one-file form, `pairs:`).
    public var name: String
    /// Its pairs (inverse-cloze pairs included) in `TrainingSet.pairs`.
    public var pairs: Range<Int>
}

/// One source's pairs as read, before the prepare stage, with the recipe as that source reads
/// (its file, fields, `max_pairs` and prompts).
public struct SourcePairs {
    /// nil for the one-file form.
    public var name: String?
    public var recipe: Recipe
    public var pairSet: PairSet
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
    /// The sources, in the recipe's order (one unnamed source for the one-file form).
    public var sources: [SourceSpan]
    /// Is this the `sources:` form (sources named in the log and summary)?
    public var hasNamedSources: Bool
    /// Each epoch's source of each batch of `plans` (all 0 for the one-file form).
    public var planSources: [[Int]]
    /// What each source gave each epoch (empty for the one-file form).
    public var sourceEpochs: [[SourceEpoch]]

    /// Every batch in the order the loop runs them.
    public var batches: [PlannedBatch] {
        plans.enumerated().flatMap { e, plan in
            plan.batches.enumerated().map { i, b in PlannedBatch(epoch: e, pairs: b, source: planSources[e][i]) }
        }
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

    /// Each source's pairs (`readPairs` with the recipe as that source reads); the one-file form
    /// is one unnamed source. A source's error is one line naming the source.
    public static func readSources(_ r: Recipe, log: (String) -> Void) throws -> [SourcePairs] {
        guard !r.sources.isEmpty else { return [SourcePairs(name: nil, recipe: r, pairSet: try readPairs(r, log: log))] }
        return try r.sources.map { s in
            let sr = s.recipe(from: r)
            do {
                guard FileManager.default.fileExists(atPath: sr.pairs) else { throw AttuneError.fileNotFound(path: sr.pairs) }
                let set = try readPairs(sr, log: { log("source \(s.name): " + $0) })
                log("source \(s.name): \(set.pairs.count) pairs from \(sr.pairs)")
                return SourcePairs(name: s.name, recipe: sr, pairSet: set)
            } catch let e as AttuneError {
                throw AttuneError.invalid("source \"\(s.name)\" (sources.\(s.name).pairs): \(e)")
            }
        }
    }

    /// Prepare `pairSet` for `model` (its prompts applied, its training length set), whose layers
    /// below `frozenLayers` are frozen: texts, tokens, the frozen cache (in `output`), the guide's
    /// embeddings and the batch plans.
    public init(_ pairSet: PairSet, recipe r: Recipe, model: SentenceModel, prompts: TrainingPrompts, frozenLayers: Int,
                output: URL, log: (String) -> Void, cacheProgress: ((Int, Int) -> Void)?) throws {
        try self.init(sources: [SourcePairs(name: nil, recipe: r, pairSet: pairSet)], recipe: r, model: model, prompts: [prompts],
                      frozenLayers: frozenLayers, output: output, log: log, cacheProgress: cacheProgress)
    }

    /// Prepare several sources (`readSources`) together, each with its own `prompts` (one per
    /// source): one text numbering, one frozen cache and one guide over all of them; the batch
    /// plans by `MultiSourceBatcher` (each batch from one source), or for one unnamed source as
    /// the one-file form always did.
    public init(sources: [SourcePairs], recipe r: Recipe, model: SentenceModel, prompts: [TrainingPrompts], frozenLayers: Int,
                output: URL, log: (String) -> Void, cacheProgress: ((Int, Int) -> Void)?) throws {
        precondition(!sources.isEmpty && prompts.count == sources.count, "TrainingSet: one prompt pair per source")
        let pairs = sources.flatMap(\.pairSet.pairs)
        self.pairs = pairs
        skippedEmpty = sources.reduce(0) { $0 + $1.pairSet.skippedEmpty }
        skippedBad = sources.reduce(0) { $0 + $1.pairSet.skippedBad }
        var spans: [SourceSpan] = [], start = 0
        for s in sources {
            spans.append(SourceSpan(name: s.name ?? "", pairs: start..<(start + s.pairSet.pairs.count)))
            start += s.pairSet.pairs.count
        }
        self.sources = spans
        let named = sources.count > 1 || sources[0].name != nil
        hasNamedSources = named
        var unique = uniqueTexts(prompts.indices.map { k in
            (pairs: pairs[spans[k].pairs], anchorPrompt: prompts[k].anchor, positivePrompt: prompts[k].positive)
        })
        let anchorPrompts: [String]? = named ? zip(spans, prompts).flatMap { span, p in Array(repeating: p.anchor, count: span.pairs.count) } : nil
        let byEpoch = Trainer.augmentedAnchors(pairs, unique: &unique, augmenter: r.augment, anchorPrompt: prompts[0].anchor,
                                               anchorPrompts: anchorPrompts, seed: UInt64(r.seed), epochs: r.epochs)
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

        let ids = (anchors: byEpoch, positives: unique.positiveIDs, negatives: unique.negativeIDs)
        if named {
            let weights = sources.compactMap { $0.name.flatMap { n in r.sources.first { $0.name == n }?.weight } }
            let batcher = MultiSourceBatcher(batchSize: r.batchSize, seed: UInt64(r.seed),
                                             sampling: r.sampling,
                                             weights: weights.count == sources.count ? weights : nil, epochs: r.epochs)
            let multi = (0..<r.epochs).map { e in
                batcher.plan(spans.map { span in
                    SourceTexts(anchorIDs: Array(ids.anchors[e][span.pairs]), positiveIDs: Array(ids.positives[span.pairs]),
                                negativeIDs: Array(ids.negatives[span.pairs]), offset: span.pairs.lowerBound)
                }, epoch: e)
            }
            if let empty = spans.indices.first(where: { multi[0].perSource[$0].batchesPerPass == 0 }) {
                throw AttuneError.invalid("source \"\(spans[empty].name)\" (sources.\(spans[empty].name).pairs): no full batch of \(r.batchSize) distinct texts could be formed")
            }
            plans = multi.map(\.plan)
            planSources = multi.map(\.sources)
            sourceEpochs = multi.map(\.perSource)
            for (e, m) in multi.enumerated() {
                let parts = zip(spans, m.perSource).map { span, s in
                    String(format: "%@ %d (%.2f pass(es) of its %d pairs)", span.name, s.batches, s.passes, span.pairs.count)
                }
                log("epoch \(e + 1)/\(r.epochs): \(m.batches.count) batches by \(r.sampling.rawValue): " + parts.joined(separator: ", "))
            }
        } else {
            let batcher = NoDuplicateBatcher(batchSize: r.batchSize, seed: UInt64(r.seed))
            plans = (0..<r.epochs).map {
                batcher.batches(anchorIDs: ids.anchors[$0], positiveIDs: ids.positives, negativeIDs: ids.negatives, epoch: $0)
            }
            planSources = plans.map { Array(repeating: 0, count: $0.batches.count) }
            sourceEpochs = []
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
                                 strategy: r.guideMarginStrategy)
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

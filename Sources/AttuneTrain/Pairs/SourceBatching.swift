import AttuneCore
import Foundation

/// One source's pairs as text IDs (see `uniqueTexts`); its pairs are `offset ..< offset + count`
/// of the training set.
public struct SourceTexts: Sendable {
    public var anchorIDs: [Int32]
    public var positiveIDs: [Int32]
    public var negativeIDs: [[Int32]]
    /// Where the source's pairs start among all pairs.
    public var offset: Int

    public init(anchorIDs: [Int32], positiveIDs: [Int32], negativeIDs: [[Int32]], offset: Int) {
        self.anchorIDs = anchorIDs
        self.positiveIDs = positiveIDs
        self.negativeIDs = negativeIDs
        self.offset = offset
    }
}

/// What one source gives one epoch.
public struct SourceEpoch: Sendable, Equatable {
    /// Batches one pass over the source's pairs fills.
    public var batchesPerPass: Int
    /// Batches it gives this epoch (more than a pass: further passes, shuffled anew; fewer: the
    /// first ones of the pass).
    public var batches: Int
    /// Of the first pass: pairs pushed to a later batch, and pairs left out of a last incomplete batch.
    public var deferred: Int, dropped: Int

    /// Passes over the source this epoch (1 = each of its batches once).
    public var passes: Double { Double(batches) / Double(max(batchesPerPass, 1)) }
}

/// The batches of one epoch over several sources, in the order they run.
public struct MultiSourcePlan: Sendable, Equatable {
    /// Each batch's pair indices (into all pairs: `SourceTexts.offset` added).
    public var batches: [[Int]]
    /// The source of each batch.
    public var sources: [Int]
    /// What each source gave.
    public var perSource: [SourceEpoch]

    /// The epoch as a `BatchPlan` (deferrals and drops summed over the sources' first passes).
    public var plan: BatchPlan {
        BatchPlan(batches: batches, deferred: perSource.reduce(0) { $0 + $1.deferred }, dropped: perSource.reduce(0) { $0 + $1.dropped })
    }
}

/// Plans the batches of several training sources, as sentence-transformers trains on a dict of
/// datasets with `multi_dataset_batch_sampler`: each batch comes from one source (so its in-batch
/// negatives are from that source) and is filled by `NoDuplicateBatcher` (no text twice in a
/// batch); the sources interleave by `sampling`.
///
/// - `proportional`: every batch of every source once an epoch, in a random order seeded by the
///   seed and the epoch. With `weights`, the epoch keeps its number of batches (the sum over the
///   sources) and source *k* gets `weight_k / Σ weight` of them (rounded, at least 1): a source
///   asked for more than it has runs further passes over its pairs (each shuffled anew), one asked
///   for fewer gives the first batches of its pass.
/// - `round_robin`: one batch of each source in turn, in list order; the epoch ends when the
///   smallest source has given all its batches (the others' remaining batches are left out).
///
/// Source *k* shuffles with `seed + k·0x9E3779B97F4A7C15`, so the first source alone plans exactly
/// as `NoDuplicateBatcher(seed:)` does.
public struct MultiSourceBatcher: Sendable {
    public var batchSize: Int
    public var seed: UInt64
    public var sampling: SourceSampling
    /// One positive weight per source, or nil: in proportion to each source's batches.
    public var weights: [Double]?
    /// Epochs of the run: a further pass of epoch e is shuffled as "epoch e + pass·epochs".
    public var epochs: Int

    public init(batchSize: Int, seed: UInt64, sampling: SourceSampling, weights: [Double]? = nil, epochs: Int = 1) {
        self.batchSize = batchSize
        self.seed = seed
        self.sampling = sampling
        self.weights = weights
        self.epochs = epochs
    }

    /// Source `k`'s own batcher.
    func batcher(_ k: Int) -> NoDuplicateBatcher {
        NoDuplicateBatcher(batchSize: batchSize, seed: seed &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The batches of epoch `epoch` over `sources`.
    public func plan(_ sources: [SourceTexts], epoch: Int) -> MultiSourcePlan {
        precondition(weights == nil || weights!.count == sources.count, "MultiSourceBatcher: one weight per source")
        func pass(_ k: Int, _ p: Int) -> BatchPlan {
            let s = sources[k]
            return batcher(k).batches(anchorIDs: s.anchorIDs, positiveIDs: s.positiveIDs, negativeIDs: s.negativeIDs,
                                      epoch: epoch + p * max(epochs, 1))
        }
        let first = sources.indices.map { pass($0, 0) }
        let sizes = first.map(\.batches.count)
        let counts: [Int]
        switch sampling {
        case .roundRobin: counts = Array(repeating: sizes.min() ?? 0, count: sizes.count)
        case .proportional: counts = weights.map { Self.shares(total: sizes.reduce(0, +), weights: $0) } ?? sizes
        }
        var lists: [[[Int]]] = []
        for k in sources.indices {
            var list = first[k].batches
            var p = 1
            while list.count < counts[k] && sizes[k] > 0 {
                list += pass(k, p).batches
                p += 1
            }
            let offset = sources[k].offset
            lists.append(list.prefix(counts[k]).map { $0.map { $0 + offset } })
        }
        var order: [Int] = []
        switch sampling {
        case .roundRobin:
            for _ in 0..<(counts.min() ?? 0) { order += sources.indices }
        case .proportional:
            let labels = sources.indices.flatMap { Array(repeating: $0, count: lists[$0].count) }
            order = NoDuplicateBatcher(batchSize: 1, seed: seed ^ 0x5EED_0F_50_0CE5).shuffledIndices(labels.count, epoch: epoch).map { labels[$0] }
        }
        var next = Array(repeating: 0, count: sources.count)
        var batches: [[Int]] = []
        batches.reserveCapacity(order.count)
        for k in order {
            batches.append(lists[k][next[k]])
            next[k] += 1
        }
        let perSource = sources.indices.map {
            SourceEpoch(batchesPerPass: sizes[$0], batches: lists[$0].count, deferred: first[$0].deferred, dropped: first[$0].dropped)
        }
        return MultiSourcePlan(batches: batches, sources: order, perSource: perSource)
    }

    /// `total` split by `weights` (largest remainders; every source at least 1).
    static func shares(total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let exact = weights.map { Double(total) * $0 / sum }
        var counts = exact.map { max(1, Int($0.rounded(.down))) }
        var left = total - counts.reduce(0, +)
        let remainder = exact.map { $0 - $0.rounded(.down) }
        for i in exact.indices.sorted(by: { (remainder[$0], $1) > (remainder[$1], $0) }) where left > 0 {
            counts[i] += 1
            left -= 1
        }
        return counts
    }
}

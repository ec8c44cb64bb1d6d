import AttuneCore
import Foundation

/// Guided in-batch false-negative filtering, as in GISTEmbed (Solatorio 2024) and
/// sentence-transformers' `GISTEmbedLoss`: a guide model (by default the base model, before any
/// training) scores every in-batch candidate against the anchor, and a candidate the guide rates
/// above the anchor's own positive (less a margin) is left out of the anchor's softmax — it is more
/// likely another right answer than a negative.
///
/// The guide's embeddings are computed once per unique text before training (`embeddings`), so a
/// step costs one small `[B, B·(1+k)]` product of guide vectors.
public struct GuideFilter {
    /// How the margin is applied to the positive's guide score.
    public enum MarginStrategy: String, Sendable, CaseIterable, Codable {
        /// Mask a candidate scoring above `positive − margin`.
        case absolute
        /// Mask a candidate scoring above `positive × (1 − margin)`.
        case relative
    }

    /// L2-normalised guide embeddings, one row per unique text ID: `[texts, d]`.
    public let embeddings: Tensor
    public var margin: Float
    public var strategy: MarginStrategy

    public init(embeddings: Tensor, margin: Float = 0, strategy: MarginStrategy = .absolute) {
        precondition(embeddings.rank == 2, "GuideFilter: embeddings must be [texts, d], got \(embeddings.shape)")
        self.embeddings = embeddings
        self.margin = margin
        self.strategy = strategy
    }

    /// The masks for one batch laid out as `MultipleNegativesRankingLoss` takes it: anchor `i`'s
    /// own positive is candidate `i`. The backward masks (positive `i` against anchor `j`) are
    /// computed only when `symmetric`.
    public func masks(anchorTextIDs: [Int32], candidateTextIDs: [Int32], symmetric: Bool) -> LossMasks {
        let b = anchorTextIDs.count
        let a = rows(anchorTextIDs), c = rows(candidateTextIDs)
        let s = a.matmul(c, transB: true)  // [B, C] guide cosines (rows are unit length)
        let n = s.cols
        var forward = [[Int]](repeating: [], count: b)
        var threshold = [Float](repeating: 0, count: b)
        for i in 0..<b {
            let row = s.data + i * n
            threshold[i] = limit(positive: row[i])
            for j in 0..<n where j != i && row[j] > threshold[i] { forward[i].append(j) }
        }
        guard symmetric else { return LossMasks(forward: forward) }
        // Positive i against anchor j: the same guide score as anchor j against candidate i.
        var backward = [[Int]](repeating: [], count: b)
        for i in 0..<b {
            for j in 0..<b where j != i && s.data[j * n + i] > threshold[i] { backward[i].append(j) }
        }
        return LossMasks(forward: forward, backward: backward)
    }

    /// The score above which a candidate is masked, given the guide's score of the positive.
    func limit(positive p: Float) -> Float {
        switch strategy {
        case .absolute: return p - margin
        case .relative: return p * (1 - margin)
        }
    }

    /// The guide rows of `ids`, gathered into one matrix.
    private func rows(_ ids: [Int32]) -> Tensor {
        let d = embeddings.cols
        let out = Tensor(uninitialized: [ids.count, d])
        for (r, id) in ids.enumerated() {
            precondition(Int(id) >= 0 && Int(id) < embeddings.rows, "GuideFilter: text ID \(id) has no guide embedding")
            (out.data + r * d).update(from: embeddings.data + Int(id) * d, count: d)
        }
        return out
    }
}

/// A loss with a guide's false-negative filter (sentence-transformers' `GISTEmbedLoss` around the
/// loss it wraps): the guide's masks are added to the batch's (its padding), once per batch, and
/// `base` scores with them at every dimension and in both directions.
public struct GuidedLoss<Base: EmbeddingLoss>: EmbeddingLoss {
    public var base: Base
    public var guide: GuideFilter
    /// Also mask the symmetric direction (as `base` ranks anchors for each positive).
    public var symmetric: Bool

    public init(base: Base, guide: GuideFilter, symmetric: Bool) {
        self.base = base
        self.guide = guide
        self.symmetric = symmetric
    }

    public func callAsFunction(anchors: Tensor, candidates: Tensor, batch: ContrastiveBatch, stats: inout LossStats) -> Tensor {
        let a = batch.anchorTextIDs, c = batch.candidateTextIDs
        let m = guide.masks(anchorTextIDs: a, candidateTextIDs: c, symmetric: symmetric)
        // Padding slots are masked anyway: they are not the guide's doing.
        let pad = Set(batch.padding)
        stats.guideMasked += m.forward.reduce(0) { $0 + $1.filter { !pad.contains($0) }.count }
            + (m.backward?.reduce(0) { $0 + $1.count } ?? 0)
        let b = a.count, real = c.count - batch.padding.count
        stats.negativesScored += b * (real - 1) + (symmetric ? b * (b - 1) : 0)
        var guided = batch
        guided.masks = LossMasks(forward: LossMasks.union(m.forward, batch.masks?.forward), backward: m.backward)
        return base(anchors: anchors, candidates: candidates, batch: guided, stats: &stats)
    }
}

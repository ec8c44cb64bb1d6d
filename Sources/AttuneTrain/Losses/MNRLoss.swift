import AttuneCore
import Foundation

/// Multiple-negatives ranking loss (InfoNCE with in-batch negatives), as sentence-transformers'
/// `MultipleNegativesRankingLoss` and, when `symmetric`, `MultipleNegativesSymmetricRankingLoss`.
///
/// Row `i` scores anchor `i` against every candidate by `scale · cosine` and takes the
/// cross-entropy toward column `i` (its own positive). Candidates that are also right answers
/// for anchor `i` are left out of row `i` rather than counted as negatives (MedQuAD repeats
/// answers and questions): any column `j ≠ i` whose text ID equals that of positive `i`, and any
/// positive column `j < B` whose pair has the same anchor text as pair `i`.
///
/// Symmetric adds the backward direction: positive `i` against all anchors, toward anchor `i`
/// (leaving out anchors `j ≠ i` that share pair `i`'s anchor or positive text), and returns the
/// mean of the two losses.
public struct MultipleNegativesRankingLoss: Sendable {
    /// Multiplies cosine similarities before the softmax (an inverse temperature).
    public var scale: Float
    /// Also rank anchors for each positive, and average the two directions.
    public var symmetric: Bool

    public init(scale: Float = 20, symmetric: Bool = false) {
        self.scale = scale
        self.symmetric = symmetric
    }

    /// The loss, a scalar tensor.
    /// - Parameters:
    ///   - anchors: `[B, d]` anchor embeddings.
    ///   - candidates: `[B·(1+k), d]`: the `B` positives in pair order, then each column of hard
    ///     negatives (`B` rows each).
    ///   - anchorTextIDs: the text ID of each anchor (`B`).
    ///   - candidateTextIDs: the text ID of each candidate (`B·(1+k)`).
    ///   - masks: further columns to leave out of each row (a `GuideFilter`'s likely false
    ///     negatives): `forward[i]` for anchor row `i`, `backward[i]` for positive row `i` of the
    ///     symmetric direction. A row's own positive is never left out.
    public func callAsFunction(anchors: Tensor, candidates: Tensor,
                               anchorTextIDs: [Int32], candidateTextIDs: [Int32],
                               masks: LossMasks? = nil) -> Tensor {
        let b = anchors.rows, c = candidates.rows
        precondition(anchors.rank == 2 && candidates.rank == 2 && b > 0 && c >= b && c % b == 0,
                     "MultipleNegativesRankingLoss: anchors \(anchors.shape) and candidates \(candidates.shape) are not [B, d] and [B·(1+k), d]")
        precondition(anchorTextIDs.count == b && candidateTextIDs.count == c,
                     "MultipleNegativesRankingLoss: \(anchorTextIDs.count) anchor IDs and \(candidateTextIDs.count) candidate IDs for \(b) anchors and \(c) candidates")
        let forward = anchors.cosineSimilarity(candidates).scaled(scale)
            .crossEntropy(targets: Array(0..<b),
                          exclude: LossMasks.union(Self.forwardExclusions(anchorTextIDs, candidateTextIDs), masks?.forward))
        guard symmetric else { return forward }
        let positives = c == b ? candidates : candidates.sliceRows(0..<b)
        let backward = positives.cosineSimilarity(anchors).scaled(scale)
            .crossEntropy(targets: Array(0..<b),
                          exclude: LossMasks.union(Self.backwardExclusions(anchorTextIDs, candidateTextIDs), masks?.backward))
        return forward.add(backward).scaled(0.5)
    }

    /// For each anchor row, the candidate columns that are also right answers.
    static func forwardExclusions(_ anchorIDs: [Int32], _ candidateIDs: [Int32]) -> [[Int]] {
        let b = anchorIDs.count
        var byText: [Int32: [Int]] = [:]
        for (j, t) in candidateIDs.enumerated() { byText[t, default: []].append(j) }
        var byAnchor: [Int32: [Int]] = [:]
        for (j, t) in anchorIDs.enumerated() { byAnchor[t, default: []].append(j) }
        return (0..<b).map { i in
            var ex = byText[candidateIDs[i]]!.filter { $0 != i }
            ex += byAnchor[anchorIDs[i]]!.filter { $0 != i && !ex.contains($0) }
            return ex
        }
    }

    /// For each positive row, the anchor columns whose pair has the same anchor or positive text.
    static func backwardExclusions(_ anchorIDs: [Int32], _ candidateIDs: [Int32]) -> [[Int]] {
        let b = anchorIDs.count
        return (0..<b).map { i in
            (0..<b).filter { j in j != i && (anchorIDs[j] == anchorIDs[i] || candidateIDs[j] == candidateIDs[i]) }
        }
    }
}

extension MultipleNegativesRankingLoss: EmbeddingLoss {
    /// The loss with the batch's text IDs and masks (the innermost loss: it counts nothing).
    public func callAsFunction(anchors: Tensor, candidates: Tensor, batch: ContrastiveBatch, stats: inout LossStats) -> Tensor {
        self(anchors: anchors, candidates: candidates, anchorTextIDs: batch.anchorTextIDs,
             candidateTextIDs: batch.candidateTextIDs, masks: batch.masks)
    }
}

/// Columns to leave out of each row of the ranking loss, beyond the ones that repeat a row's own
/// answer: what a guide model judges to be false negatives.
public struct LossMasks: Sendable, Equatable {
    /// For anchor row `i`, candidate columns to leave out.
    public var forward: [[Int]]
    /// For positive row `i` (symmetric loss only), anchor columns to leave out; nil when not computed.
    public var backward: [[Int]]?

    public init(forward: [[Int]], backward: [[Int]]? = nil) {
        self.forward = forward
        self.backward = backward
    }

    /// How many (row, column) entries are masked in all.
    public var count: Int { forward.reduce(0) { $0 + $1.count } + (backward?.reduce(0) { $0 + $1.count } ?? 0) }

    /// Row-wise union of two exclusion lists (`extra` may be nil).
    static func union(_ base: [[Int]], _ extra: [[Int]]?) -> [[Int]] {
        guard let extra else { return base }
        precondition(extra.count == base.count, "LossMasks: \(extra.count) rows of masks for \(base.count) rows")
        return zip(base, extra).map { b, e in b + e.filter { !b.contains($0) } }
    }
}

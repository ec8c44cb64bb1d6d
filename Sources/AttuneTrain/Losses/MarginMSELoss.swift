import AttuneCore
import AttuneData
import Foundation

/// A teacher's score of (anchor, candidate) pairs, keyed by the training set's text IDs: what
/// `MarginMSELoss` distils. Computed once per run (a cross-encoder's logits of each pair's
/// positive and hard negatives) and cached in the run's folder.
public struct TeacherScores: Sendable, Equatable {
    private var scores: [UInt64: Float]

    public init() { scores = [:] }

    static func key(_ anchor: Int32, _ candidate: Int32) -> UInt64 { UInt64(UInt32(bitPattern: anchor)) << 32 | UInt64(UInt32(bitPattern: candidate)) }

    /// The teacher's score of `candidate` for `anchor` (text IDs), if it scored that pair.
    public subscript(anchor: Int32, candidate: Int32) -> Float? {
        get { scores[Self.key(anchor, candidate)] }
        set { scores[Self.key(anchor, candidate)] = newValue }
    }

    public var count: Int { scores.count }
}

/// Margin-MSE distillation (Hofstätter et al. 2020; sentence-transformers' `MarginMSELoss`): for
/// each anchor and each of its hard negatives, the student's margin `scale·cos(a, p) − scale·cos(a, n)`
/// is pulled toward the teacher's `t(a, p) − t(a, n)` (a cross-encoder's logits), beside the loss it
/// wraps:
///
///     loss = baseWeight · base(batch) + weight · mean_(i, n) (student margin − teacher margin)²
///
/// With `baseWeight` 0 the base is not computed (Margin-MSE alone). Only the batch's own hard
/// negatives have teacher scores, so only they count (padding slots, and pairs the teacher did not
/// score, are left out); the in-batch negatives stay the base's.
public struct MarginMSELoss<Base: EmbeddingLoss>: EmbeddingLoss {
    public var base: Base
    public var teacher: TeacherScores
    /// Multiplies the student's cosines, putting them on the teacher's logit scale (MNRL's `scale`).
    public var scale: Float
    public var weight: Float
    public var baseWeight: Float

    public init(base: Base, teacher: TeacherScores, scale: Float, weight: Float = 1, baseWeight: Float = 1) {
        self.base = base
        self.teacher = teacher
        self.scale = scale
        self.weight = weight
        self.baseWeight = baseWeight
    }

    /// The margins of a batch laid out as `ContrastiveBatch` says (`B` anchors; `B` positives, then
    /// each column of `B` negatives), as indices into the `[B, B·(1+k)]` score matrix.
    public func margins(_ batch: ContrastiveBatch) -> [MarginTarget] {
        let b = batch.anchorTextIDs.count, columns = batch.candidateTextIDs.count / max(b, 1)
        let padding = Set(batch.padding)
        var out: [MarginTarget] = []
        for i in 0..<b {
            let a = batch.anchorTextIDs[i]
            guard let tp = teacher[a, batch.candidateTextIDs[i]] else { continue }
            for j in 1..<max(columns, 1) {
                let slot = j * b + i
                guard !padding.contains(slot), let tn = teacher[a, batch.candidateTextIDs[slot]] else { continue }
                out.append(MarginTarget(row: i, positive: i, negative: slot, target: tp - tn))
            }
        }
        return out
    }

    public func callAsFunction(anchors: Tensor, candidates: Tensor, batch: ContrastiveBatch, stats: inout LossStats) -> Tensor {
        let m = margins(batch)
        let scores = anchors.cosineSimilarity(candidates).scaled(scale)
        // No margin in the batch: a zero that is still on the tape, so backward has a path.
        let distil = m.isEmpty ? scores.sum().scaled(0) : scores.marginMSE(m)
        let d = weight == 1 ? distil : distil.scaled(weight)
        guard baseWeight > 0 else { return d }
        let b = base(anchors: anchors, candidates: candidates, batch: batch, stats: &stats)
        return (baseWeight == 1 ? b : b.scaled(baseWeight)).add(d)
    }
}

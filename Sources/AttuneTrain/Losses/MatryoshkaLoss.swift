import AttuneCore
import AttuneData
import Foundation

/// Matryoshka representation learning (Kusupati et al. 2022; sentence-transformers'
/// `MatryoshkaLoss` around `MultipleNegativesRankingLoss`): the ranking loss of the embeddings cut
/// to their first `d` values, for each `d` in `dims`, weighted and summed —
///
///     loss = Σ_k weights[k] · MNRL(anchors[:, :dims[k]], candidates[:, :dims[k]])
///
/// so that every listed prefix of the embedding ranks on its own. The ranking loss scores by
/// cosine, so each prefix is re-normalised; hard negatives, the symmetric direction and the
/// guide's masks apply at every dimension alike. With no `dims` it is the ranking loss itself.
///
/// It is a function of the whole batch's embeddings like the ranking loss, so GradCache
/// (`mini_batch_size`) takes it unchanged: its gradient with respect to the embeddings is the
/// weighted sum of the per-dimension gradients.
public struct MatryoshkaLoss<Base: EmbeddingLoss>: EmbeddingLoss {
    /// The loss computed at each dimension.
    public var base: Base
    /// The prefix lengths trained (empty: the full embedding only, as `base`).
    public var dims: [Int]
    /// One weight per dimension.
    public var weights: [Float]

    /// Throws `AttuneError.badConfig` naming `matryoshka_dims` or `matryoshka_weights` (as a recipe
    /// spells them) unless `MatryoshkaLoss.problem` finds nothing. `weights` nil or empty is 1 each.
    public init(base: Base, dims: [Int], weights: [Float]? = nil, dimension: Int,
                source: String = "recipe") throws {
        let w = (weights ?? []).isEmpty ? Array(repeating: Float(1), count: dims.count) : weights!
        if let (field, what) = Self.problem(dims: dims, weights: w.map(Double.init), dimension: dimension) {
            throw AttuneError.badConfig(source: source, field: field, what: what)
        }
        self.base = base
        self.dims = dims
        self.weights = w
    }

    /// What is wrong with these settings, as (key, message), or nil: every dim positive, none
    /// repeated, none above `dimension` (the model's embedding width, when known), one positive
    /// weight per dim (or no weights).
    public static func problem(dims: [Int], weights: [Double], dimension: Int?) -> (field: String, what: String)? {
        if let bad = dims.first(where: { $0 < 1 }) { return ("matryoshka_dims", "holds \(bad); every dimension must be at least 1") }
        var seen = Set<Int>()
        if let twice = dims.first(where: { !seen.insert($0).inserted }) {
            return ("matryoshka_dims", "lists \(twice) twice; each dimension once")
        }
        if let dimension, let big = dims.first(where: { $0 > dimension }) {
            return ("matryoshka_dims", "holds \(big), more than the model's \(dimension)-dimensional embeddings")
        }
        if !weights.isEmpty && weights.count != dims.count {
            return ("matryoshka_weights", "lists \(weights.count) weight(s) for \(dims.count) dimension(s) in matryoshka_dims; one each, or [] for all 1")
        }
        if let bad = weights.first(where: { !($0 > 0) || !$0.isFinite }) {
            return ("matryoshka_weights", "holds \(bad); every weight must be a positive number")
        }
        return nil
    }

    /// The weighted sum of the ranking loss over each prefix (see `MultipleNegativesRankingLoss`
    /// for the arguments); a scalar tensor.
    public func callAsFunction(anchors: Tensor, candidates: Tensor, anchorTextIDs: [Int32], candidateTextIDs: [Int32],
                               masks: LossMasks? = nil) -> Tensor {
        var batch = ContrastiveBatch(anchorTextIDs: anchorTextIDs, candidateTextIDs: candidateTextIDs)
        batch.masks = masks
        var stats = LossStats()
        return self(anchors: anchors, candidates: candidates, batch: batch, stats: &stats)
    }

    /// The weighted sum of `base` over each prefix of the embeddings; `base` itself without `dims`.
    public func callAsFunction(anchors: Tensor, candidates: Tensor, batch: ContrastiveBatch, stats: inout LossStats) -> Tensor {
        guard !dims.isEmpty else { return base(anchors: anchors, candidates: candidates, batch: batch, stats: &stats) }
        var total: Tensor? = nil
        for (d, w) in zip(dims, weights) {
            let a = d == anchors.cols ? anchors : anchors.prefixColumns(d)
            let c = d == candidates.cols ? candidates : candidates.prefixColumns(d)
            let term = base(anchors: a, candidates: c, batch: batch, stats: &stats)
            let weighted = w == 1 ? term : term.scaled(w)
            total = total.map { $0.add(weighted) } ?? weighted
        }
        return total!
    }
}

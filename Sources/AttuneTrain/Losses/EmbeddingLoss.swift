import AttuneCore
import Foundation

/// One contrastive batch as the losses see it: which text each embedded row is, and which
/// candidate columns no row may count as a negative.
///
/// Rows are laid out as `MultipleNegativesRankingLoss` takes them: the `B` anchors, then the `B`
/// positives in pair order, then each column of hard negatives (`B` rows each).
public struct ContrastiveBatch: Sendable {
    /// The text ID of each anchor (`B`).
    public var anchorTextIDs: [Int32]
    /// The text ID of each candidate (`B·(1+k)`).
    public var candidateTextIDs: [Int32]
    /// Candidate slots that are padding (a pair with fewer negatives than the batch's most repeats
    /// its positive there); every row masks them.
    public var padding: [Int]
    /// Columns each row leaves out beyond its own answer's repeats: the padding, and what a wrapping
    /// loss (`GuidedLoss`) adds before it calls the loss it wraps.
    public var masks: LossMasks?

    /// A batch whose masks are its padding slots (nil when there are none).
    public init(anchorTextIDs: [Int32], candidateTextIDs: [Int32], padding: [Int] = []) {
        self.anchorTextIDs = anchorTextIDs
        self.candidateTextIDs = candidateTextIDs
        self.padding = padding
        masks = padding.isEmpty ? nil : LossMasks(forward: Array(repeating: padding, count: anchorTextIDs.count))
    }

    /// Every row's text ID: anchors, then candidates (what the embedder embeds, in order).
    public var textIDs: [Int32] { anchorTextIDs + candidateTextIDs }
    /// Anchors plus candidates.
    public var rows: Int { anchorTextIDs.count + candidateTextIDs.count }
}

/// What the losses of a run counted, summed over its steps (for the summary).
public struct LossStats: Sendable, Equatable {
    /// In-batch candidates the guide masked as likely false negatives (padding not included).
    public var guideMasked = 0
    /// In-batch negatives scored while a guide was on (the denominator of `guideMasked`).
    public var negativesScored = 0

    public init() {}
}

/// Embeds rows `rows` of a batch (indices into `ContrastiveBatch.textIDs`), drawing its dropout
/// masks from `seed`; on the tape when `onTape`, else the same arithmetic detached.
public typealias BatchEmbedder = (_ rows: Range<Int>, _ seed: UInt64, _ onTape: Bool) throws -> Tensor

/// A loss over a contrastive batch's embeddings. Losses compose by wrapping, as in
/// sentence-transformers (`MatryoshkaLoss(CachedGISTEmbedLoss(…))`); Attune's stack, outermost first:
///
///     CachedLoss (GradCache, mini_batch_size)     how the batch is embedded and back-propagated
///       GuidedLoss (guide)                        adds the guide's masks to the batch, once
///         MarginMSELoss (distill.teacher)         + a cross-encoder's margins over the hard negatives
///           MatryoshkaLoss (matryoshka_dims)      the inner loss at each embedding prefix
///             MultipleNegativesRankingLoss        InfoNCE with in-batch negatives
///
/// A wrapper that only changes the loss value implements `callAsFunction`; one that changes how the
/// batch is embedded and differentiated (GradCache) implements `lossAndGradients` too.
public protocol EmbeddingLoss {
    /// The scalar loss of the batch from `anchors` `[B, d]` and `candidates` `[B·(1+k), d]`.
    func callAsFunction(anchors: Tensor, candidates: Tensor, batch: ContrastiveBatch, stats: inout LossStats) -> Tensor

    /// Embed the batch with `embed`, compute the loss and, when it is finite, accumulate every
    /// parameter's gradient. Returns the loss (its tape spent). The default is one pass on the tape
    /// with dropout from `seed`.
    func lossAndGradients(batch: ContrastiveBatch, seed: UInt64, embed: BatchEmbedder, stats: inout LossStats) throws -> Tensor
}

extension EmbeddingLoss {
    public func lossAndGradients(batch: ContrastiveBatch, seed: UInt64, embed: BatchEmbedder, stats: inout LossStats) throws -> Tensor {
        let emb = try embed(0..<batch.rows, seed, true)
        let l = split(emb, batch: batch, stats: &stats)
        if l[0].isFinite { l.backward() }
        return l
    }

    /// The loss of all rows' embeddings `[rows, d]`, split into anchors and candidates.
    func split(_ emb: Tensor, batch: ContrastiveBatch, stats: inout LossStats) -> Tensor {
        let b = batch.anchorTextIDs.count
        return self(anchors: emb.sliceRows(0..<b), candidates: emb.sliceRows(b..<batch.rows), batch: batch, stats: &stats)
    }
}

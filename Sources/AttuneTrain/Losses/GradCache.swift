import AttuneCore
import Foundation

/// GradCache (Gao et al. 2021, "Scaling Deep Contrastive Learning Batch Size under Memory Limited
/// Setup"; sentence-transformers' `CachedMultipleNegativesRankingLoss`): a contrastive batch of any
/// size at the memory of one mini-batch.
///
///     1. embed every mini-batch without the tape                      → E  [rows, d]
///     2. loss(E) on the tape with E as a leaf; backward               → G = ∂loss/∂E
///     3. for each mini-batch: embed again on the tape, backward(seed: G[rows of it])
///        → every parameter's gradient, accumulated over the mini-batches
///
/// The result equals one backward through the whole batch when both embeddings of a mini-batch
/// are the same function: `embed` must draw its dropout masks from the mini-batch's own index, so
/// the second pass repeats the first's masks.
public struct GradCache: Sendable {
    /// Texts embedded together in one pass.
    public var miniBatchSize: Int

    public init(miniBatchSize: Int) {
        precondition(miniBatchSize >= 1, "GradCache: mini-batch size \(miniBatchSize) < 1")
        self.miniBatchSize = miniBatchSize
    }

    /// The mini-batches of `rows` rows.
    public func chunks(_ rows: Int) -> [Range<Int>] {
        stride(from: 0, to: rows, by: miniBatchSize).map { $0..<min(rows, $0 + miniBatchSize) }
    }

    /// One step's loss, with the gradients of every parameter `embed` uses accumulated.
    /// - Parameters:
    ///   - rows: how many texts the batch embeds.
    ///   - embed: the embeddings `[chunk.count, d]` of the rows in `chunk` (the `index`-th
    ///     mini-batch); on the tape when `onTape`, else detached. Same masks for the same `index`.
    ///   - loss: the scalar loss from all `[rows, d]` embeddings.
    /// - Returns: the loss tensor (its value; its tape is already spent).
    public func step(rows: Int, embed: (_ chunk: Range<Int>, _ index: Int, _ onTape: Bool) throws -> Tensor,
                     loss: (Tensor) -> Tensor) rethrows -> Tensor {
        let parts = chunks(rows)
        // 1. All embeddings without the tape.
        let detached = try parts.enumerated().map { try embed($0.element, $0.offset, false) }
        let d = detached[0].cols
        let all = Tensor(zeros: [rows, d], requiresGrad: true)
        for (p, e) in zip(parts, detached) {
            precondition(e.rows == p.count && e.cols == d, "GradCache: embed gave \(e.shape) for \(p.count) rows")
            (all.data + p.lowerBound * d).update(from: e.data, count: e.count)
        }
        // 2. The loss and its gradient with respect to the embeddings.
        let l = loss(all)
        guard l[0].isFinite else { return l }
        l.backward()
        guard let g = all.gradient else { return l }
        // 3. Each mini-batch again, on the tape, seeded with its rows of that gradient.
        for (i, p) in parts.enumerated() {
            let e = try embed(p, i, true)
            let seed = Tensor(zeros: e.shape)
            seed.data.update(from: g.data + p.lowerBound * d, count: e.count)
            e.backward(seed: seed)
        }
        return l
    }
}

/// A loss computed with GradCache (sentence-transformers' `Cached…` losses): `base` unchanged, the
/// batch embedded `miniBatchSize` texts at a time, twice (see `GradCache`). The `i`-th mini-batch
/// draws its dropout masks from `seed + (i+1)·0xD1B54A32D192ED03` in both passes.
public struct CachedLoss<Base: EmbeddingLoss>: EmbeddingLoss {
    public var base: Base
    public var gradCache: GradCache

    public init(base: Base, miniBatchSize: Int) {
        self.base = base
        gradCache = GradCache(miniBatchSize: miniBatchSize)
    }

    public func callAsFunction(anchors: Tensor, candidates: Tensor, batch: ContrastiveBatch, stats: inout LossStats) -> Tensor {
        base(anchors: anchors, candidates: candidates, batch: batch, stats: &stats)
    }

    public func lossAndGradients(batch: ContrastiveBatch, seed: UInt64, embed: BatchEmbedder, stats: inout LossStats) throws -> Tensor {
        try gradCache.step(rows: batch.rows, embed: { chunk, index, onTape in
            try embed(chunk, seed &+ UInt64(index + 1) &* 0xD1B5_4A32_D192_ED03, onTape)
        }, loss: { emb in base.split(emb, batch: batch, stats: &stats) })
    }
}

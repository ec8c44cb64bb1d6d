import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// What the training loop optimises: the forward and backward pass of one planned batch over some
/// trained parameters. The loop (`TrainingLoop`) owns everything else — zeroing gradients, the
/// regularizer, clipping, AdamW, the NaN checks, checkpoints, dev checks and progress — so another
/// objective (e.g. a cross-encoder scoring concatenated (query, document) pairs with BCE or a
/// listwise loss) is one more conforming type, not a second trainer.
///
/// As llm.c's `train_gpt2.c` splits a step into `gpt2_forward`, `gpt2_backward` and `gpt2_update`,
/// an objective is the first two; `TrainingLoop.update` is the third.
public protocol TrainingObjective {
    /// The trained parameters with stable names (the optimizer, checkpoints and L2-SP see these,
    /// in this order).
    var parameters: [(name: String, tensor: Tensor)] { get }

    /// Forward and backward for `batch`: returns the loss and, when it is finite, leaves each
    /// parameter's gradient of it accumulated (the loop zeroes them before). `seed` is the step's:
    /// every random draw (dropout) comes from it, so a resumed run repeats the same step.
    mutating func forwardBackward(_ batch: PlannedBatch, seed: UInt64) throws -> Float
}

/// The bi-encoder objective: both sides of a pair through the same encoder, scored by an
/// `EmbeddingLoss` (MNRL, with the guide, Matryoshka and GradCache wrapped around it as the recipe
/// says).
///
///     gather the batch's cached frozen states → trainable layers (tape) → pool → head → normalize
///     → loss → backward
public struct BiEncoderObjective: TrainingObjective {
    public let model: TrainableModel
    public let set: TrainingSet
    public let loss: any EmbeddingLoss
    public var dropout: Float
    /// What the loss counted (guide masks), summed over the steps run.
    public private(set) var stats = LossStats()
    /// Candidate slots that were padding, summed over the steps run.
    public private(set) var paddedSlots = 0

    public init(model: TrainableModel, set: TrainingSet, loss: any EmbeddingLoss, dropout: Float) {
        self.model = model
        self.set = set
        self.loss = loss
        self.dropout = dropout
    }

    public var parameters: [(name: String, tensor: Tensor)] { model.parameters }

    public mutating func forwardBackward(_ planned: PlannedBatch, seed: UInt64) throws -> Float {
        let batch = set.contrastiveBatch(planned)
        paddedSlots += batch.padding.count
        let all = batch.textIDs
        let (model, cache, dropout) = (model, set.cache, dropout)
        let l = try loss.lossAndGradients(batch: batch, seed: seed, embed: { rows, seed, onTape in
            let ids = Array(all[rows])
            var rng = SplitMix64(seed: seed)
            return model.forward(hidden: try cache.gather(ids), lengths: ids.map { cache.lengths[Int($0)] },
                                 dropout: dropout, rng: &rng, onTape: onTape)
        }, stats: &stats)
        return l[0]
    }

    /// The ranking loss a recipe names, at its Matryoshka dimensions (none: the ranking loss itself).
    /// Throws naming `matryoshka_dims` or `matryoshka_weights`; built before the costly prepare stage.
    public static func rankingLoss(_ r: Recipe, dimension: Int) throws -> MatryoshkaLoss<MultipleNegativesRankingLoss> {
        try MatryoshkaLoss(base: MultipleNegativesRankingLoss(scale: r.scale, symmetric: r.symmetric),
                           dims: r.matryoshkaDims, weights: r.matryoshkaWeights.map(Float.init), dimension: dimension)
    }

    /// The loss a recipe names, composed as sentence-transformers composes its losses:
    /// `CachedLoss(GuidedLoss(MarginMSELoss(MatryoshkaLoss(MultipleNegativesRankingLoss))))`, the
    /// outer three only when the recipe has a `mini_batch_size`, a `guide` and a `distill.teacher`.
    public static func loss<L: EmbeddingLoss>(_ ranking: L, guide: GuideFilter?, teacher: TeacherScores? = nil,
                                              recipe r: Recipe) -> any EmbeddingLoss {
        var loss: any EmbeddingLoss = ranking
        if let teacher, r.distillTeacher != nil { loss = distilled(loss, teacher, r) }
        if let guide { loss = guided(loss, guide, symmetric: r.symmetric) }
        if let m = r.miniBatchSize { loss = cached(loss, miniBatchSize: m) }
        return loss
    }

    private static func distilled<L: EmbeddingLoss>(_ base: L, _ teacher: TeacherScores, _ r: Recipe) -> any EmbeddingLoss {
        MarginMSELoss(base: base, teacher: teacher, scale: r.scale, weight: r.distillWeight, baseWeight: r.distillBaseWeight)
    }

    private static func guided<L: EmbeddingLoss>(_ base: L, _ guide: GuideFilter, symmetric: Bool) -> any EmbeddingLoss {
        GuidedLoss(base: base, guide: guide, symmetric: symmetric)
    }

    private static func cached<L: EmbeddingLoss>(_ base: L, miniBatchSize: Int) -> any EmbeddingLoss {
        CachedLoss(base: base, miniBatchSize: miniBatchSize)
    }
}

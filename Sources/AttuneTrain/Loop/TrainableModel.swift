import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// A sentence model split for fine-tuning: layers below `firstTrainable` are frozen (their output
/// comes from a `FrozenCache`), the last layers and the optional Dense head hold trainable copies
/// of their weights, and only those record a tape.
public struct TrainableModel {
    public private(set) var model: SentenceModel
    /// Index of the first trainable encoder layer.
    public let firstTrainable: Int
    /// Index of the trained Dense head in `model.dense`, if one was added.
    public let headIndex: Int?

    /// Make the last `trainableLayers` layers trainable and, when `head` is true, append an
    /// identity-initialised `dim → dim` Dense head (no activation) before Normalize.
    public init(base: SentenceModel, trainableLayers: Int, head: Bool) throws {
        let n = base.bert.layers.count
        guard trainableLayers >= 0 && trainableLayers <= n else {
            throw AttuneError.badConfig(source: "recipe", field: "trainable_layers",
                                        what: "\(trainableLayers) is not between 0 and the model's \(n) layers")
        }
        var m = base
        firstTrainable = n - trainableLayers
        for i in firstTrainable..<n {
            m.bert.layers[i] = m.bert.layers[i].mapParameters { $0.copy(requiresGrad: true) }
        }
        if head {
            let h = DenseModule.identity(dim: m.dimension, requiresGrad: true)
            h.linear.weight.name = "head.weight"
            h.linear.bias?.name = "head.bias"
            m.dense.append(h)
            headIndex = m.dense.count - 1
        } else {
            headIndex = nil
        }
        model = m
        guard !parameters.isEmpty else {
            throw AttuneError.badConfig(source: "recipe", field: "trainable_layers",
                                        what: "nothing to train: 0 trainable layers and no head")
        }
    }

    /// The trainable parameters with stable names: `encoder.layer.N.…` as Hugging Face names
    /// them, `head.weight` / `head.bias` for the Dense head.
    public var parameters: [(name: String, tensor: Tensor)] {
        var out: [(name: String, tensor: Tensor)] = []
        for i in firstTrainable..<model.bert.layers.count {
            out += model.bert.layers[i].namedParameters.map { (name: "encoder.layer.\(i).\($0.0)", tensor: $0.1) }
        }
        if let h = headIndex {
            out.append((name: "head.weight", tensor: model.dense[h].linear.weight))
            if let b = model.dense[h].linear.bias { out.append((name: "head.bias", tensor: b)) }
        }
        return out
    }

    /// Embeddings of texts whose frozen-layer output is `hidden` (packed, `lengths` tokens each):
    /// trainable layers → pooling → Dense modules → Normalize, on the tape (or, with `onTape`
    /// false, the same arithmetic and dropout masks on detached weights: GradCache's first pass).
    public func forward(hidden: Tensor, lengths: [Int], dropout: Float, rng: inout SplitMix64,
                        onTape: Bool = true) -> Tensor {
        TrainableModel.top(onTape ? model : detachedView, from: firstTrainable, hidden: hidden, lengths: lengths,
                           dropout: dropout, rng: &rng)
    }

    /// Layers `first…` of `model` → pooling → Dense modules → Normalize over packed hidden states.
    static func top(_ model: SentenceModel, from first: Int, hidden: Tensor, lengths: [Int], dropout: Float,
                    rng: inout SplitMix64) -> Tensor {
        let h = model.bert.encode(hidden, lengths: lengths, layers: first..<model.bert.layers.count,
                                  dropout: dropout, rng: &rng)
        return model.head(model.pool(h, lengths: lengths))
    }

    /// The trainable weights' storage seen without the tape (updated in place by the optimizer).
    private var detachedView: SentenceModel { inferenceModel }

    /// The model as inference sees it: every weight detached (no tape), trained values included.
    public var inferenceModel: SentenceModel {
        var m = model
        for i in firstTrainable..<m.bert.layers.count { m.bert.layers[i] = m.bert.layers[i].mapParameters { $0.detached() } }
        m.dense = m.dense.map { DenseModule(linear: Linear(weight: $0.linear.weight.detached(), bias: $0.linear.bias?.detached()),
                                            activation: $0.activation) }
        return m
    }
}

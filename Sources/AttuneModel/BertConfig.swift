import AttuneCore
import Foundation

/// The shape of a BERT encoder, from a Hugging Face `config.json`.
public struct BertConfig: Equatable, Sendable {
    /// Width of every token vector (`hidden_size`).
    public var hiddenSize: Int
    /// Encoder layers (`num_hidden_layers`).
    public var numLayers: Int
    /// Attention heads per layer (`num_attention_heads`); divides `hiddenSize`.
    public var numHeads: Int
    /// Feed-forward width (`intermediate_size`).
    public var intermediateSize: Int
    /// LayerNorm epsilon (`layer_norm_eps`, default 1e-12).
    public var layerNormEps: Float
    /// Rows of the word embedding table (`vocab_size`).
    public var vocabSize: Int
    /// Rows of the position embedding table (`max_position_embeddings`).
    public var maxPositions: Int
    /// Rows of the token-type embedding table (`type_vocab_size`, default 2).
    public var typeVocabSize: Int
    /// The feed-forward activation (`gelu`, …) as config.json names it.
    public var hiddenAct: String

    public init(hiddenSize: Int, numLayers: Int, numHeads: Int, intermediateSize: Int, layerNormEps: Float = 1e-12,
                vocabSize: Int, maxPositions: Int, typeVocabSize: Int = 2, hiddenAct: String = "gelu") {
        self.hiddenSize = hiddenSize
        self.numLayers = numLayers
        self.numHeads = numHeads
        self.intermediateSize = intermediateSize
        self.layerNormEps = layerNormEps
        self.vocabSize = vocabSize
        self.maxPositions = maxPositions
        self.typeVocabSize = typeVocabSize
        self.hiddenAct = hiddenAct
    }

    /// Parse `config.json`. Only BERT (`model_type: bert`, or architectures `Bert…` when
    /// model_type is absent) with absolute position embeddings is accepted.
    public static func load(_ url: URL) throws -> BertConfig {
        let json = try ConfigJSON(url)
        if json.has("model_type") {
            let type = try json.string("model_type")
            guard type == "bert" else { throw json.fail("model_type", "unsupported architecture \(type) (only bert)") }
        } else {
            let archs = json.object["architectures"] as? [String] ?? []
            guard archs.contains(where: { $0.hasPrefix("Bert") }) else {
                throw json.fail("architectures", "unsupported architecture \(archs.first ?? "(none)") (only BertModel)")
            }
        }
        let positionType = try json.string("position_embedding_type", "absolute")
        guard positionType == "absolute" else {
            throw json.fail("position_embedding_type", "unsupported \(positionType) (only absolute)")
        }
        let config = BertConfig(
            hiddenSize: try json.positiveInt("hidden_size"), numLayers: try json.positiveInt("num_hidden_layers"),
            numHeads: try json.positiveInt("num_attention_heads"), intermediateSize: try json.positiveInt("intermediate_size"),
            layerNormEps: Float(try json.double("layer_norm_eps", 1e-12)), vocabSize: try json.positiveInt("vocab_size"),
            maxPositions: try json.positiveInt("max_position_embeddings"), typeVocabSize: try json.positiveInt("type_vocab_size", 2),
            hiddenAct: try json.string("hidden_act", "gelu"))
        guard config.hiddenSize % config.numHeads == 0 else {
            throw json.fail("num_attention_heads", "\(config.numHeads) heads do not divide hidden_size \(config.hiddenSize)")
        }
        return config
    }

    /// Every weight a BERT encoder of this shape has (Hugging Face names without the `bert.`
    /// prefix) with the shape it must have. Linear weights are `[out, in]`.
    public var expectedWeights: [(name: String, shape: [Int])] {
        let h = hiddenSize, i = intermediateSize
        var out: [(name: String, shape: [Int])] = [
            ("embeddings.word_embeddings.weight", [vocabSize, h]),
            ("embeddings.position_embeddings.weight", [maxPositions, h]),
            ("embeddings.token_type_embeddings.weight", [typeVocabSize, h]),
            ("embeddings.LayerNorm.weight", [h]), ("embeddings.LayerNorm.bias", [h]),
        ]
        for l in 0..<numLayers {
            let p = "encoder.layer.\(l)."
            for m in ["query", "key", "value"] {
                out.append((p + "attention.self.\(m).weight", [h, h]))
                out.append((p + "attention.self.\(m).bias", [h]))
            }
            out += [
                (p + "attention.output.dense.weight", [h, h]), (p + "attention.output.dense.bias", [h]),
                (p + "attention.output.LayerNorm.weight", [h]), (p + "attention.output.LayerNorm.bias", [h]),
                (p + "intermediate.dense.weight", [i, h]), (p + "intermediate.dense.bias", [i]),
                (p + "output.dense.weight", [h, i]), (p + "output.dense.bias", [h]),
                (p + "output.LayerNorm.weight", [h]), (p + "output.LayerNorm.bias", [h]),
            ]
        }
        return out
    }
}

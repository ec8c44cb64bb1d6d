import AttuneCore
import Foundation

/// The transformer architectures Attune runs (Hugging Face `model_type`).
public enum Architecture: String, Sendable, CaseIterable {
    /// BERT and its relatives that share its weights and layout (MiniLM, bge, e5, gte, PubMedBERT…):
    /// absolute position embeddings, token-type embeddings.
    case bert
    /// MPNet (all-mpnet-base-v2): positions start after the padding index, no token types, and a
    /// relative-position bias shared by all layers added to every head's attention scores.
    case mpnet
}

/// The feed-forward activation (`hidden_act`).
public enum Activation: String, Sendable {
    /// `x·Φ(x)` with the exact erf (`gelu`).
    case gelu
    /// The tanh approximation (`gelu_new`, `gelu_pytorch_tanh`, `gelu_fast`).
    case geluTanh = "gelu_new"
    /// `max(x, 0)` (`relu`).
    case relu

    /// The `hidden_act` names accepted, with what each means.
    static let names: [String: Activation] = ["gelu": .gelu, "gelu_new": .geluTanh, "gelu_pytorch_tanh": .geluTanh,
                                              "gelu_fast": .geluTanh, "relu": .relu]
}

/// The shape of a BERT-family encoder (BERT or MPNet), from a Hugging Face `config.json`.
public struct BertConfig: Equatable, Sendable {
    /// Which weights and embeddings the encoder has (`model_type`).
    public var architecture: Architecture
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
    /// Rows of the token-type embedding table (`type_vocab_size`, default 2; BERT only).
    public var typeVocabSize: Int
    /// The feed-forward activation (`hidden_act`).
    public var activation: Activation
    /// MPNet: the padding id, after which position ids start (`pad_token_id`, default 1).
    public var padTokenId: Int
    /// MPNet: buckets of the relative-position bias (`relative_attention_num_buckets`, default 32).
    public var relativeAttentionBuckets: Int

    public init(architecture: Architecture = .bert, hiddenSize: Int, numLayers: Int, numHeads: Int, intermediateSize: Int,
                layerNormEps: Float = 1e-12, vocabSize: Int, maxPositions: Int, typeVocabSize: Int = 2,
                activation: Activation = .gelu, padTokenId: Int = 1, relativeAttentionBuckets: Int = 32) {
        self.architecture = architecture
        self.hiddenSize = hiddenSize
        self.numLayers = numLayers
        self.numHeads = numHeads
        self.intermediateSize = intermediateSize
        self.layerNormEps = layerNormEps
        self.vocabSize = vocabSize
        self.maxPositions = maxPositions
        self.typeVocabSize = typeVocabSize
        self.activation = activation
        self.padTokenId = padTokenId
        self.relativeAttentionBuckets = relativeAttentionBuckets
    }

    /// The longest sequence (special tokens included) the position table can hold: every position for
    /// BERT; for MPNet the positions after `padTokenId` (514 rows → 512 tokens).
    public var maxSequenceLength: Int {
        architecture == .mpnet ? maxPositions - padTokenId - 1 : maxPositions
    }

    /// Parse `config.json`: `model_type` `bert` or `mpnet` (or, when absent, `architectures` naming
    /// one of them), absolute positions for BERT, and a `hidden_act` Attune computes exactly.
    public static func load(_ url: URL) throws -> BertConfig {
        let json = try ConfigJSON(url)
        let supported = Architecture.allCases.map(\.rawValue).joined(separator: ", ")
        let architecture: Architecture
        if json.has("model_type") {
            let type = try json.string("model_type")
            guard let a = Architecture(rawValue: type) else {
                throw json.fail("model_type", "unsupported architecture \(type) (supported: \(supported))")
            }
            architecture = a
        } else {
            let archs = json.object["architectures"] as? [String] ?? []
            if archs.contains(where: { $0.hasPrefix("Bert") }) {
                architecture = .bert
            } else if archs.contains(where: { $0.hasPrefix("MPNet") }) {
                architecture = .mpnet
            } else {
                throw json.fail("architectures", "unsupported architecture \(archs.first ?? "(none)") (supported: \(supported))")
            }
        }
        if architecture == .bert {
            let positionType = try json.string("position_embedding_type", "absolute")
            guard positionType == "absolute" else {
                throw json.fail("position_embedding_type", "unsupported \(positionType) (only absolute)")
            }
        }
        let act = try json.string("hidden_act", "gelu")
        guard let activation = Activation.names[act] else {
            throw json.fail("hidden_act", "unsupported activation \(act) (supported: \(Activation.names.keys.sorted().joined(separator: ", ")))")
        }
        let config = BertConfig(
            architecture: architecture,
            hiddenSize: try json.positiveInt("hidden_size"), numLayers: try json.positiveInt("num_hidden_layers"),
            numHeads: try json.positiveInt("num_attention_heads"), intermediateSize: try json.positiveInt("intermediate_size"),
            layerNormEps: Float(try json.double("layer_norm_eps", 1e-12)), vocabSize: try json.positiveInt("vocab_size"),
            maxPositions: try json.positiveInt("max_position_embeddings"), typeVocabSize: try json.positiveInt("type_vocab_size", 2),
            activation: activation, padTokenId: try json.int("pad_token_id", 1),
            relativeAttentionBuckets: try json.positiveInt("relative_attention_num_buckets", 32))
        guard config.hiddenSize % config.numHeads == 0 else {
            throw json.fail("num_attention_heads", "\(config.numHeads) heads do not divide hidden_size \(config.hiddenSize)")
        }
        if architecture == .mpnet {
            guard config.padTokenId >= 0 && config.maxSequenceLength >= 2 else {
                throw json.fail("max_position_embeddings", "\(config.maxPositions) leaves no positions after pad_token_id \(config.padTokenId)")
            }
            guard config.relativeAttentionBuckets >= 4 && config.relativeAttentionBuckets % 2 == 0 else {
                throw json.fail("relative_attention_num_buckets", "must be an even number ≥ 4, got \(config.relativeAttentionBuckets)")
            }
        }
        return config
    }

    /// Weight names of one layer, relative to `encoder.layer.N.`, by role.
    struct LayerNames {
        let query, key, value, attentionOutput, attentionNorm, intermediate, output, outputNorm: String
    }

    var layerNames: LayerNames {
        switch architecture {
        case .bert:
            return LayerNames(query: "attention.self.query", key: "attention.self.key", value: "attention.self.value",
                              attentionOutput: "attention.output.dense", attentionNorm: "attention.output.LayerNorm",
                              intermediate: "intermediate.dense", output: "output.dense", outputNorm: "output.LayerNorm")
        case .mpnet:
            return LayerNames(query: "attention.attn.q", key: "attention.attn.k", value: "attention.attn.v",
                              attentionOutput: "attention.attn.o", attentionNorm: "attention.LayerNorm",
                              intermediate: "intermediate.dense", output: "output.dense", outputNorm: "output.LayerNorm")
        }
    }

    /// Every weight an encoder of this shape has (Hugging Face names without the `bert.` / `mpnet.`
    /// prefix) with the shape it must have. Linear weights are `[out, in]`.
    public var expectedWeights: [(name: String, shape: [Int])] {
        let h = hiddenSize, i = intermediateSize
        var out: [(name: String, shape: [Int])] = [
            ("embeddings.word_embeddings.weight", [vocabSize, h]),
            ("embeddings.position_embeddings.weight", [maxPositions, h]),
        ]
        switch architecture {
        case .bert: out.append(("embeddings.token_type_embeddings.weight", [typeVocabSize, h]))
        case .mpnet: out.append(("encoder.relative_attention_bias.weight", [relativeAttentionBuckets, numHeads]))
        }
        out += [("embeddings.LayerNorm.weight", [h]), ("embeddings.LayerNorm.bias", [h])]
        let n = layerNames
        for l in 0..<numLayers {
            let p = "encoder.layer.\(l)."
            for m in [n.query, n.key, n.value, n.attentionOutput] {
                out.append((p + m + ".weight", [h, h]))
                out.append((p + m + ".bias", [h]))
            }
            out += [
                (p + n.attentionNorm + ".weight", [h]), (p + n.attentionNorm + ".bias", [h]),
                (p + n.intermediate + ".weight", [i, h]), (p + n.intermediate + ".bias", [i]),
                (p + n.output + ".weight", [h, i]), (p + n.output + ".bias", [h]),
                (p + n.outputNorm + ".weight", [h]), (p + n.outputNorm + ".bias", [h]),
            ]
        }
        return out
    }
}

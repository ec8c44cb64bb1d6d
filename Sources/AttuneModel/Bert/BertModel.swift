import AttuneCore
import Foundation

/// A BERT encoder (embeddings + layers) over packed token sequences.
///
///     h₀ = LayerNorm(word[ids] + position[0..<L] + tokenType[0])
///     hᵢ = layer i (hᵢ₋₁)
///
/// Inputs are packed: the ids of all sequences back to back with their `lengths`, so no FLOP is
/// spent on padding anywhere; attention runs per sequence.
public struct BertModel {
    public let config: BertConfig
    public var wordEmbeddings: Tensor
    public var positionEmbeddings: Tensor
    public var tokenTypeEmbeddings: Tensor
    public var embeddingNorm: LayerNormWeights
    public var layers: [BertLayer]

    /// Load every weight from a safetensors file (names with or without the `bert.` prefix),
    /// checking each shape against the config.
    public init(config: BertConfig, file: SafeTensorsFile) throws {
        self.config = config
        for (name, shape) in config.expectedWeights { try ModelFolder.expectShape(file, name, shape) }
        func load(_ name: String) throws -> Tensor {
            guard let stored = ModelFolder.weightName(name, in: file) else {
                throw AttuneError.invalidFile(path: file.url.path, what: "missing weight \(name)")
            }
            let t = try file.tensor(stored)
            t.name = name
            return t
        }
        wordEmbeddings = try load("embeddings.word_embeddings.weight")
        positionEmbeddings = try load("embeddings.position_embeddings.weight")
        tokenTypeEmbeddings = try load("embeddings.token_type_embeddings.weight")
        embeddingNorm = try LayerNormWeights(prefix: "embeddings.LayerNorm", weight: load)
        layers = try (0..<config.numLayers).map { i in
            try BertLayer { try load("encoder.layer.\(i).\($0)") }
        }
    }

    /// Every parameter with its Hugging Face name (`embeddings.…`, `encoder.layer.N.…`).
    public var namedParameters: [(String, Tensor)] {
        var out: [(String, Tensor)] = [
            ("embeddings.word_embeddings.weight", wordEmbeddings),
            ("embeddings.position_embeddings.weight", positionEmbeddings),
            ("embeddings.token_type_embeddings.weight", tokenTypeEmbeddings),
        ] + embeddingNorm.named("embeddings.LayerNorm")
        for (i, l) in layers.enumerated() {
            out += l.namedParameters.map { ("encoder.layer.\(i).\($0.0)", $0.1) }
        }
        return out
    }

    /// The embedding layer's output for packed `ids` (positions restart at 0 for each sequence).
    public func embed(ids: [Int32], lengths: [Int], dropout: Float = 0, rng: inout SplitMix64) -> Tensor {
        let h = config.hiddenSize
        precondition(lengths.reduce(0, +) == ids.count, "embed: lengths sum to \(lengths.reduce(0, +)) but \(ids.count) ids")
        let x = Tensor(uninitialized: [ids.count, h])
        let w = wordEmbeddings.data, p = positionEmbeddings.data, t = tokenTypeEmbeddings.data
        let maxPos = config.maxPositions
        var row = 0
        for l in lengths {
            precondition(l <= maxPos, "embed: a sequence of \(l) tokens exceeds the model's \(maxPos) positions")
            for pos in 0..<l {
                let id = Int(ids[row])
                precondition(id >= 0 && id < config.vocabSize, "embed: token id \(id) is outside the vocabulary")
                let out = x.data + row * h, wr = w + id * h, pr = p + pos * h
                for j in 0..<h { out[j] = wr[j] + pr[j] + t[j] }
                row += 1
            }
        }
        // Embedding tables are never trained here, so the sum above needs no tape.
        return x.layerNorm(embeddingNorm.gamma, embeddingNorm.beta, eps: config.layerNormEps)
            .dropout(dropout, rng: &rng)
    }

    /// Run layers `range` over packed hidden states.
    public func encode(_ hidden: Tensor, lengths: [Int], layers range: Range<Int>? = nil,
                       dropout: Float = 0, rng: inout SplitMix64) -> Tensor {
        var x = hidden
        for i in range ?? 0..<layers.count {
            x = layers[i].forward(x, lengths: lengths, heads: config.numHeads, eps: config.layerNormEps,
                                  dropout: dropout, rng: &rng)
        }
        return x
    }

    /// Inference: the last hidden state for packed `ids`.
    public func callAsFunction(ids: [Int32], lengths: [Int]) -> Tensor {
        var rng = SplitMix64(seed: 0)
        return encode(embed(ids: ids, lengths: lengths, rng: &rng), lengths: lengths, rng: &rng)
    }
}

import AttuneCore
import AttuneData
import Foundation

/// A BERT-family encoder (embeddings + layers) over packed token sequences: BERT or MPNet.
///
///     BERT:  h₀ = LayerNorm(word[ids] + position[0..<L] + tokenType[0])
///     MPNet: h₀ = LayerNorm(word[ids] + position[pad+1 … pad+L])   (a pad id inside keeps position pad)
///     hᵢ = layer i (hᵢ₋₁)            MPNet adds bias[bucket(j − i), head] to every score (all layers)
///
/// Inputs are packed: the ids of all sequences back to back with their `lengths`, so no FLOP is
/// spent on padding anywhere; attention runs per sequence.
public struct BertModel {
    public let config: BertConfig
    public var wordEmbeddings: Tensor
    public var positionEmbeddings: Tensor
    /// BERT's token-type table (`[typeVocabSize, hidden]`); nil for MPNet, which has none.
    public var tokenTypeEmbeddings: Tensor?
    /// MPNet's relative-position bias (`encoder.relative_attention_bias.weight`, `[buckets, heads]`);
    /// nil for BERT.
    public var relativeAttentionBias: Tensor?
    public var embeddingNorm: LayerNormWeights
    public var layers: [BertLayer]

    /// Load every weight from a safetensors file (names with or without the `bert.` / `mpnet.`
    /// prefix), checking each shape against the config.
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
        switch config.architecture {
        case .bert: tokenTypeEmbeddings = try load("embeddings.token_type_embeddings.weight")
        case .mpnet: relativeAttentionBias = try load("encoder.relative_attention_bias.weight")
        }
        embeddingNorm = try LayerNormWeights(prefix: "embeddings.LayerNorm", weight: load)
        layers = try (0..<config.numLayers).map { i in
            try BertLayer(config: config) { try load("encoder.layer.\(i).\($0)") }
        }
    }

    /// Every parameter with its Hugging Face name (`embeddings.…`, `encoder.layer.N.…`,
    /// MPNet's `encoder.relative_attention_bias.weight`).
    public var namedParameters: [(String, Tensor)] {
        var out: [(String, Tensor)] = [
            ("embeddings.word_embeddings.weight", wordEmbeddings),
            ("embeddings.position_embeddings.weight", positionEmbeddings),
        ]
        if let t = tokenTypeEmbeddings { out.append(("embeddings.token_type_embeddings.weight", t)) }
        out += embeddingNorm.named("embeddings.LayerNorm")
        if let b = relativeAttentionBias { out.append(("encoder.relative_attention_bias.weight", b)) }
        for (i, l) in layers.enumerated() {
            out += l.namedParameters.map { ("encoder.layer.\(i).\($0.0)", $0.1) }
        }
        return out
    }

    /// The same encoder with every parameter replaced by `transform(name, tensor)`, visited in
    /// `namedParameters`' order and under its names: the one walk over the model's weights that
    /// merging (and anything else that rewrites weights) uses, so a new parameter is listed here
    /// and in `namedParameters` only (`BertModelTests` checks the two agree).
    public func mapParameters(_ transform: (_ name: String, _ tensor: Tensor) -> Tensor) -> BertModel {
        var m = self
        m.wordEmbeddings = transform("embeddings.word_embeddings.weight", wordEmbeddings)
        m.positionEmbeddings = transform("embeddings.position_embeddings.weight", positionEmbeddings)
        m.tokenTypeEmbeddings = tokenTypeEmbeddings.map { transform("embeddings.token_type_embeddings.weight", $0) }
        m.embeddingNorm = LayerNormWeights(gamma: transform("embeddings.LayerNorm.weight", embeddingNorm.gamma),
                                           beta: transform("embeddings.LayerNorm.bias", embeddingNorm.beta))
        m.relativeAttentionBias = relativeAttentionBias.map { transform("encoder.relative_attention_bias.weight", $0) }
        for (i, layer) in layers.enumerated() {
            let names = Dictionary(layer.namedParameters.map { (ObjectIdentifier($0.1), "encoder.layer.\(i).\($0.0)") },
                                   uniquingKeysWith: { a, _ in a })
            m.layers[i] = layer.mapParameters { t in transform(names[ObjectIdentifier(t)]!, t) }
        }
        return m
    }

    /// The embedding layer's output for packed `ids` (positions restart for each sequence: at 0 for
    /// BERT, after the padding index for MPNet). `tokenTypes` (BERT, one per id: a cross-encoder's
    /// pair, 0 for the query, 1 for the document) picks rows of the token-type table; nil: all 0.
    public func embed(ids: [Int32], tokenTypes: [Int32]? = nil, lengths: [Int], dropout: Float = 0, rng: inout SplitMix64) -> Tensor {
        let h = config.hiddenSize
        precondition(lengths.reduce(0, +) == ids.count, "embed: lengths sum to \(lengths.reduce(0, +)) but \(ids.count) ids")
        precondition(tokenTypes == nil || tokenTypes!.count == ids.count, "embed: \(tokenTypes?.count ?? 0) token types for \(ids.count) ids")
        let types = tokenTypeEmbeddings == nil ? nil : tokenTypes, typeRows = config.typeVocabSize
        let x = Tensor(uninitialized: [ids.count, h])
        let w = wordEmbeddings.data, p = positionEmbeddings.data, t = tokenTypeEmbeddings?.data
        let maxLen = config.maxSequenceLength, mpnet = config.architecture == .mpnet, pad = config.padTokenId
        var row = 0
        for l in lengths {
            precondition(l <= maxLen, "embed: a sequence of \(l) tokens exceeds the model's \(maxLen) positions")
            var position = mpnet ? pad : 0
            for i in 0..<l {
                let id = Int(ids[row])
                precondition(id >= 0 && id < config.vocabSize, "embed: token id \(id) is outside the vocabulary")
                // MPNet (create_position_ids_from_input_ids): pad + the count of non-pad ids so far; a pad id sits at pad.
                let pos = mpnet ? (id == pad ? pad : { position += 1; return position }()) : i
                let out = x.data + row * h, wr = w + id * h, pr = p + pos * h
                if let t {
                    let type = Int(types?[row] ?? 0)
                    precondition(type >= 0 && type < typeRows, "embed: token type \(type) is outside the \(typeRows) types")
                    let tr = t + type * h
                    for j in 0..<h { out[j] = wr[j] + pr[j] + tr[j] }
                } else { for j in 0..<h { out[j] = wr[j] + pr[j] } }
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
        let bias = positionBias(maxLength: lengths.max() ?? 0)
        for i in range ?? 0..<layers.count {
            x = layers[i].forward(x, lengths: lengths, heads: config.numHeads, eps: config.layerNormEps,
                                  positionBias: bias, dropout: dropout, rng: &rng)
        }
        return x
    }

    /// MPNet's attention bias for sequences of up to `maxLength` tokens, as `Tensor.attention` takes
    /// it: `[heads, 2·maxLength − 1]`, entry `[h, maxLength − 1 + (j − i)]` = bias[bucket(j − i), h].
    /// Nil for BERT. (A constant here: the bias table is never trained.)
    public func positionBias(maxLength: Int) -> Tensor? {
        guard let table = relativeAttentionBias, maxLength > 0 else { return nil }
        let heads = config.numHeads, span = 2 * maxLength - 1, buckets = config.relativeAttentionBuckets
        let out = Tensor(uninitialized: [heads, span])
        for r in 0..<span {
            let b = BertModel.relativePositionBucket(r - (maxLength - 1), buckets: buckets)
            for h in 0..<heads { out.data[h * span + r] = table.data[b * heads + h] }
        }
        return out
    }

    /// MPNet's (and T5's) bucket of a relative position `j − i`: half the buckets for keys after
    /// the query; within each half, exact distances below a quarter of the buckets, then
    /// logarithmically wider buckets up to distance 128. Float arithmetic as PyTorch does it.
    static func relativePositionBucket(_ relative: Int, buckets: Int, maxDistance: Int = 128) -> Int {
        let half = buckets / 2
        let n = -relative
        let base = n < 0 ? half : 0
        let a = abs(n)
        let maxExact = half / 2
        if a < maxExact { return base + a }
        let scaled = Float(Foundation.log(Float(a) / Float(maxExact))) / Float(Foundation.log(Double(maxDistance) / Double(maxExact)))
            * Float(half - maxExact)
        return base + min(maxExact + Int(scaled), half - 1)
    }

    /// Inference: the last hidden state for packed `ids` (and BERT token types, see `embed`).
    public func callAsFunction(ids: [Int32], tokenTypes: [Int32]? = nil, lengths: [Int]) -> Tensor {
        var rng = SplitMix64(seed: 0)
        return encode(embed(ids: ids, tokenTypes: tokenTypes, lengths: lengths, rng: &rng), lengths: lengths, rng: &rng)
    }
}

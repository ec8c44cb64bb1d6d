import AttuneCore
import Foundation

/// A `SentenceModel` serving as an `Embedder`: its fingerprint is a hash of every weight, the
/// vocabulary and the max sequence length, computed once.
public final class ModelEmbedder: Embedder {
    public let model: SentenceModel
    public let name: String
    public let modelName: String
    public var precision: Precision { model.precision }
    public let fingerprint: String
    /// Texts per batch when embedding.
    public var batchSize: Int
    /// Prepended to every query (default: the model's `query` prompt, else its default prompt).
    public var queryPrompt: String
    /// Prepended to every document (default: the model's `document`/`passage`/`corpus` prompt, else its default).
    public var documentPrompt: String

    /// `name` is kept for fp32; a bf16 or int8 model is named "NAME [int8]", so an index built at one
    /// precision names it when searched at another.
    public init(model: SentenceModel, name: String, batchSize: Int = 32) {
        self.model = model
        self.modelName = name
        self.name = model.precision == .fp32 ? name : "\(name) [\(model.precision.rawValue)]"
        self.batchSize = batchSize
        queryPrompt = model.prompts.queryPrompt
        documentPrompt = model.prompts.documentPrompt
        fingerprint = ModelEmbedder.fingerprint(of: model)
    }

    /// The same model, name, prompts and batch size with its `--dim` truncation removed (itself
    /// when it is not truncated). The fingerprint, which does not depend on the truncation, is
    /// carried over rather than computed again.
    public var fullWidth: ModelEmbedder {
        guard isTruncated else { return self }
        var m = model
        m.truncateDim = nil
        return ModelEmbedder(copying: self, model: m)
    }

    private init(copying other: ModelEmbedder, model: SentenceModel) {
        self.model = model
        name = other.name
        modelName = other.modelName
        fingerprint = other.fingerprint
        batchSize = other.batchSize
        queryPrompt = other.queryPrompt
        documentPrompt = other.documentPrompt
    }

    /// The model's width, or its `--dim` truncation (`SentenceModel.truncate(to:)`).
    public var dimension: Int { model.outputDimension }
    public var isTruncated: Bool { model.truncateDim != nil }
    public var maxSeqLength: Int { model.maxSeqLength }

    public func embed(_ texts: [String]) throws -> Tensor { model.encode(texts, batchSize: batchSize, prompt: documentPrompt) }

    public func embedQueries(_ texts: [String]) throws -> Tensor { model.encode(texts, batchSize: batchSize, prompt: queryPrompt) }

    /// 64-bit FNV-1a-style hash over 8-byte words of every weight, then the vocabulary and settings,
    /// and the precision when it is not fp32 (its vectors differ slightly, so indexes and evaluation
    /// caches keep them apart).
    public static func fingerprint(of m: SentenceModel) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ w: UInt64) { h = (h ^ w) &* 0x0000_0100_0000_01b3; h ^= h >> 29 }
        var tensors = m.bert.namedParameters.map(\.1)
        for d in m.dense { tensors.append(d.linear.weight); if let b = d.linear.bias { tensors.append(b) } }
        for t in tensors {
            mix(UInt64(t.count))
            let words = t.count / 2
            UnsafeRawPointer(t.data).withMemoryRebound(to: UInt64.self, capacity: words) { p in
                for i in 0..<words { mix(p[i]) }
            }
            if t.count % 2 == 1 { mix(UInt64(t.data[t.count - 1].bitPattern)) }
        }
        for token in m.tokenizer.vocab { for b in token.utf8 { mix(UInt64(b)) }; mix(0xff) }
        mix(UInt64(m.maxSeqLength)); mix(m.normalize ? 1 : 2)
        for b in m.pooling.rawValue.utf8 { mix(UInt64(b)) }
        if m.precision != .fp32 { for b in m.precision.rawValue.utf8 { mix(UInt64(b) | 0x100) } }
        return String(format: "%016llx", h)
    }
}

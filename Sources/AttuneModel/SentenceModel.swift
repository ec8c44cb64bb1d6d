import AttuneCore
import Foundation

/// A sentence-transformers model: Transformer (BERT) → Pooling → Dense* → Normalize.
///
/// `encode` turns texts into embeddings exactly as `SentenceTransformer.encode` does: texts are
/// tokenised, sorted by length into batches, run packed (no padding) through the encoder with no
/// tape, pooled, passed through any Dense modules, normalised, and returned in input order.
public struct SentenceModel {
    public let folder: ModelFolder
    public let tokenizer: WordPieceTokenizer
    public var bert: BertModel
    public var dense: [DenseModule]
    public var pooling: PoolingMode
    public var normalize: Bool
    /// Tokens per text, including [CLS] and [SEP].
    public var maxSeqLength: Int
    /// The folder's prompts (`config_sentence_transformers.json`), kept when the model is saved.
    public var prompts: Prompts
    /// The embedding lengths the model was trained for with a Matryoshka loss
    /// (`config_sentence_transformers.json` `matryoshka_dims`; empty: none recorded), kept when saved.
    public var matryoshkaDims: [Int] = []
    /// When set, `encode` keeps each embedding's first `truncateDim` values and re-normalises them
    /// (sentence-transformers' `truncate_dim`); set it with `truncate(to:)`.
    public internal(set) var truncateDim: Int?

    /// Load a sentence-transformers folder.
    public static func load(_ url: URL) throws -> SentenceModel {
        let folder = try ModelFolder.load(url)
        let tokenizer = try folder.tokenizer()
        let file = try SafeTensorsFile(url: folder.weights)
        let bert = try BertModel(config: folder.bert, file: file)
        let dense = try folder.dense.map { try DenseModule.load($0) }
        return SentenceModel(folder: folder, tokenizer: tokenizer, bert: bert, dense: dense,
                             pooling: folder.pooling, normalize: folder.normalize,
                             maxSeqLength: min(folder.maxSeqLength, folder.bert.maxSequenceLength),
                             prompts: try Prompts.load(folder: url),
                             matryoshkaDims: try loadMatryoshkaDims(folder: url, dimension: dense.last?.linear.weight.shape[0] ?? folder.bert.hiddenSize))
    }

    public init(folder: ModelFolder, tokenizer: WordPieceTokenizer, bert: BertModel, dense: [DenseModule],
                pooling: PoolingMode, normalize: Bool, maxSeqLength: Int, prompts: Prompts = Prompts(), matryoshkaDims: [Int] = []) {
        self.folder = folder; self.tokenizer = tokenizer; self.bert = bert; self.dense = dense
        self.pooling = pooling; self.normalize = normalize; self.maxSeqLength = maxSeqLength; self.prompts = prompts
        self.matryoshkaDims = matryoshkaDims
    }

    /// The embedding width after pooling and any Dense modules (before any truncation).
    public var dimension: Int { dense.last?.linear.weight.shape[0] ?? bert.config.hiddenSize }

    /// The width `encode` returns: `truncateDim`, else `dimension`.
    public var outputDimension: Int { truncateDim ?? dimension }

    /// Tokens kept per text: `maxSeqLength`, but never more than the position table holds.
    var tokenLimit: Int { min(maxSeqLength, bert.config.maxSequenceLength) }

    /// Token ids of `text`, [CLS] … [SEP], truncated to `maxSeqLength` (lower-cased first when the
    /// folder's sentence_bert_config.json says `do_lower_case: true`).
    public func tokenize(_ text: String) -> [Int32] {
        tokenizer.encode(folder.lowercaseInput ? text.lowercased() : text, maxLength: tokenLimit)
    }

    /// Token ids of every text, tokenised on all threads.
    public func tokenize(_ texts: [String]) -> [[Int32]] {
        var tokens = [[Int32]](repeating: [], count: texts.count)
        let tok = tokenizer, maxLen = tokenLimit, lower = folder.lowercaseInput
        tokens.withUnsafeMutableBufferPointer { buf in
            let base = buf.baseAddress!
            Parallel.chunks(texts.count, cost: 2000) { s, e in
                for i in s..<e { base[i] = tok.encode(lower ? texts[i].lowercased() : texts[i], maxLength: maxLen) }
            }
        }
        return tokens
    }

    /// Pool the packed last hidden state into one row per sequence.
    public func pool(_ hidden: Tensor, lengths: [Int]) -> Tensor { pooling(hidden, lengths: lengths) }

    /// Pooled output → Dense modules → Normalize.
    public func head(_ pooled: Tensor) -> Tensor {
        var x = pooled
        for d in dense { x = d(x) }
        return normalize ? Normalize()(x) : x
    }

    /// Embed already-tokenised sequences (one batch, any order): `[count, dimension]`.
    public func embed(tokenized: [[Int32]]) -> Tensor {
        let lengths = tokenized.map(\.count)
        let hidden = bert(ids: tokenized.flatMap { $0 }, lengths: lengths)
        return head(pool(hidden, lengths: lengths))
    }

    /// Embed `texts`: `[texts.count, dimension]` in input order. `prompt` is prepended to every text
    /// (nil: the folder's default prompt, if any; "" for none). Batches hold `batchSize` texts of
    /// similar length; `progress(done, total)` is called after each batch.
    public func encode(_ texts: [String], batchSize: Int = 32, prompt: String? = nil,
                       progress: ((Int, Int) -> Void)? = nil) -> Tensor {
        let dim = outputDimension
        let out = Tensor(zeros: [texts.count, dim])
        if texts.isEmpty { return out }
        let prefix = prompt ?? prompts.defaultPrompt
        let tokens = tokenize(prefix.isEmpty ? texts : texts.map { prefix + $0 })
        let order = tokens.indices.sorted { tokens[$0].count > tokens[$1].count }
        var done = 0
        for start in stride(from: 0, to: order.count, by: max(1, batchSize)) {
            let idx = Array(order[start..<min(order.count, start + max(1, batchSize))])
            var emb = embed(tokenized: idx.map { tokens[$0] })
            if let truncateDim { emb = SentenceModel.truncated(emb, to: truncateDim) }
            for (r, i) in idx.enumerated() { (out.data + i * dim).update(from: emb.data + r * dim, count: dim) }
            done += idx.count
            progress?(done, texts.count)
        }
        return out
    }
}

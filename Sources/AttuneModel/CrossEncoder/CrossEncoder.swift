import AttuneCore
import AttuneData
import Foundation

/// A cross-encoder: the BERT or MPNet encoder Attune runs, reading a (query, document) pair as one
/// sequence, and a sequence-classification head over its first token (`ClassificationHead`) —
/// Hugging Face's `BertForSequenceClassification` / `MPNetForSequenceClassification`, as
/// sentence-transformers' `CrossEncoder` holds them.
///
///     ids    = [CLS] q [SEP] d [SEP]   (MPNet: <s> q </s></s> d </s>), longest-first truncated to maxLength
///     h      = encoder(ids, token types)          the bi-encoder's layer code, packed, no padding
///     logits = head(h[first token])               [pairs, numLabels]
///     score  = activation(logit)                  sigmoid for one label (CrossEncoder.predict)
///
/// Inference runs with no tape (`logits`, `scores`), in fp32, bf16 or int8 (`usePrecision`);
/// training runs the same layers on the tape from cached frozen-layer states (`forward(hidden:…)`).
public struct CrossEncoder {
    /// The folder the model was loaded or initialised from (its config and tokenizer files are
    /// copied from here when it is saved).
    public let source: URL
    public let tokenizer: WordPieceTokenizer
    public var bert: BertModel
    public var head: ClassificationHead
    /// Tokens per pair, specials included (the tokenizer's `model_max_length`, at most what the
    /// position table holds).
    public var maxLength: Int
    /// The label names (`id2label`), one per output.
    public var labels: [String]
    /// What `scores` applies to the logits: sentence-transformers' `activation_fn`.
    public var activation: ScoreActivation

    /// sentence-transformers' `activation_fn` for `CrossEncoder.predict`.
    public enum ScoreActivation: String, Sendable {
        case sigmoid = "torch.nn.modules.activation.Sigmoid"
        case identity = "torch.nn.modules.linear.Identity"

        func apply(_ x: Float) -> Float { self == .sigmoid ? 1 / (1 + Foundation.exp(-x)) : x }
    }

    /// Outputs per pair (`num_labels`): 1 for a reranker.
    public var numLabels: Int { head.numLabels }

    /// How pairs are joined: BERT's or MPNet's template.
    public var template: PairTemplate { bert.config.architecture == .bert ? .bert : .roberta }

    /// The Hugging Face architecture name (`config.json` `architectures`).
    public var architectureName: String {
        bert.config.architecture == .bert ? "BertForSequenceClassification" : "MPNetForSequenceClassification"
    }

    public init(source: URL, tokenizer: WordPieceTokenizer, bert: BertModel, head: ClassificationHead, maxLength: Int,
                labels: [String], activation: ScoreActivation) {
        self.source = source; self.tokenizer = tokenizer; self.bert = bert; self.head = head
        self.maxLength = maxLength; self.labels = labels; self.activation = activation
    }

    // MARK: Tokenizing

    /// A pair tokenized as the model's Hugging Face tokenizer does (see `encodePair`).
    public func tokenize(query: String, document: String) -> PairEncoding {
        tokenizer.encodePair(query, document, maxLength: maxLength, template: template)
    }

    /// Every (query, documents[i]) pair, tokenized on all threads.
    public func tokenize(query: String, documents: [String]) -> [PairEncoding] {
        tokenize(pairs: documents.map { (query, $0) })
    }

    /// Every pair, tokenized on all threads.
    public func tokenize(pairs: [(query: String, document: String)]) -> [PairEncoding] {
        var out = [PairEncoding](repeating: PairEncoding(ids: [], tokenTypes: [], truncated: false, queryTruncated: false), count: pairs.count)
        let tok = tokenizer, maxLen = maxLength, t = template
        out.withUnsafeMutableBufferPointer { buf in
            let base = buf.baseAddress!
            Parallel.chunks(pairs.count, cost: 4000) { s, e in
                for i in s..<e { base[i] = tok.encodePair(pairs[i].query, pairs[i].document, maxLength: maxLen, template: t) }
            }
        }
        return out
    }

    // MARK: Inference (no tape)

    /// Logits `[pairs.count, numLabels]` of one batch of tokenized pairs, run packed.
    public func logits(_ pairs: [PairEncoding]) -> Tensor {
        let lengths = pairs.map(\.ids.count)
        var rng = SplitMix64(seed: 0)
        let hidden = bert(ids: pairs.flatMap(\.ids), tokenTypes: pairs.flatMap(\.tokenTypes), lengths: lengths)
        return head(hidden.clsPool(lengths: lengths), rng: &rng)
    }

    /// The first logit of every pair, in input order: pairs are sorted by length and run in
    /// batches of at most `batchSize` pairs and `tokenBudget` tokens. `progress(done, total)`
    /// after each batch.
    public func logits(of pairs: [PairEncoding], batchSize: Int = 32, tokenBudget: Int = 16384,
                       progress: ((Int, Int) -> Void)? = nil) -> [Float] {
        var out = [Float](repeating: 0, count: pairs.count)
        let order = pairs.indices.sorted { pairs[$0].ids.count > pairs[$1].ids.count }
        var start = 0
        let labels = numLabels
        while start < order.count {
            var end = start, tokens = 0
            while end < order.count && end - start < max(1, batchSize)
                    && (end == start || tokens + pairs[order[end]].ids.count <= tokenBudget) {
                tokens += pairs[order[end]].ids.count; end += 1
            }
            let idx = Array(order[start..<end])
            let z = logits(idx.map { pairs[$0] })
            for (r, i) in idx.enumerated() { out[i] = z.data[r * labels] }
            progress?(end, pairs.count)
            start = end
        }
        return out
    }

    /// `activation(logit)` for each logit: what `CrossEncoder.predict` returns.
    public func scores(logits: [Float]) -> [Float] { logits.map(activation.apply) }

    // MARK: Training (on the tape)

    /// The frozen part of a training pass, with no tape: the embeddings and layers `0..<layers`
    /// over one batch of pairs, packed (`[Σ tokens, hidden]`) — what a frozen-layer cache stores.
    public func frozenStates(_ pairs: [PairEncoding], layers: Int) -> Tensor {
        let lengths = pairs.map(\.ids.count)
        var rng = SplitMix64(seed: 0)
        let x = bert.embed(ids: pairs.flatMap(\.ids), tokenTypes: pairs.flatMap(\.tokenTypes), lengths: lengths, rng: &rng)
        return bert.encode(x, lengths: lengths, layers: 0..<layers, rng: &rng)
    }

    /// Logits `[sequences, numLabels]` from layer `first`'s input `hidden` (packed, `lengths`
    /// tokens each: `frozenStates(…, layers: first)`): layers `first…` → first token → head. On
    /// the tape when the weights require grad (see `trainable`); `dropout` > 0 only in training.
    public func forward(hidden: Tensor, lengths: [Int], fromLayer first: Int, dropout: Float = 0,
                        rng: inout SplitMix64) -> Tensor {
        let h = bert.encode(hidden, lengths: lengths, layers: first..<bert.layers.count, dropout: dropout, rng: &rng)
        return head(h.clsPool(lengths: lengths), dropout: dropout, rng: &rng)
    }

    /// The same model with trainable (tape-recording) copies of encoder layers `firstTrainable…`
    /// and of the head; everything below stays frozen and shared.
    public func trainable(firstTrainable: Int) throws -> CrossEncoder {
        let n = bert.layers.count
        guard firstTrainable >= 0 && firstTrainable <= n else {
            throw AttuneError.badConfig(source: "recipe", field: "trainable_layers", what: "the first trainable layer \(firstTrainable) is not between 0 and the model's \(n) layers")
        }
        var m = self
        for i in firstTrainable..<n { m.bert.layers[i] = bert.layers[i].mapParameters { $0.copy(requiresGrad: true) } }
        m.head = head.mapParameters { $0.copy(requiresGrad: true) }
        return m
    }

    /// Every tensor that requires grad, with its Hugging Face name (`bert.encoder.layer.N.…`,
    /// `classifier.weight`, …): what an optimizer steps.
    public var trainableParameters: [(name: String, tensor: Tensor)] { namedParameters.filter { $0.tensor.requiresGrad } }

    /// The model with every weight detached (no tape), trained values included: for inference and saving.
    public var detached: CrossEncoder {
        var m = self
        m.bert.layers = bert.layers.map { $0.mapParameters { $0.detached() } }
        m.head = head.mapParameters { $0.detached() }
        return m
    }

    /// Every weight under the name the saved `model.safetensors` gives it (`bert.` / `mpnet.`
    /// prefixed encoder weights, then the head's).
    public var namedParameters: [(name: String, tensor: Tensor)] {
        let prefix = bert.config.architecture == .bert ? "bert." : "mpnet."
        return bert.namedParameters.map { (name: prefix + $0.0, tensor: $0.1) } + head.namedParameters.map { (name: $0.0, tensor: $0.1) }
    }

    // MARK: Precision

    /// The precision the encoder's dense layers run in at inference (the head is always fp32).
    public var precision: Precision { bert.precision }

    /// Run inference in `requested` precision (see `SentenceModel.usePrecision`): converts the
    /// encoder once; returns the fallback notice to print, or with `strict` throws.
    public mutating func usePrecision(_ requested: Precision, strict: Bool = false) throws -> String? {
        let (p, notice) = try requested.resolved(strict: strict)
        bert = try bert.converted(to: p)
        return notice
    }
}

import AttuneCore
import AttuneModel
import AttuneSearch
import Foundation

/// One text's place in a `/rerank` answer.
public struct RankedText: Sendable, Equatable {
    /// The text's position in the request's `texts`.
    public var index: Int
    /// σ(logit), or the logit itself with `rawScores`.
    public var score: Float
}

/// The cross-encoder behind TEI's `POST /rerank`: checks a request against the limits, tokenizes
/// each (query, text) pair as `CrossEncoder.tokenize` does (longest-first to the pair length),
/// scores the pairs through its own `BatchQueue` (the same token budget, longest-first batching,
/// request limit and timeout as the embedding queue; the two queues' batches take turns on the
/// cores), and ranks them. Scores are `Reranker`'s for the same pairs and precision.
public final class RerankService: Sendable {
    /// The id `/info` reports (the folder's name).
    public let name: String
    /// Tokens per pair, specials included: the cross-encoder's length.
    public let maxLength: Int
    /// The encoder's arithmetic (`fp32`, `bf16`, `int8`).
    public let precision: String
    /// The label names (`id2label`; one for a reranker).
    public let labels: [String]
    public let configuration: ServeConfiguration

    private let tokenizer: WordPieceTokenizer
    private let template: PairTemplate
    let queue: BatchQueue<PairEncoding>
    let metrics: ServeMetrics

    init(reranker: Reranker, configuration: ServeConfiguration, metrics: ServeMetrics, runLock: ModelRunLock,
         beforeBatch: (@Sendable () -> Void)?) {
        let model = reranker.model
        name = reranker.name
        maxLength = model.maxLength
        precision = model.precision.rawValue
        labels = model.labels
        self.configuration = configuration
        tokenizer = model.tokenizer
        template = model.template
        self.metrics = metrics
        let box = CrossEncoderBox(model)
        // `Reranker` admits only one label, so each pair's row is its one logit.
        queue = BatchQueue<PairEncoding>(width: 1, maxBatchTokens: configuration.maxBatchTokens,
                                         maxRequests: configuration.maxConcurrentRequests,
                                         observer: { pairs, tokens in metrics.rerankBatch(pairs: pairs, tokens: tokens) },
                                         runLock: runLock, what: "reranker",
                                         embed: { beforeBatch?(); return box.model.logits($0) })
    }

    /// The tokens a pair may have: the cross-encoder's length, or `--max-input-tokens` if lower.
    public var pairLimit: Int { min(maxLength, configuration.maxInputTokens) }

    /// Score every (query, texts[i]) pair and return them best first (ties: the earlier text
    /// first). `truncate` false: a pair over `pairLimit` is refused (422 naming the limit); true: it
    /// is cut longest-first as `CrossEncoder.tokenize` cuts it. `rawScores`: the logits, else
    /// σ(logit) (TEI's sigmoid for a one-label model).
    public func rerank(query: String, texts: [String], truncate: Bool, rawScores: Bool) async throws -> [RankedText] {
        let c = configuration
        guard !texts.isEmpty else {
            throw ServeError(.empty, "texts is empty: give at least one text to rank against the query", param: "texts")
        }
        guard texts.count <= c.maxClientBatchSize else {
            throw ServeError(.invalidRequest, "texts has \(texts.count) items; at most \(c.maxClientBatchSize) per request (--max-client-batch-size)", param: "texts")
        }
        let pairs = try tokenize(query: query, texts: texts, truncate: truncate)
        let logits = try await queue.submit(pairs, timeout: .milliseconds(Int(c.requestTimeout * 1000)))
        return logits.enumerated()
            .map { RankedText(index: $0.offset, score: rawScores ? $0.element : RerankService.sigmoid($0.element)) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
    }

    /// Each pair tokenized within `pairLimit`, or the error naming the text and the limit.
    func tokenize(query: String, texts: [String], truncate: Bool) throws -> [PairEncoding] {
        let limit = pairLimit
        let limitName = limit < maxLength ? "--max-input-tokens" : "the reranker's pair length"
        var out: [PairEncoding] = []
        out.reserveCapacity(texts.count)
        for (i, text) in texts.enumerated() {
            if query.isEmpty && text.isEmpty {
                throw ServeError(.empty, "query and texts[\(i)] are both empty strings", param: "texts")
            }
            let pair = tokenizer.encodePair(query, text, maxLength: limit, template: template)
            if pair.truncated && !truncate {
                throw ServeError(.invalidRequest, "texts[\(i)]: the query and the text together have more than \(limit) tokens (\(limitName)); shorten them or send \"truncate\": true", param: "texts")
            }
            out.append(pair)
        }
        return out
    }

    /// σ(x), computed as `CrossEncoder.ScoreActivation.sigmoid` computes it.
    static func sigmoid(_ x: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }
}

/// The cross-encoder, handed to the one worker thread that runs it.
private final class CrossEncoderBox: @unchecked Sendable {
    let model: CrossEncoder
    init(_ model: CrossEncoder) { self.model = model }
}

import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// Scores (query, document) pairs, higher meaning more relevant: what reranking an evaluation's
/// candidates (`RetrievalBenchmark.rerank`) and filtering mined negatives (`HardNegativeMiner`)
/// need from a cross-encoder. `Reranker` is one; a test can inject any other.
public protocol PairScorer {
    /// One score per pair, in input order, with what tokenizing the pairs cost them.
    /// `progress(done, total)` as pairs are scored.
    func score(pairs: [(query: String, document: String)], progress: ((Int, Int) -> Void)?) -> (scores: [Float], summary: Reranker.Summary)
    /// The same scores with the values a fused ranking normalises (`RerankFusion`): a
    /// cross-encoder's logits. By default the scores themselves.
    func scoresAndLogits(pairs: [(query: String, document: String)], progress: ((Int, Int) -> Void)?) -> (scores: [Float], logits: [Float], summary: Reranker.Summary)
}

extension PairScorer {
    public func scoresAndLogits(pairs: [(query: String, document: String)], progress: ((Int, Int) -> Void)?) -> (scores: [Float], logits: [Float], summary: Reranker.Summary) {
        let r = score(pairs: pairs, progress: progress)
        return (r.scores, r.scores, r.summary)
    }
}

/// The second stage of retrieval: a cross-encoder reads the query with each candidate document and
/// reorders them by its score (`CrossEncoder.predict`'s: the sigmoid of the single logit).
///
///     candidates = bi-encoder top N        (search) or every given document (rerank)
///     score_i    = σ(CE([CLS] q [SEP] d_i [SEP]))
///     ranked     = candidates sorted by score, best first (ties: the earlier candidate first)
///
/// Reranking a retriever's hits can fuse its scores with the cross-encoder's (`fusion`, see
/// `RerankFusion`); the default is the cross-encoder alone, or the weight saved in its folder.
public struct Reranker {
    public let model: CrossEncoder
    /// The model's name or path, for messages.
    public let name: String
    /// How `rerank(query:hits:texts:k:)` mixes the retriever's scores in.
    public var fusion = RerankFusion.crossEncoderOnly

    /// A reranker over `model`, which must have one output (`num_labels` 1): a classifier with
    /// several labels has no single relevance score, and is refused naming its config.
    public init(model: CrossEncoder, name: String) throws {
        guard model.numLabels == 1 else {
            throw AttuneError.badConfig(source: model.source.appendingPathComponent("config.json").path, field: "num_labels",
                                        what: "\(model.numLabels) labels (\(model.labels.joined(separator: ", "))): reranking needs a cross-encoder with one output (num_labels 1)")
        }
        self.model = model
        self.name = name
    }

    /// Load the cross-encoder folder at `url` (see `CrossEncoder.load`) as a reranker.
    /// The fusion weight saved in the folder (`RerankFusion.file`), if any, becomes `fusion`.
    public static func load(_ url: URL, name: String? = nil) throws -> Reranker {
        var r = try Reranker(model: try CrossEncoder.load(url), name: name ?? url.path)
        if let saved = try RerankFusion.saved(in: url) { r.fusion = try RerankFusion(weight: saved.weight) }
        return r
    }

    /// One document's place after reranking.
    public struct Ranked: Sendable, Equatable {
        /// The document's position in the input.
        public var index: Int
        /// The cross-encoder's logit.
        public var logit: Float
        /// `activation(logit)`: what sentence-transformers' `CrossEncoder.predict` returns.
        public var score: Float
    }

    /// What tokenizing the pairs cost them.
    public struct Summary: Sendable, Equatable {
        public var pairs = 0
        /// Pairs that lost tokens to fit `maxLength`.
        public var truncated = 0
        /// Pairs whose query itself lost tokens (a query longer than half the length, or than all of it).
        public var queryTruncated = 0

        public init(pairs: Int = 0, truncated: Int = 0, queryTruncated: Int = 0) {
            self.pairs = pairs; self.truncated = truncated; self.queryTruncated = queryTruncated
        }

        /// Add `other`'s counts to these.
        public mutating func add(_ other: Summary) {
            pairs += other.pairs; truncated += other.truncated; queryTruncated += other.queryTruncated
        }

        /// One line for stderr, or nil when nothing was truncated.
        public func notice(maxLength: Int) -> String? {
            guard truncated > 0 else { return nil }
            let q = queryTruncated > 0 ? ", \(queryTruncated) of them with the query itself cut (the query is too long for the pair)" : ""
            return "note: \(truncated) of \(pairs) pairs truncated to \(maxLength) tokens (longest first)\(q)"
        }
    }

    /// Score every (query, documents[i]) pair and return them best first, with the truncation
    /// summary. `progress(done, total)` after each batch.
    public func rerank(query: String, documents: [String], batchSize: Int = 32,
                       progress: ((Int, Int) -> Void)? = nil) -> (ranked: [Ranked], summary: Summary) {
        let pairs = model.tokenize(query: query, documents: documents)
        var summary = Summary(pairs: pairs.count)
        for p in pairs {
            if p.truncated { summary.truncated += 1 }
            if p.queryTruncated { summary.queryTruncated += 1 }
        }
        let logits = model.logits(of: pairs, batchSize: batchSize, progress: progress)
        let scores = model.scores(logits: logits)
        let ranked = documents.indices.map { Ranked(index: $0, logit: logits[$0], score: scores[$0]) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return (ranked, summary)
    }

    /// Score every pair (`CrossEncoder.predict`'s score), pairs tokenized on all threads and run
    /// longest first in batches of `batchSize`.
    public func score(pairs: [(query: String, document: String)], batchSize: Int,
                      progress: ((Int, Int) -> Void)? = nil) -> (scores: [Float], summary: Summary) {
        let r = scoresAndLogits(pairs: pairs, batchSize: batchSize, progress: progress)
        return (r.scores, r.summary)
    }

    /// `score(pairs:batchSize:progress:)` with the logits the scores are the activation of.
    public func scoresAndLogits(pairs: [(query: String, document: String)], batchSize: Int,
                                progress: ((Int, Int) -> Void)? = nil) -> (scores: [Float], logits: [Float], summary: Summary) {
        let encoded = model.tokenize(pairs: pairs)
        var summary = Summary(pairs: encoded.count)
        for p in encoded {
            if p.truncated { summary.truncated += 1 }
            if p.queryTruncated { summary.queryTruncated += 1 }
        }
        let logits = model.logits(of: encoded, batchSize: batchSize, progress: progress)
        return (model.scores(logits: logits), logits, summary)
    }

    /// Rerank retrieved `hits` whose texts are `texts` (same order) and keep the best `k`: each
    /// hit's score becomes the cross-encoder's, or with a `fusion` weight below 1 the fused score
    /// of its logit and the hit's retriever score.
    public func rerank(query: String, hits: [Hit], texts: [String], k: Int, batchSize: Int = 32) -> (hits: [Hit], summary: Summary) {
        precondition(hits.count == texts.count, "rerank: \(hits.count) hits for \(texts.count) texts")
        let (ranked, summary) = rerank(query: query, documents: texts, batchSize: batchSize)
        if fusion.isCrossEncoderOnly {
            return (ranked.prefix(k).map { Hit(docIndex: hits[$0.index].docIndex, id: hits[$0.index].id, score: $0.score) }, summary)
        }
        var logit = [Double](repeating: 0, count: hits.count)
        for r in ranked { logit[r.index] = Double(r.logit) }
        let (order, fused) = fusion.order(reranker: logit, retriever: hits.map { Double($0.score) })
        return (order.prefix(k).map { Hit(docIndex: hits[$0].docIndex, id: hits[$0].id, score: Float(fused[$0])) }, summary)
    }

    /// Candidates a reranker reorders when none are asked for (`search` and `eval` alike): 50, the
    /// low end of the usual 50–100.
    public static let defaultCandidates = 50

    /// The candidates to retrieve for reranking: `requested` (nil: `defaultCandidates`, at least `k`), checked
    /// against `k` and the corpus size; an explicit value beyond the corpus, or below `k`, is a
    /// `SettingError` naming `rerank_top`.
    public static func candidates(_ requested: Int?, k: Int, corpus: Int) throws -> Int {
        guard let n = requested else { return min(max(defaultCandidates, k), corpus) }
        guard n >= k else {
            throw SettingError(setting: "rerank_top", value: "\(n)", what: "must be at least `k` (\(k)); the reranker reorders the top N and prints the best k")
        }
        guard n <= corpus else { throw SettingError(setting: "rerank_top", value: "\(n)", what: "larger than the index's \(corpus) documents") }
        return n
    }
}

extension Reranker: PairScorer {
    /// `score(pairs:batchSize:progress:)` in batches of 32.
    public func score(pairs: [(query: String, document: String)], progress: ((Int, Int) -> Void)?) -> (scores: [Float], summary: Summary) {
        score(pairs: pairs, batchSize: 32, progress: progress)
    }

    /// `scoresAndLogits(pairs:batchSize:progress:)` in batches of 32.
    public func scoresAndLogits(pairs: [(query: String, document: String)], progress: ((Int, Int) -> Void)?) -> (scores: [Float], logits: [Float], summary: Summary) {
        scoresAndLogits(pairs: pairs, batchSize: 32, progress: progress)
    }
}

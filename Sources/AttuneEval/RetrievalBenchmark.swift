import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import Foundation

/// One BEIR retrieval set, read and checked once, on which any number of models are evaluated:
/// the in-domain test set, a dev set during training, or a guard set from outside the domain.
///
///     let guardSet = try RetrievalBenchmark(name: "guard", corpus: c, queries: q, qrels: r)
///     let base = try guardSet.evaluate(model: baseModel, name: "base")
///     let tuned = try guardSet.evaluate(model: tunedModel, name: "tuned")
///     let report = guardSet.report([base, tuned])   // paired CI, won/tied/lost, warnings
///     base.metrics.values(of: MetricName.ndcg10)     // per-query nDCG@10
public struct RetrievalBenchmark {
    /// What the set is called in tables and warnings ("in-domain", "guard", "dev").
    public var name: String
    public let corpus: [Document]
    /// The queries the qrels judge relevant: the ones that are scored.
    public let queries: [Query]
    /// Every query's text by id (for the report).
    public let queryText: [String: String]
    public let qrels: Qrels
    /// What checking the qrels against the queries and corpus found.
    public let check: QrelsReport
    /// Ranks the corpus for each query; its `indexDir` and `depth` may be changed.
    public var evaluator: Evaluator

    /// Read the three BEIR files and check they belong together. Throws one line naming the file
    /// when the qrels share no query id (no query has a relevant document) or no document id.
    public init(name: String = "in-domain", corpus: URL, queries: URL, qrels: URL, indexDir: URL? = nil) throws {
        try self.init(name: name, corpus: try readCorpus(corpus), queries: try readQueries(queries),
                      qrels: try Qrels.read(qrels), indexDir: indexDir)
    }

    /// A set from values already read (see the file-reading initialiser).
    public init(name: String = "in-domain", corpus: [Document], queries: [Query], qrels: Qrels, indexDir: URL? = nil) throws {
        self.name = name
        self.corpus = corpus
        self.qrels = qrels
        check = try qrels.validate(queryIDs: Set(queries.map(\.id)), docIDs: Set(corpus.map(\.id)))
        // `validate` throws unless some query has a relevant document, so `judged` is never empty.
        let judged = queries.filter { !(qrels.relevant[$0.id]?.isEmpty ?? true) }
        self.queries = judged
        queryText = Dictionary(queries.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        evaluator = Evaluator(corpus: corpus, queries: judged, qrels: qrels, indexDir: indexDir)
        evaluator.depth = 100
    }

    /// Document id → document, for the report.
    public var documents: [String: Document] {
        Dictionary(corpus.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// `embedder`'s ranking of the corpus for every scored query (top 100).
    public func run(_ embedder: Embedder, progress: ((Int, Int) -> Void)? = nil) throws -> Evaluator.Run {
        try evaluator.run(embedder, progress: progress)
    }

    /// Evaluate `model` (texts cut at `maxSeqLength` tokens; nil, the default, keeps the model's own
    /// max_seq_length — the one rule `attune eval`, `attune search` and the dev check follow):
    /// per-query and mean nDCG@10, MRR@10, Recall@1/10/100, MAP@100.
    public func evaluate(model: SentenceModel, name: String = "model", maxSeqLength: Int? = nil,
                         progress: ((Int, Int) -> Void)? = nil) throws -> ModelResult {
        var m = model
        if let maxSeqLength { m.maxSeqLength = min(maxSeqLength, m.bert.config.maxPositions) }
        return result(name: name, run: try run(ModelEmbedder(model: m, name: name), progress: progress))
    }

    /// The metrics of a ranking made by `run` (or by `rerank`: then `retriever` names the model
    /// whose candidates it reorders, which the report compares it with).
    public func result(name: String, run: Evaluator.Run, retriever: String? = nil) -> ModelResult {
        ModelResult(name: name, ranked: run.mapValues { $0.map(\.doc) }, qrels: qrels, retriever: retriever)
    }

    /// Every model compared with the first on this set: paired CI, p-value, won/tied/lost, and
    /// warnings (the qrels check's, and a loud one for a model worse than the first).
    public func report(_ results: [ModelResult], test: PairedTest = PairedTest(), setName: String? = nil) -> EvalReport {
        EvalReport(models: results, qrels: qrels, test: test, extraWarnings: check.warnings, setName: setName)
    }
}

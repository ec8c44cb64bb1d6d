import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import Foundation

/// Runs each embedder over a BEIR set (corpus → vectors → exact top-100 per query) and builds the
/// `EvalReport` comparing every model with the first.
public struct Evaluator {
    public var corpus: [Document]
    public var queries: [Query]
    public var qrels: Qrels
    /// Hits kept per query (100: enough for Recall@100 and MAP@100).
    public var depth = 100
    /// When set, corpus vectors go into `<indexDir>/<fingerprint>.sqlite` (`<fingerprint>_d128.sqlite`
    /// at `--dim 128`) so a rerun (or another
    /// evaluation of the same model) reuses them, and an interrupted run resumes.
    public var indexDir: URL?
    /// When set (instead of `indexDir`), corpus vectors go into a PostgreSQL table per model,
    /// `<table>_<fingerprint>`, and each query is answered by pgvector's exact search.
    public var database: PostgresLocation?

    public init(corpus: [Document], queries: [Query], qrels: Qrels, indexDir: URL? = nil) {
        self.corpus = corpus; self.queries = queries; self.qrels = qrels; self.indexDir = indexDir
    }

    /// One model's ranking: query id → (doc id, score) best first.
    public typealias Run = [String: [(doc: String, score: Double)]]

    /// Rank the corpus for every query with `embedder`. `progress(done, total)` follows corpus embedding.
    public func run(_ embedder: Embedder, progress: ((Int, Int) -> Void)? = nil) throws -> Run {
        let hits: [[Hit]]
        if let store = try store(for: embedder) {
            try store.add(corpus, embedder: embedder, progress: progress)
            hits = try store.search(try embedder.embedQueries(queries.map(\.text)), k: min(depth, max(1, store.count)))
        } else {
            var rows: [Tensor] = []
            let batch = 512
            for start in stride(from: 0, to: corpus.count, by: batch) {
                let slice = corpus[start..<min(corpus.count, start + batch)]
                rows.append(try embedder.embed(slice.map(\.embeddingText)))
                progress?(min(corpus.count, start + batch), corpus.count)
            }
            let vectors = rows.isEmpty ? Tensor(zeros: [0, embedder.dimension]) : Tensor.concatRows(rows)
            let searcher = ExactSearcher(ids: corpus.map(\.id), vectors: vectors)
            hits = try searcher.search(try embedder.embedQueries(queries.map(\.text)), k: min(depth, max(1, searcher.count)))
        }
        var out: Run = [:]
        for (q, h) in zip(queries, hits) { out[q.id] = h.map { (doc: $0.id, score: Double($0.score)) } }
        return out
    }

    /// `_d128` for an embedder truncated to 128 dimensions (`--dim`), "" at the model's width: one
    /// index per model and width.
    private func dimSuffix(_ embedder: Embedder) -> String { embedder.isTruncated ? "_d\(embedder.dimension)" : "" }

    /// The persistent index for `embedder`'s vectors, or nil to keep them in memory.
    func store(for embedder: Embedder) throws -> IndexStore? {
        if let database {
            let table = database.table == PostgresLocation.defaultTable ? "attune" : database.table
            let model = String(embedder.fingerprint.lowercased().prefix(16).map { $0.isLetter || $0.isNumber ? $0 : "_" })
            return try PostgresStore.openOrCreate(database.with(table: "\(table.prefix(30))_\(model)\(dimSuffix(embedder))"), embedder: embedder)
        }
        if let indexDir {
            return try EmbeddingIndex.openOrCreate(at: indexDir.appendingPathComponent("\(embedder.fingerprint)\(dimSuffix(embedder)).sqlite"), embedder: embedder)
        }
        return nil
    }

    /// Metrics, paired statistics and warnings for named runs (the first is the baseline).
    public func report(_ runs: [(name: String, run: Run)], extraWarnings: [String] = []) -> EvalReport {
        let models = runs.map { ModelResult(name: $0.name, ranked: $0.run.mapValues { $0.map(\.doc) }, qrels: qrels) }
        return EvalReport(models: models, qrels: qrels, extraWarnings: extraWarnings)
    }
}

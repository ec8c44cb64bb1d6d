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
    /// evaluation of the same model) reuses them, and an interrupted run resumes. A model's
    /// `--dim` index is cut from its full-width one, so every width costs one encoding (see `run`).
    public var indexDir: URL?
    /// When set (instead of `indexDir`), corpus vectors go into a PostgreSQL table per model,
    /// `<table>_<fingerprint>`, and each query is answered by pgvector's exact search.
    public var database: PostgresLocation?
    /// One-line messages (a `--dim` index cut from the full-width one).
    public var log: ((String) -> Void)?

    public init(corpus: [Document], queries: [Query], qrels: Qrels, indexDir: URL? = nil) {
        self.corpus = corpus; self.queries = queries; self.qrels = qrels; self.indexDir = indexDir
    }

    /// One model's ranking: query id → (doc id, score) best first.
    public typealias Run = [String: [(doc: String, score: Double)]]

    /// Rank the corpus for every query with `embedder`. `progress(done, total)` follows corpus embedding.
    ///
    /// With `indexDir`, a model truncated to N dimensions (`--dim N`) takes the documents its
    /// `_dN` index lacks from the model's full-width index (filled first, encoding only what that
    /// lacks): each stored vector cut to its first N values and re-normalised, which is what the
    /// model's own truncation computes from that same vector (`SentenceModel.truncated`).
    public func run(_ embedder: Embedder, progress: ((Int, Int) -> Void)? = nil) throws -> Run {
        try run(embedder, queries: [queries], progress: progress)[0]
    }

    /// Rank the corpus for each list of queries with `embedder`, encoding the corpus once (sets
    /// that share a corpus: one encoding, one index, one ranking per set).
    public func run(_ embedder: Embedder, queries lists: [[Query]], progress: ((Int, Int) -> Void)? = nil) throws -> [Run] {
        let search: ([Query]) throws -> [[Hit]]
        if let store = try store(for: embedder) {
            try cutFromFullWidth(into: store, embedder: embedder, progress: progress)
            try store.add(corpus, embedder: embedder, progress: progress)
            search = { qs in try store.search(try embedder.embedQueries(qs.map(\.text)), k: min(self.depth, max(1, store.count))) }
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
            search = { qs in try searcher.search(try embedder.embedQueries(qs.map(\.text)), k: min(self.depth, max(1, searcher.count))) }
        }
        return try lists.map { qs in
            var out: Run = [:]
            for (q, h) in zip(qs, try search(qs)) { out[q.id] = h.map { (doc: $0.id, score: Double($0.score)) } }
            return out
        }
    }

    /// Fill the documents a `--dim N` SQLite index lacks from the same model's full-width index
    /// `<fingerprint>.sqlite` (brought up to date first: it encodes only the documents it lacks),
    /// without encoding: each stored full-width vector `v` becomes `v[0..<N] / ‖v[0..<N]‖`. That is
    /// exactly what `encode` returns at `--dim N` — the full output (after Normalize, when the
    /// model has it) cut and divided by its prefix's norm, a scale the full vector's own norm
    /// cancels from — so it holds for a model with or without Normalize. Nothing happens for
    /// another embedder, at full width, on PostgreSQL, or when no document is missing.
    private func cutFromFullWidth(into store: IndexStore, embedder: Embedder, progress: ((Int, Int) -> Void)?) throws {
        guard let index = store as? EmbeddingIndex, let truncated = embedder as? ModelEmbedder, truncated.isTruncated else { return }
        let present = try index.presentIDs()
        var seen = Set<String>()
        let missing = corpus.filter { !present.contains($0.id) && seen.insert($0.id).inserted }
        guard !missing.isEmpty else { return }
        let full = truncated.fullWidth
        guard let source = try self.store(for: full) as? EmbeddingIndex else { return }
        let encoded = try source.add(corpus, embedder: full, progress: progress).added
        let (ids, vectors) = try source.loadMatrix()
        var row = [String: Int](minimumCapacity: ids.count)
        for (i, id) in ids.enumerated() { row[id] = i }
        let width = vectors.cols, dim = truncated.dimension
        var cut = 0
        for start in stride(from: 0, to: missing.count, by: 4096) {
            let batch = missing[start..<min(missing.count, start + 4096)]
            let prefixes = Tensor(zeros: [batch.count, width])
            for (r, doc) in batch.enumerated() {
                guard let i = row[doc.id] else {
                    throw AttuneError.invalidFile(path: source.url.path, what: "lacks document \"\(doc.id)\" after adding the corpus to it")
                }
                (prefixes.data + r * width).update(from: vectors.data + i * width, count: width)
            }
            cut += try index.write(batch, vectors: SentenceModel.truncated(prefixes, to: dim))
        }
        try index.finishWrites()
        log?("\(index.url.lastPathComponent): \(cut) \(dim)-dimensional vectors cut from the full-width index \(source.url.lastPathComponent) "
             + (encoded > 0 ? "(which encoded \(encoded) documents it lacked)" : "(no encoding)"))
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

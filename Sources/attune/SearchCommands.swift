import AttuneCore
import AttuneData
import AttuneEval
import AttuneModel
import AttuneSearch
import ArgumentParser
import Foundation

/// Open a model by name or path as an embedder, truncated to `dim` when given (see `DimOption`),
/// its encoder in `precision` (see `PrecisionOption`; `strict`: `--strict-precision`).
func loadEmbedder(_ nameOrPath: String, maxSeqLength: Int?, batchSize: Int = 32, dim: Int? = nil,
                  precision: Precision = .fp32, strict: Bool = false) throws -> ModelEmbedder {
    var model = try ModelOption.named(nameOrPath).load(maxSeqLength: maxSeqLength)
    try DimOption.apply(dim, to: &model)
    try PrecisionOption.apply(precision, strict: strict, to: &model)
    return ModelEmbedder(model: model, name: nameOrPath, batchSize: batchSize)
}

/// `--dim N`: keep each embedding's first N values, re-normalised (a Matryoshka prefix).
struct DimOption: ParsableArguments {
    @Option(help: "Keep each embedding's first N values, re-normalised (Matryoshka; default: the model's full width). Warns when the model does not record N among its matryoshka_dims.")
    var dim: Int?

    func validate() throws {
        if let dim, dim < 1 { throw ValidationError("--dim \(dim): must be at least 1") }
    }

    /// Truncate `model` to `dim` (nil: leave it): a usage error above the model's width, a
    /// one-line warning on stderr when the model was not trained for it.
    static func apply(_ dim: Int?, to model: inout SentenceModel) throws {
        guard let dim else { return }
        guard dim <= model.dimension else {
            throw ValidationError("--dim \(dim): must be at most the model's \(model.dimension) dimensions")
        }
        if let warning = try model.truncate(to: dim) { note(warning) }
    }
}

/// `--precision fp32|bf16|int8`: the arithmetic of the encoder's dense layers (see `Precision`).
/// Where the CPU (or the installation) cannot run it: one notice and fp32, or with
/// `--strict-precision` an error.
struct PrecisionOption: ParsableArguments {
    @Option(help: "The encoder's arithmetic: fp32 (default; search: the index's), bf16 (AVX-512 BF16) or int8 (VNNI), both on oneDNN. Falls back to fp32 with a notice where unavailable.")
    var precision: Precision?
    @Flag(help: "Fail instead of falling back to fp32 when --precision is unavailable.")
    var strictPrecision = false

    /// Convert `model` to `precision` (default `fallback`), printing any fallback notice on stderr.
    func apply(to model: inout SentenceModel, default fallback: Precision = .fp32) throws {
        try PrecisionOption.apply(precision ?? fallback, strict: strictPrecision, to: &model)
    }

    /// Convert `model` to `precision`, printing any fallback notice on stderr.
    static func apply(_ precision: Precision, strict: Bool, to model: inout SentenceModel) throws {
        if let notice = try model.usePrecision(precision, strict: strict) { note(notice) }
    }

    /// An index's model name split into the model and the precision it was built at
    /// ("all-MiniLM-L6-v2 [int8]" → ("all-MiniLM-L6-v2", .int8); see `ModelEmbedder.name`).
    static func split(_ modelName: String) -> (model: String, precision: Precision) {
        for p in Precision.allCases where p != .fp32 && modelName.hasSuffix(" [\(p.rawValue)]") {
            return (String(modelName.dropLast(p.rawValue.count + 3)), p)
        }
        return (modelName, .fp32)
    }
}

extension Precision: ExpressibleByArgument {}

/// `--db`: where an index lives, the same flag for every command.
let dbHelp: ArgumentHelp = "The index: a SQLite file, or a postgresql://user@host:port/database URL (?table=NAME, default attune_docs; the password from the URL, PGPASSWORD or ~/.pgpass)."

/// The second stage, the same flags for `search` and `eval`: a cross-encoder reranks each query's
/// top `--rerank-top` candidates of the retriever (see docs/rerankers.md).
struct RerankerOptions: ParsableArguments {
    @Option(help: "A cross-encoder folder: rerank the retriever's top --rerank-top for each query with it (see docs/rerankers.md).")
    var reranker: String?
    @Option(help: "Candidates per query the reranker reorders (default: 50; at least -k for search, 10 for eval; at most the corpus).")
    var rerankTop: Int?
    @Option(help: "The reranker's arithmetic: fp32 (default), bf16 or int8.")
    var rerankerPrecision: Precision?

    /// Refuses `--rerank-top` and `--reranker-precision` without `--reranker`, and a
    /// `--rerank-top` below `minimum` (named `minimumWhy`).
    func validate(minimum: Int, minimumWhy: String) throws {
        if reranker == nil, let flag = [("--rerank-top", rerankTop != nil), ("--reranker-precision", rerankerPrecision != nil)].first(where: \.1)?.0 {
            throw ValidationError("\(flag) needs --reranker CE")
        }
        if let rerankTop, rerankTop < minimum { throw ValidationError("--rerank-top \(rerankTop): must be at least \(minimumWhy)") }
    }

    /// The reranker `--reranker` names, at `--reranker-precision`; nil without `--reranker`.
    func load(strict: Bool) throws -> Reranker? {
        try reranker.map { try loadReranker($0, maxLength: nil, precision: rerankerPrecision ?? .fp32, strict: strict) }
    }
}

/// Approximate search on a PostgreSQL index: which pgvector index, built with what, searched how.
struct ApproximateOptions: ParsableArguments {
    @Option(help: "Approximate search with a pgvector index: hnsw or ivfflat (built if the table lacks it). PostgreSQL only.")
    var ann: String?
    @Option(help: "HNSW links per node (build).") var hnswM = 16
    @Option(help: "HNSW candidate list while building.") var efConstruction = 64
    @Option(help: "HNSW candidate list while searching (hnsw.ef_search).") var efSearch = 40
    @Option(help: "IVFFlat lists (build; default rows/1000).") var lists: Int?
    @Option(help: "IVFFlat lists probed per query (ivfflat.probes).") var probes = 1

    /// The settings asked for, or nil for exact search.
    func settings() throws -> ApproximateSearch? {
        guard let ann else { return nil }
        guard let method = ApproximateSearch.Method(rawValue: ann) else {
            throw AttuneError.invalid("--ann \"\(ann)\": expected hnsw or ivfflat")
        }
        var s = ApproximateSearch(method: method)
        s.m = hnswM; s.efConstruction = efConstruction; s.efSearch = efSearch; s.lists = lists; s.probes = probes
        try s.validate()
        return s
    }

    /// `store` as a PostgreSQL store with the approximate index built, or an error for SQLite.
    func prepare(_ store: IndexStore, _ settings: ApproximateSearch) throws -> PostgresStore {
        guard let pg = store as? PostgresStore else {
            throw AttuneError.invalid("\(store.location): --ann needs a PostgreSQL index (postgresql://…); a SQLite index is searched exactly")
        }
        if let built = try pg.ensureApproximateIndex(settings) { note("\(pg.location): \(built)") }
        return pg
    }
}

/// `attune index`: embed a BEIR corpus into a persistent index (resumable, shardable).
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Embed a corpus into an index (SQLite or PostgreSQL); a rerun embeds only the ids it does not have.",
        discussion: """
        With --shard I/N, only the documents whose id hashes (FNV-1a) to shard I are embedded: N such \
        writers, on N machines, fill one PostgreSQL table, with the same result as one writer. Each batch \
        is one transaction, so a killed writer loses at most its batch and a rerun adds the rest.
        """)

    @OptionGroup var modelOption: ModelOption
    @OptionGroup var runtime: RuntimeOptions
    @Option(help: "BEIR corpus .jsonl ({\"_id\",\"title\",\"text\"} per line).") var corpus: String
    @Option(help: dbHelp) var db: String
    @Option(help: "Truncate documents to this many tokens (default: the model's).") var maxSeqLength: Int?
    @Option(help: "Documents per committed batch.") var batchSize = 256
    @Option(help: "Embed only shard I of N (1…N), e.g. 2/4.") var shard: String?
    @Option(help: "Vector storage: float32, or float16 (a PostgreSQL halfvec column).") var storage = "float32"
    @OptionGroup var precisionOption: PrecisionOption
    @OptionGroup var dimOption: DimOption
    @Option(help: "What a search scans (SQLite): f32 (exact), int8 (a byte per value, ranges learned from the corpus) or binary (sign bits, Hamming distance); the float32 vectors are kept for rescoring. Default: an existing index's own, else f32.")
    var vectors: String?
    @OptionGroup var approximate: ApproximateOptions
    @OptionGroup var promptOptions: PromptOptions

    func validate() throws {
        try checkBatchSize(batchSize)
        try checkMaxSeqLength(maxSeqLength)
    }

    func run() throws {
        runtime.apply()
        let shardSpec = try shard.map(Shard.init(parsing:))
        guard let storageType = VectorPrecision(rawValue: storage) else {
            throw AttuneError.invalid("--storage \"\(storage)\": expected float32 or float16")
        }
        let ann = try approximate.settings()
        let docs = try readCorpus(URL(fileURLWithPath: corpus))
        let embedder = try loadEmbedder(modelOption.model, maxSeqLength: maxSeqLength, dim: dimOption.dim,
                                        precision: precisionOption.precision ?? .fp32, strict: precisionOption.strictPrecision)
        try promptOptions.apply(to: embedder, named: .document)
        let index = try openOrCreateIndexStore(db, embedder: embedder, precision: storageType, vectors: try vectors.map(parseVectors))
        var bar = ProgressBar(total: docs.count, unit: "docs", label: shardSpec.map { "index \($0)" } ?? "index")
        let r = try index.add(docs, embedder: embedder, batchSize: batchSize, shard: shardSpec) { done, _ in bar.update(done) }
        if let shardSpec {
            note("\(index.location): shard \(shardSpec): \(r.added) documents embedded, \(r.skipped) already present, \(r.otherShards) left to other shards")
        } else {
            note("\(index.location): \(r.added) documents embedded, \(r.skipped) already present, \(index.count) in all")
        }
        if let ann { _ = try approximate.prepare(index, ann) }
    }
}

/// `--vectors f32|int8|binary` as a value.
func parseVectors(_ text: String) throws -> VectorEncoding {
    guard let v = VectorEncoding(rawValue: text) else { throw ValidationError("--vectors \"\(text)\": expected f32, int8 or binary") }
    return v
}

/// `attune search`: top-k documents for a query (or a file of queries) from an index, or a recall
/// audit of an approximate index against exact search.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search an index with the model that built it; --audit N measures an approximate index's recall.",
        discussion: """
        Exact search by default (BLAS over a SQLite index; ORDER BY embedding <=> q on PostgreSQL). \
        --ann hnsw|ivfflat searches a PostgreSQL index approximately. --audit N runs N queries (drawn from \
        --queries, or N stored documents) both ways and prints recall@k with a 95% CI and the latency of each.
        """)

    @OptionGroup var runtime: RuntimeOptions
    @Option(help: dbHelp) var db: String
    @Option(help: "A query text.") var query: String?
    @Option(help: "BEIR queries .jsonl to run in a batch (with --output run.trec), or to draw --audit queries from.") var queries: String?
    @Option(help: "TREC run file to write for --queries.") var output: String?
    @Option(name: .shortAndLong, help: "How many hits per query.") var k = 10
    @Option(help: "The model (default: the one named in the index). Its fingerprint must match the index's.") var model: String?
    @Option(help: "Audit the --ann index on this many queries: recall@k against exact search, with latencies.") var audit: Int?
    @Option(help: "Seed for drawing the audit's queries.") var seed = 42
    @Option(name: .customLong("filter"), help: "Only documents whose corpus metadata has KEY=VALUE (repeat for several; PostgreSQL).")
    var filters: [String] = []
    @OptionGroup var approximate: ApproximateOptions
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var promptOptions: PromptOptions
    @Option(help: "Search at this Matryoshka width; it must be the one the index was built with (default: the index's).")
    var dim: Int?
    @OptionGroup var precisionOption: PrecisionOption
    @Option(help: "Scan the index's int8 or binary codes, or f32 for exact search over its float32 vectors (default: the index's own --vectors).")
    var vectors: String?
    @Option(help: "Candidates from an int8 or binary scan rescored with their float32 vectors (default: 4·k for int8, 10·k for binary; binary picks them from 10× as many Hamming candidates by the query against their sign bits).")
    var rescore: Int?
    @OptionGroup var rerankerOptions: RerankerOptions

    func validate() throws {
        if k < 1 { throw ValidationError("-k \(k): must be at least 1") }
        try rerankerOptions.validate(minimum: k, minimumWhy: "-k (\(k)); the reranker reorders the top N and keeps the best k")
        if rerankerOptions.reranker != nil && audit != nil { throw ValidationError("--reranker does not apply to --audit") }
        if let dim, dim < 1 { throw ValidationError("--dim \(dim): must be at least 1") }
        if let rescore, rescore < k { throw ValidationError("--rescore \(rescore): must be at least -k (\(k))") }
        if let vectors { _ = try parseVectors(vectors) }
        if let audit {
            if audit < 1 { throw ValidationError("--audit \(audit): must be at least 1") }
            if query != nil || output != nil { throw ValidationError("--audit takes no --query or --output (--queries, if given, is where its queries are drawn from)") }
            return
        }
        guard (query == nil) != (queries == nil) else { throw ValidationError("give exactly one of --query or --queries (or --audit N)") }
        if let query, query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--query is empty") }
        if queries != nil && output == nil { throw ValidationError("--queries needs --output run.trec") }
    }

    /// The index's model (or --model) with the query prompt, checked against the index (its
    /// document prompt too: the model's, or --document-prompt).
    private func queryEmbedder(for index: IndexStore) throws -> ModelEmbedder {
        if let dim, dim != index.meta.dimension {
            throw AttuneError.invalidFile(path: index.location, what: "built at --dim \(index.meta.dimension), searched at --dim \(dim); search it at \(index.meta.dimension), or build an index at \(dim)")
        }
        let (builtModel, built) = PrecisionOption.split(index.meta.modelName)
        if let wanted = precisionOption.precision, wanted != built {
            throw AttuneError.invalidFile(path: index.location, what: "built at --precision \(built.rawValue), searched at --precision \(wanted.rawValue); search it at \(built.rawValue), or build an index at \(wanted.rawValue)")
        }
        var m = try ModelOption.named(model ?? builtModel).load(maxSeqLength: index.meta.maxSeqLength)
        // The index's width (a narrower one is a Matryoshka prefix); a wider one is another model,
        // which checkCompatible names.
        if index.meta.dimension < m.dimension { try DimOption.apply(index.meta.dimension, to: &m) }
        // The index's precision (a fallback to fp32 here then fails checkCompatible, naming both).
        try precisionOption.apply(to: &m, default: built)
        let embedder = ModelEmbedder(model: m, name: model ?? builtModel)
        try promptOptions.apply(to: embedder, named: .query)
        try index.checkCompatible(with: embedder)
        return embedder
    }

    func run() throws {
        runtime.apply()
        let ann = try approximate.settings()
        if let audit { return try runAudit(audit, ann) }
        let index = try openIndexStore(db)
        try chooseScan(index)
        let embedder = try queryEmbedder(for: index)
        if k > index.count { note("asked for the top \(k) but the index has only \(index.count) documents; returning all of them") }
        let pg = try ann.map { try approximate.prepare(index, $0) }
        let filter = try metadataFilter()
        if !filter.isEmpty && !(index is PostgresStore) {
            throw AttuneError.invalid("\(index.location): --filter needs a PostgreSQL index (postgresql://…), which stores the corpus metadata")
        }
        // With a reranker: retrieve the top N, rerank them, keep the best k.
        let stage2 = try rerankerOptions.load(strict: precisionOption.strictPrecision)
        let retrieve = try stage2 == nil ? k : Reranker.candidates(rerankerOptions.rerankTop, k: k, corpus: index.count)
        func search(_ vectors: Tensor, texts: [String]) throws -> [[Hit]] {
            let k = retrieve
            let hits: [[Hit]]
            if let pg, let ann { hits = try pg.searchApproximate(vectors, k: k, settings: ann, filter: filter) }
            else if let pg = index as? PostgresStore, !filter.isEmpty { hits = try pg.search(vectors, k: k, filter: filter) }
            else { hits = try index.search(vectors, k: k) }
            guard let stage2 else { return hits }
            var summary = Reranker.Summary()
            let out = try zip(texts, hits).map { q, h in
                let docs = try h.map { try index.document($0.id)?.embeddingText ?? "" }
                let r = stage2.rerank(query: q, hits: h, texts: docs, k: self.k)
                summary.pairs += r.summary.pairs; summary.truncated += r.summary.truncated; summary.queryTruncated += r.summary.queryTruncated
                return r.hits
            }
            if let line = summary.notice(maxLength: stage2.model.maxLength) { note(line) }
            return out
        }
        if let query {
            let hits = try search(try embedder.embedQueries([query]), texts: [query])[0]
            var rows: [[String: Any]] = []
            for (rank, h) in hits.enumerated() {
                let doc = try index.document(h.id)
                let snippet = String((doc?.text ?? "").prefix(100)).replacingOccurrences(of: "\n", with: " ")
                if json {
                    rows.append(["rank": rank + 1, "score": Double(h.score), "id": h.id, "title": doc?.title ?? "", "snippet": snippet])
                } else {
                    print(String(format: "%3d  %.4f  %@  %@", rank + 1, h.score, h.id, snippet))
                }
            }
            if json {
                let data = try JSONSerialization.data(withJSONObject: ["query": query, "hits": rows], options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            }
            return
        }
        let qs = try readQueries(URL(fileURLWithPath: queries!))
        let output = output!
        let results = try search(try embedder.embedQueries(qs.map(\.text)), texts: qs.map(\.text))
        try TrecRun.write(zip(qs, results).map { (queryID: $0.0.id, hits: $0.1.map { (doc: $0.id, score: Double($0.score)) }) },
                         tag: "attune", to: URL(fileURLWithPath: output))
        note("\(output): \(qs.count) queries × top \(min(k, index.count))")
    }

    /// `--vectors` and `--rescore` on the index: a SQLite index scans its own codes or f32; a
    /// PostgreSQL one is scanned by pgvector.
    private func chooseScan(_ index: IndexStore) throws {
        guard let sqlite = index as? EmbeddingIndex else {
            if let v = vectors, v != VectorEncoding.f32.rawValue {
                throw AttuneError.invalid("\(index.location): --vectors \(v) is for SQLite indexes; a PostgreSQL index is scanned by pgvector")
            }
            if rescore != nil { throw AttuneError.invalid("\(index.location): --rescore is for a SQLite index built with --vectors int8 or binary") }
            return
        }
        if let vectors { try sqlite.setScan(try parseVectors(vectors)) }
        if let rescore {
            guard sqlite.scan != .f32 else {
                throw AttuneError.invalidFile(path: sqlite.location, what: "is searched exactly (f32), so --rescore has nothing to rescore; build it with --vectors int8 or binary")
            }
            sqlite.rescore = rescore
        }
    }

    /// `--filter KEY=VALUE` options as a dictionary.
    private func metadataFilter() throws -> [String: String] {
        var filter: [String: String] = [:]
        for f in filters {
            guard let eq = f.firstIndex(of: "="), eq != f.startIndex else {
                throw AttuneError.invalid("--filter \"\(f)\": expected KEY=VALUE")
            }
            filter[String(f[..<eq])] = String(f[f.index(after: eq)...])
        }
        return filter
    }

    private func runAudit(_ n: Int, _ ann: ApproximateSearch?) throws {
        guard let ann else { throw AttuneError.invalid("--audit compares an approximate index with exact search: give --ann hnsw or --ann ivfflat") }
        let index = try openIndexStore(db)
        let pg = try approximate.prepare(index, ann)
        let vectors: Tensor
        if let queries {
            let embedder = try queryEmbedder(for: index)
            var qs = try readQueries(URL(fileURLWithPath: queries))
            var rng = SplitMix64(seed: UInt64(seed))
            qs.shuffle(using: &rng)
            vectors = try embedder.embedQueries(qs.prefix(n).map(\.text))
        } else {
            vectors = RecallAudit.draw(n, from: try index.loadMatrix().vectors, seed: UInt64(seed))
        }
        if vectors.shape[0] < n { note("auditing \(vectors.shape[0]) queries (all there are)") }
        let result = try RecallAudit.run(store: pg, queries: vectors, k: k, settings: ann)
        if json {
            let data = try JSONEncoder().encode(result)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(result.table())
        }
    }
}

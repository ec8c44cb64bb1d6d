import AttuneCore
import AttuneData
import AttuneEval
import AttuneModel
import AttuneSearch
import ArgumentParser
import Foundation

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
        if let ann { try ApproximateOptions.prepare(index, SearchRequest(k: 1, approximate: ann)) }
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
        if let w = rerankerOptions.rerankWeight, w.contains(",") { throw ValidationError("--rerank-weight \(w): search takes one weight (eval takes a list)") }
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
        let (builtModel, built) = (index.meta.modelName, index.meta.encoderPrecision)
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
        // One request, whatever the store: each refuses what it cannot do, naming the setting.
        var request = SearchRequest(k: k, filter: try metadataFilter(), approximate: ann,
                                    scan: try vectors.map(parseVectors), rescore: rescore)
        _ = try index.prepare(SearchRequest(k: k, scan: request.scan, rescore: rescore))
        let embedder = try queryEmbedder(for: index)
        if k > index.count { note("asked for the top \(k) but the index has only \(index.count) documents; returning all of them") }
        try ApproximateOptions.prepare(index, request)
        // With a reranker: retrieve the top N, rerank them, keep the best k.
        let stage2 = try rerankerOptions.load(strict: precisionOption.strictPrecision)
        request.k = try stage2 == nil ? k : Reranker.candidates(rerankerOptions.rerankTop, k: k, corpus: index.count)
        func search(_ vectors: Tensor, texts: [String]) throws -> [[Hit]] {
            let hits = try index.search(vectors, request)
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
        try ApproximateOptions.prepare(index, SearchRequest(k: k, approximate: ann))
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
        let result = try RecallAudit.run(store: index, queries: vectors, k: k, settings: ann)
        if json {
            let data = try JSONEncoder().encode(result)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(result.table())
        }
    }
}

import AttuneCore
import AttuneModel
import AttuneSearch
import ArgumentParser
import Foundation

/// Open a model by name or path as an embedder.
func loadEmbedder(_ nameOrPath: String, maxSeqLength: Int?, batchSize: Int = 32) throws -> ModelEmbedder {
    let model = try ModelOption.named(nameOrPath).load(maxSeqLength: maxSeqLength)
    return ModelEmbedder(model: model, name: nameOrPath, batchSize: batchSize)
}

/// `attune index`: embed a BEIR corpus into a persistent SQLite index (resumable).
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Embed a corpus into a SQLite index; a rerun embeds only the ids it does not have.")

    @OptionGroup var modelOption: ModelOption
    @OptionGroup var runtime: RuntimeOptions
    @Option(help: "BEIR corpus .jsonl ({\"_id\",\"title\",\"text\"} per line).") var corpus: String
    @Option(help: "The index file (created if absent).") var db: String
    @Option(help: "Truncate documents to this many tokens (default: the model's).") var maxSeqLength: Int?
    @Option(help: "Documents per committed batch.") var batchSize = 256
    @OptionGroup var promptOptions: PromptOptions

    func validate() throws {
        try checkBatchSize(batchSize)
        try checkMaxSeqLength(maxSeqLength)
    }

    func run() throws {
        runtime.apply()
        let docs = try readCorpus(URL(fileURLWithPath: corpus))
        let embedder = try loadEmbedder(modelOption.model, maxSeqLength: maxSeqLength)
        try promptOptions.apply(to: embedder, named: .document)
        let index = try EmbeddingIndex.openOrCreate(at: URL(fileURLWithPath: db), embedder: embedder)
        var bar = ProgressBar(total: docs.count, unit: "docs", label: "index")
        let (added, skipped) = try index.add(docs, embedder: embedder, batchSize: batchSize) { done, _ in bar.update(done) }
        note("\(db): \(added) documents embedded, \(skipped) already present, \(index.count) in all")
    }
}

/// `attune search`: top-k documents for a query (or a file of queries) from an index.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search an index with the model that built it.")

    @OptionGroup var runtime: RuntimeOptions
    @Option(help: "The index file.") var db: String
    @Option(help: "A query text.") var query: String?
    @Option(help: "BEIR queries .jsonl to run in a batch (with --output run.trec).") var queries: String?
    @Option(help: "TREC run file to write for --queries.") var output: String?
    @Option(name: .shortAndLong, help: "How many hits per query.") var k = 10
    @Option(help: "The model (default: the one named in the index). Its fingerprint must match the index's.") var model: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var promptOptions: PromptOptions

    func validate() throws {
        guard (query == nil) != (queries == nil) else { throw ValidationError("give exactly one of --query or --queries") }
        if let query, query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--query is empty") }
        if queries != nil && output == nil { throw ValidationError("--queries needs --output run.trec") }
        if k < 1 { throw ValidationError("-k \(k): must be at least 1") }
    }

    func run() throws {
        runtime.apply()
        let index = try EmbeddingIndex.open(URL(fileURLWithPath: db))
        let embedder = try loadEmbedder(model ?? index.modelName, maxSeqLength: index.maxSeqLength)
        try index.checkCompatible(with: embedder)
        try promptOptions.apply(to: embedder, named: .query)
        let searcher = try ExactSearcher(index: index)
        let (kk, clampNote) = try searcher.clampedK(k)
        if let clampNote { note(clampNote) }
        if let query {
            let hits = try searcher.search(try embedder.embedQueries([query]), k: kk)[0]
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
        let results = try searcher.search(try embedder.embedQueries(qs.map(\.text)), k: kk)
        try writeTREC(zip(qs, results).map { (queryID: $0.0.id, hits: $0.1) }, tag: "attune", to: URL(fileURLWithPath: output))
        note("\(output): \(qs.count) queries × top \(kk)")
    }
}

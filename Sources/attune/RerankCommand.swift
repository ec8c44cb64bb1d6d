import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import ArgumentParser
import Foundation

/// `attune rerank`: score documents against a query with a cross-encoder (the default `score`), or
/// make a cross-encoder from a bi-encoder (`init`).
struct Rerank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rerank documents for a query with a cross-encoder; `attune rerank init` makes one from a bi-encoder.",
        subcommands: [RerankScore.self, RerankInit.self],
        defaultSubcommand: RerankScore.self)
}

/// Open a cross-encoder folder as a reranker, at `maxLength` tokens per pair when given, its encoder
/// in `precision` (a fallback notice on stderr; `strict`: an error); its fusion weight the one saved
/// in the folder, if any (`RerankFusion.file`).
func loadReranker(_ path: String, maxLength: Int?, precision: Precision, strict: Bool) throws -> Reranker {
    let folder = try ModelStore.resolve(path)
    var model = try CrossEncoder.load(folder)
    if let maxLength {
        guard maxLength >= 6 && maxLength <= model.bert.config.maxSequenceLength else {
            throw ValidationError("--max-length \(maxLength): must be between 6 and \(model.bert.config.maxSequenceLength) (the model's positions)")
        }
        model.maxLength = maxLength
    }
    if let notice = try model.usePrecision(precision, strict: strict) { note(notice) }
    var reranker = try Reranker(model: model, name: path)
    if let saved = try RerankFusion.saved(in: folder) { reranker.fusion = try RerankFusion(weight: saved.weight) }
    return reranker
}

/// `attune rerank [score] --model CE --query … --input docs.jsonl`: every document scored, best first.
struct RerankScore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score every document of --input against --query with a cross-encoder and print them best first.")

    @Option(help: "The cross-encoder folder (a sentence-transformers CrossEncoder; `attune rerank init` makes one).") var model: String
    @Option(help: "The query.") var query: String
    @Option(help: "Documents: .jsonl (objects with --field) or .txt (one per line).") var input: String
    @Option(help: "The JSON field holding the document text.") var field = "text"
    @Option(name: .shortAndLong, help: "Print only the best k (default: all).") var k: Int?
    @Option(help: "Tokens per (query, document) pair, specials included (default: the model's).") var maxLength: Int?
    @Option(help: "Pairs per batch.") var batchSize = 32
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var precisionOption: PrecisionOption
    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        if let k, k < 1 { throw ValidationError("-k \(k): must be at least 1") }
        try checkBatchSize(batchSize)
        if query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--query is empty") }
    }

    func run() throws {
        runtime.apply()
        let docs = try TextFile.read(URL(fileURLWithPath: input), field: field)
        let reranker = try loadReranker(model, maxLength: maxLength, precision: precisionOption.precision ?? .fp32,
                                        strict: precisionOption.strictPrecision)
        let (ranked, summary) = reranker.rerank(query: query, documents: docs, batchSize: batchSize)
        if let line = summary.notice(maxLength: reranker.model.maxLength) { note(line) }
        let shown = ranked.prefix(k ?? ranked.count)
        if json {
            let rows: [[String: Any]] = shown.enumerated().map { rank, r in
                ["rank": rank + 1, "index": r.index, "score": Double(r.score), "logit": Double(r.logit),
                 "snippet": String(docs[r.index].prefix(100)).replacingOccurrences(of: "\n", with: " ")]
            }
            let object: [String: Any] = ["query": query, "model": model, "results": rows, "pairs": summary.pairs,
                                         "truncated": summary.truncated, "query_truncated": summary.queryTruncated,
                                         "max_length": reranker.model.maxLength]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
        } else {
            for (rank, r) in shown.enumerated() {
                let snippet = String(docs[r.index].prefix(100)).replacingOccurrences(of: "\n", with: " ")
                print(String(format: "%3d  %.4f  %5d  %@", rank + 1, r.score, r.index, snippet))
            }
        }
    }
}

/// `attune rerank init --model BI --output CE`: a new cross-encoder from a bi-encoder.
struct RerankInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a cross-encoder from a bi-encoder folder, as CrossEncoder(path, num_labels=1) does: its encoder, a seeded new head.",
        discussion: "BERT keeps the checkpoint's pooler (when it has one); MPNet's head is new. The head is untrained: train it before its scores mean anything.")

    @Option(help: "The bi-encoder: a sentence-transformers folder, or a known name (all-MiniLM-L6-v2).") var model: String
    @Option(help: "The cross-encoder folder to write.") var output: String
    @Option(help: "Seed for the new head's weights.") var seed: UInt64 = 42
    @Option(help: "Outputs (num_labels); reranking needs 1.") var numLabels = 1
    @Option(help: "Tokens per (query, document) pair, specials included (default: the tokenizer's model_max_length).") var maxLength: Int?
    @Flag(help: "Replace the output folder if it exists.") var force = false

    func validate() throws {
        if numLabels < 1 { throw ValidationError("--num-labels \(numLabels): must be at least 1") }
        if let maxLength, maxLength < 6 { throw ValidationError("--max-length \(maxLength): must be at least 6") }
    }

    func run() throws {
        let out = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: out.path) && !force {
            throw AttuneError.invalid("\(output) already exists (use --force to replace it)")
        }
        let ce = try CrossEncoder.initialise(fromBiEncoder: ModelStore.resolve(model), seed: seed, numLabels: numLabels, maxLength: maxLength)
        try ce.save(to: out, overwrite: force)
        note("\(output): \(ce.architectureName) from \(model) (\(ce.bert.layers.count) layers, \(ce.numLabels) output\(ce.numLabels == 1 ? "" : "s"), \(ce.maxLength) tokens per pair, head seed \(seed))")
    }
}

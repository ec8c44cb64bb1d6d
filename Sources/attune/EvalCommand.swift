import AttuneCore
import AttuneEval
import AttuneSearch
import ArgumentParser
import Foundation

/// `attune eval`: base vs adapted (any number of models) on held-out BEIR queries.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare models on held-out queries: nDCG@10, MRR@10, Recall@1/10/100, MAP@100, with paired statistics.")

    @Option(name: .customLong("model"), help: "A model (folder or name); repeat it. The first is the baseline.")
    var models: [String] = []
    @OptionGroup var runtime: RuntimeOptions
    @Option(help: "BEIR corpus .jsonl.") var corpus: String
    @Option(help: "BEIR queries .jsonl.") var queries: String
    @Option(help: "BEIR qrels .tsv (query-id, corpus-id, score).") var qrels: String
    @Option(help: "Tokens per text at evaluation.") var maxSeqLength = 256
    @Option(help: "Write the comparison as JSON here.") var json: String?
    @Option(help: "Write one TREC run file per model into this folder.") var runDir: String?
    @Option(help: "Write a self-contained HTML report here.") var report: String?
    @Option(name: [.customLong("index-dir"), .customLong("db")],
            help: "Keep corpus vectors here, reused and resumable: a folder of SQLite indexes, or a postgresql:// URL (a table per model, searched by pgvector).")
    var indexDir: String?

    func run() throws {
        runtime.apply()
        guard !models.isEmpty else { throw AttuneError.invalid("give at least one --model") }
        let result = try EvalRun(models: models, corpus: corpus, queries: queries, qrels: qrels,
                                 maxSeqLength: maxSeqLength, indexDir: indexDir).execute()
        print(result.report.table())
        try result.write(json: json, runDir: runDir, report: report)
    }
}

/// The evaluation flow shared by `attune eval` and `attune demo`.
struct EvalRun {
    var models: [String]
    var corpus: String, queries: String, qrels: String
    var maxSeqLength: Int
    var indexDir: String?
    var names: [String]? = nil

    struct Result {
        var report: EvalReport
        var runs: [(name: String, run: Evaluator.Run)]
        var docs: [String: Document]
        var queryText: [String: String]

        func write(json: String?, runDir: String?, report reportPath: String?) throws {
            if let json { try atomicWrite(report.json(), to: URL(fileURLWithPath: json)); note("wrote \(json)") }
            if let runDir {
                for (i, r) in runs.enumerated() {
                    let safe = r.name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).joined(separator: "_")
                    let url = URL(fileURLWithPath: runDir).appendingPathComponent("\(i)-\(safe.suffix(60)).trec")
                    try TrecRun.write(r.run, tag: "attune", to: url)
                }
                note("wrote \(runs.count) run files to \(runDir)")
            }
            if let reportPath {
                try report.writeHTML(to: URL(fileURLWithPath: reportPath), queries: queryText,
                                     docs: { id in docs[id].map { (title: $0.title, text: $0.text) } })
                note("wrote \(reportPath)")
            }
        }
    }

    func execute() throws -> Result {
        let docs = try readCorpus(URL(fileURLWithPath: corpus))
        let qs = try readQueries(URL(fileURLWithPath: queries))
        let rel = try Qrels.read(URL(fileURLWithPath: qrels))
        let check = try rel.validate(queryIDs: Set(qs.map(\.id)), docIDs: Set(docs.map(\.id)))
        // Only queries the qrels judge relevant are scored; embed just those.
        let judged = qs.filter { !(rel.relevant[$0.id]?.isEmpty ?? true) }
        var evaluator = Evaluator(corpus: docs, queries: judged, qrels: rel,
                                  indexDir: indexDir.flatMap { PostgresLocation.isURL($0) ? nil : URL(fileURLWithPath: $0) })
        evaluator.database = try indexDir.flatMap { PostgresLocation.isURL($0) ? try PostgresLocation($0) : nil }
        evaluator.depth = 100
        var runs: [(name: String, run: Evaluator.Run)] = []
        for (i, m) in models.enumerated() {
            let embedder = try loadEmbedder(m, maxSeqLength: maxSeqLength)
            let name = names?[i] ?? m
            var bar = ProgressBar(total: docs.count, unit: "docs", label: "\(name): corpus")
            runs.append((name: name, run: try evaluator.run(embedder) { done, _ in bar.update(done) }))
        }
        return Result(report: evaluator.report(runs, extraWarnings: check.warnings), runs: runs,
                      docs: Dictionary(docs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                      queryText: Dictionary(qs.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a }))
    }
}

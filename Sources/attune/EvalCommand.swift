import AttuneCore
import AttuneData
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
    @Option(help: "Truncate texts to this many tokens (default: each model's own max_seq_length, as `attune index` and `attune search` do).")
    var maxSeqLength: Int?
    @Option(help: "Write the comparison as JSON here.") var json: String?
    @Option(help: "Write one TREC run file per model into this folder.") var runDir: String?
    @Option(help: "Write a self-contained HTML report here.") var report: String?
    @Option(name: [.customLong("index-dir"), .customLong("db")],
            help: "Keep corpus vectors here, reused and resumable: a folder of SQLite indexes, or a postgresql:// URL (a table per model, searched by pgvector).")
    var indexDir: String?
    @Option(help: "Guard set (data from outside the domain): BEIR corpus .jsonl.") var guardCorpus: String?
    @Option(help: "Guard set: BEIR queries .jsonl.") var guardQueries: String?
    @Option(help: "Guard set: BEIR qrels .tsv.") var guardQrels: String?
    @OptionGroup var promptOptions: PromptOptions
    @OptionGroup var dimOption: DimOption
    @OptionGroup var precisionOption: PrecisionOption

    func validate() throws {
        if models.isEmpty { throw ValidationError("give at least one --model") }
        try checkMaxSeqLength(maxSeqLength)
    }

    func run() throws {
        runtime.apply()
        let guardFiles = [guardCorpus, guardQueries, guardQrels]
        guard guardFiles.allSatisfy({ $0 == nil }) || guardFiles.allSatisfy({ $0 != nil }) else {
            throw AttuneError.invalid("a guard set needs all three of --guard-corpus, --guard-queries and --guard-qrels")
        }
        var eval = EvalRun(models: models, corpus: corpus, queries: queries, qrels: qrels,
                           maxSeqLength: maxSeqLength, indexDir: indexDir, prompts: promptOptions, dim: dimOption.dim,
                           precision: precisionOption.precision ?? .fp32, strictPrecision: precisionOption.strictPrecision)
        if let guardCorpus, let guardQueries, let guardQrels { eval.guardSet = (guardCorpus, guardQueries, guardQrels) }
        let result = try eval.execute()
        print(result.report.table(guardSet: result.guardReport))
        try result.write(json: json, runDir: runDir, report: report)
    }
}

/// The evaluation flow shared by `attune eval` and `attune demo`.
struct EvalRun {
    var models: [String]
    var corpus: String, queries: String, qrels: String
    /// nil: each model's own max_seq_length.
    var maxSeqLength: Int?
    var indexDir: String?
    var prompts = PromptOptions.none
    /// Every model's embeddings cut to this width (`--dim`); nil: each model's own.
    var dim: Int? = nil
    /// Every model's encoder arithmetic (`--precision`, `--strict-precision`).
    var precision = Precision.fp32
    var strictPrecision = false
    var names: [String]? = nil
    /// A guard set (corpus, queries, qrels) the same models are evaluated on.
    var guardSet: (corpus: String, queries: String, qrels: String)? = nil

    struct Result {
        var report: EvalReport
        var runs: [(name: String, run: Evaluator.Run)]
        var docs: [String: Document]
        var queryText: [String: String]
        var guardReport: EvalReport? = nil
        var guardRuns: [(name: String, run: Evaluator.Run)] = []

        func write(json: String?, runDir: String?, report reportPath: String?) throws {
            if let json { try atomicWrite(report.json(guardSet: guardReport), to: URL(fileURLWithPath: json)); note("wrote \(json)") }
            if let runDir {
                for (folder, list) in [(runDir, runs), (runDir + "/guard", guardRuns)] {
                    for (i, r) in list.enumerated() {
                        let safe = r.name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).joined(separator: "_")
                        let url = URL(fileURLWithPath: folder).appendingPathComponent("\(i)-\(safe.suffix(60)).trec")
                        try TrecRun.write(r.run, tag: "attune", to: url)
                    }
                }
                note("wrote \(runs.count + guardRuns.count) run files to \(runDir)")
            }
            if let reportPath {
                try report.writeHTML(to: URL(fileURLWithPath: reportPath), queries: queryText,
                                     docs: { id in docs[id].map { (title: $0.title, text: $0.text) } }, guardSet: guardReport)
                note("wrote \(reportPath)")
            }
        }
    }

    func execute() throws -> Result {
        // A folder of SQLite indexes, or a PostgreSQL database with a table per model.
        let database = try indexDir.flatMap { PostgresLocation.isURL($0) ? try PostgresLocation($0) : nil }
        let index = database == nil ? indexDir.map { URL(fileURLWithPath: $0) } : nil
        var main = try RetrievalBenchmark(name: "in-domain", corpus: URL(fileURLWithPath: corpus),
                                          queries: URL(fileURLWithPath: queries), qrels: URL(fileURLWithPath: qrels),
                                          indexDir: index)
        main.evaluator.database = database
        main.evaluator.log = { note($0) }
        // The guard corpus gets its own index folder (or tables): an index holds one corpus.
        let guardBench = try guardSet.map { files -> RetrievalBenchmark in
            var g: RetrievalBenchmark
            do {
                g = try RetrievalBenchmark(name: "guard", corpus: URL(fileURLWithPath: files.corpus), queries: URL(fileURLWithPath: files.queries),
                                           qrels: URL(fileURLWithPath: files.qrels), indexDir: index?.appendingPathComponent("guard"))
            } catch let e as AttuneError {
                throw AttuneError.invalid("guard set: \(e)")
            }
            g.evaluator.log = { note($0) }
            g.evaluator.database = try database.map { d in
                try d.with(table: (d.table == PostgresLocation.defaultTable ? "attune" : String(d.table.prefix(24))) + "_guard")
            }
            return g
        }
        var runs: [(name: String, run: Evaluator.Run)] = []
        var guardRuns: [(name: String, run: Evaluator.Run)] = []
        for (i, m) in models.enumerated() {
            let embedder = try loadEmbedder(m, maxSeqLength: maxSeqLength, dim: dim, precision: precision, strict: strictPrecision)
            try prompts.apply(to: embedder, named: .query)
            let name = names?[i] ?? m
            var bar = ProgressBar(total: main.corpus.count, unit: "docs", label: "\(name): corpus")
            runs.append((name: name, run: try main.run(embedder) { done, _ in bar.update(done) }))
            if let g = guardBench {
                var gbar = ProgressBar(total: g.corpus.count, unit: "docs", label: "\(name): guard corpus")
                guardRuns.append((name: name, run: try g.run(embedder) { done, _ in gbar.update(done) }))
            }
        }
        let guardReport = guardBench.map { g in g.report(guardRuns.map { g.result(name: $0.name, run: $0.run) }, setName: g.name) }
        return Result(report: main.report(runs.map { main.result(name: $0.name, run: $0.run) }), runs: runs,
                      docs: main.documents, queryText: main.queryText, guardReport: guardReport, guardRuns: guardRuns)
    }
}

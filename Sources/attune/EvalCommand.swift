import AttuneCore
import AttuneData
import AttuneEval
import AttuneSearch
import ArgumentParser
import Foundation

/// `attune eval`: base vs adapted (any number of models) on held-out BEIR queries: one set
/// (`--corpus/--queries/--qrels`, optionally a guard set) or every set of a suite (`--suite`).
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare models on held-out queries: nDCG@10, MRR@10, Recall@1/10/100, MAP@100, with paired statistics.",
        discussion: """
        One set: --corpus, --queries and --qrels (and optionally a guard set). A suite: --suite FILE, a YAML list of
        sets (name, role: domain | users | other | guard, corpus, queries, qrels; see docs/evaluation.md), every model
        scored on every set in one run (each corpus encoded once per model); --set NAME runs one of them.
        """)

    @Option(name: .customLong("model"), help: "A model (folder or name); repeat it. The first is the baseline.")
    var models: [String] = []
    @OptionGroup var runtime: RuntimeOptions
    @Option(help: "BEIR corpus .jsonl.") var corpus: String?
    @Option(help: "BEIR queries .jsonl.") var queries: String?
    @Option(help: "BEIR qrels .tsv (query-id, corpus-id, score).") var qrels: String?
    @Option(help: "A suite file (YAML): every model on every set it names, instead of --corpus/--queries/--qrels.")
    var suite: String?
    @Option(name: .customLong("set"), help: "With --suite: run only the set of this name.") var setName: String?
    @Option(help: "Truncate texts to this many tokens (default: each model's own max_seq_length, as `attune index` and `attune search` do).")
    var maxSeqLength: Int?
    @Option(help: "Write the comparison as JSON here.") var json: String?
    @Option(help: "Write one TREC run file per model (and set) into this folder.") var runDir: String?
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
    /// With `--reranker`: a row "M + CE" per model M, compared with M too (docs/evaluation.md).
    @OptionGroup var rerankerOptions: RerankerOptions

    func validate() throws {
        if models.isEmpty { throw ValidationError("give at least one --model") }
        try rerankerOptions.validate(minimum: EvalReranking.minimumTop, minimumWhy: "\(EvalReranking.minimumTop) (nDCG@10 and MRR@10 rank the top 10)")
        try checkMaxSeqLength(maxSeqLength)
        let oneSet = [corpus, queries, qrels], guardFiles = [guardCorpus, guardQueries, guardQrels]
        if suite != nil {
            if let flag = zip(["--corpus", "--queries", "--qrels", "--guard-corpus", "--guard-queries", "--guard-qrels"], oneSet + guardFiles)
                .first(where: { $0.1 != nil })?.0 {
                throw ValidationError("\(flag) and --suite: give one set by its files or a suite, not both (add the set to the suite)")
            }
        } else {
            if setName != nil { throw ValidationError("--set needs --suite") }
            if let missing = zip(["--corpus", "--queries", "--qrels"], oneSet).first(where: { $0.1 == nil })?.0 {
                throw ValidationError("missing \(missing): give --corpus, --queries and --qrels (one set), or --suite")
            }
        }
    }

    func run() throws {
        runtime.apply()
        if let suite {
            var s = try EvaluationSuite.load(URL(fileURLWithPath: suite))
            if let setName { s = try cliSetting { try s.only(setName) } }
            let result = try evaluation(models: models, suite: s).execute()
            print(result.table(), terminator: "")
            try write(result)
            return
        }
        let guardFiles = [guardCorpus, guardQueries, guardQrels]
        guard guardFiles.allSatisfy({ $0 == nil }) || guardFiles.allSatisfy({ $0 != nil }) else {
            throw AttuneError.invalid("a guard set needs all three of --guard-corpus, --guard-queries and --guard-qrels")
        }
        var sets = [EvaluationSet.oneSet(name: "in-domain", role: .domain, corpus: corpus!, queries: queries!, qrels: qrels!, indexName: "")]
        if let guardCorpus, let guardQueries, let guardQrels {
            sets.append(.oneSet(name: "guard", role: .guard, corpus: guardCorpus, queries: guardQueries, qrels: guardQrels, indexName: "guard"))
        }
        let result = try evaluation(models: models, suite: try EvaluationSuite(sets: sets, source: "command line")).execute()
        let main = result.sets[0], guardSet = result.sets.count > 1 ? result.sets[1] : nil
        print(main.report.table(guardSet: guardSet?.report))
        if let json { try atomicWrite(main.report.json(guardSet: guardSet?.report), to: URL(fileURLWithPath: json)); note("wrote \(json)") }
        if let runDir { note("wrote \(try result.writeRuns(to: URL(fileURLWithPath: runDir))) run files to \(runDir)") }
        if let report {
            let docs = main.benchmark.documents
            try main.report.writeHTML(to: URL(fileURLWithPath: report), queries: main.benchmark.queryText,
                                      docs: { id in docs[id].map { (title: $0.title, text: $0.text) } }, guardSet: guardSet?.report)
            note("wrote \(report)")
        }
    }

    /// The library's evaluation with this command's settings (the reranker loaded here).
    func evaluation(models: [String], suite: EvaluationSuite) throws -> EvalRun {
        var e = Evaluation(models: models, suite: suite)
        e.maxSeqLength = maxSeqLength
        e.indexLocation = indexDir
        e.prompts = promptOptions.choice
        e.dim = dimOption.dim
        e.precision = precisionOption.precision ?? .fp32
        e.strictPrecision = precisionOption.strictPrecision
        if let scorer = try rerankerOptions.load(strict: precisionOption.strictPrecision) {
            var r = EvalReranking(scorer: scorer, name: scorer.name, top: rerankerOptions.rerankTop)
            r.fusions = try rerankerOptions.weights() ?? [scorer.fusion]
            e.reranking = r
        }
        return EvalRun(evaluation: e)
    }

    /// A suite's JSON, TREC runs and HTML report, where the flags ask for them.
    func write(_ result: SuiteEvaluation) throws {
        if let json { try atomicWrite(result.json(), to: URL(fileURLWithPath: json)); note("wrote \(json)") }
        if let runDir { note("wrote \(try result.writeRuns(to: URL(fileURLWithPath: runDir))) run files to \(runDir)") }
        if let report { try result.writeHTML(to: URL(fileURLWithPath: report)); note("wrote \(report)") }
    }
}

/// A library `Evaluation` run from the command line: its notices on stderr, a progress bar per
/// corpus, and its setting errors reported as the flags that set them.
struct EvalRun {
    var evaluation: Evaluation

    func execute() throws -> SuiteEvaluation {
        var e = evaluation
        var bars: [String: ProgressBar] = [:]
        e.log = { note($0) }
        e.progress = { label, done, total in
            var bar = bars[label] ?? ProgressBar(total: total, unit: "docs", label: label)
            bar.update(done)
            bars[label] = bar
        }
        e.rerankProgress = { label, done, total in
            var bar = bars["rerank " + label] ?? ProgressBar(total: total, unit: "pairs", label: "reranking " + label)
            bar.update(done)
            bars["rerank " + label] = bar
        }
        return try cliSetting { try e.run() }
    }
}

/// Run `body`, turning a library setting error into a usage error naming its flag
/// (`max_seq_length 9999: …` → `--max-seq-length 9999: …`).
func cliSetting<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as EvaluationSettingError {
        throw ValidationError("--\(e.setting.replacingOccurrences(of: "_", with: "-")) \(e.value): \(e.what)")
    }
}

extension EvaluationSet {
    /// A set given by three command-line paths (taken as they are, relative to the current folder).
    static func oneSet(name: String, role: SuiteRole, corpus: String, queries: String, qrels: String, indexName: String) -> EvaluationSet {
        EvaluationSet(name: name, role: role, corpus: URL(fileURLWithPath: corpus), queries: URL(fileURLWithPath: queries),
                      qrels: URL(fileURLWithPath: qrels), indexName: indexName)
    }
}

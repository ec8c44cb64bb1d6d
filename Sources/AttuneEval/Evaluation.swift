import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import Foundation

/// Every model scored on every set of a suite, in one run: what `attune eval` and `attune demo`
/// call. Each set's files are read and checked before any model is loaded; then per model, each
/// corpus is encoded once (sets sharing a corpus file share the encoding and the index) and
/// every set's queries ranked against it.
///
///     var e = Evaluation(models: ["all-MiniLM-L6-v2", "out/model"], suite: try .load(url))
///     e.indexLocation = "out/indexes"          // or a postgresql:// URL, or nil (in memory)
///     let result = try e.run()
///     print(result.table())
public struct Evaluation {
    /// Model names or folders; the first is the baseline every other is compared with.
    public var models: [String]
    /// Display names, one per model (default: `models`).
    public var names: [String]?
    public var suite: EvaluationSuite
    /// Texts cut at this many tokens; nil: each model's own max_seq_length.
    public var maxSeqLength: Int?
    /// Where corpus vectors are kept, reused and resumable: a folder of SQLite indexes (one
    /// sub-folder per corpus), a postgresql:// URL (a table per model and corpus), or nil (in memory).
    public var indexLocation: String?
    /// The prompts (`promptName` applies to queries).
    public var prompts = PromptChoice()
    /// Every model's embeddings cut to this width; nil: each model's own.
    public var dim: Int?
    /// Every model's encoder arithmetic; `strictPrecision`: fail instead of falling back to fp32.
    public var precision = Precision.fp32
    public var strictPrecision = false
    /// The paired statistics every set uses.
    public var test = PairedTest()
    /// One-line notices (a precision fallback, a Matryoshka warning, an index cut from another).
    public var log: (String) -> Void = { _ in }
    /// Corpus encoding progress: (label, done, total).
    public var progress: ((String, Int, Int) -> Void)?
    /// A second stage: each model's top N per query on each set reranked, a row "M + CE" after
    /// the models (`EvalReranking`), compared with the first model and with M.
    public var reranking: EvalReranking?
    /// Reranking progress: (label, pairs scored, pairs in all).
    public var rerankProgress: ((String, Int, Int) -> Void)?

    public init(models: [String], suite: EvaluationSuite) {
        self.models = models
        self.suite = suite
    }

    /// Read every set, then score every model on each. Throws (before any model is loaded) a
    /// one-line error naming the set for a bad file, and `EvaluationSettingError` for a setting
    /// that cannot work (`models`, `names`, `max_seq_length`, `dim`, `rerank_top`). With a
    /// `reranking`, each model's run on each set is reranked once, right after it is retrieved;
    /// the retrievers' own rows and runs are what they are without it.
    public func run() throws -> SuiteEvaluation {
        guard !models.isEmpty else { throw EvaluationSettingError(setting: "model", value: "(none)", what: "give at least one model") }
        if let names, names.count != models.count {
            throw EvaluationSettingError(setting: "names", value: "\(names.count)", what: "one display name per model (\(models.count))")
        }
        if let n = maxSeqLength, n < 2 {
            throw EvaluationSettingError(setting: "max_seq_length", value: "\(n)", what: "must be at least 2 ([CLS] and [SEP] count)")
        }
        if let dim, dim < 1 { throw EvaluationSettingError(setting: "dim", value: "\(dim)", what: "must be at least 1") }
        let location = try indexLocation.map(IndexLocation.init)
        var benches = try readSets(location)
        // Candidates per set (checked before any model loads); a depth below them is raised for
        // the retrieval and the retrievers' runs cut back to it afterwards.
        let tops = try reranking.map { r in
            try benches.indices.map { i in try r.candidates(corpus: benches[i].corpus.count, set: suite.sets[i].isMain ? nil : suite.sets[i].name) }
        }
        let depths = benches.map(\.evaluator.depth)
        if let tops { for i in benches.indices { benches[i].evaluator.depth = max(depths[i], tops[i]) } }
        var rerankedRuns = [[(name: String, run: Evaluator.Run, retriever: String)]](repeating: [], count: benches.count)
        // Sets over one corpus file, in suite order: each group is one encoding per model.
        var groups: [[Int]] = []
        var groupOf: [String: Int] = [:]
        for (i, s) in suite.sets.enumerated() {
            if let g = groupOf[s.corpusKey] { groups[g].append(i) } else { groupOf[s.corpusKey] = groups.count; groups.append([i]) }
        }
        var runs = [[(name: String, run: Evaluator.Run)]](repeating: [], count: benches.count)
        for (m, model) in models.enumerated() {
            let embedder = try loadEmbedder(model)
            let name = names?[m] ?? model
            for group in groups {
                let first = benches[group[0]]
                let label = "\(name): \(group.map { suite.sets[$0].name }.joined(separator: ", ")) corpus"
                let ranked = try first.evaluator.run(embedder, queries: group.map { benches[$0].queries }) { done, total in
                    progress?(label, done, total)
                }
                for (i, r) in zip(group, ranked) {
                    if let reranking, let tops {
                        let rows = reranking.rowNames(for: name), label = "\(reranking.rowName(for: name)): \(suite.sets[i].name)"
                        let (reranked, summary) = benches[i].rerank(r, top: tops[i], scorer: reranking.scorer, fusions: reranking.fusions) { done, total in
                            rerankProgress?(label, done, total)
                        }
                        if let ce = reranking.scorer as? Reranker, let line = summary.notice(maxLength: ce.model.maxLength) {
                            log("\(label): \(line)")
                        }
                        for (row, run) in zip(rows, reranked) { rerankedRuns[i].append((name: row, run: run, retriever: name)) }
                    }
                    runs[i].append((name: name, run: r.mapValues { Array($0.prefix(depths[i])) }))
                }
            }
        }
        let sets = benches.enumerated().map { i, b in
            let results = runs[i].map { b.result(name: $0.name, run: $0.run) }
                + rerankedRuns[i].map { b.result(name: $0.name, run: $0.run, retriever: $0.retriever) }
            return SetEvaluation(set: suite.sets[i], benchmark: b,
                                 report: b.report(results, test: test, setName: suite.sets[i].isMain ? nil : b.name),
                                 runs: runs[i] + rerankedRuns[i].map { (name: $0.name, run: $0.run) })
        }
        let retrievers = models.indices.map { names?[$0] ?? models[$0] }
        return SuiteEvaluation(suite: suite, models: retrievers + (reranking.map { r in retrievers.flatMap { r.rowNames(for: $0) } } ?? []),
                               sets: sets, test: test)
    }

    /// Each set read and checked (qrels against queries and corpus), a corpus file read once.
    private func readSets(_ location: IndexLocation?) throws -> [RetrievalBenchmark] {
        var corpora: [String: [Document]] = [:]
        return try suite.sets.map { s in
            do {
                let corpus = try corpora[s.corpusKey] ?? readCorpus(s.corpus)
                corpora[s.corpusKey] = corpus
                var b = try RetrievalBenchmark(name: s.name, corpus: corpus, queries: try readQueries(s.queries),
                                               qrels: try Qrels.read(s.qrels))
                switch location {
                case .folder(let url)?: b.evaluator.indexDir = s.indexFolder.isEmpty ? url : url.appendingPathComponent(s.indexFolder)
                case .database(let d)?: b.evaluator.database = try d.for(s)
                case nil: break
                }
                b.evaluator.log = log
                return b
            } catch let e as AttuneError where !s.isMain {
                throw AttuneError.invalid("\(s.name) set: \(e)")
            }
        }
    }

    /// `model` loaded as an embedder with this evaluation's settings.
    private func loadEmbedder(_ nameOrPath: String) throws -> ModelEmbedder {
        var model = try SentenceModel.load(ModelStore.resolve(nameOrPath))
        if let n = maxSeqLength {
            guard n <= model.bert.config.maxSequenceLength else {
                throw EvaluationSettingError(setting: "max_seq_length", value: "\(n)",
                                             what: "must be between 2 and \(model.bert.config.maxSequenceLength) (the model's positions)")
            }
            model.maxSeqLength = n
        }
        if let dim {
            guard dim <= model.dimension else {
                throw EvaluationSettingError(setting: "dim", value: "\(dim)", what: "must be at most the model's \(model.dimension) dimensions")
            }
            if let warning = try model.truncate(to: dim) { log(warning) }
        }
        if let notice = try model.usePrecision(precision, strict: strictPrecision) { log(notice) }
        let embedder = ModelEmbedder(model: model, name: nameOrPath)
        try prompts.apply(to: embedder, named: .query)
        return embedder
    }
}

/// Where an evaluation keeps corpus vectors.
enum IndexLocation {
    case folder(URL)
    case database(PostgresLocation)

    init(_ s: String) throws {
        self = PostgresLocation.isURL(s) ? .database(try PostgresLocation(s)) : .folder(URL(fileURLWithPath: s))
    }
}

extension PostgresLocation {
    /// The table (prefix) for `set`'s corpus: the location's own for the one-set form's main set,
    /// else `<table>_<suffix>` short enough that the per-model suffix still fits.
    func `for`(_ set: EvaluationSet) throws -> PostgresLocation {
        let suffix = set.indexTableSuffix
        if suffix.isEmpty { return self }
        let base = table == PostgresLocation.defaultTable ? "attune" : String(table.prefix(max(1, 29 - suffix.count)))
        return try with(table: base + "_" + suffix)
    }
}

extension EvaluationSet {
    /// The sub-folder of an index folder for this set's corpus ("" the folder itself).
    var indexFolder: String {
        if let indexName { return indexName }
        let parent = corpus.deletingLastPathComponent().lastPathComponent
        let stem = corpus.deletingPathExtension().lastPathComponent
        let safe = "\(parent)-\(stem)".map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return String(String(safe).suffix(40)) + "-" + corpusHash
    }

    /// The one-set form's main set (`indexName` ""): its vectors straight in the index location,
    /// its report and errors not prefixed with its name.
    var isMain: Bool { indexName == "" }

    /// The table suffix on PostgreSQL ("" the table itself).
    var indexTableSuffix: String { indexName ?? "c" + corpusHash }

    /// Eight hex digits of the corpus file's absolute path.
    private var corpusHash: String { String(String(FNV1a64.hash(corpusKey), radix: 16).suffix(8)) }
}

/// One set's outcome: every model's ranking and metrics, compared with the first.
public struct SetEvaluation {
    public var set: EvaluationSet
    /// The set as read (corpus, scored queries, qrels; documents and query texts for the report).
    public var benchmark: RetrievalBenchmark
    /// Metrics, paired statistics against the first model, won/tied/lost, warnings.
    public var report: EvalReport
    /// Each model's ranking (top 100 per query), then each reranked row's (its top N).
    public var runs: [(name: String, run: Evaluator.Run)]
}

/// A suite's outcome: one `SetEvaluation` per set, in suite order.
public struct SuiteEvaluation {
    public var suite: EvaluationSuite
    /// Display names, the baseline first, then the reranked rows' ("M + CE", one per model) when
    /// the evaluation had a reranker: the rows of every set's report, in order.
    public var models: [String]
    public var sets: [SetEvaluation]
    public var test: PairedTest

    /// Write one TREC run file per model and set: `<folder>/<set>/<i>-<model>.trec` (the one-set
    /// form's main set straight into `folder`, its guard set into `folder/guard`).
    public func writeRuns(to folder: URL) throws -> Int {
        var written = 0
        for s in sets {
            let sub = s.set.indexName ?? s.set.name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.map(String.init).joined()
            let dir = sub.isEmpty ? folder : folder.appendingPathComponent(sub)
            for (i, r) in s.runs.enumerated() {
                let safe = r.name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).joined(separator: "_")
                try TrecRun.write(r.run, tag: "attune", to: dir.appendingPathComponent("\(i)-\(safe.suffix(60)).trec"))
                written += 1
            }
        }
        return written
    }
}

import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import ArgumentParser
import Foundation

// The option groups several commands share, each declared once: `@OptionGroup var x: XOptions`
// in a command brings its flags, their help and their checks.

/// Options every command that runs the model shares.
struct RuntimeOptions: ParsableArguments {
    @Option(help: "Threads for OpenBLAS and Attune's kernels (default: the machine's cores, or ATTUNE_THREADS).")
    var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads \(threads): must be at least 1") }
    }

    func apply() {
        if let threads { BLAS.setThreads(threads) }
    }
}

/// Options that pick a model.
struct ModelOption: ParsableArguments {
    @Option(name: .long, help: "A sentence-transformers folder, or a known name (all-MiniLM-L6-v2).")
    var model: String = "all-MiniLM-L6-v2"

    static func named(_ name: String) -> ModelOption { var o = ModelOption(); o.model = name; return o }

    /// The model, truncating at `maxSeqLength` when given (a usage error, exit 64, when the
    /// model's positions do not reach it).
    func load(maxSeqLength: Int? = nil) throws -> SentenceModel {
        var m = try SentenceModel.load(ModelStore.resolve(model))
        if let maxSeqLength {
            try checkMaxSeqLength(maxSeqLength)
            guard maxSeqLength <= m.bert.config.maxSequenceLength else {
                throw ValidationError("--max-seq-length \(maxSeqLength): must be between 2 and \(m.bert.config.maxSequenceLength) (the model's positions)")
            }
            m.maxSeqLength = maxSeqLength
        }
        return m
    }
}

/// The bounds every `--max-seq-length` has before a model is loaded ([CLS] and [SEP] take two).
func checkMaxSeqLength(_ n: Int?) throws {
    if let n, n < 2 { throw ValidationError("--max-seq-length \(n): must be at least 2 ([CLS] and [SEP] count)") }
}

/// A `--batch-size` of at least 1.
func checkBatchSize(_ n: Int) throws {
    if n < 1 { throw ValidationError("--batch-size \(n): must be at least 1") }
}

/// Prompt flags: a prompt is prepended to each text before tokenising (as sentence-transformers
/// does). Without flags the model's own prompts apply (config_sentence_transformers.json: `query`
/// for queries, `document`/`passage`/`corpus` for documents, else `default_prompt_name`).
struct PromptOptions: ParsableArguments {
    @Option(help: "Use the model's prompt of this name (config_sentence_transformers.json `prompts`).") var promptName: String?
    @Option(help: "Prepend this text to every query.") var queryPrompt: String?
    @Option(help: "Prepend this text to every document.") var documentPrompt: String?

    /// The prompts chosen, as the library takes them.
    var choice: PromptChoice { PromptChoice(promptName: promptName, queryPrompt: queryPrompt, documentPrompt: documentPrompt) }

    /// The query and document prompts for `model`; an unknown --prompt-name is an error.
    /// `--prompt-name` sets the side given by `named` (both when nil).
    func resolve(_ model: SentenceModel, named side: Side? = nil) throws -> (query: String, document: String) {
        try choice.resolve(model, named: side)
    }

    typealias Side = PromptChoice.Side

    /// No prompt flags: the model's own prompts. For code that builds a command's options without
    /// parsing them (`attune demo`'s evaluation): a `PromptOptions()` whose options were never
    /// decoded traps in ArgumentParser when read, so every value is set here.
    static var none: PromptOptions {
        var p = PromptOptions()
        p.promptName = nil
        p.queryPrompt = nil
        p.documentPrompt = nil
        return p
    }

    /// Apply to an embedder.
    func apply(to embedder: ModelEmbedder, named side: Side? = nil) throws {
        try choice.apply(to: embedder, named: side)
    }
}

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
    @Option(help: ArgumentHelp("The cross-encoder's share of the final score, fused with the retriever's (0–1; 1: the cross-encoder alone). Default: the weight saved in the reranker's folder by its training's dev check, else 1. eval takes a comma-separated list, one row each.", valueName: "w"))
    var rerankWeight: String?

    /// Refuses `--rerank-top` and `--reranker-precision` without `--reranker`, and a
    /// `--rerank-top` below `minimum` (named `minimumWhy`).
    func validate(minimum: Int, minimumWhy: String) throws {
        if reranker == nil, let flag = [("--rerank-top", rerankTop != nil), ("--reranker-precision", rerankerPrecision != nil),
                                        ("--rerank-weight", rerankWeight != nil)].first(where: \.1)?.0 {
            throw ValidationError("\(flag) needs --reranker CE")
        }
        _ = try weights()
        if let rerankTop, rerankTop < minimum { throw ValidationError("--rerank-top \(rerankTop): must be at least \(minimumWhy)") }
    }

    /// The reranker `--reranker` names, at `--reranker-precision`, its fusion the first
    /// `--rerank-weight` when given; nil without `--reranker`.
    func load(strict: Bool) throws -> Reranker? {
        guard var r = try reranker.map({ try loadReranker($0, maxLength: nil, precision: rerankerPrecision ?? .fp32, strict: strict) }) else { return nil }
        if let first = try weights()?.first { r.fusion = first }
        return r
    }

    /// `--rerank-weight`'s fusions, in order; nil when it is not given. A value that is not a
    /// number in [0, 1], or one given twice, is an error naming the flag.
    func weights() throws -> [RerankFusion]? {
        guard let rerankWeight else { return nil }
        var out: [RerankFusion] = []
        for part in rerankWeight.split(separator: ",", omittingEmptySubsequences: false) {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let w = Double(text), w.isFinite, (0...1).contains(w) else {
                throw ValidationError("--rerank-weight \(rerankWeight): \"\(text)\" is not a number between 0 (the retriever alone) and 1 (the cross-encoder alone)")
            }
            let fusion = try RerankFusion(weight: w)
            guard !out.contains(fusion) else { throw ValidationError("--rerank-weight \(rerankWeight): \(w) is given twice") }
            out.append(fusion)
        }
        return out
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

    /// Make `store` ready for `request` (an approximate index it lacks is built), saying what was built.
    static func prepare(_ store: IndexStore, _ request: SearchRequest) throws {
        if let built = try store.prepare(request) { note("\(store.location): \(built)") }
    }
}

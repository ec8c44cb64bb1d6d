import AttuneCore
import AttuneData
import AttuneEval
import AttuneModel
import AttuneSearch
import AttuneTrain
import Foundation

/// Fine-tuning as a recipe describes it, end to end — what `attune train` and `attune demo` run:
///
///     base model → Trainer (dev checks keep the best) → OUTPUT/model
///     with merge.alphas: each alpha's WiSE-FT merge of base and trained weights scored on every set
///     of `dev_suite` (else on dev and every guard set) → MergeSelection → the chosen merge
///     replaces OUTPUT/model; the trained model stays in OUTPUT/trained, the curves go to
///     OUTPUT/merge.json and beside the model
///
/// Dev, suite and guard scoring is nDCG@10 by exact search (`RetrievalBenchmark`);
/// `dev_corpus_sample` scores dev (and a dev suite's domain set) on its relevant documents plus a
/// seeded sample of the others, which keeps the selection of several alphas affordable.
public struct Adaptation {
    public var recipe: Recipe
    /// Continue from OUTPUT/checkpoint.
    public var resume: Bool
    /// Train nothing: score `merge.alphas` again for the model already trained in OUTPUT
    /// (OUTPUT/trained, else OUTPUT/model) with this recipe's dev suite (or dev and guard sets), and
    /// keep the chosen merge — other alphas, sets or tolerance without retraining.
    public var mergeOnly = false
    /// One-line messages.
    public var log: (String) -> Void
    /// Training steps.
    public var progress: ((StepReport) -> Void)?
    /// (what, done, total) of long passes: the frozen-layer cache, dev and guard scoring.
    public var work: ((String, Int, Int) -> Void)?

    public init(recipe: Recipe, resume: Bool = false, mergeOnly: Bool = false, log: @escaping (String) -> Void = { _ in },
                progress: ((StepReport) -> Void)? = nil, work: ((String, Int, Int) -> Void)? = nil) {
        self.recipe = recipe
        self.resume = resume
        self.mergeOnly = mergeOnly
        self.log = log
        self.progress = progress
        self.work = work
    }

    /// What a run produced.
    public struct Result: Encodable {
        /// The training run (nil with `mergeOnly`).
        public var training: TrainSummary?
        /// The merge curve and choice (nil without `merge.alphas`).
        public var merge: MergeSelection?
        /// The folder of the final model.
        public var model: String
    }

    /// File names beside the model.
    public static let mergeFile = "merge.json"
    public static let trainedFolder = "trained"

    public func run() throws -> Result {
        let r = recipe
        if r.objective == .crossEncoder { return try runCrossEncoder() }
        let base = try SentenceModel.load(ModelStore.resolve(r.model))
        if !mergeOnly { log("training \(r.model) on \(r.pairsDescription): \(r.trainableLayers) layer(s)\(r.head ? " + head" : ""), batch \(r.batchSize)"
            + "\(r.miniBatchSize.map { " (GradCache mini-batches of \($0))" } ?? ""), lr \(r.lr), \(r.epochs) epoch(s), max \(r.maxSeqLength) tokens"
            + (r.guide.map { ", guide \($0)" } ?? "")) }
        let sets = try selectionSets()
        // The dev check: dev_queries/dev_corpus/dev_qrels, else dev_suite's domain set.
        let dev = try sets.map { s in
            s.fromSuite && r.hasDevSet
                ? try Adaptation.benchmark("dev", corpus: r.devCorpus!, queries: r.devQueries!, qrels: r.devQrels!, sample: r.devCorpusSample, seed: r.seed)
                : s.domain
        }
        if !r.hasDevSet, let dev {
            log("dev: the dev check scores dev_suite's domain set \(dev.name) (the recipe has no dev_queries, dev_corpus, dev_qrels)")
        }
        if let dev, r.devCorpusSample != nil {
            log("dev: \(dev.queries.count) queries against \(dev.corpus.count) documents (their relevant ones and a sample of the rest)")
        }
        let precision = try dev == nil ? Precision.fp32 : scoringPrecision()
        // Mining and the merge's alpha 0 see the base with the training prompts (the Trainer applies
        // them itself, to the base as loaded).
        let prompted = try TrainingPrompts(recipe: r, model: base).applied(to: base)
        let out = URL(fileURLWithPath: r.output)
        if mergeOnly {
            guard !r.mergeAlphas.isEmpty, let sets else {
                throw AttuneError.badConfig(source: "recipe", field: "merge.alphas", what: "is empty or there is no dev set: nothing to choose a merge with")
            }
            let trained = out.appendingPathComponent(Adaptation.trainedFolder), model = out.appendingPathComponent("model")
            let tuned = FileManager.default.fileExists(atPath: trained.appendingPathComponent("config.json").path) ? trained : model
            guard FileManager.default.fileExists(atPath: tuned.appendingPathComponent("config.json").path) else {
                throw AttuneError.invalidFile(path: out.path, what: "holds no trained model (neither trained/ nor model/); train first")
            }
            log("merge only: the trained model is \(tuned.path)")
            let selection = try selectMerge(base: prompted, tunedFolder: tuned, sets: sets, precision: precision)
            return Result(training: nil, merge: selection, model: model.path)
        }
        var trainOn = r
        if r.mineNegatives > 0 && r.sources.isEmpty { trainOn.pairs = try minedPairs(base: prompted).path }
        if r.mineNegatives > 0 {
            // Each source is mined on its own, with its own fields and prompts, into OUTPUT/mined-NAME.jsonl.
            for (k, s) in r.sources.enumerated() {
                let sr = s.recipe(from: r)
                let sourcePrompted = try TrainingPrompts(recipe: sr, model: base).applied(to: base)
                trainOn.sources[k].pairs = try minedPairs(base: sourcePrompted, recipe: sr, file: "mined-\(s.name)", source: s.name).path
            }
        }
        var summary = try Trainer(recipe: trainOn, log: log).run(
            base: base, resume: resume,
            evaluate: dev.map { d in { try self.score(try Adaptation.converted($0, to: precision), on: d) } },
            progress: progress, cacheProgress: { self.work?("frozen layers", $0, $1) })
        if dev != nil { summary.dev_precision = precision.rawValue }
        log(String(format: "trained %d steps in %.1fs (%.1f pairs/s), loss %.4f → %.4f%@", summary.steps, summary.seconds,
                   summary.pairs_per_second, summary.first_loss, summary.last_loss,
                   summary.guide_masked.map { String(format: "; the guide masked %d in-batch candidates (%.2f%%)", $0, 100 * (summary.guide_masked_fraction ?? 0)) } ?? ""))
        guard !r.mergeAlphas.isEmpty, let sets else {
            return Result(training: summary, merge: nil, model: summary.output)
        }
        let selection = try selectMerge(base: prompted, tunedFolder: URL(fileURLWithPath: summary.output), sets: sets, precision: precision)
        return Result(training: summary, merge: selection, model: summary.output)
    }

    /// `objective: cross_encoder`: the base is a cross-encoder folder, or a bi-encoder one
    /// initialised as `attune rerank init` does (the recipe's seed for the new head).
    func runCrossEncoder() throws -> Result {
        let r = recipe
        guard !mergeOnly && r.mergeAlphas.isEmpty && r.mineNegatives == 0 else {
            throw AttuneError.badConfig(source: "recipe", field: r.mineNegatives > 0 ? "mine.num_negatives" : "merge.alphas",
                                        what: "is not supported for a cross-encoder yet; mine negatives with `attune mine` first")
        }
        let url = try ModelStore.resolve(r.model)
        let base: CrossEncoder
        if CrossEncoder.isCrossEncoder(url) {
            base = try CrossEncoder.load(url)
        } else {
            base = try CrossEncoder.initialise(fromBiEncoder: url, seed: UInt64(r.seed))
            log("initialised a cross-encoder from the bi-encoder \(r.model) (a new head, seed \(r.seed))")
        }
        log("training a cross-encoder (\(r.crossEncoderLoss.rawValue)) from \(r.model) on \(r.pairs): \(r.trainableLayers) layer(s) + head, batch \(r.batchSize), lr \(r.lr), \(r.epochs) epoch(s), max \(r.maxSeqLength) tokens a pair")
        let dev = try rerankDevCheck(model: url)
        // Each check also sweeps the fusion weight; the kept model's best weight goes into its folder.
        let checks = CheckLog()
        let summary = try Trainer(recipe: r, log: log).runCrossEncoder(
            base: base, resume: resume,
            evaluate: dev.map { d in { model in
                let c = try d.check(model) { done, total in self.work?("dev rerank", done, total) }
                let b = c.best
                self.log(String(format: "dev: reranked alone %.4f; fused with the retriever, best at weight %.1f: %.4f (the retriever alone %.4f)",
                                c.reranked, b.weight, b.ndcg10, d.retrieverScore))
                checks.all.append(c)
                return c.reranked
            } },
            progress: progress, cacheProgress: { self.work?("frozen layers", $0, $1) })
        log(String(format: "trained %d steps in %.1fs (%.1f pairs/s), loss %.4f → %.4f", summary.steps, summary.seconds,
                   summary.pairs_per_second, summary.first_loss, summary.last_loss))
        if let dev, let best = summary.best_dev {
            // The kept model's check; a run resumed after it was made checks the saved model again.
            let folder = URL(fileURLWithPath: summary.output)
            let check = try checks.all.first(where: { $0.reranked == best })
                ?? dev.check(try CrossEncoder.load(folder)) { done, total in self.work?("dev rerank", done, total) }
            let saved = dev.saved(check)
            try RerankFusion.save(saved, in: folder)
            log(String(format: "wrote %@: fusion weight %.1f (dev nDCG@10 %.4f fused, %.4f reranked alone, %.4f the retriever alone)",
                       folder.appendingPathComponent(RerankFusion.file).path, saved.weight, saved.fused_ndcg10, saved.reranker_ndcg10, saved.retriever_ndcg10))
        }
        return Result(training: summary, merge: nil, model: summary.output)
    }

    /// The dev checks a cross-encoder run made, in order (the evaluate closure appends).
    private final class CheckLog { var all: [RerankDevCheck.Check] = [] }

    /// The cross-encoder's dev check, when the recipe has a dev set: the candidates of `dev_retriever`
    /// (else the recipe's model, `model`, when that is a bi-encoder folder) retrieved once.
    func rerankDevCheck(model: URL) throws -> RerankDevCheck? {
        let r = recipe
        guard r.hasDevSet else { return nil }
        let retrieverURL: URL
        if let name = r.devRetriever {
            retrieverURL = try ModelStore.resolve(name)
            if CrossEncoder.isCrossEncoder(retrieverURL) {
                throw AttuneError.badConfig(source: "recipe", field: "dev_retriever", what: "\(name) is a cross-encoder; the dev check's candidates come from a bi-encoder (a sentence-transformers folder)")
            }
        } else if !CrossEncoder.isCrossEncoder(model) {
            retrieverURL = model
        } else {
            throw AttuneError.badConfig(source: "recipe", field: "dev_retriever", what: "is not set and the model \(r.model) is a cross-encoder: name the bi-encoder whose candidates the dev check reranks")
        }
        let name = r.devRetriever ?? r.model
        let set = try Adaptation.benchmark("dev", corpus: r.devCorpus!, queries: r.devQueries!, qrels: r.devQrels!,
                                           sample: r.devCorpusSample, seed: r.seed)
        let check = try RerankDevCheck(set: set, retriever: try SentenceModel.load(retrieverURL), retrieverName: name, top: r.devRerankTop) {
            self.work?("dev retrieve", $0, $1)
        }
        log(String(format: "dev: %d queries against %d documents; %@ retrieves the top %d (nDCG@10 %.4f alone); each check reranks %d pairs",
                   set.queries.count, set.corpus.count, name, r.devRerankTop, check.retrieverScore, check.pairCount))
        return check
    }

    /// The pairs with `mine.num_negatives` hard negatives each, mined with the base model over the
    /// pairs' own positives (`HardNegativeMiner`: anchors with `base`'s query prompt, positives with
    /// its document prompt — the training prompts) into OUTPUT/mined-pairs.jsonl, written without
    /// prompts — reused while the pairs, the prompts and the mining settings are unchanged
    /// (OUTPUT/mined-pairs.json records them).
    ///
    /// A recipe's source is mined with `recipe` as that source reads (`TrainingSource.recipe(from:)`)
    /// into OUTPUT/`file`.jsonl, its messages prefixed with the `source`'s name.
    func minedPairs(base: SentenceModel, recipe sourceRecipe: Recipe? = nil, file: String = "mined-pairs",
                    source: String? = nil) throws -> URL {
        let r = sourceRecipe ?? recipe
        let log: (String) -> Void = source.map { name in { self.log("source \(name): " + $0) } } ?? self.log
        let out = URL(fileURLWithPath: r.output)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let url = out.appendingPathComponent(file + ".jsonl"), meta = out.appendingPathComponent(file + ".json")
        let read = try PairReader(anchorField: r.anchorField, positiveField: r.positiveField, negativePrefix: r.negativePrefix,
                                  skipBad: r.skipBad).read(URL(fileURLWithPath: r.pairs), limit: r.maxPairs)
        var options = MiningOptions()
        options.numNegatives = r.mineNegatives
        options.relativeMargin = r.mineRelativeMargin.map { Float($0) }
        options.sampling = r.mineSampling
        options.seed = UInt64(r.seed)
        var model = base
        if let n = r.mineMaxSeqLength { model.maxSeqLength = min(n, model.bert.config.maxSequenceLength) }
        let key: String = "pairs \(TrainingPair.digest(read.pairs)); model \(r.model) at \(model.maxSeqLength) tokens; "
            + "\(options.numNegatives) negatives, relative margin \(options.relativeMargin.map { "\($0)" } ?? "none"), "
            + "\(options.sampling.rawValue), seed \(options.seed)"
            + (model.prompts.queryPrompt.isEmpty && model.prompts.documentPrompt.isEmpty ? ""
                : "; prompts \(jsonQuoted(model.prompts.queryPrompt)) / \(jsonQuoted(model.prompts.documentPrompt))")
        if let saved = try? JSONDecoder().decode([String: String].self, from: Data(contentsOf: meta)), saved["key"] == key,
           FileManager.default.fileExists(atPath: url.path) {
            log("mine: reusing \(url.path) (same pairs and settings)")
            return url
        }
        log("mine: \(options.numNegatives) hard negative(s) per pair for \(read.pairs.count) pairs with \(r.model) (\(model.maxSeqLength) tokens)")
        let result = try HardNegativeMiner(options: options).mine(
            pairs: read.pairs, embedder: ModelEmbedder(model: model, name: r.model),
            progress: { phase, done, total in self.work?("mine: \(phase)", done, total) })
        try PairWriter(anchorField: r.anchorField, positiveField: r.positiveField, negativePrefix: r.negativePrefix)
            .write(result.pairs, to: url)
        let record: [String: String] = ["key": key]
        try atomicWrite(try JSONEncoder().encode(record), to: meta)
        for line in result.summary.text(numNegatives: options.numNegatives).split(separator: "\n") { log("mine: " + line) }
        return url
    }

    /// A guard set's name: its queries file's folder and name, without `.jsonl` and a `queries`
    /// suffix (`../shared/data/guard/dev-queries.jsonl` is `guard/dev`); the same name twice gets
    /// its position appended.
    static func guardName(_ queries: String, among all: [String]) -> String {
        func name(_ path: String) -> String {
            let url = URL(fileURLWithPath: path)
            var stem = url.deletingPathExtension().lastPathComponent
            for suffix in ["-queries", "_queries", "queries"] where stem.hasSuffix(suffix) && stem.count > suffix.count {
                stem = String(stem.dropLast(suffix.count)); break
            }
            return url.deletingLastPathComponent().lastPathComponent + "/" + stem
        }
        let mine = name(queries)
        guard all.filter({ name($0) == mine }).count > 1, let i = all.firstIndex(of: queries) else { return mine }
        return "\(mine) (\(i + 1))"
    }

    /// The sets a merge is chosen on: the in-domain set and the held ones, each with its role.
    struct SelectionSets {
        /// The dev set, or the dev suite's domain set (sampled as `dev_corpus_sample` says).
        var domain: RetrievalBenchmark
        /// Every other set of the dev suite, or the recipe's `guard:` lists as guard sets.
        var held: [(set: RetrievalBenchmark, role: SuiteRole)]
        /// From `dev_suite` (its set names and roles go to merge.json), not the legacy keys.
        var fromSuite: Bool
    }

    /// The merge's sets as the recipe gives them: `dev_suite` (exactly one domain set; its other
    /// sets held), else the dev set with the `guard:` lists as guard sets (one notice that
    /// `dev_suite` replaces them); nil without either dev set.
    func selectionSets() throws -> SelectionSets? {
        let r = recipe
        if let path = r.devSuite {
            let suite = try Adaptation.loadDevSuite(path)
            let d = suite.sets.first { $0.role == .domain }!
            let domain = try Adaptation.benchmark(d.name, corpus: d.corpus.path, queries: d.queries.path, qrels: d.qrels.path,
                                                  sample: r.devCorpusSample, seed: r.seed)
            let held = try suite.sets.filter { $0.role != .domain }.map { s in
                (set: try Adaptation.benchmark(s.name, corpus: s.corpus.path, queries: s.queries.path, qrels: s.qrels.path, sample: nil, seed: r.seed),
                 role: s.role)
            }
            return SelectionSets(domain: domain, held: held, fromSuite: true)
        }
        if r.hasGuardSet {
            log("notice: guard.queries/corpus/qrels are read as guard sets; dev_suite (a suite file of dev splits with roles) replaces them")
        }
        let guardSets = try r.guardSets.map { g in
            (set: try Adaptation.benchmark(Adaptation.guardName(g.queries, among: r.guardQueries), corpus: g.corpus, queries: g.queries,
                                           qrels: g.qrels, sample: nil, seed: r.seed), role: SuiteRole.guard)
        }
        guard r.hasDevSet else { return nil }
        let dev = try Adaptation.benchmark("dev", corpus: r.devCorpus!, queries: r.devQueries!, qrels: r.devQrels!,
                                           sample: r.devCorpusSample, seed: r.seed)
        return SelectionSets(domain: dev, held: guardSets, fromSuite: false)
    }

    /// The suite file of `dev_suite`, read and checked: it must exist and have exactly one `domain`
    /// set (the one the merge is chosen on); a one-line error naming the file otherwise.
    static func loadDevSuite(_ path: String) throws -> EvaluationSuite {
        guard FileManager.default.fileExists(atPath: path) else {
            throw AttuneError.badConfig(source: "recipe", field: "dev_suite", what: "\(path): no such suite file")
        }
        let suite = try EvaluationSuite.load(URL(fileURLWithPath: path))
        let domains = suite.sets.filter { $0.role == .domain }.map(\.name)
        guard domains.count == 1 else {
            throw AttuneError.invalidFile(path: path, what: domains.isEmpty
                ? "dev_suite needs exactly one set of role domain (the merge is chosen on it) and has none"
                : "dev_suite needs exactly one set of role domain (the merge is chosen on it) and has \(domains.count): \(domains.joined(separator: ", "))")
        }
        return suite
    }

    /// Score each alpha for the trained model in `tunedFolder` on every set of `sets` (each
    /// candidate's encoder converted once to `precision`), choose, keep the trained model in
    /// OUTPUT/trained and put the chosen merge (its fp32 weights) in OUTPUT/model.
    func selectMerge(base: SentenceModel, tunedFolder: URL, sets: SelectionSets, precision: Precision = .fp32) throws -> MergeSelection {
        let r = recipe
        let out = URL(fileURLWithPath: r.output)
        let modelURL = out.appendingPathComponent("model"), trainedURL = out.appendingPathComponent(Adaptation.trainedFolder)
        let tuned = try SentenceModel.load(tunedFolder)
        let recipeFile = try Data(contentsOf: tunedFolder.appendingPathComponent("attune_recipe.yaml"))
        if tunedFolder.standardizedFileURL.path != trainedURL.standardizedFileURL.path {
            try tuned.save(to: trainedURL, overwrite: true, extraFiles: ["attune_recipe.yaml": recipeFile])
        }
        let held = sets.held.map(\.set)
        let domainLabel = sets.fromSuite ? sets.domain.name : "dev"
        log("merge: the trained model is kept in \(trainedURL.path); scoring alphas \(r.mergeAlphas.map { String($0) }.joined(separator: ", ")) on "
            + (sets.fromSuite ? "dev_suite's domain set \(sets.domain.name)" : "dev")
            + (r.mergeLayerRamp ? " (layers ramped by depth)" : "")
            + (held.isEmpty ? "" : (sets.fromSuite ? " and its set(s) " : " and the guard set(s) ")
               + sets.held.map { sets.fromSuite ? "\($0.set.name) (\($0.role.rawValue))" : $0.set.name }.joined(separator: ", "))
            + (precision == .fp32 ? "" : " at \(precision.rawValue)"))
        func point(_ alpha: Double, _ model: SentenceModel) throws -> MergeSelection.Point {
            let m = try Adaptation.converted(model, to: precision)
            let p = MergeSelection.Point(alpha: alpha, dev: try score(m, on: sets.domain), guards: try held.map { try score(m, on: $0) })
            log(String(format: "merge: alpha %.2f → %@ %.4f", alpha, domainLabel, p.dev)
                + zip(held, p.guards).map { String(format: ", %@ %.4f", $0.name, $1) }.joined())
            return p
        }
        let headAlpha: Float? = r.mergeHead == "keep" ? 1 : nil
        let basePoint = try point(0, base)
        let ramp = r.mergeLayerRamp
        func merged(_ a: Double) throws -> SentenceModel {
            a == 1 && !ramp ? tuned : try merge(base: base, tuned: tuned, alpha: Float(a), headAlpha: headAlpha, layerRamp: ramp)
        }
        let curve = try r.mergeAlphas.map { a in try point(a, merged(a)) }
        let selection = try MergeSelection(guards: held.map(\.name), roles: sets.fromSuite ? sets.held.map(\.role.rawValue) : nil,
                                           domain: sets.fromSuite ? sets.domain.name : nil,
                                           base: basePoint, curve: curve, tolerance: r.mergeGuardTolerance)
        let chosen = try merged(selection.chosen)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        let json = try enc.encode(selection)
        try chosen.save(to: modelURL, overwrite: true, extraFiles: ["attune_recipe.yaml": recipeFile, Adaptation.mergeFile: json])
        try atomicWrite(json, to: out.appendingPathComponent(Adaptation.mergeFile))
        log("merge: nDCG@10 per alpha and set (OUTPUT/\(Adaptation.mergeFile) has the same curves)")
        for line in selection.table().split(separator: "\n") { log("  " + line) }
        log("merge: " + selection.reason)
        if !selection.guardHeld {
            log("WARNING: the chosen merge still loses more than \(r.mergeGuardTolerance) nDCG@10 on a \(sets.fromSuite ? "users, other or guard" : "guard") set")
        }
        return selection
    }

    /// The precision dev checks and merge scoring encode at: the recipe's `dev_precision`, or fp32
    /// where this machine cannot run it (said in one `notice:` line, as `--precision` says it).
    func scoringPrecision() throws -> Precision {
        let (p, notice) = try recipe.devPrecision.resolved(setting: "dev_precision")
        if let notice { log(notice) }
        if p != .fp32 {
            log("dev\(recipe.mergeAlphas.isEmpty ? "" : " and merge") scoring encodes at \(p.rawValue) (the weights converted once per check); training runs fp32")
        }
        return p
    }

    /// `model` with its encoder converted to `precision` (from its current weights, once per call:
    /// one dev check or one merge candidate); fp32 is `model` itself.
    static func converted(_ model: SentenceModel, to precision: Precision) throws -> SentenceModel {
        guard precision != .fp32 else { return model }
        var m = model
        _ = try m.usePrecision(precision)  // resolved already: no notice
        return m
    }

    /// nDCG@10 of `model` on `set`.
    func score(_ model: SentenceModel, on set: RetrievalBenchmark) throws -> Double {
        let result = try set.evaluate(model: model, name: set.name) { d, t in self.work?(set.name, d, t) }
        return result.metrics.mean[MetricName.ndcg10] ?? 0
    }

    /// A BEIR set read and checked; with `sample`, its corpus cut to the documents its qrels judge
    /// relevant plus `sample` others drawn with `seed`.
    static func benchmark(_ name: String, corpus: String, queries: String, qrels: String,
                          sample: Int?, seed: Int) throws -> RetrievalBenchmark {
        var docs = try readCorpus(URL(fileURLWithPath: corpus))
        let rel = try Qrels.read(URL(fileURLWithPath: qrels))
        if let sample {
            let relevant = Set(rel.relevant.values.flatMap { $0 })
            var others = docs.filter { !relevant.contains($0.id) }
            var rng = SplitMix64(seed: UInt64(seed) &+ 0x5EED)
            for i in stride(from: others.count - 1, to: 0, by: -1) { others.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
            let keep = relevant.union(others.prefix(sample).map(\.id))
            docs = docs.filter { keep.contains($0.id) }
        }
        return try RetrievalBenchmark(name: name, corpus: docs, queries: try readQueries(URL(fileURLWithPath: queries)), qrels: rel)
    }
}

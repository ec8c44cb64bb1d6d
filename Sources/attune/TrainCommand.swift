import AttuneCore
import AttuneEval
import AttuneModel
import AttuneSearch
import AttuneTrain
import ArgumentParser
import Foundation

/// `attune train`: fine-tune a model on domain pairs following a recipe.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fine-tune on (anchor, positive) pairs with MultipleNegativesRanking loss.",
        discussion: """
        Flags override the recipe's values. The trained model goes to OUTPUT/model (a sentence-transformers
        folder that `attune embed` and PyTorch load), the resolved recipe to OUTPUT/recipe.yaml, and a
        checkpoint to OUTPUT/checkpoint every --checkpoint-every steps (`--resume` continues from it, and
        gives the same model as an uninterrupted run). A resumed run must use the same recipe and pairs: only output,
        eval_every, checkpoint_every and skip_bad may change. A NaN loss or weight stops the run naming
        the step; the last checkpoint is kept.
        """)

    @Option(help: "A YAML recipe (see Recipes/).") var recipe: String?
    @OptionGroup var runtime: RuntimeOptions
    @Option(help: "Base model (folder or name).") var model: String?
    @Option(help: "Training pairs: .jsonl, .csv or .tsv.") var pairs: String?
    @Option(help: "Output folder.") var output: String?
    @Option var epochs: Int?
    @Option(help: "Use only the first N pairs.") var maxPairs: Int?
    @Option var batchSize: Int?
    @Option(help: "Peak learning rate.") var lr: Float?
    @Option(help: "Tokens per text in training.") var maxSeqLength: Int?
    @Option(help: "How many of the last encoder layers train.") var trainableLayers: Int?
    @Flag(inversion: .prefixedNo, help: "Train an identity-initialised Dense head before Normalize.") var head: Bool?
    @Option var seed: Int?
    @Option(help: "Dropout in the trainable layers (0 turns it off).") var dropout: Float?
    @Option(help: "Evaluate on the dev set every N steps (0: at the end only).") var evalEvery: Int?
    @Option(help: "Checkpoint every N steps (0: never).") var checkpointEvery: Int?
    @Flag(help: "Count malformed lines and go on instead of stopping.") var skipBad = false
    @Flag(help: "Continue from OUTPUT/checkpoint (made with the same recipe).") var resume = false
    @Flag(help: "Print a JSON summary last.") var json = false

    func run() throws {
        runtime.apply()
        var r = try recipe.map { try Recipe.load(URL(fileURLWithPath: $0)) } ?? Recipe()
        r = r.overriding(RecipeOverrides(
            model: model, pairs: pairs, output: output, epochs: epochs, maxPairs: maxPairs, batchSize: batchSize,
            lr: lr, maxSeqLength: maxSeqLength, trainableLayers: trainableLayers, head: head, dropout: dropout,
            seed: seed, evalEvery: evalEvery, checkpointEvery: checkpointEvery, skipBad: skipBad ? true : nil))
        try r.validate(source: recipe ?? "flags")
        let summary = try TrainJob(recipe: r, resume: resume).execute()
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            print(String(decoding: try enc.encode(summary), as: UTF8.self))
        }
    }
}

/// Training shared by `attune train` and `attune demo`.
struct TrainJob {
    var recipe: Recipe
    var resume: Bool

    func execute() throws -> TrainSummary {
        let r = recipe
        let base = try SentenceModel.load(ModelStore.resolve(r.model))
        note("training \(r.model) on \(r.pairs): \(r.trainableLayers) layer(s)\(r.head ? " + head" : ""), batch \(r.batchSize), lr \(r.lr), \(r.epochs) epoch(s), max \(r.maxSeqLength) tokens")
        var evaluate: ((SentenceModel) throws -> Double)? = nil
        if r.hasDevSet {
            let docs = try readCorpus(URL(fileURLWithPath: r.devCorpus!))
            let qs = try readQueries(URL(fileURLWithPath: r.devQueries!))
            let qrels = try Qrels.read(URL(fileURLWithPath: r.devQrels!))
            _ = try qrels.validate(queryIDs: Set(qs.map(\.id)), docIDs: Set(docs.map(\.id)))
            let judged = qs.filter { !(qrels.relevant[$0.id]?.isEmpty ?? true) }
            let evaluator = Evaluator(corpus: docs, queries: judged, qrels: qrels)
            evaluate = { model in
                var m = model
                m.maxSeqLength = min(256, m.bert.config.maxSequenceLength)
                var bar = ProgressBar(total: docs.count, unit: "docs", label: "dev")
                let run = try evaluator.run(ModelEmbedder(model: m, name: "dev")) { d, _ in bar.update(d) }
                return evaluator.report([(name: "dev", run: run)]).models[0].metrics.mean[MetricName.ndcg10] ?? 0
            }
        }
        var cacheBar = ProgressBar(total: 1, unit: "texts", label: "frozen layers")
        var lastPrint = Date.distantPast
        let interactive = isatty(2) != 0
        let summary = try Trainer(recipe: r, log: note).run(
            base: base, resume: resume, evaluate: evaluate,
            progress: { s in
                let now = Date()
                guard s.step == s.totalSteps || now.timeIntervalSince(lastPrint) >= (interactive ? 0.2 : 10) else { return }
                lastPrint = now
                let line = String(format: "step %d/%d  loss %.4f  lr %.2e  %.1f pairs/s  ETA %@",
                                  s.step, s.totalSteps, s.smoothedLoss, s.learningRate, s.pairsPerSecond, formatDuration(s.etaSeconds))
                if interactive {
                    FileHandle.standardError.write(Data(("\r" + line + "   " + (s.step == s.totalSteps ? "\n" : "")).utf8))
                } else {
                    note(line)
                }
            },
            cacheProgress: { done, total in
                if cacheBar.total != total { cacheBar = ProgressBar(total: total, unit: "texts", label: "frozen layers") }
                cacheBar.update(done)
            })
        note(String(format: "trained %d steps in %.1fs (%.1f pairs/s), loss %.4f → %.4f; model in %@",
                    summary.steps, summary.seconds, summary.pairs_per_second, summary.first_loss, summary.last_loss, summary.output))
        return summary
    }
}

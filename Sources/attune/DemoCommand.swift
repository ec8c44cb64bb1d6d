import AttuneCore
import AttuneData
import AttuneEval
import AttuneModel
import AttuneTrain
import ArgumentParser
import Foundation

/// `attune demo`: the whole loop on the bundled medical data, in one command.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fine-tune the default model on the bundled medical data, export it, and prove the gain.",
        discussion: """
        Steps: fetch all-MiniLM-L6-v2 if absent → train with Recipes/demo.yaml → evaluate base vs adapted on
        the held-out medical questions → export the adapted model. Run it from the repository root. A rerun
        resumes an interrupted demo (finished steps are kept, a half-done training resumes from its
        checkpoint); --fresh starts clean.
        """)

    @OptionGroup var runtime: RuntimeOptions
    @Option(help: "The demo recipe.") var recipe = "Recipes/demo.yaml"
    @Option(help: "Where everything goes.") var output = "out/demo"
    @Option(help: "The bundled data set.") var data = "Data/medical"
    @Flag(help: "Delete earlier demo output first.") var fresh = false
    @Option(help: "Keep the evaluation's corpus vectors in this postgresql:// database (a table per model) instead of SQLite files under the output.")
    var db: String?

    func run() throws {
        runtime.apply()
        let start = Date()
        let fm = FileManager.default
        let out = URL(fileURLWithPath: output).standardizedFileURL
        for path in [recipe, data] where !fm.fileExists(atPath: path) {
            throw AttuneError.invalid("\(path) not found: run `attune demo` from the Attune repository root")
        }
        if fresh { try? fm.removeItem(at: out) }

        note("[1/4] base model")
        let baseDir = try ModelStore.resolve("all-MiniLM-L6-v2")
        note("      \(baseDir.path)")

        note("[2/4] fine-tune (\(recipe))")
        var r = try Recipe.load(URL(fileURLWithPath: recipe))
        r.output = out.appendingPathComponent("train").path
        try r.validate(source: recipe)
        let trainDir = URL(fileURLWithPath: r.output)
        let adapted = trainDir.appendingPathComponent("model")
        let savedRecipe = try? Recipe.load(trainDir.appendingPathComponent("recipe.yaml"))
        if savedRecipe == r && fm.fileExists(atPath: adapted.appendingPathComponent("model.safetensors").path) {
            note("      already trained with this recipe: \(adapted.path)")
        } else {
            if savedRecipe != nil && savedRecipe != r {
                note("      the recipe changed since the last demo: training again from the start")
                try? fm.removeItem(at: trainDir)
            }
            _ = try TrainJob(recipe: r, resume: true).execute()
        }

        note("[3/4] evaluate base vs adapted on held-out questions")
        let d = URL(fileURLWithPath: data)
        let suite = try EvaluationSuite(sets: [
            EvaluationSet(name: "medical", role: .domain, corpus: d.appendingPathComponent("corpus.jsonl"),
                          queries: d.appendingPathComponent("test-queries.jsonl"), qrels: d.appendingPathComponent("test-qrels.tsv")),
        ], source: "the bundled sets (\(data))")
        var evaluation = Evaluation(models: [baseDir.path, adapted.path], suite: suite)
        evaluation.names = ["base all-MiniLM-L6-v2", "adapted (demo)"]
        evaluation.indexLocation = db ?? out.appendingPathComponent("indexes").path
        let result = try EvalRun(evaluation: evaluation).execute()
        let report = out.appendingPathComponent("report.html").path
        // eval.json: the domain set in `attune eval --json`'s shape, which the model card reads.
        let json = out.appendingPathComponent("eval.json").path
        try atomicWrite(result.sets[0].report.json(), to: URL(fileURLWithPath: json))
        try result.writeHTML(to: URL(fileURLWithPath: report))
        note("wrote \(json), \(report) and \(try result.writeRuns(to: out.appendingPathComponent("runs"))) run files")

        note("[4/4] export")
        let exported = try ExportJob(model: adapted.path, output: out.appendingPathComponent("export").path,
                                     force: true, evalTable: try ModelCard.evaluationTable(fromJSON: URL(fileURLWithPath: json))).execute()

        print("")
        print(result.table(), terminator: "")
        print("")
        print("adapted model (sentence-transformers folder): \(exported)")
        print("report: \(report)")
        print(String(format: "demo finished in %@", formatDuration(Date().timeIntervalSince(start))))
    }
}

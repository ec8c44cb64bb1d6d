import AttuneCore
import AttuneData
import AttuneEval
import AttuneModel
import AttuneSearch
import ArgumentParser
import Foundation

/// `attune export`: a trained model as a sentence-transformers folder for the Python ecosystem.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a model as a sentence-transformers folder (PyTorch's SentenceTransformer(path) loads it).")

    @Option(help: "The trained model folder (or a name).") var model: String
    @Option(help: "The folder to write.") var output: String
    @Flag(help: "Replace the output folder if it exists.") var force = false
    @Option(help: "An `attune eval --json` file whose table goes into the model card.") var evalJSON: String?

    func run() throws {
        // Read the evaluation first: a bad file stops the export before anything is written.
        let table = try evalJSON.map { try ModelCard.evaluationTable(fromJSON: URL(fileURLWithPath: $0)) }
        let out = try ExportJob(model: model, output: output, force: force, evalTable: table).execute()
        note("exported to \(out)")
    }
}

/// Export shared by `attune export` and `attune demo`.
struct ExportJob {
    var model: String
    var output: String
    var force: Bool
    var evalTable: String?

    func execute() throws -> String {
        let src = try ModelStore.resolve(model)
        let outURL = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: outURL.path) && !force {
            throw AttuneError.invalid("\(output) already exists (use --force to replace it)")
        }
        // A cross-encoder saves itself as a CrossEncoder folder (see docs/rerankers.md), with the
        // fusion weight its dev check chose, if any.
        if CrossEncoder.isCrossEncoder(src) {
            let fusion = src.appendingPathComponent(RerankFusion.file)
            let extra = FileManager.default.fileExists(atPath: fusion.path) ? [RerankFusion.file: try Data(contentsOf: fusion)] : [:]
            try CrossEncoder.load(src).save(to: outURL, overwrite: force, extraFiles: extra)
            return outURL.path
        }
        let m = try SentenceModel.load(src)
        let recipe = try? String(contentsOf: src.appendingPathComponent("attune_recipe.yaml"), encoding: .utf8)
        let card = ModelCard(model: m, name: outURL.lastPathComponent, source: model, recipeYAML: recipe, evaluation: evalTable)
        var extra = ["README.md": Data(card.markdown.utf8)]
        if let recipe { extra["attune_recipe.yaml"] = Data(recipe.utf8) }
        try m.save(to: outURL, overwrite: force, extraFiles: extra)
        return outURL.path
    }
}

import AttuneCore
import AttuneModel
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
        let out = try ExportJob(model: model, output: output, force: force, evalTable: evalJSON.map(Self.table)).execute()
        note("exported to \(out)")
    }

    static func table(fromJSON path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let models = obj["models"] as? [[String: Any]] else { return nil }
        let metrics = ["ndcg@10", "mrr@10", "recall@1", "recall@10", "recall@100", "map@100"]
        var s = "| model | " + metrics.joined(separator: " | ") + " |\n|---|" + String(repeating: "---|", count: metrics.count) + "\n"
        for m in models {
            let vals = (m["metrics"] as? [String: Any]) ?? [:]
            s += "| \(m["name"] ?? "?") | " + metrics.map { String(format: "%.4f", (vals[$0] as? Double) ?? .nan) }.joined(separator: " | ") + " |\n"
        }
        return s
    }
}

/// Export shared by `attune export` and `attune demo`.
struct ExportJob {
    var model: String
    var output: String
    var force: Bool
    var evalTable: String??

    func execute() throws -> String {
        let src = try ModelStore.resolve(model)
        let m = try SentenceModel.load(src)
        let outURL = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: outURL.path) && !force {
            throw AttuneError.invalid("\(output) already exists (use --force to replace it)")
        }
        let recipe = try? String(contentsOf: src.appendingPathComponent("attune_recipe.yaml"), encoding: .utf8)
        var card = """
        ---
        library_name: sentence-transformers
        pipeline_tag: sentence-similarity
        tags: [sentence-transformers, feature-extraction, sentence-similarity, attune]
        ---
        # \(outURL.lastPathComponent)

        A sentence-transformers model adapted with Attune from `\(model)`.
        It maps text to a \(m.dimension)-dimensional \(m.normalize ? "normalised " : "")vector (\(m.bert.config.architecture.rawValue) encoder,
        \(m.pooling.rawValue) pooling, \(m.dense.count) Dense module(s)) for semantic search. Load it with
        `SentenceTransformer("\(outURL.lastPathComponent)")`.

        Max sequence length: \(m.maxSeqLength) tokens.\(m.prompts.prompts.isEmpty ? "" : " Prompts: " + m.prompts.prompts.keys.sorted().map { "`\($0)`" }.joined(separator: ", ") + (m.prompts.defaultName.map { " (default `\($0)`)" } ?? "") + ".")

        """
        if let recipe {
            card += "\n## Training recipe\n\n```yaml\n\(recipe)\n```\n"
        }
        if let table = evalTable ?? nil {
            card += "\n## Evaluation\n\n\(table)\n"
        }
        var extra = ["README.md": Data(card.utf8)]
        if let recipe { extra["attune_recipe.yaml"] = Data(recipe.utf8) }
        try m.save(to: outURL, overwrite: force, extraFiles: extra)
        return outURL.path
    }
}

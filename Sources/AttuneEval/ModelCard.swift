import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// The model card (`README.md`) of an exported model, as the Hugging Face hub reads it: front
/// matter for sentence-transformers, what the model is, its recipe and, when given, its evaluation.
public struct ModelCard: Sendable, Equatable {
    /// The exported folder's name (what `SentenceTransformer(...)` is given).
    public var name: String
    /// What it was adapted from, as the user named it.
    public var source: String
    public var dimension: Int
    public var pooling: String
    public var denseModules: Int
    public var maxSeqLength: Int
    /// The training recipe (`attune_recipe.yaml`), when the model was trained by Attune.
    public var recipeYAML: String?
    /// A Markdown table of evaluation results (see `evaluationTable(fromJSON:)`).
    public var evaluation: String?
    /// The encoder architecture (`bert`, `mpnet`).
    public var encoder: String = "bert"
    /// Does the folder end with a Normalize module?
    public var normalized: Bool = true
    /// The prompt names the folder defines, and its default one.
    public var prompts: [String] = []
    public var defaultPrompt: String? = nil
    /// The Matryoshka dimensions the model was trained for (empty: none).
    public var matryoshkaDims: [Int] = []

    /// The card as Markdown.
    public var markdown: String {
        var card = """
        ---
        library_name: sentence-transformers
        pipeline_tag: sentence-similarity
        tags: [sentence-transformers, feature-extraction, sentence-similarity, attune]
        ---
        # \(name)

        A sentence-transformers model adapted with Attune from `\(source)`.
        It maps text to a \(dimension)-dimensional \(normalized ? "normalised " : "")vector (\(encoder) encoder, \(pooling) pooling,
        \(denseModules) Dense module(s)) for semantic search. Load it with
        `SentenceTransformer("\(name)")`.

        Max sequence length: \(maxSeqLength) tokens.\(promptLine)\(matryoshkaLine)

        """
        if let recipeYAML { card += "\n## Training recipe\n\n```yaml\n\(recipeYAML)\n```\n" }
        if let evaluation { card += "\n## Evaluation\n\n\(evaluation)\n" }
        return card
    }

    /// " Trained for Matryoshka dimensions 384, 128 (…)." or "".
    private var matryoshkaLine: String {
        guard let smallest = matryoshkaDims.min() else { return "" }
        return " Trained for Matryoshka dimensions \(matryoshkaDims.map(String.init).joined(separator: ", ")) (`matryoshka_dims` in"
            + " config_sentence_transformers.json): `SentenceTransformer(\"\(name)\", truncate_dim=\(smallest))` keeps the first \(smallest) values."
    }

    /// " Prompts: `query`, `passage` (default `query`)." or "".
    private var promptLine: String {
        if prompts.isEmpty { return "" }
        return " Prompts: " + prompts.map { "`\($0)`" }.joined(separator: ", ") + (defaultPrompt.map { " (default `\($0)`)" } ?? "") + "."
    }

    /// The mean metrics of every model in an `attune eval --json` file (`EvalReport.json()`) as a
    /// Markdown table, one row per model.
    ///
    /// - Throws: `AttuneError` naming the file: missing, not JSON, or without a `models` list of
    ///   objects with a `name` and numeric `metrics` (naming the entry and field).
    public static func evaluationTable(fromJSON url: URL) throws -> String {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else { throw AttuneError.fileNotFound(path: path) }
        guard let root = try? JSONSerialization.jsonObject(with: data) else {
            throw AttuneError.invalidFile(path: path, what: "not JSON (expected the output of `attune eval --json`)")
        }
        guard let models = (root as? [String: Any])?["models"] as? [Any], !models.isEmpty else {
            throw AttuneError.badConfig(source: path, field: "models", what: "missing or not a non-empty list (expected the output of `attune eval --json`)")
        }
        let metrics = MetricName.all
        var s = "| model | " + metrics.joined(separator: " | ") + " |\n|---|" + String(repeating: "---|", count: metrics.count) + "\n"
        for (i, entry) in models.enumerated() {
            guard let m = entry as? [String: Any], let name = m["name"] as? String else {
                throw AttuneError.badConfig(source: path, field: "models[\(i)].name", what: "missing or not a string")
            }
            guard let values = m["metrics"] as? [String: Any] else {
                throw AttuneError.badConfig(source: path, field: "models[\(i)].metrics", what: "missing or not an object")
            }
            let cells = try metrics.map { metric -> String in
                guard let v = values[metric] as? Double, v.isFinite else {
                    throw AttuneError.badConfig(source: path, field: "models[\(i)].metrics.\(metric)", what: "missing or not a number")
                }
                return String(format: "%.4f", v)
            }
            s += "| \(name.replacingOccurrences(of: "|", with: "\\|")) | " + cells.joined(separator: " | ") + " |\n"
        }
        return s
    }
}

extension ModelCard {
    /// The card of `model`, exported as `name` from `source`.
    public init(model: SentenceModel, name: String, source: String, recipeYAML: String? = nil, evaluation: String? = nil) {
        (self.name, self.source, self.recipeYAML, self.evaluation) = (name, source, recipeYAML, evaluation)
        (dimension, pooling, denseModules, maxSeqLength) = (model.dimension, model.pooling.rawValue, model.dense.count, model.maxSeqLength)
        (encoder, normalized) = (model.bert.config.architecture.rawValue, model.normalize)
        (prompts, defaultPrompt) = (model.prompts.prompts.keys.sorted(), model.prompts.defaultName)
        matryoshkaDims = model.matryoshkaDims
    }
}

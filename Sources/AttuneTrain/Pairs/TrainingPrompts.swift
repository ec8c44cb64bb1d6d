import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// The prompts a training run prepends, as sentence-transformers' `prompts` training argument
/// does: `anchor` before every anchor, `positive` before every positive and hard negative (the
/// negatives are documents too). Each comes from the recipe's `prompts.*_name` (a prompt the model
/// folder defines) or `prompts.*` (the text itself); with neither, the model's own query /
/// document prompt, as `attune search` and `attune index` pick them — so training sees the texts
/// exactly as the trained model will be used, and a model without prompts trains on the texts as
/// they are.
///
/// Everything in a run sees the prompted texts: the frozen-layer cache, the guide's embeddings,
/// the batches (a text is identified by its prompted form), mining (anchors as queries, positives
/// as documents) and the dev check (queries with the anchor prompt, the corpus with the positive
/// prompt). `applied(to:)` gives the model those prompts as its `query` / `document` ones, so the
/// saved and exported folder keeps them for `embed`, `index`, `search` and `eval`.
public struct TrainingPrompts: Equatable, Sendable {
    /// Prepended to every anchor.
    public var anchor: String
    /// Prepended to every positive and negative.
    public var positive: String

    public init(anchor: String = "", positive: String = "") {
        self.anchor = anchor
        self.positive = positive
    }

    /// The prompts `recipe` asks for, resolved against `model`'s prompts.
    ///
    /// - Throws: `AttuneError.badConfig` naming `prompts.anchor_name` or `prompts.positive_name`
    ///   when the model folder defines no prompt of that name (listing those it defines).
    public init(recipe: Recipe, model: SentenceModel, source: String = "recipe") throws {
        func resolve(_ name: String?, _ text: String?, key: String, fallback: String) throws -> String {
            if let text { return text }
            guard let name else { return fallback }
            do { return try model.prompts.named(name) } catch let AttuneError.badConfig(file, _, what) {
                throw AttuneError.badConfig(source: source, field: key, what: "\(what) in \(file)")
            }
        }
        anchor = try resolve(recipe.anchorPromptName, recipe.anchorPrompt, key: "prompts.anchor_name",
                             fallback: model.prompts.queryPrompt)
        positive = try resolve(recipe.positivePromptName, recipe.positivePrompt, key: "prompts.positive_name",
                               fallback: model.prompts.documentPrompt)
    }

    /// Are both empty (the texts train as they are)?
    public var isEmpty: Bool { anchor.isEmpty && positive.isEmpty }

    /// `model` with these as its query and document prompts (its `query` / `document` entries set
    /// where they differ from what it would pick), so that search, dev scoring and the saved
    /// folder use what training used. A model whose own prompts these are is returned unchanged.
    public func applied(to model: SentenceModel) -> SentenceModel {
        var m = model
        if m.prompts.queryPrompt != anchor { m.prompts.prompts["query"] = anchor }
        if m.prompts.documentPrompt != positive { m.prompts.prompts["document"] = positive }
        return m
    }
}

import AttuneCore
import AttuneData
import Foundation

/// The prompts a sentence-transformers folder defines (`config_sentence_transformers.json`:
/// `prompts` name → text, `default_prompt_name`), e.g. e5's `query: ` / `passage: ` or bge's query
/// instruction. A prompt is prepended to the text before tokenising, as `SentenceTransformer.encode`
/// does; pooling includes its tokens.
public struct Prompts: Equatable, Sendable {
    /// Prompt texts by name.
    public var prompts: [String: String]
    /// The prompt applied when none is chosen, if any.
    public var defaultName: String?
    /// Where they were read from, for messages.
    public var source: String

    public init(prompts: [String: String] = [:], defaultName: String? = nil, source: String = "config_sentence_transformers.json") {
        self.prompts = prompts; self.defaultName = defaultName; self.source = source
    }

    /// Read `folder/config_sentence_transformers.json`; none when the file is absent. A
    /// `default_prompt_name` the file does not define is an error.
    public static func load(folder: URL) throws -> Prompts {
        let url = folder.appendingPathComponent("config_sentence_transformers.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return Prompts(source: url.path) }
        let json = try ConfigJSON(url)
        var prompts: [String: String] = [:]
        if json.has("prompts") {
            guard let map = json.object["prompts"] as? [String: Any] else { throw json.fail("prompts", "expected an object of name → text") }
            for (name, text) in map {
                guard let t = text as? String else { throw json.fail("prompts", "prompt \(name) is not a string") }
                prompts[name] = t
            }
        }
        let defaultName = json.has("default_prompt_name") ? try json.string("default_prompt_name") : nil
        let p = Prompts(prompts: prompts, defaultName: defaultName, source: url.path)
        if let defaultName, prompts[defaultName] == nil {
            throw json.fail("default_prompt_name", "\(defaultName) is not one of the prompts (\(p.definedList))")
        }
        return p
    }

    private var definedList: String { prompts.isEmpty ? "none defined" : "defined: " + prompts.keys.sorted().joined(separator: ", ") }

    /// The text of prompt `name`; an error naming the file and the names it defines when absent.
    public func named(_ name: String) throws -> String {
        guard let text = prompts[name] else {
            throw AttuneError.badConfig(source: source, field: "prompts", what: "no prompt named \(name) (\(definedList))")
        }
        return text
    }

    /// The default prompt's text, or "" when there is none.
    public var defaultPrompt: String { defaultName.flatMap { prompts[$0] } ?? "" }

    /// The prompt for queries: the one named `query`, else the default.
    public var queryPrompt: String { prompts["query"] ?? defaultPrompt }

    /// The prompt for documents: `document`, `passage` or `corpus` (the first defined), else the default.
    public var documentPrompt: String {
        ["document", "passage", "corpus"].lazy.compactMap { prompts[$0] }.first ?? defaultPrompt
    }

    /// The JSON object sentence-transformers writes (`prompts`, `default_prompt_name`).
    var json: [String: Any] { ["prompts": prompts, "default_prompt_name": defaultName.map { $0 as Any } ?? NSNull()] }
}

/// Which prompts an embedder uses, as a user chose them: without a choice the model's own
/// (`Prompts.queryPrompt` / `documentPrompt`); `promptName` picks one of the model's prompts for
/// the side given when resolving (both sides when none is given); `queryPrompt` and
/// `documentPrompt` are literal texts and win over both.
public struct PromptChoice: Sendable, Equatable {
    public var promptName: String?
    public var queryPrompt: String?
    public var documentPrompt: String?

    public init(promptName: String? = nil, queryPrompt: String? = nil, documentPrompt: String? = nil) {
        self.promptName = promptName; self.queryPrompt = queryPrompt; self.documentPrompt = documentPrompt
    }

    public enum Side: Sendable { case query, document }

    /// The query and document prompts for `model`; an unknown `promptName` is an error naming
    /// the model's prompt file and the names it defines.
    public func resolve(_ model: SentenceModel, named side: Side? = nil) throws -> (query: String, document: String) {
        var query = model.prompts.queryPrompt, document = model.prompts.documentPrompt
        if let promptName {
            let text = try model.prompts.named(promptName)
            if side != .document { query = text }
            if side != .query { document = text }
        }
        if let queryPrompt { query = queryPrompt }
        if let documentPrompt { document = documentPrompt }
        return (query, document)
    }

    /// Set `embedder`'s prompts (see `resolve`).
    public func apply(to embedder: ModelEmbedder, named side: Side? = nil) throws {
        let p = try resolve(embedder.model, named: side)
        embedder.queryPrompt = p.query
        embedder.documentPrompt = p.document
    }
}

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

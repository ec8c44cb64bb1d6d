import AttuneCore
import AttuneData
import Foundation
import Yams

/// One entry of a recipe's `sources:` list: a pairs file trained on beside others, each batch
/// drawn from one source (see `MultiSourceBatcher`). Fields left nil take the recipe's top-level
/// value (`anchor_field`, `positive_field`, `negative_prefix`, `max_pairs`, `prompts.*`). A source
/// written as a path alone (`- faq.jsonl`) is named by its file's name without the extension.
///
///     sources:
///       - name: medical
///         pairs: Data/medical/train.jsonl
///         weight: 1
///       - name: consumer
///         pairs: consumer.jsonl
///         anchor_field: question
///         max_pairs: 5000
///         prompts: {anchor: "query: "}
public struct TrainingSource: Sendable, Equatable {
    /// Names the source in the log, the summary and errors; unique within a recipe.
    public var name: String
    /// The source's pairs file (.jsonl, .csv or .tsv).
    public var pairs: String
    public var anchorField: String?
    public var positiveField: String?
    public var negativePrefix: String?
    /// Its share of the batches of an epoch, relative to the other sources' weights (nil: in
    /// proportion to its size). Either every source has a weight or none has.
    public var weight: Double?
    /// Use at most this many pairs of the file (nil: the recipe's `max_pairs`).
    public var maxPairs: Int?
    /// The source's own prompts, as `prompts.*` of the recipe; a side (anchor, or positive) the
    /// source leaves unset uses the recipe's.
    public var anchorPromptName: String?
    public var anchorPrompt: String?
    public var positivePromptName: String?
    public var positivePrompt: String?

    public init(name: String, pairs: String, weight: Double? = nil, maxPairs: Int? = nil) {
        self.name = name
        self.pairs = pairs
        self.weight = weight
        self.maxPairs = maxPairs
    }

    /// The keys a source may have, as written in a recipe.
    public static let keys = ["name", "pairs", "anchor_field", "positive_field", "negative_prefix", "weight", "max_pairs",
                              "prompts.anchor_name", "prompts.anchor", "prompts.positive_name", "prompts.positive"]

    /// Each key's value as YAML text (flow style), nil values included.
    var fields: [(key: String, text: String)] {
        [("name", name.yamlText), ("pairs", pairs.yamlText), ("anchor_field", anchorField.yamlText),
         ("positive_field", positiveField.yamlText), ("negative_prefix", negativePrefix.yamlText),
         ("weight", weight.yamlText), ("max_pairs", maxPairs.yamlText),
         ("prompts.anchor_name", anchorPromptName.yamlText), ("prompts.anchor", anchorPrompt.yamlText),
         ("prompts.positive_name", positivePromptName.yamlText), ("prompts.positive", positivePrompt.yamlText)]
    }

    /// What is wrong with this source's values, as (field under `sources.NAME`, what), or nil.
    func problem() -> (field: String, what: String)? {
        if pairs.isEmpty { return ("pairs", "is required (the source's .jsonl, .csv or .tsv file of pairs)") }
        if let w = weight, !(w > 0) || !w.isFinite { return ("weight", "is \(w.ruleText); must be greater than 0") }
        if let m = maxPairs, m < 1 { return ("max_pairs", "is \(m); must be at least 1 (or null for all)") }
        for (key, v) in [("anchor_field", anchorField), ("positive_field", positiveField), ("negative_prefix", negativePrefix)] {
            if v == "" { return (key, "is empty") }
        }
        if anchorPromptName != nil && anchorPrompt != nil {
            return ("prompts.anchor", "is set and so is prompts.anchor_name; give the prompt's name or its text, not both")
        }
        if positivePromptName != nil && positivePrompt != nil {
            return ("prompts.positive", "is set and so is prompts.positive_name; give the prompt's name or its text, not both")
        }
        return nil
    }

    /// The recipe `r` as it reads this source alone: its pairs file, fields, `max_pairs` and
    /// prompts (the source's where it gives them, else `r`'s), no `sources`.
    public func recipe(from r: Recipe) -> Recipe {
        var s = r
        s.sources = []
        s.pairs = pairs
        s.anchorField = anchorField ?? r.anchorField
        s.positiveField = positiveField ?? r.positiveField
        s.negativePrefix = negativePrefix ?? r.negativePrefix
        s.maxPairs = maxPairs ?? r.maxPairs
        if anchorPromptName != nil || anchorPrompt != nil { (s.anchorPromptName, s.anchorPrompt) = (anchorPromptName, anchorPrompt) }
        if positivePromptName != nil || positivePrompt != nil {
            (s.positivePromptName, s.positivePrompt) = (positivePromptName, positivePrompt)
        }
        return s
    }

    /// The fields that differ between `a` and `b`, for a refused resume: `sources: added x`,
    /// `sources.x.weight: 1 → 2`, `sources: order a, b → b, a`.
    static func differences(_ a: [TrainingSource], _ b: [TrainingSource]) -> [String] {
        var out: [String] = []
        let names = (a.map(\.name), b.map(\.name))
        for s in a where !names.1.contains(s.name) { out.append("sources: \(s.name) removed") }
        for s in b where !names.0.contains(s.name) { out.append("sources: \(s.name) added") }
        for s in a {
            guard let t = b.first(where: { $0.name == s.name }) else { continue }
            for (f, g) in zip(s.fields, t.fields) where f.text != g.text {
                out.append("sources.\(s.name).\(f.key): \(f.text) → \(g.text)")
            }
        }
        let common = (names.0.filter(names.1.contains), names.1.filter(names.0.contains))
        if common.0 != common.1 {
            out.append("sources: order \(common.0.joined(separator: ", ")) → \(common.1.joined(separator: ", "))")
        }
        return out
    }
}

// A source in a recipe: a YAML mapping, read strictly (an unknown or repeated key, or a value of
// the wrong type, is an error naming `sources.NAME.KEY` and the line).
extension TrainingSource: RecipeValue {
    typealias Scalar = TrainingSource
    static var expected: String { "a source" }

    /// A mapping, or a path alone: a source named by its file's name without the extension.
    init(node: RecipeNode) throws {
        if let path = node.scalarText, !path.isEmpty {
            self.init(name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, pairs: path)
            return
        }
        guard let mapping = node.node.mapping else { throw node.fail(Self.expected) }
        let line = node.showLine ? node.node.mark.map { " (line \($0.line))" } ?? "" : ""
        func fail(_ field: String, _ what: String) -> AttuneError {
            AttuneError.badConfig(source: node.source, field: field, what: what)
        }
        // The name first, so that every other error can say which source it is in.
        let nameNode = mapping.first { $0.key.scalar?.string == "name" }?.value
        guard let nameNode else { throw fail("\(node.key).name", "is missing in a source\(line); every source needs a name") }
        let name = try String(node: RecipeNode(node: nameNode, key: "\(node.key).name", source: node.source, showLine: node.showLine))
        guard !name.isEmpty else { throw fail("\(node.key).name", "is empty\(line); every source needs a name") }
        self.init(name: name, pairs: "")
        let at = "\(node.key).\(name)"
        try read(mapping, prefix: "", at: at, node: node, fail: fail)
    }

    private mutating func read(_ mapping: Node.Mapping, prefix: String, at: String, node: RecipeNode,
                               fail: (String, String) -> AttuneError) throws {
        var seen = Set<String>()
        for (k, v) in mapping {
            guard let leaf = k.scalar?.string else { throw fail("\(at).\(prefix)\(describeNode(k))", "keys must be plain words") }
            let key = prefix + leaf
            guard seen.insert(leaf).inserted else { throw fail("\(at).\(key)", "appears twice") }
            let value = RecipeNode(node: v, key: "\(at).\(key)", source: node.source, showLine: node.showLine)
            switch key {
            case "name": break
            case "pairs": pairs = try String(node: value)
            case "anchor_field": anchorField = try Optional<String>(node: value)
            case "positive_field": positiveField = try Optional<String>(node: value)
            case "negative_prefix": negativePrefix = try Optional<String>(node: value)
            case "weight": weight = try Optional<Double>(node: value)
            case "max_pairs": maxPairs = try Optional<Int>(node: value)
            case "prompts.anchor_name": anchorPromptName = try Optional<String>(node: value)
            case "prompts.anchor": anchorPrompt = try Optional<String>(node: value)
            case "prompts.positive_name": positivePromptName = try Optional<String>(node: value)
            case "prompts.positive": positivePrompt = try Optional<String>(node: value)
            case "prompts":
                if value.isNull { continue }
                guard let nested = v.mapping else {
                    let l = node.showLine ? v.mark.map { " (line \($0.line))" } ?? "" : ""
                    throw fail("\(at).prompts", "expected a mapping of anchor_name, anchor, positive_name, positive, got \(describeNode(v))\(l)")
                }
                try read(nested, prefix: "prompts.", at: at, node: node, fail: fail)
            default:
                let known = prefix.isEmpty ? Self.keys.filter { !$0.hasPrefix("prompts.") } + ["prompts"]
                                           : Self.keys.filter { $0.hasPrefix(prefix) }
                throw fail("\(at).\(key)", "unknown key in a source (known: \(known.joined(separator: ", ")))")
            }
        }
    }

    /// Flow-style YAML, every key (nil ones as null), that `init(node:)` reads back.
    var yamlText: String {
        let top = fields.filter { !$0.key.hasPrefix("prompts.") }.map { "\($0.key): \($0.text)" }
        let prompts = fields.filter { $0.key.hasPrefix("prompts.") }.map { "\($0.key.dropFirst(8)): \($0.text)" }
        return "{" + (top + ["prompts: {" + prompts.joined(separator: ", ") + "}"]).joined(separator: ", ") + "}"
    }
}

// Codable as the YAML form: snake_case keys, the prompts nested.
extension TrainingSource: Codable {
    private enum Keys: String, CodingKey {
        case name, pairs, anchor_field, positive_field, negative_prefix, weight, max_pairs, prompts
    }
    private enum PromptKeys: String, CodingKey { case anchor_name, anchor, positive_name, positive }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        self.init(name: try c.decode(String.self, forKey: .name), pairs: try c.decode(String.self, forKey: .pairs),
                  weight: try c.decodeIfPresent(Double.self, forKey: .weight), maxPairs: try c.decodeIfPresent(Int.self, forKey: .max_pairs))
        anchorField = try c.decodeIfPresent(String.self, forKey: .anchor_field)
        positiveField = try c.decodeIfPresent(String.self, forKey: .positive_field)
        negativePrefix = try c.decodeIfPresent(String.self, forKey: .negative_prefix)
        if c.contains(.prompts) {
            let p = try c.nestedContainer(keyedBy: PromptKeys.self, forKey: .prompts)
            anchorPromptName = try p.decodeIfPresent(String.self, forKey: .anchor_name)
            anchorPrompt = try p.decodeIfPresent(String.self, forKey: .anchor)
            positivePromptName = try p.decodeIfPresent(String.self, forKey: .positive_name)
            positivePrompt = try p.decodeIfPresent(String.self, forKey: .positive)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(anchorField, forKey: .anchor_field)
        try c.encode(positiveField, forKey: .positive_field)
        try c.encode(negativePrefix, forKey: .negative_prefix)
        try c.encode(weight, forKey: .weight)
        try c.encode(maxPairs, forKey: .max_pairs)
        var p = c.nestedContainer(keyedBy: PromptKeys.self, forKey: .prompts)
        try p.encode(anchorPromptName, forKey: .anchor_name)
        try p.encode(anchorPrompt, forKey: .anchor)
        try p.encode(positivePromptName, forKey: .positive_name)
        try p.encode(positivePrompt, forKey: .positive)
    }
}

extension TrainingSource {
    /// The first problem of a recipe's `sources` list (each source's values, names, weights, and
    /// what sources cannot be combined with), as (dotted field, what), or nil.
    static func problem(in r: Recipe) -> (field: String, what: String)? {
        let sources = r.sources
        guard !sources.isEmpty else { return nil }
        var names = Set<String>()
        for s in sources {
            if !names.insert(s.name).inserted { return ("sources.\(s.name).name", "names two sources; give each source its own name") }
            if s.name.contains("/") { return ("sources.\(s.name).name", "contains /; a source's name also names its files (mined-NAME.jsonl)") }
            if let (field, what) = s.problem() { return ("sources.\(s.name).\(field)", what) }
            let anchor = s.anchorField ?? r.anchorField, positive = s.positiveField ?? r.positiveField
            if anchor == positive { return ("sources.\(s.name).positive_field", "is the same as its anchor_field (\"\(anchor)\")") }
        }
        let weighted = sources.filter { $0.weight != nil }
        if !weighted.isEmpty && weighted.count < sources.count {
            let s = sources.first { $0.weight == nil }!
            return ("sources.\(s.name).weight", "is missing while other sources have one; give every source a weight, or none (each source then counts by its size)")
        }
        if !weighted.isEmpty && r.sampling == .roundRobin {
            return ("sources.\(weighted[0].name).weight", "is given but sampling is round_robin, which takes one batch of each source in turn; drop the weights or use sampling: proportional")
        }
        if r.objective != .biEncoder {
            return ("sources", "trains a bi-encoder only; a cross_encoder objective reads one pairs file")
        }
        return nil
    }
}

/// How the batches of several training sources interleave within an epoch (the recipe's
/// `sampling`), as sentence-transformers' `multi_dataset_batch_sampler`.
public enum SourceSampling: String, CaseIterable, Sendable, Codable {
    /// Every batch of every source once an epoch (scaled to the weights, when they are given), in
    /// a seeded random order: a source's share of the steps is its share of the batches.
    case proportional
    /// One batch of each source in turn, in the order of the list; the epoch ends when the
    /// smallest source runs out of batches.
    case roundRobin = "round_robin"
}

import AttuneCore
import Foundation
import Yams

// Reading a recipe from YAML (strict: unknown keys and wrong types are errors naming the key)
// and writing the resolved recipe back.

extension Recipe {
    /// Reads a YAML recipe. Absent keys keep their defaults; `null` clears an optional key.
    ///
    /// Paths (`pairs`, `output`, `dev_queries`, `dev_corpus`, `dev_qrels`, and `model` when it
    /// contains `/` or starts with `.` or `~`) are resolved by one rule: `~` is the home folder and
    /// an absolute path stays as it is; a relative path is taken against `currentDirectory` if
    /// something exists there, else against the recipe file's folder if something exists there,
    /// else against `currentDirectory` (so an `output` that does not exist yet lands where you run
    /// Attune). The loaded recipe holds absolute paths.
    ///
    /// - Throws: `AttuneError.fileNotFound`; `.invalidFile` for text that is not YAML or not a
    ///   mapping; `.badConfig` naming the key for an unknown key (listing the known ones), a
    ///   repeated key or a value of the wrong type.
    public static func load(_ url: URL, currentDirectory: URL? = nil) throws -> Recipe {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else { throw AttuneError.fileNotFound(path: path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AttuneError.invalidFile(path: path, what: "not UTF-8 text")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            let message = "\(error)".split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            throw AttuneError.invalidFile(path: path, what: "not valid YAML: \(message)")
        }
        guard let root else { throw AttuneError.invalidFile(path: path, what: "empty recipe (expected `key: value` lines)") }
        guard let mapping = root.mapping else {
            throw AttuneError.invalidFile(path: path, what: "a recipe is a mapping of `key: value` lines, not \(kind(root))")
        }
        let cwd = currentDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let resolver = PathResolver(currentDirectory: cwd, recipeFolder: url.deletingLastPathComponent())
        var r = Recipe()
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                throw AttuneError.badConfig(source: path, field: "\(kind(keyNode))", what: "keys must be plain words")
            }
            guard let k = CodingKeys(rawValue: key) else {
                throw AttuneError.badConfig(source: path, field: key,
                                            what: "unknown key (known: \(knownKeys.joined(separator: ", ")))")
            }
            guard seen.insert(key).inserted else {
                throw AttuneError.badConfig(source: path, field: key, what: "appears twice")
            }
            let v = RecipeValue(node: value, key: key, source: path)
            switch k {
            case .model: let m = try v.string(); r.model = looksLikePath(m) ? resolver.resolve(m) : m
            case .pairs: r.pairs = resolver.resolve(try v.string())
            case .anchorField: r.anchorField = try v.string()
            case .positiveField: r.positiveField = try v.string()
            case .negativePrefix: r.negativePrefix = try v.string()
            case .devQueries: r.devQueries = try v.optional { try $0.string() }.map(resolver.resolve)
            case .devCorpus: r.devCorpus = try v.optional { try $0.string() }.map(resolver.resolve)
            case .devQrels: r.devQrels = try v.optional { try $0.string() }.map(resolver.resolve)
            case .output: r.output = resolver.resolve(try v.string())
            case .epochs: r.epochs = try v.int()
            case .maxPairs: r.maxPairs = try v.optional { try $0.int() }
            case .batchSize: r.batchSize = try v.int()
            case .lr: r.lr = try v.float()
            case .warmup: r.warmup = try v.double()
            case .weightDecay: r.weightDecay = try v.float()
            case .maxGradNorm: r.maxGradNorm = try v.float()
            case .scale: r.scale = try v.float()
            case .symmetric: r.symmetric = try v.bool()
            case .maxSeqLength: r.maxSeqLength = try v.int()
            case .trainableLayers: r.trainableLayers = try v.int()
            case .head: r.head = try v.bool()
            case .dropout: r.dropout = try v.float()
            case .seed: r.seed = try v.int()
            case .evalEvery: r.evalEvery = try v.int()
            case .checkpointEvery: r.checkpointEvery = try v.int()
            case .skipBad: r.skipBad = try v.bool()
            case .guide: r.guide = try v.optional { try $0.string() }.map { looksLikePath($0) ? resolver.resolve($0) : $0 }
            case .guideMargin: r.guideMargin = try v.float()
            case .guideMarginStrategy:
                let name = try v.string()
                guard let st = GuideFilter.MarginStrategy(rawValue: name) else {
                    throw AttuneError.badConfig(source: path, field: key, what: "expected absolute or relative, got \"\(name)\"")
                }
                r.guideMarginStrategy = st
            case .miniBatchSize: r.miniBatchSize = try v.optional { try $0.int() }
            case .augmentLowercase: r.augment.lowercase = try v.float()
            case .augmentStripTemplate: r.augment.stripTemplate = try v.float()
            case .augmentTypo: r.augment.typo = try v.float()
            }
        }
        return r
    }

    /// The recipe as YAML, every key in `knownKeys` order, strings double-quoted, absent optional
    /// values as `null`. `load` reads it back to an equal recipe (paths are already absolute).
    public func yaml() -> String {
        let q = jsonQuoted
        func opt<T>(_ v: T?, _ f: (T) -> String) -> String { v.map(f) ?? "null" }
        var lines = ["# Attune recipe, resolved (every key, absolute paths)."]
        for k in CodingKeys.allCases {
            let v: String
            switch k {
            case .model: v = q(model)
            case .pairs: v = q(pairs)
            case .anchorField: v = q(anchorField)
            case .positiveField: v = q(positiveField)
            case .negativePrefix: v = q(negativePrefix)
            case .devQueries: v = opt(devQueries, q)
            case .devCorpus: v = opt(devCorpus, q)
            case .devQrels: v = opt(devQrels, q)
            case .output: v = q(output)
            case .epochs: v = "\(epochs)"
            case .maxPairs: v = opt(maxPairs) { "\($0)" }
            case .batchSize: v = "\(batchSize)"
            case .lr: v = "\(lr)"
            case .warmup: v = "\(warmup)"
            case .weightDecay: v = "\(weightDecay)"
            case .maxGradNorm: v = "\(maxGradNorm)"
            case .scale: v = "\(scale)"
            case .symmetric: v = "\(symmetric)"
            case .maxSeqLength: v = "\(maxSeqLength)"
            case .trainableLayers: v = "\(trainableLayers)"
            case .head: v = "\(head)"
            case .dropout: v = "\(dropout)"
            case .seed: v = "\(seed)"
            case .evalEvery: v = "\(evalEvery)"
            case .checkpointEvery: v = "\(checkpointEvery)"
            case .skipBad: v = "\(skipBad)"
            case .guide: v = opt(guide, q)
            case .guideMargin: v = "\(guideMargin)"
            case .guideMarginStrategy: v = q(guideMarginStrategy.rawValue)
            case .miniBatchSize: v = opt(miniBatchSize) { "\($0)" }
            case .augmentLowercase: v = "\(augment.lowercase)"
            case .augmentStripTemplate: v = "\(augment.stripTemplate)"
            case .augmentTypo: v = "\(augment.typo)"
            }
            lines.append("\(k.rawValue): \(v)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// "a list", "a mapping", "a scalar": what a node is, for messages.
private func kind(_ node: Node) -> String {
    switch node {
    case .scalar: return "a scalar"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
}

/// One recipe value, converted to the key's type or rejected with a message naming key and type.
private struct RecipeValue {
    let node: Node
    let key: String
    let source: String

    private func fail(_ expected: String) -> AttuneError {
        let got: String
        if let s = node.scalar { got = isNull ? "null" : "\"\(s.string)\"" } else { got = kind(node) }
        let at = node.mark.map { " (line \($0.line))" } ?? ""
        return AttuneError.badConfig(source: source, field: key, what: "expected \(expected), got \(got)\(at)")
    }

    private var isNull: Bool {
        guard let s = node.scalar, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// nil for `null`, else `body(self)`.
    func optional<T>(_ body: (RecipeValue) throws -> T) throws -> T? { isNull ? nil : try body(self) }

    func string() throws -> String {
        guard let s = node.scalar, !isNull else { throw fail("a string") }
        return s.string
    }

    func int() throws -> Int {
        guard let s = node.scalar, !isNull, let v = Int(s.string.replacingOccurrences(of: "_", with: "")) else {
            throw fail("an integer")
        }
        return v
    }

    func float() throws -> Float {
        guard let s = node.scalar, !isNull, let v = Float(s.string), v.isFinite else { throw fail("a number") }
        return v
    }

    func double() throws -> Double {
        guard let s = node.scalar, !isNull, let v = Double(s.string), v.isFinite else { throw fail("a number") }
        return v
    }

    func bool() throws -> Bool {
        guard let s = node.scalar, !isNull else { throw fail("true or false") }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail("true or false")
        }
    }
}

/// The path rule of `Recipe.load`.
struct PathResolver {
    let currentDirectory: URL
    let recipeFolder: URL

    func resolve(_ p: String) -> String {
        if p.isEmpty { return p }
        let expanded = (p as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return URL(fileURLWithPath: expanded).standardizedFileURL.path }
        let fromCwd = currentDirectory.appendingPathComponent(expanded).standardizedFileURL
        if FileManager.default.fileExists(atPath: fromCwd.path) { return fromCwd.path }
        let fromRecipe = recipeFolder.appendingPathComponent(expanded).standardizedFileURL
        if FileManager.default.fileExists(atPath: fromRecipe.path) { return fromRecipe.path }
        return fromCwd.path
    }
}

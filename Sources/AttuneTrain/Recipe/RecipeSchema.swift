import AttuneCore
import AttuneData
import Foundation
import Yams

// The machinery behind `Recipe.schema`: a key descriptor that knows how to read, write, check and
// compare one value, and the schema that reads, writes, checks and compares whole records with
// them. The table of keys itself is in Recipe.swift. Generic over the record so tests can try
// nested groups and lists on a record of their own.

/// A value type a `RecipeSchema` describes: every key has a default, so a record can start empty.
public protocol SchemaRecord: Sendable {
    /// A record with every default.
    init()
}

/// One key of `Recipe.schema`: its name, help, type, default, allowed range and resume rule, and
/// (internally) how to read, write, check and compare it. Nested keys are named with dots
/// (`merge.alphas`) and are written as nested YAML mappings.
public struct RecipeKey<Root: SchemaRecord>: Sendable {
    /// The key as written in a recipe: snake_case, dots for nesting.
    public let name: String
    /// One sentence for `attune train --help` and the docs.
    public let help: String
    /// What a value must be, as messages say it: "an integer", "a list of numbers", …
    public let expected: String
    /// The range or rule a value must obey ("at least 1", "in [0, 1)"), or "" for any value.
    public let requirement: String
    /// May a run resumed from a checkpoint use another value than the run that wrote it?
    /// (True only for keys that do not change what the training steps compute.)
    public let resumable: Bool
    /// A string key: on a command line its text is taken as is, not read as YAML.
    let isText: Bool
    /// A list key: on a command line `a,b,c` reads as `[a, b, c]`.
    let isList: Bool

    let read: @Sendable (RecipeNode, inout Root, PathResolver) throws -> Void
    let text: @Sendable (Root) -> String
    let same: @Sendable (Root, Root) -> Bool
    let isNull: @Sendable (Root) -> Bool
    let problem: @Sendable (Root) -> String?
    let encode: @Sendable (Root, inout KeyedEncodingContainer<RecipeCodingKey>, RecipeCodingKey) throws -> Void
    let decode: @Sendable (inout Root, KeyedDecodingContainer<RecipeCodingKey>, RecipeCodingKey) throws -> Void

    /// The default value, as YAML.
    public var defaultText: String { text(Root()) }

    /// A key of type `T` at `path`, whose scalars must satisfy `rule`; `resolve` rewrites a value
    /// just read (paths are made absolute by it).
    init<T: RecipeValue>(_ name: String, _ path: WritableKeyPath<Root, T> & Sendable, _ rule: RecipeRule<T.Scalar>? = nil,
                         resumable: Bool = false, help: String,
                         resolve: (@Sendable (T, PathResolver) -> T)? = nil) {
        self.name = name
        self.help = help
        self.expected = T.expected
        self.requirement = rule?.requirement ?? ""
        self.resumable = resumable
        self.isText = T.isText
        self.isList = T.isList
        read = { node, recipe, resolver in
            let v = try T(node: node)
            recipe[keyPath: path] = resolve.map { $0(v, resolver) } ?? v
        }
        text = { $0[keyPath: path].yamlText }
        same = { $0[keyPath: path] == $1[keyPath: path] }
        isNull = { $0[keyPath: path].isNull }
        problem = { r in
            guard let rule else { return nil }
            return r[keyPath: path].scalars.lazy.compactMap { rule.holds($0) ? nil : rule.failure($0) }.first
        }
        encode = { r, c, k in try c.encode(r[keyPath: path], forKey: k) }
        decode = { r, c, k in if let v = try c.decodeIfPresent(T.self, forKey: k) { r[keyPath: path] = v } }
    }

    /// The last component of `name` (`alphas` for `merge.alphas`).
    var leaf: Substring { name.split(separator: ".").last ?? Substring(name) }
}

extension RecipeKey {
    /// A string key that holds a path: resolved by `Recipe.load`'s path rule. `required` makes an
    /// empty value an error that says what the path is for.
    static func path(_ name: String, _ path: WritableKeyPath<Root, String> & Sendable, required: String? = nil,
                     resumable: Bool = false, help: String) -> Self {
        RecipeKey(name, path, required.map { .required($0) }, resumable: resumable, help: help,
                  resolve: { v, r in r.resolve(v) })
    }

    /// A list of paths (a single path is a list of one), each resolved by `Recipe.load`'s path rule.
    static func paths(_ name: String, _ path: WritableKeyPath<Root, [String]> & Sendable,
                      resumable: Bool = false, help: String) -> Self {
        RecipeKey(name, path, nil, resumable: resumable, help: help, resolve: { v, r in v.map(r.resolve) })
    }

    /// An optional path (`null` for none).
    static func path(_ name: String, _ path: WritableKeyPath<Root, String?> & Sendable,
                     resumable: Bool = false, help: String) -> Self {
        RecipeKey(name, path, nil, resumable: resumable, help: help, resolve: { v, r in v.map(r.resolve) })
    }

    /// A model: a name from Attune's model cache, or a path when it looks like one.
    static func model(_ name: String, _ path: WritableKeyPath<Root, String> & Sendable, help: String) -> Self {
        RecipeKey(name, path, .nonEmpty("a model name or folder"), help: help,
                  resolve: { v, r in looksLikePath(v) ? r.resolve(v) : v })
    }
}

/// A rule every scalar of a value must satisfy, with the words messages and help use for it.
struct RecipeRule<S>: Sendable {
    /// "at least 1", "in [0, 1)": what a value must be.
    let requirement: String
    let holds: @Sendable (S) -> Bool
    /// The message for a value that breaks the rule (after `key: `).
    let failure: @Sendable (S) -> String
}

extension RecipeRule where S: RecipeNumber {
    private static func numeric(_ requirement: String, _ note: String, _ holds: @escaping @Sendable (S) -> Bool) -> Self {
        RecipeRule(requirement: requirement, holds: { $0.isFiniteNumber && holds($0) },
                   failure: { "is \($0); must be \(requirement)\(note.isEmpty ? "" : " (\(note))")" })
    }

    /// `x` or more; `note` explains (e.g. "0 = never").
    static func atLeast(_ x: S, _ note: String = "") -> Self { numeric("at least \(x.ruleText)", note) { $0 >= x } }
    /// More than `x`.
    static func greaterThan(_ x: S, _ note: String = "") -> Self { numeric("greater than \(x.ruleText)", note) { $0 > x } }
    /// In `r` (both ends included).
    static func within(_ r: ClosedRange<S>, _ note: String = "") -> Self {
        numeric("in \(r.lowerBound.ruleText)...\(r.upperBound.ruleText)", note) { r.contains($0) }
    }
    /// In `r` (upper end excluded).
    static func within(_ r: Range<S>, _ note: String = "") -> Self {
        numeric("in [\(r.lowerBound.ruleText), \(r.upperBound.ruleText))", note) { r.contains($0) }
    }
}

extension RecipeRule where S == String {
    /// One of `choices`.
    static func oneOf(_ choices: [String]) -> Self {
        RecipeRule(requirement: "one of " + choices.joined(separator: ", "), holds: { choices.contains($0) },
                   failure: { "is \"\($0)\"; must be one of " + choices.joined(separator: ", ") })
    }

    /// Not empty; `what` says what the value is for.
    static func nonEmpty(_ what: String = "") -> Self {
        RecipeRule(requirement: "not empty", holds: { !$0.isEmpty },
                   failure: { _ in "is empty" + (what.isEmpty ? "" : " (\(what))") })
    }

    /// Not empty, and said to be required when it is.
    static func required(_ what: String) -> Self {
        RecipeRule(requirement: "required", holds: { !$0.isEmpty }, failure: { _ in "is required (\(what))" })
    }
}

/// A rule over several keys of a record.
enum RecipeCheck<Root: SchemaRecord>: Sendable {
    /// The keys are given together or not at all (an optional key that is null is not given).
    case allOrNone([String])
    /// nil when the rule holds, else the key at fault and what is wrong.
    case custom(@Sendable (Root) -> (field: String, what: String)?)
}

/// The table of keys of a record (a `Recipe`), in the order YAML is written, and the rules over
/// several keys; it reads, writes, checks and compares records by the table.
public struct RecipeSchema<Root: SchemaRecord>: Sendable {
    /// Every key, in order.
    public let keys: [RecipeKey<Root>]
    let checks: [RecipeCheck<Root>]
    private let byName: [String: Int]

    init(_ keys: [RecipeKey<Root>], checks: [RecipeCheck<Root>] = []) {
        self.keys = keys
        self.checks = checks
        var byName: [String: Int] = [:]
        for (i, k) in keys.enumerated() {
            precondition(byName.updateValue(i, forKey: k.name) == nil, "key \(k.name) is in the schema twice")
        }
        self.byName = byName
        for k in keys {
            // A group's name cannot also be a key: `merge` and `merge.alphas` cannot both exist.
            let parts = k.name.split(separator: ".")
            for n in 1..<max(parts.count, 1) {
                precondition(byName[parts.prefix(n).joined(separator: ".")] == nil, "key \(k.name) is inside another key")
            }
        }
        for case .allOrNone(let names) in checks {
            for n in names { precondition(byName[n] != nil, "allOrNone names \(n), which is not a key") }
        }
    }

    /// The key named `name` (dotted for nested keys), or nil.
    public subscript(name: String) -> RecipeKey<Root>? { byName[name].map { keys[$0] } }

    /// Every key's name, in order.
    public var names: [String] { keys.map(\.name) }

    /// The keys directly inside the group `prefix` ("" for the top level): leaf keys and group
    /// names (with a nil key), in order of first appearance.
    func children(of prefix: String) -> [(name: String, key: RecipeKey<Root>?)] {
        var out: [(name: String, key: RecipeKey<Root>?)] = []
        var seen = Set<String>()
        for k in keys where prefix.isEmpty || k.name.hasPrefix(prefix + ".") {
            let rest = prefix.isEmpty ? k.name[...] : k.name.dropFirst(prefix.count + 1)
            let head = String(rest.split(separator: ".", maxSplits: 1)[0])
            guard seen.insert(head).inserted else { continue }
            out.append((head, head == rest ? k : nil))
        }
        return out
    }

    /// The names of the keys that `--resume` may change.
    public var resumableKeys: [String] { keys.filter(\.resumable).map(\.name) }

    /// One line per key, `name  help (type, rule, default D)`, for `attune train --help`.
    public var helpLines: [String] {
        let width = keys.map(\.name.count).max() ?? 0
        return keys.map { k in
            var spec = k.expected
            if !k.requirement.isEmpty { spec += ", " + k.requirement }
            let def = k.defaultText
            spec += def == "\"\"" ? "" : ", default \(def)"
            return "\(k.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(k.help) (\(spec))"
        }
    }

    /// Checks every value against its key's rule, then the rules over several keys, throwing
    /// `AttuneError.badConfig` naming the first bad key; `source` names the record in the message.
    public func validate(_ r: Root, source: String) throws {
        for k in keys {
            if let what = k.problem(r) { throw AttuneError.badConfig(source: source, field: k.name, what: what) }
        }
        for c in checks {
            switch c {
            case .allOrNone(let names):
                let missing = names.filter { self[$0]!.isNull(r) }
                guard !missing.isEmpty && missing.count < names.count else { continue }
                let list = names.dropLast().joined(separator: ", ") + " and " + names.last!
                throw AttuneError.badConfig(source: source, field: missing[0], what: "is missing: give \(list) together, or none")
            case .custom(let rule):
                if let (field, what) = rule(r) { throw AttuneError.badConfig(source: source, field: field, what: what) }
            }
        }
    }

    /// What is wrong with the value of `key` in `r` by its key's rule, or nil (also for an unknown key).
    public func problem(with key: String, in r: Root) -> String? { self[key]?.problem(r) }

    /// The keys (resumable ones only if `includingResumable`) whose values differ between `a` and
    /// `b`, as `key: a's → b's`.
    public func differences(_ a: Root, _ b: Root, includingResumable: Bool = false) -> [String] {
        keys.filter { (includingResumable || !$0.resumable) && !$0.same(a, b) }
            .map { "\($0.name): \($0.text(a)) → \($0.text(b))" }
    }

    /// Sets `key` of `r` from command-line text: a string key takes `text` as it is (`null` clears
    /// an optional one); any other key reads `text` as a YAML value, so `0.1,0.5` and `[0.1, 0.5]`
    /// both give a list. A path is taken relative to `currentDirectory`. `source` names the flag.
    ///
    /// - Throws: `AttuneError.badConfig` naming the key: unknown (listing the known ones), not
    ///   YAML, or of the wrong type. Ranges are checked by `validate`.
    public func set(_ key: String, to text: String, in r: inout Root, source: String, currentDirectory: URL) throws {
        guard let k = self[key] else {
            throw AttuneError.badConfig(source: source, field: key, what: "unknown key (known: \(names.joined(separator: ", ")))")
        }
        let node: Node
        if k.isText {
            node = text == "null" ? Node("null", Tag(.null), .plain) : Node(text, Tag(.str), .singleQuoted)
        } else {
            let yaml = k.isList && !text.hasPrefix("[") ? "[\(text)]" : text
            guard let parsed = try? Yams.compose(yaml: yaml) else {
                throw AttuneError.badConfig(source: source, field: key, what: "expected \(k.expected), got \"\(text)\"")
            }
            node = parsed
        }
        let resolver = PathResolver(currentDirectory: currentDirectory, recipeFolder: currentDirectory)
        try k.read(RecipeNode(node: node, key: key, source: source, showLine: false), &r, resolver)
    }

    /// Decodes any subset of the keys (nested keys as nested objects); absent keys keep their defaults.
    public func decode(from decoder: Decoder) throws -> Root {
        var r = Root()
        func decode(_ c: KeyedDecodingContainer<RecipeCodingKey>, prefix: String) throws {
            for (name, key) in children(of: prefix) {
                let ck = RecipeCodingKey(stringValue: name)
                if let key { try key.decode(&r, c, ck) } else if c.contains(ck) {
                    try decode(try c.nestedContainer(keyedBy: RecipeCodingKey.self, forKey: ck), prefix: join(prefix, name))
                }
            }
        }
        try decode(try decoder.container(keyedBy: RecipeCodingKey.self), prefix: "")
        return r
    }

    /// Encodes every key (nested keys as nested objects).
    public func encode(_ r: Root, to encoder: Encoder) throws {
        func encode(_ c: inout KeyedEncodingContainer<RecipeCodingKey>, prefix: String) throws {
            for (name, key) in children(of: prefix) {
                let ck = RecipeCodingKey(stringValue: name)
                if let key { try key.encode(r, &c, ck) } else {
                    var nested = c.nestedContainer(keyedBy: RecipeCodingKey.self, forKey: ck)
                    try encode(&nested, prefix: join(prefix, name))
                }
            }
        }
        var c = encoder.container(keyedBy: RecipeCodingKey.self)
        try encode(&c, prefix: "")
    }
}

/// `prefix.name`, or `name` at the top level.
func join(_ prefix: String, _ name: String) -> String { prefix.isEmpty ? name : prefix + "." + name }

/// Is a model value a path rather than a name? (It contains `/` or starts with `.` or `~`.)
func looksLikePath(_ s: String) -> Bool {
    s.contains("/") || s.hasPrefix(".") || s.hasPrefix("~")
}

/// A string key for `Codable`, also dotted names' parts.
public struct RecipeCodingKey: CodingKey, Sendable {
    public let stringValue: String
    public var intValue: Int? { nil }
    public init(stringValue: String) { self.stringValue = stringValue }
    public init?(intValue: Int) { nil }
}

// MARK: Value types

/// A type recipe values can have: how it reads from YAML, how `Recipe.yaml()` writes it, and the
/// scalars a `RecipeRule` checks.
protocol RecipeValue: Codable, Equatable, Sendable {
    associatedtype Scalar
    /// "an integer", "a list of numbers": what a value must be, for messages.
    static var expected: String { get }
    static var isText: Bool { get }
    static var isList: Bool { get }
    init(node: RecipeNode) throws
    /// The value as YAML (flow style).
    var yamlText: String { get }
    /// The values a rule checks: itself, none for null, each element of a list.
    var scalars: [Scalar] { get }
    var isNull: Bool { get }
}

extension RecipeValue where Scalar == Self {
    var scalars: [Self] { [self] }
    var isNull: Bool { false }
    static var isText: Bool { false }
    static var isList: Bool { false }
}

/// A number type a range rule can check.
protocol RecipeNumber: Comparable, Sendable, CustomStringConvertible {
    var isFiniteNumber: Bool { get }
}

extension RecipeNumber {
    /// The number as a rule says it: `0` rather than `0.0`.
    var ruleText: String { description.hasSuffix(".0") ? String(description.dropLast(2)) : description }
}

extension Int: RecipeValue, RecipeNumber {
    typealias Scalar = Int
    static var expected: String { "an integer" }
    init(node: RecipeNode) throws {
        guard let s = node.scalarText, let v = Int(s.replacingOccurrences(of: "_", with: "")) else { throw node.fail(Self.expected) }
        self = v
    }
    var yamlText: String { "\(self)" }
    var isFiniteNumber: Bool { true }
}

/// Float and Double: any finite number YAML writes.
extension RecipeValue where Self: BinaryFloatingPoint & LosslessStringConvertible {
    static var expected: String { "a number" }
    init(node: RecipeNode) throws {
        guard let s = node.scalarText, let v = Self(s), v.isFinite else { throw node.fail(Self.expected) }
        self = v
    }
    var yamlText: String { description }
    var isFiniteNumber: Bool { isFinite }
}

extension Float: RecipeValue, RecipeNumber { typealias Scalar = Float }
extension Double: RecipeValue, RecipeNumber { typealias Scalar = Double }

extension Bool: RecipeValue {
    typealias Scalar = Bool
    static var expected: String { "true or false" }
    init(node: RecipeNode) throws {
        switch node.scalarText?.lowercased() {
        case "true", "yes", "on": self = true
        case "false", "no", "off": self = false
        default: throw node.fail(Self.expected)
        }
    }
    var yamlText: String { "\(self)" }
}

extension String: RecipeValue {
    typealias Scalar = String
    static var expected: String { "a string" }
    static var isText: Bool { true }
    init(node: RecipeNode) throws {
        guard let s = node.scalarText else { throw node.fail(Self.expected) }
        self = s
    }
    var yamlText: String { jsonQuoted(self) }
}

/// A value that names one of a fixed set of choices: an enum with string raw values, kept typed in
/// the recipe, so the code that uses it never parses a string again. A name outside the set is
/// refused as it is read, naming the key and the choices.
protocol RecipeChoice: RecipeValue, RawRepresentable, CaseIterable where RawValue == String, Scalar == Self {}

extension RecipeChoice {
    /// The choices, in declaration order, comma-separated.
    static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
    static var expected: String { "a string" }
    init(node: RecipeNode) throws {
        guard let s = node.scalarText else { throw node.fail(Self.expected) }
        guard let v = Self(rawValue: s) else {
            throw AttuneError.badConfig(source: node.source, field: node.key, what: "is \"\(s)\"; must be one of \(Self.choices)")
        }
        self = v
    }
    var yamlText: String { jsonQuoted(rawValue) }
}

extension RecipeRule where S: RecipeChoice {
    /// One of the type's choices: the requirement the docs show (the type itself refuses others).
    static var choice: Self { RecipeRule(requirement: "one of " + S.choices, holds: { _ in true }, failure: { _ in "" }) }
}

extension Precision: RecipeChoice { typealias Scalar = Precision }
extension NegativeSampling: RecipeChoice { typealias Scalar = NegativeSampling }
extension SourceSampling: RecipeChoice { typealias Scalar = SourceSampling }
extension GuideFilter.MarginStrategy: RecipeChoice { typealias Scalar = GuideFilter.MarginStrategy }
extension Recipe.Objective: RecipeChoice { typealias Scalar = Recipe.Objective }
extension Recipe.CrossEncoderLossKind: RecipeChoice { typealias Scalar = Recipe.CrossEncoderLossKind }

extension Optional: RecipeValue where Wrapped: RecipeValue {
    typealias Scalar = Wrapped.Scalar
    static var expected: String { Wrapped.expected + " or null" }
    static var isText: Bool { Wrapped.isText }
    static var isList: Bool { Wrapped.isList }
    init(node: RecipeNode) throws {
        var n = node
        n.nullable = true
        self = node.isNull ? nil : try Wrapped(node: n)
    }
    var yamlText: String { map(\.yamlText) ?? "null" }
    var scalars: [Wrapped.Scalar] { map(\.scalars) ?? [] }
    var isNull: Bool { self == nil }
}

extension Array: RecipeValue where Element: RecipeValue {
    typealias Scalar = Element.Scalar
    static var expected: String {
        let e = Element.expected
        let noun = e.hasPrefix("an ") ? e.dropFirst(3) : e.hasPrefix("a ") ? e.dropFirst(2) : e[...]
        return "a list of \(noun == "true or false" ? "booleans" : noun + "s")"
    }
    static var isText: Bool { false }
    static var isList: Bool { true }
    /// A list, one scalar standing for a list of one (`alphas: 0.5` is `[0.5]`), or null for none.
    init(node: RecipeNode) throws {
        if node.isNull {
            self = []
        } else if let items = node.items {
            self = try items.map { try Element(node: $0) }
        } else if !Element.isList, node.scalarText != nil, let one = try? Element(node: node) {
            self = [one]
        } else {
            throw node.fail(Self.expected)
        }
    }
    var yamlText: String { "[" + map(\.yamlText).joined(separator: ", ") + "]" }
    var scalars: [Element.Scalar] { flatMap(\.scalars) }
    /// An empty list counts as not given (for `allOrNone`).
    var isNull: Bool { isEmpty }
}

// MARK: Nodes

/// One YAML value of a recipe, with what is needed to name it in an error.
struct RecipeNode {
    let node: Node
    /// The dotted key the value belongs to.
    let key: String
    /// The recipe's path, or "--set"/the flag it came from.
    let source: String
    /// Say the line in errors (false for a value from the command line).
    var showLine = true
    /// The key is optional: errors say "or null".
    var nullable = false

    /// An error naming the key, what was expected and what was found.
    func fail(_ expected: String) -> AttuneError {
        let got: String
        if let s = node.scalar { got = isNull ? "null" : "\"\(s.string)\"" } else { got = describeNode(node) }
        let at = showLine ? node.mark.map { " (line \($0.line))" } ?? "" : ""
        return AttuneError.badConfig(source: source, field: key, what: "expected \(expected)\(nullable ? " or null" : ""), got \(got)\(at)")
    }

    /// A plain `null`, `~` or nothing.
    var isNull: Bool {
        guard let s = node.scalar, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The scalar's text, nil for null or a list or mapping.
    var scalarText: String? { isNull ? nil : node.scalar?.string }

    /// The elements of a list, nil for anything else.
    var items: [RecipeNode]? {
        node.sequence.map { $0.map { RecipeNode(node: $0, key: key, source: source, showLine: showLine) } }
    }
}

/// "a list", "a mapping", "a scalar": what a node is, for messages.
func describeNode(_ node: Node) -> String {
    switch node {
    case .scalar: return "a scalar"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
}

/// The path rule of `Recipe.load`: `~` is the home folder and an absolute path stays as it is; a
/// relative path is taken against the current directory if something exists there, else against
/// the recipe file's folder if something exists there, else against the current directory.
struct PathResolver: Sendable {
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

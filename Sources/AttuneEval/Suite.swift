import AttuneData
import Foundation
import Yams

/// What a retrieval set stands for in a suite, which decides how its losses are read.
public enum SuiteRole: String, CaseIterable, Sendable, Codable {
    /// The target collection with its test queries: where the adaptation should gain.
    case domain
    /// Real users' queries over the target collection.
    case users
    /// Another collection the model must keep serving.
    case other
    /// General data from outside the domain.
    case `guard`
}

/// One BEIR retrieval set of a suite: three files and a role.
public struct EvaluationSet: Sendable, Equatable {
    /// Unique within its suite; names the set in tables, warnings, JSON and `--set`.
    public var name: String
    public var role: SuiteRole
    public var corpus: URL
    public var queries: URL
    public var qrels: URL
    /// Where this set's corpus vectors go under an index location: a sub-folder (or a table
    /// suffix on PostgreSQL). nil: one derived from the corpus file, so sets sharing a corpus
    /// share its index; "" the location itself (the one-set form's main set, whose report and
    /// errors then carry no set name, as `attune eval --corpus …` has always printed them).
    public var indexName: String?

    public init(name: String, role: SuiteRole, corpus: URL, queries: URL, qrels: URL, indexName: String? = nil) {
        self.name = name; self.role = role; self.corpus = corpus; self.queries = queries; self.qrels = qrels
        self.indexName = indexName
    }

    /// The corpus file as a key: sets with the same key are scored over one encoding per model.
    var corpusKey: String { corpus.standardizedFileURL.resolvingSymlinksInPath().path }
}

/// Retrieval sets evaluated together (`attune eval --suite`): every model on every set, in one run.
///
///     # suite.yaml
///     sets:
///       - name: medquad
///         role: domain              # domain | users | other | guard
///         corpus: ../shared/data/medquad/corpus.jsonl
///         queries: ../shared/data/medquad/test-queries.jsonl
///         qrels: ../shared/data/medquad/test-qrels.tsv
///
/// Relative paths are taken against the current folder if the file is there, else against the
/// suite file's folder (the rule recipes follow).
public struct EvaluationSuite: Sendable, Equatable {
    /// Where the suite came from (a path, or a label for a suite built in code).
    public var source: String
    public var sets: [EvaluationSet]

    /// A suite from values; set names must be unique and the list non-empty.
    public init(sets: [EvaluationSet], source: String = "suite") throws {
        guard !sets.isEmpty else { throw AttuneError.invalidFile(path: source, what: "a suite needs at least one set") }
        var seen = Set<String>()
        for s in sets where !seen.insert(s.name).inserted {
            throw AttuneError.invalidFile(path: source, what: "two sets are named \"\(s.name)\" (set names must be unique)")
        }
        self.sets = sets
        self.source = source
    }

    /// The suite with only the set named `name` (`--set`); an error listing the names otherwise.
    public func only(_ name: String) throws -> EvaluationSuite {
        guard let s = sets.first(where: { $0.name == name }) else {
            throw EvaluationSettingError(setting: "set", value: name,
                                         what: "no such set in \(source) (its sets: \(sets.map(\.name).joined(separator: ", ")))")
        }
        return try EvaluationSuite(sets: [s], source: source)
    }

    static let topKeys = ["sets"]
    static let setKeys = ["name", "role", "corpus", "queries", "qrels"]

    /// Read a suite file. Every error is one line naming the file, the set and the key: an unknown
    /// key or role, a missing key, two sets with one name, a file that does not exist.
    public static func load(_ url: URL, currentDirectory: URL? = nil) throws -> EvaluationSuite {
        let path = url.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw AttuneError.invalidFile(path: path, what: "is a folder, not a suite file")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw AttuneError.fileNotFound(path: path) }
        guard let text = String(data: data, encoding: .utf8) else { throw AttuneError.invalidFile(path: path, what: "not UTF-8 text") }
        let cwd = currentDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return try parse(yaml: text, source: path, folders: [cwd, url.deletingLastPathComponent()])
    }

    /// Parse suite YAML; relative paths are tried in each of `folders` in turn (the first where
    /// the file exists wins; none: an error naming the set and the key).
    public static func parse(yaml text: String, source: String, folders: [URL]) throws -> EvaluationSuite {
        func fail(_ field: String, _ what: String, _ node: Node? = nil) -> AttuneError {
            .badConfig(source: source, field: field, what: what + (node?.mark.map { " (line \($0.line))" } ?? ""))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            let message = "\(error)".split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            throw AttuneError.invalidFile(path: source, what: "not valid YAML: \(message)")
        }
        guard let mapping = root?.mapping else {
            throw AttuneError.invalidFile(path: source, what: "a suite is a mapping with a `sets:` list")
        }
        var setNodes: Node.Sequence?
        for (k, v) in mapping {
            let key = k.scalar?.string ?? "?"
            guard topKeys.contains(key) else { throw fail(key, "unknown key (known: \(topKeys.joined(separator: ", ")))", k) }
            guard let seq = v.sequence else { throw fail(key, "expected a list of sets", v) }
            setNodes = seq
        }
        guard let setNodes else { throw fail("sets", "required key is missing") }
        var sets: [EvaluationSet] = []
        var names: [String: Int] = [:]
        for (i, node) in setNodes.enumerated() {
            let at = "sets[\(i)]"
            guard let m = node.mapping else { throw fail(at, "expected a mapping of \(setKeys.joined(separator: ", "))", node) }
            var values: [String: (String, Node)] = [:]
            for (k, v) in m {
                let key = k.scalar?.string ?? "?"
                guard setKeys.contains(key) else { throw fail("\(at).\(key)", "unknown key (known: \(setKeys.joined(separator: ", ")))", k) }
                guard let s = v.scalar?.string, !s.isEmpty else { throw fail("\(at).\(key)", "expected a non-empty string", v) }
                values[key] = (s, v)
            }
            for key in setKeys where values[key] == nil { throw fail("\(at).\(key)", "required key is missing", node) }
            let name = values["name"]!.0
            if let first = names[name] {
                throw fail("\(at).name", "\"\(name)\" is also the name of sets[\(first)] (set names must be unique)", values["name"]!.1)
            }
            names[name] = i
            guard let role = SuiteRole(rawValue: values["role"]!.0) else {
                throw fail("\(at).role", "unknown role \"\(values["role"]!.0)\" of set \"\(name)\" "
                           + "(known: \(SuiteRole.allCases.map(\.rawValue).joined(separator: ", ")))", values["role"]!.1)
            }
            func file(_ key: String) throws -> URL {
                let (p, node) = values[key]!
                guard let url = resolve(p, in: folders) else {
                    throw fail("\(at).\(key)", "set \"\(name)\": \(p): no such file", node)
                }
                return url
            }
            sets.append(EvaluationSet(name: name, role: role, corpus: try file("corpus"), queries: try file("queries"), qrels: try file("qrels")))
        }
        return try EvaluationSuite(sets: sets, source: source)
    }

    /// `p` as an existing file: `~` expanded, absolute as it is, relative against each folder in turn.
    static func resolve(_ p: String, in folders: [URL]) -> URL? {
        let expanded = (p as NSString).expandingTildeInPath
        let candidates = expanded.hasPrefix("/") ? [URL(fileURLWithPath: expanded)]
            : folders.map { $0.appendingPathComponent(expanded) }
        var isFolder: ObjCBool = false
        return candidates.map(\.standardizedFileURL).first {
            FileManager.default.fileExists(atPath: $0.path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}

/// A setting of an evaluation with a value that cannot work (`dim`, `max_seq_length`, `set`): the
/// shared `SettingError`, which the CLI reports as its flag (`--dim 999: …`), a Swift caller by the
/// setting's name.
public typealias EvaluationSettingError = SettingError

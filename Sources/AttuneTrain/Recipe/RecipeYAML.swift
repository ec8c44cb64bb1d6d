import AttuneCore
import AttuneData
import Foundation
import Yams

// Reading a record from YAML by its schema (strict: unknown keys and wrong types are errors naming
// the key and line) and writing it back.

extension RecipeSchema {
    /// Reads YAML `text` (from `source`, named in errors) into a record. Absent keys keep their
    /// defaults; `null` clears an optional key; a group of nested keys is a nested mapping.
    ///
    /// - Throws: `.invalidFile` for text that is not YAML or not a mapping; `.badConfig` naming
    ///   the (dotted) key for an unknown key (listing the known ones), a repeated key or a value of
    ///   the wrong type, with its line.
    func read(yaml text: String, source: String, resolver: PathResolver) throws -> Root {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            let message = "\(error)".split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            throw AttuneError.invalidFile(path: source, what: "not valid YAML: \(message)")
        }
        guard let root else { throw AttuneError.invalidFile(path: source, what: "empty recipe (expected `key: value` lines)") }
        guard let mapping = root.mapping else {
            throw AttuneError.invalidFile(path: source, what: "a recipe is a mapping of `key: value` lines, not \(describeNode(root))")
        }
        var r = Root()
        try read(mapping, prefix: "", into: &r, source: source, resolver: resolver)
        return r
    }

    /// Reads the keys of `mapping` (inside the group `prefix`, "" at the top) into `r`.
    private func read(_ mapping: Node.Mapping, prefix: String, into r: inout Root, source: String, resolver: PathResolver) throws {
        let children = children(of: prefix)
        let at = prefix.isEmpty ? "" : prefix + "."
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string else {
                throw AttuneError.badConfig(source: source, field: at + describeNode(keyNode), what: "keys must be plain words")
            }
            let full = at + name
            guard let child = children.first(where: { $0.name == name }) else {
                throw AttuneError.badConfig(source: source, field: full,
                                            what: "unknown key (known: \(children.map { at + $0.name }.joined(separator: ", ")))")
            }
            guard seen.insert(name).inserted else {
                throw AttuneError.badConfig(source: source, field: full, what: "appears twice")
            }
            if let key = child.key {
                try key.read(RecipeNode(node: value, key: full, source: source), &r, resolver)
            } else {
                guard let nested = value.mapping else {
                    let line = value.mark.map { " (line \($0.line))" } ?? ""
                    let inside = self.children(of: full).map(\.name).joined(separator: ", ")
                    throw AttuneError.badConfig(source: source, field: full,
                                                what: "expected a mapping of \(inside), got \(describeNode(value))\(line)")
                }
                try read(nested, prefix: full, into: &r, source: source, resolver: resolver)
            }
        }
    }

    /// `r` as YAML: every key in the schema's order (a group where its first key is, its keys
    /// indented under it), strings double-quoted, lists in flow style, absent optional values as
    /// `null`. `read(yaml:)` reads it back to an equal record.
    func yaml(_ r: Root, header: String) -> String {
        var lines = [header]
        func emit(_ prefix: String, indent: String) {
            for (name, key) in children(of: prefix) {
                if let key {
                    lines.append("\(indent)\(name): \(key.text(r))")
                } else {
                    lines.append("\(indent)\(name):")
                    emit(join(prefix, name), indent: indent + "  ")
                }
            }
        }
        emit("", indent: "")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Recipe {
    /// Reads a YAML recipe. Absent keys keep their defaults; `null` clears an optional key; nested
    /// keys (dotted in `Recipe.schema`) are nested mappings.
    ///
    /// Paths (the schema's path keys, and `model` when it contains `/` or starts with `.` or `~`)
    /// are resolved by one rule: `~` is the home folder and an absolute path stays as it is; a
    /// relative path is taken against `currentDirectory` if something exists there, else against
    /// the recipe file's folder if something exists there, else against `currentDirectory` (so an
    /// `output` that does not exist yet lands where you run Attune). The loaded recipe holds
    /// absolute paths.
    ///
    /// - Throws: `AttuneError.fileNotFound`; `.invalidFile` for text that is not UTF-8, not YAML
    ///   or not a mapping; `.badConfig` naming the key for an unknown key (listing the known ones),
    ///   a repeated key or a value of the wrong type.
    public static func load(_ url: URL, currentDirectory: URL? = nil) throws -> Recipe {
        let path = url.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw AttuneError.invalidFile(path: path, what: "is a folder, not a recipe file")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw AttuneError.fileNotFound(path: path) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AttuneError.invalidFile(path: path, what: "not UTF-8 text")
        }
        let cwd = currentDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return try schema.read(yaml: text, source: path,
                               resolver: PathResolver(currentDirectory: cwd, recipeFolder: url.deletingLastPathComponent()))
    }

    /// The recipe as YAML, every key in `knownKeys` order, strings double-quoted, absent optional
    /// values as `null`. `load` reads it back to an equal recipe (paths are already absolute).
    public func yaml() -> String {
        Recipe.schema.yaml(self, header: "# Attune recipe, resolved (every key, absolute paths).")
    }
}

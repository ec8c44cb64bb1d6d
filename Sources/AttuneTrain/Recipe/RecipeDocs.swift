// The recipe schema as a Markdown page (docs/recipes.md): written from the same table of keys that
// reads, checks and compares recipes, so the page cannot disagree with the code. A test compares
// the committed page with `Recipe.schemaMarkdown()` and says how to regenerate it.

extension RecipeSchema {
    /// The keys as Markdown tables, one per group (the top-level keys first, then each dotted
    /// prefix such as `merge` in order of first appearance): key, type, default, rule, whether
    /// `--resume` may change it, and its help text.
    public func markdownTables() -> String {
        var groups: [(name: String, keys: [RecipeKey<Root>])] = []
        for k in keys {
            let parts = k.name.split(separator: ".")
            let group = parts.count > 1 ? parts.dropLast().joined(separator: ".") : ""
            if let i = groups.firstIndex(where: { $0.name == group }) { groups[i].keys.append(k) } else { groups.append((group, [k])) }
        }
        var out: [String] = []
        for g in groups {
            out.append(g.name.isEmpty ? "## Top-level keys" : "## `\(g.name)`")
            out.append("")
            if !g.name.isEmpty {
                out.append("Written as a nested mapping (`\(g.name):` then the keys indented below it), or dotted on a command line (`--set \(g.keys[0].name)=…`).")
                out.append("")
            }
            out.append("| key | type | default | rule | `--resume` may change it | what it does |")
            out.append("| --- | --- | --- | --- | --- | --- |")
            for k in g.keys {
                let def = k.defaultText
                let cells = [
                    "`\(k.name)`",
                    k.expected,
                    def == "\"\"" ? "—" : "`\(def)`",
                    k.requirement.isEmpty ? "—" : k.requirement,
                    k.resumable ? "yes" : "no",
                    k.help,
                ]
                out.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// Text made safe for one Markdown table cell: pipes escaped, line breaks as spaces.
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension Recipe {
    /// How to regenerate docs/recipes.md from the package's root folder.
    public static let schemaMarkdownCommand = "ATTUNE_REGENERATE_DOCS=1 swift test --filter RecipeDocsTests"

    /// docs/recipes.md: every key of `Recipe.schema` with its type, default, rule, resume rule and
    /// help, generated (see `schemaMarkdownCommand`).
    public static func schemaMarkdown() -> String {
        """
        # Recipe keys

        <!-- Generated from Recipe.schema; do not edit by hand. Regenerate with: \(schemaMarkdownCommand) -->

        [← README](../README.md) · [Training](training.md)

        A recipe is a YAML file of these keys (`Recipes/*.yaml` are examples). A key left out has its
        default; an unknown key, a value of the wrong type or one that breaks its rule is a one-line
        error naming the key and line. A relative path resolves against the current folder if it
        exists there, else against the recipe's folder. `attune train --set KEY=VALUE` sets any key
        from the command line (lists as `a,b,c`), and `attune train --help` lists the same keys.
        `--resume` continues a checkpoint only when every key marked "no" below has the value the
        checkpoint was made with. The resolved recipe, every key spelled out, is saved beside the
        trained model.

        \(Recipe.schema.markdownTables())
        """
    }
}

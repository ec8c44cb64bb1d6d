import AttuneAdapt
import AttuneCore
import AttuneData
import AttuneEval
import AttuneModel
import AttuneSearch
import AttuneTrain
import ArgumentParser
import Foundation

/// `attune train`: fine-tune a model on domain pairs following a recipe.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fine-tune on (anchor, positive) pairs with MultipleNegativesRanking loss.",
        discussion: """
        Flags override the recipe's values: the named ones below, and any recipe key with --set KEY=VALUE (dotted for nested keys; a list as a,b,c). \
        The trained model goes to OUTPUT/model (a sentence-transformers folder that `attune embed` and PyTorch load), \
        the resolved recipe to OUTPUT/recipe.yaml, and a checkpoint to OUTPUT/checkpoint every checkpoint_every steps \
        (`--resume` continues from it, and gives the same model as an uninterrupted run). \
        A resumed run must use the same recipe and pairs: only \(Recipe.schema.resumableKeys.joined(separator: ", ")) may change. \
        A NaN loss or weight stops the run naming the step; the last checkpoint is kept.

        Recipe keys:
        \(Recipe.schema.helpLines.joined(separator: "\n"))
        """)

    @Option(help: "A YAML recipe (see Recipes/).") var recipe: String?
    @OptionGroup var runtime: RuntimeOptions
    @OptionGroup var keys: RecipeFlags
    @Flag(help: "Continue from OUTPUT/checkpoint (made with the same recipe).") var resume = false
    @Flag(help: "Train nothing: choose the merge again (merge.*, dev_suite, guard.*) for the model already trained in OUTPUT.") var mergeOnly = false
    @Flag(help: "Print a JSON summary last.") var json = false

    func validate() throws {
        // The flags alone (names, types, ranges), so a bad one is a usage error of `attune train`.
        var r = Recipe()
        try keys.apply(to: &r)
    }

    func run() throws {
        runtime.apply()
        var r = try recipe.map { try Recipe.load(URL(fileURLWithPath: $0)) } ?? Recipe()
        try keys.apply(to: &r)
        try r.validate(source: recipe ?? "flags")
        let result = try TrainJob(recipe: r, resume: resume, mergeOnly: mergeOnly).execute()
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            print(String(decoding: try enc.encode(result), as: UTF8.self))
        }
    }
}

/// The recipe keys `attune train` takes on its command line.
///
/// Design: ArgumentParser declares flags at compile time and cannot make them from
/// `Recipe.schema` at run time, so there are two kinds, both handed to the schema's one parser
/// (`Recipe.set`), which is the one that reads recipe files too — so a flag has no parsing, type or
/// range rule of its own, and a new key needs no code here:
/// - `--set KEY=VALUE` (repeatable) sets any key of the schema, nested ones by dotted name;
/// - the everyday keys also have a named flag. Each is a `String?` (or a `Bool?` with a `--no-`
///   form) whose property name is its key in camelCase: `apply` finds them by reflection, and
///   their help comes from the schema. A named flag that is not a schema key is a programmer
///   error, caught the first time `attune train` runs (the CLI tests run it).
/// A value of the wrong type or out of range, or a key given twice, is a usage error (exit 64)
/// naming the flag.
struct RecipeFlags: ParsableArguments {
    @Option(help: .recipe("model")) var model: String?
    @Option(help: .recipe("pairs")) var pairs: String?
    @Option(help: .recipe("output")) var output: String?
    @Option(help: .recipe("epochs")) var epochs: String?
    @Option(help: .recipe("max_pairs")) var maxPairs: String?
    @Option(help: .recipe("batch_size")) var batchSize: String?
    @Option(help: .recipe("lr")) var lr: String?
    @Option(help: .recipe("max_seq_length")) var maxSeqLength: String?
    @Option(help: .recipe("trainable_layers")) var trainableLayers: String?
    @Flag(inversion: .prefixedNo, help: .recipe("head")) var head: Bool?
    @Option(help: .recipe("seed")) var seed: String?
    @Option(help: .recipe("dropout")) var dropout: String?
    @Option(help: .recipe("eval_every")) var evalEvery: String?
    @Option(help: .recipe("checkpoint_every")) var checkpointEvery: String?
    @Flag(inversion: .prefixedNo, help: .recipe("skip_bad")) var skipBad: Bool?
    @Option(help: .recipe("dev_precision")) var devPrecision: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("Set any recipe key (see the list below).", valueName: "key=value"))
    var assignments: [String] = []

    /// The named flags that were given, as (recipe key, flag, text).
    private var named: [(key: String, flag: String, text: String)] {
        Mirror(reflecting: self).children.compactMap { child -> (key: String, flag: String, text: String)? in
            guard var label = child.label, label.hasPrefix("_"), label != "_assignments" else { return nil }
            label.removeFirst()
            let key = label.map { $0.isUppercase ? "_" + $0.lowercased() : String($0) }.joined()
            precondition(Recipe.schema[key] != nil, "attune train has a flag for \(key), which is not a recipe key")
            let flag = "--" + key.replacingOccurrences(of: "_", with: "-")
            if let v = child.value as? Option<String?>, let text = v.wrappedValue { return (key, flag, text) }
            if let v = child.value as? Flag<Bool?>, let b = v.wrappedValue { return (key, b ? flag : "--no-" + flag.dropFirst(2), "\(b)") }
            return nil
        }
    }

    /// Sets the given keys in `recipe`, paths relative to the current directory.
    func apply(to recipe: inout Recipe) throws {
        var given = named
        for a in assignments {
            guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
                throw ValidationError("--set \(a): expected KEY=VALUE (a recipe key, see --help)")
            }
            given.append((String(a[..<eq]), "--set \(a[..<eq])", String(a[a.index(after: eq)...])))
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var seen: [String: String] = [:]
        for g in given {
            if let first = seen.updateValue(g.flag, forKey: g.key) {
                throw ValidationError("\(g.flag): \(g.key) is already set by \(first)")
            }
            do { try recipe.set(g.key, to: g.text, source: g.flag, currentDirectory: cwd) } catch AttuneError.badConfig(_, _, let what) {
                throw ValidationError("\(g.flag): \(what)")
            }
        }
        for g in given {
            if let what = Recipe.schema.problem(with: g.key, in: recipe) { throw ValidationError("\(g.flag): \(what)") }
        }
    }
}

extension ArgumentHelp {
    /// The help of a recipe key, from `Recipe.schema`.
    static func recipe(_ key: String) -> ArgumentHelp {
        guard let k = Recipe.schema[key] else { return "" }
        return ArgumentHelp(k.help + (k.requirement.isEmpty ? "" : " (\(k.requirement))") + ".")
    }
}

/// Training shared by `attune train` and `attune demo`: `Adaptation` with progress on stderr.
struct TrainJob {
    var recipe: Recipe
    var resume: Bool
    var mergeOnly = false

    func execute() throws -> Adaptation.Result {
        var lastPrint = Date.distantPast
        let interactive = isatty(2) != 0
        var bars: [String: (bar: ProgressBar, done: Int)] = [:]
        return try Adaptation(recipe: recipe, resume: resume, mergeOnly: mergeOnly, log: note,
            progress: { s in
                let now = Date()
                guard s.step == s.totalSteps || now.timeIntervalSince(lastPrint) >= (interactive ? 0.2 : 10) else { return }
                lastPrint = now
                let source = s.source.map { String(format: "  [%@ %.4f]", $0, s.sourceSmoothedLoss ?? .nan) } ?? ""
                let line = String(format: "step %d/%d  loss %.4f%@  lr %.2e  %.1f pairs/s  ETA %@",
                                  s.step, s.totalSteps, s.smoothedLoss, source, s.learningRate, s.pairsPerSecond, formatDuration(s.etaSeconds))
                if interactive {
                    FileHandle.standardError.write(Data(("\r" + line + "   " + (s.step == s.totalSteps ? "\n" : "")).utf8))
                } else {
                    note(line)
                }
            },
            work: { what, done, total in
                // A new pass (another total, or counting from the start again) gets a new bar.
                if bars[what].map({ $0.bar.total != total || done < $0.done }) ?? true {
                    bars[what] = (ProgressBar(total: total, unit: what == "frozen layers" ? "texts" : "docs", label: what), 0)
                }
                bars[what]!.done = done
                bars[what]!.bar.update(done)
            }).run()
    }
}

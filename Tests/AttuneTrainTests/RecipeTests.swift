import AttuneCore
import AttuneData
import AttuneTestSupport
@testable import AttuneTrain
import XCTest

final class RecipeTests: XCTestCase {
    private var dir: URL!
    private let recipes = Fixtures.packageRoot.appendingPathComponent("Recipes")

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-recipe-\(UUID().uuidString)").standardizedFileURL
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func write(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    private func expectConfigError(_ body: @autoclosure () throws -> Any, field: String, contains text: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard case AttuneError.badConfig(_, let f, let what) = error else {
                return XCTFail("expected badConfig, got \(error)", file: file, line: line)
            }
            XCTAssertEqual(f, field, "\(error)", file: file, line: line)
            XCTAssertTrue(what.contains(text), "\"\(what)\" lacks \"\(text)\"", file: file, line: line)
        }
    }

    func testLoadsShippedRecipes() throws {
        let root = Fixtures.packageRoot
        let medical = try Recipe.load(recipes.appendingPathComponent("medical-qa.yaml"), currentDirectory: root)
        XCTAssertEqual(medical.model, "all-MiniLM-L6-v2")
        let shared = root.deletingLastPathComponent().appendingPathComponent("shared/data/medquad").standardizedFileURL.path
        XCTAssertEqual(medical.pairs, shared + "/train.jsonl")
        XCTAssertEqual(medical.devQueries, shared + "/dev-queries.jsonl")
        XCTAssertEqual(medical.devCorpus, shared + "/corpus.jsonl")
        XCTAssertEqual(medical.devQrels, shared + "/dev-qrels.tsv")
        XCTAssertEqual(medical.output, root.appendingPathComponent("out/medical-qa").standardizedFileURL.path)
        XCTAssertEqual(medical.epochs, 1); XCTAssertEqual(medical.batchSize, 32); XCTAssertEqual(medical.lr, 5e-5)
        XCTAssertEqual(medical.warmup, 0.1); XCTAssertEqual(medical.maxSeqLength, 128); XCTAssertEqual(medical.trainableLayers, 2)
        XCTAssertTrue(medical.head); XCTAssertNil(medical.maxPairs); XCTAssertTrue(medical.hasDevSet)
        XCTAssertNoThrow(try medical.validate())
        // The robust default: mined negatives, the base as guide, augmentation, a merge chosen on dev + guard.
        XCTAssertEqual(medical.mineNegatives, 3); XCTAssertEqual(medical.guide, "base")
        XCTAssertTrue(medical.augment.isActive); XCTAssertFalse(medical.hasGuardSet)
        XCTAssertEqual(medical.devSuite, root.appendingPathComponent("Recipes/medical-suite-dev.yaml").path,
                       "the merge is chosen on the dev suite (which holds the guard sets), not on guard lists")
        XCTAssertEqual(medical.mergeHead, "keep"); XCTAssertEqual(medical.mergeAlphas, [0.3, 0.4, 0.5, 0.6, 0.7, 1.0]); XCTAssertEqual(medical.devCorpusSample, 4000)
        // The plain recipe is today's sentence-transformers recipe: none of them.
        let plain = try Recipe.load(recipes.appendingPathComponent("medical-qa-plain.yaml"), currentDirectory: root)
        XCTAssertEqual(plain.mineNegatives, 0); XCTAssertNil(plain.guide); XCTAssertFalse(plain.augment.isActive)
        XCTAssertFalse(plain.hasGuardSet); XCTAssertNil(plain.devSuite); XCTAssertEqual(plain.mergeAlphas, []); XCTAssertEqual(plain.pairs, medical.pairs)
        XCTAssertEqual(plain.lr, medical.lr); XCTAssertEqual(plain.batchSize, medical.batchSize)

        let demo = try Recipe.load(recipes.appendingPathComponent("demo.yaml"), currentDirectory: root)
        XCTAssertEqual(demo.pairs, root.appendingPathComponent("Data/medical/train.jsonl").standardizedFileURL.path)
        XCTAssertEqual(demo.output, root.appendingPathComponent("out/demo").standardizedFileURL.path)
        XCTAssertEqual(demo.lr, 1e-4)
        XCTAssertFalse(demo.hasDevSet)
        XCTAssertNoThrow(try demo.validate())
        // Every key is spelled out in the shipped recipes, and with the defaults where they agree.
        for name in ["medical-qa.yaml", "medical-qa-plain.yaml", "demo.yaml"] {
            let text = try String(contentsOf: recipes.appendingPathComponent(name), encoding: .utf8)
            let resolver = PathResolver(currentDirectory: root, recipeFolder: recipes)
            let spelled = try Recipe.schema.read(yaml: text, source: name, resolver: resolver)
            // Every value the file spells out obeys its key's rule, and saving the recipe loses nothing.
            XCTAssertNoThrow(try spelled.validate(source: name), name)
            XCTAssertEqual(try Recipe.schema.read(yaml: spelled.yaml(), source: name, resolver: resolver), spelled, name)
            for key in Recipe.schema.keys {
                XCTAssertTrue(text.range(of: "\n *\(key.leaf):", options: .regularExpression) != nil, "\(name) lacks \(key.name)")
            }
        }
    }

    func testDefaultsForAbsentKeys() throws {
        let r = try Recipe.load(try write("r.yaml", "pairs: p.jsonl\noutput: out\n"), currentDirectory: dir)
        var expected = Recipe()
        expected.pairs = dir.appendingPathComponent("p.jsonl").path
        expected.output = dir.appendingPathComponent("out").path
        XCTAssertEqual(r, expected)
        XCTAssertEqual(r.batchSize, 32); XCTAssertEqual(r.checkpointEvery, 500); XCTAssertEqual(r.seed, 42)
        XCTAssertEqual(r.scale, 20); XCTAssertEqual(r.dropout, 0.1); XCTAssertFalse(r.symmetric); XCTAssertFalse(r.skipBad)
    }

    func testUnknownKeyNamesItAndListsKnownKeys() throws {
        let url = try write("r.yaml", "pairs: p.jsonl\nbatchsize: 16\n")
        expectConfigError(try Recipe.load(url, currentDirectory: dir), field: "batchsize", contains: "unknown key (known: model, pairs, ")
        XCTAssertThrowsError(try Recipe.load(url, currentDirectory: dir)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(url.path): batchsize: unknown key (known: "), "\(error)")
            XCTAssertTrue("\(error)".contains("batch_size"))
        }
        expectConfigError(try Recipe.load(try write("d.yaml", "epochs: 1\nepochs: 2\n"), currentDirectory: dir),
                          field: "epochs", contains: "twice")
    }

    func testWrongTypeNamesKeyAndType() throws {
        let cases: [(String, String, String)] = [
            ("batch_size: many", "batch_size", "expected an integer, got \"many\" (line 2)"),
            ("epochs: 1.5", "epochs", "expected an integer"),
            ("lr: fast", "lr", "expected a number, got \"fast\""),
            ("warmup: [0.1]", "warmup", "expected a number, got a list"),
            ("head: maybe", "head", "expected true or false"),
            ("pairs: {a: b}", "pairs", "expected a string, got a mapping"),
            ("output: null", "output", "expected a string, got null"),
            ("max_pairs: lots", "max_pairs", "expected an integer"),
        ]
        for (line, field, message) in cases {
            let url = try write("t.yaml", "model: m\n\(line)\n")
            expectConfigError(try Recipe.load(url, currentDirectory: dir), field: field, contains: message)
        }
        XCTAssertThrowsError(try Recipe.load(try write("l.yaml", "- a\n- b\n"))) { error in
            XCTAssertTrue("\(error)".contains("not a list"), "\(error)")
        }
        XCTAssertThrowsError(try Recipe.load(try write("bad.yaml", "pairs: [unclosed\n"))) { error in
            XCTAssertTrue("\(error)".contains("not valid YAML"), "\(error)")
        }
        XCTAssertThrowsError(try Recipe.load(dir.appendingPathComponent("none.yaml"))) { error in
            XCTAssertEqual(error as? AttuneError, .fileNotFound(path: dir.appendingPathComponent("none.yaml").path))
        }
    }

    func testPathRule() throws {
        // Layout: dir/run (the current directory), dir/recipes/r.yaml, files in one or both.
        let cwd = dir.appendingPathComponent("run"), folder = dir.appendingPathComponent("recipes")
        _ = try write("run/both.jsonl", "")
        _ = try write("recipes/both.jsonl", "")
        _ = try write("recipes/only-here.jsonl", "")
        _ = try write("recipes/model/config.json", "{}")
        let url = try write("recipes/r.yaml", """
        pairs: only-here.jsonl
        dev_queries: both.jsonl
        dev_corpus: ../recipes/only-here.jsonl
        dev_qrels: /abs/qrels.tsv
        output: out/new
        model: ./model
        """)
        let r = try Recipe.load(url, currentDirectory: cwd)
        XCTAssertEqual(r.pairs, folder.appendingPathComponent("only-here.jsonl").path)
        XCTAssertEqual(r.devQueries, cwd.appendingPathComponent("both.jsonl").path)
        XCTAssertEqual(r.devCorpus, folder.appendingPathComponent("only-here.jsonl").path)
        XCTAssertEqual(r.devQrels, "/abs/qrels.tsv")
        XCTAssertEqual(r.output, cwd.appendingPathComponent("out/new").path)
        XCTAssertEqual(r.model, folder.appendingPathComponent("model").path)
        let named = try Recipe.load(try write("recipes/n.yaml", "model: all-MiniLM-L6-v2\n"), currentDirectory: cwd)
        XCTAssertEqual(named.model, "all-MiniLM-L6-v2")
        let home = try Recipe.load(try write("recipes/h.yaml", "pairs: ~/p.jsonl\n"), currentDirectory: cwd)
        XCTAssertEqual(home.pairs, (NSString("~/p.jsonl").expandingTildeInPath as String))
    }

    func testCommandLineSet() throws {
        var base = Recipe()
        base.pairs = "/data/p.jsonl"; base.output = "/out/a"
        let cwd = URL(fileURLWithPath: "/work/here")
        var r = base
        for (key, text) in [("pairs", "/data/q.csv"), ("output", "rel/out"), ("epochs", "3"), ("max_pairs", "100"),
                            ("batch_size", "16"), ("lr", "2e-5"), ("max_seq_length", "64"), ("trainable_layers", "0"),
                            ("head", "false"), ("seed", "7"), ("anchor_field", "yes: no # not YAML")] {
            try r.set(key, to: text, source: "--set \(key)", currentDirectory: cwd)
        }
        XCTAssertEqual(r.pairs, "/data/q.csv")
        XCTAssertEqual(r.output, "/work/here/rel/out", "a path flag is relative to the current directory")
        XCTAssertEqual(r.epochs, 3); XCTAssertEqual(r.maxPairs, 100); XCTAssertEqual(r.batchSize, 16)
        XCTAssertEqual(r.lr, 2e-5); XCTAssertEqual(r.maxSeqLength, 64); XCTAssertEqual(r.trainableLayers, 0)
        XCTAssertFalse(r.head); XCTAssertEqual(r.seed, 7)
        XCTAssertEqual(r.anchorField, "yes: no # not YAML", "a string key takes the text as it is")
        XCTAssertEqual(r.warmup, base.warmup); XCTAssertEqual(r.model, base.model)
        try r.set("model", to: "other-model", source: "--model", currentDirectory: cwd)
        XCTAssertEqual(r.model, "other-model", "a model name is not a path")
        try r.set("model", to: "./m", source: "--model", currentDirectory: cwd)
        XCTAssertEqual(r.model, "/work/here/m")
        try r.set("max_pairs", to: "null", source: "--set max_pairs", currentDirectory: cwd)
        XCTAssertNil(r.maxPairs)
        try r.set("dev_queries", to: "q.jsonl", source: "--set dev_queries", currentDirectory: cwd)
        XCTAssertEqual(r.devQueries, "/work/here/q.jsonl")
        try r.set("dev_queries", to: "null", source: "--set dev_queries", currentDirectory: cwd)
        XCTAssertNil(r.devQueries)

        let bad: [(String, String, String)] = [
            ("batchsize", "16", "unknown key (known: model, pairs, "),
            ("epochs", "two", "expected an integer, got \"two\""),
            ("epochs", "", "expected an integer, got \"\""),
            ("lr", "[1, 2]", "expected a number, got a list"),
            ("lr", "nan", "expected a number"),
            ("head", "maybe", "expected true or false, got \"maybe\""),
            ("max_pairs", "{a: 1}", "expected an integer or null, got a mapping"),
            ("epochs", "[unclosed", "expected an integer, got \"[unclosed\""),
        ]
        for (key, text, message) in bad {
            var x = base
            expectConfigError(try x.set(key, to: text, source: "--set \(key)", currentDirectory: cwd), field: key, contains: message)
            XCTAssertThrowsError(try x.set(key, to: text, source: "--set \(key)", currentDirectory: cwd)) { error in
                XCTAssertFalse("\(error)".contains("(line"), "a command-line value has no line: \(error)")
            }
        }
    }

    func testValidateNamesTheField() throws {
        var ok = Recipe()
        ok.pairs = "/p.jsonl"; ok.output = "/o"
        XCTAssertNoThrow(try ok.validate())
        let cases: [(WritableKeyPath<Recipe, Int>, Int, String)] = [
            (\.batchSize, 1, "batch_size"), (\.epochs, 0, "epochs"), (\.trainableLayers, -1, "trainable_layers"),
            (\.maxSeqLength, 1000, "max_seq_length"), (\.seed, -1, "seed"), (\.evalEvery, -5, "eval_every"),
            (\.checkpointEvery, -1, "checkpoint_every"),
        ]
        for (path, value, field) in cases {
            var r = ok
            r[keyPath: path] = value
            expectConfigError(try r.validate(source: "x.yaml"), field: field, contains: "is \(value)")
        }
        var r = ok; r.lr = 0
        expectConfigError(try r.validate(), field: "lr", contains: "greater than 0")
        r = ok; r.warmup = 1
        expectConfigError(try r.validate(), field: "warmup", contains: "[0, 1)")
        r = ok; r.dropout = 1
        expectConfigError(try r.validate(), field: "dropout", contains: "[0, 1)")
        r = ok; r.maxPairs = 0
        expectConfigError(try r.validate(), field: "max_pairs", contains: "at least 1")
        r = ok; r.pairs = ""
        expectConfigError(try r.validate(), field: "pairs", contains: "required")
        r = ok; r.devQueries = "/q.jsonl"
        expectConfigError(try r.validate(), field: "dev_corpus", contains: "together")
        r = ok; r.positiveField = "anchor"
        expectConfigError(try r.validate(), field: "positive_field", contains: "same as anchor_field")
        XCTAssertThrowsError(try { var x = ok; x.batchSize = 1; try x.validate(source: "r.yaml") }()) { error in
            XCTAssertTrue("\(error)".hasPrefix("r.yaml: batch_size: is 1; must be at least 2"), "\(error)")
        }
        // Robust-adaptation keys.
        r = ok; r.miniBatchSize = 48
        expectConfigError(try r.validate(), field: "mini_batch_size", contains: "larger than batch_size 32")
        r = ok; r.miniBatchSize = 12
        expectConfigError(try r.validate(), field: "mini_batch_size", contains: "does not divide batch_size 32")
        r = ok; r.miniBatchSize = 0
        expectConfigError(try r.validate(), field: "mini_batch_size", contains: "at least 1")
        r = ok; r.miniBatchSize = 8
        XCTAssertNoThrow(try r.validate())
        expectConfigError(try Recipe.load(try write("g.yaml", "pairs: p.jsonl\noutput: out\nguide_margin_strategy: percent\n"), currentDirectory: dir),
                          field: "guide_margin_strategy", contains: "one of absolute, relative")
        r = ok; r.guideMargin = 1
        expectConfigError(try r.validate(), field: "guide_margin", contains: "[0, 1)")
        r = ok; r.augment.typo = 1.5
        expectConfigError(try r.validate(), field: "augment.typo", contains: "0...1")
        r = ok; r.guardQueries = ["/q.jsonl"]
        expectConfigError(try r.validate(), field: "guard.corpus", contains: "together")
        r = ok; r.guardQueries = ["/q.jsonl", "/q2.jsonl"]; r.guardCorpus = ["/c.jsonl"]; r.guardQrels = ["/r.tsv", "/r2.tsv"]
        expectConfigError(try r.validate(), field: "guard.corpus", contains: "lists 1 file(s) but guard.queries lists 2")
        r = ok; r.mergeAlphas = [0.5, 1.2]
        expectConfigError(try r.validate(), field: "merge.alphas", contains: "1.2")
        r = ok; r.devCorpusSample = 0
        expectConfigError(try r.validate(), field: "dev_corpus_sample", contains: "at least 1")
        // An enum-valued key is typed: a name outside its choices is refused as it is read.
        let int4 = try write("p.yaml", "pairs: p.jsonl\noutput: out\ndev_precision: int4\n")
        expectConfigError(try Recipe.load(int4, currentDirectory: dir), field: "dev_precision", contains: "is \"int4\"; must be one of fp32, bf16, int8")
        XCTAssertThrowsError(try Recipe.load(int4, currentDirectory: dir)) { error in
            XCTAssertEqual("\(error)", "\(int4.path): dev_precision: is \"int4\"; must be one of fp32, bf16, int8", "one line naming the key")
        }
        for p in Precision.allCases {
            let r = try Recipe.load(try write("p.yaml", "pairs: p.jsonl\noutput: out\ndev_precision: \(p.rawValue)\n"), currentDirectory: dir)
            XCTAssertEqual(r.devPrecision, p)
        }
    }

    func testYAMLRoundTrip() throws {
        var r = Recipe()
        r.pairs = "/data/with \"quotes\" and: colon #hash.jsonl"
        r.output = "/out/ünïcode\tand tab"
        r.model = "yes"
        r.anchorField = "null"
        r.devQueries = "/d/q.jsonl"; r.devCorpus = "/d/c.jsonl"; r.devQrels = "/d/qrels.tsv"
        r.maxPairs = 1234; r.lr = 3.3e-5; r.warmup = 0.06; r.weightDecay = 0; r.maxGradNorm = 0.5
        r.scale = 33.3; r.symmetric = true; r.dropout = 0.25; r.seed = 9; r.skipBad = true; r.head = false
        for recipe in [r, Recipe()] {
            let text = recipe.yaml()
            let url = try write("round.yaml", text)
            XCTAssertEqual(try Recipe.load(url, currentDirectory: dir), recipe, text)
        }
        // Codable with the same snake_case keys: JSON round trip, and partial input keeps defaults.
        XCTAssertEqual(try JSONDecoder().decode(Recipe.self, from: JSONEncoder().encode(r)), r)
        let partial = try JSONDecoder().decode(Recipe.self, from: Data(#"{"batch_size": 8, "trainable_layers": 6}"#.utf8))
        XCTAssertEqual(partial.batchSize, 8); XCTAssertEqual(partial.trainableLayers, 6); XCTAssertEqual(partial.epochs, 1)
    }
}

import AttuneCore
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneTrain

/// Prompts in training (`prompts.*` recipe keys): resolved against the model folder, prepended to
/// every text the run sees, kept in the trained folder, and part of the resume check.
final class TrainingPromptsTests: XCTestCase {
    private var dir: URL!
    private let bundledPairs = Fixtures.packageRoot.appendingPathComponent("Data/medical/train.jsonl")
    private let prompts = ["query": "query: ", "passage": "passage: ", "classify": "Classify: "]

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-prompts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// all-MiniLM-L6-v2 with `prompts` in its config_sentence_transformers.json: every other file
    /// is a link to the real folder's.
    private func promptedModel(defaultName: String? = nil) throws -> URL {
        let real = try Fixtures.model()
        let url = dir.appendingPathComponent("prompted-\(defaultName ?? "model")")
        let fm = FileManager.default
        try fm.createDirectory(at: url, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: real.path) where name != "config_sentence_transformers.json" {
            try fm.createSymbolicLink(at: url.appendingPathComponent(name), withDestinationURL: real.appendingPathComponent(name))
        }
        var config: [String: Any] = ["prompts": prompts]
        config["default_prompt_name"] = defaultName ?? NSNull()
        try JSONSerialization.data(withJSONObject: config).write(to: url.appendingPathComponent("config_sentence_transformers.json"))
        return url
    }

    /// A small run writing to `dir/name`: 16 pairs in batches of 8 (2 steps), 1 layer, dropout on,
    /// the base as guide (its embeddings come from the frozen-layer cache, so they see the prompts too).
    private func recipe(_ name: String, model: URL, pairs: URL? = nil) -> Recipe {
        var r = Recipe()
        r.model = model.path
        r.pairs = (pairs ?? bundledPairs).path
        r.output = dir.appendingPathComponent(name).path
        r.maxPairs = 16
        r.batchSize = 8
        r.maxSeqLength = 24
        r.trainableLayers = 1
        r.dropout = 0.1
        r.lr = 1e-3
        r.checkpointEvery = 1
        r.guide = Recipe.guideIsBase
        r.seed = 3
        return r
    }

    /// The first 16 bundled pairs with `anchor` and `positive` prepended, as a JSONL file.
    private func prefixedPairs(anchor: String, positive: String) throws -> URL {
        let pairs = try PairReader().read(bundledPairs, limit: 16).pairs
        let url = dir.appendingPathComponent("prefixed.jsonl")
        let lines = try pairs.map { p in
            String(decoding: try JSONSerialization.data(withJSONObject: ["anchor": anchor + p.anchor, "positive": positive + p.positive],
                                                        options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private func weights(_ url: URL) throws -> [String: [Float]] {
        let m = try SentenceModel.load(url)
        var out: [String: [Float]] = [:]
        for (name, t) in m.bert.namedParameters { out[name] = t.values }
        for (i, d) in m.dense.enumerated() { out["dense.\(i)"] = d.linear.weight.values + (d.linear.bias?.values ?? []) }
        return out
    }

    func testResolvesNamesTextsAndTheModelsOwn() throws {
        let model = try SentenceModel.load(try promptedModel())
        var r = Recipe()
        // Neither key: the model's query prompt and its document prompt (`passage`), as search and index pick them.
        XCTAssertEqual(try TrainingPrompts(recipe: r, model: model), TrainingPrompts(anchor: "query: ", positive: "passage: "))
        r.anchorPromptName = "classify"
        r.positivePrompt = ""
        XCTAssertEqual(try TrainingPrompts(recipe: r, model: model), TrainingPrompts(anchor: "Classify: ", positive: ""))
        // A model without prompts trains on the texts as they are.
        XCTAssertTrue(try TrainingPrompts(recipe: Recipe(), model: SentenceModel.load(Fixtures.model())).isEmpty)

        // The trained model's query and document prompts become the training ones; the others stay.
        let applied = TrainingPrompts(anchor: "Classify: ", positive: "").applied(to: model)
        XCTAssertEqual(applied.prompts.queryPrompt, "Classify: ")
        XCTAssertEqual(applied.prompts.documentPrompt, "")
        XCTAssertEqual(applied.prompts.prompts["passage"], "passage: ")
        let same = TrainingPrompts(anchor: "query: ", positive: "passage: ").applied(to: model)
        XCTAssertEqual(same.prompts, model.prompts, "the model's own prompts leave it unchanged")
        // With a default prompt and no query prompt, an explicit "" still wins.
        var d = try SentenceModel.load(try promptedModel(defaultName: "classify"))
        d.prompts.prompts["query"] = nil
        XCTAssertEqual(TrainingPrompts(anchor: "", positive: "passage: ").applied(to: d).prompts.queryPrompt, "")
    }

    func testBadPromptNameOrBothFormsNameTheKey() throws {
        let modelURL = try promptedModel()
        var r = recipe("bad", model: modelURL)
        r.positivePromptName = "document"
        XCTAssertThrowsError(try Trainer(recipe: r).run(base: try SentenceModel.load(modelURL))) { error in
            let line = "\(error)"
            XCTAssertTrue(line.hasPrefix("recipe: prompts.positive_name: no prompt named document (defined: classify, passage, query)"), line)
            XCTAssertTrue(line.contains("config_sentence_transformers.json"), line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad/model").path))
        // MiniLM defines none.
        var plain = recipe("bad2", model: try Fixtures.model())
        plain.anchorPromptName = "query"
        XCTAssertThrowsError(try Trainer(recipe: plain).run(base: try SentenceModel.load(Fixtures.model()))) { error in
            XCTAssertTrue("\(error)".hasPrefix("recipe: prompts.anchor_name: no prompt named query (none defined)"), "\(error)")
        }
        var both = Recipe()
        both.pairs = "p.jsonl"; both.output = "out"
        both.anchorPromptName = "query"; both.anchorPrompt = "query: "
        XCTAssertThrowsError(try both.validate(source: "r.yaml")) { error in
            XCTAssertEqual("\(error)", "r.yaml: prompts.anchor: is set and so is prompts.anchor_name; give the prompt's name or its text, not both")
        }
    }

    /// Two steps with prompts (by name, on a folder that defines them) equal two steps on the
    /// pre-prefixed texts without any, bit for bit; the trained folder keeps the prompts.
    func testStepsWithPromptsEqualStepsOnPrePrefixedTexts() throws {
        let promptedURL = try promptedModel()
        var withPrompts = recipe("with", model: promptedURL)
        withPrompts.anchorPromptName = "classify"  // not the model's query prompt: the recipe decides
        withPrompts.positivePrompt = "passage: "
        var logs: [String] = []
        let a = try Trainer(recipe: withPrompts, log: { logs.append($0) }).run(base: try SentenceModel.load(promptedURL))
        XCTAssertTrue(logs.contains("prompts: anchors \"Classify: \", positives and negatives \"passage: \""), "\(logs)")

        let plainURL = try Fixtures.model()
        let prefixed = recipe("without", model: plainURL, pairs: try prefixedPairs(anchor: "Classify: ", positive: "passage: "))
        let b = try Trainer(recipe: prefixed).run(base: try SentenceModel.load(plainURL))

        XCTAssertEqual(a.steps, 2)
        XCTAssertEqual(a.unique_texts, b.unique_texts)
        XCTAssertEqual(a.first_loss, b.first_loss)
        XCTAssertEqual(a.last_loss, b.last_loss)
        XCTAssertEqual(a.guide_masked, b.guide_masked)
        let wa = try weights(URL(fileURLWithPath: a.output)), wb = try weights(URL(fileURLWithPath: b.output))
        XCTAssertEqual(Set(wa.keys), Set(wb.keys))
        for (name, v) in wa { XCTAssertEqual(v, wb[name], name) }
        // Without the prompts the same run trains on other texts: the comparison can fail.
        let bare = try Trainer(recipe: recipe("bare", model: plainURL)).run(base: try SentenceModel.load(plainURL))
        XCTAssertNotEqual(bare.first_loss, a.first_loss)

        // The trained folder keeps them as its query and document prompts (and the model's others).
        let trained = try SentenceModel.load(URL(fileURLWithPath: a.output))
        XCTAssertEqual(trained.prompts.queryPrompt, "Classify: ")
        XCTAssertEqual(trained.prompts.documentPrompt, "passage: ")
        XCTAssertEqual(trained.prompts.prompts["passage"], "passage: ")
        XCTAssertTrue(try SentenceModel.load(URL(fileURLWithPath: b.output)).prompts.prompts.isEmpty)
    }

    func testResumeWithOtherPromptsIsRefused() throws {
        let modelURL = try Fixtures.model()
        let base = try SentenceModel.load(modelURL)
        var r = recipe("resume", model: modelURL)
        r.anchorPrompt = "query: "
        XCTAssertThrowsError(try Trainer(recipe: r).run(base: base, resume: false, evaluate: nil, progress: nil,
                                                        cacheProgress: nil, stopAfterStep: 1))
        var other = r
        other.anchorPrompt = "search_query: "
        XCTAssertThrowsError(try Trainer(recipe: other).run(base: base, resume: true)) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains("different recipe") && line.contains("prompts.anchor: \"query: \" → \"search_query: \""), line)
        }
        // The same prompts resume.
        XCTAssertEqual(try Trainer(recipe: r).run(base: base, resume: true).steps, 2)
    }
}

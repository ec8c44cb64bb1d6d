import AttuneCore
import AttuneData
import AttuneEval
import AttuneModel
import AttuneSearch
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneAdapt
@testable import AttuneTrain

/// The recipe's whole flow on the real model and a slice of the bundled medical data: train, score
/// each merge alpha on dev and guard, keep the chosen merge.
final class AdaptationTests: XCTestCase {
    private var dir: URL!
    private let data = Fixtures.packageRoot.appendingPathComponent("Data/medical")

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-adapt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// A BEIR set of `n` held-out questions of the bundled data; with `small`, against their
    /// relevant answers and 30 others only (debug builds embed slowly).
    private func slice(_ name: String, queries n: Int, skip: Int = 0, small: Bool = false) throws -> (corpus: String, queries: String, qrels: String) {
        let q = try String(contentsOf: data.appendingPathComponent("test-queries.jsonl"), encoding: .utf8)
            .split(separator: "\n").dropFirst(skip).prefix(n)
        let qURL = dir.appendingPathComponent("\(name)-queries.jsonl")
        try (q.joined(separator: "\n") + "\n").write(to: qURL, atomically: true, encoding: .utf8)
        let corpus = data.appendingPathComponent("corpus.jsonl"), qrels = data.appendingPathComponent("test-qrels.tsv")
        guard small else { return (corpus.path, qURL.path, qrels.path) }
        let ids = Set(try readQueries(qURL).map(\.id))
        let relevant = Set(try Qrels.read(qrels).relevant.filter { ids.contains($0.key) }.values.flatMap { $0 })
        let lines = try String(contentsOf: corpus, encoding: .utf8).split(separator: "\n")
        var others = 0
        let kept = try lines.filter { line in
            let id = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["_id"] as! String
            if relevant.contains(id) { return true }
            others += 1
            return others <= 30
        }
        let cURL = dir.appendingPathComponent("\(name)-corpus.jsonl")
        try (kept.joined(separator: "\n") + "\n").write(to: cURL, atomically: true, encoding: .utf8)
        return (cURL.path, qURL.path, qrels.path)
    }

    /// A quick run on the first `pairs` bundled pairs (batches of 8, 1 layer, 24 tokens) with a dev set.
    private func smallRecipe(model: URL, output: String, pairs: Int, dev: (corpus: String, queries: String, qrels: String)) -> Recipe {
        var r = Recipe()
        r.model = model.path
        r.pairs = data.appendingPathComponent("train.jsonl").path
        r.output = dir.appendingPathComponent(output).path
        r.maxPairs = pairs; r.batchSize = 8; r.maxSeqLength = 24; r.trainableLayers = 1; r.lr = 1e-3
        r.checkpointEvery = 0
        r.devQueries = dev.queries; r.devCorpus = dev.corpus; r.devQrels = dev.qrels
        return r
    }

    /// A cross-encoder run with a dev check sweeps the fusion weight at its check and writes the
    /// kept model's best weight into its folder, which `Reranker.load` then uses; the figures saved
    /// are the check's own (re-checking the saved model gives them again).
    func testACrossEncoderRunSavesTheFusionWeightItsDevCheckChose() throws {
        let modelURL = try Fixtures.model()
        let dev = try slice("dev", queries: 12, small: true)
        let pairs = try PairReader().read(data.appendingPathComponent("train.jsonl"), limit: 24).pairs
        let lines = try pairs.indices.map { i -> String in
            String(decoding: try JSONSerialization.data(withJSONObject: ["anchor": pairs[i].anchor, "positive": pairs[i].positive,
                                                                         "negative": pairs[(i + 5) % pairs.count].positive], options: [.sortedKeys]), as: UTF8.self)
        }
        let pairsURL = dir.appendingPathComponent("ce-pairs.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: pairsURL)
        var r = Recipe()
        r.objective = .crossEncoder
        r.crossEncoderLoss = .bce
        r.model = modelURL.path
        r.pairs = pairsURL.path
        r.output = dir.appendingPathComponent("ce").path
        r.batchSize = 8; r.epochs = 1; r.maxSeqLength = 32; r.trainableLayers = 1; r.lr = 1e-4; r.checkpointEvery = 0
        r.devQueries = dev.queries; r.devCorpus = dev.corpus; r.devQrels = dev.qrels
        r.devRerankTop = 10
        try r.validate()
        var logs: [String] = []
        let result = try Adaptation(recipe: r, log: { logs.append($0) }).run()
        let folder = URL(fileURLWithPath: result.model)
        let saved = try XCTUnwrap(try RerankFusion.saved(in: folder), logs.joined(separator: "\n"))
        XCTAssertTrue(RerankFusion.sweep.contains(saved.weight), "\(saved.weight)")
        XCTAssertEqual(saved.retriever, modelURL.path)
        XCTAssertEqual(saved.rerank_top, 10)
        XCTAssertEqual(saved.reranker_ndcg10, try XCTUnwrap(result.training?.best_dev))
        XCTAssertGreaterThanOrEqual(saved.fused_ndcg10, saved.reranker_ndcg10, "weight 1 is among those swept")
        XCTAssertTrue(logs.contains { $0.contains("fused with the retriever, best at weight") }, logs.joined(separator: "\n"))
        XCTAssertTrue(logs.contains { $0.contains(RerankFusion.file) }, logs.joined(separator: "\n"))
        XCTAssertEqual(try Reranker.load(folder).fusion, try RerankFusion(weight: saved.weight))
        // The saved figures are the check's: the same check of the saved model gives them again.
        let again = try XCTUnwrap(try Adaptation(recipe: r).rerankDevCheck(model: modelURL))
        let check = try again.check(try CrossEncoder.load(folder))
        XCTAssertEqual(again.saved(check), saved)
        XCTAssertEqual(check.fused.last?.ndcg10, check.reranked, "weight 1 orders as the cross-encoder alone")
    }

    func testCorpusSampleKeepsEveryRelevantDocumentAndSoManyOthers() throws {
        let s = try slice("dev", queries: 40)
        let b = try Adaptation.benchmark("dev", corpus: s.corpus, queries: s.queries, qrels: s.qrels, sample: 50, seed: 1)
        let relevant = Set(b.qrels.relevant.values.flatMap { $0 })
        XCTAssertEqual(b.corpus.count, relevant.count + 50)
        XCTAssertTrue(relevant.isSubset(of: Set(b.corpus.map(\.id))))
        let again = try Adaptation.benchmark("dev", corpus: s.corpus, queries: s.queries, qrels: s.qrels, sample: 50, seed: 1)
        XCTAssertEqual(again.corpus.map(\.id), b.corpus.map(\.id), "seeded")
        let other = try Adaptation.benchmark("dev", corpus: s.corpus, queries: s.queries, qrels: s.qrels, sample: 50, seed: 2)
        XCTAssertNotEqual(other.corpus.map(\.id), b.corpus.map(\.id))
        XCTAssertEqual(try Adaptation.benchmark("dev", corpus: s.corpus, queries: s.queries, qrels: s.qrels, sample: nil, seed: 1).corpus.count, 1166)
    }

    func testMergeSelectionScoresEveryAlphaAndKeepsTheChosenMerge() throws {
        let modelURL = try Fixtures.model()
        let dev = try slice("dev", queries: 24), guardSet = try slice("guard", queries: 16, skip: 100, small: true)
        let wording = try slice("wording", queries: 12, skip: 150, small: true)
        var r = smallRecipe(model: modelURL, output: "run", pairs: 32, dev: dev)
        r.devCorpusSample = 30
        r.guardQueries = [guardSet.queries, wording.queries]; r.guardCorpus = [guardSet.corpus, wording.corpus]
        r.guardQrels = [guardSet.qrels, wording.qrels]
        r.mergeAlphas = [0.5, 1]
        r.mergeHead = "keep"
        r.mergeGuardTolerance = 0.005
        try r.validate()
        var logs: [String] = []
        let result = try Adaptation(recipe: r, log: { logs.append($0) }).run()
        let sel = try XCTUnwrap(result.merge)
        XCTAssertEqual(sel.curve.map(\.alpha), [0.5, 1])
        XCTAssertEqual(sel.guards, ["\(dir.lastPathComponent)/guard", "\(dir.lastPathComponent)/wording"], "each guard set named by its queries file")
        XCTAssertEqual(Adaptation.guardName("/d/shared/data/guard/dev-queries.jsonl", among: ["/d/shared/data/guard/dev-queries.jsonl", "/r/Data/medical/train-queries.jsonl"]), "guard/dev")
        XCTAssertEqual(Adaptation.guardName("/a/x/q.jsonl", among: ["/a/x/q.jsonl", "/b/x/q.jsonl"]), "x/q (1)")
        XCTAssertEqual(sel.base.guards.count, 2)
        XCTAssertTrue(sel.curve.allSatisfy { $0.guards.count == 2 })
        XCTAssertTrue([0.5, 1].contains(sel.chosen))
        // What was chosen follows the rule on the scores that were measured.
        XCTAssertEqual(try MergeSelection(guards: sel.guards, base: sel.base, curve: sel.curve, tolerance: 0.005).chosen, sel.chosen)
        XCTAssertTrue(logs.contains { $0.hasPrefix("merge: alpha") && $0.contains("←") == false }, "\(logs)")
        XCTAssertTrue(logs.contains { $0.contains("← chosen") }, "\(logs)")
        XCTAssertEqual(logs.filter { $0.hasPrefix("notice:") }, ["notice: guard.queries/corpus/qrels are read as guard sets; dev_suite (a suite file of dev splits with roles) replaces them"])
        XCTAssertNil(sel.roles, "guard lists: no suite roles")

        // OUTPUT/model is the chosen merge of the base and OUTPUT/trained, bit for bit.
        let out = URL(fileURLWithPath: r.output)
        let base = try SentenceModel.load(modelURL)
        let trained = try SentenceModel.load(out.appendingPathComponent("trained"))
        let final = try SentenceModel.load(out.appendingPathComponent("model"))
        let want = try merge(base: base, tuned: trained, alpha: Float(sel.chosen), headAlpha: 1)
        for ((n, a), (_, b)) in zip(final.bert.namedParameters, want.bert.namedParameters) {
            XCTAssertEqual(a.values, b.values, n)
        }
        XCTAssertEqual(final.dense.first?.linear.weight.values, want.dense.first?.linear.weight.values)
        let saved = try JSONDecoder().decode(MergeSelection.self, from: Data(contentsOf: out.appendingPathComponent("merge.json")))
        XCTAssertEqual(saved, sel)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("model/merge.json").path))

        // --merge-only: other alphas for the same trained model, no training; OUTPUT/trained is untouched.
        var again = r
        again.mergeAlphas = [0.25]
        logs = []
        let redo = try Adaptation(recipe: again, mergeOnly: true, log: { logs.append($0) }).run()
        XCTAssertNil(redo.training)
        XCTAssertEqual(redo.merge?.curve.map(\.alpha), [0.25])
        XCTAssertFalse(logs.contains { $0.hasPrefix("training ") }, "\(logs)")
        let reTrained = try SentenceModel.load(out.appendingPathComponent("trained"))
        let reFinal = try SentenceModel.load(out.appendingPathComponent("model"))
        let reWant = try merge(base: base, tuned: trained, alpha: 0.25, headAlpha: 1)
        for ((n, a), (_, b)) in zip(reTrained.bert.namedParameters, trained.bert.namedParameters) { XCTAssertEqual(a.values, b.values, n) }
        for ((n, a), (_, b)) in zip(reFinal.bert.namedParameters, reWant.bert.namedParameters) { XCTAssertEqual(a.values, b.values, n) }
        // Nothing trained yet: a clear error.
        var empty = again
        empty.output = dir.appendingPathComponent("never-trained").path
        XCTAssertThrowsError(try Adaptation(recipe: empty, mergeOnly: true).run()) {
            XCTAssertTrue("\($0)".contains("holds no trained model"), "\($0)")
        }
    }

    /// `dev_precision: int8`: the same fp32 training, its dev check and merge candidates scored with
    /// the encoder at int8 (converted from the current weights), within 0.02 nDCG@10 of fp32; the log
    /// and the summary name the precision. Where this CPU cannot run int8, the fallback: one notice
    /// and fp32 scores.
    func testDevPrecisionScoresTheSameTrainingAtAnotherPrecision() throws {
        let modelURL = try Fixtures.model()
        let dev = try slice("dev", queries: 40, small: true)
        var fp32 = smallRecipe(model: modelURL, output: "fp32", pairs: 16, dev: dev)
        fp32.mergeAlphas = [0.5]
        var int8 = fp32
        int8.output = dir.appendingPathComponent("int8").path
        int8.devPrecision = .int8
        try int8.validate()
        let why = Precision.int8.unavailableReason
        if let why, !why.contains("lacks") { try Fixtures.require(false, why) }  // oneDNN itself missing: setup.sh installs it
        var logs: [String] = []
        let a = try Adaptation(recipe: fp32).run(), b = try Adaptation(recipe: int8, log: { logs.append($0) }).run()
        let ta = try XCTUnwrap(a.training), tb = try XCTUnwrap(b.training)
        XCTAssertEqual(ta.first_loss, tb.first_loss, "training itself is fp32 either way")
        XCTAssertEqual(ta.last_loss, tb.last_loss)
        let trainedA = try SentenceModel.load(URL(fileURLWithPath: fp32.output).appendingPathComponent("trained"))
        let trainedB = try SentenceModel.load(URL(fileURLWithPath: int8.output).appendingPathComponent("trained"))
        for ((n, x), (_, y)) in zip(trainedA.bert.namedParameters, trainedB.bert.namedParameters) { XCTAssertEqual(x.values, y.values, n) }
        XCTAssertEqual(ta.dev_precision, "fp32")
        let devA = try XCTUnwrap(ta.best_dev), devB = try XCTUnwrap(tb.best_dev)
        let ma = try XCTUnwrap(a.merge), mb = try XCTUnwrap(b.merge)
        print("dev nDCG@10 fp32 \(devA), dev_precision \(tb.dev_precision ?? "?") \(devB); merge curve \(ma.curve.map(\.dev)) vs \(mb.curve.map(\.dev))")
        if why != nil {
            XCTAssertEqual(logs.filter { $0.hasPrefix("notice:") }, ["notice: dev_precision int8 is unavailable (\(why!)); running fp32"])
            XCTAssertEqual(tb.dev_precision, "fp32")
            XCTAssertEqual(devB, devA)
            return
        }
        XCTAssertEqual(tb.dev_precision, "int8")
        XCTAssertTrue(logs.contains { $0.contains("scoring encodes at int8") }, "\(logs)")
        XCTAssertTrue(logs.contains { $0.hasPrefix("merge: ") && $0.hasSuffix(" at int8") }, "\(logs)")
        XCTAssertEqual(devB, devA, accuracy: 0.02)
        XCTAssertEqual(mb.base.dev, ma.base.dev, accuracy: 0.02)
        for (x, y) in zip(ma.curve, mb.curve) { XCTAssertEqual(y.dev, x.dev, accuracy: 0.02) }
        let converted = try Adaptation.converted(trainedB, to: .int8)
        XCTAssertEqual(converted.precision, .int8)
        XCTAssertEqual(trainedB.precision, .fp32, "converting a copy leaves the model it came from fp32")
        // The saved model is the fp32 weights, whatever the scoring precision.
        XCTAssertEqual(try SentenceModel.load(URL(fileURLWithPath: b.model)).precision, .fp32)
    }

    func testMinedPairsAreWrittenOnceAndReused() throws {
        let modelURL = try Fixtures.model()
        var r = Recipe()
        r.model = modelURL.path
        r.pairs = data.appendingPathComponent("train.jsonl").path
        r.output = dir.appendingPathComponent("mined").path
        r.maxPairs = 24; r.mineNegatives = 1; r.mineMaxSeqLength = 24
        var logs: [String] = []
        let a = Adaptation(recipe: r, log: { logs.append($0) })
        let url = try a.minedPairs(base: try SentenceModel.load(modelURL))
        let pairs = try PairReader().read(url).pairs
        XCTAssertEqual(pairs.count, 24)
        XCTAssertTrue(pairs.allSatisfy { $0.negatives.count <= 1 })
        XCTAssertGreaterThan(pairs.filter { $0.negatives.count == 1 }.count, 12)
        XCTAssertTrue(pairs.allSatisfy { p in !p.negatives.contains(p.positive) }, "a positive is never its own negative")
        XCTAssertFalse(logs.contains { $0.hasPrefix("mine: reusing") })
        _ = try a.minedPairs(base: try SentenceModel.load(modelURL))
        XCTAssertTrue(logs.contains { $0.hasPrefix("mine: reusing") }, "\(logs)")
        // Other settings mine again.
        var b = a
        b.recipe.mineNegatives = 2
        logs = []
        let again = try PairReader().read(try b.minedPairs(base: try SentenceModel.load(modelURL))).pairs
        XCTAssertFalse(logs.contains { $0.hasPrefix("mine: reusing") })
        XCTAssertTrue(again.contains { $0.negatives.count == 2 })
    }

    /// A suite file of `sets` (name, role, files) in `dir`.
    private func suiteFile(_ name: String, _ sets: [(String, String, (corpus: String, queries: String, qrels: String))]) throws -> String {
        let body = sets.map { n, role, f in
            "  - name: \(n)\n    role: \(role)\n    corpus: \(f.corpus)\n    queries: \(f.queries)\n    qrels: \(f.qrels)\n"
        }.joined()
        let url = dir.appendingPathComponent(name)
        try ("sets:\n" + body).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// `dev_suite` without dev_queries/dev_corpus/dev_qrels: its domain set is the dev check, every
    /// alpha is scored on every set, the choice follows the rule on those scores, and merge.json and
    /// the log have each set's curve.
    func testADevSuiteChoosesTheMergeOnEverySet() throws {
        let modelURL = try Fixtures.model()
        let domain = try slice("domain", queries: 16, small: true), users = try slice("users", queries: 8, skip: 100, small: true)
        let other = try slice("other", queries: 8, skip: 150, small: true), general = try slice("general", queries: 8, skip: 170, small: true)
        var r = smallRecipe(model: modelURL, output: "suite", pairs: 16, dev: domain)
        r.devQueries = nil; r.devCorpus = nil; r.devQrels = nil
        r.devSuite = try suiteFile("dev-suite.yaml", [("dom", "domain", domain), ("people", "users", users),
                                                      ("elsewhere", "other", other), ("wiki", "guard", general)])
        r.mergeAlphas = [0.5, 1]
        r.mergeHead = "keep"
        try r.validate()
        var logs: [String] = []
        let result = try Adaptation(recipe: r, log: { logs.append($0) }).run()
        XCTAssertNotNil(result.training?.best_dev, "the suite's domain set is the dev check")
        XCTAssertTrue(logs.contains("dev: the dev check scores dev_suite's domain set dom (the recipe has no dev_queries, dev_corpus, dev_qrels)"), "\(logs)")
        let sel = try XCTUnwrap(result.merge)
        XCTAssertEqual(sel.domain, "dom")
        XCTAssertEqual(sel.guards, ["people", "elsewhere", "wiki"])
        XCTAssertEqual(sel.roles, ["users", "other", "guard"])
        XCTAssertEqual(sel.curve.map(\.alpha), [0.5, 1])
        XCTAssertEqual(try MergeSelection(guards: sel.guards, roles: sel.roles, domain: sel.domain, base: sel.base, curve: sel.curve,
                                          tolerance: r.mergeGuardTolerance).chosen, sel.chosen)
        XCTAssertEqual(result.training?.best_dev ?? -1, sel.curve.last!.dev, accuracy: 1e-9,
                       "alpha 1 is the trained model, scored on the same domain set as the dev check")
        // merge.json: every set's whole curve.
        let out = URL(fileURLWithPath: r.output)
        let data = try Data(contentsOf: out.appendingPathComponent("merge.json"))
        XCTAssertEqual(try JSONDecoder().decode(MergeSelection.self, from: data), sel)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sets = try XCTUnwrap(json["sets"] as? [[String: Any]])
        XCTAssertEqual(sets.compactMap { $0["name"] as? String }, ["dom", "people", "elsewhere", "wiki"])
        XCTAssertEqual(sets.compactMap { $0["role"] as? String }, ["domain", "users", "other", "guard"])
        for (i, set) in sets.enumerated() {
            let scores = try XCTUnwrap(set["scores"] as? [[String: Double]])
            XCTAssertEqual(scores.map { $0["alpha"] }, [0.5, 1])
            let want = i == 0 ? sel.curve.map(\.dev) : sel.curve.map { $0.guards[i - 1] }
            // (JSONSerialization may read the last digit differently from JSONDecoder.)
            for (got, w) in zip(scores, want) { XCTAssertEqual(try XCTUnwrap(got["ndcg@10"]), w, accuracy: 1e-12, "\(set["name"] ?? "?")") }
            XCTAssertEqual(try XCTUnwrap(set["base"] as? Double), i == 0 ? sel.base.dev : sel.base.guards[i - 1], accuracy: 1e-12)
        }
        // The log prints the table, alpha by set.
        XCTAssertTrue(logs.contains { $0.hasPrefix("  alpha") && $0.contains("dom") && $0.contains("people") && $0.contains("wiki") }, "\(logs)")
        XCTAssertTrue(logs.contains { $0.contains("users") && $0.contains("other") && $0.contains("guard") && $0.contains("domain") }, "\(logs)")
        XCTAssertFalse(logs.contains { $0.hasPrefix("notice:") }, "\(logs)")
    }

    /// A dev suite the merge cannot be chosen with: one line naming the suite file (or the key).
    func testABadDevSuiteIsOneLineNamingTheFile() throws {
        let a = try slice("a", queries: 4, small: true), b = try slice("b", queries: 4, skip: 10, small: true)
        var r = Recipe()
        r.pairs = "/p.jsonl"; r.output = dir.appendingPathComponent("o").path; r.mergeAlphas = [0.5]
        func problem(_ suite: String) -> String {
            var x = r
            x.devSuite = suite
            do { _ = try Adaptation(recipe: x).selectionSets(); return "no error" } catch { return "\(error)" }
        }
        let none = try suiteFile("none.yaml", [("a", "other", a), ("b", "guard", b)])
        XCTAssertEqual(problem(none), "\(none): dev_suite needs exactly one set of role domain (the merge is chosen on it) and has none")
        let two = try suiteFile("two.yaml", [("a", "domain", a), ("b", "domain", b)])
        XCTAssertEqual(problem(two), "\(two): dev_suite needs exactly one set of role domain (the merge is chosen on it) and has 2: a, b")
        let missing = dir.appendingPathComponent("nowhere.yaml").path
        XCTAssertEqual(problem(missing), "recipe: dev_suite: \(missing): no such suite file")
        let role = try suiteFile("role.yaml", [("a", "domain", a), ("b", "holdout", b)])
        XCTAssertTrue(problem(role).hasPrefix("\(role): sets[1].role: unknown role \"holdout\" of set \"b\""), problem(role))
        for p in [none, two, missing, role] { XCTAssertFalse(problem(p).contains("\n"), "one line: \(problem(p))") }
        // A good one: its other sets are held, in order, with their roles; no notice.
        var logs: [String] = []
        var x = r
        x.devSuite = try suiteFile("good.yaml", [("b", "guard", b), ("a", "domain", a)])
        let sets = try XCTUnwrap(try Adaptation(recipe: x, log: { logs.append($0) }).selectionSets())
        XCTAssertEqual(sets.domain.name, "a"); XCTAssertTrue(sets.fromSuite)
        XCTAssertEqual(sets.held.map(\.set.name), ["b"]); XCTAssertEqual(sets.held.map(\.role), [.guard])
        XCTAssertEqual(logs, [])
    }

    /// The recipe refuses dev_suite beside the guard lists, and a cross-encoder's dev_suite; dev_suite
    /// alone is a dev set for merge.alphas.
    func testTheRecipeRefusesADevSuiteWithGuardLists() throws {
        var r = Recipe()
        r.pairs = "/p.jsonl"; r.output = "/o"; r.mergeAlphas = [0.5]; r.devSuite = "/s.yaml"
        XCTAssertNoThrow(try r.validate(), "dev_suite alone is enough to choose a merge")
        r.guardQueries = ["/q"]; r.guardCorpus = ["/c"]; r.guardQrels = ["/r"]
        XCTAssertThrowsError(try r.validate(source: "r.yaml")) {
            XCTAssertEqual("\($0)", "r.yaml: dev_suite: is given and so are guard.queries/corpus/qrels; dev_suite replaces the guard lists: give the guard sets in the suite (role guard), not both")
        }
        var ce = Recipe()
        ce.pairs = "/p.jsonl"; ce.output = "/o"; ce.objective = .crossEncoder; ce.devSuite = "/s.yaml"
        XCTAssertThrowsError(try ce.validate()) { XCTAssertTrue("\($0)".contains("dev_suite: is not supported for a cross-encoder"), "\($0)") }
    }

    /// Recipes/medical-qa.yaml chooses its merge on Recipes/medical-suite-dev.yaml: dev splits only,
    /// none of the test suite's query or qrels files.
    func testTheMedicalRecipeChoosesOnDevSplitsOnly() throws {
        _ = try Fixtures.shared("data/medquad/dev-queries.jsonl")
        let root = Fixtures.packageRoot
        let recipe = try Recipe.load(root.appendingPathComponent("Recipes/medical-qa.yaml"), currentDirectory: root)
        XCTAssertEqual(recipe.devSuite, root.appendingPathComponent("Recipes/medical-suite-dev.yaml").path)
        XCTAssertFalse(recipe.hasGuardSet)
        let dev = try Adaptation.loadDevSuite(try XCTUnwrap(recipe.devSuite))
        let test = try EvaluationSuite.load(root.appendingPathComponent("Recipes/medical-suite.yaml"), currentDirectory: root)
        let testFiles = Set(test.sets.flatMap { [$0.queries.path, $0.qrels.path] })
        for s in dev.sets {
            for f in [s.queries, s.qrels] {
                XCTAssertFalse(f.lastPathComponent.contains("test"), "\(s.name): \(f.path) is a test split")
                XCTAssertFalse(testFiles.contains(f.path), "\(s.name): \(f.path) is in the test suite")
            }
        }
        XCTAssertEqual(dev.sets.filter { $0.role == .domain }.map(\.name), ["medquad-dev"])
        XCTAssertEqual(dev.sets.first { $0.role == .domain }?.queries.path, recipe.devQueries, "the merge's domain set is the dev check's")
    }

    func testMergeWithoutADevSetIsRefusedByTheRecipe() {
        var r = Recipe()
        r.pairs = "/p.jsonl"; r.output = "/o"; r.mergeAlphas = [0.5]
        XCTAssertThrowsError(try r.validate()) { XCTAssertTrue("\($0)".contains("merge.alphas"), "\($0)") }
        r.mergeAlphas = [1.5]
        XCTAssertThrowsError(try r.validate()) { XCTAssertTrue("\($0)".contains("merge.alphas"), "\($0)") }
    }

    /// `path` (JSONL) with `prefix` prepended to each record's `field`, written to `dir/name`.
    private func prefixed(_ path: String, field: String, _ prefix: String, limit: Int? = nil, as name: String) throws -> String {
        var lines = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8).split(separator: "\n")
        if let limit { lines = Array(lines.prefix(limit)) }
        let out = try lines.map { line -> String in
            var o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            o[field] = prefix + (o[field] as! String)
            return String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
        }
        let url = dir.appendingPathComponent(name)
        try (out.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A run with prompts equals a run without them on texts that carry them already: mining (anchors
    /// as queries, positives as documents), training, the dev check (queries with the anchor prompt,
    /// the corpus with the positive prompt) and the merge curve's scores, number for number.
    func testPromptsReachMiningTrainingDevAndMerge() throws {
        let modelURL = try Fixtures.model()
        let dev = try slice("dev", queries: 8, small: true)
        var a = smallRecipe(model: modelURL, output: "with", pairs: 24, dev: dev)
        a.mineNegatives = 1; a.mineMaxSeqLength = 24
        a.mergeAlphas = [0.5]
        a.anchorPrompt = "query: "; a.positivePrompt = "passage: "
        var b = a
        b.anchorPrompt = nil; b.positivePrompt = nil
        b.output = dir.appendingPathComponent("without").path
        b.pairs = try prefixed(a.pairs, field: "anchor", "query: ", limit: 24, as: "pairs-a.jsonl")
        b.pairs = try prefixed(b.pairs, field: "positive", "passage: ", as: "pairs-b.jsonl")
        b.devQueries = try prefixed(dev.queries, field: "text", "query: ", as: "prefixed-dev-queries.jsonl")
        b.devCorpus = try prefixed(dev.corpus, field: "text", "passage: ", as: "prefixed-dev-corpus.jsonl")
        let ra = try Adaptation(recipe: a).run(), rb = try Adaptation(recipe: b).run()

        let minedA = try PairReader().read(URL(fileURLWithPath: a.output).appendingPathComponent("mined-pairs.jsonl")).pairs
        let minedB = try PairReader().read(URL(fileURLWithPath: b.output).appendingPathComponent("mined-pairs.jsonl")).pairs
        XCTAssertGreaterThan(minedA.filter { !$0.negatives.isEmpty }.count, 12)
        XCTAssertEqual(minedA.map { $0.negatives.map { "passage: " + $0 } }, minedB.map(\.negatives), "mined pairs are written without prompts")
        let ta = try XCTUnwrap(ra.training), tb = try XCTUnwrap(rb.training)
        XCTAssertEqual(ta.first_loss, tb.first_loss)
        XCTAssertEqual(ta.best_dev, tb.best_dev)
        XCTAssertNotNil(ta.best_dev)
        let ma = try XCTUnwrap(ra.merge), mb = try XCTUnwrap(rb.merge)
        XCTAssertEqual(ma.base, mb.base, "alpha 0, the base with the prompts")
        XCTAssertEqual(ma.curve, mb.curve)
        let final = try SentenceModel.load(URL(fileURLWithPath: ra.model))
        XCTAssertEqual(final.prompts.queryPrompt, "query: ")
        XCTAssertEqual(final.prompts.documentPrompt, "passage: ")
        let other = try SentenceModel.load(URL(fileURLWithPath: rb.model))
        for ((n, x), (_, y)) in zip(final.bert.namedParameters, other.bert.namedParameters) { XCTAssertEqual(x.values, y.values, n) }
    }
}

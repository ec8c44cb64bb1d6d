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
        var r = Recipe()
        r.model = modelURL.path
        r.pairs = data.appendingPathComponent("train.jsonl").path
        r.output = dir.appendingPathComponent("run").path
        r.maxPairs = 32; r.batchSize = 8; r.maxSeqLength = 24; r.trainableLayers = 1; r.lr = 1e-3
        r.checkpointEvery = 0
        r.devQueries = dev.queries; r.devCorpus = dev.corpus; r.devQrels = dev.qrels; r.devCorpusSample = 30
        r.guardQueries = [guardSet.queries, wording.queries]; r.guardCorpus = [guardSet.corpus, wording.corpus]
        r.guardQrels = [guardSet.qrels, wording.qrels]
        r.mergeAlphas = [0.5, 1]
        r.mergeGuardTolerance = 0.005
        try r.validate()
        var logs: [String] = []
        let result = try Adaptation(recipe: r, log: { logs.append($0) }).run()
        let sel = try XCTUnwrap(result.merge)
        XCTAssertEqual(sel.curve.map(\.alpha), [0.5, 1])
        XCTAssertEqual(sel.guards, ["guard-queries", "wording-queries"], "each guard set named by its queries file")
        XCTAssertEqual(sel.base.guards.count, 2)
        XCTAssertTrue(sel.curve.allSatisfy { $0.guards.count == 2 })
        XCTAssertTrue([0.5, 1].contains(sel.chosen))
        // What was chosen follows the rule on the scores that were measured.
        XCTAssertEqual(try MergeSelection(guards: sel.guards, base: sel.base, curve: sel.curve, tolerance: 0.005).chosen, sel.chosen)
        XCTAssertTrue(logs.contains { $0.hasPrefix("merge: alpha") && $0.contains("←") == false }, "\(logs)")
        XCTAssertTrue(logs.contains { $0.contains("← chosen") }, "\(logs)")

        // OUTPUT/model is the chosen merge of the base and OUTPUT/trained, bit for bit.
        let out = URL(fileURLWithPath: r.output)
        let base = try SentenceModel.load(modelURL)
        let trained = try SentenceModel.load(out.appendingPathComponent("trained"))
        let final = try SentenceModel.load(out.appendingPathComponent("model"))
        let want = try merge(base: base, tuned: trained, alpha: Float(sel.chosen))
        for ((n, a), (_, b)) in zip(final.bert.namedParameters, want.bert.namedParameters) {
            XCTAssertEqual(a.values, b.values, n)
        }
        XCTAssertEqual(final.dense.first?.linear.weight.values, want.dense.first?.linear.weight.values)
        let saved = try JSONDecoder().decode(MergeSelection.self, from: Data(contentsOf: out.appendingPathComponent("merge.json")))
        XCTAssertEqual(saved, sel)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("model/merge.json").path))
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

    func testMergeWithoutADevSetIsRefusedByTheRecipe() {
        var r = Recipe()
        r.pairs = "/p.jsonl"; r.output = "/o"; r.mergeAlphas = [0.5]
        XCTAssertThrowsError(try r.validate()) { XCTAssertTrue("\($0)".contains("merge.alphas"), "\($0)") }
        r.mergeAlphas = [1.5]
        XCTAssertThrowsError(try r.validate()) { XCTAssertTrue("\($0)".contains("merge.alphas"), "\($0)") }
    }
}

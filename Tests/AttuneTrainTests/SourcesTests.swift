import AttuneCore
import AttuneData
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneTrain

/// Several training sources: the `sources:` recipe list, its bad input, the multi-source batch
/// plans (one source a batch, proportions, round-robin order, seeding), and small end-to-end runs
/// (resume after a kill, per-source losses, one listed source equal to `pairs:`).
final class SourcesTests: XCTestCase {
    private var dir: URL!
    private let bundledPairs = Fixtures.packageRoot.appendingPathComponent("Data/medical/train.jsonl")

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func write(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// `lines` of the bundled pairs as a file of their own.
    private func slice(_ name: String, _ lines: Range<Int>) throws -> URL {
        let all = try String(contentsOf: bundledPairs, encoding: .utf8).split(separator: "\n")
        return try write(name, all[lines].joined(separator: "\n") + "\n")
    }

    private func load(_ yaml: String) throws -> Recipe {
        let r = try Recipe.load(try write("recipe.yaml", yaml), currentDirectory: dir)
        try r.validate(source: "recipe.yaml")
        return r
    }

    // MARK: Recipe

    func testRecipeWithSourcesParsesResolvesAndRoundTrips() throws {
        _ = try write("a.jsonl", "")
        _ = try write("b.csv", "")
        let r = try load("""
            output: out
            sampling: round_robin
            anchor_field: question
            sources:
              - name: a
                pairs: a.jsonl
                max_pairs: 100
              - name: b
                pairs: b.csv
                anchor_field: q
                positive_field: answer
                prompts:
                  anchor: "query: "
            """)
        XCTAssertEqual(r.sources.map(\.name), ["a", "b"])
        XCTAssertEqual(r.sources[0].pairs, dir.appendingPathComponent("a.jsonl").standardizedFileURL.path, "paths resolve as pairs: does")
        XCTAssertEqual(r.sources[0].maxPairs, 100)
        XCTAssertEqual(r.sources[1].anchorPrompt, "query: ")
        XCTAssertEqual(r.sampling, .roundRobin)
        // Each source reads as the one-file form would, the top-level keys filling what it leaves out.
        let (a, b) = (r.sources[0].recipe(from: r), r.sources[1].recipe(from: r))
        XCTAssertEqual([a.anchorField, a.positiveField, b.anchorField, b.positiveField], ["question", "positive", "q", "answer"])
        XCTAssertEqual([a.maxPairs, b.maxPairs], [100, nil])
        XCTAssertEqual([a.anchorPrompt, b.anchorPrompt], [nil, "query: "])
        XCTAssertEqual(r.pairsDescription, "2 source(s) (a, b)")
        // The resolved YAML (saved beside the model and in checkpoints) reads back equal.
        let again = try Recipe.load(try write("again.yaml", r.yaml()), currentDirectory: dir)
        XCTAssertEqual(again, r)
        XCTAssertEqual(try JSONDecoder().decode(Recipe.self, from: JSONEncoder().encode(r)), r)
        // A source written as a path alone is named by its file.
        let short = try load("output: out\nsources: [a.jsonl, b.csv]\n")
        XCTAssertEqual(short.sources.map(\.name), ["a", "b"])
        XCTAssertEqual(short.sources[1].pairs, dir.appendingPathComponent("b.csv").standardizedFileURL.path)
    }

    func testBadSourcesAreOneLineNamingTheSourceAndField() throws {
        _ = try write("a.jsonl", "")
        func refused(_ yaml: String, _ parts: [String], file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertThrowsError(try load("output: out\n" + yaml), file: file, line: line) { error in
                let text = "\(error)"
                XCTAssertFalse(text.contains("\n"), text, file: file, line: line)
                for p in parts { XCTAssertTrue(text.contains(p), "\(text) lacks \(p)", file: file, line: line) }
            }
        }
        let a = "  - name: a\n    pairs: a.jsonl\n"
        refused("sources:\n\(a)    colour: red\n", ["sources.a.colour", "unknown key in a source", "weight"])
        refused("sources:\n\(a)    prompts: {anchr: x}\n", ["sources.a.prompts.anchr", "unknown key"])
        refused("sources:\n\(a)\(a)", ["sources.a.name", "names two sources"])
        refused("sources:\n\(a)    weight: 0\n", ["sources.a.weight", "greater than 0"])
        refused("sources:\n\(a)    weight: -2.5\n", ["sources.a.weight", "-2.5", "greater than 0"])
        refused("sources:\n\(a)    weight: heavy\n", ["sources.a.weight", "expected a number", "heavy", "line 5"])
        refused("sources:\n\(a)    max_pairs: 0\n", ["sources.a.max_pairs", "at least 1"])
        refused("sources:\n  - pairs: a.jsonl\n", ["sources.name", "is missing", "line 3"])
        refused("sources:\n  - name: a\n", ["sources.a.pairs", "is required"])
        refused("pairs: a.jsonl\nsources:\n\(a)", ["sources", "and so is pairs"])
        refused("sources:\n\(a)    weight: 1\n  - name: b\n    pairs: a.jsonl\n", ["sources.b.weight", "every source a weight"])
        refused("sampling: round_robin\nsources:\n\(a)    weight: 2\n", ["sources.a.weight", "round_robin"])
        refused("sources:\n\(a)    positive_field: anchor\n", ["sources.a.positive_field", "same as its anchor_field"])
        refused("sources:\n\(a)    prompts: {anchor: x, anchor_name: query}\n", ["sources.a.prompts.anchor", "not both"])
        refused("objective: cross_encoder\nsources:\n\(a)", ["sources", "bi-encoder"])
        refused("sources: {name: a}\n", ["sources", "expected a list of sources"])
        refused("sources:\n  - [a.jsonl]\n", ["sources", "expected a source", "a list"])
        refused("sources: [a.jsonl, x/a.csv]\n", ["sources.a.name", "names two sources"])
        refused("sampling: shuffled\nsources:\n\(a)", ["sampling", "proportional, round_robin"])
        refused("max_pairs: 5\n", ["pairs", "is required"])
    }

    func testBadSourceFilesAreOneLineNamingTheSource() throws {
        let good = try slice("good.jsonl", 0..<16)
        func refused(_ source: TrainingSource, _ parts: [String], file: StaticString = #filePath, line: UInt = #line) {
            var r = Recipe()
            r.output = dir.appendingPathComponent("o").path
            r.batchSize = 8
            r.sources = [TrainingSource(name: "good", pairs: good.path), source]
            XCTAssertNoThrow(try r.validate(), file: file, line: line)
            XCTAssertThrowsError(try TrainingSet.readSources(r, log: { _ in }), file: file, line: line) { error in
                let text = "\(error)"
                XCTAssertFalse(text.contains("\n"), text, file: file, line: line)
                for p in parts { XCTAssertTrue(text.contains(p), "\(text) lacks \(p)", file: file, line: line) }
            }
        }
        refused(TrainingSource(name: "gone", pairs: dir.appendingPathComponent("gone.jsonl").path),
                ["source \"gone\"", "sources.gone.pairs", "gone.jsonl", "no such file"])
        var fields = TrainingSource(name: "faq", pairs: good.path)
        fields.anchorField = "question"
        refused(fields, ["source \"faq\"", "good.jsonl", "missing field \"question\""])
        refused(TrainingSource(name: "empty", pairs: try write("empty.jsonl", "").path), ["source \"empty\"", "empty.jsonl", "fewer than one batch"])
        refused(TrainingSource(name: "few", pairs: try slice("few.jsonl", 0..<3).path), ["source \"few\"", "3 usable pairs"])
    }

    func testResumeAfterSourcesChangedNamesWhatChanged() throws {
        var a = Recipe()
        a.sources = [TrainingSource(name: "x", pairs: "/p/x.jsonl", weight: 1), TrainingSource(name: "y", pairs: "/p/y.jsonl", weight: 1)]
        var b = a
        b.sources[1].weight = 3
        b.sources.append(TrainingSource(name: "z", pairs: "/p/z.jsonl", weight: 1))
        XCTAssertEqual(a.differences(from: b), ["sources: z added", "sources.y.weight: 1.0 → 3.0"])
        var c = a
        c.sources.reverse()
        c.sampling = .roundRobin
        XCTAssertEqual(a.differences(from: c), ["sources: order x, y → y, x", "sampling: \"proportional\" → \"round_robin\""])
        XCTAssertEqual(a.differences(from: a), [])
    }

    // MARK: Batch plans

    /// Source k: `pairs[k]` pairs whose texts are unique within the source but shared across
    /// sources (so a cross-source batch could not be told by its texts alone).
    private func sources(_ pairs: [Int]) -> [SourceTexts] {
        var offset = 0
        return pairs.map { n in
            defer { offset += n }
            return SourceTexts(anchorIDs: (0..<n).map { Int32(2 * $0) }, positiveIDs: (0..<n).map { Int32(2 * $0 + 1) },
                               negativeIDs: Array(repeating: [], count: n), offset: offset)
        }
    }

    private func sourceOf(_ pair: Int, _ sizes: [Int]) -> Int {
        var end = 0
        for (k, n) in sizes.enumerated() { end += n; if pair < end { return k } }
        return -1
    }

    func testEveryBatchComesFromOneSourceWithoutRepeatedTexts() throws {
        let sizes = [64, 24, 40]
        let texts = sources(sizes)
        for sampling in SourceSampling.allCases {
            for epoch in 0..<3 {
                let plan = MultiSourceBatcher(batchSize: 8, seed: 5, sampling: sampling, epochs: 3).plan(texts, epoch: epoch)
                XCTAssertEqual(plan.batches.count, plan.sources.count)
                for (batch, k) in zip(plan.batches, plan.sources) {
                    XCTAssertEqual(batch.count, 8)
                    XCTAssertEqual(Set(batch.map { sourceOf($0, sizes) }), [k], "\(sampling) epoch \(epoch): \(batch)")
                    XCTAssertEqual(Set(batch).count, 8, "no pair twice in a batch")
                }
                // Within one pass, a source's batches use each of its pairs at most once.
                for k in sizes.indices {
                    let used = zip(plan.batches, plan.sources).filter { $0.1 == k }.flatMap(\.0)
                    XCTAssertEqual(Set(used).count, used.count, "\(sampling): source \(k) repeats a pair within one pass")
                }
            }
        }
        // Texts within a source are never repeated in a batch either (the NoDuplicateBatcher rule).
        var dup = sources([32])[0]
        dup.anchorIDs = (0..<32).map { Int32($0 % 4) }
        let plan = MultiSourceBatcher(batchSize: 4, seed: 1, sampling: .proportional).plan([dup, sources([16])[0]], epoch: 0)
        for (batch, k) in zip(plan.batches, plan.sources) where k == 0 {
            XCTAssertEqual(Set(batch.map { dup.anchorIDs[$0] }).count, 4, "a repeated anchor in one batch: \(batch)")
        }
    }

    func testProportionalUsesEveryBatchOnceAndFollowsWeights() throws {
        let sizes = [800, 160, 480]     // 100, 20 and 60 batches of 8
        let texts = sources(sizes)
        // No weights: every batch of every source once, in a shuffled order.
        let plain = MultiSourceBatcher(batchSize: 8, seed: 9, sampling: .proportional).plan(texts, epoch: 0)
        XCTAssertEqual(plain.perSource.map(\.batches), [100, 20, 60])
        XCTAssertEqual(plain.perSource.map(\.passes), [1, 1, 1])
        XCTAssertEqual(Set(plain.batches.flatMap { $0 }).count, 180 * 8, "each planned pair once")
        XCTAssertNotEqual(Array(plain.sources.prefix(20)), Array(repeating: 0, count: 20), "interleaved, not one source after another")
        // The first half of the epoch already holds each source near its share.
        let half = plain.sources.prefix(90)
        for (k, n) in [100, 20, 60].enumerated() {
            XCTAssertEqual(Double(half.filter { $0 == k }.count) / 90, Double(n) / 180, accuracy: 0.1, "source \(k)")
        }

        // Weights 1 : 2 : 1 over many epochs: 25%, 50%, 25% of the steps, within ±2%.
        let weighted = MultiSourceBatcher(batchSize: 8, seed: 9, sampling: .proportional, weights: [1, 2, 1], epochs: 10)
        var counts = [0, 0, 0], total = 0
        for e in 0..<10 {
            let p = weighted.plan(texts, epoch: e)
            XCTAssertEqual(p.batches.count, 180, "an epoch keeps its number of batches")
            for k in p.sources { counts[k] += 1 }
            total += p.batches.count
            for (batch, k) in zip(p.batches, p.sources) { XCTAssertEqual(Set(batch.map { sourceOf($0, sizes) }), [k]) }
        }
        for (k, share) in [0.25, 0.5, 0.25].enumerated() {
            XCTAssertEqual(Double(counts[k]) / Double(total), share, accuracy: 0.02, "source \(k): \(counts)")
        }
        let p = weighted.plan(texts, epoch: 0)
        XCTAssertEqual(p.perSource.map(\.batches), [45, 90, 45])
        XCTAssertEqual(p.perSource[1].passes, 4.5, "the small source runs 4.5 passes, each shuffled anew")
        let second = zip(p.batches, p.sources).filter { $0.1 == 1 }.map(\.0)
        XCTAssertNotEqual(second[0], second[20], "a further pass is shuffled anew")
        XCTAssertEqual(MultiSourceBatcher.shares(total: 10, weights: [1, 1, 1]), [4, 3, 3])
        XCTAssertEqual(MultiSourceBatcher.shares(total: 10, weights: [1000, 1]), [9, 1], "every source at least one batch")
    }

    func testRoundRobinTakesOneBatchOfEachSourceInTurnUntilTheSmallestRunsOut() throws {
        let plan = MultiSourceBatcher(batchSize: 8, seed: 3, sampling: .roundRobin).plan(sources([80, 24, 40]), epoch: 0)
        XCTAssertEqual(plan.sources, Array(repeating: [0, 1, 2], count: 3).flatMap { $0 }, "3 rounds: the middle source has 3 batches")
        XCTAssertEqual(plan.perSource.map(\.batchesPerPass), [10, 3, 5])
        XCTAssertEqual(plan.perSource.map(\.batches), [3, 3, 3])
    }

    func testSameSeedSameBatchesAndOneSourceAloneIsTheOneFileBatcher() throws {
        let texts = sources([64, 40])
        for sampling in SourceSampling.allCases {
            let a = MultiSourceBatcher(batchSize: 8, seed: 11, sampling: sampling, epochs: 2)
            XCTAssertEqual(a.plan(texts, epoch: 1), a.plan(texts, epoch: 1))
            XCTAssertNotEqual(a.plan(texts, epoch: 0), a.plan(texts, epoch: 1), "epochs differ")
            var b = a
            b.seed = 12
            XCTAssertNotEqual(a.plan(texts, epoch: 0).batches, b.plan(texts, epoch: 0).batches, "the seed shuffles")
        }
        let one = sources([64])[0]
        let single = NoDuplicateBatcher(batchSize: 8, seed: 11).batches(anchorIDs: one.anchorIDs, positiveIDs: one.positiveIDs,
                                                                         negativeIDs: one.negativeIDs, epoch: 2)
        XCTAssertEqual(MultiSourceBatcher(batchSize: 8, seed: 11, sampling: .proportional).plan([one], epoch: 2).plan, single)
    }

    // MARK: Training runs (the real model, kept small: 1 trainable layer, 24 tokens, batches of 8)

    private func recipe(_ name: String, model: URL) throws -> Recipe {
        var r = Recipe()
        r.model = model.path
        r.sources = [TrainingSource(name: "first", pairs: try slice("first.jsonl", 0..<32).path),
                     TrainingSource(name: "second", pairs: try slice("second.jsonl", 100..<124).path)]
        r.output = dir.appendingPathComponent(name).path
        r.batchSize = 8
        r.maxSeqLength = 24
        r.trainableLayers = 1
        r.dropout = 0.1
        r.lr = 1e-3
        r.checkpointEvery = 2
        r.seed = 7
        r.epochs = 2
        // The levers work across sources: the guide, GradCache, Matryoshka, L2-SP, a source's own prompt.
        r.guide = Recipe.guideIsBase
        r.miniBatchSize = 4
        r.matryoshkaDims = [384, 128]
        r.l2sp = 0.01
        r.sources[1].anchorPrompt = "query: "
        return r
    }

    private func weights(_ folder: String) throws -> [String: [Float]] {
        let m = try SentenceModel.load(URL(fileURLWithPath: folder).appendingPathComponent("model"))
        var out: [String: [Float]] = [:]
        for (name, t) in m.bert.namedParameters { out[name] = t.values }
        for (i, d) in m.dense.enumerated() { out["dense.\(i).weight"] = d.linear.weight.values }
        return out
    }

    func testSeveralSourcesResumeAfterKillEqualsUninterruptedRunAndLossesAddUp() throws {
        let modelURL = try Fixtures.model()
        let base = try SentenceModel.load(modelURL)
        let rA = try recipe("a", model: modelURL), rB = try recipe("b", model: modelURL)
        var reportsA: [StepReport] = [], logA: [String] = []
        let a = try Trainer(recipe: rA, log: { logA.append($0) }).run(base: base, progress: { reportsA.append($0) })
        XCTAssertEqual(a.steps, 14, "(4 + 3 batches) × 2 epochs")
        XCTAssertEqual(Set(reportsA.compactMap(\.source)), ["first", "second"])
        XCTAssertEqual(reportsA.count, 14)
        XCTAssertTrue(logA.contains { $0.hasPrefix("epoch 1/2: 7 batches by proportional: first 4 (1.00 pass(es) of its 32 pairs), second 3") }, "\(logA)")
        XCTAssertTrue(logA.contains { $0.hasPrefix("source second: 24 pairs from ") }, "\(logA)")
        XCTAssertTrue(logA.contains { $0 == "source second: prompts: anchors \"query: \", positives and negatives \"\"" }, "\(logA)")
        XCTAssertTrue(logA.contains { $0.hasPrefix("guide base embedded") }, "\(logA)")
        XCTAssertNotNil(a.guide_masked)
        let perSource = try XCTUnwrap(a.sources)
        XCTAssertEqual(perSource.map(\.name), ["first", "second"])
        XCTAssertEqual(perSource.map(\.steps), [8, 6])
        XCTAssertEqual(perSource.map(\.batches_per_epoch), [[4, 4], [3, 3]])
        // The sources' losses add up to the logged ones.
        let logged = reportsA.reduce(0.0) { $0 + Double($1.loss) }
        let summed = perSource.reduce(0.0) { $0 + Double($1.steps) * Double($1.mean_loss) }
        XCTAssertEqual(summed, logged, accuracy: 1e-4 * abs(logged))
        for name in ["first", "second"] {
            let mine = reportsA.filter { $0.source == name }.map(\.loss)
            XCTAssertEqual(perSource.first { $0.name == name }!.mean_loss, mine.reduce(0, +) / Float(mine.count), accuracy: 1e-5)
            XCTAssertEqual(reportsA.last(where: { $0.source == name })!.sourceSmoothedLoss, perSource.first { $0.name == name }!.last_loss)
        }

        // B: killed right after step 6 and its checkpoint, then resumed.
        XCTAssertThrowsError(try Trainer(recipe: rB).run(base: base, resume: false, evaluate: nil, progress: nil,
                                                         cacheProgress: nil, stopAfterStep: 6)) { error in
            XCTAssertEqual(error as? Trainer.Stopped, Trainer.Stopped(step: 6))
        }
        // A resume with changed sources is refused, naming what changed, and leaves the checkpoint.
        var changed = rB
        changed.sources[1].maxPairs = 16
        XCTAssertThrowsError(try Trainer(recipe: changed).run(base: base, resume: true)) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains("different recipe") && line.contains("sources.second.max_pairs: null → 16"), line)
            XCTAssertFalse(line.contains("\n"), line)
        }
        var reportsB: [StepReport] = []
        let b = try Trainer(recipe: rB).run(base: base, resume: true, progress: { reportsB.append($0) })
        XCTAssertEqual(reportsB.map(\.step), Array(7...14))
        XCTAssertEqual(reportsB.map(\.loss), reportsA.suffix(8).map(\.loss), "the same batches and losses after the resume")
        XCTAssertEqual(reportsB.map(\.source), reportsA.suffix(8).map(\.source))
        XCTAssertEqual(reportsB.map(\.sourceSmoothedLoss), reportsA.suffix(8).map(\.sourceSmoothedLoss), "per-source losses carry over")
        XCTAssertEqual(b.sources, a.sources, "the summary's per-source losses include the steps before the kill")
        XCTAssertEqual(try weights(rB.output), try weights(rA.output), "bit for bit")
    }

    func testOneListedSourceTrainsAsThePairsKey() throws {
        let modelURL = try Fixtures.model()
        let base = try SentenceModel.load(modelURL)
        var single = try recipe("single", model: modelURL)
        single.sources = []
        single.pairs = bundledPairs.path
        single.maxPairs = 40
        single.epochs = 1
        single.checkpointEvery = 0
        single.guide = Recipe.guideIsBase
        single.miniBatchSize = 4
        single.matryoshkaDims = [384, 128]
        single.l2sp = 0.01
        var listed = single
        listed.pairs = ""
        listed.output = dir.appendingPathComponent("listed").path
        listed.sources = [TrainingSource(name: "only", pairs: bundledPairs.path)]
        XCTAssertNoThrow(try listed.validate())
        var lossesS: [Float] = [], lossesL: [Float] = []
        let s = try Trainer(recipe: single).run(base: base, progress: { lossesS.append($0.loss) })
        let l = try Trainer(recipe: listed).run(base: base, progress: { lossesL.append($0.loss) })
        XCTAssertNil(s.sources, "the one-file summary is as before")
        XCTAssertEqual(l.sources?.map(\.steps), [s.steps])
        XCTAssertEqual(lossesL, lossesS, "guide, GradCache, Matryoshka and L2-SP: the same steps")
        XCTAssertEqual(l.guide_masked, s.guide_masked)
        XCTAssertEqual(try weights(listed.output), try weights(single.output))
    }
}

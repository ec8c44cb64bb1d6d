import AttuneCore
import AttuneModel
import AttuneSearch
@testable import AttuneAdapt
import AttuneTrain
import XCTest

/// An embedder with a fixed vector per text, so every anchor–candidate score is known.
private final class TableEmbedder: Embedder {
    let dimension: Int
    let fingerprint = "table"
    let maxSeqLength = 128
    let name = "table"
    var table: [String: [Float]]
    private(set) var calls: [Int] = []

    init(dimension: Int = 8, _ table: [String: [Float]]) { self.dimension = dimension; self.table = table }

    struct Unknown: Error { let text: String }

    func embed(_ texts: [String]) throws -> Tensor {
        calls.append(texts.count)
        var out: [Float] = []
        for t in texts {
            guard var v = table[t] else { throw Unknown(text: t) }
            v += [Float](repeating: 0, count: dimension - v.count)
            let n = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            out += v.map { $0 / n }
        }
        return Tensor(out, shape: [texts.count, dimension])
    }
}

/// A unit vector whose cosine with axis `axis` is `s` (the rest on axis `axis + 1`).
private func scored(_ s: Float, axis: Int = 0) -> [Float] {
    var v = [Float](repeating: 0, count: 8)
    v[axis] = s
    v[axis + 1] = (1 - s * s).squareRoot()
    return v
}

final class HardNegativeMinerTests: XCTestCase {
    /// Anchor "q" on axis 0; its positives "p" (0.80) and "p2" (0.90); candidates c1…c8 with known scores.
    private let scores: [(String, Float)] = [("c1", 0.79), ("c2", 0.77), ("c3", 0.75), ("c4", 0.68),
                                             ("c5", 0.60), ("c6", 0.50), ("c7", 0.40), ("c8", 0.30)]
    private var corpus: [String] { scores.map(\.0) + ["p"] }

    private func embedder(extra: [String: [Float]] = [:]) -> TableEmbedder {
        var t: [String: [Float]] = ["q": [1], "p": scored(0.8), "p2": scored(0.9)]
        for (name, s) in scores { t[name] = scored(s) }
        for (k, v) in extra { t[k] = v }
        return TableEmbedder(t)
    }

    private func mine(_ pairs: [TrainingPair], corpus: [String]? = nil, _ configure: (inout MiningOptions) -> Void = { _ in })
        throws -> MiningResult {
        var o = MiningOptions()
        configure(&o)
        return try HardNegativeMiner(options: o).mine(pairs: pairs, corpus: corpus ?? self.corpus, embedder: embedder())
    }

    func testRelativeMarginDropsCandidatesTooCloseToThePositive() throws {
        // Default: relative margin 0.05 → threshold 0.8 − 0.04 = 0.76 drops c1 (0.79) and c2 (0.77); top 3 of the rest.
        let r = try mine([TrainingPair(anchor: "q", positive: "p")])
        XCTAssertEqual(r.pairs, [TrainingPair(anchor: "q", positive: "p", negatives: ["c3", "c4", "c5"])])
        XCTAssertEqual(r.summary.skipped["relative_margin"], 2)
        XCTAssertEqual(r.summary.minedNegatives, 3)
        XCTAssertEqual(r.summary.positiveScores.mean, 0.8, accuracy: 1e-6)
        XCTAssertEqual(r.summary.negativeScores.max, 0.75, accuracy: 1e-6)
        XCTAssertEqual(r.summary.negativeScores.min, 0.60, accuracy: 1e-6)
        XCTAssertEqual(r.summary.differences.mean, 0.8 - (0.75 + 0.68 + 0.60) / 3, accuracy: 1e-5)
        XCTAssertEqual(r.summary.pairsByNegatives, ["3": 1])
    }

    func testPositivesOfTheAnchorAreNeverMinedAndTheWeakestPositiveSetsTheMargin() throws {
        // "q" has two positives: neither may be a negative of either pair, and the margin uses the weaker (0.80).
        let r = try mine([TrainingPair(anchor: "q", positive: "p"), TrainingPair(anchor: "q", positive: "p2")]) {
            $0.relativeMargin = nil
        }
        XCTAssertEqual(r.pairs.map(\.negatives), [["c1", "c2", "c3"], ["c1", "c2", "c3"]])
        XCTAssertEqual(r.summary.skipped["positive"], 2)
        XCTAssertEqual(r.summary.uniqueAnchors, 1)
        XCTAssertEqual(r.summary.maxPositives, 2)
        let withMargin = try mine([TrainingPair(anchor: "q", positive: "p"), TrainingPair(anchor: "q", positive: "p2")])
        XCTAssertEqual(withMargin.pairs.map(\.negatives), [["c3", "c4", "c5"], ["c3", "c4", "c5"]])
        for p in withMargin.pairs + r.pairs { XCTAssertFalse(p.negatives.contains("p") || p.negatives.contains("p2")) }
        // Scores per pair: each pair's own positive.
        XCTAssertEqual(withMargin.summary.positiveScores.min, 0.8, accuracy: 1e-6)
        XCTAssertEqual(withMargin.summary.positiveScores.max, 0.9, accuracy: 1e-6)
    }

    func testAbsoluteMarginMaxAndMinScore() throws {
        let pair = [TrainingPair(anchor: "q", positive: "p")]
        // score + 0.1 > 0.8 drops c1, c2, c3.
        let abs = try mine(pair) { $0.relativeMargin = nil; $0.absoluteMargin = 0.1 }
        XCTAssertEqual(abs.pairs[0].negatives, ["c4", "c5", "c6"])
        XCTAssertEqual(abs.summary.skipped["absolute_margin"], 3)
        let maxS = try mine(pair) { $0.relativeMargin = nil; $0.maxScore = 0.7 }
        XCTAssertEqual(maxS.pairs[0].negatives, ["c4", "c5", "c6"])
        XCTAssertEqual(maxS.summary.skipped["max_score"], 3)
        // min_score leaves only c1…c4 above 0.65, and max_score 0.78 drops c1: 3 left.
        let minS = try mine(pair) { $0.relativeMargin = nil; $0.maxScore = 0.78; $0.minScore = 0.65; $0.rangeMax = 8 }
        XCTAssertEqual(minS.pairs[0].negatives, ["c2", "c3", "c4"])
        // An absolute margin of 0 still keeps candidates strictly below the positive.
        let zero = try mine(pair) { $0.relativeMargin = nil; $0.absoluteMargin = 0 }
        XCTAssertEqual(zero.pairs[0].negatives, ["c1", "c2", "c3"])
    }

    func testRangeMinAndRangeMaxCountSurvivors() throws {
        let pair = [TrainingPair(anchor: "q", positive: "p")]
        let r = try mine(pair) { $0.relativeMargin = nil; $0.rangeMin = 2; $0.rangeMax = 5 }
        XCTAssertEqual(r.pairs[0].negatives, ["c3", "c4", "c5"])
        XCTAssertEqual(r.summary.rangeMax, 5)
        // The search reaches rangeMax + 1 candidates (p, c1…c6); the margin removes c1, c2; ranks 1… of the
        // survivors c3…c6 are c4, c5, c6.
        let m = try mine(pair) { $0.rangeMin = 1; $0.rangeMax = 6; $0.numNegatives = 2 }
        XCTAssertEqual(m.pairs[0].negatives, ["c4", "c5"])
        // As in sentence-transformers, filtering happens within those reached: with rangeMax 3 only c1…c3 are
        // reached, c3 alone survives, and rank 1 onwards is empty.
        let short = try mine(pair) { $0.rangeMin = 1; $0.rangeMax = 3; $0.numNegatives = 2 }
        XCTAssertEqual(short.pairs[0].negatives, [])
        XCTAssertEqual(short.summary.incompletePairs, 1)
        // A window too small for the count is refused.
        XCTAssertThrowsError(try mine(pair) { $0.rangeMin = 3; $0.rangeMax = 5 }) { e in
            XCTAssertTrue("\(e)".contains("num_negatives"), "\(e)")
        }
        XCTAssertThrowsError(try mine(pair) { $0.rangeMin = 5; $0.rangeMax = 5 })
        XCTAssertThrowsError(try mine(pair) { $0.numNegatives = 0 })
        XCTAssertThrowsError(try mine(pair) { $0.relativeMargin = .nan })
    }

    func testDefaultRangeMaxFollowsSentenceTransformers() {
        var o = MiningOptions()
        XCTAssertEqual(o.effectiveRangeMax(maxPositives: 1), 31)  // margin set: 10 × 3 + 1
        o.relativeMargin = nil
        XCTAssertEqual(o.effectiveRangeMax(maxPositives: 2), 5)  // no filter: 3 + 2
        o.rangeMin = 4
        XCTAssertEqual(o.effectiveRangeMax(maxPositives: 1), 8)
    }

    func testRandomSamplingDrawsFromTheWindowSeededAndSortedBestFirst() throws {
        let pair = [TrainingPair(anchor: "q", positive: "p")]
        let window = Set(["c1", "c2", "c3", "c4", "c5", "c6"])
        var seen = Set<String>()
        var draws = Set<[String]>()
        for seed in UInt64(0)..<24 {
            let r = try mine(pair) { $0.relativeMargin = nil; $0.rangeMax = 6; $0.sampling = .random; $0.seed = seed }
            let n = r.pairs[0].negatives
            XCTAssertEqual(n.count, 3)
            XCTAssertEqual(Set(n).count, 3)
            XCTAssertTrue(Set(n).isSubset(of: window), "\(n)")
            let rank = { (s: String) in self.corpus.firstIndex(of: s)! }
            XCTAssertEqual(n, n.sorted { rank($0) < rank($1) }, "written best first")
            seen.formUnion(n)
            draws.insert(n)
            let again = try mine(pair) { $0.relativeMargin = nil; $0.rangeMax = 6; $0.sampling = .random; $0.seed = seed }
            XCTAssertEqual(again.pairs, r.pairs, "same seed, same draw")
        }
        XCTAssertEqual(seen, window, "every window rank is drawn for some seed")
        XCTAssertGreaterThan(draws.count, 4)
    }

    func testRandomNegativesFollowTheMinedOnesSeededAndNeverAPositiveOrADuplicate() throws {
        let pair = [TrainingPair(anchor: "q", positive: "p")]
        var drawn = Set<String>()
        for seed in UInt64(0)..<24 {
            let r = try mine(pair) { $0.randomNegatives = 2; $0.seed = seed }
            let n = r.pairs[0].negatives
            XCTAssertEqual(Array(n.prefix(3)), try mine(pair) { $0.seed = seed }.pairs[0].negatives, "the mined ones first, as without random ones")
            XCTAssertEqual(n.count, 5)
            XCTAssertEqual(Set(n).count, 5, "no text twice: \(n)")
            XCTAssertFalse(n.contains("p"), "never the positive")
            XCTAssertEqual(r.scores[0].negatives.suffix(2), [nil, nil], "random negatives carry no score")
            XCTAssertEqual(r.summary.randomNegatives, 2)
            XCTAssertEqual(r.summary.pairsByNegatives, ["5": 1])
            XCTAssertTrue(r.summary.text(numNegatives: 3).contains("added 2 random negative(s)"))
            XCTAssertEqual(try mine(pair) { $0.randomNegatives = 2; $0.seed = seed }.pairs, r.pairs, "same seed, same draw")
            drawn.formUnion(n.suffix(2))
        }
        XCTAssertEqual(drawn, Set(["c1", "c2", "c6", "c7", "c8"]), "every candidate but the positive and the mined ones is drawn for some seed")
        // A pool with nothing left to draw ends the draw short instead of looping.
        let tiny = try mine(pair, corpus: ["c1", "p"]) { $0.relativeMargin = nil; $0.numNegatives = 1; $0.randomNegatives = 3 }
        XCTAssertEqual(tiny.pairs[0].negatives, ["c1"])
        XCTAssertThrowsError(try mine(pair) { $0.randomNegatives = -1 }) { XCTAssertTrue("\($0)".contains("random_negatives"), "\($0)") }
    }

    func testExistingNegativesAreKeptAndMinedOnesAppendedUpToTheCount() throws {
        let pairs = [
            // "p" as a negative is the positive itself: dropped and counted. c3 is kept and not mined again.
            TrainingPair(anchor: "q", positive: "p", negatives: ["c3", "p"]),
            // Already four: kept as they are, nothing mined.
            TrainingPair(anchor: "q", positive: "p", negatives: ["x1", "x2", "x3", "x4"]),
        ]
        let r = try mine(pairs)
        XCTAssertEqual(r.pairs[0].negatives, ["c3", "c4", "c5"])
        XCTAssertEqual(r.pairs[1].negatives, ["x1", "x2", "x3", "x4"])
        XCTAssertEqual(r.summary.droppedIdenticalToPositive, 1)
        XCTAssertEqual(r.summary.existingNegatives, 5)
        XCTAssertEqual(r.summary.minedNegatives, 2)
        XCTAssertEqual(r.summary.pairsByNegatives, ["3": 1, "4": 1])
    }

    func testAnchorsWithTooFewCandidatesAreKeptOrDropped() throws {
        // "r" scores 0 with its positive "pr" and above 0 with every candidate: the margin leaves nothing.
        let e = embedder(extra: ["r": scored(0.5, axis: 0), "pr": [0, 0, 0, 0, 0, 0, 1]])
        let pairs = [TrainingPair(anchor: "q", positive: "p"), TrainingPair(anchor: "r", positive: "pr")]
        let kept = try HardNegativeMiner().mine(pairs: pairs, corpus: corpus, embedder: e)
        XCTAssertEqual(kept.pairs.count, 2)
        XCTAssertEqual(kept.pairs[1].negatives, [], "positive score 0: every candidate scores above it")
        XCTAssertEqual(kept.summary.incompletePairs, 1)
        XCTAssertEqual(kept.summary.pairsByNegatives, ["0": 1, "3": 1])
        var o = MiningOptions()
        o.dropIncomplete = true
        let dropped = try HardNegativeMiner(options: o).mine(pairs: pairs, corpus: corpus, embedder: e)
        XCTAssertEqual(dropped.pairs.map(\.anchor), ["q"])
        XCTAssertEqual(dropped.summary.written, 1)
    }

    func testChunkingDoesNotChangeTheResultAndMemoryStaysPerChunk() throws {
        var table: [String: [Float]] = [:]
        var rng = SplitMix64(seed: 7)
        var pairs: [TrainingPair] = []
        for i in 0..<40 {
            table["a\(i)"] = (0..<8).map { _ in rng.nextFloat() - 0.5 }
            table["d\(i)"] = (0..<8).map { _ in rng.nextFloat() - 0.5 }
            pairs.append(TrainingPair(anchor: "a\(i)", positive: "d\(i)"))
        }
        for i in 0..<60 { table["x\(i)"] = (0..<8).map { _ in rng.nextFloat() - 0.5 } }
        let corpus = (0..<60).map { "x\($0)" } + ["d0"]
        for sampling in NegativeSampling.allCases {
            var whole = MiningOptions(), chunked = MiningOptions()
            whole.sampling = sampling; chunked.sampling = sampling
            whole.relativeMargin = nil; chunked.relativeMargin = nil
            chunked.anchorChunk = 7
            chunked.embedBatch = 5
            let e1 = TableEmbedder(table), e2 = TableEmbedder(table)
            let a = try HardNegativeMiner(options: whole).mine(pairs: pairs, corpus: corpus, embedder: e1)
            let b = try HardNegativeMiner(options: chunked).mine(pairs: pairs, corpus: corpus, embedder: e2)
            XCTAssertEqual(a.pairs, b.pairs)
            XCTAssertEqual(a.summary, b.summary)
            XCTAssertLessThanOrEqual(e2.calls.max()!, 7, "anchors are embedded a chunk at a time")
            XCTAssertEqual(e2.calls.reduce(0, +), 100 + 40, "each candidate and anchor embedded once")
            for p in a.pairs { XCTAssertEqual(p.negatives.count, 3); XCTAssertFalse(p.negatives.contains(p.positive)) }
        }
    }

    func testPositivesOnlyCorpusAndWrongCorpus() throws {
        // Without a corpus the candidates are the pairs' positives.
        let e = embedder(extra: ["q2": scored(0.2), "r": scored(0.3)])
        var o = MiningOptions()
        o.relativeMargin = nil
        o.numNegatives = 1
        let pairs = [TrainingPair(anchor: "q", positive: "p"), TrainingPair(anchor: "q2", positive: "c1"),
                     TrainingPair(anchor: "r", positive: "c5")]
        let r = try HardNegativeMiner(options: o).mine(pairs: pairs, embedder: e)
        XCTAssertEqual(r.summary.candidates, 3)
        XCTAssertNil(r.summary.positivesInCorpus)
        XCTAssertEqual(r.pairs[0].negatives, ["c1"])
        // A corpus holding none of the positives is the wrong corpus: named.
        XCTAssertThrowsError(try HardNegativeMiner().mine(pairs: [TrainingPair(anchor: "q", positive: "p")],
                                                          corpus: ["c1", "c2"], corpusSource: "other/corpus.jsonl", embedder: e)) { err in
            XCTAssertTrue("\(err)".hasPrefix("other/corpus.jsonl: holds none of the 1 positives"), "\(err)")
        }
        XCTAssertThrowsError(try HardNegativeMiner().mine(pairs: [], embedder: e))
    }

    func testScoreStatsAreThoseOfPandasDescribe() {
        // pandas.Series([4, 1, 3, 2]).describe(): mean 2.5, std 1.290994, 25% 1.75, 50% 2.5, 75% 3.25.
        let s = ScoreStats([4, 1, 3, 2])
        XCTAssertEqual(s.count, 4)
        XCTAssertEqual(s.mean, 2.5)
        XCTAssertEqual(s.std, 1.2909944, accuracy: 1e-6)
        XCTAssertEqual([s.min, s.q25, s.median, s.q75, s.max], [1, 1.75, 2.5, 3.25, 4])
        XCTAssertEqual(ScoreStats([]).count, 0)
        XCTAssertEqual(ScoreStats([0.5]).std, 0)
    }

    // MARK: With a cross-encoder

    /// A cross-encoder stand-in: a fixed score per document text, recording the pairs it scored.
    private final class TableScorer: PairScorer {
        let table: [String: Float]
        var seen: [(query: String, document: String)] = []
        init(_ table: [String: Float]) { self.table = table }
        func score(pairs: [(query: String, document: String)], progress: ((Int, Int) -> Void)?) -> (scores: [Float], summary: Reranker.Summary) {
            seen += pairs
            progress?(pairs.count, pairs.count)
            return (pairs.map { table[$0.document]! }, Reranker.Summary(pairs: pairs.count))
        }
    }

    /// The positive p at 0.9; c1 (cosine 0.79) and c8 (cosine 0.30, far below the bi-encoder's
    /// margin) rated above the positive; the rest in an order unlike the cosines'.
    private let ceScores: [String: Float] = ["p": 0.9, "c1": 0.95, "c2": 0.30, "c3": 0.85, "c4": 0.10,
                                             "c5": 0.60, "c6": 0.40, "c7": 0.05, "c8": 0.99]

    private func mineWithCrossEncoder(_ pairs: [TrainingPair], scorer: TableScorer,
                                      _ configure: (inout MiningOptions) -> Void = { _ in }) throws -> MiningResult {
        var o = MiningOptions()
        configure(&o)
        return try HardNegativeMiner(options: o).mine(pairs: pairs, corpus: corpus, embedder: embedder(), crossEncoder: scorer)
    }

    func testCrossEncoderScoresDecideTheFiltersAndTheOrder() throws {
        let scorer = TableScorer(ceScores)
        var phases: [(String, Int, Int)] = []
        var o = MiningOptions()
        o.numNegatives = 3
        let r = try HardNegativeMiner(options: o).mine(pairs: [TrainingPair(anchor: "q", positive: "p")], corpus: corpus,
                                                      embedder: embedder(), crossEncoder: scorer) { phases.append(($0, $1, $2)) }
        // Relative margin 0.05 on the cross-encoder's 0.9: above 0.855 drops c1 and c8 — c8 although
        // its cosine (0.30) is far below the positive's; survivors ranked by the cross-encoder.
        XCTAssertEqual(r.pairs, [TrainingPair(anchor: "q", positive: "p", negatives: ["c3", "c5", "c6"])])
        XCTAssertEqual(r.summary.skipped["relative_margin"], 2)
        XCTAssertEqual(r.summary.skipped["positive"], 1)
        XCTAssertEqual(r.scores, [PairScores(positive: 0.9, negatives: [0.85, 0.60, 0.40])])
        XCTAssertEqual(r.summary.positiveScores.mean, 0.9, accuracy: 1e-6)
        XCTAssertEqual(r.summary.negativeScores.max, 0.85, accuracy: 1e-6)
        XCTAssertEqual(r.summary.scoredBy, "cross-encoder")
        // Every reached candidate (all 9, p included) and the positive, each with the anchor's text.
        XCTAssertEqual(r.summary.crossEncoderPairs, 10)
        XCTAssertEqual(scorer.seen.count, 10)
        XCTAssertTrue(scorer.seen.allSatisfy { $0.query == "q" })
        XCTAssertEqual(Set(scorer.seen.map(\.document)), Set(corpus))
        XCTAssertEqual(phases.last { $0.0 == "cross-encoder" }.map { [$0.1, $0.2] }, [10, 10])
        // Without the cross-encoder the cosines decide (c1 and c2 dropped, c8 never near the top).
        XCTAssertEqual(try mine([TrainingPair(anchor: "q", positive: "p")]).pairs[0].negatives, ["c3", "c4", "c5"])
    }

    func testCrossEncoderScoresFeedMaxScoreAndAbsoluteMargin() throws {
        let pair = [TrainingPair(anchor: "q", positive: "p")]
        // max_score 0.7 on the cross-encoder's scores drops c8, c1, c3.
        let maxS = try mineWithCrossEncoder(pair, scorer: TableScorer(ceScores)) { $0.relativeMargin = nil; $0.maxScore = 0.7 }
        XCTAssertEqual(maxS.pairs[0].negatives, ["c5", "c6", "c2"])
        XCTAssertEqual(maxS.summary.skipped["max_score"], 3)
        // score + 0.4 > 0.9 drops c8, c1, c3, c5; min_score 0.2 then drops c4, c7.
        let abs = try mineWithCrossEncoder(pair, scorer: TableScorer(ceScores)) { $0.relativeMargin = nil; $0.absoluteMargin = 0.4; $0.minScore = 0.2 }
        XCTAssertEqual(abs.pairs[0].negatives, ["c6", "c2"])
        XCTAssertEqual(abs.summary.skipped["absolute_margin"], 4)
        XCTAssertEqual(abs.summary.skipped["min_score"], 2)
        // Existing negatives are kept, unscored.
        let kept = try mineWithCrossEncoder([TrainingPair(anchor: "q", positive: "p", negatives: ["old"])], scorer: TableScorer(ceScores))
        XCTAssertEqual(kept.pairs[0].negatives, ["old", "c3", "c5"])
        XCTAssertEqual(kept.scores[0].negatives, [nil, 0.85, 0.60])
        // No margin and no max_score: the cross-encoder would change nothing, so it is refused.
        XCTAssertThrowsError(try mineWithCrossEncoder(pair, scorer: TableScorer(ceScores)) { $0.relativeMargin = nil; $0.minScore = 0.1 }) { e in
            XCTAssertTrue("\(e)".contains("cross_encoder"), "\(e)")
        }
    }

    func testWrittenScoresReadBackAsTheSamePairs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-mine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("out.jsonl")
        let pairs = [TrainingPair(anchor: "a", positive: "p", negatives: ["old", "n2"])]
        try PairWriter().write(pairs, scores: [PairScores(positive: 0.9, negatives: [nil, 0.25])], to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, "{\"anchor\":\"a\",\"positive\":\"p\",\"negative_1\":\"old\",\"negative_2\":\"n2\",\"positive_score\":0.9,\"negative_2_score\":0.25}\n")
        XCTAssertEqual(try PairReader().read(url).pairs, pairs)
    }

    func testWrittenPairsReadBack() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-mine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("out.jsonl")
        let pairs = [TrainingPair(anchor: "a \"quoted\"\nline", positive: "p\té", negatives: ["n1", "ü\\2", "n3"]),
                     TrainingPair(anchor: "b", positive: "q", negatives: [])]
        try PairWriter().write(pairs, to: url)
        XCTAssertEqual(try PairReader().read(url).pairs, pairs)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("\"negative_3\":\"n3\""))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.jsonl"], "no temp file left")
    }
}

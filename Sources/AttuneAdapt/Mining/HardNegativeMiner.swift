import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import AttuneTrain
import Foundation

/// The settings of `HardNegativeMiner`, named and meant as in sentence-transformers'
/// `mine_hard_negatives`. Candidates are a corpus text's rank for an anchor; after an anchor's own
/// positives and the likely false negatives (below) are removed, the survivors ranked
/// `rangeMin..<rangeMax` form the window the negatives come from.
public struct MiningOptions: Sendable, Equatable {
    /// Negatives each pair ends with (existing ones count).
    public var numNegatives: Int = 3
    /// Surviving candidates skipped at the top of the ranking.
    public var rangeMin: Int = 0
    /// Rank (among survivors) where the window ends; nil derives it as sentence-transformers does:
    /// `rangeMin + 10·numNegatives + maxPositives` with a margin or score filter, else
    /// `rangeMin + numNegatives + maxPositives`.
    public var rangeMax: Int? = nil
    /// Drop a candidate scoring above this (nil: no limit).
    public var maxScore: Float? = nil
    /// Drop a candidate scoring below this (nil: no limit).
    public var minScore: Float? = nil
    /// Drop a candidate with `score + absoluteMargin > positive score` (nil: off).
    public var absoluteMargin: Float? = nil
    /// Drop a candidate with `score > positive − |positive|·relativeMargin`, i.e. above
    /// `positive × (1 − relativeMargin)` for a positive score (nil: off). The default 0.05 is the
    /// setting sentence-transformers' docstring recommends.
    public var relativeMargin: Float? = 0.05
    public var sampling: NegativeSampling = .top
    /// Seed of the random sampling; each anchor's draw depends only on the seed and the anchor text.
    public var seed: UInt64 = 12
    /// Unique anchors embedded and searched at once: bounds memory at `anchorChunk × dimension`
    /// vectors plus their candidates, whatever the number of anchors.
    public var anchorChunk: Int = 1024
    /// Texts per embedding call (progress is reported after each).
    public var embedBatch: Int = 512
    /// Leave out pairs that end with fewer than `numNegatives` negatives (sentence-transformers'
    /// n-tuple output does); by default they are kept with what was found.
    public var dropIncomplete: Bool = false
    /// Negatives added to each written pair after the mined ones, drawn at random (seeded by
    /// `seed` and the anchor text) from every candidate text but the anchor's positives and the
    /// pair's other negatives: easy negatives on other topics beside the hard ones, which a
    /// cross-encoder needs to learn topic as well as wording (docs/rerankers.md). Not counted in
    /// `numNegatives`; they carry no score.
    public var randomNegatives: Int = 0

    public init() {}

    /// Throws naming the first setting out of range.
    public func validate() throws {
        func bad(_ field: String, _ what: String) -> AttuneError { .badConfig(source: "mine", field: field, what: what) }
        guard numNegatives >= 1 else { throw bad("num_negatives", "must be at least 1, got \(numNegatives)") }
        guard rangeMin >= 0 else { throw bad("range_min", "must be non-negative, got \(rangeMin)") }
        if let rangeMax {
            guard rangeMax > rangeMin else { throw bad("range_max", "must be larger than range_min (\(rangeMin)), got \(rangeMax)") }
            guard numNegatives <= rangeMax - rangeMin else {
                throw bad("num_negatives", "\(numNegatives) do not fit in the \(rangeMax - rangeMin) ranks range_min..range_max (\(rangeMin)..\(rangeMax))")
            }
        }
        for (name, v) in [("max_score", maxScore), ("min_score", minScore), ("absolute_margin", absoluteMargin),
                          ("relative_margin", relativeMargin)] {
            if let v, !v.isFinite { throw bad(name, "must be a finite number, got \(v)") }
        }
        if let maxScore, let minScore, minScore > maxScore {
            throw bad("min_score", "\(minScore) is above max_score \(maxScore): no candidate could pass")
        }
        guard anchorChunk >= 1 else { throw bad("anchor_chunk", "must be at least 1") }
        guard embedBatch >= 1 else { throw bad("batch_size", "must be at least 1") }
        guard randomNegatives >= 0 else { throw bad("random_negatives", "must be non-negative, got \(randomNegatives)") }
    }

    /// `rangeMax` as given, or derived from the other settings and the most positives an anchor has.
    public func effectiveRangeMax(maxPositives: Int) -> Int {
        if let rangeMax { return rangeMax }
        let filtered = absoluteMargin != nil || relativeMargin != nil || maxScore != nil
        return rangeMin + (filtered ? 10 * numNegatives : numNegatives) + maxPositives
    }
}

/// Mean, spread and quantiles of a list of scores (linear interpolation between order statistics).
public struct ScoreStats: Sendable, Equatable, Codable {
    public var count: Int
    public var mean: Double
    public var std: Double
    public var min: Double
    public var q25: Double
    public var median: Double
    public var q75: Double
    public var max: Double

    public init(_ values: [Float]) {
        count = values.count
        guard !values.isEmpty else { mean = 0; std = 0; min = 0; q25 = 0; median = 0; q75 = 0; max = 0; return }
        let v = values.map(Double.init).sorted()
        let m = v.reduce(0, +) / Double(v.count)
        mean = m
        std = v.count > 1 ? (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot() : 0
        func q(_ p: Double) -> Double {
            let x = p * Double(v.count - 1), lo = Int(x.rounded(.down)), hi = Swift.min(lo + 1, v.count - 1)
            return v[lo] + (v[hi] - v[lo]) * (x - Double(lo))
        }
        min = v[0]; q25 = q(0.25); median = q(0.5); q75 = q(0.75); max = v[v.count - 1]
    }
}

/// What a mining run did, for the user and for `--json`.
public struct MiningSummary: Sendable, Equatable, Codable {
    /// Pairs read, and pairs written (fewer only with `dropIncomplete`).
    public var pairs: Int
    public var written: Int
    /// Distinct anchor texts (each is embedded and searched once).
    public var uniqueAnchors: Int
    /// The most positives one anchor text has.
    public var maxPositives: Int
    /// Distinct candidate texts searched (corpus ∪ positives).
    public var candidates: Int
    /// With a separate corpus: how many distinct positive texts it holds.
    public var positivesInCorpus: Int?
    public var distinctPositives: Int
    /// The window actually used.
    public var rangeMin: Int
    public var rangeMax: Int
    /// Candidates within reach that were left out, by reason (counted by the first rule that
    /// removed them, in this order): the anchor's own positives, absolute margin, relative
    /// margin, max score, min score.
    public var skipped: [String: Int]
    /// Negatives the input already had, kept.
    public var existingNegatives: Int
    /// Existing negatives identical to a positive of their anchor, dropped.
    public var droppedIdenticalToPositive: Int
    /// Negatives mined and written.
    public var minedNegatives: Int
    /// Pairs by the number of negatives they end with ("0", "1", …).
    public var pairsByNegatives: [String: Int]
    /// Pairs that end with fewer than `numNegatives` negatives.
    public var incompletePairs: Int
    /// Score of each pair's anchor and positive, of each mined negative, and positive − negative
    /// per mined negative: the bi-encoder's cosine, or with a cross-encoder its scores.
    public var positiveScores: ScoreStats
    public var negativeScores: ScoreStats
    public var differences: ScoreStats
    /// What the scores (and every filter) came from: "cross-encoder" when one rescored the
    /// candidates; nil: the bi-encoder's cosine.
    public var scoredBy: String? = nil
    /// (anchor, text) pairs the cross-encoder scored (nil without one).
    public var crossEncoderPairs: Int? = nil
    /// Negatives drawn at random after the mined ones (`MiningOptions.randomNegatives`).
    public var randomNegatives: Int = 0
}

/// The mined pairs and what mining did.
public struct MiningResult {
    public var pairs: [TrainingPair]
    /// One per written pair (same order): the score of its positive and of each negative, nil
    /// for a negative the input already had (not scored). Scores are the cross-encoder's when
    /// one was given, else the bi-encoder's cosine.
    public var scores: [PairScores]
    public var summary: MiningSummary
}

/// Hard negatives for (anchor, positive) pairs from an embedding model over a corpus, as
/// sentence-transformers' `mine_hard_negatives` finds them: every distinct anchor gets an exact
/// top-k over the candidates (the corpus texts and the pairs' positives, deduplicated by text);
/// all positives of that anchor text are skipped; likely false negatives (too close to the
/// positive, above `maxScore`, below `minScore`) are removed; the window `rangeMin..<rangeMax`
/// of the survivors is sampled (`top` or seeded `random`). A pair's existing negatives are kept
/// (those identical to a positive are dropped and counted) and mined ones appended up to
/// `numNegatives`, never repeating one it has.
///
/// With a cross-encoder (`mine(…, crossEncoder:)`, sentence-transformers' `cross_encoder=`), the
/// bi-encoder still retrieves each anchor's candidates, but the cross-encoder scores every
/// (anchor, candidate) and (anchor, positive) pair and those scores replace the cosines: the
/// margins, `maxScore` and `minScore` test them (a candidate the stronger model rates as relevant
/// as the positive is dropped as a false negative), and the survivors are ranked by them for the
/// window. As in sentence-transformers, that needs a margin or `maxScore` to be set.
///
/// Memory grows with the candidate matrix and the pairs, never with anchors × candidates:
/// anchors are embedded and searched `anchorChunk` at a time.
public struct HardNegativeMiner {
    public var options: MiningOptions

    public init(options: MiningOptions = MiningOptions()) { self.options = options }

    /// What `mine` is doing, for a progress display: `(phase, done, total)`.
    public typealias Progress = (_ phase: String, _ done: Int, _ total: Int) -> Void

    /// Mine negatives for `pairs`. `corpus` holds extra candidate texts (nil: the pairs' own
    /// positives only); it must contain at least one of the positives, else it is the wrong corpus
    /// and the error names `corpusSource`. Anchors are embedded as queries (`embedQueries`, the
    /// query prompt), candidates as documents (`embed`, the document prompt). With `crossEncoder`,
    /// candidates are rescored by it (see above; progress phase "cross-encoder", in pairs); it
    /// throws naming `cross_encoder` when no margin or `maxScore` is set, which it would not change.
    public func mine(pairs: [TrainingPair], corpus: [String]? = nil, corpusSource: String = "corpus",
                     embedder: Embedder, crossEncoder: PairScorer? = nil, progress: Progress? = nil) throws -> MiningResult {
        try options.validate()
        if crossEncoder != nil && options.absoluteMargin == nil && options.relativeMargin == nil && options.maxScore == nil {
            throw AttuneError.badConfig(source: "mine", field: "cross_encoder",
                what: "rescoring applies the margins and max_score, and none is set (set relative_margin, absolute_margin or max_score, as sentence-transformers requires)")
        }
        guard !pairs.isEmpty else { throw AttuneError.invalid("no pairs to mine negatives for") }
        let o = options

        // Candidates: the corpus, then the positives, each distinct text once (first occurrence).
        var candidateIndex: [String: Int32] = [:]
        var candidates: [String] = []
        func add(_ t: String) -> Int32 {
            if let i = candidateIndex[t] { return i }
            let i = Int32(candidates.count)
            candidateIndex[t] = i
            candidates.append(t)
            return i
        }
        for t in corpus ?? [] { _ = add(t) }
        let corpusCount = candidates.count
        var anchorIndex: [String: Int] = [:]
        var anchors: [String] = []
        var positivesOf: [[Int32]] = []
        var pairAnchor: [Int] = []
        pairAnchor.reserveCapacity(pairs.count)
        for p in pairs {
            let a: Int
            if let i = anchorIndex[p.anchor] { a = i } else {
                a = anchors.count; anchorIndex[p.anchor] = a; anchors.append(p.anchor); positivesOf.append([])
            }
            let pos = add(p.positive)
            if !positivesOf[a].contains(pos) { positivesOf[a].append(pos) }
            pairAnchor.append(a)
        }
        let distinctPositives = Set(positivesOf.joined()).count
        var positivesInCorpus: Int? = nil
        if corpus != nil {
            let found = Set(positivesOf.joined().filter { Int($0) < corpusCount }).count
            guard found > 0 else {
                throw AttuneError.invalidFile(path: corpusSource,
                    what: "holds none of the \(distinctPositives) positives of the pairs (is it the corpus the pairs come from?)")
            }
            positivesInCorpus = found
        }
        let maxPositives = positivesOf.map(\.count).max() ?? 1
        let rangeMax = o.effectiveRangeMax(maxPositives: maxPositives)
        if o.rangeMax == nil, o.numNegatives > rangeMax - o.rangeMin {
            throw AttuneError.badConfig(source: "mine", field: "num_negatives", what: "\(o.numNegatives) do not fit in ranks \(o.rangeMin)..\(rangeMax)")
        }

        // The candidate matrix: the only thing that grows with the corpus.
        let dim = embedder.dimension
        let vectors = Tensor(zeros: [candidates.count, dim])
        for start in stride(from: 0, to: candidates.count, by: o.embedBatch) {
            let end = min(candidates.count, start + o.embedBatch)
            let e = try embedder.embed(Array(candidates[start..<end]))
            guard e.shape == [end - start, dim] else {
                throw AttuneError.invalid("\(embedder.name) returned embeddings of shape \(e.shape) for \(end - start) texts (expected dimension \(dim))")
            }
            (vectors.data + start * dim).update(from: e.data, count: (end - start) * dim)
            progress?("candidates", end, candidates.count)
        }
        let searcher = ExactSearcher(ids: candidates, vectors: vectors)
        let k = min(rangeMax + maxPositives, candidates.count)

        // Per anchor: its weakest positive score and the window of surviving candidates, best first.
        var window = [[(index: Int32, score: Float)]](repeating: [], count: anchors.count)
        var positiveScore = [[Int32: Float]](repeating: [:], count: anchors.count)
        var skipped = ["positive": 0, "absolute_margin": 0, "relative_margin": 0, "max_score": 0, "min_score": 0]
        // With a cross-encoder: every anchor's k reached candidates and its positives, scored once.
        let cePairTotal = anchors.count * k + positivesOf.reduce(0) { $0 + $1.count }
        var ceDone = 0
        for c0 in stride(from: 0, to: anchors.count, by: o.anchorChunk) {
            let c1 = min(anchors.count, c0 + o.anchorChunk)
            let q = try embedder.embedQueries(Array(anchors[c0..<c1]))
            guard q.shape == [c1 - c0, dim] else {
                throw AttuneError.invalid("\(embedder.name) returned embeddings of shape \(q.shape) for \(c1 - c0) texts (expected dimension \(dim))")
            }
            let hits = try searcher.search(q, k: k)
            // The cross-encoder's scores for this chunk: per anchor, its reached candidates (in
            // `hits` order) then its positives.
            var ceScores: [[Float]] = []
            if let crossEncoder {
                var ce: [(query: String, document: String)] = []
                var counts: [Int] = []
                for a in c0..<c1 {
                    for h in hits[a - c0] { ce.append((anchors[a], candidates[h.docIndex])) }
                    for p in positivesOf[a] { ce.append((anchors[a], candidates[Int(p)])) }
                    counts.append(hits[a - c0].count + positivesOf[a].count)
                }
                let done = ceDone
                let r = crossEncoder.score(pairs: ce) { d, _ in progress?("cross-encoder", min(done + d, cePairTotal), cePairTotal) }
                guard r.scores.count == ce.count else {
                    throw AttuneError.invalid("the cross-encoder returned \(r.scores.count) scores for \(ce.count) pairs")
                }
                var at = 0
                for n in counts { ceScores.append(Array(r.scores[at..<(at + n)])); at += n }
                ceDone += ce.count
                progress?("cross-encoder", min(ceDone, cePairTotal), cePairTotal)
            }
            for a in c0..<c1 {
                let qa = q.data + (a - c0) * dim
                var scores: [Int32: Float] = [:]
                let ce = crossEncoder == nil ? nil : ceScores[a - c0]
                let reachedCount = hits[a - c0].count
                for (j, p) in positivesOf[a].enumerated() {
                    scores[p] = ce.map { $0[reachedCount + j] } ?? dot(qa, vectors.data + Int(p) * dim, dim)
                }
                positiveScore[a] = scores
                let pos = scores.values.min()!  // the weakest positive sets the margins
                // Rescore the reached candidates exactly as the positives are scored (the same dot
                // product, or the cross-encoder), so a score (and each decision on it) does not
                // depend on how many anchors shared one sgemm.
                let reached = hits[a - c0].enumerated().map { j, h -> (index: Int32, score: Float) in
                    (Int32(h.docIndex), ce.map { $0[j] } ?? dot(qa, vectors.data + h.docIndex * dim, dim))
                }.sorted { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
                var kept: [(index: Int32, score: Float)] = []
                for h in reached {
                    let s = h.score
                    if scores[h.index] != nil { skipped["positive"]! += 1; continue }
                    if let m = o.absoluteMargin, s + m > pos { skipped["absolute_margin"]! += 1; continue }
                    if let m = o.relativeMargin, s > pos - abs(pos) * m { skipped["relative_margin"]! += 1; continue }
                    if let m = o.maxScore, s > m { skipped["max_score"]! += 1; continue }
                    if let m = o.minScore, s < m { skipped["min_score"]! += 1; continue }
                    kept.append(h)
                }
                window[a] = kept.count > o.rangeMin ? Array(kept[o.rangeMin..<min(kept.count, rangeMax)]) : []
                if o.sampling == .random { window[a] = seededShuffle(window[a], anchor: anchors[a]) }
            }
            progress?("anchors", c1, anchors.count)
        }

        // Per pair, in file order: keep existing negatives, append mined ones up to the count.
        var out: [TrainingPair] = []
        var outScores: [PairScores] = []
        out.reserveCapacity(pairs.count)
        var existing = 0, droppedIdentical = 0, mined = 0, incomplete = 0, random = 0
        var byCount: [String: Int] = [:]
        var posScores: [Float] = [], negScores: [Float] = [], diffs: [Float] = []
        for (i, p) in pairs.enumerated() {
            let a = pairAnchor[i]
            let ownPositives = Set(positivesOf[a].map { candidates[Int($0)] })
            var negatives: [String] = []
            for n in p.negatives {
                if ownPositives.contains(n) { droppedIdentical += 1 } else { negatives.append(n) }
            }
            existing += negatives.count
            let pScore = positiveScore[a][candidateIndex[p.positive]!]!
            posScores.append(pScore)
            let need = o.numNegatives - negatives.count
            var negativeScores = [Float?](repeating: nil, count: negatives.count)
            if need > 0 {
                var have = Set(negatives)
                var picked: [(index: Int32, score: Float)] = []
                for c in window[a] where picked.count < need {
                    let text = candidates[Int(c.index)]
                    if have.insert(text).inserted { picked.append(c) }
                }
                if o.sampling == .random { picked.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) } }
                for c in picked {
                    negatives.append(candidates[Int(c.index)])
                    negativeScores.append(c.score)
                    negScores.append(c.score)
                    diffs.append(pScore - c.score)
                }
                mined += picked.count
            }
            let complete = negatives.count >= o.numNegatives
            if !complete { incomplete += 1 }
            if complete || !o.dropIncomplete {
                if o.randomNegatives > 0 {
                    let drawn = randomCandidates(o.randomNegatives, from: candidates, anchor: p.anchor,
                                                 excluding: ownPositives.union(negatives))
                    negatives += drawn
                    negativeScores += [Float?](repeating: nil, count: drawn.count)
                    random += drawn.count
                }
                byCount[String(negatives.count), default: 0] += 1
                out.append(TrainingPair(anchor: p.anchor, positive: p.positive, negatives: negatives))
                outScores.append(PairScores(positive: pScore, negatives: negativeScores))
            }
        }
        let summary = MiningSummary(
            pairs: pairs.count, written: out.count, uniqueAnchors: anchors.count, maxPositives: maxPositives,
            candidates: candidates.count, positivesInCorpus: positivesInCorpus, distinctPositives: distinctPositives,
            rangeMin: o.rangeMin, rangeMax: rangeMax, skipped: skipped, existingNegatives: existing,
            droppedIdenticalToPositive: droppedIdentical, minedNegatives: mined, pairsByNegatives: byCount,
            incompletePairs: incomplete, positiveScores: ScoreStats(posScores), negativeScores: ScoreStats(negScores),
            differences: ScoreStats(diffs), scoredBy: crossEncoder == nil ? nil : "cross-encoder",
            crossEncoderPairs: crossEncoder == nil ? nil : ceDone, randomNegatives: random)
        return MiningResult(pairs: out, scores: outScores, summary: summary)
    }

    /// The dot product of two `n`-vectors, summed in index order.
    private func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var s: Float = 0
        for j in 0..<n { s += a[j] * b[j] }
        return s
    }

    /// Up to `n` distinct texts of `candidates` not in `excluding`, drawn uniformly at random; the
    /// draw depends only on the seed and the anchor text (a stream apart from `seededShuffle`'s).
    private func randomCandidates(_ n: Int, from candidates: [String], anchor: String, excluding: Set<String>) -> [String] {
        var h: UInt64 = 0x84222325cbf29ce4
        for b in anchor.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        var rng = SplitMix64(seed: h ^ (options.seed &* 0xD1B5_4A32_D192_ED03))
        var picked: [String] = [], seen = excluding
        // Rejection sampling; every candidate excluded (a tiny pool) ends the draw after a bounded number of tries.
        var tries = 0
        while picked.count < n && tries < 64 * n + candidates.count {
            tries += 1
            let t = candidates[Int(rng.next() % UInt64(candidates.count))]
            if seen.insert(t).inserted { picked.append(t) }
        }
        return picked
    }

    /// `items` in a random order that depends only on the seed and the anchor text.
    private func seededShuffle<T>(_ items: [T], anchor: String) -> [T] {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in anchor.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        var rng = SplitMix64(seed: h ^ (options.seed &* 0x9E37_79B9_7F4A_7C15))
        var v = items
        v.shuffle(using: &rng)
        return v
    }
}

extension MiningSummary {
    /// A few lines for the terminal: counts, the window, what was skipped, and the score table.
    public func text(numNegatives: Int) -> String {
        func pct(_ n: Int, _ of: Int) -> String { of == 0 ? "0%" : String(format: "%.1f%%", 100 * Double(n) / Double(of)) }
        var lines: [String] = []
        lines.append("\(pairs) pairs, \(uniqueAnchors) distinct anchors (up to \(maxPositives) positives each), "
            + "\(candidates) candidate texts" + (positivesInCorpus.map { " (the corpus holds \($0) of the \(distinctPositives) distinct positives)" } ?? ""))
        lines.append("window: ranks \(rangeMin)..<\(rangeMax) of the candidates left after filtering")
        let counts = pairsByNegatives.sorted { Int($0.key)! < Int($1.key)! }.map { "\($0.value) with \($0.key)" }.joined(separator: ", ")
        lines.append("negatives per pair: \(counts)\(incompletePairs > 0 ? "; \(incompletePairs) pair(s) have fewer than \(numNegatives)" : "")"
            + (written < pairs ? "; \(pairs - written) dropped as incomplete" : ""))
        lines.append("mined \(minedNegatives) negatives; kept \(existingNegatives) existing"
            + (randomNegatives > 0 ? "; added \(randomNegatives) random negative(s) after the mined ones" : "")
            + (droppedIdenticalToPositive > 0 ? "; dropped \(droppedIdenticalToPositive) existing negative(s) identical to a positive" : ""))
        let reached = skipped.values.reduce(0, +) + minedNegatives
        for key in ["positive", "absolute_margin", "relative_margin", "max_score", "min_score"] {
            if let n = skipped[key], n > 0 {
                lines.append("skipped \(n) candidate(s) (\(pct(n, reached)) of those reached) " + (key == "positive" ? "that are the anchor's own positives" : "by \(key)"))
            }
        }
        if let n = crossEncoderPairs { lines.append("scores and filters: the cross-encoder's (\(n) pairs scored), not the bi-encoder's cosine") }
        lines.append("score    count    mean     std      min      25%      50%      75%      max")
        for (name, s) in [("positive", positiveScores), ("negative", negativeScores), ("pos−neg", differences)] {
            lines.append(name.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: " %6d %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f",
                s.count, s.mean, s.std, s.min, s.q25, s.median, s.q75, s.max))
        }
        return lines.joined(separator: "\n")
    }
}

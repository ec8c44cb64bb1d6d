import AttuneData
import AttuneSearch
import Foundation

/// A second stage for an evaluation (`attune eval --reranker CE --rerank-top N`): every
/// retriever's top N candidates per query reordered by a cross-encoder, scored as a row of its
/// own ("M + CE"), compared with its retriever M as well as with the first model.
///
///     candidates = M's top N for the query                     (its run, retrieved once)
///     score_i    = scorer(query text, candidate i's embeddingText)   (the text alone, as `attune search --reranker` feeds it)
///     "M + CE"   = the N candidates sorted by score, best first (ties: M's order); nothing beyond N
///
/// With `fusions` other than the cross-encoder alone, each is a row of its own ("M + CE (fused
/// 0.6)"): the same pair scores, the candidates ordered by `RerankFusion`'s mix of the
/// cross-encoder's logits and M's scores. The pairs are scored once for every row.
public struct EvalReranking {
    /// Scores the pairs (a `Reranker`, or any `PairScorer`).
    public var scorer: PairScorer
    /// The reranker's display name: rows are called "M + name".
    public var name: String
    /// Candidates reranked per query; nil: `defaultTop` (50), or a set's whole corpus when it is smaller.
    public var top: Int?
    /// One reranked row per fusion, in this order (default: the cross-encoder alone).
    public var fusions: [RerankFusion] = [.crossEncoderOnly]

    /// The fewest candidates that make a reranked nDCG@10 and MRR@10: 10.
    public static let minimumTop = 10
    /// Candidates reranked when `top` is nil (at most the corpus): what `attune search --reranker` takes.
    public static let defaultTop = Reranker.defaultCandidates

    public init(scorer: PairScorer, name: String, top: Int? = nil) {
        self.scorer = scorer; self.name = name; self.top = top
    }

    /// The reranked row's name for the retriever named `model`: "M + CE", or "M + CE (fused W)".
    public func rowName(for model: String, fusion: RerankFusion = .crossEncoderOnly) -> String {
        fusion.isCrossEncoderOnly ? "\(model) + \(name)" : "\(model) + \(name) (fused \(fusion.weight))"
    }

    /// Every reranked row's name for the retriever named `model`, one per fusion.
    public func rowNames(for model: String) -> [String] { fusions.map { rowName(for: model, fusion: $0) } }

    /// The candidates to rerank on a corpus of `corpus` documents. Throws `EvaluationSettingError`
    /// (`rerank_top`) for an explicit `top` below `minimumTop` or above the corpus (`set` names it).
    public func candidates(corpus: Int, set: String? = nil) throws -> Int {
        guard let top else { return min(EvalReranking.defaultTop, corpus) }
        guard top >= EvalReranking.minimumTop else {
            throw EvaluationSettingError(setting: "rerank_top", value: "\(top)",
                                         what: "must be at least \(EvalReranking.minimumTop) (nDCG@10 and MRR@10 rank the top 10)")
        }
        guard top <= corpus else {
            throw EvaluationSettingError(setting: "rerank_top", value: "\(top)",
                                         what: "larger than the \(set.map { "\($0) set's " } ?? "")corpus (\(corpus) documents)")
        }
        return top
    }
}

extension RetrievalBenchmark {
    /// `run` (a retriever's ranking of this set) with each scored query's top `top` candidates
    /// reordered by `scorer`'s score of (query text, document `embeddingText`), best first, ties
    /// in the retriever's order; candidates beyond `top` are dropped, so each list holds at most
    /// `top` documents, scored with `scorer`'s scores. Queries absent from `run` stay absent.
    /// Pairs are scored `chunk` at a time; `progress(done, total)` counts pairs over the whole run.
    public func rerank(_ run: Evaluator.Run, top: Int, scorer: PairScorer, chunk: Int = 4096,
                       progress: ((Int, Int) -> Void)? = nil) -> (run: Evaluator.Run, summary: Reranker.Summary) {
        let r = rerank(run, top: top, scorer: scorer, fusions: [.crossEncoderOnly], chunk: chunk, progress: progress)
        return (r.runs[0], r.summary)
    }

    /// `rerank(_:top:scorer:chunk:progress:)` once per fusion, the pairs scored once: for the
    /// cross-encoder alone the run holds its scores; for a fused ordering, the fused scores of
    /// its logits and `run`'s own scores (`RerankFusion`).
    public func rerank(_ run: Evaluator.Run, top: Int, scorer: PairScorer, fusions: [RerankFusion], chunk: Int = 4096,
                       progress: ((Int, Int) -> Void)? = nil) -> (runs: [Evaluator.Run], summary: Reranker.Summary) {
        precondition(top >= 1, "rerank: top \(top) must be at least 1")
        var text: [String: String] = [:]
        for d in corpus where text[d.id] == nil { text[d.id] = d.embeddingText }
        var lists: [(query: String, docs: [String], retriever: [Double])] = []
        var pairs: [(query: String, document: String)] = []
        for q in queries {
            guard let hits = run[q.id] else { continue }
            let kept = hits.prefix(top)
            lists.append((q.id, kept.map(\.doc), kept.map(\.score)))
            for d in kept { pairs.append((q.text, text[d.doc] ?? "")) }
        }
        var scores: [Float] = [], logits: [Float] = []
        scores.reserveCapacity(pairs.count)
        logits.reserveCapacity(pairs.count)
        var summary = Reranker.Summary()
        let total = pairs.count
        progress?(0, total)
        for start in stride(from: 0, to: total, by: max(1, chunk)) {
            let part = Array(pairs[start..<min(total, start + max(1, chunk))])
            let r = scorer.scoresAndLogits(pairs: part) { done, _ in progress?(start + done, total) }
            precondition(r.scores.count == part.count && r.logits.count == part.count,
                         "rerank: the scorer returned \(r.scores.count) scores for \(part.count) pairs")
            scores += r.scores
            logits += r.logits
            summary.add(r.summary)
            progress?(start + part.count, total)
        }
        var out = [Evaluator.Run](repeating: [:], count: fusions.count)
        var at = 0
        for (qid, docs, retriever) in lists {
            let s = scores[at..<(at + docs.count)].map { $0 }
            for (f, fusion) in fusions.enumerated() {
                if fusion.isCrossEncoderOnly {
                    let order = docs.indices.sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 }
                    out[f][qid] = order.map { (doc: docs[$0], score: Double(s[$0])) }
                } else {
                    let (order, fused) = fusion.order(reranker: logits[at..<(at + docs.count)].map(Double.init), retriever: retriever)
                    out[f][qid] = order.map { (doc: docs[$0], score: fused[$0]) }
                }
            }
            at += docs.count
        }
        return (out, summary)
    }
}

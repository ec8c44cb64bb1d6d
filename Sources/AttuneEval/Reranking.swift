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
public struct EvalReranking {
    /// Scores the pairs (a `Reranker`, or any `PairScorer`).
    public var scorer: PairScorer
    /// The reranker's display name: rows are called "M + name".
    public var name: String
    /// Candidates reranked per query; nil: `defaultTop` (50), or a set's whole corpus when it is smaller.
    public var top: Int?

    /// The fewest candidates that make a reranked nDCG@10 and MRR@10: 10.
    public static let minimumTop = 10
    /// Candidates reranked when `top` is nil (at most the corpus): what `attune search --reranker` takes.
    public static let defaultTop = Reranker.defaultCandidates

    public init(scorer: PairScorer, name: String, top: Int? = nil) {
        self.scorer = scorer; self.name = name; self.top = top
    }

    /// The reranked row's name for the retriever named `model`.
    public func rowName(for model: String) -> String { "\(model) + \(name)" }

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
        precondition(top >= 1, "rerank: top \(top) must be at least 1")
        var text: [String: String] = [:]
        for d in corpus where text[d.id] == nil { text[d.id] = d.embeddingText }
        var lists: [(query: String, docs: [String])] = []
        var pairs: [(query: String, document: String)] = []
        for q in queries {
            guard let hits = run[q.id] else { continue }
            let docs = hits.prefix(top).map(\.doc)
            lists.append((q.id, docs))
            for d in docs { pairs.append((q.text, text[d] ?? "")) }
        }
        var scores: [Float] = []
        scores.reserveCapacity(pairs.count)
        var summary = Reranker.Summary()
        let total = pairs.count
        progress?(0, total)
        for start in stride(from: 0, to: total, by: max(1, chunk)) {
            let part = Array(pairs[start..<min(total, start + max(1, chunk))])
            let r = scorer.score(pairs: part) { done, _ in progress?(start + done, total) }
            precondition(r.scores.count == part.count, "rerank: the scorer returned \(r.scores.count) scores for \(part.count) pairs")
            scores += r.scores
            summary.add(r.summary)
            progress?(start + part.count, total)
        }
        var out: Evaluator.Run = [:]
        var at = 0
        for (qid, docs) in lists {
            let s = scores[at..<(at + docs.count)].map { $0 }
            let order = docs.indices.sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 }
            out[qid] = order.map { (doc: docs[$0], score: Double(s[$0])) }
            at += docs.count
        }
        return (out, summary)
    }
}

import AttuneData
import AttuneEval
import AttuneModel
import AttuneSearch
import Foundation

/// A cross-encoder's dev check: the dev set's candidates are retrieved once by a bi-encoder, and
/// each check reranks them with the cross-encoder being trained and scores the reranked lists:
///
///     once:        retriever → top N document ids and scores per dev query   (retrieverScore: its nDCG@10)
///     each check:  CE(query, candidate) for every pair → candidates sorted by logit → nDCG@10
///                  and, from the same logits, nDCG@10 of each `RerankFusion.sweep` weight's fused order
///
/// A check tokenizes the pairs (cheap beside the encoder) and costs one forward pass per
/// (query, candidate).
struct RerankDevCheck {
    let set: RetrievalBenchmark
    /// Each scored dev query's candidates (document ids and the retriever's scores, in its order).
    let candidates: [(query: String, docs: [String], scores: [Double])]
    /// nDCG@10 of the retriever's own ranking: what the reranker must beat.
    let retrieverScore: Double
    /// The retriever's name.
    let retrieverName: String
    private let texts: [String: String]

    /// Retrieve `top` candidates per query of `set` with `retriever`.
    init(set: RetrievalBenchmark, retriever: SentenceModel, retrieverName: String, top: Int,
         progress: ((Int, Int) -> Void)? = nil) throws {
        var set = set
        set.evaluator.depth = max(set.evaluator.depth, top)
        let run = try set.run(ModelEmbedder(model: retriever, name: retrieverName), progress: progress)
        self.set = set
        self.retrieverName = retrieverName
        retrieverScore = set.result(name: retrieverName, run: run).metrics.mean[MetricName.ndcg10] ?? 0
        candidates = set.queries.map { q in
            let hits = (run[q.id] ?? []).prefix(top)
            return (q.id, hits.map(\.doc), hits.map(\.score))
        }
        texts = Dictionary(set.corpus.map { ($0.id, $0.embeddingText) }, uniquingKeysWith: { a, _ in a })
    }

    /// Pairs scored per check.
    var pairCount: Int { candidates.reduce(0) { $0 + $1.docs.count } }

    /// Candidates per query (the most any query has).
    var top: Int { candidates.map(\.docs.count).max() ?? 0 }

    /// One check's scores.
    struct Check: Equatable {
        /// nDCG@10 of the cross-encoder's order alone.
        var reranked: Double
        /// nDCG@10 of each swept fusion weight's order, in `RerankFusion.sweep`'s order.
        var fused: [(weight: Double, ndcg10: Double)]

        /// The best fused weight (the higher weight on a tie: closer to the cross-encoder alone).
        var best: (weight: Double, ndcg10: Double) {
            fused.reversed().reduce((weight: 1.0, ndcg10: reranked)) { b, f in f.ndcg10 > b.ndcg10 ? f : b }
        }

        static func == (a: Check, b: Check) -> Bool {
            a.reranked == b.reranked && a.fused.map(\.weight) == b.fused.map(\.weight) && a.fused.map(\.ndcg10) == b.fused.map(\.ndcg10)
        }
    }

    /// nDCG@10 of `model`'s reranking of every query's candidates, alone and fused with the
    /// retriever at each weight of `weights`.
    func check(_ model: CrossEncoder, weights: [Double] = RerankFusion.sweep, progress: ((Int, Int) -> Void)? = nil) throws -> Check {
        let query = Dictionary(set.queries.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        var pairs: [(query: String, document: String)] = []
        for c in candidates { for d in c.docs { pairs.append((query[c.query] ?? "", texts[d] ?? "")) } }
        let logits = model.logits(of: model.tokenize(pairs: pairs), progress: progress)
        func ndcg(_ order: (_ logits: [Double], _ retriever: [Double]) -> (order: [Int], scores: [Double])) -> Double {
            var run: Evaluator.Run = [:], at = 0
            for c in candidates {
                let (o, s) = order(logits[at..<(at + c.docs.count)].map(Double.init), c.scores)
                run[c.query] = o.map { (doc: c.docs[$0], score: s[$0]) }
                at += c.docs.count
            }
            return set.result(name: "reranked", run: run).metrics.mean[MetricName.ndcg10] ?? 0
        }
        let alone = ndcg { l, _ in (l.indices.sorted { l[$0] != l[$1] ? l[$0] > l[$1] : $0 < $1 }, l) }
        let fused = try weights.map { w in
            let fusion = try RerankFusion(weight: w)
            return (weight: w, ndcg10: ndcg { fusion.order(reranker: $0, retriever: $1) })
        }
        return Check(reranked: alone, fused: fused)
    }

    /// nDCG@10 of `model`'s reranking alone: the score a training run keeps its best model by.
    func score(_ model: CrossEncoder, progress: ((Int, Int) -> Void)? = nil) throws -> Double {
        try check(model, weights: [], progress: progress).reranked
    }

    /// What to save in the trained folder for `check` (`RerankFusion.file`).
    func saved(_ check: Check) -> RerankFusion.Saved {
        let b = check.best
        return RerankFusion.Saved(weight: b.weight, retriever: retrieverName, retrieverNDCG10: retrieverScore,
                                  rerankerNDCG10: check.reranked, fusedNDCG10: b.ndcg10, rerankTop: top)
    }
}

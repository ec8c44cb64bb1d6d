import AttuneData
import AttuneEval
import AttuneModel
import AttuneSearch
import Foundation

/// A cross-encoder's dev check: the dev set's candidates are retrieved once by a bi-encoder, and
/// each check reranks them with the cross-encoder being trained and scores the reranked lists:
///
///     once:        retriever → top N document ids per dev query   (retrieverScore: its nDCG@10)
///     each check:  CE(query, candidate) for every pair → candidates sorted by logit → nDCG@10
///
/// A check tokenizes the pairs (cheap beside the encoder) and costs one forward pass per
/// (query, candidate).
struct RerankDevCheck {
    let set: RetrievalBenchmark
    /// Each scored dev query's candidates (document ids, the retriever's order).
    let candidates: [(query: String, docs: [String])]
    /// nDCG@10 of the retriever's own ranking: what the reranker must beat.
    let retrieverScore: Double
    private let texts: [String: String]

    /// Retrieve `top` candidates per query of `set` with `retriever`.
    init(set: RetrievalBenchmark, retriever: SentenceModel, retrieverName: String, top: Int,
         progress: ((Int, Int) -> Void)? = nil) throws {
        var set = set
        set.evaluator.depth = max(set.evaluator.depth, top)
        let run = try set.run(ModelEmbedder(model: retriever, name: retrieverName), progress: progress)
        self.set = set
        retrieverScore = set.result(name: retrieverName, run: run).metrics.mean[MetricName.ndcg10] ?? 0
        candidates = set.queries.map { q in (q.id, (run[q.id] ?? []).prefix(top).map(\.doc)) }
        texts = Dictionary(set.corpus.map { ($0.id, $0.embeddingText) }, uniquingKeysWith: { a, _ in a })
    }

    /// Pairs scored per check.
    var pairCount: Int { candidates.reduce(0) { $0 + $1.docs.count } }

    /// nDCG@10 of `model`'s reranking of every query's candidates.
    func score(_ model: CrossEncoder, progress: ((Int, Int) -> Void)? = nil) throws -> Double {
        let query = Dictionary(set.queries.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        var pairs: [(query: String, document: String)] = []
        for c in candidates { for d in c.docs { pairs.append((query[c.query] ?? "", texts[d] ?? "")) } }
        let logits = model.logits(of: model.tokenize(pairs: pairs), progress: progress)
        var run: Evaluator.Run = [:], at = 0
        for c in candidates {
            let order = c.docs.indices.sorted { a, b in
                logits[at + a] != logits[at + b] ? logits[at + a] > logits[at + b] : a < b
            }
            run[c.query] = order.map { (doc: c.docs[$0], score: Double(logits[at + $0])) }
            at += c.docs.count
        }
        return set.result(name: "reranked", run: run).metrics.mean[MetricName.ndcg10] ?? 0
    }
}

import AttuneData
import Foundation

/// The IR metrics Attune reports, by their key in `RunMetrics` and the JSON output.
/// The definitions are exactly those of `metrics()` in the PyTorch reference script.
public enum MetricName {
    public static let ndcg10 = "ndcg@10"
    public static let mrr10 = "mrr@10"
    public static let recall1 = "recall@1"
    public static let recall10 = "recall@10"
    public static let recall100 = "recall@100"
    public static let map100 = "map@100"
    /// All metrics, in display order.
    public static let all = [ndcg10, mrr10, recall1, recall10, recall100, map100]
}

/// Per-query and mean retrieval metrics for one run.
public struct RunMetrics: Sendable, Equatable {
    /// Query id → metric name → value, for every evaluated query.
    public var perQuery: [String: [String: Double]]
    /// Metric name → mean over the evaluated queries (0 when there are none).
    public var mean: [String: Double]
    /// Queries evaluated: present in the ranking and with at least one relevant document.
    public var queries: Int

    public init(perQuery: [String: [String: Double]], mean: [String: Double], queries: Int) {
        self.perQuery = perQuery
        self.mean = mean
        self.queries = queries
    }

    /// One metric for every evaluated query (query id → value).
    public func values(of metric: String) -> [String: Double] {
        perQuery.compactMapValues { $0[metric] }
    }
}

/// The metrics of one ranked list, as `metrics()` in st_reference.py computes them for binary
/// relevance: nDCG@10 with ideal DCG over min(|rel|, 10) documents, MRR@10, Recall@k =
/// |rel ∩ top k| / |rel|, and MAP@100 = Σ precision-at-hit over the top 100 / |rel|.
/// With `grades` (document → grade; absent is 1), nDCG@10 is graded with linear gains, as
/// trec_eval's `ndcg_cut.10` (and BEIR's pytrec_eval) compute it: DCG = Σ grade / log2(rank + 1),
/// over the ideal DCG of the grades sorted best first; the other metrics count a document as
/// relevant or not. Binary grades give exactly the binary numbers. `relevant` must be non-empty.
public func queryMetrics(ranking docs: [String], relevant rel: Set<String>, grades: [String: Double]? = nil) -> [String: Double] {
    precondition(!rel.isEmpty, "queryMetrics: a query without relevant documents has no metrics")
    let top10 = docs.prefix(10)
    let gain = { (d: String) in grades?[d] ?? 1 }
    var dcg = 0.0
    for (i, d) in top10.enumerated() where rel.contains(d) { dcg += gain(d) / log2(Double(i + 2)) }
    var idcg = 0.0
    for (i, g) in rel.map(gain).sorted(by: >).prefix(10).enumerated() { idcg += g / log2(Double(i + 2)) }
    var rr = 0.0
    if let first = top10.firstIndex(where: { rel.contains($0) }) { rr = 1 / Double(first - top10.startIndex + 1) }
    func recall(_ k: Int) -> Double {
        Double(rel.intersection(docs.prefix(k)).count) / Double(rel.count)
    }
    var hits = 0, ap = 0.0
    for (i, d) in docs.prefix(100).enumerated() where rel.contains(d) {
        hits += 1
        ap += Double(hits) / Double(i + 1)
    }
    return [
        MetricName.ndcg10: dcg / idcg,
        MetricName.mrr10: rr,
        MetricName.recall1: recall(1),
        MetricName.recall10: recall(10),
        MetricName.recall100: recall(100),
        MetricName.map100: ap / Double(rel.count),
    ]
}

/// Evaluate a run: `ranked` maps a query id to its documents, best first. Queries without a
/// relevant document, and judged queries absent from `ranked`, are not counted (as in the
/// reference). With no evaluable query at all every mean is 0 and `queries` is 0.
public func evaluate(ranked: [String: [String]], qrels: Qrels) -> RunMetrics {
    var perQuery: [String: [String: Double]] = [:]
    var sums = Dictionary(uniqueKeysWithValues: MetricName.all.map { ($0, 0.0) })
    for qid in ranked.keys.sorted() {
        guard let rel = qrels.relevant[qid], !rel.isEmpty else { continue }
        let m = queryMetrics(ranking: ranked[qid]!, relevant: rel, grades: qrels.grades[qid])
        perQuery[qid] = m
        for (k, v) in m { sums[k, default: 0] += v }
    }
    let n = perQuery.count
    let mean = sums.mapValues { n == 0 ? 0 : $0 / Double(n) }
    return RunMetrics(perQuery: perQuery, mean: mean, queries: n)
}

import AttuneCore
import AttuneData
import AttuneSearch
import Foundation

/// pgvector's advice for an approximate index, done for the user: run the same queries exact and
/// approximate, and report recall@k of the approximate results against the exact ones (mean over
/// queries with a percentile-bootstrap 95% CI) and the latency of each, one query at a time.
public struct RecallAudit: Sendable, Codable {
    /// Milliseconds per query: mean, median, 95th percentile.
    public struct Latency: Sendable, Codable {
        public var meanMs: Double
        public var p50Ms: Double
        public var p95Ms: Double

        init(_ seconds: [Double]) {
            let ms = seconds.map { $0 * 1000 }.sorted()
            meanMs = ms.reduce(0, +) / Double(max(1, ms.count))
            p50Ms = ms.isEmpty ? 0 : quantile(ms, 0.5)
            p95Ms = ms.isEmpty ? 0 : quantile(ms, 0.95)
        }
    }

    public var queries: Int
    public var k: Int
    /// The approximate search audited, e.g. `hnsw (m=16, ef_construction=64) ef_search=40`.
    public var settings: String
    public var recall: Double
    public var ciLow: Double
    public var ciHigh: Double
    public var exact: Latency
    public var approximate: Latency
    /// Per-query recall@k, in query order.
    public var perQuery: [Double]

    /// Audit `settings` on `store` with each row of `queries` (`[n, dimension]`).
    public static func run(store: IndexStore, queries: Tensor, k: Int, settings: ApproximateSearch,
                           test: PairedTest = PairedTest()) throws -> RecallAudit {
        let n = queries.rank == 1 ? 1 : queries.shape[0], d = queries.cols
        guard n > 0 else { throw AttuneError.invalid("the recall audit needs at least one query") }
        let kk = min(k, store.count)
        guard kk > 0 else { throw AttuneError.invalid("\(store.location) is empty: nothing to audit") }
        var recalls: [Double] = [], exactTimes: [Double] = [], approxTimes: [Double] = []
        for i in 0..<n {
            let q = Tensor(Array(UnsafeBufferPointer(start: queries.data + i * d, count: d)), shape: [1, d])
            var t0 = DispatchTime.now().uptimeNanoseconds
            let exact = try store.search(q, k: kk)[0]
            exactTimes.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            t0 = DispatchTime.now().uptimeNanoseconds
            let approx = try store.search(q, SearchRequest(k: kk, approximate: settings))[0]
            approxTimes.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            recalls.append(recall(approx, exact))
        }
        let mean = recalls.reduce(0, +) / Double(n)
        var (low, high) = (mean, mean)
        if n >= 2 && recalls.contains(where: { $0 != mean }) {
            var rng = SplitMix64(seed: test.seed)
            (low, high) = test.bootstrapCI(recalls, rng: &rng)
        }
        return RecallAudit(queries: n, k: kk, settings: settings.description, recall: mean, ciLow: low, ciHigh: high,
                           exact: Latency(exactTimes), approximate: Latency(approxTimes), perQuery: recalls)
    }

    /// Recall@k of `approximate` against `exact` (best first), ties counted: an approximate hit is
    /// correct when it scores at least the exact k-th score (less 1e-6), as ann-benchmarks counts it,
    /// so a document tied with the k-th is not a miss.
    public static func recall(_ approximate: [Hit], _ exact: [Hit]) -> Double {
        guard let kth = exact.last?.score else { return 1 }
        let correct = approximate.prefix(exact.count).filter { $0.score >= kth - 1e-6 }.count
        return Double(correct) / Double(exact.count)
    }

    /// `count` rows of `matrix` drawn without replacement (seeded): queries for an audit when the
    /// user gives none (each is then its own nearest neighbour in both searches).
    public static func draw(_ count: Int, from matrix: Tensor, seed: UInt64) -> Tensor {
        let rows = matrix.shape[0], d = matrix.cols
        var order = Array(0..<rows)
        var rng = SplitMix64(seed: seed)
        order.shuffle(using: &rng)
        let picked = order.prefix(min(count, rows))
        let out = Tensor(zeros: [picked.count, d])
        for (r, i) in picked.enumerated() { (out.data + r * d).update(from: matrix.data + i * d, count: d) }
        return out
    }

    /// A few lines for a terminal.
    public func table() -> String {
        let speedup = approximate.meanMs > 0 ? exact.meanMs / approximate.meanMs : 0
        return [
            "recall audit: \(queries) queries, top \(k), \(settings)",
            String(format: "recall@%d      %.4f  95%% CI [%.4f, %.4f]", k, recall, ciLow, ciHigh),
            String(format: "exact         %.2f ms/query (p50 %.2f, p95 %.2f)", exact.meanMs, exact.p50Ms, exact.p95Ms),
            String(format: "approximate   %.2f ms/query (p50 %.2f, p95 %.2f), %.1f× faster", approximate.meanMs,
                   approximate.p50Ms, approximate.p95Ms, speedup),
        ].joined(separator: "\n")
    }
}

import AttuneData
import Foundation

/// One model's evaluation: its metrics and what it ranked.
public struct ModelResult: Sendable {
    /// Display name (e.g. "base", "adapted").
    public var name: String
    public var metrics: RunMetrics
    /// Query id → the model's ranking, best first (at least the top few, for the report).
    public var topDocs: [String: [String]]
    /// For a reranked row ("M + CE"): the name of the model M whose candidates it reorders, which
    /// the report compares it with (`EvalReport.rerankComparisons`); nil for a retriever.
    public var retriever: String?

    public init(name: String, metrics: RunMetrics, topDocs: [String: [String]], retriever: String? = nil) {
        self.name = name
        self.metrics = metrics
        self.topDocs = topDocs
        self.retriever = retriever
    }

    /// Evaluate `ranked` (query id → documents, best first) against `qrels`, keeping the top
    /// `keep` documents per query for the report.
    public init(name: String, ranked: [String: [String]], qrels: Qrels, keep: Int = 10, retriever: String? = nil) {
        self.init(name: name, metrics: evaluate(ranked: ranked, qrels: qrels),
                  topDocs: ranked.mapValues { Array($0.prefix(keep)) }, retriever: retriever)
    }
}

/// One later model against the first, on every metric.
public struct ModelComparison: Sendable {
    public var base: String
    public var model: String
    /// One paired comparison per metric, in `MetricName.all` order.
    public var metrics: [PairedComparison]

    /// The comparison on one metric.
    public func on(_ metric: String) -> PairedComparison? { metrics.first { $0.metric == metric } }
}

/// Several models evaluated on the same queries, each later one compared with the first.
public struct EvalReport: Sendable {
    public var models: [ModelResult]
    /// `models[i]` vs `models[0]` for i ≥ 1.
    public var comparisons: [ModelComparison]
    /// Each reranked row (a model with a `retriever`) vs that retriever, in model order: what the
    /// reranker adds to the candidates it was given. `base` is the retriever's name.
    public var rerankComparisons: [ModelComparison]
    /// Problems a reader must see (worse model, degenerate tests, mismatched queries).
    public var warnings: [String]
    /// Relevant documents, to mark hits in the HTML report (optional).
    public var qrels: Qrels?
    public var test: PairedTest
    /// The set's name when it is not the main one (e.g. "guard"): it prefixes every warning.
    public var setName: String?

    /// Build the comparisons and warnings. `extraWarnings` (e.g. from `QrelsReport`) come first.
    /// With a `setName` (a guard set), warnings name the set. A reranked row is compared with the
    /// first model and with its own retriever (the first earlier model of that name without a
    /// retriever); a reranked row worse than its retriever on nDCG@10 gets a warning too.
    public init(models: [ModelResult], qrels: Qrels? = nil, test: PairedTest = PairedTest(),
                extraWarnings: [String] = [], setName: String? = nil) {
        self.models = models
        self.qrels = qrels
        self.test = test
        self.setName = setName
        var warnings = extraWarnings.map { w in setName.map { "\($0) set: \(w)" } ?? w }
        let onSet = setName.map { " on the \($0) set" } ?? ""
        var comparisons: [ModelComparison] = []
        for m in models where m.metrics.queries == 0 {
            warnings.append("WARNING: model \(m.name) was evaluated on 0 queries\(setName.map { " of the \($0) set" } ?? "") (do the query ids match the qrels?)")
        }
        if let base = models.first {
            for other in models.dropFirst() {
                let baseQ = Set(base.metrics.perQuery.keys), otherQ = Set(other.metrics.perQuery.keys)
                if baseQ != otherQ {
                    warnings.append("WARNING: \(other.name) and \(base.name) were evaluated on different queries\(onSet) "
                        + "(\(otherQ.count) vs \(baseQ.count)); compared on the \(baseQ.intersection(otherQ).count) they share")
                }
                let stats = MetricName.all.map { metric in
                    test.compare(metric: metric, base: base.metrics.values(of: metric),
                                 other: other.metrics.values(of: metric), baseName: base.name, otherName: other.name)
                }
                let cmp = ModelComparison(base: base.name, model: other.name, metrics: stats)
                comparisons.append(cmp)
                if let n = cmp.on(MetricName.ndcg10) {
                    if let why = n.degenerate {
                        warnings.append("WARNING: \(other.name) vs \(base.name) on nDCG@10\(onSet) is degenerate: \(why)")
                    }
                    if n.meanDifference < 0 {
                        warnings.append("WARNING: \(other.retriever == nil ? "adapted model" : "reranked") \(other.name) is WORSE than base \(base.name) on nDCG@10\(onSet): "
                            + "\(fmt(n.baseMean)) → \(fmt(n.otherMean)) (Δ \(signed(n.meanDifference)), "
                            + "95% CI [\(signed(n.ciLow)), \(signed(n.ciHigh))], p = \(pfmt(n.pValue)))")
                    }
                }
            }
        }
        var reranked: [ModelComparison] = []
        for (i, row) in models.enumerated() {
            guard let r = row.retriever, let base = models[..<i].first(where: { $0.name == r && $0.retriever == nil }) else { continue }
            let stats = MetricName.all.map { metric in
                test.compare(metric: metric, base: base.metrics.values(of: metric),
                             other: row.metrics.values(of: metric), baseName: base.name, otherName: row.name)
            }
            let cmp = ModelComparison(base: base.name, model: row.name, metrics: stats)
            reranked.append(cmp)
            // Against the first model, the comparison above already warned.
            guard base.name != models[0].name, let n = cmp.on(MetricName.ndcg10) else { continue }
            if let why = n.degenerate {
                warnings.append("WARNING: \(row.name) vs its retriever \(base.name) on nDCG@10\(onSet) is degenerate: \(why)")
            }
            if n.meanDifference < 0 {
                warnings.append("WARNING: reranked \(row.name) is WORSE than its retriever \(base.name) on nDCG@10\(onSet): "
                    + "\(fmt(n.baseMean)) → \(fmt(n.otherMean)) (Δ \(signed(n.meanDifference)), "
                    + "95% CI [\(signed(n.ciLow)), \(signed(n.ciHigh))], p = \(pfmt(n.pValue)))")
            }
        }
        self.comparisons = comparisons
        self.rerankComparisons = reranked
        self.warnings = warnings
    }

    /// The rerank comparisons not already among `comparisons` (a reranked first model's row vs
    /// the first model is both): the extra "Δ M + CE vs M" columns of the tables and charts.
    public var extraComparisons: [ModelComparison] {
        rerankComparisons.filter { $0.base != models.first?.name }
    }

    /// A fixed-width terminal table: one row per metric, one column per model, then for each
    /// later model its difference from the first with 95% CI and p-value. Warnings follow.
    public func table() -> String { table(guardSet: nil) }

    /// With a guard set (the same models evaluated on data from outside the domain): this set's
    /// table, the guard set's, then nDCG@10 on both side by side — each model's difference from
    /// the first with its 95% CI and queries won/tied/lost — then the warnings of both.
    public func table(guardSet g: EvalReport?) -> String {
        var lines = metricLines()
        if let g {
            lines = ["in-domain set"] + lines + ["", "\(g.setName ?? "guard") set"] + g.metricLines() + [""] + sideBySide(g)
        }
        lines += warnings + (g?.warnings ?? [])
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    /// nDCG@10 of each model on this set and on `g`, with each later model's change from the first.
    func sideBySide(_ g: EvalReport) -> [String] {
        let name = g.setName ?? "guard"
        func cells(_ r: EvalReport, _ i: Int) -> (String, String, String) {
            let mean = i < r.models.count ? fmt(r.models[i].metrics.mean[MetricName.ndcg10] ?? 0) : "-"
            guard i >= 1, i - 1 < r.comparisons.count, let c = r.comparisons[i - 1].on(MetricName.ndcg10) else { return (mean, "", "") }
            let note = c.degenerate != nil ? " (degenerate)" : (c.significant ? " *" : "")
            return (mean, "\(signed(c.meanDifference)) [\(signed(c.ciLow)), \(signed(c.ciHigh))]\(note)", "\(c.wins) / \(c.ties) / \(c.losses)")
        }
        var rows = [["nDCG@10", "in-domain", "Δ [95% CI]", "won / tied / lost", name, "Δ [95% CI]", "won / tied / lost"]]
        for (i, m) in models.enumerated() {
            let a = cells(self, i), b = cells(g, i)
            rows.append([m.name, a.0, a.1, a.2, b.0, b.1, b.2])
        }
        // Each reranked row against its own retriever (the same rows on both sets).
        func extra(_ r: EvalReport, _ j: Int) -> (String, String, String) {
            guard j < r.extraComparisons.count, let c = r.extraComparisons[j].on(MetricName.ndcg10) else { return ("-", "", "") }
            let note = c.degenerate != nil ? " (degenerate)" : (c.significant ? " *" : "")
            return (fmt(c.otherMean), "\(signed(c.meanDifference)) [\(signed(c.ciLow)), \(signed(c.ciHigh))]\(note)", "\(c.wins) / \(c.ties) / \(c.losses)")
        }
        for (j, cmp) in extraComparisons.enumerated() {
            let a = extra(self, j), b = extra(g, j)
            rows.append(["\(cmp.model) vs \(cmp.base)", a.0, a.1, a.2, b.0, b.1, b.2])
        }
        let widths = (0..<7).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = rows.map { r in
            r.enumerated().map { c, v in c == 1 || c == 4 ? v.leftPadded(widths[c]) : v.rightPadded(widths[c]) }.joined(separator: "  ")
        }
        out.insert(String(repeating: "-", count: out[0].count), at: 1)
        return out
    }

    /// The table's lines without the warnings.
    func metricLines() -> [String] {
        let metricW = max(10, MetricName.all.map(\.count).max()!)
        let colW = max(8, models.map(\.name.count).max() ?? 0)
        var header = "metric".rightPadded(metricW)
        for m in models { header += "  " + m.name.leftPadded(colW) }
        let extras = Set(comparisons.count..<(comparisons.count + extraComparisons.count))
        let deltas = (comparisons + extraComparisons).map { cmp in
            (cmp, MetricName.all.map { metric -> String in
                guard let c = cmp.on(metric) else { return "" }
                let note = c.degenerate != nil ? " (degenerate)" : (c.significant ? " *" : "")
                return "\(signed(c.meanDifference)) [\(signed(c.ciLow)), \(signed(c.ciHigh))] p=\(pfmt(c.pValue))\(note)"
            })
        }
        let label = { (i: Int, c: ModelComparison) in extras.contains(i) ? "Δ \(c.model) vs \(c.base)" : "Δ \(c.model)" }
        let deltaW = deltas.enumerated().map { i, pair in max(pair.1.map(\.count).max() ?? 0, label(i, pair.0).count + 2) }
        for (i, pair) in deltas.enumerated() { header += "  " + label(i, pair.0).rightPadded(deltaW[i]) }
        var lines = [header, String(repeating: "-", count: header.count)]
        for (r, metric) in MetricName.all.enumerated() {
            var line = metric.rightPadded(metricW)
            for m in models { line += "  " + fmt(m.metrics.mean[metric] ?? 0).leftPadded(colW) }
            for (i, pair) in deltas.enumerated() { line += "  " + pair.1[r].rightPadded(deltaW[i]) }
            lines.append(line)
        }
        var qline = "queries".rightPadded(metricW)
        for m in models { qline += "  " + String(m.metrics.queries).leftPadded(colW) }
        for (i, pair) in deltas.enumerated() {
            let c = pair.0.on(MetricName.ndcg10)
            let wtl = c.map { "won \($0.wins) / tied \($0.ties) / lost \($0.losses)" } ?? ""
            qline += "  " + wtl.rightPadded(deltaW[i])
        }
        lines.append(qline)
        if !comparisons.isEmpty {
            lines.append("Δ: mean per-query difference vs \(models[0].name), paired bootstrap 95% CI (\(test.resamples) resamples), "
                + "two-sided sign-flip randomisation p; * significant at 5%")
        }
        if !extras.isEmpty {
            lines.append("Δ M + reranker vs M: the reranked row against its own retriever M (the same statistics)")
        }
        return lines
    }

    /// Everything above as JSON with sorted keys: `models[i].metrics` holds the means,
    /// `models[i].per_query` the per-query values, `comparisons[j].metrics[name]` the statistics.
    /// With reranked rows: `models[i].retriever` names a reranked row's retriever and
    /// `rerank_comparisons` (same shape as `comparisons`) holds each reranked row vs it.
    public func json() -> Data { json(guardSet: nil) }

    /// As `json()`, with the guard set's models, comparisons and warnings under `guard` (same
    /// shape) and its warnings also in the top-level `warnings`.
    public func json(guardSet g: EvalReport?) -> Data {
        let doc = JSONReport(
            models: jsonModels, comparisons: jsonComparisons, rerank_comparisons: jsonRerankComparisons,
            warnings: warnings + (g?.warnings ?? []), resamples: test.resamples, seed: test.seed,
            guard: g.map { JSONReport.Guard(name: $0.setName ?? "guard", models: $0.jsonModels,
                                            comparisons: $0.jsonComparisons, rerank_comparisons: $0.jsonRerankComparisons,
                                            warnings: $0.warnings) })
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted]
        // Every value is finite by construction, so encoding cannot fail.
        return try! enc.encode(doc)
    }
}

extension EvalReport {
    var jsonModels: [JSONReport.Model] {
        models.map { m in
            .init(name: m.name, queries: m.metrics.queries, metrics: m.metrics.mean, per_query: m.metrics.perQuery, retriever: m.retriever)
        }
    }
    var jsonComparisons: [JSONReport.Comparison] { EvalReport.json(comparisons) }
    /// nil (the key left out) when no row is reranked.
    var jsonRerankComparisons: [JSONReport.Comparison]? { rerankComparisons.isEmpty ? nil : EvalReport.json(rerankComparisons) }
    static func json(_ list: [ModelComparison]) -> [JSONReport.Comparison] {
        list.map { c in
            .init(base: c.base, model: c.model, metrics: Dictionary(uniqueKeysWithValues: c.metrics.map { ($0.metric, $0) }))
        }
    }
}

/// The JSON document's shape (keys are the output's keys).
struct JSONReport: Encodable {
    struct Guard: Encodable {
        var name: String
        var models: [Model]
        var comparisons: [Comparison]
        var rerank_comparisons: [Comparison]?
        var warnings: [String]
    }
    struct Model: Encodable {
        var name: String
        var queries: Int
        var metrics: [String: Double]
        var per_query: [String: [String: Double]]
        /// A reranked row's retriever (absent for a retriever).
        var retriever: String?
    }
    struct Comparison: Encodable {
        var base: String
        var model: String
        var metrics: [String: PairedComparison]
    }
    var models: [Model]
    var comparisons: [Comparison]
    /// Each reranked row vs its own retriever (absent without a reranker).
    var rerank_comparisons: [Comparison]?
    var warnings: [String]
    var resamples: Int
    var seed: UInt64
    /// The guard set, when one was evaluated (absent otherwise).
    var `guard`: Guard?
}

// Number formatting shared by the table, the warnings and the HTML report.
func fmt(_ x: Double) -> String { String(format: "%.4f", x) }
func signed(_ x: Double) -> String { String(format: "%+.4f", abs(x) < 5e-5 ? 0 : x) }
func pfmt(_ p: Double) -> String { p < 0.001 ? String(format: "%.1e", p) : String(format: "%.3f", p) }

extension String {
    func rightPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

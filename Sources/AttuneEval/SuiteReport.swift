import AttuneData
import Foundation

extension SuiteEvaluation {
    /// One row of the summary: a later model against the first on one set, on nDCG@10, or a
    /// reranked row ("M + CE") against its own retriever M.
    public struct Change: Sendable {
        public var set: String
        public var role: SuiteRole
        public var model: String
        /// What `model` is compared with: the first model, or a reranked row's retriever.
        public var base: String
        /// True for a reranked row against its own retriever.
        public var versusRetriever: Bool
        public var comparison: PairedComparison
        /// A mean loss (any size).
        public var isLoss: Bool { comparison.meanDifference < 0 }
        /// A loss whose CI lies below 0 (and p < 0.05).
        public var isSignificantLoss: Bool { isLoss && comparison.significant && comparison.degenerate == nil }
    }

    /// Every later model against the first on every set (nDCG@10), then each reranked row against
    /// its own retriever where that is not the first model (`EvalReport.extraComparisons`), in suite order.
    public var changes: [Change] {
        sets.flatMap { s in
            s.report.comparisons.compactMap { c in
                c.on(MetricName.ndcg10).map { Change(set: s.set.name, role: s.set.role, model: c.model, base: c.base, versusRetriever: false, comparison: $0) }
            } + s.report.extraComparisons.compactMap { c in
                c.on(MetricName.ndcg10).map { Change(set: s.set.name, role: s.set.role, model: c.model, base: c.base, versusRetriever: true, comparison: $0) }
            }
        }
    }

    /// The reranked rows compared with their own retrievers, as (row, retriever), in model order:
    /// the extra columns of the summary (every set has the same rows).
    var extraColumns: [(model: String, base: String)] {
        (sets.first?.report.extraComparisons ?? []).map { ($0.model, $0.base) }
    }

    /// The loud warnings: one per significant loss on a set outside `domain` (an adaptation must
    /// keep serving its users, the other collections and general data).
    public var lossWarnings: [String] {
        changes.filter { $0.role != .domain && $0.isSignificantLoss }.map { ch in
            let c = ch.comparison
            let versus = ch.versusRetriever ? " against its retriever \(ch.base)" : ""
            return "WARNING: \(ch.model) LOSES\(versus) on \(ch.set) (\(ch.role.rawValue)): nDCG@10 \(fmt(c.baseMean)) → \(fmt(c.otherMean)), "
                + "Δ \(signed(c.meanDifference)) [\(signed(c.ciLow)), \(signed(c.ciHigh))], p = \(pfmt(c.pValue)), "
                + "lost \(c.losses) / won \(c.wins) queries — significant, outside the domain"
        }
    }

    /// Every set's warnings (qrels problems, worse models), then the loud ones.
    public var warnings: [String] { sets.flatMap(\.report.warnings) + lossWarnings }

    /// The summary (sets × models: nDCG@10, each later model's Δ with its 95% CI, won/tied/lost,
    /// `*` significant, `▼` a loss), each set's full metric table, then every warning.
    public func table() -> String {
        let extra = extraColumns
        var rows = [["set", "role", "queries"] + models + models.dropFirst().flatMap { ["Δ \($0) [95% CI]", "won / tied / lost"] }
                    + extra.flatMap { ["Δ \($0.model) vs \($0.base) [95% CI]", "won / tied / lost"] }]
        for s in sets {
            var row = [s.set.name, s.set.role.rawValue, String(s.benchmark.queries.count)]
            row += s.report.models.map { fmt($0.metrics.mean[MetricName.ndcg10] ?? 0) }
            for cmp in s.report.comparisons + s.report.extraComparisons {
                guard let c = cmp.on(MetricName.ndcg10) else { row += ["", ""]; continue }
                let mark = (c.meanDifference < 0 ? " ▼" : "") + (c.degenerate != nil ? " (degenerate)" : (c.significant ? " *" : ""))
                row += ["\(signed(c.meanDifference)) [\(signed(c.ciLow)), \(signed(c.ciHigh))]\(mark)", "\(c.wins) / \(c.ties) / \(c.losses)"]
            }
            rows.append(row)
        }
        let widths = (0..<rows[0].count).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        let numeric = Set(3..<(3 + models.count))
        var lines = ["nDCG@10 on \(sets.count) set\(sets.count == 1 ? "" : "s") of \(suite.source)"]
        lines += rows.map { r in
            r.enumerated().map { c, v in numeric.contains(c) || c == 2 ? v.leftPadded(widths[c]) : v.rightPadded(widths[c]) }
                .joined(separator: "  ")
        }
        lines.insert(String(repeating: "-", count: lines[1].count), at: 2)
        if models.count > 1 {
            lines.append("Δ: mean per-query difference vs \(models[0]), paired bootstrap 95% CI (\(test.resamples) resamples); "
                         + "* significant at 5%; ▼ a loss")
        }
        if !extra.isEmpty { lines.append("Δ M + reranker vs M: the reranked row against its own retriever M (the same statistics)") }
        for s in sets {
            lines += ["", "\(s.set.name) set (\(s.set.role.rawValue))"] + s.report.metricLines()
        }
        let w = warnings
        if !w.isEmpty { lines += [""] + w }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    /// Everything as one JSON document with sorted keys: `sets[i]` has the set's name, role,
    /// files, and its `models`, `comparisons` and `warnings` in `attune eval --json`'s shape;
    /// `summary` has one row per later model and set (nDCG@10 Δ, CI, p, won/tied/lost; `base`
    /// the model it is compared with), then one per reranked row and set against its own
    /// retriever where that is not the first model (`versus_retriever` true);
    /// `warnings` every set's and the loud ones.
    public func json() -> Data {
        let doc = SuiteJSON(
            suite: suite.source, models: models, resamples: test.resamples, seed: test.seed,
            sets: sets.map { s in
                .init(name: s.set.name, role: s.set.role.rawValue, corpus: s.set.corpus.path, queries: s.set.queries.path,
                      qrels: s.set.qrels.path, graded: s.benchmark.qrels.isGraded, models: s.report.jsonModels,
                      comparisons: s.report.jsonComparisons, warnings: s.report.warnings)
            },
            summary: changes.map { ch in
                let c = ch.comparison
                return .init(set: ch.set, role: ch.role.rawValue, model: ch.model, base: ch.base, versus_retriever: ch.versusRetriever, base_ndcg10: c.baseMean, ndcg10: c.otherMean,
                             delta: c.meanDifference, ci_low: c.ciLow, ci_high: c.ciHigh, p: c.pValue, significant: c.significant,
                             wins: c.wins, ties: c.ties, losses: c.losses)
            },
            warnings: warnings)
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .prettyPrinted]
        // Every value is finite by construction, so encoding cannot fail.
        return try! enc.encode(doc)
    }

    /// One self-contained HTML page: the loud warnings, a forest plot (one row per set grouped by
    /// role, each later model's Δ nDCG@10 with its 95% CI), the summary table, then each set's
    /// section (metrics, statistics, per-query changes, the queries that gained and lost most).
    public func html() -> String {
        var h = EvalReport.pageHead(title: "Attune suite evaluation")
        h += "<p>Suite: \(htmlEscape(suite.source)). Models: \(models.map(htmlEscape).joined(separator: ", ")); "
            + "each later model is compared with \(htmlEscape(models[0])) on each set. Statistics: paired bootstrap 95% CI "
            + "(\(test.resamples) resamples, percentile) and two-sided sign-flip randomisation test, seed \(test.seed).</p>\n"
        for w in lossWarnings { h += "<div class=\"loud\">\(htmlEscape(w))</div>\n" }
        let ordered = SuiteRole.allCases.flatMap { role in sets.filter { $0.set.role == role } }
        if models.count > 1 {
            let rows = ordered.map { s in
                (set: s.set.name, role: s.set.role.rawValue,
                 models: s.report.comparisons.compactMap { c in c.on(MetricName.ndcg10).map { (name: c.model, delta: $0.meanDifference, low: $0.ciLow, high: $0.ciHigh) } }
                    + s.report.extraComparisons.compactMap { c in
                        c.on(MetricName.ndcg10).map { (name: "\(c.model) vs \(c.base)", delta: $0.meanDifference, low: $0.ciLow, high: $0.ciHigh) }
                    })
            }
            let extra = extraColumns
            h += SVGCharts.forestPlot(rows, models: Array(models.dropFirst()) + extra.map { "\($0.model) vs \($0.base)" },
                                      title: "Change in nDCG@10 vs \(models[0])\(extra.isEmpty ? "" : " (reranked rows also vs their own retriever)"), 95% CI, by set")
        }
        h += "<h2>Summary (nDCG@10)</h2>\n" + summaryTable(ordered)
        for w in sets.flatMap(\.report.warnings) { h += "<div class=\"warn\">\(htmlEscape(w))</div>\n" }
        for (i, s) in ordered.enumerated() {
            let docs = s.benchmark.documents
            h += "<h2 id=\"set-\(i)\" style=\"border-bottom:3px solid #333\">Set \(htmlEscape(s.set.name)) "
                + "(\(s.set.role.rawValue), \(s.benchmark.queries.count) queries, \(s.benchmark.corpus.count) documents"
                + "\(s.benchmark.qrels.isGraded ? ", graded qrels" : ""))</h2>\n"
            h += s.report.detailSections(queries: s.benchmark.queryText, docs: { id in docs[id].map { (title: $0.title, text: $0.text) } },
                                         qualifier: "\(s.set.name) set", perQueryQualifier: "\(s.set.name) set")
        }
        return h + "</body></html>\n"
    }

    /// Write `html()` to `url` atomically.
    public func writeHTML(to url: URL) throws { try atomicWrite(Data(html().utf8), to: url) }

    private func summaryTable(_ ordered: [SetEvaluation]) -> String {
        var t = "<table><tr><th>set</th><th>role</th><th>queries</th>" + models.map { "<th>\(htmlEscape($0))</th>" }.joined()
            + models.dropFirst().map { "<th>Δ \(htmlEscape($0)) [95% CI]</th><th>won / tied / lost</th>" }.joined()
            + extraColumns.map { "<th>Δ \(htmlEscape($0.model)) vs \(htmlEscape($0.base)) [95% CI]</th><th>won / tied / lost</th>" }.joined() + "</tr>\n"
        for (i, s) in ordered.enumerated() {
            t += "<tr><td><a href=\"#set-\(i)\">\(htmlEscape(s.set.name))</a></td><td>\(s.set.role.rawValue)</td>"
                + "<td class=\"num\">\(s.benchmark.queries.count)</td>"
                + s.report.models.map { "<td class=\"num\">\(fmt($0.metrics.mean[MetricName.ndcg10] ?? 0))</td>" }.joined()
            for cmp in s.report.comparisons + s.report.extraComparisons {
                guard let c = cmp.on(MetricName.ndcg10) else { t += "<td></td><td></td>"; continue }
                let cls = c.meanDifference > 0 ? "up" : (c.meanDifference < 0 ? "down" : "muted")
                let mark = (c.meanDifference < 0 ? " ▼" : "") + (c.degenerate != nil ? " (degenerate)" : (c.significant ? " *" : ""))
                t += "<td class=\"num \(cls)\">\(signed(c.meanDifference)) [\(signed(c.ciLow)), \(signed(c.ciHigh))]\(mark)</td>"
                    + "<td class=\"num\">\(c.wins) / \(c.ties) / \(c.losses)</td>"
            }
            t += "</tr>\n"
        }
        return t + "</table>\n<p class=\"muted\">* significant at 5% (paired bootstrap CI excludes 0 and randomisation p &lt; 0.05); ▼ a loss.</p>\n"
    }
}

/// The suite JSON's shape (keys are the output's keys).
private struct SuiteJSON: Encodable {
    struct Set: Encodable {
        var name: String
        var role: String
        var corpus: String
        var queries: String
        var qrels: String
        var graded: Bool
        var models: [JSONReport.Model]
        var comparisons: [JSONReport.Comparison]
        var warnings: [String]
    }
    struct Row: Encodable {
        var set: String
        var role: String
        var model: String
        var base: String
        var versus_retriever: Bool
        var base_ndcg10: Double
        var ndcg10: Double
        var delta: Double
        var ci_low: Double
        var ci_high: Double
        var p: Double
        var significant: Bool
        var wins: Int
        var ties: Int
        var losses: Int
    }
    var suite: String
    var models: [String]
    var resamples: Int
    var seed: UInt64
    var sets: [Set]
    var summary: [Row]
    var warnings: [String]
}

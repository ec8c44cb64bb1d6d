import AttuneCore
import AttuneData
import Foundation

extension EvalReport {
    /// One self-contained HTML page (inline CSS and SVG, no scripts, no external assets): the
    /// metrics side by side, the statistics, and — with two or more models — a histogram of
    /// per-query nDCG@10 changes (model 2 − model 1) and the 10 queries that gained and lost
    /// most, each with its text and top answers before and after. All text is HTML-escaped.
    ///
    /// - Parameters:
    ///   - queries: query id → query text.
    ///   - docs: document id → title and text, or nil when unknown.
    ///   - guardSet: the same models on a set from outside the domain: shown side by side with
    ///     this one (nDCG@10 change with CI and won/tied/lost, as a table and a chart), then in
    ///     its own section; its warnings join the page's.
    public func html(queries: [String: String], docs: (String) -> (title: String, text: String)?,
                     guardSet: EvalReport? = nil) -> String {
        var h = EvalReport.pageHead(title: "Attune retrieval evaluation")
        let names = models.map { htmlEscape($0.name) }.joined(separator: ", ")
        h += "<p>Models: \(names). Queries evaluated: \(models.map { String($0.metrics.queries) }.joined(separator: " / ")). "
        h += "Statistics: paired bootstrap 95% CI (\(test.resamples) resamples, percentile) and two-sided sign-flip "
        h += "randomisation test, seed \(test.seed).</p>\n"
        if let g = guardSet {
            h += "<p>Guard set (\(htmlEscape(g.setName ?? "guard"))): queries evaluated \(g.models.map { String($0.metrics.queries) }.joined(separator: " / ")).</p>\n"
        }
        for w in warnings + (guardSet?.warnings ?? []) { h += "<div class=\"warn\">\(htmlEscape(w))</div>\n" }

        if let g = guardSet { h += sideBySideSection(g) }
        h += detailSections(queries: queries, docs: docs, qualifier: guardSet == nil ? nil : "in-domain set")
        if let g = guardSet { h += guardSection(g) }
        return h + "</body></html>\n"
    }

    /// The page's head and title: inline CSS, no scripts.
    static func pageHead(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>\(htmlEscape(title))</title>
        <style>
        body{font-family:sans-serif;margin:24px auto;max-width:1100px;color:#222;line-height:1.4}
        h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
        table{border-collapse:collapse;margin:8px 0;font-size:13px}
        th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}
        th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .warn{background:#fde8e8;border:2px solid #e15759;padding:8px 12px;font-weight:bold;margin:6px 0}
        .up{color:#2e7d32}.down{color:#c62828}.muted{color:#777}
        ol.docs{margin:0;padding-left:18px}ol.docs li{margin-bottom:4px}
        .rel{background:#e6f4ea}.snip{color:#555;font-size:12px}
        .loud{background:#c62828;color:#fff;border:3px solid #7f0000;padding:10px 14px;font-weight:bold;font-size:15px;margin:8px 0}
        </style></head><body>
        <h1>\(htmlEscape(title))</h1>

        """
    }

    /// One set's detail: the metrics side by side with a chart, the statistics, and with two or
    /// more models the histogram of per-query nDCG@10 changes and the queries that gained and
    /// lost most. `qualifier` ("in-domain set", "users set · users") follows the Metrics and
    /// Statistics headings, `perQueryQualifier` the per-query one; `anchor` is the first heading's id.
    func detailSections(queries: [String: String], docs: (String) -> (title: String, text: String)?,
                        qualifier: String?, perQueryQualifier: String? = nil, anchor: String? = nil) -> String {
        var h = "<h2\(anchor.map { " id=\"\($0)\"" } ?? "")>Metrics\(qualifier.map { " (\($0))" } ?? "")</h2>\n" + meansTable()
        h += SVGCharts.groupedBars(groups: MetricName.all,
                                   series: models.map { m in (m.name, MetricName.all.map { m.metrics.mean[$0] ?? 0 }) },
                                   title: "Mean metrics per model")
        if !comparisons.isEmpty {
            h += "<h2>Statistics (\(qualifier.map { "\($0), " } ?? "")each model vs \(htmlEscape(models[0].name)))</h2>\n" + statisticsTable()
        }
        h += rerankStatistics(qualifier: qualifier)

        if models.count >= 2 {
            let before = models[0], after = models[1]
            let b = before.metrics.values(of: MetricName.ndcg10), a = after.metrics.values(of: MetricName.ndcg10)
            let changes = Set(b.keys).intersection(a.keys).map { (qid: $0, delta: a[$0]! - b[$0]!) }
                .sorted { ($0.delta, $0.qid) < ($1.delta, $1.qid) }
            h += "<h2>Per-query change in nDCG@10\(perQueryQualifier.map { " on the \($0)" } ?? "") (\(htmlEscape(after.name)) − \(htmlEscape(before.name)))</h2>\n"
            h += SVGCharts.changeHistogram(changes.map(\.delta),
                                           title: "\(after.name) − \(before.name): nDCG@10 change per query")
            let gained = Array(changes.reversed().prefix { $0.delta > 1e-12 }.prefix(10))
            let lost = Array(changes.prefix { $0.delta < -1e-12 }.prefix(10))
            h += "<h2>Top \(gained.count) queries that gained</h2>\n"
            h += queryTable(gained, before: before, after: after, queries: queries, docs: docs)
            h += "<h2>Top \(lost.count) queries that lost</h2>\n"
            h += queryTable(lost, before: before, after: after, queries: queries, docs: docs)
        }
        return h
    }

    /// Write `html(queries:docs:guardSet:)` to `url` atomically.
    public func writeHTML(to url: URL, queries: [String: String],
                          docs: (String) -> (title: String, text: String)?, guardSet: EvalReport? = nil) throws {
        try atomicWrite(Data(html(queries: queries, docs: docs, guardSet: guardSet).utf8), to: url)
    }

    /// nDCG@10 on this set and the guard set: a table (mean, Δ with CI, won/tied/lost per set)
    /// and a chart of each Δ with its CI.
    private func sideBySideSection(_ g: EvalReport) -> String {
        let name = htmlEscape(g.setName ?? "guard")
        var t = "<h2>In-domain and \(name) set side by side (nDCG@10)</h2>\n"
        t += "<p>The \(name) set is data from outside the domain that the adapted model should not get worse at. "
            + "Each later model is compared with \(htmlEscape(models[0].name)) on each set.</p>\n"
        t += "<table><tr><th rowspan=\"2\">model</th><th colspan=\"3\">in-domain</th><th colspan=\"3\">\(name)</th></tr>\n"
            + "<tr><th>nDCG@10</th><th>Δ [95% CI]</th><th>won / tied / lost</th>"
            + "<th>nDCG@10</th><th>Δ [95% CI]</th><th>won / tied / lost</th></tr>\n"
        // Three cells: a mean, then its Δ [95% CI] (marked) and won/tied/lost.
        func compared(_ mean: String, _ c: PairedComparison) -> String {
            let cls = c.meanDifference > 0 ? "up" : (c.meanDifference < 0 ? "down" : "muted")
            let note = c.degenerate != nil ? " (degenerate)" : (c.significant ? " *" : "")
            return "<td class=\"num\">\(mean)</td><td class=\"num \(cls)\">\(signed(c.meanDifference)) [\(signed(c.ciLow)), \(signed(c.ciHigh))]\(note)</td>"
                + "<td class=\"num\">\(c.wins) / \(c.ties) / \(c.losses)</td>"
        }
        func cells(_ r: EvalReport, _ i: Int) -> String {
            let mean = i < r.models.count ? fmt(r.models[i].metrics.mean[MetricName.ndcg10] ?? 0) : "-"
            guard i >= 1, i - 1 < r.comparisons.count, let c = r.comparisons[i - 1].on(MetricName.ndcg10) else {
                return "<td class=\"num\">\(mean)</td><td class=\"muted\">baseline</td><td></td>"
            }
            return compared(mean, c)
        }
        for (i, m) in models.enumerated() {
            t += "<tr><td>\(htmlEscape(m.name))</td>\(cells(self, i))\(cells(g, i))</tr>\n"
        }
        // Each reranked row against its own retriever (the same rows on both sets).
        func extra(_ r: EvalReport, _ j: Int) -> String {
            guard j < r.extraComparisons.count, let c = r.extraComparisons[j].on(MetricName.ndcg10) else { return "<td>-</td><td></td><td></td>" }
            return compared(fmt(c.otherMean), c)
        }
        for (j, cmp) in extraComparisons.enumerated() {
            t += "<tr><td>\(htmlEscape(cmp.model)) vs \(htmlEscape(cmp.base))</td>\(extra(self, j))\(extra(g, j))</tr>\n"
        }
        t += "</table>\n<p class=\"muted\">* significant at 5% (paired bootstrap CI excludes 0 and randomisation p &lt; 0.05).</p>\n"
        var rows: [(label: String, delta: Double, low: Double, high: Double)] = []
        for (set, r) in [("in-domain", self), (g.setName ?? "guard", g)] {
            for cmp in r.comparisons {
                if let c = cmp.on(MetricName.ndcg10) { rows.append(("\(cmp.model) · \(set)", c.meanDifference, c.ciLow, c.ciHigh)) }
            }
            for cmp in r.extraComparisons {
                if let c = cmp.on(MetricName.ndcg10) { rows.append(("\(cmp.model) vs \(cmp.base) · \(set)", c.meanDifference, c.ciLow, c.ciHigh)) }
            }
        }
        if !rows.isEmpty {
            t += SVGCharts.deltaIntervals(rows, title: "Change in nDCG@10 vs \(models[0].name), with 95% CI")
        }
        return t
    }

    /// The guard set's own metrics, statistics and per-query changes.
    private func guardSection(_ g: EvalReport) -> String {
        let name = htmlEscape(g.setName ?? "guard")
        var t = "<h2>Metrics (\(name) set)</h2>\n" + g.meansTable()
        if !g.comparisons.isEmpty {
            t += "<h2>Statistics (\(name) set, each model vs \(htmlEscape(g.models[0].name)))</h2>\n" + g.statisticsTable()
        }
        t += g.rerankStatistics(qualifier: "\(g.setName ?? "guard") set")
        if g.models.count >= 2 {
            let b = g.models[0].metrics.values(of: MetricName.ndcg10), a = g.models[1].metrics.values(of: MetricName.ndcg10)
            let deltas = Set(b.keys).intersection(a.keys).map { a[$0]! - b[$0]! }
            t += "<h2>Per-query change in nDCG@10 on the \(name) set (\(htmlEscape(g.models[1].name)) − \(htmlEscape(g.models[0].name)))</h2>\n"
            t += SVGCharts.changeHistogram(deltas, title: "\(g.setName ?? "guard") set: \(g.models[1].name) − \(g.models[0].name), nDCG@10 change per query")
        }
        return t
    }

    private func meansTable() -> String {
        var t = "<table><tr><th>metric</th>" + models.map { "<th>\(htmlEscape($0.name))</th>" }.joined() + "</tr>\n"
        for metric in MetricName.all {
            t += "<tr><td>\(metric)</td>" + models.map { "<td class=\"num\">\(fmt($0.metrics.mean[metric] ?? 0))</td>" }.joined() + "</tr>\n"
        }
        t += "<tr><td>queries</td>" + models.map { "<td class=\"num\">\($0.metrics.queries)</td>" }.joined() + "</tr>\n"
        return t + "</table>\n"
    }

    /// Each reranked row against its own retriever (the ones not already compared with the first
    /// model): a heading and the statistics, or "" when there are none.
    func rerankStatistics(qualifier: String?) -> String {
        guard !extraComparisons.isEmpty else { return "" }
        return "<h2>Statistics (\(qualifier.map { "\(htmlEscape($0)), " } ?? "")each reranked row vs its own retriever)</h2>\n"
            + statisticsTable(extraComparisons, withBase: true)
    }

    private func statisticsTable() -> String { statisticsTable(comparisons, withBase: false) }

    private func statisticsTable(_ list: [ModelComparison], withBase: Bool) -> String {
        var t = "<table><tr><th>model</th>\(withBase ? "<th>vs</th>" : "")<th>metric</th><th>base mean</th><th>model mean</th><th>Δ</th><th>95% CI</th>"
            + "<th>p</th><th>won / tied / lost</th><th>verdict</th></tr>\n"
        for cmp in list {
            for c in cmp.metrics {
                let cls = c.meanDifference > 0 ? "up" : (c.meanDifference < 0 ? "down" : "muted")
                let verdict = c.degenerate.map { "degenerate: \($0)" } ?? (c.significant ? "significant (5%)" : "not significant")
                t += "<tr><td>\(htmlEscape(cmp.model))</td>\(withBase ? "<td>\(htmlEscape(cmp.base))</td>" : "")<td>\(c.metric)</td>"
                    + "<td class=\"num\">\(fmt(c.baseMean))</td><td class=\"num\">\(fmt(c.otherMean))</td>"
                    + "<td class=\"num \(cls)\">\(signed(c.meanDifference))</td>"
                    + "<td class=\"num\">[\(signed(c.ciLow)), \(signed(c.ciHigh))]</td>"
                    + "<td class=\"num\">\(pfmt(c.pValue))</td><td class=\"num\">\(c.wins) / \(c.ties) / \(c.losses)</td>"
                    + "<td>\(htmlEscape(verdict))</td></tr>\n"
            }
        }
        return t + "</table>\n"
    }

    private func queryTable(_ rows: [(qid: String, delta: Double)], before: ModelResult, after: ModelResult,
                            queries: [String: String], docs: (String) -> (title: String, text: String)?) -> String {
        if rows.isEmpty { return "<p class=\"muted\">None.</p>\n" }
        var t = "<table><tr><th>query</th><th>nDCG@10</th><th>top answers: \(htmlEscape(before.name))</th>"
            + "<th>top answers: \(htmlEscape(after.name))</th></tr>\n"
        let rel = { (qid: String) in self.qrels?.relevant[qid] ?? [] }
        for row in rows {
            let b = before.metrics.perQuery[row.qid]?[MetricName.ndcg10] ?? 0
            let a = after.metrics.perQuery[row.qid]?[MetricName.ndcg10] ?? 0
            let text = queries[row.qid].map(htmlEscape) ?? "<span class=\"muted\">(text unknown)</span>"
            t += "<tr><td>\(text)<br><span class=\"muted\">\(htmlEscape(row.qid))</span></td>"
                + "<td class=\"num\">\(fmt(b)) → \(fmt(a))<br><b class=\"\(row.delta > 0 ? "up" : "down")\">\(signed(row.delta))</b></td>"
                + "<td>\(answers(before.topDocs[row.qid] ?? [], relevant: rel(row.qid), docs: docs))</td>"
                + "<td>\(answers(after.topDocs[row.qid] ?? [], relevant: rel(row.qid), docs: docs))</td></tr>\n"
        }
        return t + "</table>\n"
    }

    /// The first three answers as a list: title and a snippet; relevant ones marked ✓.
    private func answers(_ ids: [String], relevant: Set<String>,
                         docs: (String) -> (title: String, text: String)?) -> String {
        if ids.isEmpty { return "<span class=\"muted\">(no ranking)</span>" }
        var s = "<ol class=\"docs\">"
        for id in ids.prefix(3) {
            let isRel = relevant.contains(id)
            s += isRel ? "<li class=\"rel\">✓ " : "<li>"
            if let d = docs(id) {
                let title = d.title.isEmpty ? id : d.title
                let snippet = d.text.count > 160 ? String(d.text.prefix(160)) + "…" : d.text
                s += "<b>\(htmlEscape(title))</b> <span class=\"muted\">\(htmlEscape(id))</span><br>"
                    + "<span class=\"snip\">\(htmlEscape(snippet))</span>"
            } else {
                s += "<b>\(htmlEscape(id))</b>"
            }
            s += "</li>"
        }
        return s + "</ol>"
    }
}

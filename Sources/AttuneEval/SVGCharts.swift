import AttuneData
import Foundation

/// Inline SVG charts for the HTML report: plain strings, no scripts, no external assets.
enum SVGCharts {
    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948"]

    /// Bars grouped by `groups` (e.g. metrics), one bar per series (e.g. model); values in [0, 1].
    static func groupedBars(groups: [String], series: [(name: String, values: [Double])], title: String) -> String {
        let width = 900.0, height = 340.0
        let left = 48.0, right = 16.0, top = 44.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        var s = svgOpen(width: width, height: height, label: title)
        s += text(x: left, y: 18, title, size: 15, anchor: "start", weight: "bold")
        for tick in stride(from: 0.0, through: 1.0001, by: 0.2) {
            let y = top + plotH * (1 - tick)
            s += line(x1: left, y1: y, x2: width - right, y2: y, color: tick == 0 ? "#333" : "#ddd")
            s += text(x: left - 6, y: y + 4, String(format: "%.1f", tick), size: 11, anchor: "end")
        }
        let groupW = plotW / Double(max(groups.count, 1))
        let barW = groupW * 0.8 / Double(max(series.count, 1))
        for (g, name) in groups.enumerated() {
            let x0 = left + Double(g) * groupW + groupW * 0.1
            for (k, ser) in series.enumerated() {
                let v = min(max(g < ser.values.count ? ser.values[g] : 0, 0), 1)
                let h = plotH * v, x = x0 + Double(k) * barW
                s += rect(x: x + 1, y: top + plotH - h, w: barW - 2, h: h, color: palette[k % palette.count],
                          tooltip: "\(ser.name) \(name): \(String(format: "%.4f", v))")
                s += text(x: x + barW / 2, y: top + plotH - h - 4, String(format: "%.3f", v), size: 10, anchor: "middle")
            }
            s += text(x: x0 + groupW * 0.4, y: top + plotH + 18, name, size: 12, anchor: "middle")
        }
        // Legend, top right.
        var lx = width - right
        for (k, ser) in series.enumerated().reversed() {
            lx -= Double(ser.name.count) * 7 + 30
            s += rect(x: lx, y: 8, w: 12, h: 12, color: palette[k % palette.count], tooltip: ser.name)
            s += text(x: lx + 16, y: 18, ser.name, size: 12, anchor: "start")
        }
        return s + "</svg>\n"
    }

    /// Histogram of per-query changes in [-1, 1]: ten bins each side of an "unchanged" bar.
    static func changeHistogram(_ deltas: [Double], title: String) -> String {
        var neg = [Int](repeating: 0, count: 10), pos = neg, zero = 0
        for d in deltas {
            if abs(d) <= 1e-12 { zero += 1; continue }
            let k = min(9, max(0, Int((abs(d) - 1e-12) / 0.1)))
            if d < 0 { neg[9 - k] += 1 } else { pos[k] += 1 }
        }
        let bars: [(count: Int, color: String, label: String)] =
            neg.enumerated().map { i, c in (c, "#e15759", String(format: "%.1f to %.1f", -1 + Double(i) * 0.1, -0.9 + Double(i) * 0.1)) }
            + [(zero, "#9d9d9d", "unchanged")]
            + pos.enumerated().map { i, c in (c, "#59a14f", String(format: "%.1f to %.1f", Double(i) * 0.1, Double(i + 1) * 0.1)) }
        let width = 900.0, height = 300.0
        let left = 48.0, right = 16.0, top = 40.0, bottom = 44.0
        let plotW = width - left - right, plotH = height - top - bottom
        let maxCount = max(bars.map(\.count).max() ?? 1, 1)
        var s = svgOpen(width: width, height: height, label: title)
        s += text(x: left, y: 18, title, size: 15, anchor: "start", weight: "bold")
        s += line(x1: left, y1: top + plotH, x2: width - right, y2: top + plotH, color: "#333")
        let step = niceStep(maxCount)
        for tick in stride(from: 0, through: maxCount, by: step) {
            let y = top + plotH * (1 - Double(tick) / Double(maxCount))
            if tick > 0 { s += line(x1: left, y1: y, x2: width - right, y2: y, color: "#eee") }
            s += text(x: left - 6, y: y + 4, String(tick), size: 11, anchor: "end")
        }
        let barW = plotW / Double(bars.count)
        for (i, bar) in bars.enumerated() {
            let h = plotH * Double(bar.count) / Double(maxCount), x = left + Double(i) * barW
            s += rect(x: x + 1, y: top + plotH - h, w: barW - 2, h: h, color: bar.color,
                      tooltip: "\(bar.label): \(bar.count) queries")
            if bar.count > 0 {
                s += text(x: x + barW / 2, y: top + plotH - h - 4, String(bar.count), size: 10, anchor: "middle")
            }
        }
        for (i, label) in ["-1.0", "-0.5", "0", "+0.5", "+1.0"].enumerated() {
            let x = [0.0, 5.0, 10.5, 16.0, 21.0][i] * barW + left
            s += text(x: x, y: top + plotH + 16, label, size: 11, anchor: "middle")
        }
        s += text(x: left + plotW / 2, y: top + plotH + 36, "change in nDCG@10 per query (queries per bin)", size: 12, anchor: "middle")
        return s + "</svg>\n"
    }

    /// One row per comparison: the change as a dot and its 95% CI as a bar, around a zero line.
    /// Green when the CI lies above 0, red when below, grey when it includes 0.
    static func deltaIntervals(_ rows: [(label: String, delta: Double, low: Double, high: Double)], title: String) -> String {
        let rowH = 30.0, width = 900.0, left = 260.0, right = 90.0, top = 44.0, bottom = 40.0
        let height = top + bottom + rowH * Double(rows.count)
        let plotW = width - left - right
        let reach = max(rows.map { max(abs($0.low), abs($0.high), abs($0.delta)) }.max() ?? 0, 0.005) * 1.15
        let x = { (v: Double) in left + plotW * (v + reach) / (2 * reach) }
        var s = svgOpen(width: width, height: height, label: title)
        s += text(x: 16, y: 18, title, size: 15, anchor: "start", weight: "bold")
        let plotBottom = top + rowH * Double(rows.count)
        for tick in [-reach, -reach / 2, 0, reach / 2, reach] {
            s += line(x1: x(tick), y1: top - 6, x2: x(tick), y2: plotBottom, color: tick == 0 ? "#333" : "#e4e4e4")
            s += text(x: x(tick), y: plotBottom + 16, String(format: "%+.3f", tick), size: 11, anchor: "middle")
        }
        s += text(x: left + plotW / 2, y: plotBottom + 34, "change in nDCG@10 (95% CI)", size: 12, anchor: "middle")
        for (i, r) in rows.enumerated() {
            let y = top + rowH * (Double(i) + 0.5)
            let color = r.low > 0 ? "#2e7d32" : (r.high < 0 ? "#c62828" : "#777777")
            s += text(x: left - 10, y: y + 4, r.label, size: 12, anchor: "end")
            s += rect(x: x(r.low), y: y - 3, w: x(r.high) - x(r.low), h: 6, color: color,
                      tooltip: "\(r.label): \(String(format: "%+.4f [%+.4f, %+.4f]", r.delta, r.low, r.high))")
            s += "<circle cx=\"\(n(x(r.delta)))\" cy=\"\(n(y))\" r=\"6\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"1.5\"/>\n"
            s += text(x: width - right + 8, y: y + 4, String(format: "%+.4f", r.delta), size: 12, anchor: "start")
        }
        return s + "</svg>\n"
    }

    /// A forest plot: one row per set, grouped under a heading per role (in the order given);
    /// in each row every model's change as a dot and its 95% CI as a line, in the model's colour,
    /// around a zero line; a CI wholly below 0 is drawn thick with a red ring, and the value at
    /// the right is marked ▼ for a loss.
    static func forestPlot(_ rows: [(set: String, role: String, models: [(name: String, delta: Double, low: Double, high: Double)])],
                           models: [String], title: String) -> String {
        let rowH = 18.0 * Double(max(models.count, 1)) + 12, headH = 24.0
        let width = 900.0, left = 220.0, right = 100.0, top = 56.0, bottom = 44.0
        var roles: [String] = []
        for r in rows where roles.last != r.role { roles.append(r.role) }
        let height = top + bottom + rowH * Double(rows.count) + headH * Double(roles.count)
        let plotW = width - left - right
        let all = rows.flatMap { $0.models.flatMap { [$0.low, $0.high, $0.delta] } }
        let reach = max(all.map(abs).max() ?? 0, 0.005) * 1.15
        let x = { (v: Double) in left + plotW * (v + reach) / (2 * reach) }
        var s = svgOpen(width: width, height: height, label: title)
        s += text(x: 16, y: 18, title, size: 15, anchor: "start", weight: "bold")
        var lx = left
        for (k, m) in models.enumerated() {
            s += "<circle cx=\"\(n(lx + 6))\" cy=\"36\" r=\"5\" fill=\"\(palette[(k + 1) % palette.count])\"/>\n"
            s += text(x: lx + 16, y: 40, m, size: 12, anchor: "start")
            lx += Double(m.count) * 7 + 40
        }
        var y = top
        var lastRole: String?
        var rowTops: [Double] = []
        for r in rows {
            if r.role != lastRole {
                s += rect(x: 8, y: y + 2, w: width - 16, h: headH - 4, color: "#f1f1f1", tooltip: "role: \(r.role)")
                s += text(x: 16, y: y + headH / 2 + 5, r.role, size: 13, anchor: "start", weight: "bold")
                y += headH
                lastRole = r.role
            }
            s += text(x: left - 10, y: y + rowH / 2 + 4, r.set, size: 12, anchor: "end")
            rowTops.append(y)
            y += rowH
        }
        for tick in [-reach, -reach / 2, 0, reach / 2, reach] {
            s += line(x1: x(tick), y1: top, x2: x(tick), y2: y, color: tick == 0 ? "#333" : "#e4e4e4")
            s += text(x: x(tick), y: y + 16, String(format: "%+.3f", tick), size: 11, anchor: "middle")
        }
        s += text(x: left + plotW / 2, y: y + 34, "change in nDCG@10 (95% CI)", size: 12, anchor: "middle")
        for (r, top) in zip(rows, rowTops) {
            for (k, m) in r.models.enumerated() {
                let cy = top + 6 + 18 * Double(k) + 9
                let color = palette[(k + 1) % palette.count]
                let loss = m.high < 0
                s += "<line x1=\"\(n(x(m.low)))\" y1=\"\(n(cy))\" x2=\"\(n(x(m.high)))\" y2=\"\(n(cy))\" stroke=\"\(color)\" "
                    + "stroke-width=\"\(loss ? 5 : 3)\"><title>\(htmlEscape(String(format: "%@ on %@: %+.4f [%+.4f, %+.4f]", m.name, r.set, m.delta, m.low, m.high)))</title></line>\n"
                s += "<circle cx=\"\(n(x(m.delta)))\" cy=\"\(n(cy))\" r=\"5\" fill=\"\(color)\" stroke=\"\(loss ? "#c62828" : "#fff")\" stroke-width=\"\(loss ? 2.5 : 1.5)\"/>\n"
                s += text(x: width - right + 8, y: cy + 4,
                          String(format: "%+.4f", m.delta) + (m.delta < 0 ? " ▼" : ""), size: 11, anchor: "start")
            }
        }
        return s + "</svg>\n"
    }

    private static func niceStep(_ maxCount: Int) -> Int {
        for step in [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000] where maxCount / step <= 6 { return step }
        return max(1, maxCount / 5)
    }

    private static func svgOpen(width: Double, height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" "
            + "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(htmlEscape(label))\" "
            + "font-family=\"sans-serif\">\n"
    }

    private static func n(_ x: Double) -> String { String(format: "%.1f", x) }

    private static func line(x1: Double, y1: Double, x2: Double, y2: Double, color: String) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(color)\" stroke-width=\"1\"/>\n"
    }

    private static func rect(x: Double, y: Double, w: Double, h: Double, color: String, tooltip: String) -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(w, 0)))\" height=\"\(n(max(h, 0)))\" fill=\"\(color)\">"
            + "<title>\(htmlEscape(tooltip))</title></rect>\n"
    }

    private static func text(x: Double, y: Double, _ s: String, size: Int, anchor: String, weight: String = "normal") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\" "
            + "fill=\"#222\">\(htmlEscape(s))</text>\n"
    }
}

/// Escape text for HTML content and attribute values.
public func htmlEscape(_ s: String) -> String {
    s.escaping { c in
        switch c {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return "&quot;"
        case "'": return "&#39;"
        default: return nil
        }
    }
}

import AttuneCore
import AttuneData
import Foundation

/// How far to move from the base model toward the fine-tuned one (WiSE-FT, Wortsman et al. 2022):
/// each candidate `alpha` is scored in-domain (the dev set) and on a guard set from outside the
/// domain, and the choice is the best in-domain alpha that keeps the guard score within
/// `tolerance` of the base model's.
public struct MergeSelection: Codable, Equatable, Sendable {
    /// One point of the curve.
    public struct Point: Codable, Equatable, Sendable {
        public var alpha: Double
        /// In-domain score (nDCG@10 on the dev set).
        public var dev: Double
        /// Guard score (nDCG@10 on the guard set), nil without a guard set.
        public var guardScore: Double?

        public init(alpha: Double, dev: Double, guardScore: Double? = nil) {
            self.alpha = alpha
            self.dev = dev
            self.guardScore = guardScore
        }

        enum CodingKeys: String, CodingKey { case alpha, dev, guardScore = "guard" }
    }

    /// The base model's scores (alpha 0).
    public var base: Point
    /// Every candidate, in the order given.
    public var curve: [Point]
    /// How far below the base's guard score a candidate may fall.
    public var tolerance: Double
    /// The chosen alpha.
    public var chosen: Double
    /// Why it was chosen, in one line.
    public var reason: String

    /// Choose among `curve`. Without guard scores the best dev score wins. When no candidate keeps
    /// the guard within tolerance, the one that loses least on the guard is chosen and `reason` says so.
    /// Ties go to the smaller alpha (closer to the base).
    public init(base: Point, curve: [Point], tolerance: Double) throws {
        guard !curve.isEmpty else { throw AttuneError.badConfig(source: "recipe", field: "merge.alphas", what: "is empty; give at least one alpha in [0, 1]") }
        self.base = base
        self.curve = curve
        self.tolerance = tolerance
        let byDev = curve.sorted { $0.dev != $1.dev ? $0.dev > $1.dev : $0.alpha < $1.alpha }
        guard let baseGuard = base.guardScore else {
            chosen = byDev[0].alpha
            reason = String(format: "alpha %.2f has the best dev score (%.4f); no guard set", byDev[0].alpha, byDev[0].dev)
            return
        }
        let floor = baseGuard - tolerance
        if let best = byDev.first(where: { ($0.guardScore ?? -.infinity) >= floor }) {
            chosen = best.alpha
            reason = String(format: "alpha %.2f has the best dev score (%.4f) among those whose guard score stays at or above %.4f (base %.4f − %.4f)",
                            best.alpha, best.dev, floor, baseGuard, tolerance)
        } else {
            let safest = curve.sorted { ($0.guardScore ?? -.infinity) != ($1.guardScore ?? -.infinity)
                ? ($0.guardScore ?? -.infinity) > ($1.guardScore ?? -.infinity) : $0.alpha < $1.alpha }[0]
            chosen = safest.alpha
            reason = String(format: "no alpha keeps the guard score at or above %.4f (base %.4f − %.4f); alpha %.2f loses least on the guard (%.4f)",
                            floor, baseGuard, tolerance, safest.alpha, safest.guardScore ?? .nan)
        }
    }

    /// Did the chosen alpha keep the guard within tolerance (true without a guard set)?
    public var guardHeld: Bool {
        guard let bg = base.guardScore else { return true }
        return (curve.first { $0.alpha == chosen }?.guardScore ?? -.infinity) >= bg - tolerance
    }

    /// The curve as a small table, one line per alpha, the chosen one marked.
    public func table() -> String {
        var lines = ["alpha   dev nDCG@10   guard nDCG@10"]
        func row(_ p: Point, _ mark: String) -> String {
            let g = p.guardScore.map { String(format: "%.4f", $0) } ?? "—"
            return String(format: "%5.2f   %11.4f   ", p.alpha, p.dev) + String(repeating: " ", count: max(0, 13 - g.count)) + g + mark
        }
        lines.append(row(base, "   (base)"))
        for p in curve { lines.append(row(p, p.alpha == chosen ? "   ← chosen" : "")) }
        return lines.joined(separator: "\n")
    }
}

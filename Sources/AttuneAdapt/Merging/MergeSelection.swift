import AttuneCore
import AttuneData
import Foundation

/// How far to move from the base model toward the fine-tuned one (WiSE-FT, Wortsman et al. 2022):
/// each candidate `alpha` is scored in-domain (the dev set) and on guard sets — what fine-tuning
/// must not lose, such as general data or real users' wording — and the choice is the best
/// in-domain alpha that keeps every guard score within `tolerance` of the base model's.
public struct MergeSelection: Codable, Equatable, Sendable {
    /// One point of the curve.
    public struct Point: Codable, Equatable, Sendable {
        public var alpha: Double
        /// In-domain score (nDCG@10 on the dev set).
        public var dev: Double
        /// Guard scores (nDCG@10), one per guard set, in the order of `MergeSelection.guards`.
        public var guards: [Double]

        public init(alpha: Double, dev: Double, guards: [Double] = []) {
            self.alpha = alpha
            self.dev = dev
            self.guards = guards
        }
    }

    /// The guard sets' names, in order (empty without guard sets).
    public var guards: [String]
    /// The base model's scores (alpha 0).
    public var base: Point
    /// Every candidate, in the order given.
    public var curve: [Point]
    /// How far below the base's score on each guard set a candidate may fall.
    public var tolerance: Double
    /// The chosen alpha.
    public var chosen: Double
    /// Why it was chosen, in one line.
    public var reason: String

    /// Choose among `curve`. Without guard sets the best dev score wins. When no candidate keeps
    /// every guard set within tolerance, the one whose worst guard loss is smallest is chosen and
    /// `reason` says so. Ties go to the smaller alpha (closer to the base).
    public init(guards: [String] = [], base: Point, curve: [Point], tolerance: Double) throws {
        guard !curve.isEmpty else { throw AttuneError.badConfig(source: "recipe", field: "merge.alphas", what: "is empty; give at least one alpha in [0, 1]") }
        for p in [base] + curve where p.guards.count != guards.count {
            throw AttuneError.invalid("merge selection: alpha \(p.alpha) has \(p.guards.count) guard score(s) for \(guards.count) guard set(s)")
        }
        self.guards = guards
        self.base = base
        self.curve = curve
        self.tolerance = tolerance
        let byDev = curve.sorted { $0.dev != $1.dev ? $0.dev > $1.dev : $0.alpha < $1.alpha }
        guard !guards.isEmpty else {
            chosen = byDev[0].alpha
            reason = String(format: "alpha %.2f has the best dev score (%.4f); no guard set", byDev[0].alpha, byDev[0].dev)
            return
        }
        let floorText = zip(guards, base.guards).map { String(format: "%@ %.4f", $0, $1 - tolerance) }.joined(separator: ", ")
        if let best = byDev.first(where: { MergeSelection.holds($0, base, tolerance) }) {
            chosen = best.alpha
            reason = String(format: "alpha %.2f has the best dev score (%.4f) among those that keep every guard set within %.4f of the base (%@)",
                            best.alpha, best.dev, tolerance, floorText)
        } else {
            let safest = curve.sorted { a, b in
                let la = MergeSelection.worstLoss(a, base), lb = MergeSelection.worstLoss(b, base)
                return la != lb ? la < lb : a.alpha < b.alpha
            }[0]
            chosen = safest.alpha
            reason = String(format: "no alpha keeps every guard set within %.4f of the base (%@); alpha %.2f loses least (at most %.4f)",
                            tolerance, floorText, safest.alpha, MergeSelection.worstLoss(safest, base))
        }
    }

    /// Does `p` keep every guard score at or above the base's less `tolerance`? (The one test that
    /// both the choice and `guardHeld` use.)
    static func holds(_ p: Point, _ base: Point, _ tolerance: Double) -> Bool {
        zip(p.guards, base.guards).allSatisfy { $0 >= $1 - tolerance }
    }

    /// The largest drop below the base over the guard sets (negative when every guard set gains).
    static func worstLoss(_ p: Point, _ base: Point) -> Double {
        zip(base.guards, p.guards).map { $0 - $1 }.max() ?? 0
    }

    /// Did the chosen alpha keep every guard set within tolerance (true without guard sets)?
    public var guardHeld: Bool {
        guard !guards.isEmpty, let p = curve.first(where: { $0.alpha == chosen }) else { return true }
        return MergeSelection.holds(p, base, tolerance)
    }

    /// The curve as a small table, one line per alpha, the chosen one marked.
    public func table() -> String {
        let width = guards.map { max(13, $0.count) }
        var lines = ["alpha   dev nDCG@10" + zip(guards, width).map { "   " + String(repeating: " ", count: $1 - $0.count) + $0 }.joined()]
        func row(_ p: Point, _ mark: String) -> String {
            String(format: "%5.2f   %11.4f", p.alpha, p.dev)
                + zip(p.guards, width).map { g, w in let t = String(format: "%.4f", g); return "   " + String(repeating: " ", count: w - t.count) + t }.joined()
                + mark
        }
        lines.append(row(base, "   (base)"))
        for p in curve { lines.append(row(p, p.alpha == chosen ? "   ← chosen" : "")) }
        return lines.joined(separator: "\n")
    }
}

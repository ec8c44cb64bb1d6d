import AttuneCore
import AttuneData
import Foundation

/// How far to move from the base model toward the fine-tuned one (WiSE-FT, Wortsman et al. 2022):
/// each candidate `alpha` is scored in-domain (the dev set, or a dev suite's `domain` set) and on
/// held sets — what fine-tuning must not lose: a dev suite's `users`, `other` and `guard` sets, or
/// the recipe's `guard:` lists — and the choice is the best in-domain alpha that keeps every held
/// score within `tolerance` of the base model's.
///
/// Its JSON (OUTPUT/merge.json) has the fields below and, for reading, `sets`: the whole curve per
/// set (`name`, `role`, the base's `base` score and `scores`, one `{alpha, ndcg@10}` per candidate).
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

    /// The held sets' names, in order (empty without any): the guard sets, or a dev suite's sets
    /// other than its domain set. `Point.guards` follows this order.
    public var guards: [String]
    /// The held sets' roles (`users`, `other`, `guard`) in the order of `guards`; nil for the
    /// recipe's `guard:` lists (every one a guard set).
    public var roles: [String]?
    /// The name of the set `Point.dev` scores (a dev suite's domain set); nil: the recipe's dev set.
    public var domain: String?
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
    /// `roles` (one per guard set) and `domain` name the sets of a dev suite; their words are in
    /// `reason` and `table()`.
    public init(guards: [String] = [], roles: [String]? = nil, domain: String? = nil, base: Point, curve: [Point], tolerance: Double) throws {
        guard !curve.isEmpty else { throw AttuneError.badConfig(source: "recipe", field: "merge.alphas", what: "is empty; give at least one alpha in [0, 1]") }
        for p in [base] + curve where p.guards.count != guards.count {
            throw AttuneError.invalid("merge selection: alpha \(p.alpha) has \(p.guards.count) guard score(s) for \(guards.count) guard set(s)")
        }
        if let roles, roles.count != guards.count {
            throw AttuneError.invalid("merge selection: \(roles.count) role(s) for \(guards.count) held set(s)")
        }
        self.guards = guards
        self.roles = roles
        self.domain = domain
        self.base = base
        self.curve = curve
        self.tolerance = tolerance
        let byDev = curve.sorted { $0.dev != $1.dev ? $0.dev > $1.dev : $0.alpha < $1.alpha }
        let score = domain.map { "\($0) (domain) score" } ?? "dev score"
        let held = roles == nil ? "guard set" : "users, other and guard set"
        guard !guards.isEmpty else {
            chosen = byDev[0].alpha
            reason = String(format: "alpha %.2f has the best %@ (%.4f); no %@", byDev[0].alpha, score, byDev[0].dev, held)
            return
        }
        let floorText = zip(guards, base.guards).map { String(format: "%@ %.4f", $0, $1 - tolerance) }.joined(separator: ", ")
        if let best = byDev.first(where: { MergeSelection.holds($0, base, tolerance) }) {
            chosen = best.alpha
            reason = String(format: "alpha %.2f has the best %@ (%.4f) among those that keep every %@ within %.4f of the base (%@)",
                            best.alpha, score, best.dev, held, tolerance, floorText)
        } else {
            let safest = curve.sorted { a, b in
                let la = MergeSelection.worstLoss(a, base), lb = MergeSelection.worstLoss(b, base)
                return la != lb ? la < lb : a.alpha < b.alpha
            }[0]
            chosen = safest.alpha
            reason = String(format: "no alpha keeps every %@ within %.4f of the base (%@); alpha %.2f loses least (at most %.4f)",
                            held, tolerance, floorText, safest.alpha, MergeSelection.worstLoss(safest, base))
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

    /// The curve as a small table (nDCG@10), one line per alpha and one column per set, the chosen
    /// alpha marked; with a dev suite a second header line gives each set's role.
    public func table() -> String {
        let width = guards.map { max(13, $0.count) }
        let first = domain ?? "dev nDCG@10", firstWidth = max(11, first.count)
        func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        var lines = ["alpha   " + pad(first, firstWidth) + zip(guards, width).map { "   " + pad($0, $1) }.joined()]
        if let roles { lines.append("        " + pad("domain", firstWidth) + zip(roles, width).map { "   " + pad($0, $1) }.joined()) }
        func row(_ p: Point, _ mark: String) -> String {
            String(format: "%5.2f   ", p.alpha) + pad(String(format: "%.4f", p.dev), firstWidth)
                + zip(p.guards, width).map { g, w in let t = String(format: "%.4f", g); return "   " + String(repeating: " ", count: w - t.count) + t }.joined()
                + mark
        }
        lines.append(row(base, "   (base)"))
        for p in curve { lines.append(row(p, p.alpha == chosen ? "   ← chosen" : "")) }
        return lines.joined(separator: "\n")
    }

    /// The whole curve of one set: the base's score and each candidate's, in the order of `curve`.
    public struct SetCurve: Codable, Equatable, Sendable {
        public struct Score: Codable, Equatable, Sendable {
            public var alpha: Double
            public var ndcg10: Double
            enum CodingKeys: String, CodingKey { case alpha, ndcg10 = "ndcg@10" }
        }
        public var name: String
        /// `domain`, `users`, `other` or `guard`.
        public var role: String
        public var base: Double
        public var scores: [Score]
    }

    /// Every set's curve, the in-domain set first (named `dev` without a dev suite).
    public var sets: [SetCurve] {
        let first = SetCurve(name: domain ?? "dev", role: "domain", base: base.dev,
                             scores: curve.map { SetCurve.Score(alpha: $0.alpha, ndcg10: $0.dev) })
        return [first] + guards.indices.map { i in
            SetCurve(name: guards[i], role: roles?[i] ?? "guard", base: base.guards[i],
                     scores: curve.map { SetCurve.Score(alpha: $0.alpha, ndcg10: $0.guards[i]) })
        }
    }

    enum CodingKeys: String, CodingKey { case guards, roles, domain, base, curve, tolerance, chosen, reason, sets }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guards = try c.decode([String].self, forKey: .guards)
        roles = try c.decodeIfPresent([String].self, forKey: .roles)
        domain = try c.decodeIfPresent(String.self, forKey: .domain)
        base = try c.decode(Point.self, forKey: .base)
        curve = try c.decode([Point].self, forKey: .curve)
        tolerance = try c.decode(Double.self, forKey: .tolerance)
        chosen = try c.decode(Double.self, forKey: .chosen)
        reason = try c.decode(String.self, forKey: .reason)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(guards, forKey: .guards)
        try c.encodeIfPresent(roles, forKey: .roles)
        try c.encodeIfPresent(domain, forKey: .domain)
        try c.encode(base, forKey: .base)
        try c.encode(curve, forKey: .curve)
        try c.encode(tolerance, forKey: .tolerance)
        try c.encode(chosen, forKey: .chosen)
        try c.encode(reason, forKey: .reason)
        try c.encode(sets, forKey: .sets)
    }
}

import AttuneCore
import Foundation

/// How two runs differ on one metric over the same queries, with paired statistics.
/// Differences are `other − base` per query.
public struct PairedComparison: Sendable, Equatable, Codable {
    /// The metric compared (e.g. "ndcg@10").
    public var metric: String
    /// Queries scored by both runs (the pairs).
    public var queries: Int
    /// Mean of the base run over the paired queries.
    public var baseMean: Double
    /// Mean of the other run over the paired queries.
    public var otherMean: Double
    /// Mean per-query difference (other − base).
    public var meanDifference: Double
    /// Paired bootstrap 95% confidence interval of the mean difference (percentile method).
    public var ciLow: Double
    public var ciHigh: Double
    /// Two-sided paired randomisation (sign-flip) test p-value, with the +1 correction.
    public var pValue: Double
    /// Queries where the other run is better, equal, worse.
    public var wins: Int
    public var ties: Int
    public var losses: Int
    /// Bootstrap resamples and randomisation rounds used.
    public var resamples: Int
    /// Why the test says nothing useful (identical runs, a run scoring 0 everywhere, too few
    /// queries), or nil when it is meaningful.
    public var degenerate: String?

    /// Significant at 5%: a meaningful test, p < 0.05 and a CI that excludes 0.
    public var significant: Bool {
        degenerate == nil && pValue < 0.05 && (ciLow > 0 || ciHigh < 0)
    }
}

/// Settings of the paired tests; seeded, so a report is reproducible.
public struct PairedTest: Sendable {
    /// Bootstrap resamples, and also rounds of the randomisation test.
    public var resamples: Int
    /// Seed of the SplitMix64 generator.
    public var seed: UInt64

    public init(resamples: Int = 10_000, seed: UInt64 = 42) {
        precondition(resamples > 0, "PairedTest: resamples must be positive")
        self.resamples = resamples
        self.seed = seed
    }

    /// Compare `other` with `base` on the queries both scored (query id → metric value).
    /// `baseName`/`otherName` only word the degenerate reasons.
    public func compare(metric: String, base: [String: Double], other: [String: Double],
                        baseName: String = "base", otherName: String = "other") -> PairedComparison {
        let ids = Set(base.keys).intersection(other.keys).sorted()
        let a = ids.map { base[$0]! }, b = ids.map { other[$0]! }
        let d = zip(b, a).map { $0 - $1 }
        let n = d.count
        let tol = 1e-12
        let meanA = n == 0 ? 0 : a.reduce(0, +) / Double(n)
        let meanB = n == 0 ? 0 : b.reduce(0, +) / Double(n)
        let meanD = n == 0 ? 0 : d.reduce(0, +) / Double(n)
        var result = PairedComparison(
            metric: metric, queries: n, baseMean: meanA, otherMean: meanB, meanDifference: meanD,
            ciLow: meanD, ciHigh: meanD, pValue: 1,
            wins: d.filter { $0 > tol }.count, ties: d.filter { abs($0) <= tol }.count,
            losses: d.filter { $0 < -tol }.count, resamples: resamples, degenerate: nil)

        if n < 2 {
            result.degenerate = "fewer than 2 paired queries (\(n))"
            return result
        }
        if d.allSatisfy({ abs($0) <= tol }) {
            result.meanDifference = 0
            result.ciLow = 0; result.ciHigh = 0
            result.degenerate = "identical per-query scores"
            return result
        }
        var rng = SplitMix64(seed: seed)
        (result.ciLow, result.ciHigh) = bootstrapCI(d, rng: &rng)
        result.pValue = signFlipPValue(d, rng: &rng)
        if a.allSatisfy({ $0 == 0 }) {
            result.degenerate = "\(baseName) scored 0 on every query"
        } else if b.allSatisfy({ $0 == 0 }) {
            result.degenerate = "\(otherName) scored 0 on every query"
        }
        return result
    }

    /// Percentile bootstrap 95% CI of the mean of `d` (linear interpolation between order statistics).
    func bootstrapCI(_ d: [Double], rng: inout SplitMix64) -> (Double, Double) {
        let n = d.count, un = UInt64(n)
        var means = [Double](repeating: 0, count: resamples)
        for r in 0..<resamples {
            var s = 0.0
            // Multiply-shift maps a uniform 64-bit draw onto 0..<n (bias below 2^-40 for any n here).
            for _ in 0..<n { s += d[Int(un.multipliedFullWidth(by: rng.next()).high)] }
            means[r] = s / Double(n)
        }
        means.sort()
        return (quantile(means, 0.025), quantile(means, 0.975))
    }

    /// Two-sided paired randomisation test: flip the sign of each difference at random and count
    /// rounds whose |mean| reaches the observed |mean|; p = (count + 1) / (R + 1).
    func signFlipPValue(_ d: [Double], rng: inout SplitMix64) -> Double {
        let n = Double(d.count)
        let observed = abs(d.reduce(0, +) / n)
        var count = 0
        for _ in 0..<resamples {
            var s = 0.0
            var bits: UInt64 = 0, left = 0
            for x in d {
                if left == 0 { bits = rng.next(); left = 64 }
                s += (bits & 1) == 1 ? x : -x
                bits >>= 1; left -= 1
            }
            if abs(s / n) >= observed - 1e-12 { count += 1 }
        }
        return Double(count + 1) / Double(resamples + 1)
    }
}

/// The `q` quantile of sorted values, interpolating linearly (NumPy's default).
func quantile(_ sorted: [Double], _ q: Double) -> Double {
    precondition(!sorted.isEmpty)
    let pos = q * Double(sorted.count - 1)
    let lo = Int(pos.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - Double(lo))
}

import AttuneData

/// Linear warmup then linear decay to zero: the learning-rate factor of torch's `LambdaLR` with
///
///     lambda s: (s + 1) / max(1, warm) if s < warm else max(0, (steps − s) / max(1, steps − warm))
///
/// where `s` is the number of optimizer steps already taken (0-based) and
/// `warm = int(steps · warmupFraction)`.
public struct LinearSchedule: Sendable, Equatable {
    /// Optimizer steps in the whole run.
    public let totalSteps: Int
    /// Steps of linear warmup at the start.
    public let warmupSteps: Int

    /// - Throws: `AttuneError.invalid` for negative steps or a fraction outside [0, 1].
    public init(totalSteps: Int, warmupFraction: Double) throws {
        guard totalSteps >= 0 else { throw AttuneError.invalid("schedule: total steps \(totalSteps) is negative") }
        guard warmupFraction >= 0 && warmupFraction <= 1 else {
            throw AttuneError.invalid("schedule: warmup fraction \(warmupFraction) is not in [0, 1]")
        }
        self.totalSteps = totalSteps
        self.warmupSteps = Int(Double(totalSteps) * warmupFraction)
    }

    /// The multiplier of the base learning rate for the step taken after `s` steps.
    public func factor(afterSteps s: Int) -> Double {
        if s < warmupSteps { return Double(s + 1) / Double(max(1, warmupSteps)) }
        return max(0, Double(totalSteps - s) / Double(max(1, totalSteps - warmupSteps)))
    }

    /// `base · factor(afterSteps: s)`.
    public func learningRate(base: Float, afterSteps s: Int) -> Float {
        Float(Double(base) * factor(afterSteps: s))
    }
}

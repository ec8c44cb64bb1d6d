import AttuneCore
import Foundation

/// L2-SP (Li, Grandvalet & Davoine 2018, "Explicit inductive bias for transfer learning"): a
/// penalty `strength/2 · ‖θ − θ₀‖²` that pulls the trained weights toward where they started — the
/// base model's layers, and the identity for a new Dense head — instead of toward zero as weight
/// decay does. Its gradient `strength · (θ − θ₀)` is added to each parameter's gradient after
/// `backward()` and before clipping, as if it were part of the loss; AdamW then scales it like any
/// other gradient, so directions the loss cares little about drift back, and the ones it needs stay.
public struct L2SPRegularizer {
    /// The penalty's weight λ (0: off).
    public let strength: Float
    /// The starting values, one array per parameter in the order given.
    private let anchors: [[Float]]

    /// Remember the parameters' current values as θ₀. Take it before a checkpoint is restored, so a
    /// resumed run pulls toward the base and not toward the checkpoint.
    public init(parameters: [Tensor], strength: Float) {
        self.strength = strength
        anchors = parameters.map { Array(UnsafeBufferPointer(start: $0.data, count: $0.count)) }
    }

    /// Add `strength · (θ − θ₀)` to the gradient of every parameter that has one.
    /// - Precondition: `parameters` are the tensors given to `init`, in the same order.
    public func addGradient(to parameters: [Tensor]) {
        guard strength > 0 else { return }
        precondition(parameters.count == anchors.count, "L2-SP: \(parameters.count) parameters, \(anchors.count) anchors")
        let s = strength
        for (p, a) in zip(parameters, anchors) {
            guard let g = p.grad?.pointer else { continue }
            let x = p.data
            a.withUnsafeBufferPointer { a0 in
                for j in 0..<p.count { g[j] += s * (x[j] - a0[j]) }
            }
        }
    }

    /// ‖θ − θ₀‖ over all parameters: how far training has moved from the start.
    public func distance(_ parameters: [Tensor]) -> Double {
        var total = 0.0
        for (p, a) in zip(parameters, anchors) {
            for j in 0..<p.count { let d = Double(p.data[j]) - Double(a[j]); total += d * d }
        }
        return total.squareRoot()
    }
}

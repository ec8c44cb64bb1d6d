import AttuneData
import Foundation

// AdamW exactly as torch.optim.AdamW (amsgrad off, maximize off), per parameter p with gradient g:
//
//   t  += 1                                   (per parameter, only when it has a gradient)
//   p  *= 1 − lr·wd                           (decoupled weight decay, before the Adam update)
//   m   = m + (1 − β1)·(g − m)                (torch's lerp form of β1·m + (1 − β1)·g)
//   v   = β2·v + (1 − β2)·g²
//   p  −= lr/(1 − β1ᵗ) · m / (√v/√(1 − β2ᵗ) + eps)   (eps outside the square root)
//
// Bias corrections and the step size are computed in Double, as Python does, then used as Float.

/// One parameter's optimizer state, for checkpoints.
public struct AdamWMoments: Sendable, Equatable {
    /// The parameter's name (its `Tensor.name`, or `#index` when it has none or it is repeated).
    public var name: String
    /// Optimizer steps this parameter has taken (torch's `state['step']`).
    public var step: Int
    /// First moment (exp_avg), one value per parameter element.
    public var m: [Float]
    /// Second moment (exp_avg_sq), one value per parameter element.
    public var v: [Float]

    public init(name: String, step: Int, m: [Float], v: [Float]) {
        self.name = name; self.step = step; self.m = m; self.v = v
    }
}

/// The AdamW optimizer over the trainable tensors it was given. A training step:
///
///     opt.lr = schedule.learningRate(base: lr, afterSteps: opt.stepCount)
///     loss.backward(); clipGradNorm(opt.parameters, maxNorm: 1); opt.step(); opt.zeroGrad()
public struct AdamW {
    /// The learning rate of the next step (a schedule sets it before each step).
    public var lr: Float
    /// β1 and β2, kept in Double as Python keeps them (bias corrections are computed in Double).
    public let beta1: Double
    public let beta2: Double
    public let eps: Float
    public let weightDecay: Float
    /// The parameters updated: those of the given tensors that require grad.
    public let parameters: [Tensor]
    /// Per-parameter state, in the order of `parameters`.
    public private(set) var moments: [AdamWMoments]

    /// - Throws: `AttuneError.invalid` for a negative `lr`, `eps` or `weightDecay`, or betas outside [0, 1).
    public init(parameters: [Tensor], lr: Float, betas: (Double, Double) = (0.9, 0.999),
                eps: Float = 1e-8, weightDecay: Float = 0.01) throws {
        guard lr >= 0 else { throw AttuneError.invalid("AdamW: learning rate \(lr) is negative") }
        guard eps >= 0 else { throw AttuneError.invalid("AdamW: eps \(eps) is negative") }
        guard weightDecay >= 0 else { throw AttuneError.invalid("AdamW: weight decay \(weightDecay) is negative") }
        for (i, b) in [betas.0, betas.1].enumerated() where !(b >= 0 && b < 1) {
            throw AttuneError.invalid("AdamW: beta\(i + 1) \(b) is not in [0, 1)")
        }
        self.lr = lr
        beta1 = betas.0; beta2 = betas.1
        self.eps = eps; self.weightDecay = weightDecay
        self.parameters = parameters.filter { $0.requiresGrad }
        var seen = Set<String>()
        moments = self.parameters.enumerated().map { i, p in
            let name = p.name.isEmpty || !seen.insert(p.name).inserted ? "#\(i)" : p.name
            return AdamWMoments(name: name, step: 0,
                                m: [Float](repeating: 0, count: p.count), v: [Float](repeating: 0, count: p.count))
        }
    }

    /// The largest step count over the parameters (the number of optimizer steps taken).
    public var stepCount: Int { moments.map(\.step).max() ?? 0 }

    /// One update of every parameter that has a gradient; parameters without one are left alone.
    public mutating func step() {
        let lr = self.lr, eps = self.eps
        // Scalars formed in Double and rounded once, as torch passes Python floats to Float kernels.
        let b2 = Float(beta2), w1 = Float(1 - beta1), w2 = Float(1 - beta2)
        let decay = Float(1 - Double(lr) * Double(weightDecay))
        for (i, p) in parameters.enumerated() {
            guard let grad = p.grad else { continue }
            moments[i].step += 1
            let t = Double(moments[i].step)
            let stepSize = Float(Double(lr) / (1 - pow(beta1, t)))
            let bc2Sqrt = Float((1 - pow(beta2, t)).squareRoot())
            let x = p.data, g = grad.pointer, n = p.count
            // Move the moments out while updating them (one exclusive access each, no copies).
            var mArr = moments[i].m, vArr = moments[i].v
            moments[i].m = []; moments[i].v = []
            mArr.withUnsafeMutableBufferPointer { mb in
                vArr.withUnsafeMutableBufferPointer { vb in
                    let m = mb.baseAddress!, v = vb.baseAddress!
                    Parallel.chunks(n, cost: 12) { s, e in
                        for j in s..<e {
                            x[j] *= decay
                            m[j] += w1 * (g[j] - m[j])
                            v[j] = b2 * v[j] + w2 * g[j] * g[j]
                            x[j] -= stepSize * m[j] / (v[j].squareRoot() / bc2Sqrt + eps)
                        }
                    }
                }
            }
            moments[i].m = mArr; moments[i].v = vArr
        }
    }

    /// Drop every parameter's gradient (before the next forward pass).
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    /// Restore state saved from `moments`, matched by name.
    /// - Throws: `AttuneError.invalid` naming the parameter that is missing or of another size.
    public mutating func restore(_ saved: [AdamWMoments]) throws {
        let byName = Dictionary(saved.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var restored = moments
        for (i, cur) in moments.enumerated() {
            guard let s = byName[cur.name] else {
                throw AttuneError.invalid("AdamW state: no entry for parameter \(cur.name)")
            }
            guard s.m.count == cur.m.count && s.v.count == cur.v.count else {
                throw AttuneError.invalid("AdamW state: parameter \(cur.name) has \(s.m.count)/\(s.v.count) moment values, expected \(cur.m.count)")
            }
            guard s.step >= 0 else { throw AttuneError.invalid("AdamW state: parameter \(cur.name) has negative step \(s.step)") }
            restored[i] = s
        }
        moments = restored
    }
}

/// Scale all gradients so their global L2 norm is at most `maxNorm`, as
/// `torch.nn.utils.clip_grad_norm_` does: factor `maxNorm/(norm + 1e-6)`, applied when below 1.
/// Tensors without a gradient are ignored. Returns the norm before clipping.
@discardableResult
public func clipGradNorm(_ params: [Tensor], maxNorm: Float) -> Float {
    var total: Double = 0
    for p in params {
        guard let g = p.grad?.pointer else { continue }
        var s: Double = 0
        for i in 0..<p.count { s += Double(g[i]) * Double(g[i]) }
        total += s
    }
    let norm = Float(total.squareRoot())
    let coef = maxNorm / (norm + 1e-6)
    if coef < 1 {
        for p in params {
            guard let g = p.grad?.pointer else { continue }
            for i in 0..<p.count { g[i] *= coef }
        }
    }
    return norm
}

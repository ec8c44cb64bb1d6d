import Foundation

// Row-wise normalisations. Forward and backward side by side.
//
//   layerNorm:  x̂ = (x − μ)/√(σ² + eps),  y = γ∘x̂ + β
//               dγ += Σrows dy∘x̂,  dβ += Σrows dy,
//               dx += (1/σ̃)·(dx̂ − mean(dx̂) − x̂·mean(dx̂∘x̂))  with dx̂ = dy∘γ
//   l2Normalize: y = x/max(‖x‖, eps)
//               dx += (dy − y·⟨dy, y⟩)/‖x‖   (when ‖x‖ > eps)

extension Tensor {
    /// LayerNorm over the last dimension with learned `gamma` and `beta`.
    public func layerNorm(_ gamma: Tensor, _ beta: Tensor, eps: Float) -> Tensor {
        let c = cols, r = rows
        precondition(gamma.count == c && beta.count == c,
                     "layerNorm: gamma \(gamma.shape) / beta \(beta.shape) do not fit rows of \(shape)")
        let x = self
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad || gamma.requiresGrad || beta.requiresGrad)
        // Keep x̂ and 1/σ̃ per row for the backward pass (only when recording).
        let xhat = out.requiresGrad ? Storage(count: r * c) : nil
        let rstd = out.requiresGrad ? Storage(count: r) : nil
        let px = x.data, y = out.data, pg = gamma.data, pb = beta.data
        let xh = xhat?.pointer, rs = rstd?.pointer
        Parallel.chunks(r, cost: c * 4) { s, e in
            for i in s..<e {
                let row = px + i * c, yr = y + i * c
                var mean: Float = 0
                for j in 0..<c { mean += row[j] }
                mean /= Float(c)
                var v: Float = 0
                for j in 0..<c { let d = row[j] - mean; v += d * d }
                let inv = 1 / (v / Float(c) + eps).squareRoot()
                for j in 0..<c { yr[j] = (row[j] - mean) * inv * pg[j] + pb[j] }
                if let xh, let rs {
                    rs[i] = inv
                    for j in 0..<c { xh[i * c + j] = (row[j] - mean) * inv }
                }
            }
        }
        if out.requiresGrad, let xhat, let rstd {
            out.record([x, gamma, beta]) { g in
                let xh = xhat.pointer, rs = rstd.pointer
                if gamma.requiresGrad || beta.requiresGrad {
                    let dg = gamma.requiresGrad ? gamma.gradBuffer() : nil
                    let db = beta.requiresGrad ? beta.gradBuffer() : nil
                    for i in 0..<r {
                        for j in 0..<c {
                            let gij = g[i * c + j]
                            dg?[j] += gij * xh[i * c + j]
                            db?[j] += gij
                        }
                    }
                }
                if x.requiresGrad {
                    let dx = x.gradBuffer()
                    Parallel.chunks(r, cost: c * 4) { s, e in
                        for i in s..<e {
                            var m1: Float = 0, m2: Float = 0
                            for j in 0..<c {
                                let dxh = g[i * c + j] * pg[j]
                                m1 += dxh; m2 += dxh * xh[i * c + j]
                            }
                            m1 /= Float(c); m2 /= Float(c)
                            for j in 0..<c {
                                let dxh = g[i * c + j] * pg[j]
                                dx[i * c + j] += rs[i] * (dxh - m1 - xh[i * c + j] * m2)
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Each row divided by its Euclidean norm (norms below `eps` are treated as `eps`, as torch does).
    public func l2Normalize(eps: Float = 1e-12) -> Tensor {
        let c = cols, r = rows, x = self
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad)
        let norms = Storage(count: r)
        let px = x.data, y = out.data, nr = norms.pointer
        for i in 0..<r {
            var s: Float = 0
            for j in 0..<c { s += px[i * c + j] * px[i * c + j] }
            let n = max(s.squareRoot(), eps)
            nr[i] = n
            for j in 0..<c { y[i * c + j] = px[i * c + j] / n }
        }
        if out.requiresGrad {
            let ys = out.storage
            out.record([x]) { g in
                // Capture the norms' storage, not just its pointer, so it outlives this function.
                let dx = x.gradBuffer(), y = ys.pointer, nr = norms.pointer
                for i in 0..<r {
                    let n = nr[i]
                    if n <= eps {  // clamped: y = x/eps is linear
                        for j in 0..<c { dx[i * c + j] += g[i * c + j] / n }
                        continue
                    }
                    var dot: Float = 0
                    for j in 0..<c { dot += g[i * c + j] * y[i * c + j] }
                    for j in 0..<c { dx[i * c + j] += (g[i * c + j] - y[i * c + j] * dot) / n }
                }
            }
        }
        return out
    }
}

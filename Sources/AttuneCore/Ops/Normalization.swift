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
        let kernels = Kernels.table
        Parallel.chunks(r, cost: c * 4) { s, e in
            kernels.layernorm_rows!(px + s * c, pg, pb, y + s * c, xh.map { $0 + s * c }, rs.map { $0 + s }, e - s, c, eps)
        }
        if out.requiresGrad, let xhat, let rstd {
            out.record([x, gamma, beta]) { g in
                let xh = xhat.pointer, rs = rstd.pointer
                if gamma.requiresGrad || beta.requiresGrad {
                    kernels.layernorm_param_grads!(g, xh, gamma.requiresGrad ? gamma.gradBuffer() : nil,
                                                   beta.requiresGrad ? beta.gradBuffer() : nil, r, c)
                }
                if x.requiresGrad {
                    let dx = x.gradBuffer()
                    Parallel.chunks(r, cost: c * 4) { s, e in
                        kernels.layernorm_backward_rows!(g + s * c, pg, xh + s * c, rs + s, dx + s * c, e - s, c)
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

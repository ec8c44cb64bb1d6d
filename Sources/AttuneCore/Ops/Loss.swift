import Foundation

// Similarity and loss. Forward and backward side by side.
//
//   cosineSimilarity: S = norm(A) · norm(B)ᵀ  (composed from l2Normalize and matmul, so its
//                     backward is theirs)
//   crossEntropy:     loss = mean_i [ logsumexp(z_i masked) − z_i[t_i] ]
//                     dz_i += (softmax(z_i masked) − onehot(t_i)) / n

extension Tensor {
    /// Cosine similarity of every row of `self` with every row of `other`: `[rows, other.rows]`.
    public func cosineSimilarity(_ other: Tensor) -> Tensor {
        precondition(cols == other.cols, "cosineSimilarity: \(shape) and \(other.shape) differ in width")
        return l2Normalize().matmul(other.l2Normalize(), transB: true)
    }

    /// Mean cross-entropy of `self` (logits `[n, classes]`) toward `targets`. Entries where
    /// `exclude[i]` contains a column are left out of row `i`'s softmax (as if their logit were −∞).
    public func crossEntropy(targets: [Int], exclude: [[Int]]? = nil) -> Tensor {
        precondition(rank == 2 && targets.count == shape[0],
                     "crossEntropy: \(targets.count) targets for logits \(shape)")
        let n = shape[0], c = shape[1], z = self
        let probs = Storage(count: n * c)
        let p = probs.pointer
        var total: Double = 0
        for i in 0..<n {
            let t = targets[i]
            precondition(t >= 0 && t < c, "crossEntropy: target \(t) of row \(i) is outside \(c) classes")
            let row = z.data + i * c, pr = p + i * c
            var keep = [Bool](repeating: true, count: c)
            if let ex = exclude?[i] { for j in ex where j != t { keep[j] = false } }
            var mx = -Float.infinity
            for j in 0..<c where keep[j] { mx = max(mx, row[j]) }
            var sum: Double = 0
            for j in 0..<c { let e = keep[j] ? Foundation.exp(Double(row[j] - mx)) : 0; pr[j] = Float(e); sum += e }
            for j in 0..<c { pr[j] = Float(Double(pr[j]) / sum) }
            total += log(sum) + Double(mx) - Double(row[t])
        }
        let out = Tensor([Float(total / Double(n))], shape: [1], requiresGrad: z.requiresGrad)
        if out.requiresGrad {
            out.record([z]) { g in
                // Capture the probabilities' storage, not just its pointer, so it outlives this function.
                let d = z.gradBuffer(), scale = g[0] / Float(n), p = probs.pointer
                for i in 0..<n {
                    for j in 0..<c { d[i * c + j] += scale * (p[i * c + j] - (j == targets[i] ? 1 : 0)) }
                }
            }
        }
        return out
    }
}

import Foundation

// The losses a cross-encoder trains with, and the ops they need. Forward and backward side by side.
//
//   sigmoid:   y = σ(x) = 1/(1 + e^−x)            dx += dy·y(1 − y)
//   reshaped:  the same values, another shape      dx += dy
//   binaryCrossEntropyWithLogits (PyTorch's BCEWithLogitsLoss, mean, with pos_weight p):
//              loss = mean_i [ p·y_i·softplus(−z_i) + (1 − y_i)·softplus(z_i) ]
//                     (= −[p·y·log σ(z) + (1 − y)·log(1 − σ(z))], computed without overflow)
//              dz_i += (p·y_i·(σ(z_i) − 1) + (1 − y_i)·σ(z_i)) / n
//   listwiseCrossEntropy: each query's `group` candidate logits (the positive first) as one row,
//              loss = mean_q [ logsumexp(s_q) − s_q[0] ]   — composed from reshaped and
//              crossEntropy, so its backward is theirs (softmax − onehot, over n).

extension Tensor {
    /// The logistic sigmoid, elementwise.
    public func sigmoid() -> Tensor {
        let x = self, n = count
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad)
        let y = out.data, px = x.data
        Parallel.chunks(n, cost: 8) { s, e in
            for i in s..<e { y[i] = 1 / (1 + Foundation.exp(-px[i])) }
        }
        if out.requiresGrad {
            let ys = out.storage
            out.record([x]) { g in
                let d = x.gradBuffer(), y = ys.pointer
                Parallel.chunks(n) { s, e in for i in s..<e { d[i] += g[i] * y[i] * (1 - y[i]) } }
            }
        }
        return out
    }

    /// The same values in `shape` (same count), a copy on the tape.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(newShape.reduce(1, *) == count, "reshaped: \(shape) has \(count) values, \(newShape) needs \(newShape.reduce(1, *))")
        let x = self, n = count
        let out = Tensor(uninitialized: newShape, requiresGrad: x.requiresGrad)
        out.data.update(from: x.data, count: n)
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer()
                for i in 0..<n { d[i] += g[i] }
            }
        }
        return out
    }

    /// Mean binary cross-entropy of logits `self` (any shape, one per label) toward `targets` in
    /// [0, 1], positives weighted by `posWeight` (PyTorch's `BCEWithLogitsLoss(pos_weight=…)`,
    /// sentence-transformers' cross-encoder `BinaryCrossEntropyLoss`). A scalar.
    public func binaryCrossEntropyWithLogits(targets: [Float], posWeight: Float = 1) -> Tensor {
        precondition(targets.count == count, "binaryCrossEntropyWithLogits: \(targets.count) targets for \(count) logits")
        precondition(targets.allSatisfy { $0 >= 0 && $0 <= 1 }, "binaryCrossEntropyWithLogits: targets must be in [0, 1]")
        precondition(posWeight > 0, "binaryCrossEntropyWithLogits: pos_weight must be positive, got \(posWeight)")
        let z = self, n = count
        // softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^−|x|), exact for large |x| too.
        func softplus(_ x: Double) -> Double { max(x, 0) + Foundation.log1p(Foundation.exp(-abs(x))) }
        var total: Double = 0
        for i in 0..<n {
            let x = Double(z.data[i]), y = Double(targets[i])
            total += Double(posWeight) * y * softplus(-x) + (1 - y) * softplus(x)
        }
        let out = Tensor([Float(total / Double(n))], shape: [1], requiresGrad: z.requiresGrad)
        if out.requiresGrad {
            out.record([z]) { g in
                let d = z.gradBuffer(), scale = Double(g[0]) / Double(n), p = Double(posWeight)
                for i in 0..<n {
                    let x = Double(z.data[i]), y = Double(targets[i])
                    let s = 1 / (1 + Foundation.exp(-x))
                    d[i] += Float(scale * (p * y * (s - 1) + (1 - y) * s))
                }
            }
        }
        return out
    }

    /// The listwise loss over candidates: `self` holds `group` scores per query back to back
    /// (`[queries · group]` or `[queries · group, 1]`), the positive first, then its negatives; the
    /// mean over queries of the cross-entropy of each query's softmax toward its positive
    /// (sentence-transformers' cross-encoder `MultipleNegativesRankingLoss` applies it to
    /// `scale · σ(logits)`: compose `sigmoid()` and `scaled(_:)` first). A scalar.
    public func listwiseCrossEntropy(group: Int) -> Tensor {
        precondition(group >= 2 && count % group == 0, "listwiseCrossEntropy: \(count) scores are not queries × \(group) candidates")
        let queries = count / group
        return reshaped([queries, group]).crossEntropy(targets: [Int](repeating: 0, count: queries))
    }
}

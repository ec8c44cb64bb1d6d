import Foundation

// The distillation loss a bi-encoder learns a teacher's margins with. Forward and backward side by side.
//
//   marginMSE over a score matrix S [rows, cols] and triples (i, p, n) with targets t:
//       m_k    = S[i_k, p_k] − S[i_k, n_k]                  the student's margin
//       loss   = mean_k (m_k − t_k)²                         (sentence-transformers' MarginMSELoss)
//       dS[i_k, p_k] += 2(m_k − t_k)/K,   dS[i_k, n_k] −= 2(m_k − t_k)/K

/// One margin the student is asked to match: row `row`'s score of column `positive` less its score
/// of column `negative` should be `target`.
public struct MarginTarget: Sendable, Equatable {
    public var row: Int, positive: Int, negative: Int
    public var target: Float

    public init(row: Int, positive: Int, negative: Int, target: Float) {
        self.row = row; self.positive = positive; self.negative = negative; self.target = target
    }
}

extension Tensor {
    /// Mean squared error between the margins `self[row, positive] − self[row, negative]` of a score
    /// matrix `[rows, cols]` and each margin's target (Hofstätter et al. 2020's Margin-MSE). A
    /// scalar; 0 (off the tape's path) for no margins.
    public func marginMSE(_ margins: [MarginTarget]) -> Tensor {
        precondition(rank == 2, "marginMSE: scores \(shape) are not [rows, cols]")
        let s = self, c = cols
        precondition(margins.allSatisfy { $0.row < rows && $0.positive < c && $0.negative < c },
                     "marginMSE: a margin indexes outside the \(shape) scores")
        guard !margins.isEmpty else { return Tensor([0], shape: [1]) }
        let k = Double(margins.count)
        var total: Double = 0
        for m in margins {
            let e = Double(s.data[m.row * c + m.positive]) - Double(s.data[m.row * c + m.negative]) - Double(m.target)
            total += e * e
        }
        let out = Tensor([Float(total / k)], shape: [1], requiresGrad: s.requiresGrad)
        if out.requiresGrad {
            out.record([s]) { g in
                let d = s.gradBuffer()
                for m in margins {
                    let e = Double(s.data[m.row * c + m.positive]) - Double(s.data[m.row * c + m.negative]) - Double(m.target)
                    let v = Float(2 * e / k * Double(g[0]))
                    d[m.row * c + m.positive] += v
                    d[m.row * c + m.negative] -= v
                }
            }
        }
        return out
    }
}

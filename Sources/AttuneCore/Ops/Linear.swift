// Matrix products, all through cblas_sgemm. Forward and backward side by side.
//
//   matmul:  C = op(A) · op(B)          dA = dC · op(B)ᵀ (re-transposed), dB likewise
//   linear:  Y = X · Wᵀ + b             dX = dY · W,  dW += dYᵀ · X,  db += Σrows dY

extension Tensor {
    /// `op(self) · op(other)` for 2-D tensors; `transA`/`transB` transpose an operand.
    public func matmul(_ other: Tensor, transA: Bool = false, transB: Bool = false) -> Tensor {
        precondition(rank == 2 && other.rank == 2, "matmul: needs 2-D tensors, got \(shape) and \(other.shape)")
        let (m, k) = transA ? (shape[1], shape[0]) : (shape[0], shape[1])
        let (k2, n) = transB ? (other.shape[1], other.shape[0]) : (other.shape[0], other.shape[1])
        precondition(k == k2, "matmul: inner dimensions differ: \(shape)\(transA ? "ᵀ" : "") · \(other.shape)\(transB ? "ᵀ" : "")")
        let a = self, b = other
        let out = Tensor(uninitialized: [m, n], requiresGrad: a.requiresGrad || b.requiresGrad)
        BLAS.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, a: a.data, lda: a.shape[1],
                   b: b.data, ldb: b.shape[1], c: out.data, ldc: n)
        if out.requiresGrad {
            out.record([a, b]) { g in
                if a.requiresGrad {  // dA (shape of A): transA ? op(B)·dCᵀ : dC·op(B)ᵀ
                    if transA {
                        BLAS.sgemm(transA: transB, transB: true, m: k, n: m, k: n, a: b.data, lda: b.shape[1],
                                   b: g, ldb: n, beta: 1, c: a.gradBuffer(), ldc: m)
                    } else {
                        BLAS.sgemm(transA: false, transB: !transB, m: m, n: k, k: n, a: g, lda: n,
                                   b: b.data, ldb: b.shape[1], beta: 1, c: a.gradBuffer(), ldc: k)
                    }
                }
                if b.requiresGrad {  // dB: transB ? dCᵀ·op(A) : op(A)ᵀ·dC
                    if transB {
                        BLAS.sgemm(transA: true, transB: transA, m: n, n: k, k: m, a: g, lda: n,
                                   b: a.data, ldb: a.shape[1], beta: 1, c: b.gradBuffer(), ldc: k)
                    } else {
                        BLAS.sgemm(transA: !transA, transB: false, m: k, n: n, k: m, a: a.data, lda: a.shape[1],
                                   b: g, ldb: n, beta: 1, c: b.gradBuffer(), ldc: n)
                    }
                }
            }
        }
        return out
    }

    /// A dense layer in Hugging Face's layout: `self[rows, in] · weightᵀ[in, out] + bias[out]`.
    public func linear(_ weight: Tensor, _ bias: Tensor?) -> Tensor {
        let inF = cols, rowsN = rows
        precondition(weight.rank == 2 && weight.shape[1] == inF,
                     "linear: input \(shape) does not fit weight \(weight.shape) (expects [out, \(inF)])")
        let outF = weight.shape[0]
        if let bias { precondition(bias.count == outF, "linear: bias \(bias.shape) does not fit weight \(weight.shape)") }
        let x = self
        let outShape = Array(shape.dropLast()) + [outF]
        let out = Tensor(uninitialized: outShape,
                         requiresGrad: x.requiresGrad || weight.requiresGrad || (bias?.requiresGrad ?? false))
        if let bias {  // start from the broadcast bias, then accumulate X·Wᵀ onto it (beta = 1)
            let y = out.data, b = bias.data
            Parallel.chunks(rowsN, cost: outF) { s, e in
                for r in s..<e { (y + r * outF).update(from: b, count: outF) }
            }
        }
        BLAS.sgemm(transA: false, transB: true, m: rowsN, n: outF, k: inF, a: x.data, lda: inF,
                   b: weight.data, ldb: inF, beta: bias == nil ? 0 : 1, c: out.data, ldc: outF)
        if out.requiresGrad {
            out.record([x, weight] + (bias.map { [$0] } ?? [])) { g in
                if x.requiresGrad {
                    BLAS.sgemm(transA: false, transB: false, m: rowsN, n: inF, k: outF, a: g, lda: outF,
                               b: weight.data, ldb: inF, beta: 1, c: x.gradBuffer(), ldc: inF)
                }
                if weight.requiresGrad {
                    BLAS.sgemm(transA: true, transB: false, m: outF, n: inF, k: rowsN, a: g, lda: outF,
                               b: x.data, ldb: inF, beta: 1, c: weight.gradBuffer(), ldc: inF)
                }
                if let bias, bias.requiresGrad {
                    let gb = bias.gradBuffer()
                    for r in 0..<rowsN {
                        let row = g + r * outF
                        for j in 0..<outF { gb[j] += row[j] }
                    }
                }
            }
        }
        return out
    }
}

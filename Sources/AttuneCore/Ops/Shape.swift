// Shape ops: views and copies that move values without arithmetic.
//
//   reshaped:     same storage, new shape                  dx += dy (same order)
//   splitHeads:   [B·L, H·D] → [B·H, L, D]                 the inverse permutation
//   mergeHeads:   [B·H, L, D] → [B·L, H·D]                 the inverse permutation
//   concatRows:   rows of each input, one after another    each input gets its rows back
//   sliceRows:    rows start..<end                         dx[start..<end] += dy

extension Tensor {
    /// The same values with another shape (a new tensor over a copy, so history stays simple).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(newShape.reduce(1, *) == count, "reshape: \(shape) has \(count) values, \(newShape) needs \(newShape.reduce(1, *))")
        let x = self, n = count
        let out = Tensor(zeros: newShape, requiresGrad: x.requiresGrad)
        out.data.update(from: x.data, count: n)
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer()
                for i in 0..<n { d[i] += g[i] }
            }
        }
        return out
    }

    /// `[batch·len, heads·dim]` → `[batch·heads, len, dim]`: the head-major layout for batched attention.
    public func splitHeads(batch: Int, heads: Int) -> Tensor {
        precondition(rank == 2 && shape[0] % batch == 0 && shape[1] % heads == 0,
                     "splitHeads: \(shape) cannot be split into \(batch) sequences × \(heads) heads")
        let len = shape[0] / batch, dim = shape[1] / heads
        return permuteHeads(to: [batch * heads, len, dim], batch: batch, heads: heads, len: len, dim: dim, split: true)
    }

    /// `[batch·heads, len, dim]` → `[batch·len, heads·dim]`: back from head-major.
    public func mergeHeads(heads: Int) -> Tensor {
        precondition(rank == 3 && shape[0] % heads == 0, "mergeHeads: \(shape) does not hold \(heads) heads per sequence")
        let batch = shape[0] / heads, len = shape[1], dim = shape[2]
        return permuteHeads(to: [batch * len, heads * dim], batch: batch, heads: heads, len: len, dim: dim, split: false)
    }

    private func permuteHeads(to newShape: [Int], batch: Int, heads: Int, len: Int, dim: Int, split: Bool) -> Tensor {
        let x = self
        let out = Tensor(zeros: newShape, requiresGrad: x.requiresGrad)
        // Index in the token-major layout ↔ index in the head-major layout.
        @inline(__always) func move(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, forward: Bool, accumulate: Bool) {
            for b in 0..<batch { for t in 0..<len { for h in 0..<heads {
                let tokenMajor = ((b * len + t) * heads + h) * dim
                let headMajor = ((b * heads + h) * len + t) * dim
                let (s, d) = forward == split ? (tokenMajor, headMajor) : (headMajor, tokenMajor)
                if accumulate { for j in 0..<dim { dst[d + j] += src[s + j] } }
                else { (dst + d).update(from: src + s, count: dim) }
            } } }
        }
        move(x.data, out.data, forward: true, accumulate: false)
        if out.requiresGrad {
            out.record([x]) { g in move(g, x.gradBuffer(), forward: false, accumulate: true) }
        }
        return out
    }

    /// Stack 2-D tensors with equal column counts row-wise.
    public static func concatRows(_ parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty, "concatRows: nothing to concatenate")
        let c = parts[0].cols
        for p in parts { precondition(p.cols == c, "concatRows: \(p.shape) has \(p.cols) columns, expected \(c)") }
        let total = parts.reduce(0) { $0 + $1.rows }
        let out = Tensor(zeros: [total, c], requiresGrad: parts.contains { $0.requiresGrad })
        var offset = 0
        var offsets: [Int] = []
        for p in parts {
            offsets.append(offset)
            (out.data + offset).update(from: p.data, count: p.count)
            offset += p.count
        }
        if out.requiresGrad {
            out.record(parts) { g in
                for (p, o) in zip(parts, offsets) where p.requiresGrad {
                    let d = p.gradBuffer()
                    for i in 0..<p.count { d[i] += g[o + i] }
                }
            }
        }
        return out
    }

    /// Rows `range` of a 2-D tensor.
    public func sliceRows(_ range: Range<Int>) -> Tensor {
        precondition(range.lowerBound >= 0 && range.upperBound <= rows, "sliceRows: \(range) out of \(rows) rows of \(shape)")
        let x = self, c = cols
        let out = Tensor(zeros: [range.count, c], requiresGrad: x.requiresGrad)
        out.data.update(from: x.data + range.lowerBound * c, count: range.count * c)
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer() + range.lowerBound * c
                for i in 0..<(range.count * c) { d[i] += g[i] }
            }
        }
        return out
    }
}

// Shape ops: views and copies that move values without arithmetic.
//
//   concatRows:   rows of each input, one after another    each input gets its rows back
//   sliceRows:    rows start..<end                         dx[start..<end] += dy
//   prefixColumns: each row's first n values               dx[i, 0..<n] += dy[i]

extension Tensor {
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

    /// The first `n` columns of every row of a 2-D tensor (a Matryoshka embedding's prefix).
    public func prefixColumns(_ n: Int) -> Tensor {
        precondition(rank == 2 && n >= 1 && n <= cols, "prefixColumns: \(n) columns of \(shape)")
        let x = self, c = cols, r = rows
        let out = Tensor(zeros: [r, n], requiresGrad: x.requiresGrad)
        for i in 0..<r { (out.data + i * n).update(from: x.data + i * c, count: n) }
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer()
                for i in 0..<r { for j in 0..<n { d[i * c + j] += g[i * n + j] } }
            }
        }
        return out
    }
}

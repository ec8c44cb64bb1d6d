// Pooling over packed sequences. Forward and backward side by side.
//
//   meanPool:  y[s] = mean of rows of sequence s         dx[row] += dy[s]/len(s)
//   clsPool:   y[s] = first row of sequence s            dx[first] += dy[s]
//   maxPool:   y[s][j] = max over rows of sequence s     dx[argmax] += dy[s][j]

extension Tensor {
    /// Mean of each sequence's rows; sequence `s` is the next `lengths[s]` rows of `self`
    /// (packed, so padding never enters the mean). An empty sequence pools to zeros.
    public func meanPool(lengths: [Int]) -> Tensor {
        poolCheck("meanPool", lengths)
        let x = self, c = cols
        let out = Tensor(zeros: [lengths.count, c], requiresGrad: x.requiresGrad)
        var o = 0
        for (s, l) in lengths.enumerated() {
            let y = out.data + s * c
            for t in 0..<l { let row = x.data + (o + t) * c; for j in 0..<c { y[j] += row[j] } }
            if l > 0 { let inv = 1 / Float(l); for j in 0..<c { y[j] *= inv } }
            o += l
        }
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer()
                var o = 0
                for (s, l) in lengths.enumerated() {
                    let inv = 1 / Float(max(l, 1)), gs = g + s * c
                    for t in 0..<l { let row = d + (o + t) * c; for j in 0..<c { row[j] += gs[j] * inv } }
                    o += l
                }
            }
        }
        return out
    }

    /// The first row of each sequence (BERT's [CLS] token).
    public func clsPool(lengths: [Int]) -> Tensor {
        poolCheck("clsPool", lengths)
        var starts: [Int] = []
        var o = 0
        for l in lengths { starts.append(o); o += l }
        let x = self, c = cols
        let out = Tensor(zeros: [lengths.count, c], requiresGrad: x.requiresGrad)
        for (s, st) in starts.enumerated() where lengths[s] > 0 { (out.data + s * c).update(from: x.data + st * c, count: c) }
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer()
                for (s, st) in starts.enumerated() where lengths[s] > 0 { for j in 0..<c { d[st * c + j] += g[s * c + j] } }
            }
        }
        return out
    }

    /// The elementwise maximum over each sequence's rows.
    public func maxPool(lengths: [Int]) -> Tensor {
        poolCheck("maxPool", lengths)
        let x = self, c = cols
        let out = Tensor(zeros: [lengths.count, c], requiresGrad: x.requiresGrad)
        var argmax = [Int](repeating: -1, count: lengths.count * c)
        var o = 0
        for (s, l) in lengths.enumerated() {
            for j in 0..<c {
                var best = -Float.infinity, at = -1
                for t in 0..<l { let v = x.data[(o + t) * c + j]; if v > best { best = v; at = o + t } }
                out.data[s * c + j] = l > 0 ? best : 0
                argmax[s * c + j] = at
            }
            o += l
        }
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer()
                for (i, at) in argmax.enumerated() where at >= 0 { d[at * c + i % c] += g[i] }
            }
        }
        return out
    }

    private func poolCheck(_ op: String, _ lengths: [Int]) {
        precondition(rank == 2 && lengths.reduce(0, +) == shape[0],
                     "\(op): lengths sum to \(lengths.reduce(0, +)) but input \(shape) has \(rank == 2 ? shape[0] : -1) rows")
    }
}

import Foundation

// Softmax and attention. Forward and backward side by side.
//
//   softmax:   p = softmax(x + mask) over the last dimension
//              dx += p∘(dp − ⟨dp, p⟩)
//   attention: packed sequences (no padding): for each sequence s and head h,
//              S = Q_h K_hᵀ·scale + B_h (B_h[i, j] = bias[h, j − i]: MPNet's relative positions; 0 without),
//              P = softmax(S), P̃ = P∘M (dropout mask M, 1 without it), O_h = P̃ V_h
//              dV_h += P̃ᵀ dO_h,  dP = (dO_h V_hᵀ)∘M,  dS = P∘(dP − rowsum(dP∘P))·scale,
//              dQ_h += dS K_h,   dK_h += dSᵀ Q_h

extension Tensor {
    /// Softmax over the last dimension after adding `mask` (broadcast over leading rows in blocks:
    /// `mask` has shape `[k, cols]` and row `i` of `self` uses mask row `(i / (rows / k))`, i.e. one
    /// mask row per sequence when `self` is `[batch·heads·len, len]` and mask is `[batch, len]`;
    /// use 0 for keep and a large negative number for masked positions).
    public func softmax(mask: Tensor? = nil) -> Tensor {
        let c = cols, r = rows, x = self
        var group = r
        if let mask {
            precondition(mask.cols == c && mask.rows > 0 && r % mask.rows == 0,
                         "softmax: mask \(mask.shape) does not fit \(shape)")
            group = r / mask.rows
        }
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad)
        let px = x.data, y = out.data, pm = mask?.data
        let kernels = Kernels.table
        Parallel.chunks(r, cost: c * 4) { s, e in
            for i in s..<e {
                let row = px + i * c, yr = y + i * c
                if let pm {
                    let mrow = pm + (i / group) * c
                    for j in 0..<c { yr[j] = row[j] + mrow[j] }
                } else {
                    yr.update(from: row, count: c)
                }
            }
            kernels.softmax_rows!(y + s * c, e - s, c)
        }
        if out.requiresGrad {
            let ys = out.storage
            out.record([x]) { g in
                let dx = x.gradBuffer(), p = ys.pointer
                Parallel.chunks(r, cost: c * 3) { s, e in
                    kernels.softmax_backward_rows!(p + s * c, g + s * c, dx + s * c, e - s, c)
                }
            }
        }
        return out
    }

    /// Multi-head self-attention over packed sequences: `q`, `k`, `v` are `[tokens, heads·dim]` where
    /// the tokens of sequence `i` are rows `offsets[i]..<offsets[i+1]`. No padding, so no mask and no
    /// work wasted. Returns `[tokens, heads·dim]`. `dropout` > 0 drops attention probabilities (as
    /// BERT does in training) with a mask drawn from `seed`.
    ///
    /// `relativeBias`, when given, is `[heads, 2R + 1]` with R ≥ the longest sequence − 1: entry
    /// `[h, R + (j − i)]` is added to head h's score of query i for key j (MPNet's relative-position
    /// bias, one table shared by all sequences). It is a constant: it gets no gradient, and it does
    /// not change the gradients of q, k and v beyond the probabilities it shifts.
    public static func attention(q: Tensor, k: Tensor, v: Tensor, lengths: [Int], heads: Int,
                                 relativeBias: Tensor? = nil,
                                 dropout: Float = 0, seed: UInt64 = 0) -> Tensor {
        precondition(dropout >= 0 && dropout < 1, "attention: dropout \(dropout) is not in [0, 1)")
        precondition(q.shape == k.shape && q.shape == v.shape && q.rank == 2,
                     "attention: q \(q.shape), k \(k.shape), v \(v.shape) must be equal 2-D shapes")
        let tokens = q.shape[0], width = q.shape[1]
        precondition(width % heads == 0, "attention: width \(width) is not divisible by \(heads) heads")
        precondition(lengths.reduce(0, +) == tokens, "attention: lengths sum to \(lengths.reduce(0, +)), q has \(tokens) rows")
        let dim = width / heads
        let scale = 1 / Float(dim).squareRoot()
        var offsets = [0]
        for l in lengths { offsets.append(offsets.last! + l) }
        let out = Tensor(uninitialized: [tokens, width], requiresGrad: q.requiresGrad || k.requiresGrad || v.requiresGrad)
        // Probabilities are kept for backward: Σ heads·L² floats per sequence.
        var probOffsets = [0]
        for l in lengths { probOffsets.append(probOffsets.last! + heads * l * l) }
        let probs = out.requiresGrad ? Storage(count: probOffsets.last!) : nil
        // The dropout mask (0 or 1/(1−p) per probability), drawn serially so threads don't change it.
        let mask: Storage? = dropout == 0 ? nil : {
            let m = Storage(count: probOffsets.last!, zeroed: false)
            var rng = SplitMix64(seed: seed)
            rng.fillDropoutMask(m.pointer, count: m.count, p: dropout)
            return m
        }()
        let maxLen = lengths.max() ?? 0
        let biasSpan = relativeBias.map { $0.cols } ?? 0
        if let relativeBias {
            precondition(relativeBias.rank == 2 && relativeBias.shape[0] == heads && biasSpan % 2 == 1
                         && biasSpan >= 2 * maxLen - 1,
                         "attention: relative bias \(relativeBias.shape) does not fit \(heads) heads and \(maxLen) tokens")
        }
        let pb = relativeBias?.data
        let pq = q.data, pk = k.data, pv = v.data, po = out.data
        // One (sequence, head) item per work unit; each thread needs an L×L scratch when not keeping probs.
        let items = lengths.count * heads
        let threads = Parallel.threads
        let scratch = Storage(count: probs == nil || mask != nil ? threads * maxLen * maxLen : 0)
        Parallel.blasChunks(items, cost: maxLen * maxLen * dim * 4) { tid, s, e in
            for item in s..<e {
                let seq = item / heads, h = item % heads
                let L = lengths[seq], o = offsets[seq]
                if L == 0 { continue }
                let tmp = scratch.pointer + tid * maxLen * maxLen
                let p = probs.map { $0.pointer + probOffsets[seq] + h * L * L } ?? tmp
                let qh = pq + o * width + h * dim, kh = pk + o * width + h * dim, vh = pv + o * width + h * dim
                BLAS.sgemm(transA: false, transB: true, m: L, n: L, k: dim, alpha: scale, a: qh, lda: width,
                           b: kh, ldb: width, c: p, ldc: L)
                if let pb {  // S[i, j] += bias[h, R + j − i]
                    let center = pb + h * biasSpan + biasSpan / 2
                    for i in 0..<L {
                        let row = p + i * L, b = center - i
                        for j in 0..<L { row[j] += b[j] }
                    }
                }
                Kernels.softmaxRows(p, rows: L, cols: L)
                var used = UnsafePointer(p)
                if let mask {  // P̃ = P∘M into the scratch (P itself is kept for backward)
                    let m = mask.pointer + probOffsets[seq] + h * L * L
                    for i in 0..<(L * L) { tmp[i] = p[i] * m[i] }
                    used = UnsafePointer(tmp)
                }
                BLAS.sgemm(transA: false, transB: false, m: L, n: dim, k: L, a: used, lda: L,
                           b: vh, ldb: width, c: po + o * width + h * dim, ldc: width)
            }
        }
        if out.requiresGrad, let probs {
            out.record([q, k, v]) { g in
                let dq = q.requiresGrad ? q.gradBuffer() : nil
                let dk = k.requiresGrad ? k.gradBuffer() : nil
                let dv = v.requiresGrad ? v.gradBuffer() : nil
                let dsAll = Storage(count: threads * maxLen * maxLen * (mask == nil ? 1 : 2))
                Parallel.blasChunks(items, cost: maxLen * maxLen * dim * 8) { tid, s, e in
                    let ds = dsAll.pointer + tid * maxLen * maxLen * (mask == nil ? 1 : 2)
                    let dropped = ds + maxLen * maxLen  // P̃, when there is a mask
                    for item in s..<e {
                        let seq = item / heads, h = item % heads
                        let L = lengths[seq], o = offsets[seq]
                        if L == 0 { continue }
                        let p = probs.pointer + probOffsets[seq] + h * L * L
                        let base = o * width + h * dim
                        let gh = g + base
                        let m = mask.map { $0.pointer + probOffsets[seq] + h * L * L }
                        if let dv {  // dV += P̃ᵀ dO
                            var used = UnsafePointer(p)
                            if let m {
                                for i in 0..<(L * L) { dropped[i] = p[i] * m[i] }
                                used = UnsafePointer(dropped)
                            }
                            BLAS.sgemm(transA: true, transB: false, m: L, n: dim, k: L, a: used, lda: L,
                                       b: gh, ldb: width, beta: 1, c: dv + base, ldc: width)
                        }
                        if dq == nil && dk == nil { continue }
                        // dP = (dO Vᵀ)∘M, then dS = P∘(dP − rowsum(dP∘P))·scale in place.
                        BLAS.sgemm(transA: false, transB: true, m: L, n: L, k: dim, a: gh, lda: width,
                                   b: pv + base, ldb: width, c: ds, ldc: L)
                        if let m { for i in 0..<(L * L) { ds[i] *= m[i] } }
                        for i in 0..<L {
                            var dot: Float = 0
                            for j in 0..<L { dot += ds[i * L + j] * p[i * L + j] }
                            for j in 0..<L { ds[i * L + j] = p[i * L + j] * (ds[i * L + j] - dot) * scale }
                        }
                        if let dq {
                            BLAS.sgemm(transA: false, transB: false, m: L, n: dim, k: L, a: ds, lda: L,
                                       b: pk + base, ldb: width, beta: 1, c: dq + base, ldc: width)
                        }
                        if let dk {
                            BLAS.sgemm(transA: true, transB: false, m: L, n: dim, k: L, a: ds, lda: L,
                                       b: pq + base, ldb: width, beta: 1, c: dk + base, ldc: width)
                        }
                    }
                }
            }
        }
        return out
    }
}

import Foundation

// Elementwise ops, threaded over chunks. Forward and backward side by side.
//
//   add:      y = a + b                 da += dy, db += dy
//   mul:      y = a ∘ b                 da += dy ∘ b, db += dy ∘ a
//   scaled:   y = s·x                   dx += s·dy
//   gelu:     y = x·Φ(x) (erf form)     dx += dy·(Φ(x) + x·φ(x))
//   geluTanh: y = ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³)
//                                       dx += dy·(½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²))
//   relu:     y = max(x, 0)             dx += dy·[x > 0]
//   tanh:     y = tanh x                dx += dy·(1 − y²)
//   dropout:  y = x∘m/(1−p)             dx += dy∘m/(1−p)

extension Tensor {
    static func checkSame(_ op: String, _ a: Tensor, _ b: Tensor) {
        precondition(a.shape == b.shape, "\(op): shapes differ: \(a.shape) and \(b.shape)")
    }

    /// `self + other` (same shape).
    public func add(_ other: Tensor) -> Tensor {
        Tensor.checkSame("add", self, other)
        let a = self, b = other, n = count
        let out = Tensor(uninitialized: shape, requiresGrad: a.requiresGrad || b.requiresGrad)
        let y = out.data, pa = a.data, pb = b.data
        Parallel.chunks(n) { s, e in for i in s..<e { y[i] = pa[i] + pb[i] } }
        if out.requiresGrad {
            out.record([a, b]) { g in
                for t in [a, b] where t.requiresGrad {
                    let d = t.gradBuffer()
                    Parallel.chunks(n) { s, e in for i in s..<e { d[i] += g[i] } }
                }
            }
        }
        return out
    }

    /// `self ∘ other` (same shape).
    public func mul(_ other: Tensor) -> Tensor {
        Tensor.checkSame("mul", self, other)
        let a = self, b = other, n = count
        let out = Tensor(uninitialized: shape, requiresGrad: a.requiresGrad || b.requiresGrad)
        let y = out.data, pa = a.data, pb = b.data
        Parallel.chunks(n) { s, e in for i in s..<e { y[i] = pa[i] * pb[i] } }
        if out.requiresGrad {
            out.record([a, b]) { g in
                if a.requiresGrad {
                    let d = a.gradBuffer()
                    Parallel.chunks(n) { s, e in for i in s..<e { d[i] += g[i] * pb[i] } }
                }
                if b.requiresGrad {
                    let d = b.gradBuffer()
                    Parallel.chunks(n) { s, e in for i in s..<e { d[i] += g[i] * pa[i] } }
                }
            }
        }
        return out
    }

    /// `s · self`.
    public func scaled(_ s: Float) -> Tensor {
        let x = self, n = count
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad)
        let y = out.data, px = x.data
        Parallel.chunks(n) { a, e in for i in a..<e { y[i] = s * px[i] } }
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer()
                Parallel.chunks(n) { a, e in for i in a..<e { d[i] += s * g[i] } }
            }
        }
        return out
    }

    /// GELU in the exact erf form BERT uses: `x · ½(1 + erf(x/√2))`.
    public func gelu() -> Tensor {
        let x = self, n = count
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad)
        Kernels.gelu(x.data, out.data, n)
        if out.requiresGrad {
            out.record([x]) { g in Kernels.geluBackward(x.data, g, x.gradBuffer(), n) }
        }
        return out
    }

    /// GELU in the tanh approximation (Hugging Face's `gelu_new`, `gelu_pytorch_tanh`, `gelu_fast`):
    /// `½x(1 + tanh(√(2/π)(x + 0.044715x³)))`.
    public func geluTanh() -> Tensor {
        let x = self, n = count
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad)
        let y = out.data, px = x.data
        let c: Float = 0.7978845608028654, k: Float = 0.044715
        Parallel.chunks(n, cost: 12) { s, e in
            for i in s..<e { let v = px[i]; y[i] = 0.5 * v * (1 + Foundation.tanh(c * (v + k * v * v * v))) }
        }
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer()
                Parallel.chunks(n, cost: 16) { s, e in
                    for i in s..<e {
                        let v = px[i], t = Foundation.tanh(c * (v + k * v * v * v))
                        d[i] += g[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * c * (1 + 3 * k * v * v))
                    }
                }
            }
        }
        return out
    }

    /// `max(x, 0)`.
    public func relu() -> Tensor {
        let x = self, n = count
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad)
        let y = out.data, px = x.data
        Parallel.chunks(n) { s, e in for i in s..<e { y[i] = max(px[i], 0) } }
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer()
                Parallel.chunks(n) { s, e in for i in s..<e where px[i] > 0 { d[i] += g[i] } }
            }
        }
        return out
    }

    /// Hyperbolic tangent.
    public func tanh() -> Tensor {
        let x = self, n = count
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad)
        let y = out.data, px = x.data
        Parallel.chunks(n, cost: 8) { s, e in for i in s..<e { y[i] = Foundation.tanh(px[i]) } }
        if out.requiresGrad {
            let ys = out.storage
            out.record([x]) { g in
                let d = x.gradBuffer(), y = ys.pointer
                Parallel.chunks(n) { s, e in for i in s..<e { d[i] += g[i] * (1 - y[i] * y[i]) } }
            }
        }
        return out
    }

    /// Inverted dropout with probability `p`, drawing its mask from `rng`. The identity when `p == 0`.
    public func dropout(_ p: Float, rng: inout SplitMix64) -> Tensor {
        precondition(p >= 0 && p < 1, "dropout: probability \(p) is not in [0, 1)")
        if p == 0 { return self }
        let x = self, n = count
        let mask = Storage(count: n, zeroed: false)
        let m = mask.pointer
        rng.fillDropoutMask(m, count: n, p: p)
        let out = Tensor(uninitialized: shape, requiresGrad: x.requiresGrad)
        let y = out.data, px = x.data
        Parallel.chunks(n) { s, e in for i in s..<e { y[i] = px[i] * m[i] } }
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer(), m = mask.pointer
                Parallel.chunks(n) { s, e in for i in s..<e { d[i] += g[i] * m[i] } }
            }
        }
        return out
    }

    /// The sum of all elements, as a scalar.
    public func sum() -> Tensor {
        let x = self, n = count
        var acc: Double = 0
        for i in 0..<n { acc += Double(x.data[i]) }
        let out = Tensor([Float(acc)], shape: [1], requiresGrad: x.requiresGrad)
        if out.requiresGrad {
            out.record([x]) { g in
                let d = x.gradBuffer(), v = g[0]
                for i in 0..<n { d[i] += v }
            }
        }
        return out
    }
}

/// A small seeded generator (SplitMix64) for dropout masks and shuffles: reproducible, no global state.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func nextFloat() -> Float { Float(next() >> 40) * (1.0 / Float(1 << 24)) }

    /// Fill `mask[0..<count]` with 0 (probability `p`) or `1/(1−p)`: a dropout mask. Each draw is
    /// 16 bits (four per `next()`), fine enough for a drop probability and four times cheaper.
    public mutating func fillDropoutMask(_ mask: UnsafeMutablePointer<Float>, count: Int, p: Float) {
        let keep = 1 / (1 - p)
        let threshold = UInt64((Double(p) * 65536).rounded())
        var i = 0
        while i < count {
            var bits = next()
            for _ in 0..<min(4, count - i) {
                mask[i] = (bits & 0xFFFF) < threshold ? 0 : keep
                bits >>= 16
                i += 1
            }
        }
    }
}

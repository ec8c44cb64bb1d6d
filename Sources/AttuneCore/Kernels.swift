import Foundation

/// Hand-written inner loops shared by ops and by the inference path: plain, vectorisable, threaded.
public enum Kernels {
    static let invSqrt2: Float = 0.70710678118654752
    static let invSqrt2Pi: Float = 0.39894228040143268

    /// y = gelu(x) over n values (erf form, with the vectorisable `fastErf`).
    public static func gelu(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        Parallel.chunks(n, cost: 16) { s, e in
            for i in s..<e { let v = x[i]; y[i] = 0.5 * v * (1 + fastErf(v * invSqrt2)) }
        }
    }

    /// d += g · gelu'(x).
    public static func geluBackward(_ x: UnsafePointer<Float>, _ g: UnsafePointer<Float>,
                                    _ d: UnsafeMutablePointer<Float>, _ n: Int) {
        Parallel.chunks(n, cost: 20) { s, e in
            for i in s..<e {
                let v = x[i]
                let cdf = 0.5 * (1 + fastErf(v * invSqrt2))
                let pdf = invSqrt2Pi * fastExp(-0.5 * v * v)
                d[i] += g[i] * (cdf + v * pdf)
            }
        }
    }
}

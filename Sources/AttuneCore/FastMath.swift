// Branch-free float erf and exp that the compiler can vectorise inside the GELU and softmax loops
// (libm's are opaque calls, one element at a time). Selects (`?:`), not branches, pick the pieces.
//
//   fastErf: |error| ≤ 1e-7 over the whole line (Float evaluation; ≈ 7e-8 measured).
//            |x| < 0.9:        x·P(x²), P of degree 6 in t = (x² − 0.405)/0.405
//            0.9 ≤ |x| < 2.1:  1 − A(t), A ≈ erfc of degree 9 in t = (|x| − 1.5)/0.6
//            2.1 ≤ |x| < 3.92: 1 − B(t), B ≈ erfc of degree 9 in t = (|x| − 3.01)/0.91
//            |x| ≥ 3.92:       1 (erfc < 3e-8 there: below half a Float ulp of 1)
//            (Chebyshev least-squares fits of erf(x)/x and erfc, rounded to Float.)
//   fastExp: relative error ≤ 1.2e-7 (≈ 8e-8 measured) wherever the result is a normal Float.
//            Cephes expf: n = round(x·log₂e) by the 1.5·2²³ trick, r = x − n·ln2 in two parts,
//            eʳ by a degree-7 polynomial, then ·2ⁿ built from exponent bits in two halves so that
//            n = ±128 and gradual underflow come out right.

extension Kernels {
    /// erf for Float, vectorisable. NaN in, NaN out.
    @inline(__always)
    public static func fastErf(_ x: Float) -> Float {
        let a = abs(x)
        // Small |x|: odd series x·P(x²).
        let t0 = (a * a - 0.405) * 2.4691358024691357
        var s: Float = 3.766074599e-07
        s = s * t0 - 6.654298886e-06
        s = s * t0 + 1.010977721e-04
        s = s * t0 - 1.305893995e-03
        s = s * t0 + 1.391165890e-02
        s = s * t0 - 1.201502532e-01
        s = s * t0 + 9.929032326e-01
        let small = a * s
        // Tail: erf = 1 − erfc, two pieces with per-coefficient selects.
        let hi = a > 2.1
        let t1 = hi ? (a - 3.01) * 1.0989010989010988 : (a - 1.5) * 1.6666666666666667
        var r: Float = hi ? 3.223911335e-06 : -1.480824812e-05
        r = r * t1 + (hi ? 4.530424121e-05 : 4.045068272e-05)
        r = r * t1 + (hi ? -2.059503313e-04 : 1.303911413e-04)
        r = r * t1 + (hi ? 4.199627729e-04 : -9.021752630e-04)
        r = r * t1 + (hi ? -6.030430086e-04 : 1.157036866e-03)
        r = r * t1 + (hi ? 6.761688273e-04 : 5.780157633e-03)
        r = r * t1 + (hi ? -5.646607024e-04 : -2.997061610e-02)
        r = r * t1 + (hi ? 3.276041534e-04 : 6.422234327e-02)
        r = r * t1 + (hi ? -1.192917189e-04 : -7.135816664e-02)
        r = r * t1 + (hi ? 2.072380994e-05 : 3.389485553e-02)
        let tail = 1 - r
        let y = a < 0.9 ? small : (a >= 3.92 ? 1 : tail)
        return x < 0 ? -y : y
    }

    /// eˣ for Float, vectorisable: 0 below about −104, +∞ above about 88.72, NaN for NaN.
    @inline(__always)
    public static func fastExp(_ x: Float) -> Float {
        let xc = min(max(x, -104), 88.8)
        // k's low mantissa bits hold n = round(x·log₂e) (round-to-nearest, as the addition rounds).
        let k = xc * 1.44269504088896341 + 12582912.0
        let n = k - 12582912.0
        var r = xc - n * 0.693359375
        r = r - n * -2.12194440e-4
        var p: Float = 1.9875691500e-4
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let y = p * (r * r) + r + 1
        // 2ⁿ as two factors 2^(n/2)·2^(n − n/2), each with a valid exponent field.
        let ni = Int32(bitPattern: k.bitPattern &- 0x4B40_0000)
        let n1 = ni &>> 1, n2 = ni &- n1
        let s1 = Float(bitPattern: UInt32(bitPattern: (n1 &+ 127) &<< 23))
        let s2 = Float(bitPattern: UInt32(bitPattern: (n2 &+ 127) &<< 23))
        return y * s1 * s2
    }
}

import CAttuneKernels
import Foundation

/// The hot elementwise kernels (GELU, row softmax, LayerNorm, forward and backward) live in the C
/// target `CAttuneKernels`, built for AVX-512F, AVX2+FMA and the baseline; the best build the CPU
/// supports is chosen when the library loads. These wrappers split the work across threads.
public enum Kernels {
    /// The kernel build in use.
    static var table: attune_kernel_table { attune_kernels().pointee }

    /// The instruction set the elementwise kernels were built for: "avx512f", "avx2+fma" or "baseline".
    public static var instructionSet: String { String(cString: table.name) }

    /// y = gelu(x) over n values (erf form).
    public static func gelu(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        let f = table.gelu!
        Parallel.chunks(n, cost: 16) { s, e in f(x + s, y + s, e - s) }
    }

    /// d += g · gelu'(x).
    public static func geluBackward(_ x: UnsafePointer<Float>, _ g: UnsafePointer<Float>,
                                    _ d: UnsafeMutablePointer<Float>, _ n: Int) {
        let f = table.gelu_backward!
        Parallel.chunks(n, cost: 20) { s, e in f(x + s, g + s, d + s, e - s) }
    }

    /// In-place softmax over each row of a rows×cols block (one thread).
    public static func softmaxRows(_ p: UnsafeMutablePointer<Float>, rows: Int, cols: Int) {
        table.softmax_rows!(p, rows, cols)
    }

    /// out[r] = q · codes[r] for `rows` rows of `cols` unsigned bytes (one thread).
    public static func dotU8Rows(_ q: UnsafePointer<Float>, _ codes: UnsafePointer<UInt8>, _ out: UnsafeMutablePointer<Float>,
                                 rows: Int, cols: Int) {
        table.dot_u8_rows!(q, codes, out, rows, cols)
    }

    /// out[r] = −Hamming(q, codes[r]) over `words` 64-bit words per row (one thread).
    public static func hammingRows(_ q: UnsafePointer<UInt64>, _ codes: UnsafePointer<UInt64>, _ out: UnsafeMutablePointer<Float>,
                                   rows: Int, words: Int) {
        table.hamming_rows!(q, codes, out, rows, words)
    }

    /// erf for Float, |error| ≤ 1e-7 (the kernels' scalar form).
    static func fastErf(_ x: Float) -> Float { attune_fast_erf(x) }

    /// eˣ for Float, relative error ≤ 1.2e-7 wherever the result is a normal Float.
    static func fastExp(_ x: Float) -> Float { attune_fast_exp(x) }
}

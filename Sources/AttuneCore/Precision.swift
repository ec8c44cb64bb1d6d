import AttuneData
import CAttuneDNNL
import Foundation

/// The arithmetic an encoder's dense layers run in at inference. Training is always fp32.
///
/// - `fp32`: OpenBLAS sgemm.
/// - `bf16`: weights and activations rounded to bfloat16, products accumulated in fp32 (oneDNN).
/// - `int8`: weights quantized per output channel (symmetric s8), activations per token at run time
///   (asymmetric u8, no calibration set), u8 × s8 → s32 products rescaled to fp32 (oneDNN).
public enum Precision: String, CaseIterable, Sendable, Codable {
    case fp32, bf16, int8

    var cValue: Int32 {
        switch self {
        case .fp32: return 0
        case .bf16: return Int32(ATTUNE_PRECISION_BF16)
        case .int8: return Int32(ATTUNE_PRECISION_INT8)
        }
    }

    /// Nil when this machine can run the precision, else why not (oneDNN missing, or the CPU lacks
    /// AVX-512 BF16 / VNNI as oneDNN sees it).
    public var unavailableReason: String? {
        if self == .fp32 { return nil }
        guard attune_dnnl_load() != 0 else { return String(cString: attune_dnnl_error()) }
        guard attune_dnnl_supports(cValue) != 0 else {
            let needs = self == .bf16 ? "AVX-512 BF16" : "VNNI (AVX-512 or AVX2)"
            return "this CPU lacks \(needs) (oneDNN's instruction set: \(String(cString: attune_dnnl_isa_name())))"
        }
        return nil
    }

    /// The precision to run for a request: itself when available; otherwise fp32 and the one-line
    /// notice to print, or — when `strict` — an error naming `--precision`. `setting` names what
    /// asked for it in both (`--precision`, or a recipe key such as `dev_precision`).
    public func resolved(strict: Bool = false, setting: String = "--precision") throws -> (precision: Precision, notice: String?) {
        guard let why = unavailableReason else { return (self, nil) }
        if why.hasPrefix("ATTUNE_DNNL_MAX_ISA=") {  // a bad setting is an error, not a missing feature
            throw AttuneError.badConfig(source: "environment", field: "ATTUNE_DNNL_MAX_ISA", what: why)
        }
        if strict {
            throw AttuneError.badConfig(source: "command line", field: setting, what: "\(rawValue) is unavailable: \(why)")
        }
        return (.fp32, "notice: \(setting) \(rawValue) is unavailable (\(why)); running fp32")
    }

    /// One line for `attune doctor` and benchmarks: oneDNN, its instruction set, and which
    /// precisions this machine runs.
    public static func describe() -> String {
        guard attune_dnnl_load() != 0 else {
            return "precisions: fp32 only (\(String(cString: attune_dnnl_error())))"
        }
        let ok = Precision.allCases.filter { $0.unavailableReason == nil }.map(\.rawValue)
        return "precisions: \(ok.joined(separator: ", ")) (\(String(cString: attune_dnnl_version())), instruction set \(String(cString: attune_dnnl_isa_name())))"
    }
}

/// A dense layer `y = x · Wᵀ + b` in bf16 or int8 on oneDNN, for inference: the weights are
/// converted and reordered once, here; the matmul primitive (run-time token count) is created once.
/// Activations are converted per call on all threads, the matmul runs on oneDNN's threads, and
/// int8's per-token rescale and bias are applied on all threads after it.
public final class LowPrecisionLinear: @unchecked Sendable {
    public let precision: Precision
    /// Output and input features.
    public let outFeatures: Int, inFeatures: Int
    private let handle: OpaquePointer
    private let bias: [Float]?

    /// Convert `weight` (`[out, in]`) and `bias` (`[out]`). Throws when oneDNN is unavailable or
    /// has no implementation of the precision for this CPU.
    public init(precision: Precision, weight: Tensor, bias: Tensor?) throws {
        precondition(precision != .fp32, "LowPrecisionLinear: fp32 runs on Tensor.linear")
        precondition(weight.rank == 2, "LowPrecisionLinear: weight must be 2-D, got \(weight.shape)")
        self.precision = precision
        outFeatures = weight.shape[0]; inFeatures = weight.shape[1]
        if let bias { precondition(bias.count == outFeatures, "LowPrecisionLinear: bias \(bias.shape) does not fit weight \(weight.shape)") }
        self.bias = bias.map { Array(UnsafeBufferPointer(start: $0.data, count: $0.count)) }
        var err = [CChar](repeating: 0, count: 512)
        let h = attune_dnnl_linear_create(precision.cValue, outFeatures, inFeatures, weight.data, bias?.data, &err, err.count)
        guard let h else {
            throw AttuneError.badConfig(source: "oneDNN", field: "precision", what: "\(precision.rawValue): \(String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
        handle = h
    }

    deinit { attune_dnnl_linear_destroy(handle) }

    /// oneDNN's implementation of the matmul (e.g. "gemm:jit", "brg:avx512_core_bf16").
    public var kernel: String { String(cString: attune_dnnl_linear_impl(handle)) }

    /// An input converted for a layer of this precision and input width: bf16 bits, or u8 codes with
    /// each row's scale and zero point. Several layers reading the same input (Q, K and V) share it.
    public final class Input: @unchecked Sendable {
        public let precision: Precision
        public let rows: Int, cols: Int
        let leading: [Int]
        let codes: UnsafeMutableRawPointer
        let scale: UnsafeMutablePointer<Float>  // int8: rows scales, then rows zero points

        init(_ x: Tensor, precision: Precision) {
            self.precision = precision
            rows = x.rows; cols = x.cols; leading = Array(x.shape.dropLast())
            let m = rows, k = cols, src = x.data
            codes = UnsafeMutableRawPointer.allocate(byteCount: max(1, m * k * (precision == .bf16 ? 2 : 1)), alignment: 64)
            scale = UnsafeMutablePointer<Float>.allocate(capacity: max(1, 2 * m))
            switch precision {
            case .bf16:
                let out = codes.assumingMemoryBound(to: UInt16.self)
                Parallel.chunks(m, cost: k) { s, e in attune_f32_to_bf16(src + s * k, out + s * k, (e - s) * k) }
            case .int8:
                let out = codes.assumingMemoryBound(to: UInt8.self), sc = scale, zero = scale + m
                Parallel.chunks(m, cost: 2 * k) { s, e in attune_quantize_rows_u8(src + s * k, e - s, k, out + s * k, sc + s, zero + s) }
            case .fp32:
                preconditionFailure("LowPrecisionLinear.Input: fp32 needs no conversion")
            }
        }

        deinit { codes.deallocate(); scale.deallocate() }
    }

    /// Convert `x` (`[…, in]`) for this layer, and any other of the same precision and width.
    public func prepare(_ x: Tensor) -> Input {
        precondition(x.cols == inFeatures, "LowPrecisionLinear: input \(x.shape) does not fit weight [\(outFeatures), \(inFeatures)]")
        precondition(!x.requiresGrad, "LowPrecisionLinear is for inference; training runs fp32")
        return Input(x, precision: precision)
    }

    /// `x[rows, in] · Wᵀ + b` → `[rows, out]` (no tape: inference only).
    public func callAsFunction(_ x: Tensor) -> Tensor { self(prepare(x)) }

    /// The layer on an input `prepare` converted (by this layer or another of the same precision and width).
    public func callAsFunction(_ input: Input) -> Tensor {
        precondition(input.precision == precision && input.cols == inFeatures,
                     "LowPrecisionLinear: a \(input.precision) input of width \(input.cols) for a \(precision) layer of width \(inFeatures)")
        let m = input.rows, n = outFeatures
        let out = Tensor(uninitialized: input.leading + [n])
        if m == 0 { return out }
        let dst = out.data
        let status = attune_dnnl_linear_execute(handle, m, input.codes, dst)
        precondition(status == 0, "oneDNN matmul failed (status \(status)) on [\(m), \(inFeatures)] · [\(inFeatures), \(n)]")
        if precision == .int8 {
            let comp = attune_dnnl_linear_compensation(handle)!, scale = input.scale, zero = input.scale + m
            let run = { (b: UnsafePointer<Float>?) in
                Parallel.chunks(m, cost: n) { s, e in attune_dequantize_rows(dst + s * n, e - s, n, scale + s, zero + s, comp, b) }
            }
            if let bias { bias.withUnsafeBufferPointer { run($0.baseAddress) } } else { run(nil) }
        }
        return out
    }
}

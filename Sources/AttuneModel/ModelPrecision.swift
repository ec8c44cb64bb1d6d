import AttuneCore

// Running a loaded model's encoder in bf16 or int8 (see `Precision`): the dense layers of every
// encoder layer are converted once; embeddings, LayerNorm, attention's softmax, the activation,
// pooling, Dense modules and normalisation stay fp32.

extension BertModel {
    /// The precision the encoder's dense layers run in at inference.
    public var precision: Precision { layers.first?.query.lowPrecision?.precision ?? .fp32 }

    /// The same encoder with every layer's dense layers converted to `precision` (fp32: unconverted).
    public func converted(to precision: Precision) throws -> BertModel {
        var m = self
        m.layers = try layers.map { try $0.converted(to: precision) }
        return m
    }
}

extension SentenceModel {
    /// The precision `encode` runs the encoder's dense layers in.
    public var precision: Precision { bert.precision }

    /// Run inference in `requested` precision: converts the weights once (here). When this machine
    /// cannot run it, stays fp32 and returns the one-line notice to print — or, with `strict`,
    /// throws an error naming `--precision`.
    public mutating func usePrecision(_ requested: Precision, strict: Bool = false) throws -> String? {
        let (p, notice) = try requested.resolved(strict: strict)
        bert = try bert.converted(to: p)
        return notice
    }

    /// What runs the encoder's dense layers, for reports: "fp32 (OpenBLAS sgemm)" or e.g.
    /// "int8 (oneDNN gemm:jit)".
    public var precisionKernel: String {
        guard let lp = bert.layers.first?.query.lowPrecision else { return "fp32 (OpenBLAS sgemm)" }
        return "\(lp.precision.rawValue) (oneDNN \(lp.kernel))"
    }
}

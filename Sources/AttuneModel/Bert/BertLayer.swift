import AttuneCore

/// One encoder layer of BERT or MPNet (the same computation under different weight names:
/// `encoder.layer.N.attention.self.query` or `….attention.attn.q`), over packed tokens
/// (`[tokens, hidden]`, sequences back to back, no padding). The same code runs inference (no tensor
/// requires grad, so no tape) and training (trainable copies of the weights record the tape).
///
///     q, k, v = x·Wqᵀ+bq, x·Wkᵀ+bk, x·Wvᵀ+bv
///     a       = LayerNorm(x + dropout(attention(q, k, v; MPNet's position bias)·Woᵀ + bo))
///               (attention drops probabilities too)
///     y       = LayerNorm(a + dropout(act(a·Wiᵀ + bi)·Wo2ᵀ + bo2))      act = hidden_act
public struct BertLayer {
    public var query: Linear, key: Linear, value: Linear
    public var attentionOutput: Linear, attentionNorm: LayerNormWeights
    public var intermediate: Linear, output: Linear, outputNorm: LayerNormWeights
    /// The feed-forward activation.
    public let activation: Activation
    let names: BertConfig.LayerNames

    /// The layer's parameters with their Hugging Face names relative to the layer
    /// (`attention.self.query.weight` for BERT, `attention.attn.q.weight` for MPNet, …).
    public var namedParameters: [(String, Tensor)] {
        let n = names
        return query.named(n.query) + key.named(n.key) + value.named(n.value)
            + attentionOutput.named(n.attentionOutput) + attentionNorm.named(n.attentionNorm)
            + intermediate.named(n.intermediate) + output.named(n.output) + outputNorm.named(n.outputNorm)
    }

    /// Load from `weight(name)` where names are relative to the layer, named as `config`'s architecture names them.
    public init(config: BertConfig, weight: (String) throws -> Tensor) throws {
        let n = config.layerNames
        names = n
        activation = config.activation
        query = try Linear(prefix: n.query, weight: weight)
        key = try Linear(prefix: n.key, weight: weight)
        value = try Linear(prefix: n.value, weight: weight)
        attentionOutput = try Linear(prefix: n.attentionOutput, weight: weight)
        attentionNorm = try LayerNormWeights(prefix: n.attentionNorm, weight: weight)
        intermediate = try Linear(prefix: n.intermediate, weight: weight)
        output = try Linear(prefix: n.output, weight: weight)
        outputNorm = try LayerNormWeights(prefix: n.outputNorm, weight: weight)
    }

    /// Run the layer. `positionBias` is MPNet's relative-position table (`[heads, 2R+1]`, see
    /// `Tensor.attention`); `dropout` > 0 only in training; `rng` draws the masks.
    public func forward(_ x: Tensor, lengths: [Int], heads: Int, eps: Float, positionBias: Tensor? = nil,
                        dropout: Float = 0, rng: inout SplitMix64) -> Tensor {
        let q: Tensor, k: Tensor, v: Tensor
        if let lq = query.lowPrecision, let lk = key.lowPrecision, let lv = value.lowPrecision, !x.requiresGrad {
            let shared = lq.prepare(x)  // converted once for all three
            q = lq(shared); k = lk(shared); v = lv(shared)
        } else {
            q = query(x); k = key(x); v = value(x)
        }
        let context = Tensor.attention(q: q, k: k, v: v, lengths: lengths, heads: heads, relativeBias: positionBias,
                                       dropout: dropout, seed: dropout > 0 ? rng.next() : 0)
        let a = attentionOutput(context).dropout(dropout, rng: &rng).add(x).layerNorm(attentionNorm.gamma, attentionNorm.beta, eps: eps)
        let h = output(activation.apply(intermediate(a))).dropout(dropout, rng: &rng)
        return h.add(a).layerNorm(outputNorm.gamma, outputNorm.beta, eps: eps)
    }

    /// The same layer with its dense layers (Q, K, V, attention output, feed-forward in and out)
    /// converted for inference in `precision`; LayerNorm, softmax and the activation stay fp32.
    public func converted(to precision: Precision) throws -> BertLayer {
        var l = self
        l.query = try query.converted(to: precision); l.key = try key.converted(to: precision)
        l.value = try value.converted(to: precision); l.attentionOutput = try attentionOutput.converted(to: precision)
        l.intermediate = try intermediate.converted(to: precision); l.output = try output.converted(to: precision)
        return l
    }

    /// The same layer with every weight replaced by `transform(weight)` (trainable or detached copies).
    public func mapParameters(_ transform: (Tensor) -> Tensor) -> BertLayer {
        var l = self
        l.query = query.map(transform); l.key = key.map(transform); l.value = value.map(transform)
        l.attentionOutput = attentionOutput.map(transform); l.attentionNorm = attentionNorm.map(transform)
        l.intermediate = intermediate.map(transform); l.output = output.map(transform); l.outputNorm = outputNorm.map(transform)
        return l
    }
}

extension Activation {
    /// `x` through this activation (on the tape when `x` requires grad).
    public func apply(_ x: Tensor) -> Tensor {
        switch self {
        case .gelu: return x.gelu()
        case .geluTanh: return x.geluTanh()
        case .relu: return x.relu()
        }
    }
}

/// A dense layer's weights in Hugging Face's layout: `weight [out, in]`, `bias [out]`; with
/// `lowPrecision` set (see `converted(to:)`), inference runs on its bf16 or int8 copy, while a
/// tape-recording input (training) still runs fp32 on `weight`.
public struct Linear {
    public var weight: Tensor
    public var bias: Tensor?
    /// The weights converted for bf16 or int8 inference, nil for fp32.
    public private(set) var lowPrecision: LowPrecisionLinear?

    public init(weight: Tensor, bias: Tensor?) { self.weight = weight; self.bias = bias }

    /// This layer with its inference converted to `precision` (once, here); fp32 drops any conversion.
    public func converted(to precision: Precision) throws -> Linear {
        var l = Linear(weight: weight, bias: bias)
        if precision != .fp32 { l.lowPrecision = try LowPrecisionLinear(precision: precision, weight: weight, bias: bias) }
        return l
    }

    init(prefix: String, weight load: (String) throws -> Tensor) throws {
        weight = try load("\(prefix).weight")
        bias = try load("\(prefix).bias")
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        if let lowPrecision, !x.requiresGrad { return lowPrecision(x) }
        return x.linear(weight, bias)
    }

    func named(_ prefix: String) -> [(String, Tensor)] {
        [("\(prefix).weight", weight)] + (bias.map { [("\(prefix).bias", $0)] } ?? [])
    }

    func map(_ f: (Tensor) -> Tensor) -> Linear { Linear(weight: f(weight), bias: bias.map(f)) }
}

/// LayerNorm's learned scale and shift.
public struct LayerNormWeights {
    public var gamma: Tensor
    public var beta: Tensor

    init(gamma: Tensor, beta: Tensor) { self.gamma = gamma; self.beta = beta }

    init(prefix: String, weight load: (String) throws -> Tensor) throws {
        gamma = try load("\(prefix).weight")
        beta = try load("\(prefix).bias")
    }

    func named(_ prefix: String) -> [(String, Tensor)] { [("\(prefix).weight", gamma), ("\(prefix).bias", beta)] }

    func map(_ f: (Tensor) -> Tensor) -> LayerNormWeights { LayerNormWeights(gamma: f(gamma), beta: f(beta)) }
}

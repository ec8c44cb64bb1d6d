import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// Weight-space interpolation of a fine-tuned model with its base (WiSE-FT, Wortsman et al.
/// 2022; LM-Cocktail): every tensor becomes `(1 − alpha)·base + alpha·tuned`.
///
/// A Dense head the tuned model has and the base lacks (the identity-initialised head
/// `TrainableModel` appends last) is interpolated toward the identity: weight toward `I`, bias
/// toward 0, which is what the base computes without it. At `alpha` 0 the result is the base
/// itself (that head left out) and at 1 the tuned model, bit for bit; in between each value is
/// `(1 − alpha)·b + alpha·t` in Float. `headAlpha` moves that head by another weight: 1 keeps it
/// as trained while the encoder is interpolated (nil: `alpha`, like every other tensor).
///
/// `layerRamp` scales the update by depth (as LiNeS, Wang et al. 2024, scales shallow layers'
/// updates down to prevent forgetting): of the k encoder layers the tuned model changed (any
/// tensor not bit-equal to the base's; the embeddings count as the lowest when they changed),
/// the i-th from the bottom (i = 0 … k−1) is merged at `alpha·i/(k−1)`, so the lowest changed
/// layer is the base's and the top one is merged at `alpha`; a single changed layer at `alpha`.
/// Layers training never touched merge at `alpha` as without the ramp (equal tensors: the base's
/// up to rounding); the Dense modules merge at `alpha`.
///
/// The models must share the architecture: the same BERT config, the same tensor names and
/// shapes, the same vocabulary, pooling, normalisation and Dense modules (save the extra head).
/// Otherwise it throws one line naming the first difference. The result keeps the tuned model's
/// folder (configs and tokenizer files for saving) and its max sequence length.
public func merge(base: SentenceModel, tuned: SentenceModel, alpha: Float, headAlpha: Float? = nil, layerRamp: Bool = false,
                  baseName: String = "base", tunedName: String = "tuned") throws -> SentenceModel {
    guard alpha.isFinite, alpha >= 0, alpha <= 1 else {
        throw AttuneError.invalid("merge: alpha must be between 0 and 1, got \(alpha)")
    }
    let headAlpha = headAlpha ?? alpha
    guard headAlpha.isFinite, headAlpha >= 0, headAlpha <= 1 else {
        throw AttuneError.invalid("merge: the head's alpha must be between 0 and 1, got \(headAlpha)")
    }
    let refuse = MergeRefusal(baseName: baseName, tunedName: tunedName)
    try checkSameArchitecture(base, tuned, refuse)

    // The encoder: one walk over the tuned model's parameter map, each tensor paired by name.
    let baseTensors = Dictionary(base.bert.namedParameters, uniquingKeysWith: { a, _ in a })
    let tunedTensors = tuned.bert.namedParameters
    guard Set(baseTensors.keys) == Set(tunedTensors.map(\.0)) else {
        let missing = Set(tunedTensors.map(\.0)).symmetricDifference(baseTensors.keys).sorted().first ?? "?"
        throw refuse("tensor \(missing) is in only one of them")
    }
    for (name, t) in tunedTensors {
        let b = baseTensors[name]!
        guard b.shape == t.shape else { throw refuse("tensor \(name) has shape \(b.shape) vs \(t.shape)") }
    }
    let alphaOf = layerRamp ? rampedAlphas(tuned.bert, base: baseTensors, alpha: alpha) : [:]
    var out = tuned
    out.bert = tuned.bert.mapParameters { name, t in interpolate(baseTensors[name]!, t, alphaOf[name] ?? alpha) }
    out.dense = try mergedDense(base: base, tuned: tuned, alpha: alpha, headAlpha: headAlpha, refuse)
    return out
}

/// The one-line refusal naming both models.
private struct MergeRefusal {
    var baseName: String, tunedName: String
    func callAsFunction(_ what: String) -> AttuneError {
        .invalid("merge: \(baseName) and \(tunedName) differ: \(what); only models of one architecture merge")
    }
}

/// Throws naming the first difference of config, vocabulary, pooling or normalisation.
private func checkSameArchitecture(_ base: SentenceModel, _ tuned: SentenceModel, _ refuse: MergeRefusal) throws {
    let bc = base.bert.config, tc = tuned.bert.config
    if bc != tc {
        let fields: [(String, String, String)] = [
            ("model_type", bc.architecture.rawValue, tc.architecture.rawValue),
            ("hidden_size", "\(bc.hiddenSize)", "\(tc.hiddenSize)"), ("num_hidden_layers", "\(bc.numLayers)", "\(tc.numLayers)"),
            ("num_attention_heads", "\(bc.numHeads)", "\(tc.numHeads)"), ("intermediate_size", "\(bc.intermediateSize)", "\(tc.intermediateSize)"),
            ("vocab_size", "\(bc.vocabSize)", "\(tc.vocabSize)"), ("max_position_embeddings", "\(bc.maxPositions)", "\(tc.maxPositions)"),
            ("type_vocab_size", "\(bc.typeVocabSize)", "\(tc.typeVocabSize)"), ("hidden_act", bc.activation.rawValue, tc.activation.rawValue),
            ("layer_norm_eps", "\(bc.layerNormEps)", "\(tc.layerNormEps)"),
        ]
        let d = fields.first { $0.1 != $0.2 }.map { "config \($0.0) is \($0.1) vs \($0.2)" } ?? "config.json differs"
        throw refuse(d)
    }
    if base.tokenizer.vocab != tuned.tokenizer.vocab {
        let bv = base.tokenizer.vocab, tv = tuned.tokenizer.vocab
        let i = zip(bv, tv).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(bv.count, tv.count)
        throw refuse("vocabulary (\(bv.count) vs \(tv.count) tokens; first difference at token \(i))")
    }
    guard base.pooling == tuned.pooling else { throw refuse("pooling \(base.pooling.rawValue) vs \(tuned.pooling.rawValue)") }
    guard base.normalize == tuned.normalize else { throw refuse("Normalize module \(base.normalize ? "present" : "absent") vs \(tuned.normalize ? "present" : "absent")") }
}

/// With the layer ramp, each encoder tensor's alpha by name: of the rungs (the embeddings — every
/// tensor outside the layers — then each layer) the tuned model changed, the i-th from the bottom
/// at `alpha·i/(k−1)`. Tensors of unchanged rungs are absent (they merge at `alpha`).
private func rampedAlphas(_ tuned: BertModel, base baseTensors: [String: Tensor], alpha: Float) -> [String: Float] {
    let tunedTensors = tuned.namedParameters
    let layerTensors = tuned.layers.map { layer in Set(layer.namedParameters.map { ObjectIdentifier($0.1) }) }
    let inLayers = layerTensors.reduce(into: Set<ObjectIdentifier>()) { $0.formUnion($1) }
    let rungs = [tunedTensors.filter { !inLayers.contains(ObjectIdentifier($0.1)) }]
        + layerTensors.map { ids in tunedTensors.filter { ids.contains(ObjectIdentifier($0.1)) } }
    let changed = rungs.filter { rung in
        rung.contains { name, t in memcmp(baseTensors[name]!.data, t.data, t.count * MemoryLayout<Float>.size) != 0 }
    }
    var alphaOf: [String: Float] = [:]
    for (i, rung) in changed.enumerated() {
        let a = changed.count == 1 ? alpha : alpha * Float(i) / Float(changed.count - 1)
        for (name, _) in rung { alphaOf[name] = a }
    }
    return alphaOf
}

/// The Dense modules: the shared ones pairwise at `alpha`; one extra trailing head in the tuned
/// model toward the identity at `headAlpha` (left out at 0).
private func mergedDense(base: SentenceModel, tuned: SentenceModel, alpha: Float, headAlpha: Float,
                         _ refuse: MergeRefusal) throws -> [DenseModule] {
    let shared = base.dense.count
    guard tuned.dense.count == shared || tuned.dense.count == shared + 1 else {
        throw refuse("\(base.dense.count) vs \(tuned.dense.count) Dense modules")
    }
    var dense: [DenseModule] = []
    for i in 0..<shared {
        let b = base.dense[i], t = tuned.dense[i]
        let name = "Dense module \(i + 1)"
        guard b.activation == t.activation else { throw refuse("\(name) activation \(b.activation) vs \(t.activation)") }
        guard b.linear.weight.shape == t.linear.weight.shape else {
            throw refuse("\(name) linear.weight has shape \(b.linear.weight.shape) vs \(t.linear.weight.shape)")
        }
        guard (b.linear.bias == nil) == (t.linear.bias == nil) else { throw refuse("\(name) has a bias in only one of them") }
        var bias: Tensor? = nil
        if let bb = b.linear.bias, let tb = t.linear.bias { bias = interpolate(bb, tb, alpha) }
        dense.append(DenseModule(linear: Linear(weight: interpolate(b.linear.weight, t.linear.weight, alpha),
                                                bias: bias), activation: t.activation))
    }
    if tuned.dense.count == shared + 1 {
        let head = tuned.dense[shared]
        let dim = base.dimension, w = head.linear.weight
        guard w.shape == [dim, dim], head.activation.hasSuffix("Identity") else {
            throw refuse("\(refuse.tunedName)'s extra Dense module (weight \(w.shape), \(head.activation)) is not a square identity-activation head over the base's \(dim) dimensions, so it has no identity to merge toward")
        }
        if headAlpha > 0 {
            let identity = DenseModule.identity(dim: dim)
            var bias: Tensor? = nil
            if let tb = head.linear.bias { bias = interpolate(identity.linear.bias!, tb, headAlpha) }
            dense.append(DenseModule(linear: Linear(weight: interpolate(identity.linear.weight, w, headAlpha),
                                                    bias: bias), activation: head.activation))
        }
    }
    return dense
}

/// `(1 − alpha)·b + alpha·t` as a new, detached tensor; exactly `b` at 0 and `t` at 1.
private func interpolate(_ b: Tensor, _ t: Tensor, _ alpha: Float) -> Tensor {
    let out = Tensor(zeros: t.shape, name: t.name)
    let n = t.count, pb = b.data, pt = t.data, po = out.data
    if alpha == 0 { po.update(from: pb, count: n); return out }
    if alpha == 1 { po.update(from: pt, count: n); return out }
    let wb = 1 - alpha
    Parallel.chunks(n, cost: 1) { s, e in
        for i in s..<e { po[i] = wb * pb[i] + alpha * pt[i] }
    }
    return out
}

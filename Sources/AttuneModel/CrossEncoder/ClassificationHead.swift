import AttuneCore
import AttuneData
import Foundation

/// A sequence-classification head over the first token's last hidden state, in Hugging Face's
/// layouts:
///
///     BERT  (BertForSequenceClassification):  logits = classifier(dropout(tanh(bert.pooler.dense(h[CLS]))))
///     MPNet (MPNetForSequenceClassification): logits = out_proj(dropout(tanh(dense(dropout(h[<s>])))))
///
/// The same arithmetic either way (dense + tanh, then the output layer); only the names and where
/// dropout sits differ. Always fp32: two small matrices per pair.
public struct ClassificationHead {
    /// Which of the two layouts (names and dropout placement).
    public let architecture: Architecture
    /// `bert.pooler.dense` or `classifier.dense` (`[hidden, hidden]`).
    public var dense: Linear
    /// `classifier` or `classifier.out_proj` (`[numLabels, hidden]`).
    public var output: Linear

    public init(architecture: Architecture, dense: Linear, output: Linear) {
        self.architecture = architecture; self.dense = dense; self.output = output
    }

    /// The Hugging Face names of the two layers (`….weight`, `….bias` below them).
    public static func names(_ architecture: Architecture) -> (dense: String, output: String) {
        architecture == .bert ? ("bert.pooler.dense", "classifier") : ("classifier.dense", "classifier.out_proj")
    }

    /// Outputs this head produces.
    public var numLabels: Int { output.weight.shape[0] }

    /// Logits `[sequences, numLabels]` from the first-token rows `cls` (`[sequences, hidden]`);
    /// `dropout` > 0 only in training.
    public func callAsFunction(_ cls: Tensor, dropout: Float = 0, rng: inout SplitMix64) -> Tensor {
        switch architecture {
        case .bert: return output(dense(cls).tanh().dropout(dropout, rng: &rng))
        case .mpnet: return output(dense(cls.dropout(dropout, rng: &rng)).tanh().dropout(dropout, rng: &rng))
        }
    }

    /// The four parameters under their Hugging Face names.
    public var namedParameters: [(String, Tensor)] {
        let n = ClassificationHead.names(architecture)
        return dense.named(n.dense) + output.named(n.output)
    }

    /// The same head with every weight replaced by `transform(weight)` (trainable or detached copies).
    public func mapParameters(_ transform: (Tensor) -> Tensor) -> ClassificationHead {
        ClassificationHead(architecture: architecture, dense: dense.map(transform), output: output.map(transform))
    }

    /// A new layer `[outFeatures, inFeatures]` as Hugging Face initialises one (`_init_weights`):
    /// weights N(0, std²) drawn from `rng` — one Box–Muller normal per weight from two 53-bit
    /// uniforms, row-major — and a zero bias. scripts/make-cross-encoder-fixture.py draws the same.
    public static func seededLinear(outFeatures: Int, inFeatures: Int, std: Double, rng: inout SplitMix64, name: String) -> Linear {
        let w = Tensor(zeros: [outFeatures, inFeatures], name: "\(name).weight")
        for i in 0..<w.count {
            let u1 = Double(rng.next() >> 11) * (1.0 / 9007199254740992.0)
            let u2 = Double(rng.next() >> 11) * (1.0 / 9007199254740992.0)
            let z = (-2.0 * Foundation.log(1.0 - u1)).squareRoot() * Foundation.cos(2.0 * Double.pi * u2)
            w[i] = Float(std * z)
        }
        return Linear(weight: w, bias: Tensor(zeros: [outFeatures], name: "\(name).bias"))
    }

    /// Load the head's weights from `file` (exact Hugging Face names), checking shapes.
    static func load(_ architecture: Architecture, hidden: Int, numLabels: Int, file: SafeTensorsFile) throws -> ClassificationHead {
        let n = names(architecture)
        func layer(_ prefix: String, out: Int) throws -> Linear {
            var parts: [Tensor] = []
            for (suffix, shape) in [("weight", [out, hidden]), ("bias", [out])] {
                let name = "\(prefix).\(suffix)"
                guard let actual = file.shape(name) else {
                    throw AttuneError.invalidFile(path: file.url.path, what: "missing weight \(name) (the \(architecture == .bert ? "BertForSequenceClassification" : "MPNetForSequenceClassification") head, expected shape \(shape))")
                }
                guard actual == shape else {
                    throw AttuneError.invalidFile(path: file.url.path, what: "weight \(name) has shape \(actual), expected \(shape)")
                }
                let t = try file.tensor(name)
                t.name = name
                parts.append(t)
            }
            return Linear(weight: parts[0], bias: parts[1])
        }
        return ClassificationHead(architecture: architecture, dense: try layer(n.dense, out: hidden),
                                  output: try layer(n.output, out: numLabels))
    }
}

import AttuneCore
import AttuneData
import Foundation

/// A sentence-transformers Dense module: `y = activation(W x + b)`, weights in `folder/model.safetensors`
/// as `linear.weight` `[outFeatures, inFeatures]` and `linear.bias` `[outFeatures]`.
public struct DenseConfig: Equatable, Sendable {
    /// Input width (`in_features`): the previous module's output.
    public var inFeatures: Int
    /// Output width (`out_features`).
    public var outFeatures: Int
    /// Has `linear.bias`?
    public var bias: Bool
    /// As saved, e.g. `torch.nn.modules.activation.Tanh` or `torch.nn.modules.linear.Identity`.
    public var activation: String
    /// The module folder (config.json, model.safetensors).
    public var folder: URL
}

/// sentence-transformers' Dense module: `activation(x·Wᵀ + b)`. It loads and saves its own folder
/// (`config.json` + `model.safetensors`, e.g. `2_Dense`).
public struct DenseModule {
    public var linear: Linear
    /// As saved: `torch.nn.modules.linear.Identity`, `….activation.Tanh`, `….ReLU` or `….GELU`.
    public var activation: String

    public init(linear: Linear, activation: String) { self.linear = linear; self.activation = activation }

    /// An identity-initialised `dim → dim` head with zero bias (what Attune trains by default).
    public static func identity(dim: Int, requiresGrad: Bool = false) -> DenseModule {
        let w = Tensor(zeros: [dim, dim], requiresGrad: requiresGrad, name: "linear.weight")
        for i in 0..<dim { w[i * dim + i] = 1 }
        let b = Tensor(zeros: [dim], requiresGrad: requiresGrad, name: "linear.bias")
        return DenseModule(linear: Linear(weight: w, bias: b), activation: DenseModule.identityName)
    }

    public static let identityName = "torch.nn.modules.linear.Identity"
    public static let tanhName = "torch.nn.modules.activation.Tanh"
    /// The activations Attune runs, by every name sentence-transformers saves them under.
    static let activations: [String: DenseActivation] = [
        identityName: .identity, "torch.nn.Identity": .identity,
        tanhName: .tanh, "torch.nn.Tanh": .tanh,
        "torch.nn.modules.activation.ReLU": .relu, "torch.nn.ReLU": .relu,
        "torch.nn.modules.activation.GELU": .gelu, "torch.nn.GELU": .gelu,
    ]

    /// A Dense module folder: config.json plus model.safetensors with matching shapes.
    public static func readConfig(_ folder: URL) throws -> DenseConfig {
        let json = try ConfigJSON(folder.appendingPathComponent("config.json"))
        let dense = DenseConfig(inFeatures: try json.positiveInt("in_features"), outFeatures: try json.positiveInt("out_features"),
                                bias: try json.bool("bias", true),
                                activation: try json.string("activation_function", "torch.nn.modules.activation.Tanh"),
                                folder: folder)
        let weightsURL = folder.appendingPathComponent("model.safetensors")
        let file = try SafeTensorsFile(url: weightsURL)
        try ModelFolder.expectShape(file, "linear.weight", [dense.outFeatures, dense.inFeatures])
        if dense.bias { try ModelFolder.expectShape(file, "linear.bias", [dense.outFeatures]) }
        return dense
    }


    /// Write `folder/config.json` and `folder/model.safetensors` (`linear.weight`, `linear.bias`).
    public func save(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let w = linear.weight
        try atomicWrite(moduleJSON(["in_features": w.shape[1], "out_features": w.shape[0], "bias": linear.bias != nil,
                                    "activation_function": activation]),
                        to: folder.appendingPathComponent("config.json"))
        var t: [(name: String, tensor: Tensor)] = [(name: "linear.weight", tensor: w.detached())]
        if let b = linear.bias { t.append((name: "linear.bias", tensor: b.detached())) }
        try SafeTensors.write(t, metadata: ["format": "pt"], to: folder.appendingPathComponent("model.safetensors"))
    }

    static func load(_ c: DenseConfig) throws -> DenseModule {
        let url = c.folder.appendingPathComponent("model.safetensors")
        let file = try SafeTensorsFile(url: url)
        let w = try file.tensor("linear.weight")
        guard w.shape == [c.outFeatures, c.inFeatures] else {
            throw AttuneError.invalidFile(path: url.path, what: "linear.weight has shape \(w.shape), config says [\(c.outFeatures), \(c.inFeatures)]")
        }
        var b: Tensor? = nil
        if c.bias {
            let t = try file.tensor("linear.bias")
            guard t.shape == [c.outFeatures] else {
                throw AttuneError.invalidFile(path: url.path, what: "linear.bias has shape \(t.shape), expected [\(c.outFeatures)]")
            }
            b = t
        }
        guard activations[c.activation] != nil else {
            throw AttuneError.badConfig(source: c.folder.appendingPathComponent("config.json").path, field: "activation_function",
                                        what: "unsupported activation \(c.activation) (supported: Identity, Tanh, ReLU, GELU)")
        }
        return DenseModule(linear: Linear(weight: w, bias: b), activation: c.activation)
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let y = linear(x)
        switch DenseModule.activations[activation] ?? .identity {
        case .identity: return y
        case .tanh: return y.tanh()
        case .relu: return y.relu()
        case .gelu: return y.gelu()
        }
    }
}

/// What a Dense module applies after its linear map.
enum DenseActivation { case identity, tanh, relu, gelu
}

import AttuneCore
import AttuneData
import Foundation

/// A sentence-transformers model folder (or a plain BERT folder): what to load and how to pool.
public struct ModelFolder: Sendable {
    /// The folder itself.
    public var url: URL
    /// The Transformer module's folder: config.json, tokenizer files, weights.
    public var transformerFolder: URL
    public var bert: BertConfig
    /// Tokens per text kept by the model (sentence_bert_config.json `max_seq_length`).
    public var maxSeqLength: Int
    /// Lower-case texts before tokenising (sentence_bert_config.json `do_lower_case`, as
    /// sentence-transformers' Transformer does; the tokenizer's own lower-casing is separate).
    public var lowercaseInput = false
    public var pooling: PoolingMode
    /// Dense modules after pooling, in order.
    public var dense: [DenseConfig]
    /// Is the sentence vector L2-normalised last?
    public var normalize: Bool
    /// The transformer's safetensors file.
    public var weights: URL

    /// Read the folder: `modules.json` (Transformer, Pooling, Dense, Normalize — under either the
    /// `sentence_transformers.models.X` or the `sentence_transformers.sentence_transformer.modules.x.X`
    /// names), `sentence_bert_config.json`, the pooling config (boolean or compact form), Dense
    /// configs; a folder with only `config.json` is plain BERT with mean pooling and normalisation.
    public static func load(_ url: URL) throws -> ModelFolder {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
            throw AttuneError.fileNotFound(path: url.path)
        }
        let modulesURL = url.appendingPathComponent("modules.json")
        guard FileManager.default.fileExists(atPath: modulesURL.path) else {
            return try plain(url, transformer: url, pooling: .mean, dense: [], normalize: true)
        }
        let modules = try readModules(modulesURL)
        guard let first = modules.first, first.kind == "Transformer" else {
            throw AttuneError.badConfig(source: modulesURL.path, field: "modules", what: "the first module must be a Transformer")
        }
        var pooling: PoolingMode?
        var dense: [DenseConfig] = []
        var normalize = false
        for m in modules.dropFirst() {
            let folder = url.appendingPathComponent(m.path)
            switch m.kind {
            case "Pooling":
                guard pooling == nil else { throw AttuneError.badConfig(source: modulesURL.path, field: "modules", what: "more than one Pooling module") }
                pooling = try PoolingMode.load(folder.appendingPathComponent("config.json"))
            case "Dense":
                guard pooling != nil, !normalize else {
                    throw AttuneError.badConfig(source: modulesURL.path, field: "modules", what: "Dense module \(m.path) must come after Pooling and before Normalize")
                }
                dense.append(try DenseModule.readConfig(folder))
            case "Normalize":
                normalize = true
            default:
                throw AttuneError.badConfig(source: modulesURL.path, field: "type", what: "module \(m.path) is a \(m.kind) where Pooling, Dense or Normalize was expected")
            }
        }
        guard let pooling else {
            throw AttuneError.badConfig(source: modulesURL.path, field: "modules", what: "no Pooling module")
        }
        return try plain(url, transformer: url.appendingPathComponent(first.path), pooling: pooling, dense: dense, normalize: normalize)
    }

    private static func plain(_ url: URL, transformer: URL, pooling: PoolingMode, dense: [DenseConfig], normalize: Bool) throws -> ModelFolder {
        let bert = try BertConfig.load(transformer.appendingPathComponent("config.json"))
        var maxSeq = min(bert.maxSequenceLength, 512)
        var lowercaseInput = false
        let stConfig = transformer.appendingPathComponent("sentence_bert_config.json")
        if FileManager.default.fileExists(atPath: stConfig.path) {
            let json = try ConfigJSON(stConfig)
            maxSeq = try json.positiveInt("max_seq_length", maxSeq)
            lowercaseInput = try json.bool("do_lower_case", false)
            guard maxSeq <= bert.maxSequenceLength else {
                throw json.fail("max_seq_length", "\(maxSeq) exceeds the \(bert.maxSequenceLength) tokens max_position_embeddings \(bert.maxPositions) allows")
            }
        }
        let weights = transformer.appendingPathComponent("model.safetensors")
        guard FileManager.default.fileExists(atPath: weights.path) else {
            let bin = transformer.appendingPathComponent("pytorch_model.bin")
            if FileManager.default.fileExists(atPath: bin.path) {
                throw AttuneError.invalidFile(path: bin.path, what: "PyTorch pickles are not supported; save the model as safetensors")
            }
            throw AttuneError.fileNotFound(path: weights.path)
        }
        var expectedIn = bert.hiddenSize
        for d in dense {
            guard d.inFeatures == expectedIn else {
                throw AttuneError.badConfig(source: d.folder.appendingPathComponent("config.json").path, field: "in_features",
                                            what: "\(d.inFeatures), but the previous module produces \(expectedIn)")
            }
            expectedIn = d.outFeatures
        }
        var folder = ModelFolder(url: url, transformerFolder: transformer, bert: bert, maxSeqLength: maxSeq, pooling: pooling,
                                 dense: dense, normalize: normalize, weights: weights)
        folder.lowercaseInput = lowercaseInput
        return folder
    }

    /// One modules.json entry: its folder (relative) and short type name.
    private struct Module { let index: Int; let path: String; let kind: String }

    private static func readModules(_ url: URL) throws -> [Module] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw AttuneError.fileNotFound(path: url.path) }
        guard let list = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else {
            throw AttuneError.badConfig(source: url.path, field: "(file)", what: "expected a JSON array of modules")
        }
        let known = ["Transformer", "Pooling", "Dense", "Normalize"]
        var modules: [Module] = []
        for (i, entry) in list.enumerated() {
            let json = ConfigJSON(source: url.path, object: entry)
            let type = try json.string("type")
            let short = String(type.split(separator: ".").last ?? "")
            let qualified = type.hasPrefix("sentence_transformers.models.")
                || type.hasPrefix("sentence_transformers.sentence_transformer.modules.")
                || !type.contains(".")
            guard qualified, known.contains(short) else {
                throw json.fail("type", "unsupported module type \(type) (known: \(known.joined(separator: ", ")))")
            }
            modules.append(Module(index: try json.int("idx", i), path: try json.string("path", ""), kind: short))
        }
        guard !modules.isEmpty else { throw AttuneError.badConfig(source: url.path, field: "modules", what: "empty") }
        return modules.sorted { $0.index < $1.index }
    }

    /// Resolve a Hugging Face weight name as stored in `file`: as is, with a `bert.` or `mpnet.` prefix, or without one.
    public func weightName(_ hfName: String, in file: SafeTensorsFile) -> String? {
        ModelFolder.weightName(hfName, in: file)
    }

    static func weightName(_ hfName: String, in file: SafeTensorsFile) -> String? {
        if file.contains(hfName) { return hfName }
        for prefix in ["bert.", "mpnet."] where file.contains(prefix + hfName) { return prefix + hfName }
        if hfName.hasPrefix("bert."), file.contains(String(hfName.dropFirst(5))) { return String(hfName.dropFirst(5)) }
        return nil
    }

    /// Check that `file` holds every BERT weight with the shape `bert` implies; the error names
    /// the weight, the expected and the actual shape.
    public func checkShapes(file: SafeTensorsFile) throws {
        for (name, shape) in bert.expectedWeights {
            try ModelFolder.expectShape(file, name, shape)
        }
    }

    static func expectShape(_ file: SafeTensorsFile, _ name: String, _ expected: [Int]) throws {
        guard let stored = weightName(name, in: file), let actual = file.shape(stored) else {
            throw AttuneError.invalidFile(path: file.url.path, what: "missing weight \(name) (expected shape \(expected))")
        }
        guard actual == expected else {
            throw AttuneError.invalidFile(path: file.url.path, what: "weight \(stored) has shape \(actual), expected \(expected)")
        }
        let dtype = file.dtype(stored) ?? "?"
        guard ["F32", "F16", "BF16"].contains(dtype) else {
            throw AttuneError.invalidFile(path: file.url.path, what: "weight \(stored) has dtype \(dtype), expected F32, F16 or BF16")
        }
    }

    /// The tokenizer saved with the Transformer module. A vocabulary with more ids than the
    /// embedding matrix has rows (config.json `vocab_size`) is an error here, not a trap later.
    public func tokenizer() throws -> WordPieceTokenizer {
        let t = try WordPieceTokenizer.load(folder: transformerFolder)
        guard t.vocabulary.count <= bert.vocabSize else {
            let vocabTxt = transformerFolder.appendingPathComponent("vocab.txt")
            let file = FileManager.default.fileExists(atPath: vocabTxt.path) ? vocabTxt : transformerFolder.appendingPathComponent("tokenizer.json")
            throw AttuneError.invalidFile(path: file.path, what: "the vocabulary has \(t.vocabulary.count) tokens but config.json vocab_size (the embedding matrix) has \(bert.vocabSize) rows")
        }
        return t
    }
}

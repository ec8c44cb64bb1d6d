import AttuneCore
import AttuneData
import Foundation

// A cross-encoder's folder, as sentence-transformers' `CrossEncoder` saves and loads it:
//
//     config.json          architectures [BertForSequenceClassification | MPNetForSequenceClassification],
//                          id2label / label2id (num_labels), the encoder's shape
//     model.safetensors    bert.… / mpnet.… encoder weights, bert.pooler.dense + classifier, or
//                          classifier.dense + classifier.out_proj
//     tokenizer files      tokenizer_config.json model_max_length: the pair length
//     modules.json, sentence_bert_config.json (transformer_task sequence-classification),
//     config_sentence_transformers.json (model_type CrossEncoder, activation_fn)    — v6 and later;
//     earlier versions (v4, v5) have only the Hugging Face files, activation_fn under config.json's
//     `sentence_transformers` key. Both are read; both are written.

extension CrossEncoder {
    /// The `attune` command that makes a cross-encoder from a bi-encoder folder, for messages.
    public static func initCommand(_ biEncoder: String) -> String { "attune rerank init --model \(biEncoder) --output CE_DIR" }

    /// Is `url` a cross-encoder folder (config.json names a `…ForSequenceClassification`)?
    public static func isCrossEncoder(_ url: URL) -> Bool {
        guard let folder = try? transformerFolder(url),
              let json = try? ConfigJSON(folder.appendingPathComponent("config.json")) else { return false }
        return (json.object["architectures"] as? [String] ?? []).contains { $0.hasSuffix("ForSequenceClassification") }
    }

    /// Where the Transformer module's files are: the folder itself, or modules.json's single
    /// Transformer module. A bi-encoder (a modules.json with Pooling) is named as such.
    static func transformerFolder(_ url: URL) throws -> URL {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue else {
            throw AttuneError.fileNotFound(path: url.path)
        }
        let modulesURL = url.appendingPathComponent("modules.json")
        guard let data = FileManager.default.contents(atPath: modulesURL.path) else { return url }
        guard let list = (try? JSONSerialization.jsonObject(with: data)) as? [[String: Any]] else {
            throw AttuneError.badConfig(source: modulesURL.path, field: "(file)", what: "expected a JSON array of modules")
        }
        let types = list.map { ($0["type"] as? String ?? "").split(separator: ".").last.map(String.init) ?? "" }
        if types.contains("Pooling") {
            throw AttuneError.invalidFile(path: url.path, what: "is a bi-encoder (a SentenceTransformer: \(types.joined(separator: " → "))), not a cross-encoder; make one from it with `\(initCommand(url.path))`")
        }
        guard let first = list.first, types.first == "Transformer" else {
            throw AttuneError.badConfig(source: modulesURL.path, field: "modules", what: "a cross-encoder's first module must be a Transformer, got \(types.first ?? "none")")
        }
        return url.appendingPathComponent(first["path"] as? String ?? "")
    }

    /// Load a sentence-transformers `CrossEncoder` folder (v4 and later). A bi-encoder folder, or
    /// a plain encoder without a classification head, is an error saying how to make one from it.
    public static func load(_ url: URL) throws -> CrossEncoder {
        let folder = try transformerFolder(url)
        let configURL = folder.appendingPathComponent("config.json")
        let json = try ConfigJSON(configURL)
        let archs = json.object["architectures"] as? [String] ?? []
        guard archs.contains(where: { $0.hasSuffix("ForSequenceClassification") }) else {
            throw AttuneError.invalidFile(path: url.path, what: "is a bi-encoder or a bare encoder (config.json architectures: \(archs.isEmpty ? "none" : archs.joined(separator: ", "))), not a cross-encoder; make one from it with `\(initCommand(url.path))`")
        }
        let config = try BertConfig.load(configURL)
        let labels = try readLabels(json)
        let weights = folder.appendingPathComponent("model.safetensors")
        guard FileManager.default.fileExists(atPath: weights.path) else {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("pytorch_model.bin").path) {
                throw AttuneError.invalidFile(path: folder.appendingPathComponent("pytorch_model.bin").path, what: "PyTorch pickles are not supported; save the model as safetensors")
            }
            throw AttuneError.fileNotFound(path: weights.path)
        }
        let file = try SafeTensorsFile(url: weights)
        let bert = try BertModel(config: config, file: file)
        let head = try ClassificationHead.load(config.architecture, hidden: config.hiddenSize, numLabels: labels.count, file: file)
        return CrossEncoder(source: folder, tokenizer: try loadTokenizer(folder, config: config), bert: bert, head: head,
                            maxLength: try readMaxLength(folder, config: config), labels: labels,
                            activation: try readActivation(url, config: json, numLabels: labels.count))
    }

    /// A new cross-encoder from a bi-encoder (sentence-transformers) folder, as
    /// `CrossEncoder(path, num_labels=…)` makes one: the encoder's weights; BERT's pooler from the
    /// checkpoint when it has one; every other head weight new, drawn from `seed` (see
    /// `ClassificationHead.seededLinear`, std config.json `initializer_range`). `maxLength` (nil:
    /// the tokenizer's `model_max_length`) is the pair length.
    public static func initialise(fromBiEncoder url: URL, seed: UInt64 = 42, numLabels: Int = 1,
                                  maxLength: Int? = nil) throws -> CrossEncoder {
        if isCrossEncoder(url) {
            throw AttuneError.invalidFile(path: url.path, what: "is already a cross-encoder (config.json architectures …ForSequenceClassification); use it as it is")
        }
        guard numLabels >= 1 else { throw SettingError(setting: "num_labels", value: "\(numLabels)", what: "must be at least 1") }
        let folder = try ModelFolder.load(url)
        let config = folder.bert
        let file = try SafeTensorsFile(url: folder.weights)
        let bert = try BertModel(config: config, file: file)
        let std = try ConfigJSON(folder.transformerFolder.appendingPathComponent("config.json")).double("initializer_range", 0.02)
        var rng = SplitMix64(seed: seed)
        let h = config.hiddenSize
        let names = ClassificationHead.names(config.architecture)
        let dense: Linear
        if config.architecture == .bert, let w = ModelFolder.weightName("pooler.dense.weight", in: file),
           let b = ModelFolder.weightName("pooler.dense.bias", in: file), file.shape(w) == [h, h], file.shape(b) == [h] {
            dense = Linear(weight: try file.tensor(w), bias: try file.tensor(b))
        } else {
            dense = ClassificationHead.seededLinear(outFeatures: h, inFeatures: h, std: std, rng: &rng, name: names.dense)
        }
        let output = ClassificationHead.seededLinear(outFeatures: numLabels, inFeatures: h, std: std, rng: &rng, name: names.output)
        let limit = try maxLength ?? readMaxLength(folder.transformerFolder, config: config)
        guard limit >= PairTemplate.bert.specialTokens + 2 && limit <= config.maxSequenceLength else {
            throw SettingError(setting: "max_length", value: "\(limit)", what: "must be between 6 and the model's \(config.maxSequenceLength) positions")
        }
        return CrossEncoder(source: folder.transformerFolder, tokenizer: try folder.tokenizer(), bert: bert,
                            head: ClassificationHead(architecture: config.architecture, dense: dense, output: output),
                            maxLength: limit, labels: (0..<numLabels).map { "LABEL_\($0)" },
                            activation: numLabels == 1 ? .sigmoid : .identity)
    }

    /// `id2label` in id order; else `num_labels` labels; else Hugging Face's default of 2.
    static func readLabels(_ json: ConfigJSON) throws -> [String] {
        if let map = json.object["id2label"] as? [String: Any], !map.isEmpty {
            var labels = [String](repeating: "", count: map.count)
            for (key, value) in map {
                guard let i = Int(key), i >= 0, i < map.count else {
                    throw json.fail("id2label", "keys must be the ids 0…\(map.count - 1), got \"\(key)\"")
                }
                labels[i] = value as? String ?? "\(value)"
            }
            return labels
        }
        let n = try json.positiveInt("num_labels", 2)
        return (0..<n).map { "LABEL_\($0)" }
    }

    /// The pair length: tokenizer_config.json `model_max_length` (Hugging Face's "unset", a huge
    /// number, counts as absent), at most the position table's length.
    static func readMaxLength(_ folder: URL, config: BertConfig) throws -> Int {
        let url = folder.appendingPathComponent("tokenizer_config.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return config.maxSequenceLength }
        let json = try ConfigJSON(url)
        guard json.has("model_max_length"), let n = json.object["model_max_length"] as? NSNumber, n.doubleValue < 1e9 else {
            return config.maxSequenceLength
        }
        let value = try json.positiveInt("model_max_length")
        return min(value, config.maxSequenceLength)
    }

    /// sentence-transformers' `activation_fn`: config_sentence_transformers.json (v6), else
    /// config.json's `sentence_transformers.activation_fn` (v4, v5) or
    /// `sbert_ce_default_activation_function` (older); default sigmoid for one label, else identity.
    static func readActivation(_ url: URL, config: ConfigJSON, numLabels: Int) throws -> ScoreActivation {
        var name: String?
        var source = config.source, field = "sentence_transformers.activation_fn"
        let st = url.appendingPathComponent("config_sentence_transformers.json")
        if FileManager.default.fileExists(atPath: st.path) {
            let json = try ConfigJSON(st)
            if json.has("activation_fn") { name = try json.string("activation_fn"); source = st.path; field = "activation_fn" }
        }
        if name == nil, let nested = config.object["sentence_transformers"] as? [String: Any] { name = nested["activation_fn"] as? String }
        if name == nil, let old = config.object["sbert_ce_default_activation_function"] as? String {
            name = old; field = "sbert_ce_default_activation_function"
        }
        guard let name else { return numLabels == 1 ? .sigmoid : .identity }
        let aliases: [String: ScoreActivation] = [ScoreActivation.sigmoid.rawValue: .sigmoid, "torch.nn.Sigmoid": .sigmoid,
                                                  ScoreActivation.identity.rawValue: .identity, "torch.nn.Identity": .identity]
        guard let a = aliases[name] else {
            throw AttuneError.badConfig(source: source, field: field, what: "unsupported activation \(name) (supported: Sigmoid, Identity)")
        }
        return a
    }

    /// The folder's tokenizer, its vocabulary checked against the embedding table.
    static func loadTokenizer(_ folder: URL, config: BertConfig) throws -> WordPieceTokenizer {
        let t = try WordPieceTokenizer.load(folder: folder)
        guard t.vocabulary.count <= config.vocabSize else {
            throw AttuneError.invalidFile(path: folder.path, what: "the vocabulary has \(t.vocabulary.count) tokens but config.json vocab_size has \(config.vocabSize) rows")
        }
        return t
    }

    // MARK: Saving

    /// Save as a folder `sentence_transformers.CrossEncoder(url)` loads and scores identically
    /// (and Attune reloads): written beside `url` and renamed into place; an existing folder is
    /// replaced only with `overwrite`. Config and tokenizer files come from `source`;
    /// `extraFiles` (name → contents) are written into the folder too.
    public func save(to url: URL, overwrite: Bool = false, extraFiles: [String: Data] = [:]) throws {
        try writeFolderAtomically(url, overwrite: overwrite) { dir in
            try writeContents(to: dir)
            for (name, data) in extraFiles { try data.write(to: dir.appendingPathComponent(name)) }
        }
    }

    private func writeContents(to dir: URL) throws {
        let fm = FileManager.default
        try SafeTensors.write(detached.namedParameters, metadata: ["format": "pt"], to: dir.appendingPathComponent("model.safetensors"))
        let version = ["sentence_transformers": "6.3.0", "attune": "0.1.0"]
        // config.json: the encoder's, with the classification head's architecture and labels.
        var config = try readJSONObject(source.appendingPathComponent("config.json"))
        config["architectures"] = [architectureName]
        config["id2label"] = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ("\($0.offset)", $0.element) })
        config["label2id"] = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($0.element, $0.offset) })
        config["num_labels"] = nil
        config["sentence_transformers"] = ["activation_fn": activation.rawValue, "version": version["sentence_transformers"]!]
        try atomicWrite(moduleJSON(config), to: dir.appendingPathComponent("config.json"))
        // Tokenizer files, with the pair length as model_max_length.
        for name in ["vocab.txt", "tokenizer.json", "special_tokens_map.json"] {
            let src = source.appendingPathComponent(name)
            if fm.fileExists(atPath: src.path) { try fm.copyItem(at: src, to: dir.appendingPathComponent(name)) }
        }
        if !fm.fileExists(atPath: dir.appendingPathComponent("vocab.txt").path) && !fm.fileExists(atPath: dir.appendingPathComponent("tokenizer.json").path) {
            try atomicWrite(Data((tokenizer.vocab.joined(separator: "\n") + "\n").utf8), to: dir.appendingPathComponent("vocab.txt"))
        }
        let tokConfigURL = source.appendingPathComponent("tokenizer_config.json")
        var tokConfig = fm.fileExists(atPath: tokConfigURL.path) ? try readJSONObject(tokConfigURL) : [:]
        tokConfig["model_max_length"] = maxLength
        try atomicWrite(moduleJSON(tokConfig), to: dir.appendingPathComponent("tokenizer_config.json"))
        // sentence-transformers' own files (v6 layout; earlier versions read config.json alone).
        try atomicWrite(moduleJSON([["idx": 0, "name": "0", "path": "", "type": "sentence_transformers.base.modules.transformer.Transformer"]]),
                        to: dir.appendingPathComponent("modules.json"))
        try atomicWrite(moduleJSON(["transformer_task": "sequence-classification",
                                    "modality_config": ["text": ["method": "forward", "method_output_name": "logits"]],
                                    "module_output_name": "scores"]),
                        to: dir.appendingPathComponent("sentence_bert_config.json"))
        try atomicWrite(moduleJSON(["__version__": version, "activation_fn": activation.rawValue, "default_prompt_name": NSNull(),
                                    "model_type": "CrossEncoder", "prompts": [String: String]()]),
                        to: dir.appendingPathComponent("config_sentence_transformers.json"))
    }
}

import AttuneCore
import AttuneData
import Foundation

/// Writing a `SentenceModel` as a sentence-transformers folder that both Attune and PyTorch's
/// `SentenceTransformer(path)` load:
///
///     model.safetensors  config.json  vocab.txt  tokenizer.json  tokenizer_config.json
///     special_tokens_map.json  modules.json  sentence_bert_config.json  config_sentence_transformers.json
///     1_Pooling/config.json   2_Dense/{config.json,model.safetensors}   3_Normalize/
///
/// Everything is written to a temp folder beside the target and renamed into place, so an
/// interrupted save never leaves a half-written folder that looks whole.
extension SentenceModel {
    /// Module type names as older and current sentence-transformers both load them.
    static let moduleTypes = (transformer: "sentence_transformers.models.Transformer",
                              pooling: "sentence_transformers.models.Pooling",
                              dense: "sentence_transformers.models.Dense",
                              normalize: "sentence_transformers.models.Normalize")

    /// Save to `url`. An existing folder is replaced only when `overwrite` is true, and survives
    /// intact if the save fails. `extraFiles` (name → contents) are written at the top level too
    /// (a model card, a recipe). Config and tokenizer files are copied from the source model's
    /// Transformer folder; weights are written from memory under Hugging Face's names.
    public func save(to url: URL, overwrite: Bool = false, extraFiles: [String: Data] = [:]) throws {
        try writeFolderAtomically(url, overwrite: overwrite) { try writeContents(to: $0, extraFiles: extraFiles) }
    }

    private func json(_ object: Any) throws -> Data { try moduleJSON(object) }

    private func writeContents(to dir: URL, extraFiles: [String: Data]) throws {
        let fm = FileManager.default
        // Transformer weights in Hugging Face's names (no `bert.` prefix, as the base folder has them).
        var tensors = bert.namedParameters.map { (name: $0.0, tensor: $0.1.detached()) }
        if let base = try? SafeTensorsFile(url: folder.weights) {
            for extra in ["pooler.dense.weight", "pooler.dense.bias"] {
                if let stored = ModelFolder.weightName(extra, in: base), let t = try? base.tensor(stored) {
                    tensors.append((name: extra, tensor: t))
                }
            }
        }
        try SafeTensors.write(tensors, metadata: ["format": "pt"], to: dir.appendingPathComponent("model.safetensors"))
        // Config and tokenizer files, as the base model had them.
        for name in ["config.json", "vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"] {
            let src = folder.transformerFolder.appendingPathComponent(name)
            if fm.fileExists(atPath: src.path) { try fm.copyItem(at: src, to: dir.appendingPathComponent(name)) }
        }
        if !fm.fileExists(atPath: dir.appendingPathComponent("vocab.txt").path) {
            try atomicWrite(Data((tokenizer.vocab.joined(separator: "\n") + "\n").utf8), to: dir.appendingPathComponent("vocab.txt"))
        }
        try atomicWrite(json(["max_seq_length": maxSeqLength, "do_lower_case": folder.lowercaseInput]),
                        to: dir.appendingPathComponent("sentence_bert_config.json"))
        var stConfig: [String: Any] = ["__version__": ["sentence_transformers": "2.2.2", "attune": "0.1.0"], "similarity_fn_name": "cosine"]
        if !matryoshkaDims.isEmpty { stConfig["matryoshka_dims"] = matryoshkaDims }
        try atomicWrite(json(stConfig.merging(prompts.json) { a, _ in a }),
                        to: dir.appendingPathComponent("config_sentence_transformers.json"))

        var modules: [[String: Any]] = [["idx": 0, "name": "0", "path": "", "type": Self.moduleTypes.transformer]]
        try pooling.save(to: dir.appendingPathComponent("1_Pooling"), dimension: bert.config.hiddenSize)
        modules.append(["idx": 1, "name": "1", "path": "1_Pooling", "type": Self.moduleTypes.pooling])
        var idx = 2
        for d in dense {
            let path = "\(idx)_Dense"
            try d.save(to: dir.appendingPathComponent(path))
            modules.append(["idx": idx, "name": "\(idx)", "path": path, "type": Self.moduleTypes.dense])
            idx += 1
        }
        if normalize {
            let path = "\(idx)_Normalize"
            try Normalize().save(to: dir.appendingPathComponent(path))
            modules.append(["idx": idx, "name": "\(idx)", "path": path, "type": Self.moduleTypes.normalize])
        }
        try atomicWrite(json(modules), to: dir.appendingPathComponent("modules.json"))
        for (name, data) in extraFiles { try atomicWrite(data, to: dir.appendingPathComponent(name)) }
    }
}

/// Write a model folder at `url` through `write(tmp)`: into a temp folder beside it, renamed into
/// place. An existing folder is replaced only when `overwrite` is true, and survives intact if the
/// write fails.
func writeFolderAtomically(_ url: URL, overwrite: Bool, _ write: (URL) throws -> Void) throws {
    let fm = FileManager.default
    if fm.fileExists(atPath: url.path) && !overwrite {
        throw AttuneError.invalid("\(url.path) already exists (use --force to replace it)")
    }
    let parent = url.deletingLastPathComponent()
    let unique = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    let tmp = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(unique)")
    do {
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        try fm.createDirectory(at: tmp, withIntermediateDirectories: false)
    } catch {
        throw AttuneError.invalid("cannot write beside \(url.path): \(error.localizedDescription)")
    }
    do {
        try write(tmp)
        if fm.fileExists(atPath: url.path) {
            // Move the old folder aside, the new one in, then drop the old; put it back on failure.
            let old = parent.appendingPathComponent(".\(url.lastPathComponent).old-\(unique)")
            try fm.moveItem(at: url, to: old)
            do { try fm.moveItem(at: tmp, to: url) } catch {
                try? fm.moveItem(at: old, to: url)
                throw error
            }
            try? fm.removeItem(at: old)
        } else {
            try fm.moveItem(at: tmp, to: url)
        }
    } catch {
        try? fm.removeItem(at: tmp)
        throw error
    }
}

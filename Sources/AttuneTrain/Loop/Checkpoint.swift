import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// A resumable training state: the trainable parameters, AdamW's moments and step, and where in
/// the run the trainer was. Written to a temp folder and renamed over the previous checkpoint, so
/// a kill or a full disk mid-write leaves the previous one loadable.
struct Checkpoint {
    static let folderName = "checkpoint"

    var step: Int
    var recipeYAML: String
    var losses: [Float]
    var bestDev: Double?
    /// `pairsDigest` of the pairs trained on (nil in a checkpoint that predates it).
    var pairsDigest: String? = nil

    static func folder(in output: URL) -> URL { output.appendingPathComponent(folderName) }

    /// Save `params` and `optimizer` state with this metadata under `output/checkpoint`.
    func save(to output: URL, params: [(name: String, tensor: Tensor)], optimizer: AdamW) throws {
        let fm = FileManager.default
        let dest = Checkpoint.folder(in: output)
        let tmp = Checkpoint.partialFolder(in: output)
        try? fm.removeItem(at: tmp)
        try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
        try SafeTensors.write(params.map { (name: $0.name, tensor: $0.tensor.detached()) },
                              to: tmp.appendingPathComponent("trainable.safetensors"))
        var moments: [(name: String, tensor: Tensor)] = []
        var optimizerSteps: [String: Int] = [:]
        for m in optimizer.moments {
            moments.append((name: "\(m.name).exp_avg", tensor: Tensor(m.m, shape: [m.m.count])))
            moments.append((name: "\(m.name).exp_avg_sq", tensor: Tensor(m.v, shape: [m.v.count])))
            optimizerSteps[m.name] = m.step
        }
        try SafeTensors.write(moments, to: tmp.appendingPathComponent("optimizer.safetensors"))
        var meta: [String: Any] = ["step": step, "optimizer_steps": optimizerSteps, "losses": losses.map(Double.init)]
        if let bestDev { meta["best_dev"] = bestDev }
        if let pairsDigest { meta["pairs_digest"] = pairsDigest }
        try atomicWrite(JSONSerialization.data(withJSONObject: meta, options: [.sortedKeys]), to: tmp.appendingPathComponent("state.json"))
        try atomicWrite(Data(recipeYAML.utf8), to: tmp.appendingPathComponent("recipe.yaml"))
        // Swap in: the old checkpoint is removed only after the new one is complete. When only
        // `.checkpoint.old` exists (a kill between the two renames last time), it is the one to
        // keep until the new checkpoint is in place.
        let old = Checkpoint.oldFolder(in: output)
        if fm.fileExists(atPath: dest.path) {
            try? fm.removeItem(at: old)
            try fm.moveItem(at: dest, to: old)
        }
        try fm.moveItem(at: tmp, to: dest)
        try? fm.removeItem(at: old)
    }

    /// Where the previous checkpoint waits while a new one is renamed into place.
    static func oldFolder(in output: URL) -> URL { output.appendingPathComponent(".checkpoint.old") }
    /// Where a checkpoint is written before it is renamed into place.
    static func partialFolder(in output: URL) -> URL { output.appendingPathComponent(".checkpoint.partial") }

    /// The checkpoint to resume from: `output/checkpoint`, else `.checkpoint.old` (left by a kill
    /// between the two renames of `save`), else nil. `.checkpoint.partial` is never used.
    static func existing(in output: URL) -> URL? {
        let fm = FileManager.default
        for dir in [folder(in: output), oldFolder(in: output)] where fm.fileExists(atPath: dir.path) { return dir }
        return nil
    }

    /// Remove the checkpoint and anything a killed save left behind.
    static func removeAll(in output: URL) {
        for dir in [folder(in: output), oldFolder(in: output), partialFolder(in: output)] {
            try? FileManager.default.removeItem(at: dir)
        }
    }

    /// Recipe keys that may change between the run that wrote a checkpoint and the run resuming
    /// it: the keys `Recipe.schema` marks resumable (where the output is, how often it is
    /// checkpointed or checked, skipping bad lines). Every other key changes what the steps
    /// compute — `epochs` too, since the learning-rate schedule spans every step.
    static var resumableKeys: Set<String> { Set(Recipe.schema.resumableKeys) }

    /// Check that the checkpoint in `dir` was made by a recipe that trains the same way as
    /// `recipe`: the saved `recipe.yaml` is decoded (a key it lacks, from an older Attune, has its
    /// default) and compared key by key; throws naming the keys that differ.
    static func checkRecipe(in dir: URL, matches recipe: Recipe) throws {
        let url = dir.appendingPathComponent("recipe.yaml")
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw AttuneError.invalidFile(path: url.path, what: "missing or unreadable; cannot tell whether the checkpoint matches this recipe (rerun without --resume to start over)")
        }
        let saved = try Recipe.load(url, currentDirectory: dir)
        let diff = saved.differences(from: recipe)
        guard diff.isEmpty else {
            throw AttuneError.invalidFile(path: dir.path, what: "was made with a different recipe (\(diff.joined(separator: ", "))); resume with the same recipe, or rerun without --resume to start over")
        }
    }

    /// Load the checkpoint under `output` into `params` and `optimizer`; nil when there is none.
    static func load(from output: URL, params: [(name: String, tensor: Tensor)], optimizer: inout AdamW) throws -> Checkpoint? {
        let fm = FileManager.default
        guard let dir = existing(in: output) else { return nil }
        let stateURL = dir.appendingPathComponent("state.json")
        guard let data = fm.contents(atPath: stateURL.path),
              let meta = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let step = meta["step"] as? Int, let optSteps = meta["optimizer_steps"] as? [String: Int] else {
            throw AttuneError.invalidFile(path: stateURL.path, what: "not a valid checkpoint state")
        }
        let weights = try SafeTensorsFile(url: dir.appendingPathComponent("trainable.safetensors"))
        let moments = try SafeTensorsFile(url: dir.appendingPathComponent("optimizer.safetensors"))
        for p in params {
            let w = try weights.tensor(p.name)
            guard w.shape == p.tensor.shape else {
                throw AttuneError.invalidFile(path: dir.path, what: "\(p.name) has shape \(w.shape), the model expects \(p.tensor.shape)")
            }
            p.tensor.data.update(from: w.data, count: w.count)
        }
        try optimizer.restore(try optimizer.moments.map { cur in
            AdamWMoments(name: cur.name, step: optSteps[cur.name] ?? 0,
                         m: try moments.tensor("\(cur.name).exp_avg").values,
                         v: try moments.tensor("\(cur.name).exp_avg_sq").values)
        })
        let recipe = (try? String(contentsOf: dir.appendingPathComponent("recipe.yaml"), encoding: .utf8)) ?? ""
        return Checkpoint(step: step, recipeYAML: recipe,
                          losses: ((meta["losses"] as? [Double]) ?? []).map(Float.init),
                          bestDev: meta["best_dev"] as? Double, pairsDigest: meta["pairs_digest"] as? String)
    }

    /// A fingerprint of the training texts in order (64-bit FNV-1a over every text of every pair,
    /// 0-separated): a resumed run checks it so an edited pairs file is not silently mixed in.
    static func pairsDigest(_ pairs: [TrainingPair]) -> String { TrainingPair.digest(pairs) }
}

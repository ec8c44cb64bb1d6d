import AttuneCore
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

    static func folder(in output: URL) -> URL { output.appendingPathComponent(folderName) }

    /// Save `params` and `optimizer` state with this metadata under `output/checkpoint`.
    func save(to output: URL, params: [(name: String, tensor: Tensor)], optimizer: AdamW) throws {
        let fm = FileManager.default
        let dest = Checkpoint.folder(in: output)
        let tmp = output.appendingPathComponent(".checkpoint.partial")
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
        try JSONSerialization.data(withJSONObject: meta, options: [.sortedKeys]).write(to: tmp.appendingPathComponent("state.json"))
        try Data(recipeYAML.utf8).write(to: tmp.appendingPathComponent("recipe.yaml"))
        // Swap in: the old checkpoint is removed only after the new one is complete.
        let old = output.appendingPathComponent(".checkpoint.old")
        try? fm.removeItem(at: old)
        if fm.fileExists(atPath: dest.path) { try fm.moveItem(at: dest, to: old) }
        try fm.moveItem(at: tmp, to: dest)
        try? fm.removeItem(at: old)
    }

    /// Load the checkpoint under `output` into `params` and `optimizer`; nil when there is none.
    static func load(from output: URL, params: [(name: String, tensor: Tensor)], optimizer: inout AdamW) throws -> Checkpoint? {
        let fm = FileManager.default
        var dir = folder(in: output)
        if !fm.fileExists(atPath: dir.path) {
            // A kill between the two renames leaves the previous checkpoint as `.checkpoint.old`.
            let old = output.appendingPathComponent(".checkpoint.old")
            guard fm.fileExists(atPath: old.path) else { return nil }
            dir = old
        }
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
                          bestDev: meta["best_dev"] as? Double)
    }
}

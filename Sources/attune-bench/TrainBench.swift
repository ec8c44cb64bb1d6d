import AttuneCore
import AttuneModel
import Foundation

/// `attune-bench train`: `attune train` and `st_reference.py train` side by side in one run, on the
/// first `--pairs-n` (3,200) MedQuAD pairs with the same settings (batch 32, lr 5e-5, warmup 0.1,
/// max_seq_length 128, 2 trainable layers + head), for 1 and 3 epochs: pairs/s of both, their ratio,
/// and peak RSS of both. Attune's rate counts its whole run after loading (frozen-layer cache
/// included); the reference's counts its training loop, as it reports it. Then (unless
/// `--no-robust`) what the robust-adaptation options cost against the plain 1-epoch run: the guide,
/// GradCache, and mining one negative per pair then training with it.
enum TrainBench {
    static func run(_ o: Options) {
        let n = o.int("pairs-n", 3200)
        let pairs = o.string("pairs", "../shared/data/medquad/train.jsonl")
        let epochsList = o.string("epochs", "1,3").split(separator: ",").compactMap { Int($0) }
        let modelPath: String
        do { modelPath = try ModelStore.resolve(o.string("model", "all-MiniLM-L6-v2")).path } catch {
            note("error: \(error)"); exit(1)
        }
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("attune").path
        guard FileManager.default.isExecutableFile(atPath: exe) else {
            note("error: \(exe) not found: build it first (swift build -c release)"); exit(1)
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("attune-train-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let common = ["--max-pairs", "\(n)", "--batch-size", "32", "--lr", "5e-5", "--max-seq-length", "128",
                      "--trainable-layers", "2", "--seed", "42"]
        var result: [String: Any] = ["bench": "train", "pairs": n, "core": BLAS.coreName, "threads": Parallel.threads]
        var attuneRates: [Int: Double] = [:]
        /// One `attune train` run: its summary with pairs/s over cache + loop (+ guide pass).
        func attune(_ name: String, _ args: [String], pairsFile: String = pairs) -> [String: Any]? {
            let t0 = Date()
            guard let out = Reference.runJSON([exe, "train", "--model", modelPath, "--pairs", pairsFile, "--output", tmp.appendingPathComponent(name).path,
                                               "--head", "--json", "--checkpoint-every", "0"] + common + args),
                  let s = out["training"] as? [String: Any] else { return nil }
            let wall = Date().timeIntervalSince(t0)
            let steps = (s["steps"] as? Int) ?? 0
            let total = ((s["seconds"] as? Double) ?? 0) + ((s["frozen_cache_seconds"] as? Double) ?? 0) + ((s["guide_seconds"] as? Double) ?? 0)
            let rate = Double(steps * 32) / max(total, 1e-9)
            var row: [String: Any] = ["pairs_per_second": rounded(rate), "loop_pairs_per_second": s["pairs_per_second"] ?? 0,
                                      "frozen_cache_seconds": s["frozen_cache_seconds"] ?? 0, "seconds": rounded(total),
                                      "wall_seconds": rounded(wall), "steps": steps, "first_loss": s["first_loss"] ?? 0,
                                      "last_loss": s["last_loss"] ?? 0, "peak_rss_mib": s["peak_rss_mib"] ?? 0]
            for k in ["guide_seconds", "guide_masked", "guide_masked_fraction"] { if let v = s[k] { row[k] = v } }
            note(String(format: "attune %@: %d steps in %.1fs = %.1f pairs/s", name, steps, total, rate))
            return row
        }
        // Attune first, so RUSAGE_CHILDREN's peak is Attune's alone.
        for e in epochsList {
            note("attune train, \(e) epoch(s) …")
            guard let row = attune("attune-\(e)", ["--epochs", "\(e)"]) else { exit(1) }
            attuneRates[e] = row["pairs_per_second"] as? Double
            result["attune_\(e)_epoch"] = row
        }
        // What robust adaptation costs, 1 epoch each, against the plain 1-epoch run above: the guide
        // (base, from the frozen cache), GradCache mini-batches of 8, and mining 1 negative per pair
        // over the pairs' own positives followed by training with it.
        if !o.flag("no-robust"), let plain = attuneRates[1] ?? attuneRates.values.first {
            var robust: [String: Any] = ["plain_pairs_per_second": rounded(plain)]
            func overhead(_ key: String, _ row: [String: Any]?) {
                guard var row, let r = row["pairs_per_second"] as? Double, r > 0 else { return }
                row["slowdown_vs_plain"] = rounded(plain / r)
                robust[key] = row
            }
            overhead("guide", attune("guide", ["--epochs", "1", "--set", "guide=base"]))
            overhead("gradcache_8", attune("gradcache", ["--epochs", "1", "--set", "mini_batch_size=8"]))
            let mined = tmp.appendingPathComponent("mined.jsonl").path
            let firstN = tmp.appendingPathComponent("pairs-\(n).jsonl")
            if let lines = try? String(contentsOfFile: pairs, encoding: .utf8).split(separator: "\n").prefix(n) {
                try? FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
                try? (lines.joined(separator: "\n") + "\n").write(to: firstN, atomically: true, encoding: .utf8)
                let t0 = Date()
                if Reference.runJSON([exe, "mine", "--pairs", firstN.path, "--output", mined, "--num-negatives", "1",
                                      "--max-seq-length", "128", "--json"]) != nil {
                    let mineSeconds = Date().timeIntervalSince(t0)
                    robust["mine_seconds"] = rounded(mineSeconds)
                    if var row = attune("mined", ["--epochs", "1"], pairsFile: mined) {
                        let total = ((row["seconds"] as? Double) ?? 0) + mineSeconds
                        row["with_mining_pairs_per_second"] = rounded(Double(((row["steps"] as? Int) ?? 0) * 32) / max(total, 1e-9))
                        overhead("mined_1_negative", row)
                    }
                }
            }
            result["robust_overheads"] = robust
        }
        result["attune_peak_rss_mib"] = Reference.childrenPeakRSSMiB()
        if !o.flag("no-reference") {
            for e in epochsList {
                note("reference train, \(e) epoch(s) …")
                guard let s = Reference.runJSON([Reference.python(o), Reference.script(o), "train", "--model", modelPath,
                                                 "--pairs", pairs, "--out", tmp.appendingPathComponent("ref-\(e)").path,
                                                 "--epochs", "\(e)", "--head", "--warmup", "0.1"] + common) else { continue }
                let rate = (s["pairs_per_second"] as? Double) ?? 0
                result["reference_\(e)_epoch"] = s
                if let a = attuneRates[e], rate > 0 {
                    result["speedup_\(e)_epoch"] = rounded(a / rate)
                    note(String(format: "reference: %.2f pairs/s → Attune is %.2f× at %d epoch(s)", rate, a / rate, e))
                }
            }
        }
        emitJSON(result)
    }
}

import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// `attune-bench rerank [--model all-MiniLM-L6-v2|DIR] [--cross-encoder CE_DIR] [--precision int8,bf16]`:
/// cross-encoder scoring of the first `--n` (1000) (question, answer) pairs of `--pairs`
/// (MedQuAD's train.jsonl) at `--max-length` (256) tokens per pair, Attune and the PyTorch
/// reference (`CrossEncoder.predict`, reference/st_reference_ce.py rerank) on the same saved model
/// in the same run: pairs/s of each, the ratios, per precision. Without `--cross-encoder`, one is
/// initialised from `--model` (seed 42; speed does not depend on the head's values) and saved to a
/// temp folder for the reference to load.
enum RerankBench {
    static func run(_ o: Options) {
        let n = o.int("n", 1000), maxLen = o.int("max-length", 256), batch = o.int("batch-size", 32)
        let pairsPath = o.string("pairs", "../shared/data/medquad/train.jsonl")
        var pairs: [(query: String, document: String)] = []
        do {
            try JSONLines.forEach(in: URL(fileURLWithPath: pairsPath)) { _, members in
                guard pairs.count < n, case .string(let a)? = members["anchor"], case .string(let p)? = members["positive"] else { return }
                pairs.append((a, p))
            }
        } catch { note("error: \(error)"); exit(1) }
        var precisions: [Precision] = []
        for name in o.string("precision", "fp32").split(separator: ",") {
            guard let p = Precision(rawValue: String(name)) else { note("error: --precision \(name): expected fp32, bf16 or int8"); exit(2) }
            if p != .fp32 && !precisions.contains(p) { precisions.append(p) }
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-ce-\(getpid())")
        defer { try? FileManager.default.removeItem(at: tmp) }
        var model: CrossEncoder
        let modelDir: URL
        do {
            if let dir = o.values["cross-encoder"] {
                modelDir = URL(fileURLWithPath: dir)
                model = try CrossEncoder.load(modelDir)
            } else {
                model = try CrossEncoder.initialise(fromBiEncoder: ModelStore.resolve(o.string("model", "all-MiniLM-L6-v2")), seed: 42)
                try model.save(to: tmp)
                modelDir = tmp
            }
        } catch { note("error: \(error)"); exit(1) }
        model.maxLength = min(maxLen, model.bert.config.maxSequenceLength)

        /// Pairs per second of `m` over all pairs (tokenizing included, as predict does), after a warm-up batch.
        func measure(_ m: CrossEncoder) -> (rate: Double, seconds: Double, tokens: Int) {
            _ = m.logits(of: m.tokenize(pairs: Array(pairs.prefix(batch))), batchSize: batch)
            let t0 = Date()
            let encoded = m.tokenize(pairs: pairs)
            _ = m.logits(of: encoded, batchSize: batch)
            let s = Date().timeIntervalSince(t0)
            return (Double(pairs.count) / s, s, encoded.reduce(0) { $0 + $1.ids.count })
        }
        let fp32 = measure(model)
        note(String(format: "attune fp32: %d pairs (%d tokens) in %.2fs = %.1f pairs/s", pairs.count, fp32.tokens, fp32.seconds, fp32.rate))
        var result: [String: Any] = [
            "bench": "rerank", "model": modelDir.lastPathComponent, "architecture": model.architectureName, "pairs": pairs.count,
            "tokens": fp32.tokens, "max_length": model.maxLength, "batch_size": batch, "threads": Parallel.threads,
            "core": BLAS.coreName, "precisions_available": Precision.describe(),
            "attune_fp32_pairs_per_second": rounded(fp32.rate, 1), "attune_fp32_seconds": rounded(fp32.seconds),
        ]
        var rates: [(Precision, Double)] = [(.fp32, fp32.rate)]
        for p in precisions {
            var m = model
            do { if let notice = try m.usePrecision(p) { note(notice); continue } } catch { note("error: \(error)"); exit(1) }
            let r = measure(m)
            rates.append((p, r.rate))
            result["attune_\(p.rawValue)_pairs_per_second"] = rounded(r.rate, 1)
            result["\(p.rawValue)_vs_fp32"] = rounded(r.rate / fp32.rate)
            note(String(format: "attune %@: %.2fs = %.1f pairs/s = %.2f× fp32", p.rawValue, r.seconds, r.rate, r.rate / fp32.rate))
        }
        if !o.flag("no-reference") {
            note("running the PyTorch reference (CrossEncoder.predict) …")
            if let ref = Reference.runJSON([Reference.python(o), o.string("reference", "reference/st_reference_ce.py"), "rerank",
                                            "--model", modelDir.path, "--pairs", pairsPath, "--n", "\(n)",
                                            "--batch-size", "\(batch)", "--max-length", "\(model.maxLength)"]),
               let refRate = ref["pairs_per_second"] as? Double {
                result["reference_pairs_per_second"] = refRate
                result["reference_threads"] = ref["threads"]
                result["reference_peak_rss_mib"] = ref["peak_rss_mib"]
                for (p, rate) in rates {
                    result["\(p.rawValue)_speedup"] = rounded(rate / refRate)
                    note(String(format: "reference: %.1f pairs/s → Attune %@ is %.2f× the reference", refRate, p.rawValue, rate / refRate))
                }
            }
        }
        emitJSON(result)
    }
}

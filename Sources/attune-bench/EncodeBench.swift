import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import Foundation

/// `attune-bench encode [--model all-MiniLM-L6-v2|all-mpnet-base-v2|DIR] [--precision int8,bf16]`: the
/// first `--n` (1000) corpus texts at max_seq_length 256, Attune and the PyTorch reference in the
/// same run: texts/s of both, their ratio, Attune's model-FLOP utilisation against this run's sgemm
/// rate at the model's feed-forward shape, and peak memory of `attune embed` and the reference.
/// `--precision` adds each listed precision after fp32 (texts/s, ratio to the reference and to
/// fp32, oneDNN's kernel, peak RSS of `attune embed --precision P`).
///
/// `--latency` instead times each of the first `--n` texts encoded alone (one text per call, one
/// call at a time, at `--precision`'s first entry): p50 and p99 milliseconds, the in-process figure
/// `scripts/bench-serve-peer.sh` sets `attune serve`'s concurrency-1 latency against.
enum EncodeBench {
    /// FLOPs of one encoder pass over sequences of these lengths.
    static func flops(lengths: [Int], config: BertConfig) -> Double {
        let h = Double(config.hiddenSize), tokens = Double(lengths.reduce(0, +))
        let linear = 2 * tokens * (4 * h * h + 2 * h * Double(config.intermediateSize))
        let attention = lengths.reduce(0.0) { $0 + 4 * Double($1 * $1) * h }
        return Double(config.numLayers) * (linear + attention)
    }

    static func run(_ o: Options) {
        let n = o.int("n", 1000), maxLen = o.int("max-seq-length", 256), batch = o.int("batch-size", 32)
        let corpus = o.string("corpus", "../shared/data/medquad/corpus.jsonl")
        let modelPath: String
        do { modelPath = try ModelStore.resolve(o.string("model", "all-MiniLM-L6-v2")).path } catch {
            note("error: \(error)"); exit(1)
        }
        let texts: [String]
        do { texts = try readCorpus(URL(fileURLWithPath: corpus)).prefix(n).map(\.text) } catch { note("error: \(error)"); exit(1) }
        var model: SentenceModel
        do { model = try SentenceModel.load(URL(fileURLWithPath: modelPath)) } catch { note("error: \(error)"); exit(1) }
        var extra: [Precision] = []
        for name in o.string("precision", "fp32").split(separator: ",") {
            guard let p = Precision(rawValue: String(name)) else { note("error: --precision \(name): expected fp32, bf16 or int8"); exit(2) }
            if p != .fp32 && !extra.contains(p) { extra.append(p) }
        }
        model.maxSeqLength = maxLen
        if o.flag("latency") { return latency(model, texts: texts, precision: extra.first ?? .fp32) }
        let lengths = model.tokenize(texts).map(\.count)
        // The sgemm rate at the model's own feed-forward shape (1536×384 for MiniLM, 3072×768 for MPNet).
        let c = model.bert.config
        let gemm = SgemmBench.gflops(m: 4096, n: c.intermediateSize, k: c.hiddenSize, transB: true)

        _ = model.encode(Array(texts.prefix(32)), batchSize: batch)
        let t0 = Date()
        _ = model.encode(texts, batchSize: batch)
        let seconds = Date().timeIntervalSince(t0)
        let attuneRate = Double(texts.count) / seconds
        let gflops = flops(lengths: lengths, config: model.bert.config) / seconds / 1e9
        note(String(format: "attune: %d texts (%d tokens) in %.2fs = %.1f texts/s, %.0f GFLOP/s = %.0f%% of sgemm (%.0f)",
                    texts.count, lengths.reduce(0, +), seconds, attuneRate, gflops, 100 * gflops / gemm, gemm))

        // Each further precision: the same texts, the same batches.
        var lowRuns: [(Precision, Double, String)] = []
        for p in extra {
            var m = model
            let notice: String?
            do { notice = try m.usePrecision(p) } catch { note("error: \(error)"); exit(1) }
            if let notice { note(notice); continue }
            _ = m.encode(Array(texts.prefix(32)), batchSize: batch)
            let t = Date()
            _ = m.encode(texts, batchSize: batch)
            let sec = Date().timeIntervalSince(t)
            lowRuns.append((p, Double(texts.count) / sec, m.precisionKernel))
            note(String(format: "attune %@ [%@]: %.2fs = %.1f texts/s = %.2f× fp32", p.rawValue, m.precisionKernel, sec,
                        Double(texts.count) / sec, Double(texts.count) / sec / attuneRate))
        }

        var result: [String: Any] = [
            "bench": "encode", "model": URL(fileURLWithPath: modelPath).lastPathComponent, "texts": texts.count, "tokens": lengths.reduce(0, +), "max_seq_length": maxLen,
            "core": BLAS.coreName, "threads": Parallel.threads,
            "attune_texts_per_second": rounded(attuneRate, 1), "attune_seconds": rounded(seconds),
            "attune_gflops": rounded(gflops, 1), "sgemm_gflops": rounded(gemm, 1), "mfu": rounded(gflops / gemm, 3),
            "precision": "fp32", "kernel": model.precisionKernel, "precisions_available": Precision.describe(),
        ]
        for (p, rate, kernel) in lowRuns {
            result["\(p.rawValue)_texts_per_second"] = rounded(rate, 1)
            result["\(p.rawValue)_vs_fp32"] = rounded(rate / attuneRate)
            result["\(p.rawValue)_kernel"] = kernel
        }
        // Peak memory of the real CLI over the same texts.
        if !o.flag("no-rss") {
            let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-\(getpid()).txt")
            try? Data(texts.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n").utf8).write(to: tmp)
            let exe = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("attune").path
            if FileManager.default.isExecutableFile(atPath: exe) {
                for p in [Precision.fp32] + lowRuns.map(\.0) {
                    let rss = Reference.peakRSSMiB(running: exe, ["embed", "--model", modelPath, "--input", tmp.path, "--max-seq-length", "\(maxLen)",
                                                                  "--precision", p.rawValue, "--output", tmp.path + ".npy"])
                    result[p == .fp32 ? "attune_embed_peak_rss_mib" : "\(p.rawValue)_embed_peak_rss_mib"] = rss
                }
            } else {
                note("attune binary not found beside attune-bench (\(exe)); build it to measure its peak RSS")
            }
            try? FileManager.default.removeItem(at: tmp)
            try? FileManager.default.removeItem(atPath: tmp.path + ".npy")
        }
        if !o.flag("no-reference") {
            note("running the PyTorch reference …")
            if let ref = Reference.runJSON([Reference.python(o), Reference.script(o), "encode-bench", "--model", modelPath,
                                            "--corpus", corpus, "--n", "\(n)", "--batch-size", "\(batch)",
                                            "--max-seq-length", "\(maxLen)"]),
               let refRate = ref["texts_per_second"] as? Double {
                result["reference_texts_per_second"] = refRate
                result["reference_peak_rss_mib"] = ref["peak_rss_mib"]
                result["reference_threads"] = ref["threads"]
                result["speedup"] = rounded(attuneRate / refRate)
                note(String(format: "reference: %.1f texts/s → Attune is %.2f× the reference", refRate, attuneRate / refRate))
                for (p, rate, _) in lowRuns {
                    result["\(p.rawValue)_speedup"] = rounded(rate / refRate)
                    note(String(format: "  %@: %.2f× the reference", p.rawValue, rate / refRate))
                }
            }
        }
        emitJSON(result)
    }

    /// One text per `encode` call, after a warm-up: p50/p99 milliseconds over `texts`.
    static func latency(_ base: SentenceModel, texts: [String], precision: Precision) {
        var model = base
        if precision != .fp32 {
            do { if let notice = try model.usePrecision(precision) { note(notice) } } catch { note("error: \(error)"); exit(1) }
        }
        for t in texts.prefix(8) { _ = model.encode([t], batchSize: 1) }
        var ms: [Double] = []
        for t in texts {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = model.encode([t], batchSize: 1)
            ms.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        ms.sort()
        let p50 = ms[ms.count / 2], p99 = ms[min(ms.count - 1, Int(0.99 * Double(ms.count)))]
        note(String(format: "attune %@ [%@]: %d texts one at a time, p50 %.2f ms, p99 %.2f ms", precision.rawValue, model.precisionKernel, ms.count, p50, p99))
        emitJSON(["bench": "encode-latency", "texts": ms.count, "precision": precision.rawValue, "kernel": model.precisionKernel,
                  "core": BLAS.coreName, "threads": Parallel.threads, "p50_ms": rounded(p50, 3), "p99_ms": rounded(p99, 3)])
    }
}

import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import Foundation

/// `attune-bench search`: exact top-k over `--n` (100,000) seeded random unit vectors of `--dim`
/// (384; with `--intrinsic-dim R`, drawn in a random R-dimensional subspace), Attune's `ExactSearcher` next to numpy's `Q @ C.T` + `argpartition` on the same vectors
/// in the same run: queries/s one at a time (`--single` 200) and in batches of `--batch` (64) ×
/// `--batches` (20). Then index build docs/s: `EmbeddingIndex.add` with precomputed vectors (SQLite
/// write speed) for the same `--n` vectors, and with the real model on the first `--model-docs`
/// (2,000) corpus texts. With `--db postgresql://…`, the same vectors in PostgreSQL + pgvector
/// too (see `PostgresBench`). Then `--vectors` f32 / int8 / binary: the same vectors in a SQLite index
/// of each kind, searched through it, with queries/s, the bytes held and read per query and
/// recall@k against the exact top-k (`--no-quantized` skips it). `--rescore 40,100` (a list;
/// `default` is the kind's own) sets the candidates int8 and binary rescore; `--rerank 0,default`
/// (a list; binary only) the Hamming candidates the asymmetric stage ranks (0: none) — one row per
/// setting, each index built once.
enum SearchBench {
    static func run(_ o: Options) {
        let n = o.int("n", 100_000), dim = o.int("dim", 384), k = o.int("k", 10)
        let single = o.int("single", 200), batch = o.int("batch", 64), batches = o.int("batches", 20)
        let seed = UInt64(o.int("seed", 42))
        guard n > 0, dim > 0, k > 0, single > 0, batch > 0, batches > 0 else { note("error: sizes must be positive"); exit(2) }

        let rank = o.int("intrinsic-dim", 0)
        note("generating \(n) × \(dim) random unit vectors (seed \(seed)\(rank > 0 ? ", intrinsic dimension \(rank)" : "")) …")
        var rng = SplitMix64(seed: seed)
        let corpus: Tensor, queries: Tensor
        if rank > 0 {
            // Real embeddings have a low intrinsic dimension; uniform vectors in 384-d have no
            // neighbourhood structure for an approximate index to find.
            let basis = randomUnitVectors(rows: rank, dim: dim, rng: &rng)
            corpus = project(randomUnitVectors(rows: n, dim: rank, rng: &rng), basis)
            queries = project(randomUnitVectors(rows: single + batch * batches, dim: rank, rng: &rng), basis)
        } else {
            corpus = randomUnitVectors(rows: n, dim: dim, rng: &rng)
            queries = randomUnitVectors(rows: single + batch * batches, dim: dim, rng: &rng)
        }
        let searcher = ExactSearcher(ids: (0..<n).map { "d\($0)" }, vectors: corpus)

        // Attune, one query at a time, then batches.
        _ = try! searcher.search(row(queries, 0, 1, dim), k: k)
        var singleTop: [[Int]] = []
        var t0 = Date()
        for i in 0..<single {
            let hits = try! searcher.search(row(queries, i, 1, dim), k: k)
            singleTop.append(hits[0].map(\.docIndex))
        }
        let attuneSingle = Double(single) / Date().timeIntervalSince(t0)
        t0 = Date()
        var batchTop: [[Int]] = []
        for b in 0..<batches {
            let hits = try! searcher.search(row(queries, single + b * batch, batch, dim), k: k)
            batchTop += hits.map { $0.map(\.docIndex) }
        }
        let attuneBatch = Double(batch * batches) / Date().timeIntervalSince(t0)
        note(String(format: "attune ExactSearcher: %.1f queries/s single, %.1f queries/s in batches of %d",
                    attuneSingle, attuneBatch, batch))

        var result: [String: Any] = [
            "bench": "search", "n": n, "dim": dim, "intrinsic_dim": rank, "k": k, "seed": Int(seed), "single_queries": single,
            "batch_size": batch, "batches": batches, "core": BLAS.coreName, "threads": Parallel.threads,
            "attune_single_qps": rounded(attuneSingle, 1), "attune_batch_qps": rounded(attuneBatch, 1),
        ]

        // numpy on the same vectors, same run.
        if !o.flag("no-numpy") {
            note("running numpy on the same vectors …")
            if let np = NumpyBaseline.run(python: o.string("numpy-python", "python3"), corpus: corpus, queries: queries,
                                          single: single, batch: batch, k: k) {
                let npSingle = np["single_qps"] as? Double ?? .nan, npBatch = np["batch_qps"] as? Double ?? .nan
                result["numpy_single_qps"] = rounded(npSingle, 1)
                result["numpy_batch_qps"] = rounded(npBatch, 1)
                result["numpy_openblas_core"] = np["openblas_core"]
                result["numpy_openblas_config"] = np["openblas_config"]
                result["numpy_threads"] = np["threads"]
                result["numpy_version"] = np["numpy"]
                result["single_speedup_vs_numpy"] = rounded(attuneSingle / npSingle)
                result["batch_speedup_vs_numpy"] = rounded(attuneBatch / npBatch)
                if let theirs = np["top"] as? [[Int]], theirs.count == singleTop.count + batchTop.count {
                    let ours = singleTop + batchTop
                    let same = zip(ours, theirs).filter { $0 == $1 }.count
                    result["top_k_agreement"] = rounded(Double(same) / Double(ours.count), 4)
                    note("identical top-\(k) lists (order included) for \(same) of \(ours.count) queries")
                }
                note(String(format: "numpy (%@): %.1f queries/s single, %.1f in batches → Attune %.2f× / %.2f×",
                            (np["openblas_core"] as? String) ?? "?", npSingle, npBatch,
                            attuneSingle / npSingle, attuneBatch / npBatch))
            }
        }

        // Index build: SQLite writes only (precomputed vectors), then the real model.
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-search-\(getpid())")
        try? FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        do {
            let fake = PrecomputedEmbedder(vectors: corpus)
            let index = try EmbeddingIndex.create(at: tmp.appendingPathComponent("random.sqlite"), embedder: fake)
            let docs = (0..<n).map { Document(id: "d\($0)", text: String($0)) }
            t0 = Date()
            try index.add(docs, embedder: fake)
            let writeSeconds = Date().timeIntervalSince(t0)
            t0 = Date()
            let loaded = try ExactSearcher(index: index)
            let loadSeconds = Date().timeIntervalSince(t0)
            result["index_write_docs_per_second"] = rounded(Double(n) / writeSeconds, 0)
            result["index_load_docs_per_second"] = rounded(Double(loaded.count) / loadSeconds, 0)
            note(String(format: "index: %d precomputed vectors written in %.2fs (%.0f docs/s), loaded in %.2fs",
                        n, writeSeconds, Double(n) / writeSeconds, loadSeconds))
        } catch { note("error: precomputed index build: \(error)") }

        // --vectors f32 / int8 / binary: the same vectors in a SQLite index each, searched through
        // the index (quantized scan + float32 rescoring), recall@k against the exact top-k above.
        if !o.flag("no-quantized") {
            let exact = singleTop + batchTop
            let rescores = settings(o, "rescore"), reranks = settings(o, "rerank")
            var rows: [[String: Any]] = []
            for kind in [VectorEncoding.binary, .int8, .f32] {
                do {
                    let (index, buildSeconds) = try quantizedIndex(kind, corpus: corpus, folder: tmp)
                    defer { try? FileManager.default.removeItem(at: index.url) }
                    for rescore in kind == .f32 ? [nil] : rescores {
                        for rerank in kind == .binary ? reranks : [nil] {
                            var row = try quantizedRow(index, queries: queries, exact: exact, single: single, batch: batch,
                                                       batches: batches, k: k, rescore: rescore, rerank: rerank)
                            row["build_seconds"] = rounded(buildSeconds, 2)
                            rows.append(row)
                        }
                    }
                } catch { note("error: --vectors \(kind.rawValue): \(error)") }
            }
            result["vectors"] = rows
        }

        let modelDocs = o.int("model-docs", 2000)
        if modelDocs > 0 {
            do {
                let corpusPath = o.string("corpus", "../shared/data/medquad/corpus.jsonl")
                let docs = Array(try readCorpus(URL(fileURLWithPath: corpusPath)).prefix(modelDocs))
                let modelURL = try ModelStore.resolve(o.string("model", "all-MiniLM-L6-v2"))
                let embedder = ModelEmbedder(model: try SentenceModel.load(modelURL), name: modelURL.lastPathComponent)
                let index = try EmbeddingIndex.create(at: tmp.appendingPathComponent("model.sqlite"), embedder: embedder)
                t0 = Date()
                try index.add(docs, embedder: embedder)
                let seconds = Date().timeIntervalSince(t0)
                result["model_index_docs"] = docs.count
                result["model_index_max_seq_length"] = embedder.maxSeqLength
                result["model_index_docs_per_second"] = rounded(Double(docs.count) / seconds, 1)
                note(String(format: "index with %@: %d corpus texts in %.1fs (%.1f docs/s, max_seq_length %d)",
                            embedder.name, docs.count, seconds, Double(docs.count) / seconds, embedder.maxSeqLength))
            } catch { note("error: model index build: \(error)") }
        }
        if let db = o.values["db"] {
            PostgresBench.run(url: db, corpus: corpus, queries: queries, single: single, batch: batch, batches: batches, k: k,
                              options: o, into: &result)
        }
        emitJSON(result)
    }

    /// A list flag's values (`--rescore 40,100,default`): an integer each, nil for `default`; absent: [nil].
    static func settings(_ o: Options, _ key: String) -> [Int?] {
        guard let text = o.values[key] else { return [nil] }
        return text.split(separator: ",").map { part -> Int? in
            if part == "default" { return nil }
            guard let v = Int(part), v >= 0 else { note("error: --\(key) \(text): integers or default, comma-separated"); exit(2) }
            return v
        }
    }

    /// `corpus` in a new SQLite index stored as `kind` (its codes built), and the seconds that took.
    static func quantizedIndex(_ kind: VectorEncoding, corpus: Tensor, folder: URL) throws -> (EmbeddingIndex, Double) {
        let url = folder.appendingPathComponent("vectors-\(kind.rawValue).sqlite")
        let fake = PrecomputedEmbedder(vectors: corpus)
        let t0 = Date()
        let built = try EmbeddingIndex.create(at: url, embedder: fake, vectors: kind)
        try built.add((0..<corpus.rows).map { Document(id: "d\($0)", text: String($0)) }, embedder: fake)
        return (try EmbeddingIndex.open(url), Date().timeIntervalSince(t0))
    }

    /// One `--vectors` row: `index` searched one query at a time and in batches with `rescore`
    /// and `rerank` (nil: the kind's defaults), with the bytes its scan keeps in memory and the
    /// bytes a query reads — the scan (the float32 matrix, or the codes), the codes the binary
    /// asymmetric stage reads again, and the float32 vectors rescoring reads by rowid — and
    /// recall@k against `exact` (the exact float32 top-k of the same queries, in the same order).
    static func quantizedRow(_ index: EmbeddingIndex, queries: Tensor, exact: [[Int]], single: Int, batch: Int,
                             batches: Int, k: Int, rescore: Int?, rerank: Int?) throws -> [String: Any] {
        let kind = index.vectors, n = index.count, dim = index.dimension
        index.rescore = rescore
        index.rerank = rerank
        _ = try index.search(row(queries, 0, 1, dim), k: k)  // loads what the scan reads
        var top: [[Int]] = []
        var t0 = Date()
        for i in 0..<single { top.append(try index.search(row(queries, i, 1, dim), k: k)[0].map { Int($0.id.dropFirst())! }) }
        let singleQPS = Double(single) / Date().timeIntervalSince(t0)
        t0 = Date()
        for b in 0..<batches {
            top += try index.search(row(queries, single + b * batch, batch, dim), k: k).map { $0.map { Int($0.id.dropFirst())! } }
        }
        let batchQPS = Double(batch * batches) / Date().timeIntervalSince(t0)
        let recall = Double(zip(top, exact).map { Set($0).intersection($1).count }.reduce(0, +)) / Double(exact.count * k)
        let scanBytes = n * kind.codeBytes(dimension: dim) + (kind == .int8 ? 8 * dim : 0)
        let used = kind == .f32 ? k : min(max(rescore ?? kind.defaultRescore(k: k), k), n)
        let reranked = kind == .binary ? min(max(rerank ?? kind.defaultRerank(rescore: used), used), n) : used
        let rerankBytes = reranked > used ? reranked * kind.codeBytes(dimension: dim) : 0
        let rescoreBytes = kind == .f32 ? 0 : used * 4 * dim
        let readBytes = scanBytes + rerankBytes + rescoreBytes
        note(String(format: "--vectors %@ (rescore %d%@): %.1f queries/s single, %.1f in batches of %d, recall@%d %.4f, "
                    + "%.1f MB held, %.2f MB read per query (scan %.2f + rerank %.3f + rescore %.3f)",
                    kind.rawValue, used, reranked > used ? " of \(reranked) reranked" : "", singleQPS, batchQPS, batch, k, recall,
                    Double(scanBytes) / 1e6, Double(readBytes) / 1e6, Double(scanBytes) / 1e6, Double(rerankBytes) / 1e6,
                    Double(rescoreBytes) / 1e6))
        return ["vectors": kind.rawValue, "rescore": used, "rerank": reranked > used ? reranked : 0,
                "single_qps": rounded(singleQPS, 1), "batch_qps": rounded(batchQPS, 1),
                "recall_at_k": rounded(recall, 4), "scan_bytes": scanBytes, "read_bytes_per_query": readBytes]
    }

    /// `rows` vectors drawn uniformly on the unit sphere (normalised Gaussians, Box–Muller).
    static func randomUnitVectors(rows: Int, dim: Int, rng: inout SplitMix64) -> Tensor {
        let t = Tensor(uninitialized: [rows, dim])
        let p = t.data
        for r in 0..<rows {
            let v = p + r * dim
            var j = 0, norm: Float = 0
            while j < dim {
                let u1 = max(Double(rng.next() >> 11) / Double(1 << 53), 1e-300), u2 = Double(rng.next() >> 11) / Double(1 << 53)
                let radius = (-2 * log(u1)).squareRoot()
                v[j] = Float(radius * cos(2 * .pi * u2))
                if j + 1 < dim { v[j + 1] = Float(radius * sin(2 * .pi * u2)) }
                j += 2
            }
            for i in 0..<dim { norm += v[i] * v[i] }
            let inv = 1 / max(norm.squareRoot(), 1e-20)
            for i in 0..<dim { v[i] *= inv }
        }
        return t
    }

    /// The rows of `z` (`[n, r]`) mapped through `basis` (`[r, dim]`) and normalised.
    static func project(_ z: Tensor, _ basis: Tensor) -> Tensor {
        let n = z.shape[0], r = z.cols, dim = basis.cols
        let out = Tensor(zeros: [n, dim])
        BLAS.sgemm(transA: false, transB: false, m: n, n: dim, k: r, a: z.data, lda: r, b: basis.data, ldb: dim, c: out.data, ldc: dim)
        for i in 0..<n {
            let v = out.data + i * dim
            var norm: Float = 0
            for j in 0..<dim { norm += v[j] * v[j] }
            let inv = 1 / max(norm.squareRoot(), 1e-20)
            for j in 0..<dim { v[j] *= inv }
        }
        return out
    }

    /// Rows `start..<start+count` of `m` as a new `[count, dim]` tensor.
    static func row(_ m: Tensor, _ start: Int, _ count: Int, _ dim: Int) -> Tensor {
        let t = Tensor(uninitialized: [count, dim])
        t.data.update(from: m.data + start * dim, count: count * dim)
        return t
    }
}

/// An `Embedder` whose "texts" are row numbers into a precomputed matrix, so `EmbeddingIndex.add`
/// is timed without a model: the SQLite write path alone.
final class PrecomputedEmbedder: Embedder {
    let vectors: Tensor
    var dimension: Int { vectors.shape[1] }
    let fingerprint = "precomputed-random-vectors"
    let maxSeqLength = 1
    let name = "precomputed vectors"

    init(vectors: Tensor) { self.vectors = vectors }

    func embed(_ texts: [String]) throws -> Tensor {
        let d = dimension
        let out = Tensor(uninitialized: [texts.count, d])
        for (r, text) in texts.enumerated() {
            guard let i = Int(text), i >= 0, i < vectors.shape[0] else { throw AttuneError.invalid("no precomputed row \(text)") }
            (out.data + r * d).update(from: vectors.data + i * d, count: d)
        }
        return out
    }
}

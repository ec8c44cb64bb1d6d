import AttuneCore
import AttuneData
import AttuneEval
import AttuneSearch
import Foundation

/// `attune-bench search --db postgresql://…`: the same vectors in a PostgreSQL + pgvector table,
/// next to the SQLite/BLAS figures of the same run: documents/s written (binary COPY batches of
/// `--pg-batch` 1,000), exact queries/s (`--pg-exact` 20 single queries, then one batch of them),
/// the HNSW build, and HNSW queries/s (`--single` one at a time, `--batch` × `--batches` batched)
/// with the recall audit (`--pg-audit` 50 queries) at pgvector's default `ef_search` 40 and at a
/// tuned `--tuned-ef-search` (100). The table (`?table=`, default `attune_bench`) is dropped at
/// the end unless `--keep`.
enum PostgresBench {
    static func run(url: String, corpus: Tensor, queries: Tensor, single: Int, batch: Int, batches: Int, k: Int,
                    options o: Options, into result: inout [String: Any]) {
        do {
            var location = try PostgresLocation(url)
            if location.table == PostgresLocation.defaultTable { location = try location.with(table: "attune_bench") }
            let n = corpus.shape[0], dim = corpus.cols
            let fake = PrecomputedEmbedder(vectors: corpus)
            try PostgresStore.drop(location)
            defer { if !o.flag("keep") { try? PostgresStore.drop(location) } }

            note("PostgreSQL: writing \(n) vectors to \(location) …")
            let store = try PostgresStore.openOrCreate(location, embedder: fake)
            let docs = (0..<n).map { Document(id: "d\($0)", text: String($0)) }
            var t0 = Date()
            try store.add(docs, embedder: fake, batchSize: o.int("pg-batch", 1000))
            let write = Double(n) / Date().timeIntervalSince(t0)
            result["pg_write_docs_per_second"] = rounded(write, 0)
            note(String(format: "PostgreSQL: %.0f docs/s written (binary COPY, batches of %d)", write, o.int("pg-batch", 1000)))

            let exactN = min(o.int("pg-exact", 20), queries.shape[0])
            _ = try store.search(SearchBench.row(queries, 0, 1, dim), k: k)
            t0 = Date()
            for i in 0..<exactN { _ = try store.search(SearchBench.row(queries, i, 1, dim), k: k) }
            let exactSingle = Double(exactN) / Date().timeIntervalSince(t0)
            t0 = Date()
            _ = try store.search(SearchBench.row(queries, 0, exactN, dim), k: k)
            let exactBatch = Double(exactN) / Date().timeIntervalSince(t0)
            result["pg_exact_single_qps"] = rounded(exactSingle, 2)
            result["pg_exact_batch_qps"] = rounded(exactBatch, 2)
            note(String(format: "PostgreSQL exact (seq scan): %.2f queries/s single, %.2f in a batch of %d", exactSingle, exactBatch, exactN))

            var hnsw = ApproximateSearch(method: .hnsw)
            t0 = Date()
            try store.ensureApproximateIndex(hnsw)
            let build = Date().timeIntervalSince(t0)
            result["pg_hnsw_build_seconds"] = rounded(build, 1)
            result["pg_hnsw_params"] = "m=\(hnsw.m) ef_construction=\(hnsw.efConstruction)"
            note(String(format: "PostgreSQL: HNSW (m=%d, ef_construction=%d) built in %.1fs", hnsw.m, hnsw.efConstruction, build))

            let auditN = min(o.int("pg-audit", 50), queries.shape[0])
            let auditQueries = SearchBench.row(queries, 0, auditN, dim)
            for (label, ef) in [("default", 40), ("tuned", o.int("tuned-ef-search", 100))] {
                hnsw.efSearch = ef
                _ = try store.searchApproximate(SearchBench.row(queries, 0, 1, dim), k: k, settings: hnsw)
                t0 = Date()
                for i in 0..<single { _ = try store.searchApproximate(SearchBench.row(queries, i, 1, dim), k: k, settings: hnsw) }
                let qpsSingle = Double(single) / Date().timeIntervalSince(t0)
                t0 = Date()
                for b in 0..<batches {
                    _ = try store.searchApproximate(SearchBench.row(queries, single + b * batch, batch, dim), k: k, settings: hnsw)
                }
                let qpsBatch = Double(batch * batches) / Date().timeIntervalSince(t0)
                let audit = try RecallAudit.run(store: store, queries: auditQueries, k: k, settings: hnsw)
                result["pg_hnsw_\(label)_ef_search"] = ef
                result["pg_hnsw_\(label)_single_qps"] = rounded(qpsSingle, 1)
                result["pg_hnsw_\(label)_batch_qps"] = rounded(qpsBatch, 1)
                result["pg_hnsw_\(label)_recall_at_\(k)"] = rounded(audit.recall, 4)
                result["pg_hnsw_\(label)_recall_ci"] = [rounded(audit.ciLow, 4), rounded(audit.ciHigh, 4)]
                result["pg_hnsw_\(label)_latency_ms_p50"] = rounded(audit.approximate.p50Ms, 2)
                result["pg_exact_latency_ms_p50"] = rounded(audit.exact.p50Ms, 2)
                note(String(format: "PostgreSQL HNSW ef_search=%d: %.1f queries/s single, %.1f batched; recall@%d %.4f [%.4f, %.4f] on %d queries",
                            ef, qpsSingle, qpsBatch, k, audit.recall, audit.ciLow, audit.ciHigh, auditN))
            }
            result["pg_audit_queries"] = auditN
            result["pg_server"] = location.server
        } catch {
            note("error: PostgreSQL bench: \(error)")
            result["pg_error"] = "\(error)"
        }
    }

}

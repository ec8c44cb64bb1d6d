import AttuneCore
import AttuneData
import AttuneModel
@testable import AttuneSearch
import AttuneTestSupport
import Foundation
import XCTest

/// `--vectors int8|binary`: codes round-trip, rebuild after a killed build or damage, refuse the
/// wrong kind by name, and reach their recall on a synthetic set with structure.
final class QuantizedIndexTests: XCTestCase {
    /// An embedder whose "texts" are row numbers of a fixed matrix.
    final class RowEmbedder: Embedder {
        let vectors: Tensor
        var dimension: Int { vectors.cols }
        let fingerprint = "rows-v1", maxSeqLength = 1, name = "rows"
        var failAfterBatches: Int?
        private var batches = 0
        init(_ vectors: Tensor) { self.vectors = vectors }
        func embed(_ texts: [String]) throws -> Tensor {
            if let n = failAfterBatches, batches >= n { throw FakeEmbedder.Killed() }
            batches += 1
            let d = dimension
            let out = Tensor(zeros: [texts.count, d])
            for (r, t) in texts.enumerated() { (out.data + r * d).update(from: vectors.data + Int(t)! * d, count: d) }
            return out
        }
    }

    /// `rows` unit vectors of width `dim` near a random `rank`-dimensional subspace (as real
    /// embeddings are), plus a little noise.
    static func structured(rows: Int, dim: Int, rank: Int, seed: UInt64) -> Tensor {
        var rng = SplitMix64(seed: seed)
        func gauss() -> Float { Float((-2 * log(max(rng.nextUnit(), 1e-300))).squareRoot() * cos(2 * .pi * rng.nextUnit())) }
        let basis = (0..<(rank * dim)).map { _ in gauss() }
        let t = Tensor(zeros: [rows, dim])
        for r in 0..<rows {
            let z = (0..<rank).map { _ in gauss() }
            let v = t.data + r * dim
            var norm: Float = 0
            for j in 0..<dim {
                var s: Float = 0.05 * gauss()
                for i in 0..<rank { s += z[i] * basis[i * dim + j] }
                v[j] = s; norm += s * s
            }
            for j in 0..<dim { v[j] /= norm.squareRoot() }
        }
        return t
    }

    private func docs(_ n: Int) -> [Document] { (0..<n).map { Document(id: "d\($0)", text: String($0)) } }

    func testQuantizersRoundTrip() throws {
        let v = Self.structured(rows: 50, dim: 24, rank: 4, seed: 1)
        let codes = QuantizedCodes.encode(v, as: .int8)
        let q = try XCTUnwrap(codes.quantizer)
        let step = q.step
        for r in 0..<50 {
            let back = codes.code(r).withUnsafeBufferPointer { q.decode($0.baseAddress!) }
            for j in 0..<24 { XCTAssertEqual(back[j], v[r * 24 + j], accuracy: step[j] / 2 + 1e-6) }
        }
        XCTAssertEqual(codes.byteCount, 50 * 24)
        let bits = QuantizedCodes.encode(v, as: .binary)
        XCTAssertEqual(bits.byteCount, 50 * 8, "24 bits fit one word")
        for r in 0..<50 {
            let bytes = bits.code(r)
            for j in 0..<24 { XCTAssertEqual((bytes[j / 8] >> (j % 8)) & 1 == 1, v[r * 24 + j] > 0) }
        }
        // Ranges that are not ranges are refused.
        XCTAssertThrowsError(try Int8Quantizer(lo: [0, 1], hi: [1, 0], dimension: 2))
        XCTAssertThrowsError(try Int8Quantizer(lo: [0, .nan], hi: [1, 1], dimension: 2))
        XCTAssertThrowsError(try Int8Quantizer(lo: [0], hi: [1, 1], dimension: 2))
    }

    func testIndexRoundTripsAndRebuildsCodesAfterAKilledBuildOrDamage() throws {
        let dir = try temporaryFolder(self)
        let vectors = Self.structured(rows: 300, dim: 32, rank: 6, seed: 2)
        for kind in [VectorEncoding.int8, .binary] {
            let url = dir.appendingPathComponent("\(kind).sqlite")
            let embedder = RowEmbedder(vectors)
            embedder.failAfterBatches = 2
            let index = try EmbeddingIndex.create(at: url, embedder: embedder, vectors: kind)
            XCTAssertThrowsError(try index.add(docs(300), embedder: embedder, batchSize: 64))
            // Killed after two batches: the float32 rows are there, the codes are not.
            let killed = try EmbeddingIndex.open(url)
            XCTAssertEqual(killed.vectors, kind)
            XCTAssertEqual(killed.count, 128)
            XCTAssertThrowsError(try killed.search(Tensor(Array(repeating: 0.1, count: 32), shape: [1, 32]), k: 3)) { error in
                XCTAssertTrue("\(error)".hasPrefix(url.path + ": its \(kind) codes cover 0 of 128 documents"), "\(error)")
                XCTAssertTrue("\(error)".contains("rerun `attune index --vectors \(kind)`"), "\(error)")
            }
            embedder.failAfterBatches = nil
            let r = try EmbeddingIndex.openOrCreate(at: url, embedder: embedder, vectors: kind).add(docs(300), embedder: embedder, batchSize: 64)
            XCTAssertEqual(r.added, 172)
            // Reopened: each stored vector finds itself first, with its exact score.
            let again = try EmbeddingIndex.open(url)
            let hits = try again.search(SearchTestSupport.rows(vectors, [5, 123, 299]), k: 3)
            XCTAssertEqual(hits.map { $0[0].id }, ["d5", "d123", "d299"])
            for h in hits { XCTAssertEqual(h[0].score, 1, accuracy: 1e-5, "rescored with the float32 vector") }
            // f32 on a quantized index is exact search: the same as ExactSearcher.
            try again.setScan(.f32)
            let exact = try ExactSearcher(index: again).search(SearchTestSupport.rows(vectors, [7]), k: 5)
            XCTAssertEqual(try again.search(SearchTestSupport.rows(vectors, [7]), k: 5), exact)

            // Damage: a code cut short, then (int8) a range that is not one. Named, then repaired by a rerun.
            let db = try SQLiteDatabase(url, mode: .readWrite)
            try db.exec("UPDATE codes SET code = x'00' WHERE rowid = (SELECT MIN(rowid) FROM codes)")
            XCTAssertThrowsError(try EmbeddingIndex.open(url).search(SearchTestSupport.rows(vectors, [1]), k: 1)) { error in
                XCTAssertTrue("\(error)".hasPrefix(url.path + ": its \(kind) code of document \"d0\" is 1 bytes"), "\(error)")
            }
            if kind == .int8 {
                try db.exec("DELETE FROM codes WHERE rowid = 0") // leave the short code in place: first problem wins
                try db.exec("UPDATE quantization SET value = x'0000' WHERE name = 'lo'")
                XCTAssertThrowsError(try EmbeddingIndex.open(url).search(SearchTestSupport.rows(vectors, [1]), k: 1)) { error in
                    XCTAssertTrue("\(error)".hasPrefix(url.path + ": its int8 quantization table is corrupt (\"lo\" holds 2 bytes, not 128)"), "\(error)")
                }
                var lo = [Float](repeating: 1, count: 32)
                lo[3] = .nan
                let blob = lo.withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
                try db.exec("UPDATE quantization SET value = x'\(blob)' WHERE name = 'lo'")
                XCTAssertThrowsError(try EmbeddingIndex.open(url).search(SearchTestSupport.rows(vectors, [1]), k: 1)) { error in
                    XCTAssertTrue("\(error)".contains("quantization table is corrupt (dimension 0 has range [1.0, "), "\(error)")
                }
            }
            let repaired = try EmbeddingIndex.open(url)
            XCTAssertEqual(try repaired.add(docs(300), embedder: embedder).added, 0)
            XCTAssertEqual(try repaired.search(SearchTestSupport.rows(vectors, [42]), k: 1)[0][0].id, "d42")
        }
    }

    func testAnotherKindIsRefusedByName() throws {
        let dir = try temporaryFolder(self)
        let vectors = Self.structured(rows: 20, dim: 16, rank: 3, seed: 3)
        let embedder = RowEmbedder(vectors)
        let url = dir.appendingPathComponent("i.sqlite")
        try EmbeddingIndex.create(at: url, embedder: embedder, vectors: .int8).add(docs(20), embedder: embedder)
        let index = try EmbeddingIndex.open(url)
        XCTAssertThrowsError(try index.setScan(.binary)) { error in
            XCTAssertEqual("\(error)", "\(url.path): was built with --vectors int8, so it has no binary codes; search it with --vectors int8 (or f32, exact), or build an index with --vectors binary")
        }
        XCTAssertThrowsError(try EmbeddingIndex.openOrCreate(at: url, embedder: embedder, vectors: .f32)) { error in
            XCTAssertTrue("\(error)".contains("was built with --vectors int8, not f32"), "\(error)")
        }
        XCTAssertEqual(try EmbeddingIndex.openOrCreate(at: url, embedder: embedder).vectors, .int8, "no --vectors: the index's own")
        let f32 = dir.appendingPathComponent("f.sqlite")
        try EmbeddingIndex.create(at: f32, embedder: embedder).add(docs(20), embedder: embedder)
        XCTAssertThrowsError(try EmbeddingIndex.open(f32).setScan(.int8)) { XCTAssertTrue("\($0)".contains("was built with --vectors f32, so it has no int8 codes"), "\($0)") }
        // A damaged meta row is named too.
        try SQLiteDatabase(f32, mode: .readWrite).exec("UPDATE meta SET value = 'int4' WHERE key = 'vectors'")
        XCTAssertThrowsError(try EmbeddingIndex.open(f32)) { XCTAssertTrue("\($0)".contains("index meta \"vectors\" is \"int4\""), "\($0)") }
        // PostgreSQL: refused in one line before connecting.
        XCTAssertThrowsError(try openOrCreateIndexStore("postgresql://u@127.0.0.1:1/db", embedder: embedder, vectors: .binary)) { error in
            XCTAssertEqual("\(error)", "postgresql://u@127.0.0.1:1/db?table=attune_docs: --vectors binary is for SQLite indexes; a PostgreSQL index is scanned by pgvector (use --storage float16 for halfvec, or --ann hnsw|ivfflat)")
        }
    }

    /// Recall@10 against exact float32 search on 4,000 structured vectors of 128 dimensions.
    func testRecallOnASyntheticSet() throws {
        let n = 4000, dim = 128, nq = 100
        let all = Self.structured(rows: n + nq, dim: dim, rank: 16, seed: 4)
        let corpus = SearchTestSupport.rows(all, Array(0..<n)), queries = SearchTestSupport.rows(all, Array(n..<(n + nq)))
        let exact = try ExactSearcher(ids: (0..<n).map { "d\($0)" }, vectors: corpus).search(queries, k: 10)
        func recall(_ kind: VectorEncoding, rescore: Int, rerank: Int? = nil) throws -> Double {
            let codes = QuantizedCodes.encode(corpus, as: kind)
            let s = QuantizedSearcher(ids: (0..<n).map { "d\($0)" }, codes: codes) { rows in SearchTestSupport.rows(corpus, rows) }
            let got = try s.search(queries, k: 10, rescore: rescore, rerank: rerank)
            // A few queries take the byte kernel, a block of many BLAS: the same hits.
            let few = try s.search(SearchTestSupport.rows(queries, [0, 1, 2]), k: 10, rescore: rescore, rerank: rerank)
            XCTAssertEqual(few.map { $0.map(\.id) }, got.prefix(3).map { $0.map(\.id) }, "\(kind)")
            // Scores are exact after rescoring: each hit's score is its true dot product.
            for (q, hits) in got.enumerated() {
                for h in hits {
                    var dot: Float = 0
                    for j in 0..<dim { dot += queries[q * dim + j] * corpus[h.docIndex * dim + j] }
                    XCTAssertEqual(h.score, dot, accuracy: 1e-5)
                }
            }
            return Double(zip(got, exact).map { Set($0.map(\.id)).intersection($1.map(\.id)).count }.reduce(0, +)) / Double(10 * nq)
        }
        let int8 = try recall(.int8, rescore: VectorEncoding.int8.defaultRescore(k: 10))
        // The defaults: Hamming top 1,000 → asymmetric top 100 → exact rescoring.
        let binary = try recall(.binary, rescore: VectorEncoding.binary.defaultRescore(k: 10))
        let binaryHamming = try recall(.binary, rescore: 100, rerank: 0)
        // Fewer candidates, where the stages differ most: 20 rescored, from Hamming alone or from
        // the asymmetric order of Hamming's 200.
        let small = try recall(.binary, rescore: 20), smallHamming = try recall(.binary, rescore: 20, rerank: 0)
        let binaryNoRescore = try recall(.binary, rescore: 10, rerank: 0)
        print("recall@10: int8+rescore \(int8), binary+rerank+rescore \(binary) (Hamming only \(binaryHamming)), "
              + "rescore 20: \(small) (Hamming only \(smallHamming)), binary alone \(binaryNoRescore)")
        XCTAssertGreaterThanOrEqual(int8, 0.99)
        XCTAssertGreaterThanOrEqual(binary, 0.99)
        XCTAssertGreaterThanOrEqual(binary, binaryHamming)
        XCTAssertGreaterThan(small, smallHamming + 0.05, "the asymmetric stage ranks far better than Hamming alone")
        XCTAssertLessThan(binaryNoRescore, binary, "rescoring is what buys binary its recall")
    }

    /// The asymmetric stage orders candidates by `q · (2b − 1)` computed the plain way, at a width
    /// that is not a multiple of 8 or 64.
    func testSignRerankIsTheQueryDotTheSignVector() throws {
        let n = 300, dim = 100
        let corpus = Self.structured(rows: n, dim: dim, rank: 6, seed: 8), query = Self.structured(rows: 1, dim: dim, rank: 6, seed: 9)
        let s = QuantizedSearcher(ids: (0..<n).map { "d\($0)" }, codes: QuantizedCodes.encode(corpus, as: .binary)) { SearchTestSupport.rows(corpus, $0) }
        let rows = Array(stride(from: 3, to: n, by: 2))
        let got = s.signRerank(rows, query: query.data, keep: 40)
        let plain = rows.map { r -> (row: Int, score: Float) in
            var dot: Float = 0
            for j in 0..<dim { dot += query.data[j] * (corpus.data[r * dim + j] > 0 ? 1 : -1) }
            return (r, dot)
        }.sorted { $0.score > $1.score || ($0.score == $1.score && $0.row < $1.row) }
        XCTAssertEqual(got.count, 40)
        // The same order, up to float rounding between near-equal scores.
        let score = Dictionary(uniqueKeysWithValues: plain.map { ($0.row, $0.score) })
        for (i, r) in got.enumerated() { XCTAssertEqual(score[r]!, plain[i].score, accuracy: 1e-4, "rank \(i)") }
        XCTAssertGreaterThanOrEqual(Set(got).intersection(plain.prefix(40).map(\.row)).count, 39)
    }
}

/// Small helpers over row-major matrices.
enum SearchTestSupport {
    /// These rows of `m`, as a new matrix.
    static func rows(_ m: Tensor, _ rows: [Int]) -> Tensor {
        let d = m.cols
        let out = Tensor(zeros: [rows.count, d])
        for (i, r) in rows.enumerated() { (out.data + i * d).update(from: m.data + r * d, count: d) }
        return out
    }
}

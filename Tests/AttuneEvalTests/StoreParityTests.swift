import AttuneCore
import AttuneData
@testable import AttuneEval
import AttuneModel
@testable import AttuneSearch
import AttuneTestSupport
import Foundation
import XCTest

/// The PostgreSQL store against the SQLite index on the MedQuAD small slice (300 queries × 2,000
/// answers): the same exact top-10 (ties aside) and the same `attune eval` metrics.
final class StoreParityTests: XCTestCase {
    func slice() throws -> (docs: [Document], queries: [Query], qrels: Qrels) {
        let docs = try readCorpus(Fixtures.shared("data/medquad/small-corpus.jsonl"))
        let queries = try readQueries(Fixtures.shared("data/medquad/small-queries.jsonl"))
        let qrels = try Qrels.read(Fixtures.shared("data/medquad/small-qrels.tsv"))
        XCTAssertEqual(docs.count, 2000)
        XCTAssertEqual(queries.count, 300)
        return (docs, queries, qrels)
    }

    /// A fresh table name on the test server; every table it prefixes is dropped at the end.
    func freshLocation() throws -> PostgresLocation {
        let base = try PostgresLocation(Fixtures.postgresURL())
        let location = try base.with(table: "evaltest_\(UUID().uuidString.prefix(6).lowercased())")
        addTeardownBlock {
            guard let c = try? PostgresConnection(location) else { return }
            let tables = (try? c.query("SELECT name FROM attune_index WHERE name LIKE $1", [location.table + "%"], "cleanup")) ?? []
            for t in tables.compactMap({ $0.first ?? nil }) { try? PostgresStore.drop(location.with(table: t)) }
        }
        return location
    }

    /// `ours` ranks like `theirs` ties aside: the scores agree rank by rank, and each of our
    /// scores is the true dot product of the query and that document — so where the ids differ,
    /// the documents tie.
    func assertSameRanking(_ ours: [Hit], _ theirs: [Hit], query: UnsafePointer<Float>, vectors: [String: UnsafePointer<Float>],
                           dimension: Int, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ours.count, theirs.count, what, file: file, line: line)
        for (i, (x, y)) in zip(ours, theirs).enumerated() {
            XCTAssertEqual(x.score, y.score, accuracy: 1e-5, "\(what) rank \(i + 1)", file: file, line: line)
            guard let v = vectors[x.id] else { return XCTFail("\(what): unknown id \(x.id)", file: file, line: line) }
            var dot: Float = 0
            for j in 0..<dimension { dot += query[j] * v[j] }
            XCTAssertEqual(x.score, dot, accuracy: 1e-5, "\(what) rank \(i + 1): \(x.id)'s score", file: file, line: line)
        }
    }

    /// Ids best first, each run of scores within 1e-5 of its first sorted by id.
    static func canonicalTies(_ hits: [(doc: String, score: Double)]) -> [String] {
        var out: [String] = [], group: [String] = []
        var head = Double.nan
        for h in hits {
            if !(abs(h.score - head) <= 1e-5) { out += group.sorted(); group = []; head = h.score }
            group.append(h.doc)
        }
        return out + group.sorted()
    }

    func testExactTopTenAndEvalMetricsMatchSQLite() throws {
        let (docs, queries, qrels) = try slice()
        let location = try freshLocation()
        let embedder = WordEmbedder(dimension: 256)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attune-parity-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }

        // The store level: exact top-10 of every query.
        let sqlite = try openOrCreateIndexStore(folder.appendingPathComponent("slice.sqlite").path, embedder: embedder)
        let pg = try openOrCreateIndexStore(location.description, embedder: embedder)
        try sqlite.add(docs, embedder: embedder)
        try pg.add(docs, embedder: embedder, batchSize: 500)
        let q = try embedder.embed(queries.map(\.text))
        let a = try sqlite.search(q, k: 10), b = try pg.search(q, k: 10)
        let (ids, matrix) = try sqlite.loadMatrix()
        var rows: [String: UnsafePointer<Float>] = [:]
        for (i, id) in ids.enumerated() { rows[id] = UnsafePointer(matrix.data + i * 256) }
        var identical = 0
        for (i, (x, y)) in zip(a, b).enumerated() {
            assertSameRanking(y, x, query: q.data + i * 256, vectors: rows, dimension: 256, "query \(queries[i].id)")
            if x.map(\.id) == y.map(\.id) { identical += 1 }
        }
        print("PostgreSQL vs SQLite exact top-10: \(identical) of \(queries.count) lists identical, the rest differ only within ties")
        XCTAssertGreaterThan(identical, 250)

        // The evaluation level: the Evaluator `attune eval` runs, with a SQLite folder and with PostgreSQL.
        var onSQLite = Evaluator(corpus: docs, queries: queries, qrels: qrels, indexDir: folder)
        var onPostgres = Evaluator(corpus: docs, queries: queries, qrels: qrels)
        onPostgres.database = location
        onSQLite.depth = 100; onPostgres.depth = 100
        let runA = try onSQLite.run(embedder), runB = try onPostgres.run(embedder)
        // Documents whose scores tie (within float rounding) are put in id order in both runs, so
        // the comparison is "ties aside"; anything else must rank alike.
        let ranked = { (run: Evaluator.Run) in run.mapValues(StoreParityTests.canonicalTies) }
        let mA = evaluate(ranked: ranked(runA), qrels: qrels), mB = evaluate(ranked: ranked(runB), qrels: qrels)
        XCTAssertEqual(mA.queries, mB.queries)
        XCTAssertGreaterThan(mA.queries, 250)
        for metric in MetricName.all {
            XCTAssertEqual(mA.mean[metric]!, mB.mean[metric]!, accuracy: 1e-12, metric)
        }
        XCTAssertEqual(mA.perQuery, mB.perQuery)
        XCTAssertGreaterThan(mA.mean[MetricName.ndcg10]!, 0.1, "the bag of words retrieves something")
        // The rerun reuses the table: nothing is embedded twice.
        XCTAssertEqual(try onPostgres.store(for: embedder)?.count, 2000)
        XCTAssertEqual(try onPostgres.store(for: embedder)?.location.contains(location.table + "_words_256"), true)
    }

    func testRecallAuditOnTheSlice() throws {
        let (docs, _, _) = try slice()
        let location = try freshLocation()
        let embedder = WordEmbedder(dimension: 256)
        let store = try PostgresStore.openOrCreate(location, embedder: embedder)
        try store.add(docs, embedder: embedder, batchSize: 1000)
        let queries = RecallAudit.draw(50, from: try store.loadMatrix().vectors, seed: 7)
        XCTAssertEqual(queries.shape, [50, 256])

        var hnsw = ApproximateSearch(method: .hnsw)
        hnsw.efSearch = 10
        try store.ensureApproximateIndex(hnsw)
        let audit = try RecallAudit.run(store: store, queries: queries, k: 10, settings: hnsw)
        XCTAssertEqual(audit.queries, 50)
        XCTAssertEqual(audit.perQuery.count, 50)
        XCTAssertTrue((0...1).contains(audit.recall))
        XCTAssertLessThanOrEqual(audit.ciLow, audit.recall)
        XCTAssertGreaterThanOrEqual(audit.ciHigh, audit.recall)
        XCTAssertGreaterThan(audit.exact.meanMs, 0)
        XCTAssertGreaterThan(audit.approximate.meanMs, 0)
        XCTAssertTrue(audit.table().contains("recall@10"))

        // IVFFlat probing every list is exact: recall 1 with a degenerate interval.
        var ivf = ApproximateSearch(method: .ivfflat)
        ivf.lists = 3; ivf.probes = 3
        try store.ensureApproximateIndex(ivf)
        let full = try RecallAudit.run(store: store, queries: queries, k: 10, settings: ivf)
        XCTAssertEqual(full.recall, 1)
        XCTAssertEqual(full.ciLow, 1); XCTAssertEqual(full.ciHigh, 1)
        // One probe of 3 lists misses some neighbours.
        ivf.probes = 1
        XCTAssertLessThan(try RecallAudit.run(store: store, queries: queries, k: 10, settings: ivf).recall, 1)
    }
}

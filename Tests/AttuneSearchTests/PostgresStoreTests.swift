import AttuneCore
import AttuneData
import AttuneModel
@testable import AttuneSearch
import AttuneTestSupport
import Foundation
import XCTest

/// The PostgreSQL + pgvector store against a real server (`scripts/pg.sh`, `ATTUNE_TEST_PG_URL`):
/// the same contents and exact top-k as the SQLite index, resume, retries after a dropped
/// connection, concurrent shard writers, approximate indexes, half precision, and bad input.
final class PostgresStoreTests: XCTestCase {
    /// A location with a fresh table, dropped (with its meta row) when the test ends.
    func freshTable(_ tag: String = "t") throws -> PostgresLocation {
        let base = try PostgresLocation(Fixtures.postgresURL())
        let location = try base.with(table: "test_\(tag)_\(UUID().uuidString.prefix(8).lowercased())")
        addTeardownBlock { try? PostgresStore.drop(location) }
        return location
    }

    func corpus(_ n: Int, prefix: String = "doc") -> [Document] {
        (0..<n).map { Document(id: "\(prefix)-\($0)", title: "title \($0)", text: "text number \($0) é ✓") }
    }

    /// Every (id, vector) of a store, by id.
    func contents(_ store: IndexStore) throws -> [String: [Float]] {
        let (ids, vectors) = try store.loadMatrix()
        let d = store.meta.dimension
        var out: [String: [Float]] = [:]
        for (i, id) in ids.enumerated() { out[id] = Array(UnsafeBufferPointer(start: vectors.data + i * d, count: d)) }
        XCTAssertEqual(out.count, ids.count, "duplicate ids")
        return out
    }

    /// Rows and distinct ids in the table.
    func rowCounts(_ location: PostgresLocation) throws -> (rows: Int, distinct: Int) {
        let c = try PostgresConnection(location)
        let r = try c.query("SELECT count(*), count(DISTINCT id) FROM \"\(location.table)\"", [], "counting")
        return (Int(r[0][0]!)!, Int(r[0][1]!)!)
    }

    func testSameContentsAndExactTopKAsSQLite() throws {
        let location = try freshTable()
        let docs = corpus(300)
        let embedder = FakeEmbedder(dimension: 16)
        let pg = try PostgresStore.openOrCreate(location, embedder: embedder)
        XCTAssertEqual(pg.count, 0)
        var calls: [Int] = []
        let result = try pg.add(docs, embedder: embedder, batchSize: 64) { done, _ in calls.append(done) }
        XCTAssertEqual(result, AddResult(added: 300, skipped: 0, otherShards: 0))
        XCTAssertEqual(calls, [64, 128, 192, 256, 300])
        XCTAssertEqual(pg.count, 300)
        XCTAssertEqual(try pg.document("doc-7"), docs[7])
        XCTAssertNil(try pg.document("nope"))

        let sqlite = try EmbeddingIndex.create(at: temporaryFolder(self).appendingPathComponent("i.sqlite"), embedder: embedder)
        try sqlite.add(docs, embedder: embedder, batchSize: 64)
        XCTAssertEqual(try contents(pg), try contents(sqlite), "float32 vectors must round-trip exactly")
        XCTAssertEqual(try pg.loadMatrix().ids, docs.map(\.id), "insertion order")

        let queries = Tensor((0..<37).flatMap { FakeEmbedder.vector(for: "query \($0)", dimension: 16) }, shape: [37, 16])
        let theirs = try sqlite.search(queries, k: 10), ours = try pg.search(queries, k: 10)
        XCTAssertEqual(ours.count, 37)
        for (a, b) in zip(ours, theirs) {
            XCTAssertEqual(a.map(\.id), b.map(\.id))
            for (x, y) in zip(a, b) { XCTAssertEqual(x.score, y.score, accuracy: 1e-5) }
        }
        // k beyond the corpus returns every document.
        XCTAssertEqual(try pg.search(queries, k: 1000)[0].count, 300)

        // Reopened: same meta; a rerun embeds nothing.
        let reopened = try PostgresStore.open(location)
        XCTAssertEqual(reopened.meta, IndexMeta(embedder: embedder))
        let again = FakeEmbedder(dimension: 16)
        XCTAssertEqual(try reopened.add(docs, embedder: again).added, 0)
        XCTAssertTrue(again.embedded.isEmpty)
        XCTAssertTrue(try openIndexStore(location.description) is PostgresStore)
    }

    /// The meta row records the documents' prompt; another is refused; a meta table from before
    /// the column existed gains it and reads NULL (not checked) for its old rows.
    func testRecordsTheDocumentPromptAndRefusesAnother() throws {
        let location = try freshTable("prompt")
        let passage = FakeEmbedder(dimension: 16)
        passage.documentPrompt = "passage: "
        try PostgresStore.openOrCreate(location, embedder: passage).add(corpus(3), embedder: passage)
        let store = try PostgresStore.open(location)
        XCTAssertEqual(store.meta.documentPrompt, "passage: ")
        XCTAssertThrowsError(try PostgresStore.openOrCreate(location, embedder: FakeEmbedder(dimension: 16))) { error in
            XCTAssertTrue("\(error)".contains("built with document prompt \"passage: \", but \"fake-model\" here prepends \"\" to documents"), "\(error)")
        }
        let c = try PostgresConnection(location)
        try c.query("UPDATE \(PostgresStore.metaTable) SET document_prompt = NULL WHERE name = $1", [location.table], "forgetting")
        XCTAssertNil(try PostgresStore.open(location).meta.documentPrompt)
        XCTAssertNoThrow(try PostgresStore.openOrCreate(location, embedder: FakeEmbedder(dimension: 16)))
    }

    func testKilledWriterLosesOnlyTheBatchInFlightAndRerunCompletes() throws {
        let location = try freshTable()
        let docs = corpus(50)
        let dying = FakeEmbedder(failAfterBatches: 3)
        let first = try PostgresStore.openOrCreate(location, embedder: dying)
        XCTAssertThrowsError(try first.add(docs, embedder: dying, batchSize: 7)) { XCTAssertTrue($0 is FakeEmbedder.Killed) }
        XCTAssertEqual(try rowCounts(location).rows, 21)
        let embedder = FakeEmbedder()
        let result = try PostgresStore.open(location).add(docs, embedder: embedder, batchSize: 7)
        XCTAssertEqual(result.added, 29)
        XCTAssertEqual(embedder.embedded.count, 29, "only missing documents are embedded")
        XCTAssertEqual(try rowCounts(location).rows, 50)
        XCTAssertEqual(try rowCounts(location).distinct, 50)
    }

    /// End this store's server process from another connection (as a restart or network cut would).
    func dropConnection(of store: PostgresStore) throws {
        let killer = try PostgresConnection(store.postgres)
        let r = try killer.query("SELECT pg_terminate_backend($1, 5000)", [String(store.connection.backendPID)], "terminating")
        XCTAssertEqual(r.first?.first, "t")
    }

    func testConnectionDroppedMidBatchIsRetriedWithoutDuplicates() throws {
        let location = try freshTable()
        let docs = corpus(40)
        let embedder = FakeEmbedder()
        let store = try PostgresStore.openOrCreate(location, embedder: embedder)
        var batches = 0
        store.beforeCommit = { [unowned self] in
            batches += 1
            if batches == 2 { try self.dropConnection(of: store) }  // after COPY + INSERT, before COMMIT
        }
        let result = try store.add(docs, embedder: embedder, batchSize: 10)
        XCTAssertEqual(result.added, 40)
        XCTAssertEqual(batches, 5, "the dropped batch was retried once")
        XCTAssertEqual(try rowCounts(location).rows, 40)
        XCTAssertEqual(try rowCounts(location).distinct, 40)
    }

    func testConnectionDroppedWithoutRetriesIsReportedAndNothingHalfWritten() throws {
        let location = try freshTable()
        let docs = corpus(40)
        let embedder = FakeEmbedder()
        let store = try PostgresStore.openOrCreate(location, embedder: embedder)
        store.retries = 0
        var batches = 0
        store.beforeCommit = { [unowned self] in
            batches += 1
            if batches == 3 { try self.dropConnection(of: store) }
        }
        XCTAssertThrowsError(try store.add(docs, embedder: embedder, batchSize: 10)) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains("lost the connection to \(location.server)"), line)
            XCTAssertTrue(line.contains("rerun"), line)
        }
        XCTAssertEqual(try rowCounts(location).rows, 20, "the batch in flight left nothing behind")
        XCTAssertEqual(try PostgresStore.open(location).add(docs, embedder: FakeEmbedder(), batchSize: 10).added, 20)
        XCTAssertEqual(try rowCounts(location).distinct, 40)
        XCTAssertEqual(try rowCounts(location).rows, 40)
    }

    func testTwoConcurrentShardWritersFillTheSameTableAsOneWriter() throws {
        let single = try freshTable("one"), sharded = try freshTable("two")
        let docs = corpus(400)
        try PostgresStore.openOrCreate(single, embedder: FakeEmbedder()).add(docs, embedder: FakeEmbedder(), batchSize: 25)

        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            outcomes.set(i, Result {
                let embedder = FakeEmbedder()
                let store = try PostgresStore.openOrCreate(sharded, embedder: embedder)
                return try store.add(docs, embedder: embedder, batchSize: 25, shard: try Shard(index: i + 1, count: 2))
            })
        }
        let a = try XCTUnwrap(outcomes[0]).get(), b = try XCTUnwrap(outcomes[1]).get()
        XCTAssertEqual(a.added + b.added, 400)
        XCTAssertEqual(a.otherShards, b.added)
        XCTAssertGreaterThan(a.added, 150, "FNV-1a spreads ids over both shards")
        XCTAssertGreaterThan(b.added, 150)
        XCTAssertEqual(try contents(PostgresStore.open(sharded)), try contents(PostgresStore.open(single)))
        XCTAssertEqual(try rowCounts(sharded).rows, 400)
    }

    func testApproximateIndexesAgainstExact() throws {
        let location = try freshTable()
        let docs = corpus(2000)
        let embedder = FakeEmbedder(dimension: 16)
        let store = try PostgresStore.openOrCreate(location, embedder: embedder)
        try store.add(docs, embedder: embedder, batchSize: 500)
        let queries = Tensor((0..<40).flatMap { FakeEmbedder.vector(for: "q\($0)", dimension: 16) }, shape: [40, 16])
        let exact = try store.search(queries, k: 10)

        var hnsw = ApproximateSearch(method: .hnsw)
        XCTAssertThrowsError(try store.searchApproximate(queries, k: 10, settings: hnsw)) {
            XCTAssertTrue("\($0)".contains("has no hnsw index"), "\($0)")
        }
        XCTAssertNotNil(try store.ensureApproximateIndex(hnsw))
        XCTAssertNil(try store.ensureApproximateIndex(hnsw), "the same index is not built twice")
        XCTAssertEqual(try PostgresStore.open(location).approximateIndex, "hnsw m=16 ef_construction=64")
        XCTAssertTrue(try store.explain(Array(repeating: 0.25, count: 16), k: 10, approximate: hnsw).contains("_ann"))
        XCTAssertFalse(try store.explain(Array(repeating: 0.25, count: 16), k: 10, approximate: nil).contains("_ann"),
                       "exact search never uses the approximate index")
        XCTAssertEqual(try store.search(queries, k: 10).map { $0.map(\.id) }, exact.map { $0.map(\.id) })
        hnsw.efSearch = 200
        let approx = try store.searchApproximate(queries, k: 10, settings: hnsw)
        let recall = zip(approx, exact).map { Double(Set($0.map(\.id)).intersection($1.map(\.id)).count) / 10 }.reduce(0, +) / 40
        XCTAssertGreaterThan(recall, 0.9)

        // IVFFlat probing every list is exact.
        var ivf = ApproximateSearch(method: .ivfflat)
        ivf.lists = 4
        ivf.probes = 4
        XCTAssertNotNil(try store.ensureApproximateIndex(ivf))
        XCTAssertEqual(store.approximateIndex, "ivfflat lists=4")
        XCTAssertEqual(try store.searchApproximate(queries, k: 10, settings: ivf).map { $0.map(\.id) }, exact.map { $0.map(\.id) })
        ivf.probes = 0
        XCTAssertThrowsError(try store.searchApproximate(queries, k: 10, settings: ivf))
    }

    func testMetadataIsStoredAndFiltersSearch() throws {
        let location = try freshTable()
        let topics = ["heart", "lung", "skin"]
        let docs = (0..<600).map { Document(id: "m\($0)", text: "text \($0)", metadata: ["topic": topics[$0 % 3], "n": String($0)]) }
        let embedder = FakeEmbedder(dimension: 16)
        let store = try PostgresStore.openOrCreate(location, embedder: embedder)
        try store.add(docs, embedder: embedder, batchSize: 128)
        XCTAssertEqual(try store.document("m4"), docs[4])
        let queries = Tensor((0..<8).flatMap { FakeEmbedder.vector(for: "f\($0)", dimension: 16) }, shape: [8, 16])

        // Filtered exact search is exact search over the matching documents only.
        let lung = docs.filter { $0.metadata["topic"] == "lung" }
        let subset = ExactSearcher(ids: lung.map(\.id), vectors: Tensor(lung.flatMap { FakeEmbedder.vector(for: $0.text, dimension: 16) }, shape: [lung.count, 16]))
        let want = try subset.search(queries, k: 10).map { $0.map(\.id) }
        XCTAssertEqual(try store.search(queries, k: 10, filter: ["topic": "lung"]).map { $0.map(\.id) }, want)
        XCTAssertEqual(try store.search(queries, k: 10, filter: ["topic": "lung", "n": "1"]).map { $0.map(\.id) },
                       Array(repeating: ["m1"], count: 8))
        XCTAssertEqual(try store.search(queries, k: 10, filter: ["topic": "bone"]).map(\.count), Array(repeating: 0, count: 8))

        // Through HNSW, the iterative scan still finds k matching documents.
        let hnsw = ApproximateSearch(method: .hnsw)
        try store.ensureApproximateIndex(hnsw)
        let approx = try store.searchApproximate(queries, k: 10, settings: hnsw, filter: ["topic": "skin"])
        for hits in approx {
            XCTAssertEqual(hits.count, 10)
            XCTAssertTrue(hits.allSatisfy { Int($0.id.dropFirst())! % 3 == 2 }, "\(hits.map(\.id))")
        }
    }

    func testHalfPrecisionTable() throws {
        let location = try freshTable()
        let docs = corpus(100)
        let embedder = FakeEmbedder(dimension: 16)
        let store = try PostgresStore.openOrCreate(location, embedder: embedder, precision: .float16)
        try store.add(docs, embedder: embedder)
        XCTAssertEqual(try PostgresStore.open(location).meta.precision, .float16)
        let stored = try contents(store)
        for doc in docs {
            let want = FakeEmbedder.vector(for: doc.text, dimension: 16)
            for (x, y) in zip(stored[doc.id]!, want) { XCTAssertEqual(x, y, accuracy: 1e-3) }
        }
        let q = Tensor(FakeEmbedder.vector(for: docs[42].text, dimension: 16), shape: [1, 16])
        XCTAssertEqual(try store.search(q, k: 1)[0].first?.id, "doc-42")
        XCTAssertThrowsError(try PostgresStore.openOrCreate(location, embedder: embedder, precision: .float32))
        XCTAssertThrowsError(try openOrCreateIndexStore(temporaryFolder(self).appendingPathComponent("x.sqlite").path,
                                                        embedder: embedder, precision: .float16))
    }

    func testBadInputIsOneLineNamingTheServerNeverThePassword() throws {
        let location = try freshTable()
        let url = try Fixtures.postgresURL()

        // Wrong password: the URL's password overrides the pgpass file.
        let secret = "not-the-password-\(UUID().uuidString.prefix(6))"
        let wrong = url.replacingOccurrences(of: "://\(location.user)@", with: "://\(location.user):\(secret)@")
        XCTAssertNotEqual(wrong, url)
        XCTAssertThrowsError(try openIndexStore(wrong)) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains(location.server), line)
            XCTAssertTrue(line.contains("password authentication failed"), line)
            XCTAssertFalse(line.contains(secret), line)
            XCTAssertFalse(line.contains("\n"), line)
        }
        XCTAssertFalse(try PostgresLocation(wrong).description.contains(secret))

        // PGPASSWORD is read (before the pgpass file; a password in the URL would win) and never
        // printed either.
        if PostgresLocation.redacted(url) == url {
            setenv("PGPASSWORD", secret, 1)
            defer { unsetenv("PGPASSWORD") }
            XCTAssertThrowsError(try openIndexStore(url)) { error in
                XCTAssertTrue("\(error)".contains("password authentication failed"), "\(error)")
                XCTAssertFalse("\(error)".contains(secret), "\(error)")
            }
        }

        // Unreachable: nothing listens on port 1.
        XCTAssertThrowsError(try openIndexStore("postgresql://\(location.user):\(secret)@127.0.0.1:1/attune")) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains("127.0.0.1:1"), line)
            XCTAssertFalse(line.contains(secret), line)
            XCTAssertFalse(line.contains("\n"), line)
        }

        // No such index; another model's table; dimension and length mismatches.
        XCTAssertThrowsError(try PostgresStore.open(location)) { XCTAssertTrue("\($0)".contains("no Attune index named"), "\($0)") }
        _ = try PostgresStore.openOrCreate(location, embedder: FakeEmbedder())
        XCTAssertThrowsError(try PostgresStore.openOrCreate(location, embedder: FakeEmbedder(fingerprint: "other-model", name: "other"))) {
            XCTAssertTrue("\($0)".contains("built with model \"fake-model\""), "\($0)")
        }
        XCTAssertThrowsError(try PostgresStore.openOrCreate(location, embedder: FakeEmbedder(dimension: 16))) {
            XCTAssertTrue("\($0)".contains("8-dimensional"), "\($0)")
        }
        XCTAssertThrowsError(try PostgresStore.open(location).add(corpus(2), embedder: FakeEmbedder(maxSeqLength: 256)))
        let queries = Tensor(zeros: [1, 16])
        XCTAssertThrowsError(try PostgresStore.open(location).search(queries, k: 3))
        XCTAssertThrowsError(try PostgresLocation(url + "?table=Bad-Name"))

        // A plain table of the same name is not taken over.
        let plain = try location.with(table: location.table + "_plain")
        let c = try PostgresConnection(plain)
        try c.query("CREATE TABLE \(plain.table) (x int)", [], "setup")
        defer { _ = try? c.query("DROP TABLE \(plain.table)", [], "cleanup") }
        XCTAssertThrowsError(try PostgresStore.openOrCreate(plain, embedder: FakeEmbedder())) {
            XCTAssertTrue("\($0)".contains("exists but is not an Attune index"), "\($0)")
        }
    }

    func testDatabaseWithoutPgvectorSaysHowToEnableIt() throws {
        let url = try Fixtures.postgresURL()
        let base = try PostgresLocation(url)
        let admin = try PostgresConnection(base)
        let name = "attune_test_novector"
        if try admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name], "setup").isEmpty {
            try admin.query("CREATE DATABASE \(name)", [], "setup")
        }
        let path = try XCTUnwrap(url.range(of: "/\(base.database)", options: .backwards))
        let other = url.replacingCharacters(in: path, with: "/\(name)")
        XCTAssertThrowsError(try openOrCreateIndexStore(other, embedder: FakeEmbedder())) { error in
            let line = "\(error)"
            XCTAssertTrue(line.contains("CREATE EXTENSION vector"), line)
            XCTAssertTrue(line.contains(name), line)
        }
    }
}

/// What each of several concurrent writers returned, by writer.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Result<AddResult, Error>] = [:]

    func set(_ i: Int, _ r: Result<AddResult, Error>) { lock.lock(); values[i] = r; lock.unlock() }

    subscript(i: Int) -> Result<AddResult, Error>? {
        lock.lock()
        defer { lock.unlock() }
        return values[i]
    }
}

/// Shard specs and the partition they make (no server needed).
final class ShardTests: XCTestCase {
    func testSpecs() throws {
        XCTAssertEqual(try Shard(parsing: "2/4"), try Shard(index: 2, count: 4))
        XCTAssertEqual(try Shard(parsing: "1/1").description, "1/1")
        for bad in ["3/2", "0/0", "0/3", "1/0", "-1/2", "a/b", "2", "1/2/3", ""] {
            XCTAssertThrowsError(try Shard(parsing: bad), bad) {
                XCTAssertEqual(($0 as? SettingError)?.setting, "shard", "\($0)")
                XCTAssertTrue("\($0)".hasPrefix("shard "), "\($0)")
            }
        }
    }

    func testShardsPartitionIdsStably() throws {
        let ids = (0..<1000).map { "id-\($0)" }
        let shards = try (1...3).map { try Shard(index: $0, count: 3) }
        for id in ids { XCTAssertEqual(shards.filter { $0.contains(id) }.count, 1, id) }
        for s in shards { XCTAssertGreaterThan(ids.filter(s.contains).count, 280) }
        // The assignment is FNV-1a of the UTF-8 id, the same on every machine and run.
        XCTAssertEqual(FNV1a64.hash("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertTrue(try Shard(index: Int(FNV1a64.hash("doc-1") % 5) + 1, count: 5).contains("doc-1"))
    }
}

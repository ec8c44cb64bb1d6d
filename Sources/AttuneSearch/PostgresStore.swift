import AttuneCore
import AttuneData
import AttuneModel
import CLibPQ
import Foundation

/// An approximate-nearest-neighbour index of pgvector and the settings to search it with.
/// Defaults are pgvector's own: HNSW `m` 16, `ef_construction` 64, `ef_search` 40; IVFFlat
/// `lists` = rows / 1000 (at least 1, as pgvector advises up to a million rows), `probes` 1.
public struct ApproximateSearch: Sendable, Equatable, CustomStringConvertible {
    public enum Method: String, Sendable, CaseIterable { case hnsw, ivfflat }

    public var method: Method
    /// HNSW: links per node (build).
    public var m = 16
    /// HNSW: candidate list size while building.
    public var efConstruction = 64
    /// HNSW: candidate list size while searching (`hnsw.ef_search`).
    public var efSearch = 40
    /// IVFFlat: number of lists (build); nil: rows / 1000, or the existing index's.
    public var lists: Int?
    /// IVFFlat: lists probed per query (`ivfflat.probes`).
    public var probes = 1

    public init(method: Method) { self.method = method }

    /// Throw unless every parameter is in pgvector's range.
    public func validate() throws {
        func check(_ ok: Bool, _ what: String) throws { if !ok { throw SettingError(setting: "ann", value: method.rawValue, what: what) } }
        switch method {
        case .hnsw:
            try check((2...100).contains(m), "m must be 2…100, got \(m)")
            try check((4...1000).contains(efConstruction) && efConstruction >= 2 * m, "ef_construction must be 4…1000 and at least 2·m, got \(efConstruction)")
            try check((1...1000).contains(efSearch), "ef_search must be 1…1000, got \(efSearch)")
        case .ivfflat:
            if let lists { try check((1...32768).contains(lists), "lists must be 1…32768, got \(lists)") }
            try check((1...32768).contains(probes), "probes must be 1…32768, got \(probes)")
        }
    }

    /// The search settings, e.g. `hnsw ef_search=40`.
    public var description: String {
        switch method {
        case .hnsw: return "hnsw (m=\(m), ef_construction=\(efConstruction)) ef_search=\(efSearch)"
        case .ivfflat: return "ivfflat (lists=\(lists.map(String.init) ?? "auto")) probes=\(probes)"
        }
    }
}

/// An index in a PostgreSQL table with pgvector: one table per index (`seq`, `id` primary key,
/// `title`, `text`, `metadata jsonb`, `embedding vector(dim)` or `halfvec(dim)`) and one row per index in the shared
/// `attune_index` meta table (model fingerprint, name, dimension, max_seq_length, precision, the
/// approximate index if any).
///
/// Each batch is one transaction: binary `COPY` into a temporary staging table, then `INSERT …
/// ON CONFLICT (id) DO NOTHING`, so a killed writer loses at most its batch, many writers (shards)
/// can fill one table at once, and a retried batch never duplicates a row. A connection lost
/// during a batch is re-opened and the batch retried (`retries` times) before the error is
/// reported. Exact search is pgvector's `ORDER BY embedding <=> q LIMIT k` with index scans off;
/// `searchApproximate` uses the table's HNSW or IVFFlat index.
public final class PostgresStore: IndexStore {
    /// The schema this build writes and the newest it reads.
    public static let schemaVersion = 1
    /// The `format` of an Attune index row in `attune_index`.
    public static let format = "attune-index"
    /// The shared meta table.
    static let metaTable = "attune_index"

    public let postgres: PostgresLocation
    public let meta: IndexMeta
    public private(set) var count: Int
    /// The approximate index the table has, as recorded in the meta table (e.g. `hnsw m=16 ef_construction=64`).
    public private(set) var approximateIndex: String?
    /// How many times a batch is retried after a lost connection before the error is reported.
    public var retries = 2
    /// Tests: called inside each batch's transaction just before COMMIT.
    var beforeCommit: (() throws -> Void)?

    let connection: PostgresConnection
    private var table: String { postgres.table }
    private var quoted: String { "\"\(postgres.table)\"" }
    private var columnType: String { meta.precision == .float16 ? "halfvec" : "vector" }

    public var location: String { postgres.description }

    private init(_ location: PostgresLocation, connection: PostgresConnection, row: [String: String]) throws {
        let where_ = "\(location): the \(PostgresStore.metaTable) row"
        func field(_ key: String) throws -> String {
            guard let v = row[key] else { throw AttuneError.invalid("\(where_) lacks \"\(key)\"") }
            return v
        }
        func positive(_ key: String) throws -> Int {
            guard let v = Int(try field(key)), v > 0 else { throw AttuneError.invalid("\(where_): \(key) is not a positive integer") }
            return v
        }
        guard row["format"] == PostgresStore.format else {
            throw AttuneError.invalid("\(location): not an Attune index (format \"\(row["format"] ?? "")\")")
        }
        guard let version = row["schema_version"].flatMap({ Int($0) }), version >= 1 else {
            throw AttuneError.invalid("\(where_): schema_version is missing or invalid")
        }
        if version > PostgresStore.schemaVersion {
            throw AttuneError.invalid("\(location): written by a newer Attune (index schema version \(version); this build reads up to \(PostgresStore.schemaVersion))")
        }
        guard let precision = VectorPrecision(rawValue: try field("precision")) else {
            throw AttuneError.invalid("\(where_): unknown precision \"\(row["precision"]!)\"")
        }
        postgres = location
        self.connection = connection
        guard let (name, encoder) = IndexMeta.stored(modelName: try field("model_name"), precision: row["encoder_precision"]) else {
            throw AttuneError.invalid("\(where_): unknown encoder_precision \"\(row["encoder_precision"] ?? "")\"")
        }
        meta = IndexMeta(fingerprint: try field("model_fingerprint"), modelName: name,
                         dimension: try positive("dimension"), maxSeqLength: try positive("max_seq_length"), precision: precision,
                         documentPrompt: row["document_prompt"], encoderPrecision: encoder)
        approximateIndex = row["ann"]
        count = 0
        count = try currentCount()
    }

    // MARK: opening

    /// Open an existing index table. Refuses a database without pgvector (saying how to enable
    /// it), a missing table, and a table written by a newer schema.
    public static func open(_ location: PostgresLocation) throws -> PostgresStore {
        let connection = try PostgresConnection(location)
        try requireVector(connection)
        guard let row = try readMeta(connection) else {
            throw AttuneError.invalid("\(location): no Attune index named \"\(location.table)\" in database \(location.database) (build one with `attune index --db …`)")
        }
        return try PostgresStore(location, connection: connection, row: row)
    }

    /// Open the index table if it exists (checking it holds `embedder`'s vectors), else create
    /// it. Safe to call from many writers at once: creation is serialised by an advisory lock.
    public static func openOrCreate(_ location: PostgresLocation, embedder: Embedder,
                                    precision: VectorPrecision = .float32) throws -> PostgresStore {
        guard embedder.dimension > 0, embedder.maxSeqLength > 0 else {
            throw AttuneError.invalid("\(embedder.name): dimension and max sequence length must be positive")
        }
        // pgvector's limits on stored dimensions.
        let limit = precision == .float16 ? 4000 : 16000
        guard embedder.dimension <= limit else {
            throw AttuneError.invalid("\(location): pgvector stores at most \(limit) dimensions as \(precision.rawValue), but \(embedder.name) makes \(embedder.dimension)")
        }
        let connection = try PostgresConnection(location)
        try requireVector(connection)
        let row = try connection.transaction("creating the index table") { () -> [String: String] in
            try connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", [], "locking the meta table")
            try connection.query("""
                CREATE TABLE IF NOT EXISTS \(metaTable) (
                    name text PRIMARY KEY, format text NOT NULL, schema_version int NOT NULL,
                    model_fingerprint text NOT NULL, model_name text NOT NULL, dimension int NOT NULL,
                    max_seq_length int NOT NULL, precision text NOT NULL, ann text,
                    created timestamptz NOT NULL DEFAULT now(), document_prompt text, encoder_precision text)
                """, [], "creating the meta table")
            // A meta table made before Attune recorded the document prompt or the encoder's
            // precision gains the column (NULL: not recorded).
            try connection.query("ALTER TABLE \(metaTable) ADD COLUMN IF NOT EXISTS document_prompt text", [], "updating the meta table")
            try connection.query("ALTER TABLE \(metaTable) ADD COLUMN IF NOT EXISTS encoder_precision text", [], "updating the meta table")
            if let row = try readMeta(connection) { return row }
            let exists = try connection.query("SELECT to_regclass($1) IS NOT NULL", ["\"\(location.table)\""], "looking for the table")
            if exists.first?.first == "t" {
                throw AttuneError.invalid("\(location): a table \"\(location.table)\" exists but is not an Attune index; choose another with ?table=NAME")
            }
            let type = precision == .float16 ? "halfvec" : "vector"
            try connection.query("""
                CREATE TABLE "\(location.table)" (
                    seq bigint GENERATED ALWAYS AS IDENTITY, id text PRIMARY KEY, title text NOT NULL,
                    text text NOT NULL, metadata jsonb NOT NULL DEFAULT '{}', embedding \(type)(\(embedder.dimension)) NOT NULL)
                """, [], "creating the index table")
            try connection.query("""
                INSERT INTO \(metaTable) (name, format, schema_version, model_fingerprint, model_name, dimension, max_seq_length, precision, document_prompt, encoder_precision)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """, [location.table, format, String(schemaVersion), embedder.fingerprint, embedder.modelName,
                      String(embedder.dimension), String(embedder.maxSeqLength), precision.rawValue, embedder.documentPrompt,
                      embedder.precision.rawValue], "writing the meta row")
            return try readMeta(connection)!
        }
        let store = try PostgresStore(location, connection: connection, row: row)
        try store.checkCompatible(with: embedder)
        if store.meta.precision != precision {
            throw AttuneError.invalid("\(location): stores \(store.meta.precision.rawValue) vectors, but \(precision.rawValue) was asked for; use another table (?table=NAME)")
        }
        return store
    }

    /// Delete the index table at `location` and its meta row. Does nothing when there is no such
    /// index; never drops a table the meta table does not name.
    public static func drop(_ location: PostgresLocation) throws {
        let c = try PostgresConnection(location)
        try c.transaction("dropping the index") {
            try c.query("SELECT pg_advisory_xact_lock(\(lockKey))", [], "locking the meta table")
            guard try readMeta(c) != nil else { return }
            try c.query("DROP TABLE IF EXISTS \"\(location.table)\"", [], "dropping the index table")
            try c.query("DELETE FROM \(metaTable) WHERE name = $1", [location.table], "deleting the meta row")
        }
    }

    /// One advisory-lock key for every Attune schema change in a database.
    static let lockKey = Int64(bitPattern: FNV1a64.hash("attune_index") & 0x7fff_ffff_ffff_ffff)

    /// Throw, saying how to enable it, unless pgvector is installed in the database.
    private static func requireVector(_ c: PostgresConnection) throws {
        let installed = try c.query("SELECT extversion FROM pg_extension WHERE extname = 'vector'", [], "checking for pgvector")
        if installed.isEmpty {
            let available = try c.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'", [], "checking for pgvector")
            if available.isEmpty {
                throw AttuneError.invalid("\(c.location): the server has no pgvector extension; install pgvector on the server (e.g. the postgresql-16-pgvector package), then run CREATE EXTENSION vector; in database \(c.location.database)")
            }
            throw AttuneError.invalid("\(c.location): pgvector is not enabled in database \(c.location.database); enable it with: CREATE EXTENSION vector;  (as the database owner or a superuser)")
        }
    }

    /// The meta row of the location's table, or nil when there is none (or no meta table).
    private static func readMeta(_ c: PostgresConnection) throws -> [String: String]? {
        let hasMeta = try c.query("SELECT to_regclass('\(metaTable)') IS NOT NULL", [], "looking for the meta table")
        guard hasMeta.first?.first == "t" else { return nil }
        let cols = ["format", "schema_version", "model_fingerprint", "model_name", "dimension", "max_seq_length", "precision", "ann", "document_prompt", "encoder_precision"]
        // Through to_jsonb, so a meta table made before a column existed reads it as NULL.
        let rows = try c.query("SELECT \(cols.map { "to_jsonb(m)->>'\($0)'" }.joined(separator: ", ")) FROM \(metaTable) m WHERE name = $1",
                               [c.location.table], "reading the meta table")
        guard let row = rows.first else { return nil }
        var out: [String: String] = [:]
        for (k, v) in zip(cols, row) { out[k] = v }
        return out
    }

    // MARK: IndexStore

    private func currentCount() throws -> Int {
        let rows = try connection.query("SELECT count(*) FROM \(quoted)", [], "counting documents")
        return rows.first?.first.flatMap { $0 }.flatMap { Int($0) } ?? 0
    }

    public func presentIDs() throws -> Set<String> {
        var ids = Set<String>()
        try connection.copyOut("COPY (SELECT id FROM \(quoted)) TO STDOUT (FORMAT binary)", "reading ids") { row in
            var r = BinaryRow(row)
            guard r.fields() == 1, let id = r.text() else { return }
            ids.insert(id)
        }
        count = max(count, ids.count)
        return ids
    }

    public func write(_ docs: ArraySlice<Document>, vectors: Tensor) throws -> Int {
        precondition(vectors.shape == [docs.count, meta.dimension], "PostgresStore.write: vectors \(vectors.shape) for \(docs.count) documents")
        let payload = copyPayload(docs, vectors)
        var attempt = 0
        while true {
            do {
                let added = try writeOnce(payload, documents: docs.count)
                count += added
                return added
            } catch {
                guard connection.isBroken else { throw error }
                attempt += 1
                if attempt > retries {
                    throw AttuneError.invalid("\(location): lost the connection to \(postgres.server) while writing a batch of \(docs.count) documents (tried \(attempt) times); its transaction was not confirmed, so it is whole or absent — rerun to add what is missing")
                }
                try connection.reconnect()
            }
        }
    }

    private func writeOnce(_ payload: [UInt8], documents: Int) throws -> Int {
        try connection.transaction("writing a batch of \(documents) documents") {
            try connection.query("""
                CREATE TEMP TABLE IF NOT EXISTS attune_stage (n int, id text, title text, text text, metadata jsonb,
                    embedding \(columnType)(\(meta.dimension))) ON COMMIT DELETE ROWS
                """, [], "creating the staging table")
            try connection.copyIn("COPY attune_stage (n, id, title, text, metadata, embedding) FROM STDIN (FORMAT binary)", payload,
                                  "copying a batch of \(documents) documents")
            let added = try connection.withResult("""
                INSERT INTO \(quoted) (id, title, text, metadata, embedding)
                SELECT id, title, text, metadata, embedding FROM attune_stage ORDER BY n ON CONFLICT (id) DO NOTHING
                """, [], "inserting a batch of \(documents) documents") { Int(String(cString: PQcmdTuples($0))) ?? 0 }
            try beforeCommit?()
            return added
        }
    }

    /// The binary COPY stream for `docs`: header, one tuple per document, trailer.
    private func copyPayload(_ docs: ArraySlice<Document>, _ vectors: Tensor) -> [UInt8] {
        let d = meta.dimension, half = meta.precision == .float16
        var out: [UInt8] = Array("PGCOPY\n\u{ff}\r\n\0".unicodeScalars.map { UInt8($0.value) })
        out.reserveCapacity(docs.count * (d * (half ? 2 : 4) + 64) + docs.reduce(0) { $0 + $1.text.utf8.count + $1.title.utf8.count + $1.id.utf8.count })
        func int16(_ v: Int16) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        func int32(_ v: Int32) { withUnsafeBytes(of: v.bigEndian) { out.append(contentsOf: $0) } }
        func text(_ s: String) { int32(Int32(s.utf8.count)); out.append(contentsOf: s.utf8) }
        int32(0); int32(0)  // flags, header extension length
        for (row, doc) in docs.enumerated() {
            int16(6)
            int32(4); int32(Int32(row))
            text(doc.id); text(doc.title); text(doc.text)
            let json = PostgresStore.json(doc.metadata)  // jsonb's binary form: version 1, then the text
            int32(Int32(json.utf8.count + 1)); out.append(1); out.append(contentsOf: json.utf8)
            int32(Int32(4 + d * (half ? 2 : 4)))
            int16(Int16(d)); int16(0)
            let v = vectors.data + row * d
            if half {
                for j in 0..<d { withUnsafeBytes(of: Float16(v[j]).bitPattern.bigEndian) { out.append(contentsOf: $0) } }
            } else {
                for j in 0..<d { withUnsafeBytes(of: v[j].bitPattern.bigEndian) { out.append(contentsOf: $0) } }
            }
        }
        int16(-1)
        return out
    }

    public func loadMatrix() throws -> (ids: [String], vectors: Tensor) {
        let d = meta.dimension, half = meta.precision == .float16
        var ids: [String] = []
        var values: [Float] = []
        ids.reserveCapacity(count)
        values.reserveCapacity(count * d)
        var bad: String?
        try connection.copyOut("COPY (SELECT id, embedding FROM \(quoted) ORDER BY seq) TO STDOUT (FORMAT binary)", "reading vectors") { row in
            var r = BinaryRow(row)
            guard r.fields() == 2, let id = r.text() else { return }
            guard r.vector(dimension: d, half: half, into: &values) else { bad = bad ?? id; return }
            ids.append(id)
        }
        if let bad { throw AttuneError.invalid("\(location): document \"\(bad)\" has a vector that is not \(d)-dimensional") }
        count = ids.count
        return (ids, Tensor(values, shape: [ids.count, d]))
    }

    public func document(_ id: String) throws -> Document? {
        let rows = try connection.query("SELECT title, text, metadata::text FROM \(quoted) WHERE id = $1", [id], "reading document \"\(id)\"")
        guard let row = rows.first else { return nil }
        let object = (row[2]?.data(using: .utf8)).flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
        let metadata = (object ?? [:]).compactMapValues { $0 as? String }
        return Document(id: id, title: row[0] ?? "", text: row[1] ?? "", metadata: metadata)
    }

    /// `metadata` as a JSON object with sorted keys.
    static func json(_ metadata: [String: String]) -> String {
        guard !metadata.isEmpty, let data = try? JSONSerialization.data(withJSONObject: metadata, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: search

    /// Queries per statement.
    static let queryBatch = 64

    /// Top-`request.k`: exact (`ORDER BY embedding <=> q`), or through the table's approximate
    /// index (built by `prepare` when missing), among the documents matching `request.filter`.
    /// A SQLite scan setting (`scan` other than f32, `rescore`) is refused.
    public func search(_ queries: Tensor, _ request: SearchRequest) throws -> [[Hit]] {
        try refuseScan(request)
        if let settings = request.approximate {
            return try searchApproximate(queries, k: request.k, settings: settings, filter: request.filter)
        }
        return try run(queries, k: request.k, approximate: nil, filter: request.filter)
    }

    /// Builds the approximate index `request` asks for when the table lacks it.
    public func prepare(_ request: SearchRequest) throws -> String? {
        try refuseScan(request)
        return try request.approximate.flatMap { try ensureApproximateIndex($0) }
    }

    private func refuseScan(_ request: SearchRequest) throws {
        if let v = request.scan, v != .f32 {
            throw SearchRequest.Unsupported(location: location, setting: .scan, reason: "\(v.rawValue) is for SQLite indexes; a PostgreSQL index is scanned by pgvector")
        }
        if request.rescore != nil {
            throw SearchRequest.Unsupported(location: location, setting: .rescore, reason: "is for a SQLite index built with int8 or binary vectors")
        }
    }

    /// Exact top-`k` among the documents whose metadata has every `filter` key with that value.
    public func search(_ queries: Tensor, k: Int, filter: [String: String]) throws -> [[Hit]] {
        try run(queries, k: k, approximate: nil, filter: filter)
    }

    /// Top-`k` through the table's approximate index (build it first with
    /// `ensureApproximateIndex`). With a `filter`, pgvector's iterative index scan keeps looking
    /// until `k` matching documents are found.
    public func searchApproximate(_ queries: Tensor, k: Int, settings: ApproximateSearch,
                                  filter: [String: String] = [:]) throws -> [[Hit]] {
        try settings.validate()
        guard let existing = approximateIndex, existing.hasPrefix(settings.method.rawValue) else {
            throw AttuneError.invalid("\(location): has no \(settings.method.rawValue) index; build it first (attune search --ann \(settings.method.rawValue))")
        }
        return try run(queries, k: k, approximate: settings, filter: filter)
    }

    /// Make sure the table has the approximate index `settings` describe; build it (replacing
    /// another) when not. Returns a note saying what was done, or nil when the index was there.
    @discardableResult
    public func ensureApproximateIndex(_ settings: ApproximateSearch) throws -> String? {
        try settings.validate()
        let ops = "\(columnType)_cosine_ops"
        let spec: String, with: String
        switch settings.method {
        case .hnsw:
            spec = "hnsw m=\(settings.m) ef_construction=\(settings.efConstruction)"
            with = "WITH (m = \(settings.m), ef_construction = \(settings.efConstruction))"
        case .ivfflat:
            if settings.lists == nil, let existing = approximateIndex, existing.hasPrefix("ivfflat") { return nil }
            let rows = try currentCount()
            let lists = settings.lists ?? max(1, rows / 1000)
            spec = "ivfflat lists=\(lists)"
            with = "WITH (lists = \(lists))"
        }
        let name = "\(table)_ann"
        let exists = try connection.query("SELECT to_regclass($1) IS NOT NULL", ["\"\(name)\""], "looking for the approximate index")
        if approximateIndex == spec && exists.first?.first == "t" { return nil }
        let start = Date()
        try connection.transaction("building the \(settings.method.rawValue) index") {
            try connection.query("SELECT pg_advisory_xact_lock(\(PostgresStore.lockKey))", [], "locking the meta table")
            try connection.query("DROP INDEX IF EXISTS \"\(name)\"", [], "dropping the old approximate index")
            try connection.query("CREATE INDEX \"\(name)\" ON \(quoted) USING \(settings.method.rawValue) (embedding \(ops)) \(with)", [],
                                 "building the \(settings.method.rawValue) index")
            try connection.query("UPDATE \(PostgresStore.metaTable) SET ann = $1 WHERE name = $2", [spec, table], "recording the approximate index")
        }
        let replaced = approximateIndex.map { " (replacing \($0))" } ?? ""
        approximateIndex = spec
        return String(format: "built %@ on %d documents in %.1fs%@", spec, try currentCount(), Date().timeIntervalSince(start), replaced)
    }

    /// Search in statements of `queryBatch` queries: each is one `unnest` of query vectors
    /// joined laterally with the top-k of each.
    private func run(_ queries: Tensor, k: Int, approximate: ApproximateSearch?, filter: [String: String]) throws -> [[Hit]] {
        guard k > 0 else { throw AttuneError.invalid("k must be at least 1, got \(k)") }
        guard queries.rank == 1 || queries.rank == 2, queries.cols == meta.dimension else {
            throw AttuneError.invalid("queries have shape \(queries.shape) but \(location) holds \(meta.dimension)-dimensional vectors")
        }
        let nq = queries.rank == 1 ? 1 : queries.shape[0]
        let d = meta.dimension
        let (settings, sql) = plan(k: k, approximate: approximate, filtered: !filter.isEmpty)
        let filterJSON = PostgresStore.json(filter)
        var results: [[Hit]] = []
        results.reserveCapacity(nq)
        for q0 in stride(from: 0, to: nq, by: PostgresStore.queryBatch) {
            let m = min(PostgresStore.queryBatch, nq - q0)
            var literal = "{"
            for q in 0..<m {
                if q > 0 { literal += "," }
                literal += "\"["
                let v = queries.data + (q0 + q) * d
                for j in 0..<d { if j > 0 { literal += "," }; literal += v[j].description }
                literal += "]\""
            }
            literal += "}"
            var batch = Array(repeating: [Hit](), count: m)
            try connection.transaction("searching") {
                for s in settings { try connection.query(s, [], "setting up the search") }
                let rows = try connection.query(sql, filter.isEmpty ? [literal] : [literal, filterJSON],
                                                approximate == nil ? "exact search" : "approximate search")
                for row in rows {
                    guard let n = row[0].flatMap({ Int($0) }), (1...m).contains(n), let seq = row[1].flatMap({ Int($0) }),
                          let id = row[2], let dist = row[3].flatMap({ Double($0) }) else { continue }
                    batch[n - 1].append(Hit(docIndex: seq - 1, id: id, score: Float(1 - dist)))
                }
            }
            results += batch
        }
        return results
    }

    /// The session settings and the statement of a search: exact search turns index scans off
    /// (so an HNSW index never answers it) and breaks ties by row; approximate search turns
    /// sequential scans off and sets the method's search parameter.
    private func plan(k: Int, approximate: ApproximateSearch?, filtered: Bool = false) -> (settings: [String], sql: String) {
        var settings = ["SET LOCAL enable_indexscan = off", "SET LOCAL enable_bitmapscan = off"]
        var order = "embedding <=> q.v, seq"  // exact: ties go to the earlier row, as in SQLite
        if let a = approximate {
            order = "embedding <=> q.v"       // the index orders by distance alone
            settings = ["SET LOCAL enable_seqscan = off"]
            switch a.method {
            case .hnsw:
                settings.append("SET LOCAL hnsw.ef_search = \(a.efSearch)")
                if filtered { settings.append("SET LOCAL hnsw.iterative_scan = strict_order") }
            case .ivfflat:
                settings.append("SET LOCAL ivfflat.probes = \(a.probes)")
                if filtered { settings.append("SET LOCAL ivfflat.iterative_scan = relaxed_order") }
            }
        }
        let condition = filtered ? "WHERE metadata @> $2::jsonb" : ""
        let sql = """
            SELECT q.n, h.seq, h.id, h.d FROM unnest($1::\(columnType)[]) WITH ORDINALITY AS q(v, n)
            CROSS JOIN LATERAL (SELECT seq, id, embedding <=> q.v AS d FROM \(quoted) \(condition) ORDER BY \(order) LIMIT \(k)) h
            ORDER BY q.n, h.d, h.seq
            """
        return (settings, sql)
    }

    /// The query plan of one search (tests check which index a search uses).
    func explain(_ query: [Float], k: Int, approximate: ApproximateSearch?) throws -> String {
        let (settings, sql) = plan(k: k, approximate: approximate)
        let literal = "{\"[" + query.map(\.description).joined(separator: ",") + "]\"}"
        return try connection.transaction("explaining a search") {
            for s in settings { try connection.query(s, [], "setting up the search") }
            return try connection.query("EXPLAIN " + sql, [literal], "explaining a search")
                .compactMap { $0.first ?? nil }.joined(separator: "\n")
        }
    }
}

/// A reader over one tuple of a binary COPY stream (skipping the stream header when present).
struct BinaryRow {
    private let bytes: UnsafeRawBufferPointer
    private var at = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        let signature: [UInt8] = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]
        if bytes.count >= 19 && zip(bytes.prefix(11), signature).allSatisfy({ $0 == $1 }) {
            at = 15
            let extensionLength = Int(int32())
            at += extensionLength
        }
    }

    private mutating func int16() -> Int16 {
        guard at + 2 <= bytes.count else { at = bytes.count; return -1 }
        defer { at += 2 }
        return Int16(bigEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int16.self))
    }

    private mutating func int32() -> Int32 {
        guard at + 4 <= bytes.count else { at = bytes.count; return -1 }
        defer { at += 4 }
        return Int32(bigEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }

    /// The number of fields of the tuple (-1 for the trailer).
    mutating func fields() -> Int { Int(int16()) }

    /// The next field as UTF-8 text (nil for NULL or a short buffer).
    mutating func text() -> String? {
        let n = Int(int32())
        guard n >= 0, at + n <= bytes.count else { return nil }
        defer { at += n }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<at + n]), as: UTF8.self)
    }

    /// The next field as a pgvector `vector` (or `halfvec`) of `dimension` values, appended to
    /// `out`. False when it is NULL or of another dimension.
    mutating func vector(dimension: Int, half: Bool, into out: inout [Float]) -> Bool {
        let n = Int(int32())
        let width = half ? 2 : 4
        guard n == 4 + dimension * width, at + n <= bytes.count, Int(int16()) == dimension else { return false }
        at += 2
        for _ in 0..<dimension {
            if half {
                out.append(Float(Float16(bitPattern: UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self)))))
            } else {
                out.append(Float(bitPattern: UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))))
            }
            at += width
        }
        return true
    }
}

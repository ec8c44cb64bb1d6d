import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// A persistent store of document embeddings in one SQLite file: the documents, their vectors
/// (little-endian float32 blobs) and the model that made them.
///
/// Adding a corpus embeds only the ids the index lacks, one batch per transaction in WAL mode, so
/// a killed build loses at most the batch in flight and rerunning it resumes where it stopped.
/// An index refuses an embedder whose fingerprint or dimension differ from its own.
///
/// With `vectors` int8 or binary (`attune index --vectors`), the file also holds a code per
/// document (`codes(rowid, code)`: one byte or one bit per value) and, for int8, the per-dimension
/// ranges (`quantization(name, value)`: `lo` and `hi` as float32 blobs). The codes are derived from
/// the float32 vectors, which stay the truth: each `add` ends by learning the ranges from every
/// stored vector and re-encoding all codes in one transaction when documents were added (or the
/// codes are missing or damaged), so a killed build leaves codes that the rerun rebuilds. A search
/// scans only the codes (4× / 32× fewer bytes than float32, and that much less memory) and rescores
/// the best candidates with their float32 vectors, read by rowid (`QuantizedSearcher`).
public final class EmbeddingIndex: IndexStore {
    /// The schema this build writes and the newest it reads.
    public static let schemaVersion = 1
    /// The `format` value in the `meta` table that marks an Attune index.
    public static let format = "attune-index"
    /// The largest vector length an index may declare (pgvector's own limit is 16,000).
    public static let maxDimension = 65_536
    /// The largest `max_seq_length` an index may declare.
    public static let maxSeqLengthLimit = 1 << 20

    /// The index file.
    public let url: URL
    /// The fingerprint of the model whose vectors the index holds.
    public let fingerprint: String
    /// The vector length.
    public let dimension: Int
    /// The model's maximum sequence length when the index was built.
    public let maxSeqLength: Int
    /// The model's name (without its precision), to reopen it and for messages.
    public let modelName: String
    /// The encoder arithmetic the documents were embedded at.
    public let encoderPrecision: Precision
    /// The prompt the documents were embedded with (nil: not recorded, an older index).
    public let documentPrompt: String?
    /// The number of documents stored.
    public private(set) var count: Int
    /// How the scan reads the vectors (`attune index --vectors`; the meta row `vectors`, f32 when absent).
    public let vectors: VectorEncoding
    /// What `search` scans: the index's own `vectors`, or f32 (exact search over the float32
    /// vectors every index keeps); see `setScan`.
    public private(set) var scan: VectorEncoding
    /// Candidates a quantized scan passes to float32 rescoring (nil: `scan.defaultRescore(k:)`).
    public var rescore: Int?
    /// Binary: Hamming candidates re-ranked by the float query against their sign bits before
    /// rescoring (nil: `scan.defaultRerank(rescore:)`; at most the rescore count: no such stage).
    public var rerank: Int?

    private let db: SQLiteDatabase
    /// The loaded matrix, for `search`.
    private var searcher: ExactSearcher?
    /// The loaded codes, for a quantized `search`.
    private var quantized: QuantizedSearcher?
    /// Rescoring's statement, prepared once.
    private var vectorByRowid: SQLiteStatement?

    private init(url: URL, db: SQLiteDatabase, meta: [String: String]) throws {
        let path = url.path
        func field(_ key: String) throws -> String {
            guard let v = meta[key] else {
                throw AttuneError.invalidFile(path: path, what: "index meta table lacks \"\(key)\"")
            }
            return v
        }
        // Bounded, so a damaged or hostile meta row is an error here, not a failed allocation
        // (or an overflowing `count × dimension`) when the vectors are read.
        func positive(_ key: String, atMost limit: Int) throws -> Int {
            guard let v = Int(try field(key)), v > 0 else {
                throw AttuneError.invalidFile(path: path, what: "index meta \"\(key)\" is not a positive integer")
            }
            guard v <= limit else {
                throw AttuneError.invalidFile(path: path, what: "index meta \"\(key)\" is \(v), more than any model makes (at most \(limit))")
            }
            return v
        }
        self.url = url
        self.db = db
        fingerprint = try field("model_fingerprint")
        guard let (name, encoder) = IndexMeta.stored(modelName: try field("model_name"), precision: meta["encoder_precision"]) else {
            throw AttuneError.invalidFile(path: path, what: "index meta \"encoder_precision\" is \"\(meta["encoder_precision"] ?? "")\"; expected fp32, bf16 or int8")
        }
        modelName = name
        encoderPrecision = encoder
        dimension = try positive("dimension", atMost: Self.maxDimension)
        maxSeqLength = try positive("max_seq_length", atMost: Self.maxSeqLengthLimit)
        documentPrompt = meta["document_prompt"]
        guard let kind = VectorEncoding(rawValue: meta["vectors"] ?? "f32") else {
            throw AttuneError.invalidFile(path: path, what: "index meta \"vectors\" is \"\(meta["vectors"] ?? "")\"; expected f32, int8 or binary")
        }
        vectors = kind
        scan = kind
        let counter = try db.prepare("SELECT COUNT(*) FROM docs")
        try counter.step()
        count = counter.int(0)
    }

    // MARK: creating and opening

    /// Create a new, empty index at `url` for `embedder`'s model. The file is built beside its
    /// destination and renamed into place, so it appears whole or not at all. Refuses to replace
    /// an existing file (open it to resume, or delete it to start again).
    public static func create(at url: URL, embedder: Embedder, vectors: VectorEncoding = .f32) throws -> EmbeddingIndex {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) {
            throw AttuneError.invalidFile(path: url.path, what: "already exists (open it to add to it, or delete it to start again)")
        }
        guard embedder.dimension > 0, embedder.maxSeqLength > 0 else {
            throw AttuneError.invalid("\(embedder.name): dimension and max sequence length must be positive")
        }
        let dir = url.deletingLastPathComponent()
        do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw AttuneError.invalidFile(path: dir.path, what: "cannot create the folder: \(error.localizedDescription)")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: tmp)
        do {
            try writeEmptyIndex(at: tmp, embedder: embedder, vectors: vectors)
            if rename(tmp.path, url.path) != 0 {
                throw AttuneError.invalidFile(path: url.path, what: "could not move the new index into place (\(String(cString: strerror(errno))))")
            }
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: tmp.path + suffix) }
            throw error
        }
        return try open(url)
    }

    /// The schema and meta rows, written to `url` and closed (the connection ends with this call).
    private static func writeEmptyIndex(at url: URL, embedder: Embedder, vectors: VectorEncoding) throws {
        let db = try SQLiteDatabase(url, mode: .create)
        // Large pages pack 1.5 KB vector rows densely (4 KB pages leave a quarter of the file empty).
        try db.exec("PRAGMA page_size=16384")
        try db.transaction {
            try db.exec("""
                CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE docs(id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL);
                """)
            if vectors != .f32 {
                try db.exec("""
                    CREATE TABLE codes(rowid INTEGER PRIMARY KEY, code BLOB NOT NULL);
                    CREATE TABLE quantization(name TEXT PRIMARY KEY, value BLOB NOT NULL);
                    """)
            }
            let insert = try db.prepare("INSERT INTO meta(key, value) VALUES (?, ?)")
            let rows: [(String, String)] = [
                ("format", format),
                ("schema_version", String(schemaVersion)),
                ("model_fingerprint", embedder.fingerprint),
                ("model_name", embedder.modelName),
                ("encoder_precision", embedder.precision.rawValue),
                ("dimension", String(embedder.dimension)),
                ("max_seq_length", String(embedder.maxSeqLength)),
                ("document_prompt", embedder.documentPrompt),
                ("vectors", vectors.rawValue),
                ("created", ISO8601DateFormatter().string(from: Date())),
            ]
            for (key, value) in rows {
                insert.reset()
                try insert.bind(1, key)
                try insert.bind(2, value)
                try insert.step()
            }
        }
        // WAL is a property of the file: set once here, kept by every later connection.
        try db.exec("PRAGMA journal_mode=WAL")
    }

    /// Open an existing index. Refuses a file that is not an Attune index, or one written by a
    /// newer schema version.
    public static func open(_ url: URL) throws -> EmbeddingIndex {
        let path = url.path
        let db = try SQLiteDatabase(url, mode: .readWrite)
        let notIndex = { (why: String) in AttuneError.invalidFile(path: path, what: "not an Attune index (\(why))") }
        var tables = Set<String>()
        do {
            let list = try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            while try list.step() { tables.insert(list.text(0)) }
        } catch AttuneError.invalidFile(_, "not a SQLite database") {
            throw notIndex("not a SQLite database")
        }
        guard tables.contains("meta") else { throw notIndex("no meta table") }
        var meta: [String: String] = [:]
        do {
            let read = try db.prepare("SELECT key, value FROM meta")
            while try read.step() { meta[read.text(0)] = read.text(1) }
        } catch {
            throw notIndex("its meta table is not Attune's")
        }
        guard meta["format"] == format else {
            throw notIndex(meta["format"].map { "format is \"\($0)\"" } ?? "no format in its meta table")
        }
        guard let version = meta["schema_version"].flatMap({ Int($0) }), version >= 1 else {
            throw AttuneError.invalidFile(path: path, what: "index schema_version is missing or invalid")
        }
        if version > schemaVersion {
            throw AttuneError.invalidFile(path: path, what: "written by a newer Attune (index schema version \(version); this build reads up to \(schemaVersion))")
        }
        guard tables.contains("docs") else { throw notIndex("no docs table") }
        if let v = meta["vectors"], let kind = VectorEncoding(rawValue: v), kind != .f32, !(tables.contains("codes") && tables.contains("quantization")) {
            throw AttuneError.invalidFile(path: path, what: "index meta says --vectors \(v) but the file has no codes or quantization table (damaged); build the index again")
        }
        try db.exec("PRAGMA synchronous=NORMAL")
        return try EmbeddingIndex(url: url, db: db, meta: meta)
    }

    /// Open the index at `url` if it exists (checking it matches `embedder`, and `vectors` when
    /// given), else create it (`vectors` nil: f32).
    public static func openOrCreate(at url: URL, embedder: Embedder, vectors: VectorEncoding? = nil) throws -> EmbeddingIndex {
        guard FileManager.default.fileExists(atPath: url.path) else { return try create(at: url, embedder: embedder, vectors: vectors ?? .f32) }
        let index = try open(url)
        try index.checkCompatible(with: embedder)
        if let vectors, vectors != index.vectors {
            throw AttuneError.invalidFile(path: url.path, what: "was built with --vectors \(index.vectors.rawValue), not \(vectors.rawValue); add to it with --vectors \(index.vectors.rawValue), or build a new index")
        }
        return index
    }

    /// Search by `kind`: the index's own `vectors`, or f32 (exact, from the float32 vectors every
    /// index keeps). Another quantization is refused, naming both.
    public func setScan(_ kind: VectorEncoding) throws {
        guard kind == .f32 || kind == vectors else {
            throw AttuneError.invalidFile(path: url.path, what: "was built with --vectors \(vectors.rawValue), so it has no \(kind.rawValue) codes; search it with --vectors \(vectors.rawValue) (or f32, exact), or build an index with --vectors \(kind.rawValue)")
        }
        scan = kind
    }

    // MARK: IndexStore

    /// Checks `request` against the file: nothing is built for a SQLite index.
    public func prepare(_ request: SearchRequest) throws -> String? {
        if !request.filter.isEmpty {
            throw SearchRequest.Unsupported(location: url.path, setting: .filter, reason: "needs a PostgreSQL index (postgresql://…), which stores the corpus metadata")
        }
        if request.approximate != nil {
            throw SearchRequest.Unsupported(location: url.path, setting: .approximate, reason: "needs a PostgreSQL index (postgresql://…); a SQLite index is searched exactly")
        }
        if let kind = request.scan, kind != .f32, kind != vectors {
            throw AttuneError.invalidFile(path: url.path, what: "was built with --vectors \(vectors.rawValue), so it has no \(kind.rawValue) codes; search it with --vectors \(vectors.rawValue) (or f32, exact), or build an index with --vectors \(kind.rawValue)")
        }
        if request.rescore != nil && (request.scan ?? scan) == .f32 {
            throw SearchRequest.Unsupported(location: url.path, setting: .rescore, reason: "has nothing to rescore: the index is searched exactly (f32); build it with int8 or binary vectors")
        }
        return nil
    }

    public var location: String { url.path }

    public var meta: IndexMeta {
        IndexMeta(fingerprint: fingerprint, modelName: modelName, dimension: dimension, maxSeqLength: maxSeqLength, precision: .float32,
                  documentPrompt: documentPrompt, encoderPrecision: encoderPrecision)
    }

    public func presentIDs() throws -> Set<String> {
        var present = Set<String>(minimumCapacity: count)
        let ids = try db.prepare("SELECT id FROM docs")
        while try ids.step() { present.insert(ids.text(0)) }
        return present
    }

    public func write(_ batch: ArraySlice<Document>, vectors: Tensor) throws -> Int {
        precondition(vectors.shape == [batch.count, dimension], "EmbeddingIndex.write: vectors \(vectors.shape) for \(batch.count) documents")
        let insert = try db.prepare("INSERT OR IGNORE INTO docs(id, title, text, vector) VALUES (?, ?, ?, ?)")
        let stored = try db.transaction { () -> Int in
            var stored = 0
            for (row, doc) in batch.enumerated() {
                insert.reset()
                try insert.bind(1, doc.id)
                try insert.bind(2, doc.title)
                try insert.bind(3, doc.text)
                try insert.bind(4, floats: UnsafeBufferPointer(start: vectors.data + row * dimension, count: dimension))
                try insert.step()
                stored += db.changes
            }
            return stored
        }
        count += stored
        if stored > 0 { searcher = nil; quantized = nil }
        return stored
    }

    /// Top-`request.k` by the request's scan (nil: `scan`): exact with BLAS over the whole float32
    /// matrix, or the quantized scan with float32 rescoring of `request.rescore` (nil: `rescore`)
    /// candidates. What it reads is loaded on the first search and kept until the next write. A
    /// filter or an approximate search is refused: a SQLite index keeps no metadata and is
    /// searched exactly.
    public func search(_ queries: Tensor, _ request: SearchRequest) throws -> [[Hit]] {
        _ = try prepare(request)
        let k = request.k
        let scan = request.scan ?? self.scan
        if scan != .f32 {
            if quantized == nil { quantized = try loadQuantized() }
            return try quantized!.search(queries, k: k, rescore: max(request.rescore ?? rescore ?? scan.defaultRescore(k: k), k), rerank: rerank)
        }
        if searcher == nil {
            let (ids, vectors) = try loadMatrix()
            searcher = ExactSearcher(ids: ids, vectors: vectors)
        }
        return try searcher!.search(queries, k: k)
    }

    private func currentCount() throws -> Int {
        let counter = try db.prepare("SELECT COUNT(*) FROM docs")
        try counter.step()
        return counter.int(0)
    }

    // MARK: reading

    /// Every stored id and vector, in insertion order: `vectors` is `[ids.count, dimension]`.
    public func loadMatrix() throws -> (ids: [String], vectors: Tensor) {
        let all = try loadRows()
        return (all.ids, all.vectors)
    }

    /// `loadMatrix` with each row's SQLite rowid.
    private func loadRows() throws -> (rowids: [Int], ids: [String], vectors: Tensor) {
        try db.transaction(write: false) {
            let n = try currentCount()
            let (floats, overflow) = n.multipliedReportingOverflow(by: dimension)
            guard !overflow, floats <= Int(Int32.max) * 64 else {
                throw AttuneError.invalidFile(path: url.path, what: "\(n) documents of dimension \(dimension) are too many to load")
            }
            let vectors = Tensor(zeros: [n, dimension])
            var ids: [String] = [], rowids: [Int] = []
            ids.reserveCapacity(n)
            rowids.reserveCapacity(n)
            let rows = try db.prepare("SELECT id, vector, rowid FROM docs ORDER BY rowid")
            while try rows.step() {
                let id = rows.text(0)
                guard ids.count < n else { break }
                guard rows.floats(1, into: vectors.data + ids.count * dimension, count: dimension) else {
                    throw AttuneError.invalidFile(path: url.path, what: "document \"\(id)\" has a vector of \(rows.byteCount(1)) bytes; expected \(dimension * 4) (dimension \(dimension))")
                }
                ids.append(id)
                rowids.append(rows.int(2))
            }
            count = n
            return (rowids, ids, vectors)
        }
    }

    // MARK: quantized codes

    /// After writes: when the index is quantized and its codes do not cover every document (or
    /// are damaged), learn the ranges from every stored vector and rewrite all codes, in one
    /// transaction.
    public func finishWrites() throws {
        guard vectors != .f32 else { return }
        if let ready = try? loadQuantized() {
            quantized = ready
            return
        }
        let (rowids, _, matrix) = try loadRows()
        let codes = QuantizedCodes.encode(matrix, as: vectors)
        try db.transaction {
            try db.exec("DELETE FROM codes; DELETE FROM quantization;")
            if let q = codes.quantizer {
                let put = try db.prepare("INSERT INTO quantization(name, value) VALUES (?, ?)")
                for (name, values) in [("lo", q.lo), ("hi", q.hi)] {
                    put.reset()
                    try put.bind(1, name)
                    try values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { try put.bind(2, bytes: $0) }
                    try put.step()
                }
            }
            let insert = try db.prepare("INSERT INTO codes(rowid, code) VALUES (?, ?)")
            for (i, rowid) in rowids.enumerated() {
                insert.reset()
                try insert.bind(1, rowid)
                try codes.code(i).withUnsafeBytes { try insert.bind(2, bytes: $0) }
                try insert.step()
            }
        }
        quantized = nil
    }

    /// The codes and ranges as a searcher; an error naming the index when they are missing, do
    /// not cover every document, or are damaged (the fix: rerun `attune index` on it, which
    /// rebuilds them from the float32 vectors).
    private func loadQuantized() throws -> QuantizedSearcher {
        let kind = vectors, d = dimension, path = url.path
        func damaged(_ what: String) -> AttuneError {
            .invalidFile(path: path, what: "its \(kind.rawValue) \(what); rerun `attune index --vectors \(kind.rawValue)` on it to rebuild them from the stored float32 vectors")
        }
        return try db.transaction(write: false) {
            let n = try currentCount()
            let coded = try db.prepare("SELECT COUNT(*) FROM codes")
            try coded.step()
            if coded.int(0) != n { throw damaged("codes cover \(coded.int(0)) of \(n) documents (an interrupted build)") }
            var quantizer: Int8Quantizer? = nil
            if kind == .int8 {
                var ranges: [String: [Float]] = [:]
                let read = try db.prepare("SELECT name, value FROM quantization")
                while try read.step() {
                    var v = [Float](repeating: 0, count: d)
                    guard v.withUnsafeMutableBytes({ read.bytes(1, into: $0.baseAddress!, count: 4 * d) }) else {
                        throw damaged("quantization table is corrupt (\"\(read.text(0))\" holds \(read.byteCount(1)) bytes, not \(4 * d))")
                    }
                    ranges[read.text(0)] = v.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) }
                }
                guard let lo = ranges["lo"], let hi = ranges["hi"] else { throw damaged("quantization table lacks its ranges (lo, hi)") }
                do { quantizer = try Int8Quantizer(lo: lo, hi: hi, dimension: d) } catch let e as AttuneError {
                    throw damaged("quantization table is corrupt (\(e))")
                }
            }
            let bytes = kind.codeBytes(dimension: d)
            var ids: [String] = [], rowids: [Int] = []
            ids.reserveCapacity(n); rowids.reserveCapacity(n)
            var int8 = [UInt8](), words = [UInt64]()
            if kind == .int8 { int8 = [UInt8](repeating: 0, count: n * d) } else { words = [UInt64](repeating: 0, count: n * bytes / 8) }
            let rows = try db.prepare("SELECT d.rowid, d.id, c.code FROM docs d JOIN codes c ON c.rowid = d.rowid ORDER BY d.rowid")
            while try rows.step() {
                let i = ids.count
                guard i < n else { break }
                let ok = kind == .int8 ? int8.withUnsafeMutableBytes { rows.bytes(2, into: $0.baseAddress! + i * bytes, count: bytes) }
                                       : words.withUnsafeMutableBytes { rows.bytes(2, into: $0.baseAddress! + i * bytes, count: bytes) }
                guard ok else { throw damaged("code of document \"\(rows.text(1))\" is \(rows.byteCount(2)) bytes, not \(bytes) (codes are damaged)") }
                rowids.append(rows.int(0))
                ids.append(rows.text(1))
            }
            guard ids.count == n else { throw damaged("codes cover \(ids.count) of \(n) documents (an interrupted build)") }
            count = n
            let codes = kind == .int8 ? QuantizedCodes(int8: int8, quantizer: quantizer!, count: n)
                                      : QuantizedCodes(binary: words.map { UInt64(littleEndian: $0) }, dimension: d, count: n)
            return QuantizedSearcher(ids: ids, codes: codes, fetch: { [unowned self] rows in try self.vectors(rowids: rows.map { rowids[$0] }) })
        }
    }

    /// The float32 vectors of these SQLite rowids, `[rowids.count, dimension]`, in that order.
    private func vectors(rowids: [Int]) throws -> Tensor {
        let out = Tensor(zeros: [rowids.count, dimension])
        if vectorByRowid == nil { vectorByRowid = try db.prepare("SELECT vector FROM docs WHERE rowid = ?") }
        let read = vectorByRowid!
        for (i, r) in rowids.enumerated() {
            read.reset()
            try read.bind(1, r)
            guard try read.step(), read.floats(0, into: out.data + i * dimension, count: dimension) else {
                read.reset()
                throw AttuneError.invalidFile(path: url.path, what: "the vector of row \(r) is missing or not \(dimension) float32 values")
            }
        }
        read.reset()  // no statement left open on the file
        return out
    }

    /// The stored document with this id, or nil.
    public func document(_ id: String) throws -> Document? {
        let find = try db.prepare("SELECT title, text FROM docs WHERE id = ?")
        try find.bind(1, id)
        guard try find.step() else { return nil }
        return Document(id: id, title: find.text(0), text: find.text(1))
    }
}

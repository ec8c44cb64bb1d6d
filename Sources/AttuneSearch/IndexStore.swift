import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// How an index stores its vectors.
public enum VectorPrecision: String, Sendable, CaseIterable {
    /// 32-bit floats (SQLite blobs; pgvector `vector`).
    case float32
    /// 16-bit floats (pgvector `halfvec`): half the space, about 3 decimal digits per value.
    case float16
}

/// What an index knows about the vectors it holds: the model that made them and how they are kept.
public struct IndexMeta: Sendable, Equatable {
    /// The fingerprint of the model whose vectors the index holds.
    public var fingerprint: String
    /// The model's name, for messages.
    public var modelName: String
    /// The vector length.
    public var dimension: Int
    /// The model's maximum sequence length when the index was built.
    public var maxSeqLength: Int
    /// How the vectors are stored.
    public var precision: VectorPrecision
    /// The prompt prepended to every document when it was embedded ("" for none); nil for an index
    /// built before Attune recorded it (then not checked).
    public var documentPrompt: String?
    /// The arithmetic of the encoder that embedded the documents (queries must be embedded the
    /// same way: its vectors differ slightly from fp32's).
    public var encoderPrecision: Precision

    public init(fingerprint: String, modelName: String, dimension: Int, maxSeqLength: Int, precision: VectorPrecision,
                documentPrompt: String?, encoderPrecision: Precision = .fp32) {
        self.fingerprint = fingerprint; self.modelName = modelName; self.dimension = dimension
        self.maxSeqLength = maxSeqLength; self.precision = precision; self.documentPrompt = documentPrompt
        self.encoderPrecision = encoderPrecision
    }

    /// The meta of an index built by `embedder`.
    public init(embedder: Embedder, precision: VectorPrecision = .float32) {
        self.init(fingerprint: embedder.fingerprint, modelName: embedder.modelName, dimension: embedder.dimension,
                  maxSeqLength: embedder.maxSeqLength, precision: precision, documentPrompt: embedder.documentPrompt,
                  encoderPrecision: embedder.precision)
    }

    /// The model name and encoder precision of a stored meta row: `precision` when the row has
    /// one, else the suffix an index written before Attune recorded it carries in the name
    /// ("all-MiniLM-L6-v2 [int8]" → ("all-MiniLM-L6-v2", .int8)); nil for a value no Attune wrote.
    public static func stored(modelName: String, precision: String?) -> (modelName: String, precision: Precision)? {
        if let precision { return Precision(rawValue: precision).map { (modelName, $0) } }
        for p in Precision.allCases where p != .fp32 && modelName.hasSuffix(" [\(p.rawValue)]") {
            return (String(modelName.dropLast(p.rawValue.count + 3)), p)
        }
        return (modelName, .fp32)
    }
}

/// A persistent store of document embeddings: the SQLite file (`EmbeddingIndex`) or a PostgreSQL
/// table with pgvector (`PostgresStore`). Building, resuming, sharding and searching are written
/// once against this protocol (see the extension below).
public protocol IndexStore: AnyObject {
    /// Where the index lives, for messages: a file path, or a URL without its password.
    var location: String { get }
    /// The model and storage of the vectors.
    var meta: IndexMeta { get }
    /// Documents stored, as of this handle's last read or write.
    var count: Int { get }
    /// Every stored id.
    func presentIDs() throws -> Set<String>
    /// Store one batch (`vectors` is `[docs.count, dimension]`) in one transaction: all of it or
    /// none. Ids already present are left as they are. Returns the number of rows added.
    func write(_ docs: ArraySlice<Document>, vectors: Tensor) throws -> Int
    /// Every stored id and vector, in insertion order: `vectors` is `[ids.count, dimension]`.
    func loadMatrix() throws -> (ids: [String], vectors: Tensor)
    /// Top-`request.k` by cosine for each row of `queries` (`[queries, dimension]`), best first;
    /// `k` is clamped to the number of documents. A setting of `request` this store cannot honour
    /// is refused (`SearchRequest.Unsupported`, naming the setting), never ignored.
    func search(_ queries: Tensor, _ request: SearchRequest) throws -> [[Hit]]
    /// Make the store ready for `request`: an approximate index it asks for and the store lacks is
    /// built (a PostgreSQL table's pgvector index). Returns a note of what was built, nil when
    /// nothing was; refuses a request the store cannot serve, as `search` does.
    func prepare(_ request: SearchRequest) throws -> String?
    /// The stored document with this id, or nil.
    func document(_ id: String) throws -> Document?
    /// Called by `add` after its last batch: derived data (a SQLite index's quantized codes) is
    /// brought up to date. Nothing by default.
    func finishWrites() throws
}

/// One search as a value: the top `k`, and what else the store is asked for. Each store honours
/// what it supports and refuses the rest by the setting's name (`SearchRequest.Unsupported`), so a
/// caller builds one request whatever the store.
public struct SearchRequest: Sendable, Equatable {
    /// Hits per query (clamped to the documents stored).
    public var k: Int
    /// Only documents whose corpus metadata has every key with that value (PostgreSQL, which
    /// stores the metadata). Empty: every document.
    public var filter: [String: String]
    /// Search through a pgvector index (PostgreSQL); nil: exact.
    public var approximate: ApproximateSearch?
    /// What a SQLite index scans: the codes it was built with, or `.f32` (exact over its float32
    /// vectors); nil: the index's own.
    public var scan: VectorEncoding?
    /// Candidates of an int8 or binary scan rescored with their float32 vectors (SQLite); nil:
    /// the scan's default (`VectorEncoding.defaultRescore(k:)`).
    public var rescore: Int?

    public init(k: Int, filter: [String: String] = [:], approximate: ApproximateSearch? = nil,
                scan: VectorEncoding? = nil, rescore: Int? = nil) {
        self.k = k; self.filter = filter; self.approximate = approximate; self.scan = scan; self.rescore = rescore
    }

    /// The settings of a request, by the names errors use.
    public enum Setting: String, Sendable, CaseIterable {
        case filter, approximate, scan, rescore
    }

    /// A store's refusal of one setting: "`location`: `setting` `reason`". A program maps the
    /// setting to its own name for it (the CLI to its flag) before showing it.
    public struct Unsupported: Error, Equatable, CustomStringConvertible {
        public var location: String
        public var setting: Setting
        /// The rest of the sentence after the setting's name.
        public var reason: String

        public init(location: String, setting: Setting, reason: String) {
            self.location = location; self.setting = setting; self.reason = reason
        }

        /// The line with `name` for the setting.
        public func line(naming name: String) -> String { "\(location): \(name) \(reason)" }
        public var description: String { line(naming: setting.rawValue) }
    }
}

/// Which of N shards a writer fills: shard I (1…N) owns the documents whose id's FNV-1a hash is
/// I−1 modulo N, so N writers on N machines, each given its own I, cover the corpus exactly once.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1…count.
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw SettingError(setting: "shard", value: "\(index)/\(count)", what: "shards are numbered 1…N with N ≥ 1, as in 2/4")
        }
        self.index = index
        self.count = count
    }

    /// Parse `I/N`, e.g. `2/4`; a `SettingError` naming `shard` otherwise.
    public init(parsing spec: String) throws {
        let parts = spec.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw SettingError(setting: "shard", value: "\"\(spec)\"", what: "expected I/N, e.g. 2/4 (shard 2 of 4)")
        }
        try self.init(index: i, count: n)
    }

    /// Does this shard own document `id`?
    public func contains(_ id: String) -> Bool {
        Int(FNV1a64.hash(id) % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}

/// What `IndexStore.add` did.
public struct AddResult: Sendable, Equatable {
    /// Documents embedded and stored by this call.
    public var added: Int
    /// Documents skipped because the index already had their id (or they repeated an id).
    public var skipped: Int
    /// Documents left to other shards.
    public var otherShards: Int
}

extension IndexStore {
    public func finishWrites() throws {}

    /// Exact top-`k`: `search(queries, SearchRequest(k: k))`.
    public func search(_ queries: Tensor, k: Int) throws -> [[Hit]] {
        try search(queries, SearchRequest(k: k))
    }

    /// Throw unless `embedder` makes the vectors this index holds: same fingerprint, dimension and
    /// document prompt (the check before embedding queries to search it, or documents to add).
    /// An index that did not record its document prompt (built before Attune did) is not checked
    /// for it.
    public func checkCompatible(with embedder: Embedder) throws {
        if embedder.fingerprint != meta.fingerprint {
            throw AttuneError.invalidFile(path: location, what: "built with model \"\(meta.modelName)\" (fingerprint \(meta.fingerprint.prefix(16))), but the embedder is \"\(embedder.name)\" (fingerprint \(embedder.fingerprint.prefix(16))); use the index's model or build a new index")
        }
        if embedder.dimension != meta.dimension {
            throw AttuneError.invalidFile(path: location, what: "holds \(meta.dimension)-dimensional vectors (built with --dim \(meta.dimension)), but \"\(embedder.name)\" here makes \(embedder.dimension)-dimensional ones (--dim \(embedder.dimension)); use --dim \(meta.dimension), or build a new index")
        }
        if let built = meta.documentPrompt, built != embedder.documentPrompt {
            let fix = built.isEmpty ? "with a model whose documents take no prompt" : "with --document-prompt \(jsonQuoted(built))"
            throw AttuneError.invalidFile(path: location, what: "built with document prompt \(jsonQuoted(built)), but \"\(embedder.name)\" here prepends \(jsonQuoted(embedder.documentPrompt)) to documents; use the index \(fix), or build a new index")
        }
    }

    /// Embed and store every document (of `shard`, when given) whose id the index lacks,
    /// `batchSize` at a time, each batch in its own transaction, so a killed build loses at most
    /// the batch in flight and a rerun does the rest. Documents already present (or repeated
    /// within `docs`) are skipped without being embedded; their stored text is not compared.
    /// `progress` is called after each batch with the documents embedded so far and the number
    /// to embed.
    @discardableResult
    public func add(_ docs: [Document], embedder: Embedder, batchSize: Int = 256, shard: Shard? = nil,
                    progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> AddResult {
        try checkCompatible(with: embedder)
        if embedder.maxSeqLength != meta.maxSeqLength {
            throw AttuneError.invalidFile(path: location, what: "built with max sequence length \(meta.maxSeqLength), but the embedder truncates at \(embedder.maxSeqLength)")
        }
        guard batchSize > 0 else { throw AttuneError.invalid("batch size must be positive, got \(batchSize)") }

        let mine = shard.map { s in docs.filter { s.contains($0.id) } } ?? docs
        var present = try presentIDs()
        var todo: [Document] = []
        for doc in mine where present.insert(doc.id).inserted { todo.append(doc) }

        var added = 0, done = 0
        for start in stride(from: 0, to: todo.count, by: batchSize) {
            let batch = todo[start..<min(todo.count, start + batchSize)]
            let vectors = try embedder.embed(batch.map(\.embeddingText))
            try validate(vectors, for: batch, embedder: embedder)
            added += try write(batch, vectors: vectors)
            done += batch.count
            progress?(done, todo.count)
        }
        try finishWrites()
        return AddResult(added: added, skipped: mine.count - added, otherShards: docs.count - mine.count)
    }

    /// Throw unless `vectors` is `[batch.count, dimension]` and finite.
    private func validate(_ vectors: Tensor, for batch: ArraySlice<Document>, embedder: Embedder) throws {
        let dimension = meta.dimension
        guard vectors.shape == [batch.count, dimension] else {
            throw AttuneError.invalid("\(embedder.name) returned shape \(vectors.shape) for \(batch.count) texts; expected [\(batch.count), \(dimension)]")
        }
        for (row, doc) in batch.enumerated() {
            let v = vectors.data + row * dimension
            for j in 0..<dimension where !v[j].isFinite {
                throw AttuneError.invalid("\(embedder.name) returned a non-finite value for document \"\(doc.id)\"")
            }
        }
    }
}

/// Open the index at `location`: a `postgresql://` URL (see `PostgresLocation`) or a SQLite file.
public func openIndexStore(_ location: String) throws -> IndexStore {
    if PostgresLocation.isURL(location) { return try PostgresStore.open(PostgresLocation(location)) }
    return try EmbeddingIndex.open(URL(fileURLWithPath: location))
}

/// Open the index at `location` (checking it holds `embedder`'s vectors), or create it.
/// `precision` applies to a new PostgreSQL table (`float16` stores `halfvec`); SQLite stores float32.
/// `vectors` (nil: an existing index's own, f32 for a new one) is for SQLite: a PostgreSQL index
/// with int8 or binary is refused (pgvector scans its own `vector`/`halfvec` column; use
/// `--storage float16` or `--ann` there).
public func openOrCreateIndexStore(_ location: String, embedder: Embedder, precision: VectorPrecision = .float32,
                                   vectors: VectorEncoding? = nil) throws -> IndexStore {
    if PostgresLocation.isURL(location) {
        let pg = try PostgresLocation(location)
        if let vectors, vectors != .f32 {
            throw AttuneError.invalid("\(pg): --vectors \(vectors.rawValue) is for SQLite indexes; a PostgreSQL index is scanned by pgvector (use --storage float16 for halfvec, or --ann hnsw|ivfflat)")
        }
        return try PostgresStore.openOrCreate(pg, embedder: embedder, precision: precision)
    }
    guard precision == .float32 else {
        throw AttuneError.invalid("\(location): a SQLite index stores float32 vectors; --storage \(precision.rawValue) needs a PostgreSQL index (postgresql://…)")
    }
    return try EmbeddingIndex.openOrCreate(at: URL(fileURLWithPath: location), embedder: embedder, vectors: vectors)
}

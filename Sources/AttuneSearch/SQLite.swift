import AttuneCore
import AttuneData
import CSQLite
import Foundation

/// SQLite's "copy the bytes now" destructor, which Swift cannot import as a macro.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Is this machine little-endian (so Float memory is already the on-disk blob layout)?
private let hostIsLittleEndian = 1.littleEndian == 1

/// A thin, safe wrapper over one SQLite connection. Every failure becomes an `AttuneError` naming
/// the database file. Not thread-safe: one connection per thread, as SQLite intends.
final class SQLiteDatabase {
    /// How to open the file.
    enum Mode {
        /// Read only; the file must exist.
        case readOnly
        /// Read and write; the file must exist.
        case readWrite
        /// Read and write, creating the file if it is absent.
        case create
    }

    /// The database file, as named in errors.
    let path: String
    fileprivate let handle: OpaquePointer

    /// Open `url`. A missing file is `fileNotFound` unless `mode` is `.create`. SQLite opens
    /// lazily, so a file that is not a database is only reported at the first statement.
    init(_ url: URL, mode: Mode) throws {
        path = url.path
        if mode != .create && !FileManager.default.fileExists(atPath: path) {
            throw AttuneError.fileNotFound(path: path)
        }
        var flags: Int32
        switch mode {
        case .readOnly: flags = SQLITE_OPEN_READONLY
        case .readWrite: flags = SQLITE_OPEN_READWRITE
        case .create: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        flags |= SQLITE_OPEN_NOMUTEX
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_close_v2(db)
            throw AttuneError.invalidFile(path: path, what: "cannot open the database: \(msg)")
        }
        handle = db
        sqlite3_busy_timeout(db, 10_000)
    }

    deinit { sqlite3_close_v2(handle) }

    /// The error for result code `rc` while doing `context`.
    func error(_ rc: Int32, _ context: String) -> AttuneError {
        let primary = rc & 0xff
        if primary == SQLITE_NOTADB {
            return .invalidFile(path: path, what: "not a SQLite database")
        }
        let msg = String(cString: sqlite3_errmsg(handle))
        return .invalidFile(path: path, what: "SQLite error while \(context): \(msg)\(systemReason(rc))")
    }

    /// For an I/O or full-disk error, the system's reason in parentheses (" (File too large)"):
    /// SQLite's own message for a failed write is only "disk I/O error", and the error number it
    /// keeps is often gone by then, so a lack of room is then found by looking (`outOfRoomReason`).
    func systemReason(_ rc: Int32) -> String {
        let primary = rc & 0xff
        guard primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN else { return "" }
        let errno = sqlite3_system_errno(handle)
        if errno != 0 { return " (\(String(cString: strerror(errno))))" }
        return outOfRoomReason(for: path).map { " (\($0))" } ?? ""
    }

    /// Run one or more statements that return no rows.
    func exec(_ sql: String) throws {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let msg = errmsg.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
            sqlite3_free(errmsg)
            if rc & 0xff == SQLITE_NOTADB { throw error(rc, "") }
            throw AttuneError.invalidFile(path: path, what: "SQLite error running \"\(sql.prefix(60))\": \(msg)\(systemReason(rc))")
        }
    }

    /// A prepared statement for `sql`.
    func prepare(_ sql: String) throws -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            sqlite3_finalize(stmt)
            throw error(rc, "preparing \"\(sql.prefix(60))\"")
        }
        return SQLiteStatement(db: self, stmt: stmt)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Run `body` in one transaction: committed if it returns, rolled back if it throws. A write
    /// transaction takes the write lock at once; a read one sees one consistent snapshot.
    func transaction<T>(write: Bool = true, _ body: () throws -> T) throws -> T {
        try exec(write ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try exec("COMMIT")
            return result
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }

    /// Switch to write-ahead logging: readers never block the writer, and each commit is durable
    /// once it returns, so a killed process loses only its uncommitted transaction.
    func enableWAL() throws {
        try exec("PRAGMA journal_mode=WAL")
        try exec("PRAGMA synchronous=NORMAL")
    }
}

/// One prepared statement. Bind parameters (1-based), `step` through rows, read columns (0-based).
final class SQLiteStatement {
    private let db: SQLiteDatabase
    private let stmt: OpaquePointer

    fileprivate init(db: SQLiteDatabase, stmt: OpaquePointer) {
        self.db = db
        self.stmt = stmt
    }

    deinit { sqlite3_finalize(stmt) }

    private func check(_ rc: Int32, _ what: String) throws {
        if rc != SQLITE_OK { throw db.error(rc, what) }
    }

    func bind(_ index: Int32, _ text: String) throws {
        try check(sqlite3_bind_text(stmt, index, text, -1, transient), "binding text parameter \(index)")
    }

    func bind(_ index: Int32, _ value: Int) throws {
        try check(sqlite3_bind_int64(stmt, index, Int64(value)), "binding integer parameter \(index)")
    }

    func bind(_ index: Int32, _ value: Double) throws {
        try check(sqlite3_bind_double(stmt, index, value), "binding real parameter \(index)")
    }

    /// Bind `floats` as a blob of little-endian float32 values.
    func bind(_ index: Int32, floats: UnsafeBufferPointer<Float>) throws {
        let bytes = Int32(floats.count * MemoryLayout<Float>.size)
        let rc: Int32
        if hostIsLittleEndian {
            rc = sqlite3_bind_blob(stmt, index, floats.baseAddress, bytes, transient)
        } else {
            let swapped = floats.map { $0.bitPattern.littleEndian }
            rc = swapped.withUnsafeBytes { sqlite3_bind_blob(stmt, index, $0.baseAddress, bytes, transient) }
        }
        try check(rc, "binding blob parameter \(index)")
    }

    /// Advance to the next row: true if there is one, false when the statement is done.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(stmt)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw db.error(rc, "running \"\(String(cString: sqlite3_sql(stmt)).prefix(60))\"")
    }

    /// Rewind to run again, clearing the bindings.
    func reset() {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(stmt, column) == SQLITE_NULL }

    func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(stmt, column) else { return "" }
        return String(cString: p)
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(stmt, column)) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(stmt, column) }

    /// Bind raw bytes as a blob.
    func bind(_ index: Int32, bytes: UnsafeRawBufferPointer) throws {
        try check(sqlite3_bind_blob(stmt, index, bytes.baseAddress, Int32(bytes.count), transient), "binding blob parameter \(index)")
    }

    /// Copy a blob of exactly `count` bytes into `destination`; false (nothing copied) for any other size.
    func bytes(_ column: Int32, into destination: UnsafeMutableRawPointer, count: Int) -> Bool {
        let raw = sqlite3_column_blob(stmt, column)
        guard byteCount(column) == count else { return false }
        guard count > 0 else { return true }
        guard let raw else { return false }
        destination.copyMemory(from: raw, byteCount: count)
        return true
    }

    /// The size in bytes of a blob (or text) column.
    func byteCount(_ column: Int32) -> Int { Int(sqlite3_column_bytes(stmt, column)) }

    /// Copy a little-endian float32 blob into `destination`. False (and nothing copied) unless the
    /// blob holds exactly `count` floats.
    func floats(_ column: Int32, into destination: UnsafeMutablePointer<Float>, count: Int) -> Bool {
        let raw = sqlite3_column_blob(stmt, column)  // before byteCount, as SQLite advises
        guard byteCount(column) == count * MemoryLayout<Float>.size else { return false }
        guard count > 0 else { return true }
        guard let raw else { return false }
        if hostIsLittleEndian {
            UnsafeMutableRawPointer(destination).copyMemory(from: raw, byteCount: count * MemoryLayout<Float>.size)
        } else {
            for i in 0..<count {
                let bits = raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
                destination[i] = Float(bitPattern: UInt32(littleEndian: bits))
            }
        }
        return true
    }
}

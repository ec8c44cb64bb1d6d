import AttuneCore
import AttuneData
import CLibPQ
import Foundation

/// Where a PostgreSQL index lives: a `postgresql://` (or `postgres://`) URL as libpq reads it, plus
/// Attune's own query parameter `table=NAME` (the index table; default `attune_docs`), which is
/// removed before libpq sees the URL. The password may be in the URL; otherwise libpq takes it from
/// `PGPASSWORD` or the pgpass file (`~/.pgpass`, `PGPASSFILE`). It is never printed: messages name
/// the location by `description` (user, host, port, database and table only).
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The URL libpq connects with (Attune's parameters removed; may hold a password).
    let conninfo: String
    /// The index table.
    public var table: String
    /// Host and port as libpq will use them (URL, else `PGHOST`/`PGPORT`, else the defaults).
    public let host: String
    public let port: String
    public let database: String
    public let user: String

    /// The default index table.
    public static let defaultTable = "attune_docs"

    /// Is `location` a PostgreSQL URL (rather than a SQLite file path)?
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// Parse `url`. Throws a one-line error (without the password) when libpq cannot read it or
    /// the table name is not a plain lower-case SQL identifier.
    public init(_ url: String) throws {
        guard PostgresLocation.isURL(url) else {
            throw AttuneError.invalid("not a PostgreSQL URL (postgresql://user@host:port/database): \(PostgresLocation.redacted(url))")
        }
        var base = url, table = PostgresLocation.defaultTable
        if let q = url.firstIndex(of: "?") {
            base = String(url[..<q])
            var kept: [Substring] = []
            for param in url[url.index(after: q)...].split(separator: "&") {
                if param.hasPrefix("table=") {
                    table = String(param.dropFirst(6)).removingPercentEncoding ?? String(param.dropFirst(6))
                } else {
                    kept.append(param)
                }
            }
            if !kept.isEmpty { base += "?" + kept.joined(separator: "&") }
        }
        try PostgresLocation.checkIdentifier(table, what: "table")
        var err: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(base, &err) else {
            let why = err.map { String(cString: $0) } ?? "unreadable"
            PQfreemem(err)
            throw AttuneError.invalid("\(PostgresLocation.redacted(url)): not a valid PostgreSQL URL: \(PostgresLocation.firstLine(why))")
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var p = options
        while let keyword = p.pointee.keyword {
            if let v = p.pointee.val { values[String(cString: keyword)] = String(cString: v) }
            p += 1
        }
        let env = ProcessInfo.processInfo.environment
        conninfo = base
        self.table = table
        host = values["host"] ?? values["hostaddr"] ?? env["PGHOST"] ?? "localhost"
        port = values["port"] ?? env["PGPORT"] ?? "5432"
        user = values["user"] ?? env["PGUSER"] ?? NSUserName()
        database = values["dbname"] ?? env["PGDATABASE"] ?? user
    }

    /// The same server and database with another table.
    public func with(table: String) throws -> PostgresLocation {
        try PostgresLocation.checkIdentifier(table, what: "table")
        var copy = self
        copy.table = table
        return copy
    }

    /// `postgresql://user@host:port/database?table=NAME`, never with a password.
    public var description: String { "postgresql://\(user)@\(host):\(port)/\(database)?table=\(table)" }

    /// `host:port`, for connection errors.
    public var server: String { "\(host):\(port)" }

    /// Throw unless `name` is a lower-case SQL identifier (letters, digits, `_`; at most 48 bytes,
    /// leaving room for the suffixes of the index's own objects).
    static func checkIdentifier(_ name: String, what: String) throws {
        let ok = !name.isEmpty && name.utf8.count <= 48 && name.utf8.first.map { !(48...57).contains($0) } == true
            && name.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }
        if !ok {
            throw AttuneError.invalid("\(what) name \"\(name)\" must be lower-case letters, digits and _ (not starting with a digit, at most 48 characters)")
        }
    }

    /// `url` with any password (`user:password@`) replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
        let userinfo = url[scheme.upperBound..<at]
        guard let colon = userinfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    static func firstLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }
}

/// One libpq connection. Every failure is an `AttuneError` naming the location (never the
/// password); `isBroken` tells a lost connection (worth a reconnect) from an SQL error. Not
/// thread-safe: one connection per thread.
final class PostgresConnection {
    let location: PostgresLocation
    private var conn: OpaquePointer

    /// Connect, with a 10 s connect timeout unless the URL or `PGCONNECT_TIMEOUT` sets one.
    init(_ location: PostgresLocation) throws {
        self.location = location
        var keys = ["application_name"], values = ["attune"]
        if ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil { keys.append("connect_timeout"); values.append("10") }
        // The URL comes last so that what it says overrides the defaults above.
        keys.append("dbname"); values.append(location.conninfo)
        let c = PostgresConnection.withCStrings(keys) { k in
            PostgresConnection.withCStrings(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let c else { throw AttuneError.invalid("\(location.server): cannot connect: out of memory") }
        if PQstatus(c) != CONNECTION_OK {
            let why = PostgresConnection.connectFailure(String(cString: PQerrorMessage(c)))
            PQfinish(c)
            throw AttuneError.invalid("cannot connect to PostgreSQL at \(location.server) (database \(location.database), user \(location.user)): \(why)")
        }
        conn = c  // set only once connected: a throwing init that set every property runs deinit
        PQsetNoticeProcessor(c, { _, _ in }, nil)  // NOTICEs (e.g. "already exists, skipping") are not errors
    }

    deinit { PQfinish(conn) }

    /// libpq's reason, without its "connection to server at …" preamble and severity prefix.
    private static func connectFailure(_ message: String) -> String {
        var line = PostgresLocation.firstLine(message)
        if let r = line.range(of: " failed: ") { line = String(line[r.upperBound...]) }
        for prefix in ["FATAL:", "ERROR:"] where line.hasPrefix(prefix) {
            line = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        }
        return line.isEmpty ? "unknown error" : line
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafePointer<CChar>?] = strings.map { UnsafePointer(strdup($0)) }
        pointers.append(nil)
        defer { for p in pointers { free(UnsafeMutablePointer(mutating: p)) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// Is the connection lost (the server closed it, or the network failed)?
    var isBroken: Bool { PQstatus(conn) != CONNECTION_OK }

    /// The server process serving this connection (for tests that end it).
    var backendPID: Int { Int(PQbackendPID(conn)) }

    /// Reconnect after a lost connection. Throws the connect error when the server is still away.
    func reconnect() throws {
        PQreset(conn)
        if PQstatus(conn) != CONNECTION_OK {
            throw AttuneError.invalid("lost the connection to PostgreSQL at \(location.server) and could not reconnect: \(PostgresConnection.connectFailure(String(cString: PQerrorMessage(conn))))")
        }
    }

    /// The error for a failed `result` (or the connection's last error) while doing `context`.
    func failure(_ result: OpaquePointer?, _ context: String) -> AttuneError {
        var message = result.map { String(cString: PQresultErrorMessage($0)) } ?? ""
        if message.isEmpty { message = String(cString: PQerrorMessage(conn)) }
        if isBroken {
            return .invalid("\(location): lost the connection to \(location.server) while \(context): \(PostgresLocation.firstLine(message))")
        }
        var line = PostgresLocation.firstLine(message)
        if line.hasPrefix("ERROR:") { line = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
        return .invalid("\(location): \(context): \(line)")
    }

    /// The SQLSTATE of a failed result ("42P01" undefined table, …).
    static func sqlState(_ result: OpaquePointer?) -> String? {
        guard let result, let p = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) else { return nil }
        return String(cString: p)
    }

    /// Run `sql` with text parameters `params` ($1, $2, …; nil is NULL) and return its rows as text
    /// (nil for NULL). `context` names the step in errors.
    @discardableResult
    func query(_ sql: String, _ params: [String?] = [], _ context: String) throws -> [[String?]] {
        let result = try run(sql, params, context)
        defer { PQclear(result) }
        let rows = Int(PQntuples(result)), cols = Int(PQnfields(result))
        var out: [[String?]] = []
        out.reserveCapacity(rows)
        for r in 0..<rows {
            out.append((0..<cols).map { c in
                PQgetisnull(result, Int32(r), Int32(c)) == 1 ? nil : String(cString: PQgetvalue(result, Int32(r), Int32(c)))
            })
        }
        return out
    }

    /// Run `sql` and hand the (successful) result to `body`; the result is freed afterwards.
    func withResult<T>(_ sql: String, _ params: [String?] = [], _ context: String, _ body: (OpaquePointer) throws -> T) throws -> T {
        let result = try run(sql, params, context)
        defer { PQclear(result) }
        return try body(result)
    }

    /// Like `query`, but a failure's SQLSTATE is passed to `handle` first, which may throw a
    /// clearer error (or return to let the generic one be thrown).
    private func run(_ sql: String, _ params: [String?], _ context: String,
                     handle: ((String) throws -> Void)? = nil) throws -> OpaquePointer {
        let result: OpaquePointer?
        if params.isEmpty {
            result = PQexec(conn, sql)
        } else {
            var cstrings: [UnsafeMutablePointer<CChar>?] = params.map { $0.map { strdup($0) } ?? nil }
            defer { for p in cstrings { free(p) } }
            result = cstrings.withUnsafeMutableBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buf.count) { values in
                    PQexecParams(conn, sql, Int32(params.count), nil, values, nil, nil, 0)
                }
            }
        }
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN || status == PGRES_COPY_OUT,
              let result else {
            let error = failure(result, context)
            if let handle, let state = PostgresConnection.sqlState(result) {
                PQclear(result)
                try handle(state)
            } else {
                PQclear(result)
            }
            throw error
        }
        return result
    }

    /// Run `sql`, calling `onError(sqlstate)` on failure so the caller can throw a clearer error.
    func execute(_ sql: String, _ params: [String?] = [], _ context: String, onError: @escaping (String) throws -> Void) throws {
        PQclear(try run(sql, params, context, handle: onError))
    }

    /// Run `body` in a transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ context: String, _ body: () throws -> T) throws -> T {
        try query("BEGIN", [], context)
        do {
            let value = try body()
            try query("COMMIT", [], context)
            return value
        } catch {
            if !isBroken { _ = try? query("ROLLBACK", [], context) }
            throw error
        }
    }

    /// `COPY … FROM STDIN` with `data` as the whole stream (one call; libpq sends it in pieces).
    func copyIn(_ sql: String, _ data: [UInt8], _ context: String) throws {
        PQclear(try run(sql, [], context))
        let sent = data.withUnsafeBufferPointer { buf -> Int32 in
            var offset = 0, rc: Int32 = 1
            while offset < buf.count && rc == 1 {
                let n = min(1 << 20, buf.count - offset)
                rc = UnsafeRawPointer(buf.baseAddress! + offset).withMemoryRebound(to: CChar.self, capacity: n) {
                    PQputCopyData(conn, $0, Int32(n))
                }
                offset += n
            }
            return rc
        }
        let ended = sent == 1 ? PQputCopyEnd(conn, nil) : PQputCopyEnd(conn, "client failed to send the data")
        var error: AttuneError? = ended == 1 ? nil : failure(nil, context)
        while let r = PQgetResult(conn) {
            if error == nil && PQresultStatus(r) != PGRES_COMMAND_OK { error = failure(r, context) }
            PQclear(r)
        }
        if let error { throw error }
        if sent != 1 { throw failure(nil, context) }
    }

    /// `COPY … TO STDOUT`: `row` gets each data row's bytes (libpq returns one row per call; the
    /// first carries the stream header before it).
    func copyOut(_ sql: String, _ context: String, row: (UnsafeRawBufferPointer) throws -> Void) throws {
        PQclear(try run(sql, [], context))
        var thrown: Error?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let n = PQgetCopyData(conn, &buffer, 0)
            if n == -1 { break }
            if n == -2 { thrown = thrown ?? failure(nil, context); break }
            if let buffer {
                if thrown == nil {
                    do { try row(UnsafeRawBufferPointer(start: buffer, count: Int(n))) } catch { thrown = error }
                }
                PQfreemem(buffer)
            }
        }
        while let r = PQgetResult(conn) {
            if thrown == nil && PQresultStatus(r) != PGRES_COMMAND_OK { thrown = failure(r, context) }
            PQclear(r)
        }
        if let thrown { throw thrown }
    }
}

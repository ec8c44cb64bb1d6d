import Foundation

/// A file written whole or not at all. Bytes go to a temp file beside the destination
/// (`.NAME.tmp-PID-RANDOM`), which `commit()` flushes to disk and renames over the destination. Until
/// then — and whenever a write fails, or the writer is dropped without `commit()` — the
/// destination keeps exactly what it had, and the temp file is removed.
public final class AtomicFileWriter {
    /// Where the file ends up.
    public let url: URL
    private let tmp: URL
    private let fd: Int32
    private var buffer = Data()
    private var finished = false
    private static let flushSize = 1 << 20

    /// Starts a new file for `url`, creating its folder if needed.
    /// - Throws: `AttuneError.invalidFile` naming the folder or file when it cannot be written there.
    public init(url: URL) throws {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw AttuneError.invalidFile(path: dir.path, what: "cannot create the folder (\(AtomicFileWriter.reason(error)))")
        }
        self.url = url
        tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw AttuneError.invalidFile(path: url.path, what: "cannot write beside it (\(String(cString: strerror(errno))))")
        }
        self.fd = fd
        buffer.reserveCapacity(AtomicFileWriter.flushSize)
    }

    deinit { if !finished { discard() } }

    /// Appends `data`.
    public func write(_ data: Data) throws {
        precondition(!finished, "AtomicFileWriter used after commit or discard")
        if buffer.count + data.count < AtomicFileWriter.flushSize { buffer.append(data); return }
        try flush()
        try writeAll(data)
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws { try write(Data(text.utf8)) }

    /// Flushes everything to disk and renames the file into place.
    /// - Throws: `AttuneError.invalidFile` naming the destination; it is then left as it was.
    public func commit() throws {
        precondition(!finished, "AtomicFileWriter committed twice")
        try flush()
        if fsync(fd) != 0 { try fail("write failed") }
        finished = true
        if close(fd) != 0 {
            let why = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw AttuneError.invalidFile(path: url.path, what: "write failed (\(why))")
        }
        if rename(tmp.path, url.path) != 0 {
            let why = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw AttuneError.invalidFile(path: url.path, what: "could not move the new file into place (\(why))")
        }
    }

    /// Drops what was written; the destination is untouched.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(fd)
        try? FileManager.default.removeItem(at: tmp)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// `write(2)` until every byte is out; on failure the temp file is dropped and the error names
    /// the destination and the system's reason ("No space left on device", "File too large" …).
    private func writeAll(_ data: Data) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { try fail("write failed") }
                done += n
            }
        }
    }

    /// Drops the temp file and throws `what` with the reason in `errno`.
    private func fail(_ what: String) throws -> Never {
        let why = String(cString: strerror(errno))
        discard()
        throw AttuneError.invalidFile(path: url.path, what: "\(what) (\(why))")
    }

    /// The system's reason for a Foundation file error, in a few words.
    private static func reason(_ error: Error) -> String {
        if let e = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, e.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(e.code)))
        }
        return error.localizedDescription
    }
}

/// Why a write to `path` may have failed for want of room, when the system's error number is lost
/// (SQLite reports only "disk I/O error"): the process's file-size limit reached by `path` or its
/// `-wal` / `-journal` companion, or a file system with less than 1 MB free; nil when neither.
public func outOfRoomReason(for path: String) -> String? {
    var limit = rlimit()
    if getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
        for p in [path, path + "-wal", path + "-journal"] {
            if let size = (try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? NSNumber,
               size.uint64Value + 65_536 >= UInt64(limit.rlim_cur) {
                return "File too large: the file-size limit is \(UInt64(limit.rlim_cur) / 1024) KB"
            }
        }
    }
    var fs = statvfs()
    let dir = (path as NSString).deletingLastPathComponent
    if statvfs(dir.isEmpty ? "." : dir, &fs) == 0, UInt64(fs.f_bavail) * UInt64(fs.f_frsize) < 1 << 20 {
        return "No space left on device"
    }
    return nil
}

/// Write `data` to `url` whole or not at all (see `AtomicFileWriter`).
public func atomicWrite(_ data: Data, to url: URL) throws {
    let file = try AtomicFileWriter(url: url)
    try file.write(data)
    try file.commit()
}

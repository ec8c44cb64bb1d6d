import Foundation

/// A file written whole or not at all. Bytes go to a temp file beside the destination
/// (`.NAME.tmp-PID-RANDOM`), which `commit()` flushes to disk and renames over the destination. Until
/// then — and whenever a write fails, or the writer is dropped without `commit()` — the
/// destination keeps exactly what it had, and the temp file is removed.
public final class AtomicFileWriter {
    /// Where the file ends up.
    public let url: URL
    private let tmp: URL
    private let handle: FileHandle
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
        guard fm.createFile(atPath: tmp.path, contents: nil), let h = FileHandle(forWritingAtPath: tmp.path) else {
            throw AttuneError.invalidFile(path: url.path, what: "cannot write beside it (\(String(cString: strerror(errno))))")
        }
        handle = h
        buffer.reserveCapacity(AtomicFileWriter.flushSize)
    }

    deinit { if !finished { discard() } }

    /// Appends `data`.
    public func write(_ data: Data) throws {
        precondition(!finished, "AtomicFileWriter used after commit or discard")
        if buffer.count + data.count < AtomicFileWriter.flushSize { buffer.append(data); return }
        try flush()
        do { try handle.write(contentsOf: data) } catch {
            discard()
            throw AttuneError.invalidFile(path: url.path, what: "write failed (\(AtomicFileWriter.reason(error)))")
        }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws { try write(Data(text.utf8)) }

    /// Flushes everything to disk and renames the file into place.
    /// - Throws: `AttuneError.invalidFile` naming the destination; it is then left as it was.
    public func commit() throws {
        precondition(!finished, "AtomicFileWriter committed twice")
        do {
            try flush()
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw AttuneError.invalidFile(path: url.path, what: "write failed (\(AtomicFileWriter.reason(error)))")
        }
        finished = true
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
        try? handle.close()
        try? FileManager.default.removeItem(at: tmp)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do { try handle.write(contentsOf: buffer) } catch {
            discard()
            throw AttuneError.invalidFile(path: url.path, what: "write failed (\(AtomicFileWriter.reason(error)))")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The system's reason for a Foundation file error, in a few words.
    private static func reason(_ error: Error) -> String {
        if let e = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, e.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(e.code)))
        }
        return error.localizedDescription
    }
}

/// Write `data` to `url` whole or not at all (see `AtomicFileWriter`).
public func atomicWrite(_ data: Data, to url: URL) throws {
    let file = try AtomicFileWriter(url: url)
    try file.write(data)
    try file.commit()
}

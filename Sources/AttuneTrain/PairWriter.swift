import AttuneCore
import Foundation

/// Writes training pairs as JSON Lines that `PairReader` reads back: one object per pair with
/// `anchor`, `positive` and `negative_1` … `negative_n` (as many as the pair has).
///
/// The file is streamed to a temp file beside the destination and renamed into place, so the
/// destination is either the old file or the whole new one, never a half-written file.
public struct PairWriter: Sendable {
    public var anchorField: String
    public var positiveField: String
    public var negativePrefix: String

    public init(anchorField: String = "anchor", positiveField: String = "positive", negativePrefix: String = "negative") {
        self.anchorField = anchorField
        self.positiveField = positiveField
        self.negativePrefix = negativePrefix
    }

    /// One pair as a JSON line (with the newline).
    public func line(_ p: TrainingPair) -> String {
        var s = "{\(jsonQuoted(anchorField)):\(jsonQuoted(p.anchor)),\(jsonQuoted(positiveField)):\(jsonQuoted(p.positive))"
        for (i, n) in p.negatives.enumerated() { s += ",\(jsonQuoted("\(negativePrefix)_\(i + 1)")):\(jsonQuoted(n))" }
        return s + "}\n"
    }

    /// Write `pairs` to `url` (temp file + rename).
    public func write(_ pairs: [TrainingPair], to url: URL) throws {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw AttuneError.invalidFile(path: dir.path, what: "cannot create the folder: \(error.localizedDescription)")
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard fm.createFile(atPath: tmp.path, contents: nil), let handle = FileHandle(forWritingAtPath: tmp.path) else {
            throw AttuneError.invalidFile(path: url.path, what: "cannot write beside it (\(String(cString: strerror(errno))))")
        }
        do {
            var buffer = Data()
            buffer.reserveCapacity(1 << 20)
            for p in pairs {
                buffer.append(contentsOf: line(p).utf8)
                if buffer.count >= 1 << 20 { try handle.write(contentsOf: buffer); buffer.removeAll(keepingCapacity: true) }
            }
            try handle.write(contentsOf: buffer)
            try handle.synchronize()
            try handle.close()
            if rename(tmp.path, url.path) != 0 {
                throw AttuneError.invalidFile(path: url.path, what: "could not move the new file into place (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? handle.close()
            try? fm.removeItem(at: tmp)
            if let e = error as? AttuneError { throw e }
            throw AttuneError.invalidFile(path: url.path, what: "write failed: \(error.localizedDescription)")
        }
    }
}

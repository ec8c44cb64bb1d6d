import AttuneData
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
        let file = try AtomicFileWriter(url: url)
        for p in pairs { try file.write(line(p)) }
        try file.commit()
    }
}

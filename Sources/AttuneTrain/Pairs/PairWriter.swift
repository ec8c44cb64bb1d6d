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

    /// One pair as a JSON line (with the newline). With `scores`: `<positive>_score` and
    /// `<prefix>_N_score` (numbers) after the texts, for the positive and each negative with a
    /// score; `PairReader` reads such a line back as the same pair (it ignores those fields).
    public func line(_ p: TrainingPair, scores: PairScores? = nil) -> String {
        var s = "{\(jsonQuoted(anchorField)):\(jsonQuoted(p.anchor)),\(jsonQuoted(positiveField)):\(jsonQuoted(p.positive))"
        for (i, n) in p.negatives.enumerated() { s += ",\(jsonQuoted("\(negativePrefix)_\(i + 1)")):\(jsonQuoted(n))" }
        if let scores {
            func number(_ x: Float) -> String { x.isFinite ? "\(x)" : "null" }
            s += ",\(jsonQuoted("\(positiveField)_score")):\(number(scores.positive))"
            for (i, x) in scores.negatives.enumerated() {
                if let x { s += ",\(jsonQuoted("\(negativePrefix)_\(i + 1)_score")):\(number(x))" }
            }
        }
        return s + "}\n"
    }

    /// Write `pairs` to `url` (temp file + rename); with `scores` (one per pair), each line carries
    /// them (see `line(_:scores:)`).
    public func write(_ pairs: [TrainingPair], scores: [PairScores]? = nil, to url: URL) throws {
        precondition(scores == nil || scores!.count == pairs.count, "PairWriter: \(scores?.count ?? 0) scores for \(pairs.count) pairs")
        let file = try AtomicFileWriter(url: url)
        for (i, p) in pairs.enumerated() { try file.write(line(p, scores: scores?[i])) }
        try file.commit()
    }
}

/// The scores behind one mined pair (a miner's output, written by `PairWriter`).
public struct PairScores: Sendable, Equatable {
    public var positive: Float
    /// One per negative of the pair, in its order; nil for a negative from the input.
    public var negatives: [Float?]

    public init(positive: Float, negatives: [Float?]) { self.positive = positive; self.negatives = negatives }
}

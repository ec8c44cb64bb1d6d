import AttuneCore
import AttuneData
import Foundation

/// How an index's scan reads its vectors (`attune index --vectors`). Every kind keeps the
/// float32 vectors too: int8 and binary codes are scanned for candidates, which the float32
/// vectors then rescore exactly.
public enum VectorEncoding: String, Sendable, CaseIterable {
    /// The float32 vectors themselves: exact search.
    case f32
    /// One byte per value: scalar quantization with a range per dimension learned from the corpus
    /// (`Int8Quantizer`), 4× fewer bytes scanned.
    case int8
    /// One bit per value, its sign; candidates by Hamming distance, 32× fewer bytes scanned.
    case binary

    /// Bytes one vector's code takes at `dimension`.
    public func codeBytes(dimension: Int) -> Int {
        switch self {
        case .f32: return 4 * dimension
        case .int8: return dimension
        case .binary: return 8 * BinaryQuantizer.words(dimension: dimension)
        }
    }

    /// The candidates rescored with float32 vectors when `--rescore` is not given: 4·k for int8,
    /// 10·k for binary (sign bits lose more of the order), none for f32.
    public func defaultRescore(k: Int) -> Int {
        switch self {
        case .f32: return k
        case .int8: return 4 * k
        case .binary: return 10 * k
        }
    }

    /// Binary: the Hamming candidates re-ranked by the float query against their sign bits before
    /// the best `rescore` are rescored (`QuantizedSearcher`): 10 × `rescore`. Other kinds: `rescore`
    /// (no such stage).
    public func defaultRerank(rescore: Int) -> Int { self == .binary ? 10 * rescore : rescore }
}

/// Int8 scalar quantization with a range per dimension: value `x` of dimension `j` is stored as
/// `round((x − lo[j]) / step[j])` in 0…255, `step[j] = (hi[j] − lo[j]) / 255` (a dimension whose
/// range is a single value stores 0), and read back as `lo[j] + step[j]·code`. The ranges are the
/// corpus's own minimum and maximum per dimension.
public struct Int8Quantizer: Sendable, Equatable {
    /// Each dimension's smallest value.
    public let lo: [Float]
    /// Each dimension's largest value.
    public let hi: [Float]

    /// Ranges as given; throws `AttuneError.invalid` (the caller names the index) unless both
    /// lists have `dimension` finite values with `lo ≤ hi`.
    public init(lo: [Float], hi: [Float], dimension: Int) throws {
        guard lo.count == dimension, hi.count == dimension else {
            throw AttuneError.invalid("ranges hold \(lo.count) and \(hi.count) values for \(dimension) dimensions")
        }
        if let j = (0..<dimension).first(where: { !lo[$0].isFinite || !hi[$0].isFinite || lo[$0] > hi[$0] }) {
            throw AttuneError.invalid("dimension \(j) has range [\(lo[j]), \(hi[j])]")
        }
        self.lo = lo
        self.hi = hi
    }

    /// The ranges of the `rows` vectors at `vectors` (`[rows, dimension]`, rows ≥ 1).
    public init(learningFrom vectors: UnsafePointer<Float>, rows: Int, dimension: Int) {
        precondition(rows >= 1 && dimension >= 1, "Int8Quantizer: nothing to learn ranges from")
        var lo = Array(UnsafeBufferPointer(start: vectors, count: dimension)), hi = lo
        for r in 1..<max(rows, 1) {
            let v = vectors + r * dimension
            for j in 0..<dimension { lo[j] = min(lo[j], v[j]); hi[j] = max(hi[j], v[j]) }
        }
        self.lo = lo
        self.hi = hi
    }

    public var dimension: Int { lo.count }

    /// Each dimension's quantization step (0 for a one-value range).
    public var step: [Float] { zip(lo, hi).map { ($1 - $0) / 255 } }

    /// The codes of `rows` vectors at `vectors` into `codes` (`rows × dimension` bytes); values
    /// outside a range are clamped to it.
    public func encode(_ vectors: UnsafePointer<Float>, rows: Int, into codes: UnsafeMutablePointer<UInt8>) {
        let d = dimension
        let inverse = step.map { $0 > 0 ? 1 / $0 : 0 }
        for r in 0..<rows {
            let v = vectors + r * d, c = codes + r * d
            for j in 0..<d {
                let q = ((v[j] - lo[j]) * inverse[j]).rounded()
                c[j] = UInt8(min(max(q, 0), 255))
            }
        }
    }

    /// The vector code `codes[0..<dimension]` stands for.
    public func decode(_ codes: UnsafePointer<UInt8>) -> [Float] {
        let s = step
        return (0..<dimension).map { lo[$0] + s[$0] * Float(codes[$0]) }
    }
}

/// Binary quantization: bit `j` of a vector's code is set when value `j` is positive; codes are
/// `words(dimension:)` 64-bit words (bit `j % 64` of word `j / 64`), compared by Hamming distance.
public enum BinaryQuantizer {
    /// 64-bit words per code.
    public static func words(dimension: Int) -> Int { (dimension + 63) / 64 }

    /// The codes of `rows` vectors at `vectors` into `codes` (`rows × words(dimension:)` words).
    public static func encode(_ vectors: UnsafePointer<Float>, rows: Int, dimension: Int, into codes: UnsafeMutablePointer<UInt64>) {
        let w = words(dimension: dimension)
        for r in 0..<rows {
            let v = vectors + r * dimension, c = codes + r * w
            for i in 0..<w { c[i] = 0 }
            for j in 0..<dimension where v[j] > 0 { c[j >> 6] |= 1 << UInt64(j & 63) }
        }
    }
}

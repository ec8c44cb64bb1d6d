import AttuneCore
import AttuneData
import Foundation

/// The codes of every vector of an index, in row order: int8 (`Int8Quantizer`, one byte per
/// value) or binary (`BinaryQuantizer`, one bit per value).
public struct QuantizedCodes: Sendable {
    /// `.int8` or `.binary`.
    public let encoding: VectorEncoding
    public let dimension: Int
    /// Vectors held.
    public let count: Int
    /// The int8 ranges (nil for binary).
    public let quantizer: Int8Quantizer?
    /// int8 codes, `count × dimension` bytes.
    let bytes: [UInt8]
    /// binary codes, `count × words` words.
    let words: [UInt64]

    /// int8 codes made with `quantizer`: `codes.count` must be `count × dimension`.
    public init(int8 codes: [UInt8], quantizer: Int8Quantizer, count: Int) {
        precondition(codes.count == count * quantizer.dimension, "QuantizedCodes: \(codes.count) bytes for \(count) × \(quantizer.dimension)")
        encoding = .int8; dimension = quantizer.dimension; self.count = count; self.quantizer = quantizer
        bytes = codes; words = []
    }

    /// binary codes: `codes.count` must be `count × BinaryQuantizer.words(dimension:)`.
    public init(binary codes: [UInt64], dimension: Int, count: Int) {
        precondition(codes.count == count * BinaryQuantizer.words(dimension: dimension), "QuantizedCodes: \(codes.count) words for \(count) × \(dimension)")
        encoding = .binary; self.dimension = dimension; self.count = count; quantizer = nil
        bytes = []; words = codes
    }

    /// The codes of `vectors` (`[rows, dimension]`): int8 with ranges learned from them, or binary.
    public static func encode(_ vectors: Tensor, as encoding: VectorEncoding) -> QuantizedCodes {
        precondition(encoding != .f32 && vectors.rank == 2, "QuantizedCodes.encode: \(encoding) of \(vectors.shape)")
        let n = vectors.rows, d = vectors.cols
        if encoding == .binary {
            var w = [UInt64](repeating: 0, count: n * BinaryQuantizer.words(dimension: d))
            w.withUnsafeMutableBufferPointer { BinaryQuantizer.encode(vectors.data, rows: n, dimension: d, into: $0.baseAddress!) }
            return QuantizedCodes(binary: w, dimension: d, count: n)
        }
        let q = n > 0 ? Int8Quantizer(learningFrom: vectors.data, rows: n, dimension: d)
                      : try! Int8Quantizer(lo: Array(repeating: 0, count: d), hi: Array(repeating: 0, count: d), dimension: d)
        var b = [UInt8](repeating: 0, count: n * d)
        b.withUnsafeMutableBufferPointer { q.encode(vectors.data, rows: n, into: $0.baseAddress!) }
        return QuantizedCodes(int8: b, quantizer: q, count: n)
    }

    /// Bytes the codes take (what a scan reads per query).
    public var byteCount: Int { bytes.count + 8 * words.count }

    /// Row `i`'s code as stored: `dimension` bytes (int8) or its words' little-endian bytes (binary).
    public func code(_ i: Int) -> [UInt8] {
        if encoding == .int8 { return Array(bytes[(i * dimension)..<((i + 1) * dimension)]) }
        let w = BinaryQuantizer.words(dimension: dimension)
        return words[(i * w)..<((i + 1) * w)].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word.littleEndian >> (8 * $0)) } }
    }
}

/// Approximate-then-exact search over quantized codes: the scan scores every code (int8: the
/// dot product with the dequantized vector, by BLAS over a chunk of codes converted to floats;
/// binary: minus the Hamming distance to the query's sign bits) and keeps the best `rescore`
/// candidates per query; their float32 vectors (`fetch`) then give exact scores, and the top `k`
/// of those are returned. Recall is that of the candidates kept; scores are exact.
///
/// Binary has a middle stage: the scan keeps the best `rerank` codes by Hamming distance (default
/// `VectorEncoding.defaultRerank(rescore:)`, 10 × `rescore`), and these are ranked again by the
/// float query against their sign bits, `q · (2b − 1)` (asymmetric: the query keeps its values,
/// only the documents are bits), before the best `rescore` of them are rescored exactly. Hamming
/// distance weighs every dimension alike; the asymmetric score weighs each bit by how much the
/// query has in it, which ranks much closer to the float order, in memory, at one table look-up
/// per code byte.
public struct QuantizedSearcher {
    /// Document ids, one per code.
    public let ids: [String]
    public let codes: QuantizedCodes
    /// The float32 vectors of these rows, `[rows.count, dimension]`, in that order.
    let fetch: ([Int]) throws -> Tensor

    /// Rows per chunk of a batch's int8 scan (their floats stay in cache).
    static let chunkRows = 2048
    /// Up to this many queries, the int8 scan runs the byte kernel query by query, not BLAS.
    static let kernelQueries = 4
    /// Queries per block.
    static let queryBlock = 256

    public init(ids: [String], codes: QuantizedCodes, fetch: @escaping ([Int]) throws -> Tensor) {
        precondition(ids.count == codes.count, "QuantizedSearcher: \(ids.count) ids for \(codes.count) codes")
        self.ids = ids
        self.codes = codes
        self.fetch = fetch
    }

    /// The top `k` documents for each row of `queries` (`[queries, dimension]`), best first by exact
    /// score, from the scan's best `rescore` candidates (at least `k`). For binary codes, `rerank`
    /// (nil: `VectorEncoding.defaultRerank(rescore:)`; at most `rescore`: none) Hamming candidates
    /// are ranked by the asymmetric score first. `k`, `rescore` and `rerank` are clamped to the
    /// number of documents.
    public func search(_ queries: Tensor, k: Int, rescore: Int, rerank: Int? = nil) throws -> [[Hit]] {
        let d = codes.dimension
        guard queries.rank == 1 || queries.rank == 2, queries.cols == d else {
            throw AttuneError.invalid("queries have shape \(queries.shape) but the index holds \(d)-dimensional vectors")
        }
        guard k >= 1 else { throw AttuneError.invalid("k must be at least 1, got \(k)") }
        guard rescore >= k else { throw SettingError(setting: "rescore", value: "\(rescore)", what: "must be at least k (\(k))") }
        let nq = queries.rank == 1 ? 1 : queries.rows
        let n = codes.count
        guard n > 0 else { return Array(repeating: [], count: nq) }
        let kk = min(k, n), candidates = min(rescore, n)
        // Binary: the Hamming scan keeps `scanned` candidates, the asymmetric score `candidates` of them.
        let scanned = codes.encoding == .binary ? min(max(rerank ?? codes.encoding.defaultRerank(rescore: rescore), candidates), n) : candidates
        var results: [[Hit]] = []
        results.reserveCapacity(nq)
        for q0 in stride(from: 0, to: nq, by: Self.queryBlock) {
            let m = min(Self.queryBlock, nq - q0)
            let heaps = TopKHeaps(queries: m, k: scanned)
            defer { heaps.deallocate() }
            let qa = queries.data + q0 * d
            if codes.encoding == .int8 { scanInt8(qa, m, heaps) } else { scanBinary(qa, m, heaps) }
            for q in 0..<m {
                var rows = heaps.ranked(query: q).map(\.index)
                if scanned > candidates { rows = signRerank(rows, query: qa + q * d, keep: candidates) }
                let exact = try fetch(rows)
                var scored = rows.enumerated().map { (r, row) -> Hit in
                    var s: Float = 0
                    let v = exact.data + r * d, qv = qa + q * d
                    for j in 0..<d { s += qv[j] * v[j] }
                    return Hit(docIndex: row, id: ids[row], score: s)
                }
                scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.docIndex < $1.docIndex) }
                results.append(Array(scored.prefix(kk)))
            }
        }
        return results
    }

    /// Offer every row's int8 score (less the query's constant `q·lo`, which does not change its
    /// order) to the heaps: `(q ⊙ step) · code`. A few queries: the C kernel over the bytes
    /// (`Kernels.dotU8Rows`), rows split across threads; more: BLAS over chunks of codes converted
    /// to floats once for the whole block.
    private func scanInt8(_ qa: UnsafeMutablePointer<Float>, _ m: Int, _ heaps: TopKHeaps) {
        let d = codes.dimension, n = codes.count, step = codes.quantizer!.step
        let scaled = UnsafeMutablePointer<Float>.allocate(capacity: m * d)
        defer { scaled.deallocate() }
        for q in 0..<m { for j in 0..<d { scaled[q * d + j] = qa[q * d + j] * step[j] } }
        codes.bytes.withUnsafeBufferPointer { all in
            let base = all.baseAddress!
            if m <= Self.kernelQueries {
                let scores = UnsafeMutablePointer<Float>.allocate(capacity: n)
                defer { scores.deallocate() }
                for q in 0..<m {
                    Parallel.chunks(n, cost: d) { s, e in Kernels.dotU8Rows(scaled + q * d, base + s * d, scores + s, rows: e - s, cols: d) }
                    heaps.offer(query: q, row: scores, n: n, firstIndex: 0)
                }
                return
            }
            let chunk = min(Self.chunkRows, n)
            let floats = UnsafeMutablePointer<Float>.allocate(capacity: chunk * d)
            let scores = UnsafeMutablePointer<Float>.allocate(capacity: m * chunk)
            defer { floats.deallocate(); scores.deallocate() }
            for r0 in stride(from: 0, to: n, by: chunk) {
                let rows = min(chunk, n - r0)
                let src = base + r0 * d
                Parallel.chunks(rows * d, cost: 1) { s, e in for i in s..<e { floats[i] = Float(src[i]) } }
                BLAS.sgemm(transA: false, transB: true, m: m, n: rows, k: d, a: scaled, lda: d, b: floats, ldb: d, c: scores, ldc: rows)
                Parallel.chunks(m, cost: rows) { s, e in
                    for q in s..<e { heaps.offer(query: q, row: scores + q * rows, n: rows, firstIndex: r0) }
                }
            }
        }
    }

    /// The best `keep` of binary-coded `rows` by the asymmetric score `q · (2b − 1)`, best first
    /// (ties to the lower row). Ranked by `Σ q_j` over the code's set bits — the score less the
    /// query's constant `Σ q_j`, halved — read from a table of each code byte's 256 partial sums.
    func signRerank(_ rows: [Int], query q: UnsafePointer<Float>, keep: Int) -> [Int] {
        let d = codes.dimension, w = BinaryQuantizer.words(dimension: d), bytes = 8 * w
        // table[p * 256 + v]: the sum of q over the bits set in byte value v at byte position p.
        var table = [Float](repeating: 0, count: bytes * 256)
        table.withUnsafeMutableBufferPointer { t in
            for p in 0..<bytes {
                let row = t.baseAddress! + p * 256
                for v in 1..<256 {
                    let j = 8 * p + v.trailingZeroBitCount
                    row[v] = row[v & (v - 1)] + (j < d ? q[j] : 0)
                }
            }
        }
        var scored: [(row: Int, score: Float)] = []
        scored.reserveCapacity(rows.count)
        table.withUnsafeBufferPointer { t in
            codes.words.withUnsafeBufferPointer { all in
                for r in rows {
                    let code = all.baseAddress! + r * w
                    var s: Float = 0
                    for i in 0..<w {
                        let word = code[i], base = t.baseAddress! + i * 8 * 256
                        for b in 0..<8 { s += base[b * 256 + Int((word >> UInt64(8 * b)) & 0xff)] }
                    }
                    scored.append((r, s))
                }
            }
        }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.row < $1.row) }
        return scored.prefix(keep).map(\.row)
    }

    /// Offer every row's score −Hamming(query bits, code) to the heaps (`Kernels.hammingRows`,
    /// rows split across threads).
    private func scanBinary(_ qa: UnsafeMutablePointer<Float>, _ m: Int, _ heaps: TopKHeaps) {
        let d = codes.dimension, n = codes.count, w = BinaryQuantizer.words(dimension: d)
        let qbits = UnsafeMutablePointer<UInt64>.allocate(capacity: m * w)
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: n)
        defer { qbits.deallocate(); scores.deallocate() }
        BinaryQuantizer.encode(qa, rows: m, dimension: d, into: qbits)
        codes.words.withUnsafeBufferPointer { all in
            let base = all.baseAddress!
            for q in 0..<m {
                Parallel.chunks(n, cost: 4 * w) { s, e in Kernels.hammingRows(qbits + q * w, base + s * w, scores + s, rows: e - s, words: w) }
                heaps.offer(query: q, row: scores, n: n, firstIndex: 0)
            }
        }
    }
}

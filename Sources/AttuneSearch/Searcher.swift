import AttuneCore
import AttuneData

/// One retrieved document: its row in the searched matrix, its id and its score.
public struct Hit: Sendable, Equatable {
    /// The document's row in the searcher's matrix.
    public var docIndex: Int
    public var id: String
    /// The dot product of query and document (the cosine for unit vectors).
    public var score: Float

    public init(docIndex: Int, id: String, score: Float) {
        self.docIndex = docIndex
        self.id = id
        self.score = score
    }
}

/// Exact (brute-force) nearest-neighbour search by dot product over an in-memory matrix.
///
/// Queries are scored against the corpus one chunk of rows at a time, one `sgemm` per chunk, and
/// each query keeps a running top-k, so memory stays at `chunkRows × queries` scores however large
/// the corpus. Results are exact; equal scores rank the lower document index first.
public struct ExactSearcher: Sendable {
    /// Document ids, one per row of `vectors`.
    public let ids: [String]
    /// The corpus, `[ids.count, dimension]`.
    public let vectors: Tensor
    /// The vector length.
    public let dimension: Int

    /// Queries per `sgemm`: bounds the score buffer when many queries are searched at once.
    static let queryBlock = 256

    /// A searcher over `vectors` (`[ids.count, dimension]`), e.g. `EmbeddingIndex.loadMatrix()`.
    public init(ids: [String], vectors: Tensor) {
        precondition(vectors.rank == 2 && vectors.shape[0] == ids.count,
                     "ExactSearcher: \(ids.count) ids for vectors of shape \(vectors.shape)")
        self.ids = ids
        self.vectors = vectors
        dimension = vectors.shape[1]
    }

    /// A searcher over every document of `index`.
    public init(index: IndexStore) throws {
        let (ids, vectors) = try index.loadMatrix()
        self.init(ids: ids, vectors: vectors)
    }

    /// The number of documents.
    public var count: Int { ids.count }

    /// The `k` a search for `requested` results will use, and a note to show once when it was
    /// clamped to the corpus size. Throws when `requested` ≤ 0.
    public func clampedK(_ requested: Int) throws -> (k: Int, note: String?) {
        guard requested > 0 else { throw AttuneError.invalid("k must be at least 1, got \(requested)") }
        if requested <= count { return (requested, nil) }
        return (count, "asked for the top \(requested) but the corpus has only \(count) documents; returning all of them")
    }

    /// The top `k` documents for each row of `queries` (`[queries, dimension]`, or one query as a
    /// vector), best first. `k` beyond the corpus size is clamped (see `clampedK`); `chunkRows`
    /// sets how many corpus rows each `sgemm` scores.
    public func search(_ queries: Tensor, k: Int, chunkRows: Int = 16384) throws -> [[Hit]] {
        guard queries.rank == 1 || queries.rank == 2 else {
            throw AttuneError.invalid("queries must be a matrix [queries, \(dimension)], got shape \(queries.shape)")
        }
        guard queries.cols == dimension else {
            throw AttuneError.invalid("queries have dimension \(queries.cols) but the corpus vectors have \(dimension)")
        }
        guard chunkRows > 0 else { throw AttuneError.invalid("chunk rows must be positive, got \(chunkRows)") }
        let kk = try clampedK(k).k
        let nq = queries.rank == 1 ? 1 : queries.shape[0]
        guard nq > 0, kk > 0 else { return Array(repeating: [], count: nq) }

        var results: [[Hit]] = []
        results.reserveCapacity(nq)
        let block = min(nq, ExactSearcher.queryBlock)
        let chunk = min(chunkRows, count)
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: block * chunk)
        defer { buffer.deallocate() }
        for q0 in stride(from: 0, to: nq, by: block) {
            let m = min(block, nq - q0)
            let heaps = TopKHeaps(queries: m, k: kk)
            defer { heaps.deallocate() }
            let qa = UnsafePointer(queries.data + q0 * dimension)
            for r0 in stride(from: 0, to: count, by: chunk) {
                let n = min(chunk, count - r0)
                // scores[m × n] = Q[m × d] · D[r0..<r0+n]ᵀ; one query is a matrix-vector product.
                if m == 1 {
                    BLAS.sgemv(trans: false, m: n, n: dimension, a: vectors.data + r0 * dimension, lda: dimension,
                               x: qa, y: buffer)
                } else {
                    BLAS.sgemm(transA: false, transB: true, m: m, n: n, k: dimension,
                               a: qa, lda: dimension, b: vectors.data + r0 * dimension, ldb: dimension,
                               c: buffer, ldc: n)
                }
                Parallel.chunks(m, cost: n) { s, e in
                    for q in s..<e { heaps.offer(query: q, row: buffer + q * n, n: n, firstIndex: r0) }
                }
            }
            for q in 0..<m {
                results.append(heaps.ranked(query: q).map { Hit(docIndex: $0.index, id: ids[$0.index], score: $0.score) })
            }
        }
        return results
    }
}

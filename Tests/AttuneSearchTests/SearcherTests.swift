import AttuneCore
import AttuneData
import AttuneModel
@testable import AttuneSearch
import AttuneTestSupport
import Foundation
import XCTest

final class SearcherTests: XCTestCase {
    /// Vectors whose entries are multiples of 1/4 in [-1, 1]: every dot product is exact in Float
    /// whatever order sgemm sums in, and many are tied.
    private func gridMatrix(rows: Int, cols: Int, rng: inout SplitMix64) -> Tensor {
        Tensor((0..<rows * cols).map { _ in Float(Int(rng.next() % 9) - 4) / 4 }, shape: [rows, cols])
    }

    /// The top k by sorting every score: score descending, then lower index.
    private func bruteForce(_ corpus: Tensor, _ queries: Tensor, k: Int) -> [[(Int, Float)]] {
        let n = corpus.shape[0], d = corpus.shape[1]
        return (0..<queries.shape[0]).map { q in
            let scored = (0..<n).map { i -> (Int, Float) in
                var s = 0.0
                for j in 0..<d { s += Double(queries[q * d + j]) * Double(corpus[i * d + j]) }
                return (i, Float(s))
            }
            return Array(scored.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(k))
        }
    }

    func testMatchesBruteForceWithTiesAcrossChunkSizes() throws {
        var rng = SplitMix64(seed: 7)
        let n = 1000, d = 6
        let corpus = gridMatrix(rows: n, cols: d, rng: &rng)
        let queries = gridMatrix(rows: 9, cols: d, rng: &rng)
        let ids = (0..<n).map { "d\($0)" }
        let searcher = ExactSearcher(ids: ids, vectors: corpus)
        for k in [1, 3, 10, 57, 1000] {
            let expected = bruteForce(corpus, queries, k: k)
            if k < n {  // Ties straddle the cut-off, so tie-breaking by index is exercised.
                let longer = bruteForce(corpus, queries, k: k + 1)
                XCTAssertTrue(longer.contains { $0[k - 1].1 == $0[k].1 }, "no tie at k \(k)")
            }
            for chunk in [1, 7, 64, 333, 1000, 5000] {
                let got = try searcher.search(queries, k: k, chunkRows: chunk)
                XCTAssertEqual(got.count, 9)
                for q in 0..<9 {
                    XCTAssertEqual(got[q].map(\.docIndex), expected[q].map(\.0), "k \(k) chunk \(chunk) query \(q)")
                    XCTAssertEqual(got[q].map(\.score), expected[q].map(\.1), "k \(k) chunk \(chunk) query \(q)")
                    XCTAssertEqual(got[q].map(\.id), expected[q].map { ids[$0.0] })
                }
            }
        }
    }

    func testRandomUnitVectorsAgreeWithBruteForce() throws {
        var rng = SplitMix64(seed: 11)
        let n = 3000, d = 32
        let corpus = Tensor((0..<n).flatMap { _ in FakeEmbedder.vector(for: "\(rng.next())", dimension: d) }, shape: [n, d])
        let queries = Tensor((0..<5).flatMap { _ in FakeEmbedder.vector(for: "\(rng.next())", dimension: d) }, shape: [5, d])
        let searcher = ExactSearcher(ids: (0..<n).map(String.init), vectors: corpus)
        let expected = bruteForce(corpus, queries, k: 20)
        let got = try searcher.search(queries, k: 20, chunkRows: 512)
        for q in 0..<5 {
            XCTAssertEqual(got[q].map(\.docIndex), expected[q].map(\.0))
            for (h, e) in zip(got[q], expected[q]) { XCTAssertEqual(h.score, e.1, accuracy: 1e-5) }
        }
    }

    func testManyQueriesSpanSeveralBlocks() throws {
        var rng = SplitMix64(seed: 3)
        let corpus = gridMatrix(rows: 50, cols: 4, rng: &rng)
        let queries = gridMatrix(rows: ExactSearcher.queryBlock * 2 + 3, cols: 4, rng: &rng)
        let got = try ExactSearcher(ids: (0..<50).map { "x\($0)" }, vectors: corpus).search(queries, k: 5, chunkRows: 16)
        let expected = bruteForce(corpus, queries, k: 5)
        XCTAssertEqual(got.count, queries.shape[0])
        for q in 0..<got.count { XCTAssertEqual(got[q].map(\.docIndex), expected[q].map(\.0), "query \(q)") }
    }

    func testSingleQueryVectorAndIdenticalDocumentsRankByIndex() throws {
        let corpus = Tensor([0, 1, 1, 0, 1, 0, 0, 1, 1, 0], shape: [5, 2])
        let searcher = ExactSearcher(ids: ["a", "b", "c", "d", "e"], vectors: corpus)
        let hits = try searcher.search(Tensor([1, 0], shape: [2]), k: 4, chunkRows: 2)
        XCTAssertEqual(hits.count, 1)
        XCTAssertEqual(hits[0].map(\.id), ["b", "c", "e", "a"])
        XCTAssertEqual(hits[0].map(\.score), [1, 1, 1, 0])
    }

    func testKIsValidatedAndClamped() throws {
        let searcher = ExactSearcher(ids: ["a", "b", "c"], vectors: Tensor([1, 0, 0, 1, 1, 1], shape: [3, 2]))
        XCTAssertThrowsError(try searcher.search(Tensor([1, 0], shape: [1, 2]), k: 0))
        XCTAssertThrowsError(try searcher.clampedK(-2)) { error in
            XCTAssertEqual(error as? AttuneError, .invalid("k must be at least 1, got -2"))
        }
        XCTAssertEqual(try searcher.clampedK(3).k, 3)
        XCTAssertNil(try searcher.clampedK(3).note)
        let clamped = try searcher.clampedK(10)
        XCTAssertEqual(clamped.k, 3)
        XCTAssertEqual(clamped.note, "asked for the top 10 but the corpus has only 3 documents; returning all of them")
        let hits = try searcher.search(Tensor([1, 0, 0, 1], shape: [2, 2]), k: 10)
        XCTAssertEqual(hits.map { $0.map(\.id) }, [["a", "c", "b"], ["b", "c", "a"]])
        XCTAssertThrowsError(try searcher.search(Tensor([1, 0, 0], shape: [1, 3]), k: 1)) { error in
            XCTAssertEqual(error as? AttuneError, .invalid("queries have dimension 3 but the corpus vectors have 2"))
        }
        XCTAssertThrowsError(try searcher.search(Tensor([1, 0], shape: [1, 2]), k: 1, chunkRows: 0))
    }

    func testEmptyCorpusAndNaNScores() throws {
        let empty = ExactSearcher(ids: [], vectors: Tensor(zeros: [0, 3]))
        XCTAssertEqual(try empty.search(Tensor([1, 0, 0], shape: [1, 3]), k: 5).map(\.count), [0])
        let nan = ExactSearcher(ids: ["x", "y", "z"], vectors: Tensor([.nan, 1, 2], shape: [3, 1]))
        XCTAssertEqual(try nan.search(Tensor([1], shape: [1, 1]), k: 3)[0].map(\.id), ["z", "y", "x"])
    }

    func testIndexToSearchEndToEnd() throws {
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        let embedder = FakeEmbedder(dimension: 16)
        let docs = (0..<40).map { Document(id: "doc\($0)", text: "passage \($0)") }
        let index = try EmbeddingIndex.create(at: url, embedder: embedder)
        try index.add(docs, embedder: embedder, batchSize: 8)
        let searcher = try ExactSearcher(index: try EmbeddingIndex.open(url))
        XCTAssertEqual(searcher.count, 40)
        // A document's own text is its nearest neighbour (cosine 1).
        let hits = try searcher.search(try embedder.embed(["passage 17", "passage 3"]), k: 3)
        XCTAssertEqual(hits.map { $0[0].id }, ["doc17", "doc3"])
        XCTAssertEqual(hits[0][0].score, 1, accuracy: 1e-5)
    }
}

import AttuneCore
import Foundation
import XCTest
@testable import AttuneSearch

/// One query is scored with a matrix-vector product (sgemv), many with sgemm: both paths must
/// return the same documents in the same order, with the same scores up to rounding.
final class SingleQueryPathTests: XCTestCase {
    func testOneQueryAtATimeMatchesTheBatch() throws {
        let n = 3000, dim = 48, nq = 12
        let docs = (0..<n).flatMap { FakeEmbedder.vector(for: "doc \($0)", dimension: dim) }
        let searcher = ExactSearcher(ids: (0..<n).map { "d\($0)" }, vectors: Tensor(docs, shape: [n, dim]))
        let queries = (0..<nq).flatMap { FakeEmbedder.vector(for: "query \($0)", dimension: dim) }
        for chunk in [n, 1000, 7] {
            let batch = try searcher.search(Tensor(queries, shape: [nq, dim]), k: 10, chunkRows: chunk)
            for q in 0..<nq {
                let row = Array(queries[q * dim..<(q + 1) * dim])
                let alone = try searcher.search(Tensor(row, shape: [1, dim]), k: 10, chunkRows: chunk)[0]
                XCTAssertEqual(alone.map(\.id), batch[q].map(\.id), "query \(q), chunk \(chunk)")
                // The exact scores, recomputed here.
                for hit in alone {
                    var dot: Float = 0
                    for j in 0..<dim { dot += row[j] * docs[hit.docIndex * dim + j] }
                    XCTAssertEqual(hit.score, dot, accuracy: 1e-5)
                }
                XCTAssertEqual(alone.map(\.score), alone.map(\.score).sorted(by: >))
            }
        }
    }
}

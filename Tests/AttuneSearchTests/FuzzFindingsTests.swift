import AttuneCore
import AttuneData
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneSearch

/// Regressions for what scripts/fuzz.sh and scripts/kill-test.sh found in AttuneSearch.
final class SearchFuzzFindingsTests: XCTestCase {
    /// An index whose meta row claims an absurd dimension trapped when its vectors were loaded
    /// (a 400 GB allocation, or `count × dimension` overflowing); it is now refused on open.
    func testAbsurdMetaDimensionIsRefusedOnOpen() throws {
        for (key, value) in [("dimension", "99999999999"), ("dimension", "3000000000000000000"), ("max_seq_length", "99999999999999")] {
            let url = try temporaryFolder(self).appendingPathComponent("index-\(key)-\(value.count).sqlite")
            let index = try EmbeddingIndex.create(at: url, embedder: FakeEmbedder(dimension: 4))
            try index.add([Document(id: "a", text: "alpha"), Document(id: "b", text: "beta")], embedder: FakeEmbedder(dimension: 4))
            let db = try SQLiteDatabase(url, mode: .readWrite)
            try db.exec("UPDATE meta SET value = '\(value)' WHERE key = '\(key)'")
            let limit = key == "dimension" ? EmbeddingIndex.maxDimension : EmbeddingIndex.maxSeqLengthLimit
            XCTAssertThrowsError(try EmbeddingIndex.open(url)) { error in
                XCTAssertEqual(error as? AttuneError, .invalidFile(path: url.path, what:
                    "index meta \"\(key)\" is \(value), more than any model makes (at most \(limit))"))
            }
        }
    }
}

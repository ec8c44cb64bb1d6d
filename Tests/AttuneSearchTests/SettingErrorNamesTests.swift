import AttuneCore
import AttuneData
@testable import AttuneSearch
import XCTest

/// Search errors about a setting name the setting (`rescore`, `ann`, `shard`), not a flag: the CLI
/// maps the names to its flags.
final class SettingErrorNamesTests: XCTestCase {
    func testRescoreAnnAndShardAreNamedAsSettings() throws {
        let corpus = QuantizedIndexTests.structured(rows: 50, dim: 16, rank: 4, seed: 3)
        let s = QuantizedSearcher(ids: (0..<50).map { "d\($0)" }, codes: QuantizedCodes.encode(corpus, as: .int8)) { SearchTestSupport.rows(corpus, $0) }
        XCTAssertThrowsError(try s.search(SearchTestSupport.rows(corpus, [0]), k: 10, rescore: 5)) {
            XCTAssertEqual($0 as? SettingError, SettingError(setting: "rescore", value: "5", what: "must be at least k (10)"))
            XCTAssertEqual("\($0)", "rescore 5: must be at least k (10)")
        }

        var hnsw = ApproximateSearch(method: .hnsw)
        hnsw.m = 1
        XCTAssertThrowsError(try hnsw.validate()) {
            XCTAssertEqual(($0 as? SettingError)?.setting, "ann")
            XCTAssertEqual("\($0)", "ann hnsw: m must be 2…100, got 1")
        }

        XCTAssertThrowsError(try Shard(parsing: "x")) { XCTAssertEqual("\($0)", "shard \"x\": expected I/N, e.g. 2/4 (shard 2 of 4)") }
        XCTAssertThrowsError(try Shard(index: 5, count: 4)) { XCTAssertEqual("\($0)", "shard 5/4: shards are numbered 1…N with N ≥ 1, as in 2/4") }
        for name in ["rescore", "ann", "shard"] { XCTAssertTrue(SettingError.knownSettings.contains(name), name) }
    }
}

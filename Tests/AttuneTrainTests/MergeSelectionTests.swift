@testable import AttuneTrain
import XCTest

/// Alpha selection on constructed curves.
final class MergeSelectionTests: XCTestCase {
    typealias P = MergeSelection.Point

    func testBestDevAmongAlphasThatKeepTheGuard() throws {
        // Dev rises with alpha; the guard falls. Base guard .770, tolerance .005 → floor .765.
        let s = try MergeSelection(base: P(alpha: 0, dev: 0.68, guardScore: 0.770), curve: [
            P(alpha: 0.3, dev: 0.74, guardScore: 0.772),
            P(alpha: 0.5, dev: 0.77, guardScore: 0.767),
            P(alpha: 0.7, dev: 0.79, guardScore: 0.764),
            P(alpha: 1.0, dev: 0.80, guardScore: 0.758),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 0.5)
        XCTAssertTrue(s.guardHeld)
        XCTAssertTrue(s.reason.contains("0.7650"), s.reason)
        XCTAssertTrue(s.table().contains("0.50        0.7700          0.7670   ← chosen"), s.table())
    }

    func testExactlyAtTheFloorQualifies() throws {
        let s = try MergeSelection(base: P(alpha: 0, dev: 0.5, guardScore: 0.75), curve: [
            P(alpha: 0.5, dev: 0.6, guardScore: 0.75), P(alpha: 1, dev: 0.7, guardScore: 0.745),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 1)
    }

    func testNoGuardPicksBestDevAndTiesGoToTheSmallerAlpha() throws {
        let s = try MergeSelection(base: P(alpha: 0, dev: 0.5), curve: [
            P(alpha: 1, dev: 0.7), P(alpha: 0.7, dev: 0.7), P(alpha: 0.3, dev: 0.6),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 0.7)
        XCTAssertTrue(s.guardHeld)
    }

    func testWhenEveryAlphaLosesTheGuardTheLeastLossWinsAndSaysSo() throws {
        let s = try MergeSelection(base: P(alpha: 0, dev: 0.5, guardScore: 0.80), curve: [
            P(alpha: 0.5, dev: 0.6, guardScore: 0.78), P(alpha: 1, dev: 0.7, guardScore: 0.70),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 0.5)
        XCTAssertFalse(s.guardHeld)
        XCTAssertTrue(s.reason.hasPrefix("no alpha keeps the guard"), s.reason)
    }

    func testEmptyCurveIsAnError() {
        XCTAssertThrowsError(try MergeSelection(base: P(alpha: 0, dev: 0.5), curve: [], tolerance: 0)) {
            XCTAssertTrue("\($0)".contains("merge.alphas"), "\($0)")
        }
    }

    func testRoundTripsThroughJSON() throws {
        let s = try MergeSelection(base: P(alpha: 0, dev: 0.5, guardScore: 0.7), curve: [P(alpha: 0.5, dev: 0.6, guardScore: 0.7)], tolerance: 0.01)
        let back = try JSONDecoder().decode(MergeSelection.self, from: JSONEncoder().encode(s))
        XCTAssertEqual(back, s)
    }
}

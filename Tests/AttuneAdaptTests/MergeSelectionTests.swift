@testable import AttuneAdapt
import AttuneTrain
import XCTest

/// Alpha selection on constructed curves.
final class MergeSelectionTests: XCTestCase {
    typealias P = MergeSelection.Point

    func testBestDevAmongAlphasThatKeepTheGuard() throws {
        // Dev rises with alpha; the guard falls. Base guard .770, tolerance .005 → floor .765.
        let s = try MergeSelection(guards: ["guard"], base: P(alpha: 0, dev: 0.68, guards: [0.770]), curve: [
            P(alpha: 0.3, dev: 0.74, guards: [0.772]),
            P(alpha: 0.5, dev: 0.77, guards: [0.767]),
            P(alpha: 0.7, dev: 0.79, guards: [0.764]),
            P(alpha: 1.0, dev: 0.80, guards: [0.758]),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 0.5)
        XCTAssertTrue(s.guardHeld)
        XCTAssertTrue(s.reason.contains("guard 0.7650"), s.reason)
        XCTAssertTrue(s.table().contains("0.50        0.7700          0.7670   ← chosen"), s.table())
    }

    func testEveryGuardSetMustHold() throws {
        // The general set would allow alpha 1; the users' wording set holds only up to 0.3.
        let s = try MergeSelection(guards: ["general", "users' wording"], base: P(alpha: 0, dev: 0.70, guards: [0.80, 0.74]), curve: [
            P(alpha: 0.3, dev: 0.77, guards: [0.803, 0.738]),
            P(alpha: 0.5, dev: 0.81, guards: [0.806, 0.732]),
            P(alpha: 1.0, dev: 0.87, guards: [0.804, 0.710]),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 0.3)
        XCTAssertTrue(s.guardHeld)
        XCTAssertTrue(s.reason.contains("general 0.7950, users' wording 0.7350"), s.reason)
        XCTAssertTrue(s.table().hasPrefix("alpha   dev nDCG@10         general   users' wording\n"), s.table())
        // Without the second set the same curve picks alpha 1.
        let one = try MergeSelection(guards: ["general"], base: P(alpha: 0, dev: 0.70, guards: [0.80]),
                                     curve: s.curve.map { P(alpha: $0.alpha, dev: $0.dev, guards: [$0.guards[0]]) }, tolerance: 0.005)
        XCTAssertEqual(one.chosen, 1)
    }

    func testExactlyAtTheFloorQualifies() throws {
        let s = try MergeSelection(guards: ["g"], base: P(alpha: 0, dev: 0.5, guards: [0.75]), curve: [
            P(alpha: 0.5, dev: 0.6, guards: [0.75]), P(alpha: 1, dev: 0.7, guards: [0.745]),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 1)
        XCTAssertTrue(s.guardHeld, "the chosen alpha qualified, so it held the guard")
    }

    func testNoGuardPicksBestDevAndTiesGoToTheSmallerAlpha() throws {
        let s = try MergeSelection(base: P(alpha: 0, dev: 0.5), curve: [
            P(alpha: 1, dev: 0.7), P(alpha: 0.7, dev: 0.7), P(alpha: 0.3, dev: 0.6),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 0.7)
        XCTAssertTrue(s.guardHeld)
    }

    func testWhenEveryAlphaLosesTheGuardTheSmallestWorstLossWinsAndSaysSo() throws {
        let s = try MergeSelection(guards: ["a", "b"], base: P(alpha: 0, dev: 0.5, guards: [0.80, 0.60]), curve: [
            P(alpha: 0.5, dev: 0.6, guards: [0.78, 0.59]), P(alpha: 1, dev: 0.7, guards: [0.81, 0.57]),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 0.5, "worst losses: 0.02 at 0.5, 0.03 at 1")
        XCTAssertFalse(s.guardHeld)
        XCTAssertTrue(s.reason.hasPrefix("no alpha keeps every guard set"), s.reason)
    }

    func testEmptyCurveAndMismatchedScoresAreErrors() {
        XCTAssertThrowsError(try MergeSelection(base: P(alpha: 0, dev: 0.5), curve: [], tolerance: 0)) {
            XCTAssertTrue("\($0)".contains("merge.alphas"), "\($0)")
        }
        XCTAssertThrowsError(try MergeSelection(guards: ["a", "b"], base: P(alpha: 0, dev: 0.5, guards: [0.1, 0.2]),
                                                curve: [P(alpha: 1, dev: 0.6, guards: [0.1])], tolerance: 0)) {
            XCTAssertTrue("\($0)".contains("alpha 1.0 has 1 guard score(s) for 2 guard set(s)"), "\($0)")
        }
    }

    func testRoundTripsThroughJSON() throws {
        let s = try MergeSelection(guards: ["g"], base: P(alpha: 0, dev: 0.5, guards: [0.7]), curve: [P(alpha: 0.5, dev: 0.6, guards: [0.7])], tolerance: 0.01)
        let back = try JSONDecoder().decode(MergeSelection.self, from: JSONEncoder().encode(s))
        XCTAssertEqual(back, s)
    }
}

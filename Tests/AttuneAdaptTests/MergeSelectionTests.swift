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

    // A dev suite: the domain set chooses; every users, other and guard set must hold.
    private let suiteSets = ["users", "consumer-dev", "guard-dev"], suiteRoles = ["users", "other", "guard"]
    private let suiteBase = P(alpha: 0, dev: 0.60, guards: [0.50, 0.70, 0.80])

    func testASuitePicksTheBestDomainAlphaThatHoldsEverySet() throws {
        let s = try MergeSelection(guards: suiteSets, roles: suiteRoles, domain: "medquad-dev", base: suiteBase, curve: [
            P(alpha: 0.3, dev: 0.66, guards: [0.50, 0.71, 0.80]),
            P(alpha: 0.5, dev: 0.70, guards: [0.497, 0.696, 0.796]),
            P(alpha: 1.0, dev: 0.75, guards: [0.49, 0.69, 0.79]),
        ], tolerance: 0.005)
        XCTAssertEqual(s.chosen, 0.5, "1.0 loses 0.01 on every set; 0.5 holds them all and beats 0.3 on the domain set")
        XCTAssertTrue(s.guardHeld)
        XCTAssertTrue(s.reason.contains("medquad-dev (domain) score (0.7000) among those that keep every users, other and guard set within 0.0050"), s.reason)
        let table = s.table().split(separator: "\n").map(String.init)
        XCTAssertEqual(table[0], "alpha   medquad-dev           users    consumer-dev       guard-dev")
        XCTAssertEqual(table[1], "             domain           users           other           guard")
        XCTAssertEqual(table[2], " 0.00        0.6000          0.5000          0.7000          0.8000   (base)")
        XCTAssertEqual(table[4], " 0.50        0.7000          0.4970          0.6960          0.7960   ← chosen")
        XCTAssertEqual(table.count, 6)
    }

    func testASetOfEachRoleThatBreaksTheToleranceExcludesThatAlpha() throws {
        // The best domain alpha 1.0 holds two of the three sets; whichever one breaks, 1.0 is out and 0.5 wins.
        for broken in 0..<3 {
            var top = [0.50, 0.70, 0.80]
            top[broken] -= 0.006
            let s = try MergeSelection(guards: suiteSets, roles: suiteRoles, domain: "medquad-dev", base: suiteBase, curve: [
                P(alpha: 0.5, dev: 0.70, guards: [0.50, 0.70, 0.80]),
                P(alpha: 1.0, dev: 0.75, guards: top),
            ], tolerance: 0.005)
            XCTAssertEqual(s.chosen, 0.5, "a \(suiteRoles[broken]) set 0.006 below the base excludes alpha 1")
            // Within the tolerance (0.004 below) it holds, and 1.0 is chosen.
            top[broken] += 0.002
            let held = try MergeSelection(guards: suiteSets, roles: suiteRoles, domain: "medquad-dev", base: suiteBase, curve: [
                P(alpha: 0.5, dev: 0.70, guards: [0.50, 0.70, 0.80]),
                P(alpha: 1.0, dev: 0.75, guards: top),
            ], tolerance: 0.005)
            XCTAssertEqual(held.chosen, 1, "\(suiteRoles[broken]) 0.004 below the base is within the tolerance")
        }
    }

    func testASuiteSelectionWritesEverySetsCurveToJSON() throws {
        let s = try MergeSelection(guards: ["consumer-dev", "guard-dev"], roles: ["other", "guard"], domain: "medquad-dev",
                                   base: P(alpha: 0, dev: 0.6, guards: [0.7, 0.8]),
                                   curve: [P(alpha: 0.5, dev: 0.65, guards: [0.71, 0.79]), P(alpha: 1, dev: 0.7, guards: [0.72, 0.78])],
                                   tolerance: 0.005)
        let data = try JSONEncoder().encode(s)
        XCTAssertEqual(try JSONDecoder().decode(MergeSelection.self, from: data), s)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["domain"] as? String, "medquad-dev")
        XCTAssertEqual(json["roles"] as? [String], ["other", "guard"])
        let sets = try XCTUnwrap(json["sets"] as? [[String: Any]])
        XCTAssertEqual(sets.map { $0["name"] as? String }, ["medquad-dev", "consumer-dev", "guard-dev"])
        XCTAssertEqual(sets.map { $0["role"] as? String }, ["domain", "other", "guard"])
        XCTAssertEqual(sets.map { $0["base"] as? Double }, [0.6, 0.7, 0.8])
        let guardCurve = try XCTUnwrap(sets[2]["scores"] as? [[String: Double]])
        XCTAssertEqual(guardCurve, [["alpha": 0.5, "ndcg@10": 0.79], ["alpha": 1, "ndcg@10": 0.78]])
        // A merge.json written before suites (no roles, domain or sets) still reads.
        let old = #"{"guards":["g"],"base":{"alpha":0,"dev":0.5,"guards":[0.7]},"curve":[{"alpha":1,"dev":0.6,"guards":[0.7]}],"tolerance":0.01,"chosen":1,"reason":"r"}"#
        let back = try JSONDecoder().decode(MergeSelection.self, from: Data(old.utf8))
        XCTAssertNil(back.roles); XCTAssertNil(back.domain)
        XCTAssertEqual(back.sets.map(\.name), ["dev", "g"])
        XCTAssertThrowsError(try MergeSelection(guards: ["a", "b"], roles: ["other"], base: P(alpha: 0, dev: 0.5, guards: [0.1, 0.2]),
                                                curve: [P(alpha: 1, dev: 0.6, guards: [0.1, 0.2])], tolerance: 0)) {
            XCTAssertTrue("\($0)".contains("1 role(s) for 2 held set(s)"), "\($0)")
        }
    }
}

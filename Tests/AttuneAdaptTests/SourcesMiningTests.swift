import AttuneCore
import AttuneData
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneAdapt
@testable import AttuneTrain

/// Mining with several sources: each source mined on its own (its fields and prompts) into
/// OUTPUT/mined-NAME.jsonl, and trained on.
final class SourcesMiningTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-sources-mining-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func testEachSourceIsMinedOnItsOwnWithItsFields() throws {
        let modelURL = try Fixtures.model()
        let lines = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Data/medical/train.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        let first = dir.appendingPathComponent("first.jsonl")
        try Data((lines[0..<32].joined(separator: "\n") + "\n").utf8).write(to: first)
        // The second source names its fields otherwise.
        let renamed = lines[200..<232].map { $0.replacingOccurrences(of: "\"anchor\":", with: "\"question\":")
            .replacingOccurrences(of: "\"positive\":", with: "\"answer\":") }
        let second = dir.appendingPathComponent("second.jsonl")
        try Data((renamed.joined(separator: "\n") + "\n").utf8).write(to: second)

        var r = Recipe()
        r.model = modelURL.path
        var b = TrainingSource(name: "second", pairs: second.path)
        b.anchorField = "question"
        b.positiveField = "answer"
        r.sources = [TrainingSource(name: "first", pairs: first.path), b]
        r.output = dir.appendingPathComponent("out").path
        r.batchSize = 4; r.maxSeqLength = 24; r.trainableLayers = 1; r.checkpointEvery = 0
        r.mineNegatives = 1; r.mineMaxSeqLength = 24
        XCTAssertNoThrow(try r.validate())
        var logs: [String] = []
        let result = try Adaptation(recipe: r, log: { logs.append($0) }).run()

        let out = URL(fileURLWithPath: r.output)
        let minedFirst = try PairReader().read(out.appendingPathComponent("mined-first.jsonl")).pairs
        let minedSecond = try PairReader(anchorField: "question", positiveField: "answer")
            .read(out.appendingPathComponent("mined-second.jsonl")).pairs
        XCTAssertEqual(minedFirst.count, 32)
        XCTAssertEqual(minedSecond.count, 32)
        let firstPositives = Set(minedFirst.map(\.positive)), secondPositives = Set(minedSecond.map(\.positive))
        XCTAssertGreaterThan(minedFirst.filter { !$0.negatives.isEmpty }.count, 16)
        XCTAssertTrue(minedFirst.allSatisfy { $0.negatives.allSatisfy(firstPositives.contains) }, "a source's negatives are its own positives")
        XCTAssertTrue(minedSecond.allSatisfy { $0.negatives.allSatisfy(secondPositives.contains) })
        XCTAssertTrue(logs.contains { $0.hasPrefix("source second: mine: 1 hard negative(s) per pair for 32 pairs") }, "\(logs)")
        let training = try XCTUnwrap(result.training)
        XCTAssertEqual(training.sources?.map(\.name), ["first", "second"])
        let steps = try XCTUnwrap(training.sources?.map(\.steps))
        XCTAssertTrue(steps.allSatisfy { $0 > 0 }, "\(steps)")
        XCTAssertEqual(steps.reduce(0, +), training.steps)
        // The model's saved recipe trains on the mined files.
        let saved = try Recipe.load(out.appendingPathComponent("recipe.yaml"))
        XCTAssertEqual(saved.sources.map { URL(fileURLWithPath: $0.pairs).lastPathComponent }, ["mined-first.jsonl", "mined-second.jsonl"])
    }
}

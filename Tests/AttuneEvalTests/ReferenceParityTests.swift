import AttuneCore
import AttuneData
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneEval

/// Attune's metrics against `metrics()` of ../shared/reference/st_reference.py, through
/// scripts/check-metrics.py, on a seeded synthetic run over the real MedQuAD test qrels.
final class ReferenceParityTests: XCTestCase {
    func testMetricsAgreeWithReferenceScript() throws {
        let qrelsURL = try Fixtures.shared("data/medquad/test-qrels.tsv")
        let reference = try Fixtures.shared("reference/st_reference.py")
        let qrels = try Qrels.read(qrelsURL)

        // Each query ranks 120 documents drawn from the judged pool; its relevant ones are
        // placed at seeded positions (some beyond 10 and beyond 100); a few queries are left out.
        var rng = SplitMix64(seed: 11)
        let pool = Array(Set(qrels.relevant.values.flatMap { $0 })).sorted()
        var scored: [String: [(doc: String, score: Double)]] = [:]
        for (i, q) in qrels.relevant.keys.sorted().enumerated() where i % 13 != 0 {
            var docs = Array(pool.shuffled(using: &rng).filter { !qrels.relevant[q]!.contains($0) }.prefix(120))
            for d in qrels.relevant[q]!.sorted() where rng.next() % 4 != 0 {
                docs.insert(d, at: Int(rng.next() % (rng.next() % 2 == 0 ? 12 : 115)))
            }
            scored[q] = docs.enumerated().map { (doc: $1, score: 1 - Double($0) / 1000) }
        }
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("attune-eval-check")
        let runURL = dir.appendingPathComponent("run.trec"), jsonURL = dir.appendingPathComponent("eval.json")
        try TrecRun.write(scored, tag: "synthetic", to: runURL)
        let ranked = try TrecRun.read(runURL)
        let m = evaluate(ranked: ranked, qrels: qrels)
        XCTAssertEqual(m.queries, scored.count)
        let report = EvalReport(models: [ModelResult(name: "synthetic", metrics: m, topDocs: ranked)],
                                test: PairedTest(resamples: 10))
        try atomicWrite(report.json(), to: jsonURL)

        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try Fixtures.require(python != nil, "python3 not found; cannot run scripts/check-metrics.py")
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/check-metrics.py")
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: python!)
        proc.arguments = [script.path, runURL.path, qrelsURL.path, jsonURL.path, "--reference", reference.path]
        let out = Pipe()
        proc.standardOutput = out
        proc.standardError = out
        try proc.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        proc.waitUntilExit()
        print(text)
        XCTAssertEqual(proc.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("AGREE to 4 decimals"), text)
    }
}

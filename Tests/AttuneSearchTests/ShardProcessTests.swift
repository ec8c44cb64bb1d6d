import AttuneCore
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneSearch

/// `attune index --shard` as separate processes with the real model against the test PostgreSQL:
/// two shard writers at once fill the same table as one writer, and a writer killed with SIGKILL
/// and rerun leaves every id exactly once. Short texts at 16 tokens keep the debug build quick.
final class ShardProcessTests: XCTestCase {
    /// The `attune` binary `swift test` built beside this test bundle.
    func attuneBinary() throws -> URL {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let url = dir.appendingPathComponent("attune")
        try Fixtures.require(FileManager.default.isExecutableFile(atPath: url.path), "no attune binary at \(url.path) (swift build first)")
        return url
    }

    func corpusFile(_ n: Int) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attune-shards-\(UUID().uuidString).jsonl")
        let lines = (0..<n).map { "{\"_id\": \"s\($0)\", \"text\": \"patient note \($0): cough and fever for \($0 % 7) days\"}" }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func table(_ tag: String) throws -> PostgresLocation {
        let location = try PostgresLocation(Fixtures.postgresURL()).with(table: "proc_\(tag)_\(UUID().uuidString.prefix(6).lowercased())")
        addTeardownBlock { try? PostgresStore.drop(location) }
        return location
    }

    func start(_ binary: URL, _ args: [String]) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return (p, err)
    }

    func finish(_ run: (Process, Pipe), _ what: String) -> String {
        let text = String(decoding: run.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.0.waitUntilExit()
        XCTAssertEqual(run.0.terminationStatus, 0, "\(what): \(text)")
        return text
    }

    func vectors(_ location: PostgresLocation) throws -> [String: [Float]] {
        let (ids, m) = try PostgresStore.open(location).loadMatrix()
        let d = m.cols
        return Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Array(UnsafeBufferPointer(start: m.data + $0 * d, count: d))) })
    }

    func testTwoShardProcessesFillTheSameTableAsOneAndAKilledWriterResumes() throws {
        let binary = try attuneBinary()
        let model = try Fixtures.model().path
        let corpus = try corpusFile(60)
        let one = try table("one"), two = try table("two"), killed = try table("kill")
        let common = ["index", "--model", model, "--corpus", corpus.path, "--max-seq-length", "16", "--threads", "1"]

        let a = try start(binary, common + ["--db", two.description, "--shard", "1/2", "--batch-size", "8"])
        let b = try start(binary, common + ["--db", two.description, "--shard", "2/2", "--batch-size", "8"])
        let single = try start(binary, common + ["--db", one.description, "--batch-size", "16"])
        let outA = finish(a, "shard 1/2"), outB = finish(b, "shard 2/2")
        _ = finish(single, "one writer")
        XCTAssertTrue(outA.contains("shard 1/2"), outA)
        XCTAssertTrue(outB.contains("left to other shards"), outB)

        let sharded = try vectors(two), whole = try vectors(one)
        XCTAssertEqual(sharded.count, 60)
        XCTAssertEqual(Set(sharded.keys), Set(whole.keys))
        for (id, v) in whole {
            // Equal up to the encoder's float rounding, which depends on how texts are batched.
            let w = try XCTUnwrap(sharded[id])
            XCTAssertLessThan(zip(v, w).map { abs($0 - $1) }.max()!, 1e-5, id)
        }

        // SIGKILL a writer once it has committed a batch; the rerun adds exactly the rest.
        let victim = try start(binary, common + ["--db", killed.description, "--batch-size", "2"])
        let deadline = Date().addingTimeInterval(120)
        var seen = 0
        while Date() < deadline && victim.0.isRunning {
            seen = (try? PostgresStore.open(killed).count) ?? 0
            if seen >= 4 { break }
            usleep(50_000)
        }
        if victim.0.isRunning { kill(victim.0.processIdentifier, SIGKILL) }
        victim.0.waitUntilExit()
        let partial = try PostgresStore.open(killed).count
        print("the killed writer had committed \(partial) of 60 documents")
        XCTAssertLessThan(partial, 60, "the writer was killed before it finished")
        XCTAssertEqual(partial % 2, 0, "only whole batches were committed")
        let rerun = finish(try start(binary, common + ["--db", killed.description, "--batch-size", "2"]), "rerun")
        XCTAssertTrue(rerun.contains("\(60 - partial) documents embedded, \(partial) already present"), rerun)
        let c = try PostgresConnection(killed)
        let counts = try c.query("SELECT count(*), count(DISTINCT id) FROM \"\(killed.table)\"", [], "counting")
        XCTAssertEqual(counts.first, ["60", "60"])
    }
}

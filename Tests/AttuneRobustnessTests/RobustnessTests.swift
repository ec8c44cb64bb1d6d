import AttuneTestSupport
import Foundation
import XCTest

/// The CI share of scripts/fuzz.sh and scripts/kill-test.sh (the long runs are the scripts; see
/// README "Robustness"): every seed and every saved crash input through every fuzz harness, and
/// the kill test with N = 2 for `attune train` and `attune index`, on the binaries `swift test` built.
final class RobustnessTests: XCTestCase {
    /// A product beside the test bundle (`attune`, `attune-fuzz`); missing: skip on a developer
    /// machine, fail under CI.
    private func product(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let candidates = [
            Bundle(for: RobustnessTests.self).bundleURL.deletingLastPathComponent().appendingPathComponent(name),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name),
        ]
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        try Fixtures.require(false, "no built \(name) at \(candidates.map(\.path).joined(separator: " or "))", file: file, line: line)
        fatalError("unreachable: require throws")
    }

    /// Run `executable args` in the package root; (status, or -signal when killed by one; output).
    private func run(_ executable: URL, _ args: [String], environment: [String: String] = [:], timeout: TimeInterval) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        p.currentDirectoryURL = Fixtures.packageRoot
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("attune-robustness-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        p.standardOutput = handle
        p.standardError = handle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning { p.terminate(); XCTFail("\(executable.lastPathComponent) \(args.joined(separator: " ")) ran past \(Int(timeout))s") }
        p.waitUntilExit()
        let output = String(decoding: FileManager.default.contents(atPath: log.path) ?? Data(), as: UTF8.self)
        return (p.terminationReason == .uncaughtSignal ? -p.terminationStatus : p.terminationStatus, output)
    }

    /// Every committed seed (Fuzz/Corpus/TARGET) and crash input (Fuzz/Regressions/TARGET) runs
    /// through its harness without a trap: what the fuzzers found stays fixed, and the harnesses build.
    func testFuzzSeedsAndRegressionsRunClean() throws {
        let fuzz = try product("attune-fuzz")
        let list = try run(fuzz, ["--list"], timeout: 60)
        XCTAssertEqual(list.status, 0, list.output)
        let targets = list.output.split(separator: "\n").map(String.init)
        XCTAssertGreaterThanOrEqual(targets.count, 15, "fuzz targets: \(targets)")
        let fm = FileManager.default
        for target in targets {
            let dirs = ["Fuzz/Corpus/\(target)", "Fuzz/Regressions/\(target)"].filter { fm.fileExists(atPath: Fixtures.packageRoot.appendingPathComponent($0).path) }
            XCTAssertTrue(dirs.contains("Fuzz/Corpus/\(target)"), "\(target) has no seed corpus")
            let r = try run(fuzz, [target] + dirs, environment: ["SWIFT_BACKTRACE": "enable=no"], timeout: 300)
            XCTAssertEqual(r.status, 0, "\(target): \(r.output.suffix(2000))")
            XCTAssertTrue(r.output.contains("\(target): "), r.output)
        }
    }

    /// scripts/kill-test.sh 2 for train, index and the reduced demo (and the full-disk check):
    /// kill -9 at seeded moments, then every output whole, the resumed training byte-equal, the
    /// index complete, the resumed demo's eval.json equal (its first run once trapped in ArgumentParser).
    func testKillTestTrainIndexDemo() throws {
        _ = try Fixtures.model()
        let attune = try product("attune")
        let r = try run(URL(fileURLWithPath: "/bin/bash"), ["scripts/kill-test.sh", "2", "11"],
                        environment: ["ATTUNE": attune.path, "KILL_COMMANDS": "train index demo"], timeout: 1800)
        XCTAssertEqual(r.status, 0, String(r.output.suffix(4000)))
        XCTAssertTrue(r.output.contains("all outputs whole, every resume equal"), String(r.output.suffix(4000)))
    }
}

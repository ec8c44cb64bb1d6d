import Foundation
import XCTest

/// Where the tests find `../shared` and the real model, and what they do when either is missing:
/// skip with a printed reason on a developer machine, fail under CI (`CI=true`), so a green CI
/// always means parity was checked.
public enum Fixtures {
    /// The package root (this file is Tests/AttuneTestSupport/Fixtures.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repo (or `ATTUNE_SHARED`).
    public static var sharedRoot: URL {
        if let p = ProcessInfo.processInfo.environment["ATTUNE_SHARED"] { return URL(fileURLWithPath: p) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// The all-MiniLM-L6-v2 folder: `ATTUNE_MODEL_DIR`, else Attune's cache
    /// (`$ATTUNE_HOME` or `~/.cache/attune`)`/models/all-MiniLM-L6-v2`.
    public static var modelDir: URL {
        if let p = ProcessInfo.processInfo.environment["ATTUNE_MODEL_DIR"] { return URL(fileURLWithPath: p) }
        return cachedModel("all-MiniLM-L6-v2")
    }

    /// The all-mpnet-base-v2 folder: `ATTUNE_MPNET_DIR`, else Attune's cache`/models/all-mpnet-base-v2`.
    public static var mpnetDir: URL {
        if let p = ProcessInfo.processInfo.environment["ATTUNE_MPNET_DIR"] { return URL(fileURLWithPath: p) }
        return cachedModel("all-mpnet-base-v2")
    }

    /// `$ATTUNE_HOME` (or `~/.cache/attune`)`/models/NAME`.
    static func cachedModel(_ name: String) -> URL {
        let home = ProcessInfo.processInfo.environment["ATTUNE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/attune")
        return home.appendingPathComponent("models/\(name)")
    }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A file under `../shared`, or skip (fail under CI) when it is absent.
    public static func shared(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = sharedRoot.appendingPathComponent(relative)
        try require(FileManager.default.fileExists(atPath: url.path), "missing \(url.path) (../shared beside the repo)", file: file, line: line)
        return url
    }

    /// The real model folder, or skip (fail under CI) when it is absent.
    public static func model(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        try existing(modelDir, fetch: "scripts/fetch-model.sh", file: file, line: line)
    }

    /// The all-mpnet-base-v2 folder, or skip (fail under CI) when it is absent.
    public static func mpnetModel(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        try existing(mpnetDir, fetch: "scripts/fetch-model.sh all-mpnet-base-v2", file: file, line: line)
    }

    private static func existing(_ url: URL, fetch: String, file: StaticString, line: UInt) throws -> URL {
        try require(FileManager.default.fileExists(atPath: url.appendingPathComponent("model.safetensors").path),
                    "missing model at \(url.path) (run \(fetch))", file: file, line: line)
        return url
    }

    /// The test PostgreSQL server (with pgvector) that `scripts/pg.sh start` prints as
    /// `ATTUNE_TEST_PG_URL`, or skip (fail under CI) when it is not set.
    public static func postgresURL(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let url = ProcessInfo.processInfo.environment["ATTUNE_TEST_PG_URL"] ?? ""
        try require(!url.isEmpty, "ATTUNE_TEST_PG_URL is not set (run the tests with scripts/pg.sh run swift test)", file: file, line: line)
        return url
    }

    /// Skip with `reason` on a developer machine; fail under CI.
    public static func require(_ condition: Bool, _ reason: String, file: StaticString = #filePath, line: UInt = #line) throws {
        if condition { return }
        if isCI {
            XCTFail("CI=true and \(reason)", file: file, line: line)
            throw XCTSkip("failed: \(reason)")
        }
        print("skipping: \(reason)")
        throw XCTSkip(reason)
    }
}

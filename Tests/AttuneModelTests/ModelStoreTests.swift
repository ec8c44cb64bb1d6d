import AttuneCore
import Foundation
import XCTest
@testable import AttuneModel

final class ModelStoreTests: XCTestCase {
    func testResolve() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("attune-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let model = home.appendingPathComponent("models/all-MiniLM-L6-v2")
        try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
        try Data().write(to: model.appendingPathComponent("model.safetensors"))

        // An existing path is used as is.
        XCTAssertEqual(try ModelStore.resolve(home.path, home: home).path, home.path)
        // Known names map into home (already present: no fetch).
        XCTAssertEqual(try ModelStore.resolve("all-MiniLM-L6-v2", home: home).path, model.path)
        XCTAssertEqual(try ModelStore.resolve("sentence-transformers/all-MiniLM-L6-v2", home: home).path, model.path)
        let mpnet = home.appendingPathComponent("models/all-mpnet-base-v2")
        try FileManager.default.createDirectory(at: mpnet, withIntermediateDirectories: true)
        try Data().write(to: mpnet.appendingPathComponent("model.safetensors"))
        XCTAssertEqual(try ModelStore.resolve("all-mpnet-base-v2", home: home).path, mpnet.path)
        XCTAssertEqual(try ModelStore.resolve("sentence-transformers/all-mpnet-base-v2", home: home).path, mpnet.path)
        // Anything else is a one-line error naming it.
        XCTAssertThrowsError(try ModelStore.resolve("no-such-model-xyz", home: home)) {
            XCTAssertEqual("\($0)", "no-such-model-xyz: no such folder, and not a known model name (known: all-MiniLM-L6-v2, all-mpnet-base-v2)")
        }
    }

    func testHomeFollowsEnvironment() {
        let env = ProcessInfo.processInfo.environment["ATTUNE_HOME"]
        if let env, !env.isEmpty {
            XCTAssertEqual(ModelStore.home.path, URL(fileURLWithPath: env).path)
        } else {
            XCTAssertTrue(ModelStore.home.path.hasSuffix(".cache/attune"), ModelStore.home.path)
        }
    }
}

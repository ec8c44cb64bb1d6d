import AttuneData
import AttuneTestSupport
import Foundation
import XCTest

final class AtomicWriteTests: XCTestCase {
    private func contents(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    func testWritesAndReplacesCreatingTheFolder() throws {
        let dir = try temporaryFolder(self)
        let url = dir.appendingPathComponent("a/b/out.txt")
        try atomicWrite(Data("one".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "one")
        try atomicWrite(Data("two".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "two")
        XCTAssertEqual(try contents(url.deletingLastPathComponent()), ["out.txt"])
    }

    /// A write that fails at the rename (the destination is a folder) leaves what was there and no temp file.
    func testFailedRenameLeavesTheOldContentAndNoTempFile() throws {
        let dir = try temporaryFolder(self)
        let target = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside.txt"))
        XCTAssertThrowsError(try atomicWrite(Data("new".utf8), to: target)) { error in
            guard case .invalidFile(let path, let what)? = error as? AttuneError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, target.path)
            XCTAssertTrue(what.hasPrefix("could not move the new file into place"), what)
        }
        XCTAssertEqual(try contents(dir), ["out"])
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("inside.txt"), encoding: .utf8), "keep")
    }

    /// A writer interrupted before `commit` (an error in the caller, or dropped) leaves the old file
    /// whole, however much it had streamed, and removes its temp file.
    func testInterruptedWriteLeavesTheOldFileIntact() throws {
        let dir = try temporaryFolder(self)
        let url = dir.appendingPathComponent("pairs.jsonl")
        let old = Data("the user's file\n".utf8)
        try old.write(to: url)
        struct Interrupted: Error {}
        XCTAssertThrowsError(try {
            let file = try AtomicFileWriter(url: url)
            for i in 0..<100_000 { try file.write("{\"line\": \(i)}\n") }  // more than one flush
            XCTAssertEqual(try self.contents(dir).count, 2, "the temp file sits beside the destination")
            throw Interrupted()
        }()) { XCTAssertTrue($0 is Interrupted) }
        XCTAssertEqual(try Data(contentsOf: url), old)
        XCTAssertEqual(try contents(dir), ["pairs.jsonl"])

        let file = try AtomicFileWriter(url: url)
        try file.write("partial")
        file.discard()
        XCTAssertEqual(try Data(contentsOf: url), old)
        XCTAssertEqual(try contents(dir), ["pairs.jsonl"])
    }

    func testStreamedCommitIsWhole() throws {
        let dir = try temporaryFolder(self)
        let url = dir.appendingPathComponent("big.txt")
        let file = try AtomicFileWriter(url: url)
        var expected = Data()
        for i in 0..<100_000 {
            let line = "line \(i)\n"
            expected.append(contentsOf: line.utf8)
            try file.write(line)
        }
        try file.write(Data(repeating: 7, count: 3 << 20))  // a single write larger than the buffer
        expected.append(Data(repeating: 7, count: 3 << 20))
        try file.commit()
        XCTAssertEqual(try Data(contentsOf: url), expected)
        XCTAssertEqual(try contents(dir), ["big.txt"])
    }

    func testFolderThatCannotBeCreatedIsNamed() throws {
        let dir = try temporaryFolder(self)
        let file = dir.appendingPathComponent("plain.txt")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try atomicWrite(Data("y".utf8), to: file.appendingPathComponent("out.json"))) { error in
            guard case .invalidFile(let path, let what)? = error as? AttuneError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, file.path)
            XCTAssertTrue(what.hasPrefix("cannot create the folder"), what)
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "x")
    }
}

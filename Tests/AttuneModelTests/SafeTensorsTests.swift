import AttuneCore
import AttuneData
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

final class SafeTensorsTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-st-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: dir) }

    /// A file with the given JSON header and data bytes.
    func raw(_ header: String, _ data: [UInt8], name: String = "t.safetensors") throws -> URL {
        let h = Array(header.utf8)
        var bytes: [UInt8] = withUnsafeBytes(of: UInt64(h.count).littleEndian) { Array($0) }
        bytes += h + data
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    func expectInvalid(_ url: URL, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try SafeTensorsFile(url: url), file: file, line: line) { error in
            guard case AttuneError.invalidFile(let path, let what) = error else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(path, url.path, file: file, line: line)
            XCTAssertTrue(what.contains(fragment), "\"\(what)\" lacks \"\(fragment)\"", file: file, line: line)
        }
    }

    func testWriteReadRoundTrip() throws {
        let a = Tensor([1, -2.5, 3, .pi, 0, -0.0], shape: [2, 3])
        let b = Tensor([Float.greatestFiniteMagnitude, Float.leastNonzeroMagnitude, 7], shape: [3])
        let url = dir.appendingPathComponent("w.safetensors")
        try SafeTensors.write([("z.last", a), ("a.first", b), ("empty", Tensor(zeros: [0, 4]))],
                              metadata: ["format": "pt", "note": "quote \" and \\"], to: url)
        let bytes = try Data(contentsOf: url)
        let n = bytes.prefix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        XCTAssertEqual((8 + Int(n)) % 8, 0, "header padded to 8 bytes")
        let f = try SafeTensorsFile(url: url)
        XCTAssertEqual(f.names, ["a.first", "empty", "z.last"])
        XCTAssertEqual(f.metadata, ["format": "pt", "note": "quote \" and \\"])
        XCTAssertEqual(f.shape("z.last"), [2, 3])
        XCTAssertEqual(f.dtype("a.first"), "F32")
        XCTAssertNil(f.shape("missing"))
        XCTAssertEqual(try f.tensor("z.last").values.map(\.bitPattern), a.values.map(\.bitPattern))
        XCTAssertEqual(try f.tensor("a.first").values, b.values)
        XCTAssertEqual(try f.tensor("empty").shape, [0, 4])
        let trainable = try f.tensor("z.last", requiresGrad: true)
        XCTAssertTrue(trainable.requiresGrad)
        XCTAssertEqual(trainable.name, "z.last")
        XCTAssertThrowsError(try f.tensor("missing")) { XCTAssertTrue("\($0)".contains("missing")) }
        XCTAssertThrowsError(try SafeTensors.write([("x", a), ("x", b)], to: url)) { XCTAssertTrue("\($0)".contains("x given twice")) }
    }

    func testTruncatedFiles() throws {
        let url = dir.appendingPathComponent("w.safetensors")
        try SafeTensors.write([("w", Tensor([1, 2, 3, 4], shape: [4]))], to: url)
        let full = try Data(contentsOf: url)
        try full.prefix(5).write(to: url)
        expectInvalid(url, "truncated")
        try full.prefix(20).write(to: url)
        expectInvalid(url, "runs past the end")
        try full.prefix(full.count - 4).write(to: url)
        expectInvalid(url, "out of bounds")
    }

    func testBadHeaders() throws {
        expectInvalid(try raw("{not json", []), "not a JSON object")
        expectInvalid(try raw("[1, 2]", []), "not a JSON object")
        expectInvalid(try raw(#"{"w": {"dtype": "F32", "shape": [2]}}"#, [UInt8](repeating: 0, count: 8)), "tensor w: missing or invalid data_offsets")
        expectInvalid(try raw(#"{"w": {"shape": [2], "data_offsets": [0, 8]}}"#, [UInt8](repeating: 0, count: 8)), "tensor w: missing or non-string dtype")
        expectInvalid(try raw(#"{"w": {"dtype": "F32", "shape": [-2], "data_offsets": [0, 8]}}"#, [UInt8](repeating: 0, count: 8)), "tensor w: missing or invalid shape")
        expectInvalid(try raw(#"{"w": {"dtype": "Q4", "shape": [2], "data_offsets": [0, 8]}}"#, [UInt8](repeating: 0, count: 8)), "tensor w: unknown dtype Q4")
        expectInvalid(try raw(#"{"__metadata__": {"n": 3}}"#, []), "__metadata__ value for n")
    }

    func testOffsetsSizesOverlaps() throws {
        let data = [UInt8](repeating: 0, count: 16)
        expectInvalid(try raw(#"{"w": {"dtype": "F32", "shape": [4], "data_offsets": [4, 20]}}"#, data), "tensor w: data_offsets [4, 20] out of bounds")
        expectInvalid(try raw(#"{"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 16]}}"#, data), "tensor w: 16 bytes but F32 [3] needs 12")
        expectInvalid(try raw(#"{"w": {"dtype": "F16", "shape": [2, 2], "data_offsets": [0, 16]}}"#, data), "needs 8")
        expectInvalid(try raw(#"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}"#, data),
                      "tensor b overlaps tensor a")
        // Adjacent is fine.
        let ok = try SafeTensorsFile(url: try raw(#"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [2], "data_offsets": [8, 16]}}"#, data))
        XCTAssertEqual(ok.names, ["a", "b"])
    }

    func testHalfAndBFloatConversion() throws {
        // F16 bit patterns with known values: 1, -2, max finite, smallest subnormal, -0, +inf, 1/3 (rounded).
        let half: [UInt16] = [0x3C00, 0xC000, 0x7BFF, 0x0001, 0x8000, 0x7C00, 0x3555]
        let halfExpected: [Float] = [1, -2, 65504, 5.9604645e-8, -0.0, .infinity, 0.333251953125]
        // BF16: 1, -3, 3.140625, smallest normal.
        let bf: [UInt16] = [0x3F80, 0xC040, 0x4049, 0x0080]
        let bfExpected: [Float] = [1, -3, 3.140625, Float.leastNormalMagnitude]
        func le(_ v: [UInt16]) -> [UInt8] { v.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let url = try raw(#"{"h": {"dtype": "F16", "shape": [7], "data_offsets": [0, 14]}, "b": {"dtype": "BF16", "shape": [2, 2], "data_offsets": [14, 22]}}"#,
                          le(half) + le(bf))
        let f = try SafeTensorsFile(url: url)
        XCTAssertEqual(try f.tensor("h").values.map(\.bitPattern), halfExpected.map(\.bitPattern))
        let b = try f.tensor("b")
        XCTAssertEqual(b.shape, [2, 2])
        XCTAssertEqual(b.values, bfExpected)
        // Every half bit pattern against the standard library's conversion.
        #if !(os(macOS) && arch(x86_64))
        for bits in UInt16.min...UInt16.max {
            let mine = halfToFloat(bits), reference = Float(Float16(bitPattern: bits))
            if reference.isNaN { XCTAssertTrue(mine.isNaN); continue }
            XCTAssertEqual(mine.bitPattern, reference.bitPattern, "half 0x\(String(bits, radix: 16))")
        }
        #endif
    }

    func testIntegersAndUnsupportedDtypes() throws {
        let ints: [Int64] = [0, 1, 511, -3]
        let intBytes = ints.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        let url = try raw(#"{"embeddings.position_ids": {"dtype": "I64", "shape": [1, 4], "data_offsets": [0, 32]}, "counts": {"dtype": "I64", "shape": [4], "data_offsets": [32, 64]}, "mask": {"dtype": "I32", "shape": [2], "data_offsets": [64, 72]}}"#,
                          intBytes + intBytes + [UInt8](repeating: 0, count: 8))
        let f = try SafeTensorsFile(url: url)
        XCTAssertEqual(try f.int64s("counts"), ints)
        XCTAssertEqual(try f.tensor("embeddings.position_ids").values, [0, 1, 511, -3])
        XCTAssertThrowsError(try f.tensor("counts")) { XCTAssertTrue("\($0)".contains("tensor counts: dtype I64"), "\($0)") }
        XCTAssertThrowsError(try f.tensor("mask")) { XCTAssertTrue("\($0)".contains("tensor mask: dtype I32"), "\($0)") }
        XCTAssertThrowsError(try f.int64s("mask")) { XCTAssertTrue("\($0)".contains("expected I64"), "\($0)") }
    }

    func testMissingFile() {
        XCTAssertThrowsError(try SafeTensorsFile(url: dir.appendingPathComponent("nope.safetensors"))) { error in
            XCTAssertEqual(error as? AttuneError, .fileNotFound(path: dir.appendingPathComponent("nope.safetensors").path))
        }
    }

    func testRealModelLoads() throws {
        let f = try SafeTensorsFile(url: try Fixtures.model().appendingPathComponent("model.safetensors"))
        XCTAssertEqual(f.shape("embeddings.word_embeddings.weight"), [30522, 384])
        XCTAssertEqual(try f.int64s("embeddings.position_ids").prefix(3), [0, 1, 2])
        let w = try f.tensor("encoder.layer.0.attention.self.query.weight")
        XCTAssertEqual(w.shape, [384, 384])
        XCTAssertTrue(w.values.allSatisfy(\.isFinite))
        XCTAssertGreaterThan(w.values.map(abs).max()!, 0)
    }
}

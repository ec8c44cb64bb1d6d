import AttuneData
import XCTest

final class StableHashTests: XCTestCase {
    /// The published FNV-1a 64-bit test vectors (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
    func testKnownFNV1a64Values() {
        XCTAssertEqual(FNV1a64.hash(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(FNV1a64.hash("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(FNV1a64.hash("foobar"), 0x8594_4171_f739_67e8)
    }

    /// Streaming bytes gives the same value as hashing the whole text; UTF-8 bytes, not characters.
    func testStreamingAndUTF8() {
        var h = FNV1a64()
        h.add("foo".utf8)
        for b in "bar".utf8 { h.add(byte: b) }
        XCTAssertEqual(h.value, FNV1a64.hash("foobar"))
        var e = FNV1a64()
        e.add([0xC3, 0xA9])
        XCTAssertEqual(e.value, FNV1a64.hash("é"))
        XCTAssertNotEqual(FNV1a64.hash("é"), FNV1a64.hash("e\u{301}"), "no Unicode normalisation: bytes as given")
    }
}

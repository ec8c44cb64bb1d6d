/// 64-bit FNV-1a over bytes: Attune's stable hash for anything that must come out the same on
/// every machine and every run (Swift's `Hasher` is seeded per process). Shard assignment, data
/// digests and test vectors use it.
public struct FNV1a64: Sendable {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// The hash of everything added so far.
    public private(set) var value: UInt64 = FNV1a64.offsetBasis

    public init() {}

    /// Mix in one byte.
    @inline(__always)
    public mutating func add(byte: UInt8) { value = (value ^ UInt64(byte)) &* FNV1a64.prime }

    /// Mix in `bytes` in order.
    @inline(__always)
    public mutating func add<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { add(byte: b) }
    }

    /// The hash of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var h = FNV1a64()
        h.add(text.utf8)
        return h.value
    }
}

import AttuneCore
import AttuneData
import Foundation

/// A WordPiece vocabulary: id → token, and token → id lookups keyed directly by UTF-8 bytes so
/// the tokenizer's hot loop never builds a String.
public struct Vocabulary: Sendable {
    /// Tokens by id (a gap in the id range, possible in tokenizer.json, holds "").
    public let tokens: [String]
    /// Every token.
    let whole: ByteTable
    /// Tokens starting with the continuation prefix (`##`), keyed by what follows it.
    let continuation: ByteTable

    /// A vocabulary from tokens in id order. When a token repeats, the later id wins (as in
    /// Hugging Face's `load_vocab`).
    public init(tokens: [String], continuationPrefix: String = "##") {
        self.tokens = tokens
        var whole = ByteTable(capacity: tokens.count)
        var continuation = ByteTable(capacity: tokens.count / 4)
        let prefix = Array(continuationPrefix.utf8)
        for (i, token) in tokens.enumerated() {
            let bytes = Array(token.utf8)
            whole.insert(bytes[...], id: Int32(i))
            if !prefix.isEmpty, bytes.count > prefix.count, bytes.starts(with: prefix) {
                continuation.insert(bytes[prefix.count...], id: Int32(i))
            }
        }
        self.whole = whole
        self.continuation = continuation
    }

    /// Read `vocab.txt`: one token per line, the line number (from 0) is the id. Lines end in `\n`,
    /// `\r\n` or `\r` (Python's universal newlines, as transformers reads the file).
    public static func load(vocabTxt url: URL) throws -> Vocabulary {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AttuneError.fileNotFound(path: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AttuneError.invalidFile(path: url.path, what: "not valid UTF-8")
        }
        // "\r\n" is one Character in Swift, so it needs naming beside "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { throw AttuneError.invalidFile(path: url.path, what: "empty vocabulary") }
        return Vocabulary(tokens: lines)
    }

    /// Build from tokenizer.json's `model.vocab` map (token → id).
    public static func fromMap(_ map: [String: Int], source: String, continuationPrefix: String = "##") throws -> Vocabulary {
        guard let maxId = map.values.max(), map.values.allSatisfy({ $0 >= 0 }) else {
            throw AttuneError.badConfig(source: source, field: "model.vocab", what: "empty or negative ids")
        }
        guard maxId < 10_000_000 else {
            throw AttuneError.badConfig(source: source, field: "model.vocab", what: "id \(maxId) is implausibly large")
        }
        var tokens = [String](repeating: "", count: maxId + 1)
        for (token, id) in map { tokens[id] = token }
        return Vocabulary(tokens: tokens, continuationPrefix: continuationPrefix)
    }

    /// Number of ids.
    public var count: Int { tokens.count }

    /// The id of `token`, if it is in the vocabulary.
    public func id(_ token: String) -> Int32? {
        var t = token
        return t.withUTF8 { whole.lookup($0.baseAddress, $0.count) }
    }
}

/// An open-addressing hash map from byte strings to ids, all keys in one byte buffer.
struct ByteTable: Sendable {
    private var keys: [UInt8] = []
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var ids: [Int32] = []
    /// Slot → entry index, or -1 when empty. Power-of-two size.
    private var slots: [Int32]
    private var mask: Int
    /// The longest key, in bytes: lookups never need to try anything longer.
    private(set) var maxKeyLength = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always) static func hash(_ p: UnsafePointer<UInt8>?, _ n: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<n { h = (h ^ UInt64(p![i])) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    mutating func insert(_ key: ArraySlice<UInt8>, id: Int32) {
        if (ids.count + 1) * 2 > slots.count { grow() }
        let existing: Int? = key.withUnsafeBufferPointer { entry($0.baseAddress, $0.count) }
        if let e = existing { ids[e] = id; return }
        keyStart.append(Int32(keys.count))
        keyLength.append(Int32(key.count))
        keys.append(contentsOf: key)
        ids.append(id)
        maxKeyLength = max(maxKeyLength, key.count)
        place(ids.count - 1)
    }

    private mutating func place(_ e: Int) {
        let h = keys.withUnsafeBufferPointer { ByteTable.hash($0.baseAddress! + Int(keyStart[e]), Int(keyLength[e])) }
        var s = h & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(e)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for e in 0..<ids.count { place(e) }
    }

    /// The entry index holding exactly these bytes.
    @inline(__always) private func entry(_ p: UnsafePointer<UInt8>?, _ n: Int) -> Int? {
        if n > maxKeyLength { return nil }
        var s = ByteTable.hash(p, n) & mask
        return keys.withUnsafeBufferPointer { kb -> Int? in
            while true {
                let e = Int(slots[s])
                if e < 0 { return nil }
                if Int(keyLength[e]) == n && (n == 0 || memcmp(kb.baseAddress! + Int(keyStart[e]), p!, n) == 0) { return e }
                s = (s + 1) & mask
            }
        }
    }

    /// The id of the key equal to `n` bytes at `p`.
    @inline(__always) func lookup(_ p: UnsafePointer<UInt8>?, _ n: Int) -> Int32? {
        entry(p, n).map { ids[$0] }
    }
}

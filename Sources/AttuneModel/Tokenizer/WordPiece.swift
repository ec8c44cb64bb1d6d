import AttuneCore
import AttuneData
import Foundation

/// BERT's WordPiece tokenizer, token-for-token equal to Hugging Face's BertTokenizerFast (and
/// MPNetTokenizerFast, the same with `<s>` `</s>` `<pad>` `<mask>` as its specials):
/// special tokens written in the text (`[MASK]`, `[SEP]`, `<mask>`, …) are kept whole, the rest goes
/// through `BasicTokenizer` (clean, CJK split, lower-case / strip accents, punctuation split),
/// then greedy longest-match-first WordPiece with `##` continuations. A word longer than
/// `maxInputCharsPerWord` scalars, or with no complete split, becomes `[UNK]`.
public struct WordPieceTokenizer: Sendable {
    /// The vocabulary (ids ↔ tokens).
    public let vocabulary: Vocabulary
    /// `[CLS]`, which starts every encoding.
    public let clsId: Int32
    /// `[SEP]`, which ends every encoding.
    public let sepId: Int32
    /// `[PAD]`, for batching.
    public let padId: Int32
    /// `[UNK]`, for words the vocabulary cannot spell.
    public let unkId: Int32
    /// Words longer than this (in Unicode scalars) become `[UNK]`.
    public let maxInputCharsPerWord: Int
    let basic: BasicTokenizer
    /// Special tokens matched verbatim in the raw text, longest first.
    let specials: [(bytes: [UInt8], id: Int32)]
    /// The first byte of each special token (`[` for BERT's, `<` for MPNet's): text without any is plain.
    let specialStarts: Set<UInt8>

    /// Tokens by id.
    public var vocab: [String] { vocabulary.tokens }

    /// A tokenizer over `vocabulary`. `stripAccents: nil` follows `lowercase` (as Hugging Face does).
    /// Throws when a special token is missing from the vocabulary.
    public init(vocabulary: Vocabulary, lowercase: Bool = true, stripAccents: Bool? = nil,
                tokenizeChineseChars: Bool = true, maxInputCharsPerWord: Int = 100,
                cls: String = "[CLS]", sep: String = "[SEP]", pad: String = "[PAD]", unk: String = "[UNK]",
                mask: String? = "[MASK]", source: String = "tokenizer") throws {
        func need(_ token: String, _ field: String) throws -> Int32 {
            guard let id = vocabulary.id(token) else {
                throw AttuneError.badConfig(source: source, field: field, what: "special token \(token) is not in the vocabulary")
            }
            return id
        }
        self.vocabulary = vocabulary
        clsId = try need(cls, "cls_token")
        sepId = try need(sep, "sep_token")
        padId = try need(pad, "pad_token")
        unkId = try need(unk, "unk_token")
        self.maxInputCharsPerWord = maxInputCharsPerWord
        basic = BasicTokenizer(lowercase: lowercase, stripAccents: stripAccents ?? lowercase, splitCJK: tokenizeChineseChars)
        var specials: [(bytes: [UInt8], id: Int32)] = []
        for token in Set([cls, sep, pad, unk] + (mask.map { [$0] } ?? [])) where !token.isEmpty {
            if let id = vocabulary.id(token) { specials.append((Array(token.utf8), id)) }
        }
        self.specials = specials.sorted { $0.bytes.count > $1.bytes.count }
        specialStarts = Set(specials.compactMap(\.bytes.first))
    }

    /// The id of `token`, if it is in the vocabulary.
    public func id(_ token: String) -> Int32? { vocabulary.id(token) }

    /// The WordPiece tokens of `text` (no [CLS]/[SEP]).
    public func tokenize(_ text: String) -> [String] {
        let tokens = vocabulary.tokens
        return ids(text).map { tokens[Int($0)] }
    }

    /// The token ids of `text` (no [CLS]/[SEP]), at most `limit` of them.
    public func ids(_ text: String, limit: Int = .max) -> [Int32] {
        var out: [Int32] = []
        guard limit > 0 else { return out }
        out.reserveCapacity(min(limit, text.utf8.count / 3 + 4))
        forEachSegment(text) { segment, specialId in
            if let specialId {
                out.append(specialId)
                return out.count < limit
            }
            basic.forEachWord(segment) { word, scalars in
                wordPiece(word, scalars: scalars, into: &out)
                return out.count < limit
            }
            return out.count < limit
        }
        if out.count > limit { out.removeLast(out.count - limit) }
        return out
    }

    /// `[CLS]` + the first `maxLength − 2` ids of `text` + `[SEP]`.
    public func encode(_ text: String, maxLength: Int) -> [Int32] {
        [clsId] + ids(text, limit: max(0, maxLength - 2)) + [sepId]
    }

    /// Split `text` around verbatim special tokens; `body` gets either a plain segment or a
    /// special token's id, and returns false to stop.
    private func forEachSegment(_ text: String, _ body: (Substring, Int32?) -> Bool) {
        let utf8 = text.utf8
        guard !specials.isEmpty, utf8.contains(where: { specialStarts.contains($0) }) else { _ = body(text[...], nil); return }
        var segmentStart = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            if specialStarts.contains(utf8[i]),
               let match = specials.first(where: { utf8[i...].starts(with: $0.bytes) }) {
                if segmentStart != i, !body(text[segmentStart..<i], nil) { return }
                if !body("", match.id) { return }
                i = utf8.index(i, offsetBy: match.bytes.count)
                segmentStart = i
            } else {
                i = utf8.index(after: i)
            }
        }
        if segmentStart != utf8.endIndex { _ = body(text[segmentStart...], nil) }
    }

    /// Greedy longest-match-first split of one word into vocabulary ids.
    func wordPiece(_ w: UnsafeBufferPointer<UInt8>, scalars: Int, into out: inout [Int32]) {
        let n = w.count
        if n == 0 { return }
        if scalars > maxInputCharsPerWord { out.append(unkId); return }
        let mark = out.count
        var start = 0
        let p = w.baseAddress!
        while start < n {
            let table = start == 0 ? vocabulary.whole : vocabulary.continuation
            var end = min(n, start + table.maxKeyLength)
            while end < n && (w[end] & 0xC0) == 0x80 { end -= 1 }  // back to a scalar boundary
            var found: Int32? = nil
            while end > start {
                if let id = table.lookup(p + start, end - start) { found = id; break }
                end -= 1
                while end > start && (w[end] & 0xC0) == 0x80 { end -= 1 }
            }
            guard let id = found else {
                out.removeLast(out.count - mark)
                out.append(unkId)
                return
            }
            out.append(id)
            start = end
        }
    }
}

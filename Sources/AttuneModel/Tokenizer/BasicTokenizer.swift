import Foundation

/// BERT's pre-tokenization, exactly as Hugging Face's BertNormalizer + BertPreTokenizer do it:
/// drop U+0000, U+FFFD and control characters (Cc, Cf, Co, Cs except \t \n \r, which count
/// as whitespace), put CJK ideographs in words of their own, strip accents (NFD, drop Mn) and
/// lower-case, then split on whitespace and punctuation (P* categories and ASCII 33–47, 58–64,
/// 91–96, 123–126). Words come out as UTF-8 bytes; ASCII text never leaves the byte loop.
struct BasicTokenizer: Sendable {
    var lowercase: Bool
    var stripAccents: Bool
    var splitCJK: Bool

    /// What an ASCII byte is.
    private enum ASCIIClass: UInt8 { case letter, space, control, punct }

    private static let asciiClass: [ASCIIClass] = (0..<128).map { b -> ASCIIClass in
        switch b {
        case 9, 10, 13, 32: return .space
        case 0..<32, 127: return .control
        case 33...47, 58...64, 91...96, 123...126: return .punct
        default: return .letter
        }
    }

    /// Call `body(bytes, scalarCount)` for every word of `text`, in order. `stop` lets the caller
    /// end early (e.g. once a truncated encoding is full).
    func forEachWord(_ text: Substring, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) {
        var text = text
        text.withUTF8 { run($0, body) }
    }

    private func run(_ s: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var scratch: [UInt8] = []
        var wordScalars = 0
        var nonASCII = false
        var stopped = false
        let table = BasicTokenizer.asciiClass

        // Hand the pending word on (normalizing it first if it holds any non-ASCII scalar).
        func flush() {
            if word.isEmpty || stopped { word.removeAll(keepingCapacity: true); wordScalars = 0; nonASCII = false; return }
            if nonASCII {
                stopped = !normalizeAndSplit(word, scratch: &scratch, body)
            } else {
                stopped = !word.withUnsafeBufferPointer { body($0, wordScalars) }
            }
            word.removeAll(keepingCapacity: true)
            wordScalars = 0
            nonASCII = false
        }

        var i = 0
        let n = s.count
        while i < n && !stopped {
            let b = s[i]
            if b < 0x80 {
                i += 1
                switch table[Int(b)] {
                case .letter:
                    word.append(lowercase && b >= 65 && b <= 90 ? b + 32 : b)
                    wordScalars += 1
                case .space: flush()
                case .control: continue
                case .punct:
                    flush()
                    if stopped { break }
                    var one = b
                    stopped = !withUnsafePointer(to: &one) { body(UnsafeBufferPointer(start: $0, count: 1), 1) }
                }
                continue
            }
            // Decode one multi-byte scalar (Swift strings are valid UTF-8).
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { v = (v << 6) | (UInt32(s[i + k]) & 0x3F) }
            let start = i
            i += length
            guard let scalar = Unicode.Scalar(v) else { continue }
            if v == 0xFFFD || BasicTokenizer.isControl(scalar) { continue }
            if scalar.properties.isWhitespace { flush(); continue }
            if splitCJK && BasicTokenizer.isCJK(v) {
                flush()
                word.append(contentsOf: UnsafeBufferPointer(rebasing: s[start..<i]))
                wordScalars = 1
                nonASCII = true
                flush()
                continue
            }
            word.append(contentsOf: UnsafeBufferPointer(rebasing: s[start..<i]))
            wordScalars += 1
            nonASCII = true
        }
        flush()
    }

    /// Strip accents / lower-case a word holding non-ASCII scalars, then split it on punctuation.
    private func normalizeAndSplit(_ word: [UInt8], scratch piece: inout [UInt8],
                                   _ body: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Bool {
        var text = String(decoding: word, as: UTF8.self)
        if stripAccents { text = text.decomposedStringWithCanonicalMapping }
        piece.removeAll(keepingCapacity: true)
        var pieceScalars = 0
        func emit() -> Bool {
            defer { piece.removeAll(keepingCapacity: true); pieceScalars = 0 }
            return piece.isEmpty || piece.withUnsafeBufferPointer { body($0, pieceScalars) }
        }
        func add(_ u: Unicode.Scalar) -> Bool {
            if BasicTokenizer.isPunctuation(u) {
                guard emit() else { return false }
                piece.append(contentsOf: UTF8.encode(u)!)
                pieceScalars = 1
                return emit()
            }
            if u.properties.isWhitespace { return emit() }
            piece.append(contentsOf: UTF8.encode(u)!)
            pieceScalars += 1
            return true
        }
        for u in text.unicodeScalars {
            if stripAccents && u.properties.generalCategory == .nonspacingMark { continue }
            if lowercase && u.value >= 0x80 {
                for m in u.properties.lowercaseMapping.unicodeScalars { guard add(m) else { return false } }
            } else {
                let m = lowercase && u.value >= 65 && u.value <= 90 ? Unicode.Scalar(u.value + 32)! : u
                guard add(m) else { return false }
            }
        }
        return emit()
    }

    /// Control (Cc), format (Cf), surrogate (Cs) and private-use (Co) scalars, except \t \n \r
    /// (which are whitespace). Unassigned code points (Cn) are kept, as the fast tokenizer does.
    static func isControl(_ u: Unicode.Scalar) -> Bool {
        if u == "\t" || u == "\n" || u == "\r" { return false }
        switch u.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse: return true
        default: return false
        }
    }

    /// BERT's punctuation: ASCII 33–47, 58–64, 91–96, 123–126, or any P* category.
    static func isPunctuation(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
        switch u.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// The CJK Unified Ideograph blocks BERT splits out (not Hiragana, Katakana or Hangul).
    static func isCJK(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2A6DF).contains(v)
            || (0x2A700...0x2B73F).contains(v) || (0x2B740...0x2B81F).contains(v) || (0x2B820...0x2CEAF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
    }
}

import AttuneCore
import Foundation

/// Query-side augmentation that breaks a templated training set's wording, so the model learns the
/// question's content rather than its template ("What are the symptoms of X ?" → "symptoms x").
/// Each transformation applies to an anchor independently with its probability, drawn from a
/// generator seeded by (seed, epoch, pair): the same recipe gives the same anchors, and each epoch
/// sees other variants.
public struct AnchorAugmenter: Sendable, Equatable, Codable {
    /// Lower-case the anchor and drop its final question mark.
    public var lowercase: Float
    /// Drop the template's stock words (question words, articles, "information about" …).
    public var stripTemplate: Float
    /// One typing slip (two letters swapped, one dropped or one doubled) in a word of 4+ letters.
    public var typo: Float
    /// Share of pairs that add an inverse-cloze pair (a sentence of the positive → the rest of it;
    /// see `inverseClozePairs`).
    public var inverseCloze: Float
    /// Probability that an inverse-cloze positive keeps the anchor's sentence.
    public var inverseClozeKeep: Float

    public init(lowercase: Float = 0, stripTemplate: Float = 0, typo: Float = 0, inverseCloze: Float = 0,
                inverseClozeKeep: Float = 0.1) {
        self.lowercase = lowercase
        self.stripTemplate = stripTemplate
        self.typo = typo
        self.inverseCloze = inverseCloze
        self.inverseClozeKeep = inverseClozeKeep
    }

    /// Does any anchor transformation have a chance to apply? (Inverse-cloze pairs are added
    /// before, and are then augmented as any other anchor.)
    public var isActive: Bool { lowercase > 0 || stripTemplate > 0 || typo > 0 }

    /// Words a question template is made of, dropped by `stripTemplate`: they carry the template,
    /// not what the user asks about.
    static let stockWords: Set<String> = [
        "what", "is", "are", "(are)", "the", "of", "for", "to", "how", "who", "do", "does", "you", "have",
        "information", "about", "a", "an", "and", "by", "with", "in", "on", "at", "which", "can", "be",
        "being", "done", "there", "many", "people", "affected", "related", "?",
    ]

    /// The anchor of pair `pair` in `epoch`.
    public func apply(_ text: String, seed: UInt64, epoch: Int, pair: Int) -> String {
        guard isActive else { return text }
        var rng = SplitMix64(seed: seed ^ (UInt64(epoch) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(pair) &* 0xBF58_476D_1CE4_E5B9))
        var out = text
        if rng.nextFloat() < stripTemplate { out = Self.stripTemplate(out) }
        if rng.nextFloat() < lowercase { out = Self.lowercased(out) }
        if rng.nextFloat() < typo { out = Self.typo(out, rng: &rng) }
        return out.isEmpty ? text : out
    }

    /// Lower-cased, a final `?` (and the space before it) dropped.
    static func lowercased(_ s: String) -> String {
        var t = s.lowercased().trimmingCharacters(in: .whitespaces)
        while t.hasSuffix("?") { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
        return t
    }

    /// The words that are not stock words, in order (case kept).
    static func stripTemplate(_ s: String) -> String {
        let kept = s.split(separator: " ").filter { !stockWords.contains($0.lowercased()) }
        return kept.joined(separator: " ")
    }

    /// One slip in one word of 4+ letters chosen at random; `s` unchanged when it has none.
    static func typo(_ s: String, rng: inout SplitMix64) -> String {
        var words = s.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let candidates = words.indices.filter { words[$0].count >= 4 && words[$0].allSatisfy(\.isLetter) }
        guard !candidates.isEmpty else { return s }
        let w = candidates[Int(rng.next() % UInt64(candidates.count))]
        var chars = Array(words[w])
        let i = 1 + Int(rng.next() % UInt64(chars.count - 2))  // never the first or last letter
        switch rng.next() % 3 {
        case 0: chars.swapAt(i, i + 1)
        case 1: chars.remove(at: i)
        default: chars.insert(chars[i], at: i)
        }
        words[w] = String(chars)
        return words.joined(separator: " ")
    }
}

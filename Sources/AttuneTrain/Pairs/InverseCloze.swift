import AttuneCore
import Foundation

/// Inverse-cloze pairs (ICT, Lee et al. 2019): a sentence of a positive becomes an anchor for the
/// rest of that positive. A templated training set ("What are the symptoms of X ?") teaches a model
/// the template; these pairs teach it to match what a text says, in the text's own words.
extension AnchorAugmenter {
    /// For a share `inverseCloze` of `pairs` (chosen with `seed`), one extra pair: the anchor is one
    /// sentence of the positive (6–40 words) and the positive is the rest of it — the sentence is
    /// left in with probability `inverseClozeKeep`, so matching needs more than finding it. The
    /// pair's negatives are the source pair's. Positives of one sentence give none. The extra pairs
    /// come after `pairs`, in their order; the result is the same for the same seed.
    public func inverseClozePairs(from pairs: [TrainingPair], seed: UInt64) -> [TrainingPair] {
        guard inverseCloze > 0 else { return [] }
        var rng = SplitMix64(seed: seed ^ 0x1C7_0000_1C7)
        var out: [TrainingPair] = []
        for p in pairs {
            guard rng.nextFloat() < inverseCloze else { continue }
            let sentences = Self.sentences(p.positive)
            let candidates = sentences.indices.filter { (6...40).contains(sentences[$0].split(separator: " ").count) }
            guard sentences.count >= 2, !candidates.isEmpty else { continue }
            let i = candidates[Int(rng.next() % UInt64(candidates.count))]
            let keep = rng.nextFloat() < inverseClozeKeep
            let rest = sentences.indices.filter { keep || $0 != i }.map { sentences[$0] }
            out.append(TrainingPair(anchor: sentences[i], positive: rest.joined(separator: " "), negatives: p.negatives))
        }
        return out
    }

    /// `text` cut into sentences: after `.`, `!` or `?` followed by a space and a capital letter
    /// (or an opening parenthesis), and at list dashes (" - "); each trimmed, empty ones dropped.
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        var i = 0
        func cut() {
            let s = current.trimmingCharacters(in: .whitespaces)
            if !s.isEmpty { out.append(s) }
            current = ""
        }
        while i < chars.count {
            let c = chars[i]
            if c == " ", i + 2 < chars.count, chars[i + 1] == "-", chars[i + 2] == " " {
                cut(); i += 3; continue
            }
            current.append(c)
            if ".!?".contains(c), i + 2 < chars.count, chars[i + 1] == " ",
               chars[i + 2].isUppercase || chars[i + 2] == "(" {
                cut(); i += 2; continue
            }
            i += 1
        }
        cut()
        return out
    }
}

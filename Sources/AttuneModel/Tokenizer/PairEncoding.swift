import Foundation

/// How a tokenizer joins a (query, document) pair, as Hugging Face's post-processors do.
public enum PairTemplate: Sendable {
    /// BERT's `[CLS] q [SEP] d [SEP]`, token types 0 up to the first `[SEP]`, 1 after it.
    case bert
    /// MPNet's (RoBERTa's) `<s> q </s></s> d </s>`, no token types (all 0).
    case roberta

    /// The special tokens the template adds.
    public var specialTokens: Int { self == .bert ? 3 : 4 }
}

/// A (query, document) pair tokenized for a cross-encoder.
public struct PairEncoding: Sendable, Equatable {
    /// The pair's token ids, specials included.
    public var ids: [Int32]
    /// One token type per id (BERT: 0 for `[CLS] q [SEP]`, 1 for `d [SEP]`; MPNet: all 0).
    public var tokenTypes: [Int32]
    /// Were tokens dropped to fit the length?
    public var truncated: Bool
    /// Did the query itself lose tokens (a query longer than half the length, or alone longer than it)?
    public var queryTruncated: Bool

    public init(ids: [Int32], tokenTypes: [Int32], truncated: Bool, queryTruncated: Bool) {
        self.ids = ids; self.tokenTypes = tokenTypes; self.truncated = truncated; self.queryTruncated = queryTruncated
    }
}

extension WordPieceTokenizer {
    /// Tokenize a pair as Hugging Face's fast tokenizer does with `truncation=True` (the
    /// `longest_first` strategy) at `maxLength` tokens, specials included: the longer side loses
    /// tokens from its end until the pair fits; when both are longer than half, each keeps half
    /// (the longer one the odd token).
    public func encodePair(_ query: String, _ document: String, maxLength: Int, template: PairTemplate) -> PairEncoding {
        let budget = max(0, maxLength - template.specialTokens)
        let q = ids(query)
        // Only whether the document is longer than the budget and than the query matters beyond its
        // first `max(budget, query) + 1` ids, so the rest is never tokenized.
        let d = ids(document, limit: max(budget, q.count) + 1)
        let (nq, nd) = WordPieceTokenizer.longestFirst(q.count, d.count, budget: budget)
        let qk = q.prefix(nq), dk = d.prefix(nd)
        var out: [Int32] = [clsId]
        out.reserveCapacity(nq + nd + template.specialTokens)
        out += qk
        out.append(sepId)
        if template == .roberta { out.append(sepId) }
        let firstSegment = out.count
        out += dk
        out.append(sepId)
        let types: [Int32] = template == .bert
            ? [Int32](repeating: 0, count: firstSegment) + [Int32](repeating: 1, count: out.count - firstSegment)
            : [Int32](repeating: 0, count: out.count)
        return PairEncoding(ids: out, tokenTypes: types, truncated: nq < q.count || nd < d.count, queryTruncated: nq < q.count)
    }

    /// Lengths the two sides keep under `longest_first` truncation to `budget` tokens (Hugging
    /// Face tokenizers' `truncate_encodings`): with `n1` the shorter side and `n2` the longer,
    /// the longer keeps `max(n1, budget − n1)`; when that still does not fit (both above half), the
    /// shorter keeps `budget / 2` and the longer `budget / 2 + budget % 2`.
    static func longestFirst(_ a: Int, _ b: Int, budget: Int) -> (Int, Int) {
        if a + b <= budget { return (a, b) }
        let swap = a > b
        var n1 = min(a, b), n2: Int
        n2 = n1 > budget ? n1 : max(n1, budget - n1)
        if n1 + n2 > budget { n1 = budget / 2; n2 = n1 + budget % 2 }
        return swap ? (min(a, n2), min(b, n1)) : (min(a, n1), min(b, n2))
    }
}

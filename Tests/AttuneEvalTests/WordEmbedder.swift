import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch

/// A fast, deterministic text embedder for tests, with real retrieval structure: a bag of words,
/// each word (split on spaces, lower-cased) adding 1 to the coordinate its FNV-1a hash picks; rows
/// are normalised. Texts with the same words tie exactly.
struct WordEmbedder: Embedder {
    let dimension: Int
    var fingerprint: String { dimension == 64 ? "words" : "words-\(dimension)" }
    let maxSeqLength = 128
    let name = "words"

    init(dimension: Int = 64) { self.dimension = dimension }

    func embed(_ texts: [String]) throws -> Tensor {
        var out = [Float](repeating: 0, count: texts.count * dimension)
        for (i, t) in texts.enumerated() {
            for w in t.lowercased().split(separator: " ") {
                out[i * dimension + Int(FNV1a64.hash(String(w)) % UInt64(dimension))] += 1
            }
            let row = out[(i * dimension)..<((i + 1) * dimension)]
            let n = max(row.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-6)
            for j in 0..<dimension { out[i * dimension + j] /= n }
        }
        return Tensor(out, shape: [texts.count, dimension])
    }
}

import AttuneCore
import AttuneData
import Foundation

// Matryoshka embeddings: a model trained with `MatryoshkaLoss` (AttuneTrain) ranks well on a
// prefix of its embedding. The folder records the prefix lengths it was trained for in
// `config_sentence_transformers.json` as `"matryoshka_dims": [384, 256, 128, 64]` (a key
// sentence-transformers leaves alone when it loads the folder); `truncate(to:)` cuts embeddings
// to one of them, as sentence-transformers' `truncate_dim`, and re-normalises them.

extension SentenceModel {
    /// Make `encode` return each embedding's first `dim` values, re-normalised to unit length.
    /// `dim` equal to `dimension` is no truncation. Throws when `dim` is not in 1…`dimension`;
    /// returns a one-line warning when the folder does not record `dim` among its
    /// `matryoshkaDims` (the prefix may then rank poorly), else nil. The error is a `SettingError`
    /// naming `dim`.
    @discardableResult
    public mutating func truncate(to dim: Int) throws -> String? {
        guard dim >= 1 && dim <= dimension else {
            throw SettingError(setting: "dim", value: "\(dim)", what: "must be between 1 and the model's \(dimension) dimensions (\(folder.url.path))")
        }
        truncateDim = dim == dimension ? nil : dim
        if truncateDim == nil || matryoshkaDims.contains(dim) { return nil }
        let trained = matryoshkaDims.isEmpty ? "records no Matryoshka dimensions"
            : "was trained for Matryoshka dimensions \(matryoshkaDims.map(String.init).joined(separator: ", ")), not \(dim)"
        return "warning: \(folder.url.path) \(trained) (config_sentence_transformers.json matryoshka_dims); its first \(dim) values may rank poorly on their own"
    }

    /// Every row of `embeddings` cut to its first `dim` values and divided by their L2 norm (a
    /// zero prefix stays zero). No tape.
    public static func truncated(_ embeddings: Tensor, to dim: Int) -> Tensor {
        precondition(embeddings.rank == 2 && dim >= 1 && dim <= embeddings.cols, "truncated: \(dim) of \(embeddings.shape)")
        let rows = embeddings.rows, cols = embeddings.cols
        let out = Tensor(zeros: [rows, dim])
        for i in 0..<rows {
            let src = embeddings.data + i * cols, dst = out.data + i * dim
            var s: Float = 0
            for j in 0..<dim { s += src[j] * src[j] }
            let inv = s > 0 ? 1 / s.squareRoot() : 0
            for j in 0..<dim { dst[j] = src[j] * inv }
        }
        return out
    }
}

/// `matryoshka_dims` of `folder/config_sentence_transformers.json`: [] when the file or key is
/// absent; an error naming the file and key unless it is a list of distinct integers in
/// 1…`dimension`.
func loadMatryoshkaDims(folder: URL, dimension: Int) throws -> [Int] {
    let url = folder.appendingPathComponent("config_sentence_transformers.json")
    guard FileManager.default.fileExists(atPath: url.path) else { return [] }
    let json = try ConfigJSON(url)
    guard json.has("matryoshka_dims") else { return [] }
    let key = "matryoshka_dims"
    guard let list = json.object[key] as? [Any] else { throw json.fail(key, "expected a list of integers") }
    var dims: [Int] = []
    for item in list {
        guard let n = item as? Int, n >= 1, n <= dimension else {
            throw json.fail(key, "holds \(item); every entry must be an integer in 1…\(dimension) (the model's dimensions)")
        }
        guard !dims.contains(n) else { throw json.fail(key, "lists \(n) twice") }
        dims.append(n)
    }
    return dims
}

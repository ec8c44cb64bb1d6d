import AttuneCore
import AttuneData
import Foundation

extension WordPieceTokenizer {
    /// Load from a model folder: `vocab.txt` + `tokenizer_config.json` (`do_lower_case`,
    /// `strip_accents`, `tokenize_chinese_chars`, special tokens), or — when there is no
    /// vocab.txt, as sentence-transformers 6 saves — `tokenizer.json` alone (`model.vocab`,
    /// `normalizer.lowercase` / `strip_accents` / `handle_chinese_chars`).
    public static func load(folder: URL) throws -> WordPieceTokenizer {
        let fm = FileManager.default
        let vocabTxt = folder.appendingPathComponent("vocab.txt")
        let configURL = folder.appendingPathComponent("tokenizer_config.json")
        let tokenizerJSON = folder.appendingPathComponent("tokenizer.json")
        if fm.fileExists(atPath: vocabTxt.path) {
            let vocabulary = try Vocabulary.load(vocabTxt: vocabTxt)
            let config = fm.fileExists(atPath: configURL.path) ? try readJSONObject(configURL) : [:]
            let source = configURL.path
            func flag(_ key: String) throws -> Bool? {
                guard let v = config[key], !(v is NSNull) else { return nil }
                guard let b = jsonBool(v) else { throw AttuneError.badConfig(source: source, field: key, what: "expected true, false or null") }
                return b
            }
            func token(_ key: String, _ fallback: String) throws -> String {
                guard let v = config[key], !(v is NSNull) else { return fallback }
                if let s = v as? String { return s }
                if let d = v as? [String: Any], let s = d["content"] as? String { return s }
                throw AttuneError.badConfig(source: source, field: key, what: "expected a token string")
            }
            return try WordPieceTokenizer(
                vocabulary: vocabulary, lowercase: try flag("do_lower_case") ?? true,
                stripAccents: try flag("strip_accents"), tokenizeChineseChars: try flag("tokenize_chinese_chars") ?? true,
                cls: try token("cls_token", "[CLS]"), sep: try token("sep_token", "[SEP]"),
                pad: try token("pad_token", "[PAD]"), unk: try token("unk_token", "[UNK]"),
                mask: try token("mask_token", "[MASK]"), source: source)
        }
        guard fm.fileExists(atPath: tokenizerJSON.path) else {
            throw AttuneError.fileNotFound(path: vocabTxt.path + " (nor tokenizer.json)")
        }
        return try fromTokenizerJSON(tokenizerJSON)
    }

    /// Load from a Hugging Face `tokenizer.json` holding a WordPiece model.
    public static func fromTokenizerJSON(_ url: URL) throws -> WordPieceTokenizer {
        let source = url.path
        let root = try readJSONObject(url)
        guard let model = root["model"] as? [String: Any] else {
            throw AttuneError.badConfig(source: source, field: "model", what: "missing")
        }
        if let type = model["type"] as? String, type != "WordPiece" {
            throw AttuneError.badConfig(source: source, field: "model.type", what: "unsupported tokenizer model \(type) (only WordPiece)")
        }
        guard let map = model["vocab"] as? [String: Any] else {
            throw AttuneError.badConfig(source: source, field: "model.vocab", what: "missing or not an object")
        }
        var ids: [String: Int] = [:]
        ids.reserveCapacity(map.count)
        for (token, value) in map {
            guard let n = value as? NSNumber, let id = Int(exactly: n.doubleValue) else {
                throw AttuneError.badConfig(source: source, field: "model.vocab", what: "id of \(token) is not an integer")
            }
            ids[token] = id
        }
        let prefix = model["continuing_subword_prefix"] as? String ?? "##"
        let vocabulary = try Vocabulary.fromMap(ids, source: source, continuationPrefix: prefix)
        let unk = model["unk_token"] as? String ?? "[UNK]"
        let maxChars = (model["max_input_chars_per_word"] as? NSNumber)?.intValue ?? 100

        // The normalizer: a BertNormalizer, possibly inside a Sequence.
        var normalizer = root["normalizer"] as? [String: Any] ?? [:]
        if normalizer["type"] as? String == "Sequence", let list = normalizer["normalizers"] as? [[String: Any]] {
            normalizer = list.first { $0["type"] as? String == "BertNormalizer" } ?? [:]
        }
        func flag(_ key: String) throws -> Bool? {
            guard let v = normalizer[key], !(v is NSNull) else { return nil }
            guard let b = jsonBool(v) else { throw AttuneError.badConfig(source: source, field: "normalizer.\(key)", what: "expected true, false or null") }
            return b
        }
        // [CLS]/[SEP] from the post-processor when it names them.
        var cls = "[CLS]", sep = "[SEP]", pad = "[PAD]"
        if let post = root["post_processor"] as? [String: Any] {
            if let c = post["cls"] as? [Any], let s = c.first as? String { cls = s }
            if let s = post["sep"] as? [Any], let t = s.first as? String { sep = t }
        }
        if let padding = root["padding"] as? [String: Any], let p = padding["pad_token"] as? String { pad = p }
        // The mask token: an added special token (`[MASK]` for BERT, `<mask>` for MPNet).
        let added = (root["added_tokens"] as? [[String: Any]] ?? []).compactMap { $0["content"] as? String }
        let mask = ["[MASK]", "<mask>"].first { added.contains($0) || vocabulary.id($0) != nil }
        return try WordPieceTokenizer(
            vocabulary: vocabulary, lowercase: try flag("lowercase") ?? true, stripAccents: try flag("strip_accents"),
            tokenizeChineseChars: try flag("handle_chinese_chars") ?? true, maxInputCharsPerWord: maxChars,
            cls: cls, sep: sep, pad: pad, unk: unk, mask: mask, source: source)
    }
}

/// A JSON file whose top level is an object.
func readJSONObject(_ url: URL) throws -> [String: Any] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
        throw AttuneError.fileNotFound(path: url.path)
    }
    let object: Any
    do { object = try JSONSerialization.jsonObject(with: data) } catch {
        throw AttuneError.invalidFile(path: url.path, what: "not valid JSON")
    }
    guard let dict = object as? [String: Any] else {
        throw AttuneError.invalidFile(path: url.path, what: "expected a JSON object at the top level")
    }
    return dict
}

/// A JSON boolean.
func jsonBool(_ value: Any) -> Bool? { value as? Bool }

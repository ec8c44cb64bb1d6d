import AttuneCore
import AttuneData
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

/// Tokenizer rules on a small hand-made vocabulary.
final class TokenizerTests: XCTestCase {
    static let tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "cafe", "naive", "un", "##want", "##ed",
                         "want", "runn", "##ing", ",", ".", "!", "'", "-", "$", "肺", "炎", "hello", "world", "é", "a", "##a",
                         "σ", ";", "b"]

    func make(lowercase: Bool = true, stripAccents: Bool? = nil, cjk: Bool = true) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabulary: Vocabulary(tokens: Self.tokens), lowercase: lowercase,
                               stripAccents: stripAccents, tokenizeChineseChars: cjk)
    }

    func testVocabTxtWithWindowsOrOldMacLineEndingsReadsOneTokenPerLine() throws {
        let dir = try temporaryFolder(self)
        for (eol, name) in [("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")] {
            let url = dir.appendingPathComponent("\(name).txt")
            try Data((["[PAD]", "[UNK]", "hello", "##s"].joined(separator: eol) + eol).utf8).write(to: url)
            let v = try Vocabulary.load(vocabTxt: url)
            XCTAssertEqual(v.count, 4, name)
            XCTAssertEqual(v.id("##s"), 3, name)
        }
    }

    func testGreedyLongestMatchWithContinuations() throws {
        let t = try make()
        XCTAssertEqual(t.tokenize("unwanted running"), ["un", "##want", "##ed", "runn", "##ing"])
        XCTAssertEqual(t.tokenize("wanted"), ["want", "##ed"])
        // No complete split: the whole word is [UNK], not a partial prefix.
        XCTAssertEqual(t.tokenize("unwantedx hello"), ["[UNK]", "hello"])
    }

    func testAccentsStrippedWhenLowercasing() throws {
        XCTAssertEqual(try make().tokenize("Café NAÏVE"), ["cafe", "naive"])
        // Decomposed input (e + combining acute) gives the same.
        XCTAssertEqual(try make().tokenize("Cafe\u{301}"), ["cafe"])
        // strip_accents false keeps the accent: "é" is its own vocabulary entry here.
        XCTAssertEqual(try make(stripAccents: false).tokenize("é"), ["é"])
        XCTAssertEqual(try make().tokenize("é"), ["[UNK]"])  // stripped to "e", which is not in the vocabulary
        // Cased: no lower-casing and (strip_accents null) no stripping.
        XCTAssertEqual(try make(lowercase: false).tokenize("Hello hello"), ["[UNK]", "hello"])
        // Greek capital sigma lower-cases per character (σ, never final ς), as the fast tokenizer does.
        XCTAssertEqual(try make().tokenize("Σ"), ["σ"])
    }

    func testCJKIdeographsAreSplitOut() throws {
        XCTAssertEqual(try make().tokenize("肺炎hello"), ["肺", "炎", "hello"])
        // Without CJK handling the run stays one word, which is not in the vocabulary.
        XCTAssertEqual(try make(cjk: false).tokenize("肺炎"), ["[UNK]"])
    }

    func testPunctuationAndControlCharacters() throws {
        let t = try make()
        XCTAssertEqual(t.tokenize("hello,world!"), ["hello", ",", "world", "!"])
        // ASCII symbols count as punctuation ($), as does Unicode P* (the em dash is Pd → not in vocab → [UNK]).
        XCTAssertEqual(t.tokenize("$hello—world"), ["$", "hello", "[UNK]", "world"])
        // Zero-width space and soft hyphen (Cf) vanish; \t \n \r separate; NUL and U+FFFD vanish.
        XCTAssertEqual(t.tokenize("hel\u{200B}lo\tworld\r\nhel\u{AD}lo\u{0}\u{FFFD}"), ["hello", "world", "hello"])
        // Private use (Co) vanishes; an unassigned code point (Cn) stays in its word, as in the fast tokenizer.
        XCTAssertEqual(t.tokenize("hel\u{E000}lo"), ["hello"])
        XCTAssertEqual(t.tokenize("hel\u{378}lo world"), ["[UNK]", "world"])
        // U+037E GREEK QUESTION MARK decomposes to ";" and is split off after normalisation.
        XCTAssertEqual(t.tokenize("hello\u{37E}world"), ["hello", ";", "world"])
        XCTAssertEqual(t.tokenize("   "), [])
        XCTAssertEqual(t.tokenize(""), [])
    }

    func testSpecialTokensInTextStayWhole() throws {
        let t = try make()
        XCTAssertEqual(t.tokenize("hello [MASK] world[SEP]"), ["hello", "[MASK]", "world", "[SEP]"])
        // Only the exact spelling is special: "[mask]" is "[", "mask", "]", none of them in this vocabulary.
        XCTAssertEqual(t.tokenize("[mask]"), ["[UNK]", "[UNK]", "[UNK]"])
    }

    func testOverlongWordIsUnknown() throws {
        let t = try make()
        XCTAssertEqual(t.tokenize(String(repeating: "a", count: 100)), ["a"] + Array(repeating: "##a", count: 99))
        XCTAssertEqual(t.tokenize(String(repeating: "a", count: 101)), ["[UNK]"])
        XCTAssertEqual(t.tokenize(String(repeating: "a", count: 101) + " b"), ["[UNK]", "b"])
    }

    func testEncodeTruncates() throws {
        let t = try make()
        let text = Array(repeating: "hello world", count: 10).joined(separator: " ")
        let full = t.encode(text, maxLength: 1000)
        XCTAssertEqual(full.count, 22)
        XCTAssertEqual(full.first, t.clsId)
        XCTAssertEqual(full.last, t.sepId)
        let cut = t.encode(text, maxLength: 5)
        XCTAssertEqual(cut, [t.clsId, t.id("hello")!, t.id("world")!, t.id("hello")!, t.sepId])
        XCTAssertEqual(t.encode(text, maxLength: 2), [t.clsId, t.sepId])
        XCTAssertEqual(t.encode("", maxLength: 8), [t.clsId, t.sepId])
    }

    func testMissingSpecialTokenIsAConfigError() {
        XCTAssertThrowsError(try WordPieceTokenizer(vocabulary: Vocabulary(tokens: ["[PAD]", "[UNK]", "[CLS]"]))) { error in
            XCTAssertTrue("\(error)".contains("[SEP]"), "\(error)")
        }
    }

    func testVocabTxtKeepsLineNumbersAsIds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data((Self.tokens.joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("vocab.txt"))
        try Data(#"{"do_lower_case": false, "strip_accents": null}"#.utf8).write(to: dir.appendingPathComponent("tokenizer_config.json"))
        let t = try WordPieceTokenizer.load(folder: dir)
        XCTAssertEqual(t.vocab, Self.tokens)
        XCTAssertEqual(t.id("hello"), Int32(Self.tokens.firstIndex(of: "hello")!))
        XCTAssertEqual(t.tokenize("Hello"), ["[UNK]"])  // do_lower_case false was honoured
    }

    func testEmptyFolderIsFileNotFound() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertThrowsError(try WordPieceTokenizer.load(folder: dir)) { error in
            guard case AttuneError.fileNotFound = error else { return XCTFail("\(error)") }
        }
    }

    /// Throughput on the MedQuAD corpus sample; every id must be a real vocabulary id.
    func testCorpusThroughput() throws {
        let tokenizer = try WordPieceTokenizer.load(folder: try Fixtures.model())
        let url = try Fixtures.shared("data/medquad/small-corpus.jsonl")
        struct Doc: Decodable { let title: String?; let text: String }
        let docs = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { try JSONDecoder().decode(Doc.self, from: Data($0.utf8)).text }
        let start = Date()
        var total = 0
        for d in docs {
            let ids = tokenizer.encode(d, maxLength: 100_000)
            total += ids.count
            XCTAssertTrue(ids.allSatisfy { $0 >= 0 && Int($0) < tokenizer.vocab.count })
        }
        let seconds = Date().timeIntervalSince(start)
        print("tokenized \(docs.count) texts, \(total) tokens in \(String(format: "%.2f", seconds)) s")
        XCTAssertGreaterThan(total, docs.count * 10)
    }
}

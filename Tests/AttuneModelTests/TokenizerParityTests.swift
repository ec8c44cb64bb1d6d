import AttuneCore
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

/// Token ids must equal the PyTorch (Hugging Face) tokenizer's, text for text.
final class TokenizerParityTests: XCTestCase {
    struct Case: Decodable { let text: String; let ids: [Int32] }

    func cases(_ model: String = "all-MiniLM-L6-v2") throws -> [Case] {
        let url = try Fixtures.shared("fixtures/\(model)/tokenizer.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    func check(_ tokenizer: WordPieceTokenizer, _ cases: [Case], file: StaticString = #filePath, line: UInt = #line) {
        for c in cases {
            let ids = tokenizer.encode(c.text, maxLength: 256)
            XCTAssertEqual(ids, c.ids, "text \(c.text.debugDescription): \(tokenizer.tokenize(c.text))", file: file, line: line)
        }
    }

    func testMatchesReferenceFromVocabTxt() throws {
        let cases = try cases()
        XCTAssertEqual(cases.count, 20)
        let tokenizer = try WordPieceTokenizer.load(folder: try Fixtures.model())
        XCTAssertEqual(tokenizer.vocab.count, 30522)
        XCTAssertEqual([tokenizer.padId, tokenizer.unkId, tokenizer.clsId, tokenizer.sepId], [0, 100, 101, 102])
        check(tokenizer, cases)
    }

    func testMatchesReferenceFromTokenizerJSONOnly() throws {
        let cases = try cases()
        let model = try Fixtures.model()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-tokjson-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: model.appendingPathComponent("tokenizer.json"), to: dir.appendingPathComponent("tokenizer.json"))
        let tokenizer = try WordPieceTokenizer.load(folder: dir)
        let fromTxt = try WordPieceTokenizer.load(folder: model)
        XCTAssertEqual(tokenizer.vocab, fromTxt.vocab)
        check(tokenizer, cases)
    }

    /// MPNet's tokenizer (`<s>` … `</s>`, `<pad>` = 1, `[UNK]` = 104), from vocab.txt and from tokenizer.json alone.
    func testMPNetMatchesReference() throws {
        let cases = try cases("all-mpnet-base-v2")
        XCTAssertEqual(cases.count, 20)
        let model = try Fixtures.mpnetModel()
        let tokenizer = try WordPieceTokenizer.load(folder: model)
        XCTAssertEqual([tokenizer.clsId, tokenizer.padId, tokenizer.sepId, tokenizer.unkId], [0, 1, 2, 104])
        check(tokenizer, cases)
        let fromJSON = try WordPieceTokenizer.fromTokenizerJSON(model.appendingPathComponent("tokenizer.json"))
        XCTAssertEqual(fromJSON.vocab, tokenizer.vocab)
        XCTAssertEqual([fromJSON.clsId, fromJSON.padId, fromJSON.sepId, fromJSON.unkId], [0, 1, 2, 104])
        check(fromJSON, cases)
        // Special tokens written in the text stay whole, as Hugging Face keeps them.
        XCTAssertEqual(tokenizer.ids("a <mask> b </s>"), [tokenizer.ids("a")[0], tokenizer.id("<mask>")!, tokenizer.ids("b")[0], 2])
    }
}

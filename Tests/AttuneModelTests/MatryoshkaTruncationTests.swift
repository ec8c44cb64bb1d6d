import AttuneCore
import AttuneData
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

/// `SentenceModel.truncate(to:)` (`--dim`) and the `matryoshka_dims` a folder records.
final class MatryoshkaTruncationTests: XCTestCase {
    private let texts = ["What are the symptoms of glaucoma?", "Aspirin thins the blood.", "knee pain after running"]

    func testTruncationKeepsThePrefixAndReNormalises() throws {
        let full = try SentenceModel.load(Fixtures.model())
        let e = full.encode(texts)
        var cut = full
        let warning = try cut.truncate(to: 128)
        XCTAssertEqual(cut.outputDimension, 128)
        XCTAssertEqual(cut.dimension, 384, "the model's own width is unchanged")
        let t = cut.encode(texts)
        XCTAssertEqual(t.shape, [texts.count, 128])
        for i in 0..<texts.count {
            let prefix = Array(e.values[(i * 384)..<(i * 384 + 128)])
            let norm = prefix.reduce(0) { $0 + $1 * $1 }.squareRoot()
            XCTAssertLessThan(norm, 0.95, "the raw prefix is not unit length, so re-normalising matters")
            let row = Array(t.values[(i * 128)..<((i + 1) * 128)])
            XCTAssertEqual(row.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-5, "unit length")
            for (a, b) in zip(row, prefix) { XCTAssertEqual(a, b / norm, accuracy: 1e-6) }
        }
        // The base model records no Matryoshka dims: a one-line warning naming the key.
        let w = try XCTUnwrap(warning)
        XCTAssertTrue(w.hasPrefix("warning: ") && w.contains("matryoshka_dims") && !w.contains("\n"), w)
        // The full width is no truncation; above it is an error naming the flag.
        var same = full
        XCTAssertNil(try same.truncate(to: 384))
        XCTAssertNil(same.truncateDim)
        XCTAssertEqual(same.encode(texts).values, e.values)
        XCTAssertThrowsError(try same.truncate(to: 385)) { XCTAssertTrue("\($0)".hasPrefix("dim 385: must be between 1 and the model's 384"), "\($0)"); XCTAssertEqual(($0 as? SettingError)?.setting, "dim")  }
        XCTAssertThrowsError(try same.truncate(to: 0))
    }

    func testFolderRecordsItsDimsAndBadOnesAreNamed() throws {
        var m = try SentenceModel.load(Fixtures.model())
        m.matryoshkaDims = [384, 256, 128]
        let saved = try temporaryFolder(self).appendingPathComponent("mat")
        try m.save(to: saved)
        var back = try SentenceModel.load(saved)
        XCTAssertEqual(back.matryoshkaDims, [384, 256, 128])
        XCTAssertNil(try back.truncate(to: 256), "a trained-for width: no warning")
        let w = try XCTUnwrap(try back.truncate(to: 64))
        XCTAssertTrue(w.contains("was trained for Matryoshka dimensions 384, 256, 128, not 64"), w)

        let config = saved.appendingPathComponent("config_sentence_transformers.json")
        for (bad, text) in [("[384, 1000]", "holds 1000"), ("\"all\"", "expected a list of integers"), ("[128, 128]", "lists 128 twice"),
                            ("[64.5]", "holds 64.5")] {
            try Data("{\"matryoshka_dims\": \(bad)}".utf8).write(to: config)
            XCTAssertThrowsError(try SentenceModel.load(saved), bad) { error in
                XCTAssertTrue("\(error)".hasPrefix("\(config.path): matryoshka_dims: "), "\(error)")
                XCTAssertTrue("\(error)".contains(text), "\(error)")
            }
        }
    }
}

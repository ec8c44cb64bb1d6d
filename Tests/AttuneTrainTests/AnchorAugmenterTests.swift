import AttuneCore
@testable import AttuneTrain
import XCTest

final class AnchorAugmenterTests: XCTestCase {
    func testEachTransformation() {
        XCTAssertEqual(AnchorAugmenter.lowercased("What are the symptoms of Adult Acute Lymphoblastic Leukemia ?"),
                       "what are the symptoms of adult acute lymphoblastic leukemia")
        XCTAssertEqual(AnchorAugmenter.stripTemplate("What are the symptoms of Adult Acute Lymphoblastic Leukemia ?"),
                       "symptoms Adult Acute Lymphoblastic Leukemia")
        XCTAssertEqual(AnchorAugmenter.stripTemplate("Do you have information about Vitamin D"), "Vitamin D")
        XCTAssertEqual(AnchorAugmenter.stripTemplate("What is (are) Gout ?"), "Gout")
        var rng = SplitMix64(seed: 1)
        for _ in 0..<50 {
            let t = AnchorAugmenter.typo("How to diagnose Gout ?", rng: &rng)
            XCTAssertNotEqual(t, "How to diagnose Gout ?")
            let words = t.split(separator: " ")
            XCTAssertEqual(words.count, 5)
            // Only "diagnose" has 4+ letters and only letters; its first and last letters stay.
            XCTAssertTrue(words[2].hasPrefix("d") && words[2].hasSuffix("e"), String(words[2]))
            XCTAssertTrue(abs(words[2].count - 8) <= 1)
        }
        XCTAssertEqual(AnchorAugmenter.typo("Is it ok ?", rng: &rng), "Is it ok ?", "no word to slip in")
    }

    func testDeterministicPerEpochAndPairAndOffWhenZero() {
        let a = AnchorAugmenter(lowercase: 0.5, stripTemplate: 0.5, typo: 0.2)
        let q = "What causes High Blood Pressure ?"
        XCTAssertEqual(a.apply(q, seed: 42, epoch: 0, pair: 3), a.apply(q, seed: 42, epoch: 0, pair: 3))
        let variants = Set((0..<40).map { a.apply(q, seed: 42, epoch: $0, pair: 3) })
        XCTAssertGreaterThan(variants.count, 3, "epochs see different variants")
        XCTAssertTrue(variants.contains(q), "with p < 1 some anchors stay as they are")
        XCTAssertEqual(AnchorAugmenter().apply(q, seed: 42, epoch: 0, pair: 3), q)
        XCTAssertFalse(AnchorAugmenter().isActive)
        // Probabilities of 1 always apply.
        XCTAssertEqual(AnchorAugmenter(lowercase: 1, stripTemplate: 1).apply(q, seed: 1, epoch: 0, pair: 0), "causes high blood pressure")
        // An anchor made only of stock words is kept rather than emptied.
        XCTAssertEqual(AnchorAugmenter(stripTemplate: 1).apply("What is it ?", seed: 1, epoch: 0, pair: 0), "it")
        XCTAssertEqual(AnchorAugmenter(stripTemplate: 1).apply("What is the ?", seed: 1, epoch: 0, pair: 0), "What is the ?")
    }
}

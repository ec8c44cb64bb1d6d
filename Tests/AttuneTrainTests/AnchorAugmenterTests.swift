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
    // MARK: Inverse-cloze pairs

    func testSentencesSplitAtSentenceEndsAndListDashes() {
        XCTAssertEqual(AnchorAugmenter.sentences("Gout is a form of arthritis. It causes pain! Is it common? (Yes.) e.g. not here"),
                       ["Gout is a form of arthritis.", "It causes pain!", "Is it common?", "(Yes.) e.g. not here"])
        XCTAssertEqual(AnchorAugmenter.sentences("Key Points - Fever is common - Tests are done. A 2nd one."),
                       ["Key Points", "Fever is common", "Tests are done.", "A 2nd one."])
        XCTAssertEqual(AnchorAugmenter.sentences("one sentence without an end"), ["one sentence without an end"])
        XCTAssertEqual(AnchorAugmenter.sentences("  "), [])
    }

    func testInverseClozePairsTakeOneSentenceAndKeepTheRest() {
        let positive = "Gout is a common and painful form of arthritis in adults. It causes swelling and redness in the big toe joint. "
            + "Attacks often start at night without any warning. Ok."
        let sentences = AnchorAugmenter.sentences(positive)
        let pairs = (0..<200).map { TrainingPair(anchor: "What is Gout ? \($0)", positive: positive, negatives: ["n\($0)"]) }
        let a = AnchorAugmenter(inverseCloze: 0.5, inverseClozeKeep: 0)
        let extra = a.inverseClozePairs(from: pairs, seed: 42)
        XCTAssertEqual(extra, a.inverseClozePairs(from: pairs, seed: 42), "the same seed gives the same pairs")
        XCTAssertNotEqual(extra, a.inverseClozePairs(from: pairs, seed: 43))
        XCTAssertTrue((70...130).contains(extra.count), "about half the pairs: \(extra.count)")
        var anchors = Set<String>()
        for p in extra {
            XCTAssertTrue(sentences.dropLast().contains(p.anchor), "a sentence of 6–40 words (\"Ok.\" is too short): \(p.anchor)")
            XCTAssertFalse(p.positive.contains(p.anchor), "keep 0: the sentence is taken out of the positive")
            XCTAssertEqual(p.positive, sentences.filter { $0 != p.anchor }.joined(separator: " "))
            XCTAssertEqual(p.negatives.count, 1)
            XCTAssertTrue(p.negatives[0].hasPrefix("n"), "the source pair's negatives")
            anchors.insert(p.anchor)
        }
        XCTAssertEqual(anchors.count, 3, "every long-enough sentence gets drawn")
        // keep 1: the positive is the source's (re-joined); share 0: nothing; share 1: every pair.
        let kept = AnchorAugmenter(inverseCloze: 1, inverseClozeKeep: 1).inverseClozePairs(from: pairs, seed: 1)
        XCTAssertEqual(kept.count, pairs.count)
        XCTAssertTrue(kept.allSatisfy { $0.positive == sentences.joined(separator: " ") })
        XCTAssertEqual(AnchorAugmenter().inverseClozePairs(from: pairs, seed: 1), [])
        // A positive of one sentence, or of none long enough, gives no pair.
        let short = [TrainingPair(anchor: "q", positive: "Gout is a common and painful form of arthritis in adults."),
                     TrainingPair(anchor: "q", positive: "Short one. Another short one.")]
        XCTAssertEqual(AnchorAugmenter(inverseCloze: 1).inverseClozePairs(from: short, seed: 1), [])
    }
}

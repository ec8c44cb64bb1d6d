import AttuneCore
@testable import AttuneTrain
import XCTest

/// GISTEmbed-style masking on constructed guide vectors whose cosines are known exactly.
final class GuideFilterTests: XCTestCase {
    /// Unit vectors in 2-D at the given angles (degrees): cos between i and j is cos(θi − θj).
    private func guide(_ degrees: [Float]) -> Tensor {
        Tensor(degrees.flatMap { [cos($0 * .pi / 180), sin($0 * .pi / 180)] }, shape: [degrees.count, 2])
    }

    func testMasksCandidatesTheGuideRatesAboveThePositive() {
        // Text IDs: anchors 0, 1, 2; positives 3, 4, 5; one hard negative column 6, 7, 8.
        // Anchor 0 at 0°, its positive at 30° (cos .866). Candidate 4 (positive of anchor 1) at 10°
        // is closer to anchor 0 than its own positive → masked in row 0. Negative 6 at 20° too.
        let g = guide([0, 90, 180,  30, 10, 200,  20, 45, 100])
        let f = GuideFilter(embeddings: g)
        let m = f.masks(anchorTextIDs: [0, 1, 2], candidateTextIDs: [3, 4, 5, 6, 7, 8], symmetric: false)
        // Row 0: cos to candidates = [.866(pos), .985, −.940, .940, .707, −.174] → 1 and 3 masked.
        XCTAssertEqual(m.forward[0], [1, 3])
        // Row 1 (90°), positive 4 at 10° (cos .174): 3 (30°, .5), 6 (20°, .342), 7 (45°, .707), 8 (100°, .985) beat it.
        XCTAssertEqual(m.forward[1], [0, 3, 4, 5])
        // Row 2 (180°), positive 5 at 200° (cos .940): nothing beats it.
        XCTAssertEqual(m.forward[2], [])
        XCTAssertNil(m.backward)
        XCTAssertEqual(m.count, 6)
    }

    func testMarginsWidenTheMask() {
        let g = guide([0, 90,  30, 36])  // anchors 0, 1; positives 2 (30°), 3 (36°)
        // Row 0: positive cos 30° = .8660; candidate 1 (36°) = .8090.
        let none = GuideFilter(embeddings: g).masks(anchorTextIDs: [0, 1], candidateTextIDs: [2, 3], symmetric: false)
        XCTAssertEqual(none.forward[0], [])
        let abs = GuideFilter(embeddings: g, margin: 0.06, strategy: .absolute)
            .masks(anchorTextIDs: [0, 1], candidateTextIDs: [2, 3], symmetric: false)
        XCTAssertEqual(abs.forward[0], [1], ".8090 > .8660 − .06")
        let absSmall = GuideFilter(embeddings: g, margin: 0.05, strategy: .absolute)
            .masks(anchorTextIDs: [0, 1], candidateTextIDs: [2, 3], symmetric: false)
        XCTAssertEqual(absSmall.forward[0], [], ".8090 < .8660 − .05")
        let rel = GuideFilter(embeddings: g, margin: 0.07, strategy: .relative)
            .masks(anchorTextIDs: [0, 1], candidateTextIDs: [2, 3], symmetric: false)
        XCTAssertEqual(rel.forward[0], [1], ".8090 > .8660 × .93 = .8054")
        let relSmall = GuideFilter(embeddings: g, margin: 0.06, strategy: .relative)
            .masks(anchorTextIDs: [0, 1], candidateTextIDs: [2, 3], symmetric: false)
        XCTAssertEqual(relSmall.forward[0], [], ".8090 < .8660 × .94 = .8141")
    }

    func testSymmetricMasksAnchorsForEachPositive() {
        // Positive 2 (text at 30°) belongs to anchor 0 (0°, cos .866); anchor 1 at 25° scores .996 → masked.
        let g = guide([0, 25,  30, 80])
        let m = GuideFilter(embeddings: g).masks(anchorTextIDs: [0, 1], candidateTextIDs: [2, 3], symmetric: true)
        XCTAssertEqual(m.backward?[0], [1])
        // Positive 3 (80°) with anchor 1 (25°): cos 55° = .574; anchor 0: cos 80° = .174 → kept.
        XCTAssertEqual(m.backward?[1], [])
    }

    func testMaskedCandidateLeavesTheLossAsIfItWereAbsent() {
        // Masking column 1 of row 0 must equal the loss computed with that logit at −∞: compare with
        // the same loss on a batch where row 0's mask comes from a repeated-positive exclusion instead.
        var rng = SplitMix64(seed: 3)
        let d = 4
        let a = Tensor((0..<(2 * d)).map { _ in rng.nextFloat() - 0.5 }, shape: [2, d])
        let c = Tensor((0..<(2 * d)).map { _ in rng.nextFloat() - 0.5 }, shape: [2, d])
        let loss = MultipleNegativesRankingLoss(scale: 20)
        let plain = loss(anchors: a, candidates: c, anchorTextIDs: [0, 1], candidateTextIDs: [2, 3])[0]
        let masked = loss(anchors: a, candidates: c, anchorTextIDs: [0, 1], candidateTextIDs: [2, 3],
                          masks: LossMasks(forward: [[1], []]))[0]
        // Row 0 with column 1 gone has a single candidate: its loss is 0; row 1 unchanged.
        let s = a.cosineSimilarity(c).scaled(20)
        let row1 = log(exp(Double(s[2])) + exp(Double(s[3]))) - Double(s[3])
        XCTAssertEqual(Double(masked), row1 / 2, accuracy: 1e-5)
        XCTAssertGreaterThan(plain, masked)
        // The own positive is never masked, even when asked.
        let selfMasked = loss(anchors: a, candidates: c, anchorTextIDs: [0, 1], candidateTextIDs: [2, 3],
                              masks: LossMasks(forward: [[0], [1]]))[0]
        XCTAssertEqual(selfMasked, plain, accuracy: 1e-6)
    }
}

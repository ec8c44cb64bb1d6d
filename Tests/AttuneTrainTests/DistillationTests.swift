import AttuneCore
import AttuneData
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneTrain

/// Distillation (`distill.teacher`, `MarginMSELoss`): which margins a batch gives, the loss against
/// its formula, and a real run with a cross-encoder teacher — its scores computed once and reused,
/// the Margin-MSE falling — and the teachers refused.
final class DistillationTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-distill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    /// Three anchors, one negative column: a margin for each anchor whose positive and negative the
    /// teacher scored and whose negative slot is not padding, and no other.
    func testMarginsSkipPaddingAndPairsTheTeacherDidNotScore() {
        var t = TeacherScores()
        t[10, 20] = 5; t[10, 22] = 1          // anchor 10: positive 20, negative 22
        t[11, 21] = 4; t[11, 23] = 0          // anchor 11: positive 21, its slot is padding
        t[12, 24] = 3                          // anchor 12: its negative 25 was never scored
        var batch = ContrastiveBatch(anchorTextIDs: [10, 11, 12], candidateTextIDs: [20, 21, 24, 22, 23, 25], padding: [4])
        let loss = MarginMSELoss(base: MultipleNegativesRankingLoss(), teacher: t, scale: 20)
        XCTAssertEqual(loss.margins(batch), [MarginTarget(row: 0, positive: 0, negative: 3, target: 4)])
        batch = ContrastiveBatch(anchorTextIDs: [10, 11, 12], candidateTextIDs: [20, 21, 24, 22, 23, 25])
        XCTAssertEqual(loss.margins(batch).map(\.row), [0, 1], "without padding anchor 11's margin counts")
    }

    /// The loss is `baseWeight·MNRL + weight·mean((20cos(a,p) − 20cos(a,n)) − (t_p − t_n))²`.
    func testLossIsTheWeightedSumOfItsFormula() {
        func random(_ rows: Int, _ seed: UInt64) -> Tensor {
            var rng = SplitMix64(seed: seed)
            return Tensor((0..<(rows * 5)).map { _ in Float(rng.next() % 2001) / 1000 - 1 }, shape: [rows, 5])
        }
        let a = random(2, 11), c = random(4, 12)
        var t = TeacherScores()
        t[0, 2] = 6; t[0, 4] = 1; t[1, 3] = 2; t[1, 5] = 3
        let batch = ContrastiveBatch(anchorTextIDs: [0, 1], candidateTextIDs: [2, 3, 4, 5])
        let cos = a.cosineSimilarity(c).values
        var want = 0.0
        for (i, tp, tn) in [(0, 6.0, 1.0), (1, 2.0, 3.0)] {
            let m = 20 * Double(cos[i * 4 + i]) - 20 * Double(cos[i * 4 + 2 + i])
            want += pow(m - (tp - tn), 2)
        }
        want /= 2
        var stats = LossStats()
        let mnrl = MultipleNegativesRankingLoss()(anchors: a, candidates: c, batch: batch, stats: &stats)[0]
        let alone = MarginMSELoss(base: MultipleNegativesRankingLoss(), teacher: t, scale: 20, weight: 1, baseWeight: 0)
        XCTAssertEqual(Double(alone(anchors: a, candidates: c, batch: batch, stats: &stats)[0]), want, accuracy: 1e-4 * want)
        let both = MarginMSELoss(base: MultipleNegativesRankingLoss(), teacher: t, scale: 20, weight: 0.5, baseWeight: 2)
        XCTAssertEqual(Double(both(anchors: a, candidates: c, batch: batch, stats: &stats)[0]), 2 * Double(mnrl) + 0.5 * want,
                       accuracy: 1e-4 * want)
    }

    /// `count` MedQuAD pairs (every 10th line), each with the next pair's positive as its negative.
    private func pairs(_ count: Int, negatives: Bool = true) throws -> URL {
        let all = try PairReader().read(try Fixtures.shared("data/medquad/train.jsonl"), limit: count * 10).pairs
        let picked = stride(from: 0, to: count * 10, by: 10).map { all[$0] }
        let url = dir.appendingPathComponent("pairs-\(count)-\(negatives).jsonl")
        let lines = try picked.indices.map { i -> String in
            var o = ["anchor": picked[i].anchor, "positive": picked[i].positive]
            if negatives { o["negative"] = picked[(i + 1) % count].positive }
            return String(decoding: try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]), as: UTF8.self)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        return url
    }

    private func recipe(_ name: String, pairs: URL, model: URL, teacher: URL?) -> Recipe {
        var r = Recipe()
        r.model = model.path
        r.pairs = pairs.path
        r.output = dir.appendingPathComponent(name).path
        r.batchSize = 8
        r.epochs = 4
        r.maxSeqLength = 48
        r.trainableLayers = 1
        r.lr = 2e-4
        r.dropout = 0
        r.checkpointEvery = 0
        r.distillTeacher = teacher?.path
        r.distillBaseWeight = 0
        return r
    }

    /// A teacher (a cross-encoder with a seeded head: its margins are arbitrary but fixed) distilled
    /// alone into the bi-encoder: the teacher scores each pair's positive and negative once, a second
    /// run reuses them, and the Margin-MSE falls as the student learns the teacher's margins.
    func testRunDistilsTheTeachersMarginsAndReusesItsScores() throws {
        let modelURL = try Fixtures.model()
        let teacherURL = dir.appendingPathComponent("teacher")
        var teacher = try CrossEncoder.initialise(fromBiEncoder: modelURL, seed: 5)
        teacher.maxLength = 48
        try teacher.save(to: teacherURL)
        let url = try pairs(32)
        var log: [String] = []
        var losses: [Float] = []
        let r = recipe("run", pairs: url, model: modelURL, teacher: teacherURL)
        let summary = try Trainer(recipe: r, log: { log.append($0) }).run(base: try SentenceModel.load(modelURL),
                                                                         progress: { losses.append($0.loss) })
        XCTAssertTrue(log.contains { $0.contains("scores 64 (anchor, positive/negative) pairs once") }, log.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(summary.steps, 12, "4 epochs of 32 pairs in batches of 8 distinct texts")
        let first = losses.prefix(4).reduce(0, +) / 4, last = losses.suffix(4).reduce(0, +) / 4
        XCTAssertLessThan(last, first * 0.7, "Margin-MSE per step: \(losses)")

        log = []
        _ = try Trainer(recipe: r, log: { log.append($0) }).run(base: try SentenceModel.load(modelURL))
        XCTAssertTrue(log.contains { $0.contains("reusing the teacher's scores") }, log.joined(separator: "\n"))
    }

    func testTeachersThatCannotTeachAreRefusedNamingTheKey() throws {
        let modelURL = try Fixtures.model()
        let withNegatives = try pairs(32), without = try pairs(32, negatives: false)
        let teacherURL = dir.appendingPathComponent("teacher")
        try CrossEncoder.initialise(fromBiEncoder: modelURL, seed: 5).save(to: teacherURL)
        let cases: [(Recipe, String)] = [
            (recipe("bi", pairs: withNegatives, model: modelURL, teacher: modelURL), "is a bi-encoder"),
            (recipe("noneg", pairs: without, model: modelURL, teacher: teacherURL), "needs hard negatives"),
        ]
        for (r, want) in cases {
            XCTAssertThrowsError(try Trainer(recipe: r).run(base: try SentenceModel.load(modelURL))) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("distill.teacher") && text.contains(want), text)
            }
        }
    }
}

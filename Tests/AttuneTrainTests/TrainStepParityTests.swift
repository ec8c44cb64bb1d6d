import AttuneCore
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneTrain

/// One full training step against PyTorch's (../shared/fixtures/NAME/train_step.json):
/// six glaucoma pairs, max_seq_length 32, last 2 layers + identity Dense head, no dropout,
/// AdamW lr 1e-3, weight decay 0.01, no clipping. For all-MiniLM-L6-v2 (BERT, layers 4–5, 384×384
/// head) and all-mpnet-base-v2 (MPNet, layers 10–11, 768×768 head).
final class TrainStepParityTests: XCTestCase {
    func testOneStepMatchesPyTorch() throws { try checkStep("all-MiniLM-L6-v2", model: Fixtures.model()) }
    func testMPNetOneStepMatchesPyTorch() throws { try checkStep("all-mpnet-base-v2", model: Fixtures.mpnetModel()) }

    func checkStep(_ name: String, model: URL) throws {
        let url = try Fixtures.shared("fixtures/\(name)/train_step.json")
        let fx = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var base = try SentenceModel.load(model)
        base.maxSeqLength = 32
        let anchors = fx["anchors"] as! [String], positives = fx["positives"] as! [String]
        let trainable = try TrainableModel(base: base, trainableLayers: 2, head: true)

        // Token ids as PyTorch saw them (its batches are padded with the pad id; ours are packed).
        let texts = anchors + positives
        let tokens = texts.map { base.tokenize($0) }
        let fxIDs = (fx["anchor_ids"] as! [[Int]]) + (fx["positive_ids"] as! [[Int]])
        for (mine, theirs) in zip(tokens, fxIDs) {
            XCTAssertEqual(mine.map(Int.init), Array(theirs.prefix { $0 != Int(base.tokenizer.padId) }))
        }

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-step-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = try FrozenCache(model: base, tokens: tokens, frozenLayers: trainable.firstTrainable,
                                    url: dir.appendingPathComponent("cache.bin"))
        let ids = (0..<Int32(texts.count)).map { $0 }
        var rng = SplitMix64(seed: 0)
        let emb = trainable.forward(hidden: try cache.gather(ids), lengths: tokens.map(\.count), dropout: 0, rng: &rng)
        let n = anchors.count
        let loss = MultipleNegativesRankingLoss(scale: 20)(
            anchors: emb.sliceRows(0..<n), candidates: emb.sliceRows(n..<2 * n),
            anchorTextIDs: Array(ids[0..<n]), candidateTextIDs: Array(ids[n..<2 * n]))
        let wantLoss = fx["loss"] as! Double
        XCTAssertEqual(Double(loss[0]), wantLoss, accuracy: 1e-4 * abs(wantLoss), "loss")
        loss.backward()

        let params = trainable.parameters
        let gradNorms = fx["grad_norms"] as! [String: Double]
        let gradFirst = fx["grad_first32"] as! [String: [Double]]
        let updatedFirst = fx["updated_first32"] as! [String: [Double]]
        XCTAssertEqual(Set(params.map(\.name)), Set(gradNorms.keys), "the trainable parameters are PyTorch's")
        for (name, t) in params {
            let g = try XCTUnwrap(t.gradient, "\(name) has no gradient")
            let norm = g.values.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()  // Double: a Float sum of 2.4M squares drifts 0.2%
            let want = gradNorms[name]!
            if want > 1e-6 {  // key biases: zero in exact arithmetic, noise in float (fixture notes)
                XCTAssertEqual(norm, want, accuracy: 1e-3 * want, "grad norm of \(name)")
            }
        }
        var optimizer = try AdamW(parameters: params.map { $0.tensor }, lr: 1e-3, weightDecay: 0.01)
        optimizer.step()
        var compared = 0
        for (name, t) in params {
            let grads = gradFirst[name]!, updated = updatedFirst[name]!
            for j in 0..<updated.count where abs(grads[j]) > 1e-6 {
                XCTAssertEqual(Double(t[j]), updated[j], accuracy: 1e-5, "updated \(name)[\(j)]")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 500, "enough updated values were compared")
    }
}

import AttuneData
import AttuneSearch
import Foundation
import XCTest

/// `RerankFusion`: the convex combination of min–max normalised cross-encoder logits and retriever
/// scores, its bounds, and the weight a cross-encoder folder carries.
final class RerankFusionTests: XCTestCase {
    func testFusedScoresFollowTheFormula() throws {
        let f = try RerankFusion(weight: 0.25)
        let ce: [Double] = [2, -2, 0, 6]          // mm: 0.5, 0, 0.25, 1
        let ret: [Double] = [0.9, 0.7, 0.8, 0.5]  // mm: 1, 0.5, 0.75, 0
        let fused = f.fuse(reranker: ce, retriever: ret)
        let expected = [0.25 * 0.5 + 0.75 * 1, 0.25 * 0 + 0.75 * 0.5, 0.25 * 0.25 + 0.75 * 0.75, 0.25 * 1 + 0.75 * 0]
        for (a, b) in zip(fused, expected) { XCTAssertEqual(a, b, accuracy: 1e-12) }
        XCTAssertEqual(f.order(reranker: ce, retriever: ret).order, [0, 2, 1, 3])
    }

    func testTheEndsAreEachStageAloneAndEqualValuesCountZero() throws {
        let ce: [Double] = [0.1, 3, -1, 2], ret: [Double] = [0.2, 0.1, 0.9, 0.5]
        XCTAssertEqual(RerankFusion.crossEncoderOnly.order(reranker: ce, retriever: ret).order, [1, 3, 0, 2], "weight 1: the cross-encoder's order")
        XCTAssertEqual(try RerankFusion(weight: 0).order(reranker: ce, retriever: ret).order, [2, 3, 0, 1], "weight 0: the retriever's order")
        // A stage whose scores are all equal adds nothing; ties go to the earlier candidate.
        let flat = try RerankFusion(weight: 0.5).order(reranker: [1, 1, 1], retriever: [0.3, 0.9, 0.3])
        XCTAssertEqual(flat.order, [1, 0, 2])
        XCTAssertEqual(flat.scores, [0, 0.5, 0])
        XCTAssertEqual(RerankFusion.sweep.first, 0.1)
        XCTAssertEqual(RerankFusion.sweep.last, 1)
        XCTAssertEqual(RerankFusion.sweep.count, 10)
    }

    func testAWeightOutsideZeroToOneIsRefusedNamingTheSetting() {
        for w in [-0.1, 1.5, .nan, .infinity] {
            XCTAssertThrowsError(try RerankFusion(weight: w), "\(w)") { e in
                XCTAssertTrue("\(e)".contains("rerank_weight"), "\(e)")
            }
        }
    }

    func testTheSavedWeightRoundTripsAndABadFileIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertNil(try RerankFusion.saved(in: dir), "no file: no saved weight")
        let saved = RerankFusion.Saved(weight: 0.4, retriever: "all-MiniLM-L6-v2", retrieverNDCG10: 0.8, rerankerNDCG10: 0.7,
                                       fusedNDCG10: 0.83, rerankTop: 20)
        try RerankFusion.save(saved, in: dir)
        XCTAssertEqual(try RerankFusion.saved(in: dir), saved)
        let file = dir.appendingPathComponent(RerankFusion.file)
        try Data(#"{"weight": 3, "retriever": "x", "retriever_ndcg10": 0, "reranker_ndcg10": 0, "fused_ndcg10": 0, "rerank_top": 1}"#.utf8).write(to: file)
        XCTAssertThrowsError(try RerankFusion.saved(in: dir)) { e in
            XCTAssertTrue("\(e)".contains(file.path) && "\(e)".contains("weight"), "\(e)")
        }
        try Data("not json".utf8).write(to: file)
        XCTAssertThrowsError(try RerankFusion.saved(in: dir)) { e in XCTAssertTrue("\(e)".contains(file.path), "\(e)") }
    }
}

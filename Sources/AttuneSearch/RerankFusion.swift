import AttuneData
import Foundation

/// How a reranked list's final score mixes the cross-encoder with the retriever whose candidates
/// it reorders: a convex combination of the two, each min–max normalised over the query's
/// candidates (Bruch et al. 2022, "An Analysis of Fusion Functions for Hybrid Retrieval"):
///
///     mm(x)_i  = (x_i − min x) / (max x − min x)          (0 for every candidate when all are equal)
///     final_i  = weight · mm(logit)_i + (1 − weight) · mm(retriever score)_i
///
/// `weight` 1 is the cross-encoder alone (today's reranking, the default); 0 the retriever alone.
/// A cross-encoder trained on a few thousand pairs can order the retriever's top N worse than the
/// retriever and still add to it: the weight is chosen on a dev split (a cross-encoder training
/// run's dev check sweeps `sweep` and saves the best in the folder, `RerankFusion.file`).
public struct RerankFusion: Sendable, Equatable, Codable {
    /// The cross-encoder's share of the final score, in [0, 1].
    public var weight: Double

    /// The cross-encoder alone: candidates sorted by its score.
    public static let crossEncoderOnly = RerankFusion(uncheckedWeight: 1)

    /// The weights a dev check tries: 0.1, 0.2, … 1 (0, the retriever alone, is what it is compared with).
    public static let sweep: [Double] = (1...10).map { Double($0) / 10 }

    /// A fusion with `weight`; outside [0, 1] (or not a number) it is a `SettingError` naming `rerank_weight`.
    public init(weight: Double) throws {
        guard weight.isFinite, (0...1).contains(weight) else {
            throw SettingError(setting: "rerank_weight", value: "\(weight)", what: "must be between 0 (the retriever alone) and 1 (the cross-encoder alone)")
        }
        self.weight = weight
    }

    private init(uncheckedWeight: Double) { weight = uncheckedWeight }

    /// Whether this is the cross-encoder alone (no retriever score needed).
    public var isCrossEncoderOnly: Bool { weight == 1 }

    /// The final scores of one query's candidates: `reranker` (the cross-encoder's logits) and
    /// `retriever` (the retriever's scores, same order) fused as above.
    public func fuse(reranker: [Double], retriever: [Double]) -> [Double] {
        precondition(reranker.count == retriever.count, "fuse: \(reranker.count) reranker scores for \(retriever.count) retriever scores")
        let a = RerankFusion.minMax(reranker), b = RerankFusion.minMax(retriever)
        return zip(a, b).map { weight * $0 + (1 - weight) * $1 }
    }

    /// The candidates' order (indices, best first; ties in the retriever's order, i.e. by index)
    /// under this fusion.
    public func order(reranker: [Double], retriever: [Double]) -> (order: [Int], scores: [Double]) {
        let s = fuse(reranker: reranker, retriever: retriever)
        return (s.indices.sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 }, s)
    }

    /// `x` scaled to [0, 1] by its minimum and maximum; all zeros when they are equal.
    static func minMax(_ x: [Double]) -> [Double] {
        guard let lo = x.min(), let hi = x.max(), hi > lo else { return x.map { _ in 0 } }
        return x.map { ($0 - lo) / (hi - lo) }
    }

    // MARK: - In a cross-encoder folder

    /// The file in a cross-encoder folder that holds the weight its dev check chose, read by
    /// `Reranker.load` (sentence-transformers ignores it).
    public static let file = "attune_rerank_fusion.json"

    /// What the file holds: the weight, and how it was chosen.
    public struct Saved: Codable, Equatable, Sendable {
        /// The chosen cross-encoder share.
        public var weight: Double
        /// The bi-encoder whose candidates the weight was chosen on.
        public var retriever: String
        /// The dev set's nDCG@10: the retriever alone, the cross-encoder alone, and fused at `weight`.
        public var retriever_ndcg10: Double
        public var reranker_ndcg10: Double
        public var fused_ndcg10: Double
        /// Candidates reranked per dev query.
        public var rerank_top: Int

        public init(weight: Double, retriever: String, retrieverNDCG10: Double, rerankerNDCG10: Double, fusedNDCG10: Double, rerankTop: Int) {
            self.weight = weight; self.retriever = retriever
            retriever_ndcg10 = retrieverNDCG10; reranker_ndcg10 = rerankerNDCG10; fused_ndcg10 = fusedNDCG10; rerank_top = rerankTop
        }
    }

    /// The saved choice in `folder`, or nil when it has none. A file that does not parse, or a
    /// weight outside [0, 1], is an error naming the file.
    public static func saved(in folder: URL) throws -> Saved? {
        let url = folder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let saved: Saved
        do { saved = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: url)) } catch {
            throw AttuneError.badConfig(source: url.path, field: "weight", what: "cannot be read (\(error.localizedDescription))")
        }
        guard saved.weight.isFinite, (0...1).contains(saved.weight) else {
            throw AttuneError.badConfig(source: url.path, field: "weight", what: "\(saved.weight): must be between 0 and 1")
        }
        return saved
    }

    /// Write `saved` into `folder` (to a temp file renamed into place).
    public static func save(_ saved: Saved, in folder: URL) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        try enc.encode(saved).write(to: folder.appendingPathComponent(file), options: .atomic)
    }
}

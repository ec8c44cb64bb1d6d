import AttuneCore
import AttuneData
@testable import AttuneEval
@testable import AttuneModel
import AttuneSearch
import AttuneTestSupport
import Foundation
import XCTest

/// `attune eval --dim N --index-dir D`: the `_dN` index is cut from the model's full-width index
/// (no second encoding), and holds what encoding at `--dim N` gives — with and without Normalize.
final class DimIndexTests: XCTestCase {
    /// 20 held-out questions of the bundled data against their relevant answers and 40 others.
    func slice() throws -> (docs: [Document], queries: [Query], qrels: Qrels) {
        let data = Fixtures.packageRoot.appendingPathComponent("Data/medical")
        let queries = Array(try readQueries(data.appendingPathComponent("test-queries.jsonl")).prefix(20))
        let qrels = try Qrels.read(data.appendingPathComponent("test-qrels.tsv"))
        let ids = Set(queries.map(\.id))
        let relevant = Set(qrels.relevant.filter { ids.contains($0.key) }.values.flatMap { $0 })
        var others = 0
        let docs = try readCorpus(data.appendingPathComponent("corpus.jsonl")).filter { d in
            if relevant.contains(d.id) { return true }
            others += 1
            return others <= 40
        }
        return (docs, queries, qrels)
    }

    func testDimIndexIsCutFromTheFullWidthIndex() throws {
        let (docs, queries, qrels) = try slice()
        var base = try SentenceModel.load(Fixtures.model())
        base.maxSeqLength = 64  // short texts keep the debug build quick
        for normalize in [true, false] {
            let folder = try temporaryFolder(self).appendingPathComponent("index-\(normalize)")
            var model = base
            model.normalize = normalize
            XCTAssertEqual(model.normalize, normalize)
            var cut = model
            try cut.truncate(to: 128)
            let embedder = ModelEmbedder(model: cut, name: "minilm")
            var logs: [String] = []
            var evaluator = Evaluator(corpus: docs, queries: queries, qrels: qrels, indexDir: folder)
            evaluator.log = { logs.append($0) }
            let indexed = try evaluator.run(embedder)

            // One encoding, into the full-width index; the 128-d index cut from it.
            let full = try EmbeddingIndex.open(folder.appendingPathComponent("\(embedder.fingerprint).sqlite"))
            XCTAssertEqual(full.count, docs.count)
            XCTAssertEqual(full.dimension, 384)
            let d128 = folder.appendingPathComponent("\(embedder.fingerprint)_d128.sqlite")
            XCTAssertEqual(logs, ["\(d128.lastPathComponent): \(docs.count) 128-dimensional vectors cut from the full-width index "
                                  + "\(embedder.fingerprint).sqlite (which encoded \(docs.count) documents it lacked)"])

            // The cut vectors are those encoding at --dim 128 gives.
            let (ids, derived) = try EmbeddingIndex.open(d128).loadMatrix()
            XCTAssertEqual(Set(ids), Set(docs.map(\.id)))
            let byID = Dictionary(uniqueKeysWithValues: docs.map { ($0.id, $0) })
            let fresh = try embedder.embed(ids.map { byID[$0]!.embeddingText })
            XCTAssertEqual(derived.shape, fresh.shape)
            var worst: Float = 0
            for i in 0..<derived.count { worst = max(worst, abs(derived.data[i] - fresh.data[i])) }
            print("normalize \(normalize): max |cut − encoded at --dim 128| = \(worst)")
            XCTAssertLessThanOrEqual(worst, 1e-5, "normalize \(normalize)")
            if !normalize {
                // Without Normalize the stored full vectors are not unit length, the cut ones are.
                let (_, fullVectors) = try full.loadMatrix()
                let n0 = (0..<384).reduce(Float(0)) { $0 + fullVectors.data[$1] * fullVectors.data[$1] }
                XCTAssertGreaterThan(abs(n0 - 1), 0.01, "the model without Normalize stores raw vectors")
                continue
            }

            // The evaluation matches encoding at --dim 128 with no index at all.
            let direct = try Evaluator(corpus: docs, queries: queries, qrels: qrels).run(embedder)
            for q in queries {
                let a = try XCTUnwrap(indexed[q.id]), b = try XCTUnwrap(direct[q.id])
                XCTAssertEqual(a.count, b.count)
                for (x, y) in zip(a, b) { XCTAssertEqual(x.score, y.score, accuracy: 1e-5, q.id) }
                XCTAssertEqual(StoreParityTests.canonicalTies(a), StoreParityTests.canonicalTies(b), q.id)
            }
            let ma = evaluator.report([("indexed", indexed)]).models[0].metrics.mean
            let mb = evaluator.report([("direct", direct)]).models[0].metrics.mean
            for (name, value) in mb { XCTAssertEqual(ma[name] ?? .nan, value, accuracy: 1e-9, name) }

            // Another width, and the same width again: cut from the full index, nothing encoded.
            try FileManager.default.removeItem(at: d128)
            var cut64 = model
            try cut64.truncate(to: 64)
            logs = []
            _ = try evaluator.run(ModelEmbedder(model: cut64, name: "minilm"))
            _ = try evaluator.run(embedder)
            XCTAssertEqual(logs.count, 2, "\(logs)")
            XCTAssertTrue(logs.allSatisfy { $0.hasSuffix("(no encoding)") }, "\(logs)")
            XCTAssertTrue(logs[0].contains("_d64.sqlite: \(docs.count) 64-dimensional vectors"), "\(logs)")
            logs = []
            let again = try evaluator.run(embedder)
            XCTAssertEqual(logs, [], "a complete index is used as it is")
            for q in queries { XCTAssertEqual(again[q.id]!.map(\.doc), indexed[q.id]!.map(\.doc)) }
        }
    }
}

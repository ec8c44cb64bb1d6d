import AttuneCore
import AttuneData
import AttuneModel
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneEval

final class ModelCardTests: XCTestCase {
    /// A folder for this test, removed after it.
    private lazy var dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("attune-card-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: d) }
        return d
    }()

    private func write(_ name: String, _ text: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testCardSaysWhatTheModelIsAndCarriesRecipeAndEvaluation() {
        let bare = ModelCard(name: "med-minilm", source: "out/model", dimension: 384, pooling: "mean", denseModules: 1, maxSeqLength: 256)
        let md = bare.markdown
        XCTAssertTrue(md.hasPrefix("---\nlibrary_name: sentence-transformers\n"), md)
        XCTAssertTrue(md.contains("# med-minilm\n"))
        XCTAssertTrue(md.contains("adapted with Attune from `out/model`"))
        XCTAssertTrue(md.contains("384-dimensional normalised vector (bert encoder, mean pooling,\n1 Dense module(s))"), md)
        XCTAssertTrue(md.contains("`SentenceTransformer(\"med-minilm\")`"))
        XCTAssertTrue(md.contains("Max sequence length: 256 tokens."))
        XCTAssertFalse(md.contains("## Training recipe") || md.contains("## Evaluation"))
        var full = bare
        full.recipeYAML = "lr: 5e-05\n"; full.evaluation = "| model |\n"
        XCTAssertTrue(full.markdown.contains("## Training recipe\n\n```yaml\nlr: 5e-05\n\n```\n"), full.markdown)
        XCTAssertTrue(full.markdown.hasSuffix("## Evaluation\n\n| model |\n\n"), full.markdown)
        // An MPNet without Normalize and with prompts says so.
        var other = bare
        (other.encoder, other.normalized, other.prompts, other.defaultPrompt) = ("mpnet", false, ["passage", "query"], "query")
        XCTAssertTrue(other.markdown.contains("384-dimensional vector (mpnet encoder, mean pooling"), other.markdown)
        XCTAssertTrue(other.markdown.contains("256 tokens. Prompts: `passage`, `query` (default `query`)."), other.markdown)
        // A Matryoshka model says which widths it was trained for and how to truncate.
        var mat = bare
        mat.matryoshkaDims = [384, 128, 64]
        XCTAssertTrue(mat.markdown.contains("Trained for Matryoshka dimensions 384, 128, 64 (`matryoshka_dims` in config_sentence_transformers.json): `SentenceTransformer(\"med-minilm\", truncate_dim=64)`"), mat.markdown)
        XCTAssertFalse(md.contains("Matryoshka"))
    }

    func testCardOfARealModel() throws {
        var m = try SentenceModel.load(Fixtures.model())
        m.maxSeqLength = 200
        let card = ModelCard(model: m, name: "x", source: "all-MiniLM-L6-v2")
        XCTAssertEqual(card.dimension, 384); XCTAssertEqual(card.pooling, "mean")
        XCTAssertEqual(card.denseModules, 0); XCTAssertEqual(card.maxSeqLength, 200)
        XCTAssertEqual(card.encoder, "bert"); XCTAssertTrue(card.normalized); XCTAssertEqual(card.prompts, [])
    }

    func testEvaluationTableFromEvalJSON() throws {
        let qrels = Qrels(relevant: ["q1": ["d1"], "q2": ["d2"]])
        let base = ModelResult(name: "base", metrics: evaluate(ranked: ["q1": ["d2", "d1"], "q2": ["d2"]], qrels: qrels),
                               topDocs: [:])
        let adapted = ModelResult(name: "a|b", metrics: evaluate(ranked: ["q1": ["d1"], "q2": ["d2"]], qrels: qrels), topDocs: [:])
        let url = dir.appendingPathComponent("eval.json")
        try EvalReport(models: [base, adapted], qrels: qrels, test: PairedTest(resamples: 100, seed: 1)).json().write(to: url)
        let table = try ModelCard.evaluationTable(fromJSON: url)
        let lines = table.split(separator: "\n")
        XCTAssertEqual(lines.count, 4, table)
        XCTAssertEqual(lines[0], "| model | ndcg@10 | mrr@10 | recall@1 | recall@10 | recall@100 | map@100 |")
        XCTAssertEqual(lines[3], "| a\\|b | 1.0000 | 1.0000 | 1.0000 | 1.0000 | 1.0000 | 1.0000 |")
        XCTAssertTrue(lines[2].hasPrefix("| base | 0.8155 | 0.7500 | 0.5000 | 1.0000 |"), String(lines[2]))
    }

    func testBadEvaluationFilesAreErrorsNamingThem() throws {
        func expect(_ url: URL, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertThrowsError(try ModelCard.evaluationTable(fromJSON: url), file: file, line: line) { error in
                XCTAssertTrue("\(error)".hasPrefix(url.path + ": "), "\(error)", file: file, line: line)
                XCTAssertTrue("\(error)".contains(text), "\(error) lacks \(text)", file: file, line: line)
            }
        }
        expect(dir.appendingPathComponent("none.json"), "no such file")
        expect(try write("bad.json", "{not json"), "not JSON")
        expect(try write("list.json", "[1]"), "models: missing")
        expect(try write("empty.json", "{\"models\": []}"), "models: missing or not a non-empty list")
        expect(try write("name.json", "{\"models\": [{\"metrics\": {}}]}"), "models[0].name")
        expect(try write("metrics.json", "{\"models\": [{\"name\": \"m\", \"metrics\": 3}]}"), "models[0].metrics: missing or not an object")
        expect(try write("value.json", "{\"models\": [{\"name\": \"m\", \"metrics\": {\"ndcg@10\": \"high\"}}]}"),
               "models[0].metrics.ndcg@10: missing or not a number")
    }
}

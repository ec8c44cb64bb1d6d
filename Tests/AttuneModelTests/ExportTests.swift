import AttuneCore
import AttuneData
import AttuneTestSupport
import Foundation
import XCTest
@testable import AttuneModel

/// `SentenceModel.save`: the folder round-trips through `SentenceModel.load` bit for bit, holds
/// every file sentence-transformers reads, and a refused or failed save leaves no damage.
final class ExportTests: XCTestCase {
    /// The base model with an identity Dense head, a few head weights and one encoder weight
    /// perturbed, so the saved model differs from the base one in both places.
    func perturbedModel() throws -> SentenceModel {
        var m = try SentenceModel.load(Fixtures.model())
        let head = DenseModule.identity(dim: 384)
        head.linear.weight.data[0] = 0.5             // [0, 0]
        head.linear.weight.data[384 + 7] = -0.25     // [1, 7]
        head.linear.weight.data[383 * 384 + 5] = 0.125
        head.linear.bias!.data[3] = 0.01
        m.dense = [head]
        m.bert.layers[2].query.weight.data[11] += 0.05
        m.maxSeqLength = 128
        return m
    }

    func fixtureTexts() throws -> [String] {
        let url = try Fixtures.shared("fixtures/all-MiniLM-L6-v2/embeddings.jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["text"] as! String
        }
    }

    func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("attune-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func json(_ url: URL) throws -> Any { try JSONSerialization.jsonObject(with: Data(contentsOf: url)) }

    /// Save, reload, encode: the same embeddings, and the model differs from the base.
    func testSavedModelReloadsWithIdenticalEmbeddings() throws {
        let m = try perturbedModel()
        let texts = try fixtureTexts()
        XCTAssertEqual(texts.count, 20)
        let out = try tempDir().appendingPathComponent("exported")
        try m.save(to: out)
        let back = try SentenceModel.load(out)
        XCTAssertEqual(back.dense.count, 1)
        XCTAssertEqual(back.maxSeqLength, 128)
        XCTAssertEqual(back.pooling, .mean)
        XCTAssertTrue(back.normalize)

        let a = m.encode(texts, batchSize: 8), b = back.encode(texts, batchSize: 8)
        XCTAssertEqual(a.shape, [20, 384])
        XCTAssertEqual(b.shape, [20, 384])
        var maxDiff: Float = 0
        for i in 0..<a.count { maxDiff = max(maxDiff, abs(a.data[i] - b.data[i])) }
        XCTAssertLessThanOrEqual(maxDiff, 1e-7)

        // The perturbations are real: the base model gives different vectors.
        var base = try SentenceModel.load(Fixtures.model())
        base.maxSeqLength = 128
        let c = base.encode(texts, batchSize: 8)
        var baseDiff: Float = 0
        for i in 0..<a.count { baseDiff = max(baseDiff, abs(a.data[i] - c.data[i])) }
        XCTAssertGreaterThan(baseDiff, 1e-3)
    }

    /// Every file sentence-transformers reads, with the names and types it expects.
    func testFolderHoldsEveryFileWithHuggingFaceNames() throws {
        let m = try perturbedModel()
        let out = try tempDir().appendingPathComponent("exported")
        try m.save(to: out, extraFiles: ["README.md": Data("# card\n".utf8)])
        let fm = FileManager.default
        for name in ["model.safetensors", "config.json", "vocab.txt", "tokenizer.json", "tokenizer_config.json",
                     "modules.json", "sentence_bert_config.json", "config_sentence_transformers.json",
                     "1_Pooling/config.json", "2_Dense/config.json", "2_Dense/model.safetensors", "README.md"] {
            XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent(name).path), "missing \(name)")
        }
        var isDir: ObjCBool = false
        XCTAssertTrue(fm.fileExists(atPath: out.appendingPathComponent("3_Normalize").path, isDirectory: &isDir) && isDir.boolValue)

        // Transformer weights under Hugging Face's names, every BERT weight present and equal.
        let weights = try SafeTensorsFile(url: out.appendingPathComponent("model.safetensors"))
        XCTAssertTrue(weights.contains("embeddings.word_embeddings.weight"))
        XCTAssertTrue(weights.contains("encoder.layer.5.output.LayerNorm.bias"))
        XCTAssertFalse(weights.contains("bert.embeddings.word_embeddings.weight"))
        try ModelFolder.load(out).checkShapes(file: weights)
        let q = try weights.tensor("encoder.layer.2.attention.self.query.weight")
        XCTAssertEqual(q.values, m.bert.layers[2].query.weight.values)

        let modules = try json(out.appendingPathComponent("modules.json")) as! [[String: Any]]
        XCTAssertEqual(modules.map { $0["type"] as! String }, [
            "sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
            "sentence_transformers.models.Dense", "sentence_transformers.models.Normalize"])
        XCTAssertEqual(modules.map { $0["path"] as! String }, ["", "1_Pooling", "2_Dense", "3_Normalize"])

        let st = try json(out.appendingPathComponent("sentence_bert_config.json")) as! [String: Any]
        XCTAssertEqual(st["max_seq_length"] as? Int, 128)

        let pooling = try json(out.appendingPathComponent("1_Pooling/config.json")) as! [String: Any]
        XCTAssertEqual(pooling["word_embedding_dimension"] as? Int, 384)
        // Booleans, not 1/0: the raw text says `true`.
        let poolingText = try String(contentsOf: out.appendingPathComponent("1_Pooling/config.json"), encoding: .utf8)
        XCTAssertTrue(poolingText.contains("\"pooling_mode_mean_tokens\" : true"), poolingText)
        XCTAssertTrue(poolingText.contains("\"pooling_mode_cls_token\" : false"), poolingText)

        let dense = try json(out.appendingPathComponent("2_Dense/config.json")) as! [String: Any]
        XCTAssertEqual(dense["in_features"] as? Int, 384)
        XCTAssertEqual(dense["out_features"] as? Int, 384)
        XCTAssertEqual(dense["bias"] as? Bool, true)
        XCTAssertEqual(dense["activation_function"] as? String, "torch.nn.modules.linear.Identity")
        let denseText = try String(contentsOf: out.appendingPathComponent("2_Dense/config.json"), encoding: .utf8)
        XCTAssertTrue(denseText.contains("\"bias\" : true"), denseText)
        let head = try SafeTensorsFile(url: out.appendingPathComponent("2_Dense/model.safetensors"))
        XCTAssertEqual(head.shape("linear.weight"), [384, 384])
        XCTAssertEqual(head.shape("linear.bias"), [384])
        XCTAssertEqual(try head.tensor("linear.weight").values, m.dense[0].linear.weight.values)
        XCTAssertEqual(try head.tensor("linear.bias").values, m.dense[0].linear.bias!.values)
    }

    /// Without `overwrite` an existing folder is refused and left exactly as it was.
    func testSaveRefusesToOverwriteAndLeavesFolderUntouched() throws {
        let m = try perturbedModel()
        let dir = try tempDir()
        let out = dir.appendingPathComponent("exported")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let keep = out.appendingPathComponent("mine.txt")
        try Data("precious".utf8).write(to: keep)
        XCTAssertThrowsError(try m.save(to: out)) { error in
            XCTAssertTrue("\(error)".contains(out.path), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["mine.txt"])
        XCTAssertEqual(try String(contentsOf: keep, encoding: .utf8), "precious")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["exported"])

        // With overwrite it is replaced whole.
        try m.save(to: out, overwrite: true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: keep.path))
        XCTAssertEqual(try SentenceModel.load(out).dense.count, 1)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["exported"])
    }

    /// A save that fails after most files are written (an extra file that cannot be written over
    /// the `1_Pooling` folder) leaves no target folder and no partial folder beside it; when
    /// replacing, the old folder survives intact.
    func testFailedSaveLeavesNoPartialFolder() throws {
        let m = try perturbedModel()
        let dir = try tempDir()
        let out = dir.appendingPathComponent("exported")
        let poison = ["1_Pooling": Data("not a folder".utf8)]
        XCTAssertThrowsError(try m.save(to: out, extraFiles: poison))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])

        // Replacing an existing model: the failure leaves the old one loadable and alone.
        try m.save(to: out)
        let before = try Data(contentsOf: out.appendingPathComponent("2_Dense/model.safetensors"))
        var other = m
        other.dense = []
        XCTAssertThrowsError(try other.save(to: out, overwrite: true, extraFiles: poison))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["exported"])
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("2_Dense/model.safetensors")), before)
        XCTAssertEqual(try SentenceModel.load(out).dense.count, 1)
    }

    /// A model whose Transformer lives in a subfolder (`0_Transformer`, as older exports have it):
    /// the saved folder still carries its config and tokenizer files and reloads.
    func testTransformerInSubfolderKeepsItsFiles() throws {
        let base = try Fixtures.model()
        let src = try tempDir().appendingPathComponent("nested")
        let sub = src.appendingPathComponent("0_Transformer")
        let fm = FileManager.default
        try fm.createDirectory(at: sub, withIntermediateDirectories: true)
        try fm.createDirectory(at: src.appendingPathComponent("1_Pooling"), withIntermediateDirectories: true)
        for name in ["config.json", "vocab.txt", "tokenizer.json", "tokenizer_config.json", "sentence_bert_config.json"] {
            try fm.copyItem(at: base.appendingPathComponent(name), to: sub.appendingPathComponent(name))
        }
        try fm.createSymbolicLink(at: sub.appendingPathComponent("model.safetensors"), withDestinationURL: base.appendingPathComponent("model.safetensors"))
        try fm.copyItem(at: base.appendingPathComponent("1_Pooling/config.json"), to: src.appendingPathComponent("1_Pooling/config.json"))
        try Data(#"[{"idx":0,"name":"0","path":"0_Transformer","type":"sentence_transformers.models.Transformer"},{"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"}]"#.utf8)
            .write(to: src.appendingPathComponent("modules.json"))
        let m = try SentenceModel.load(src)
        let out = src.deletingLastPathComponent().appendingPathComponent("exported")
        try m.save(to: out)
        for name in ["config.json", "vocab.txt", "tokenizer.json", "tokenizer_config.json"] {
            XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent(name)), try Data(contentsOf: sub.appendingPathComponent(name)), name)
        }
        let back = try SentenceModel.load(out)
        XCTAssertEqual(back.tokenize("What are the symptoms of Glaucoma ?"), m.tokenize("What are the symptoms of Glaucoma ?"))
        XCTAssertFalse(back.normalize)
    }

    /// A parent that is a file, not a folder: one clear error, nothing created.
    func testUnwritableParentThrows() throws {
        let m = try perturbedModel()
        let dir = try tempDir()
        let file = dir.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        XCTAssertThrowsError(try m.save(to: file.appendingPathComponent("exported"))) { error in
            XCTAssertTrue(error is AttuneError, "\(error)")
            XCTAssertTrue("\(error)".contains("plain-file/exported"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["plain-file"])
    }
}

import AttuneCore
import Foundation
import XCTest
@testable import AttuneTrain

/// A half-written checkpoint: unreadable `state.json` and `trainable.safetensors` in `folder`.
func writeGarbage(_ folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for name in ["state.json", "trainable.safetensors"] {
        try Data("\u{0}garbage{".utf8).write(to: folder.appendingPathComponent(name))
    }
}

/// Checkpoint files on disk: what a kill at each moment of `save` leaves, and which recipes may
/// resume a checkpoint.
final class CheckpointTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-ck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    private func files(in url: URL) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
    }

    /// One tensor and its optimizer, checkpointed at `step` with the tensor set to `value`.
    private func saveCheckpoint(step: Int, value: Float, in output: URL) throws {
        let w = Tensor([value, value + 1, value + 2, value + 3], shape: [2, 2], requiresGrad: true)
        let opt = try AdamW(parameters: [w], lr: 0.1, weightDecay: 0)
        try Checkpoint(step: step, recipeYAML: "seed: 1\n", losses: [Float(step)], bestDev: nil)
            .save(to: output, params: [(name: "w", tensor: w)], optimizer: opt)
    }

    /// Load the checkpoint under `output`: its step and the tensor's first value.
    private func loadCheckpoint(in output: URL) throws -> (step: Int, value: Float)? {
        let w = Tensor(zeros: [2, 2], requiresGrad: true)
        var opt = try AdamW(parameters: [w], lr: 0.1, weightDecay: 0)
        guard let ck = try Checkpoint.load(from: output, params: [(name: "w", tensor: w)], optimizer: &opt) else { return nil }
        XCTAssertEqual(ck.losses, [Float(ck.step)])
        XCTAssertEqual(ck.recipeYAML, "seed: 1\n")
        return (ck.step, w[0])
    }

    func testKillDuringCheckpointWriteKeepsPreviousCheckpoint() throws {
        let out = dir.appendingPathComponent("ck")
        XCTAssertNil(try loadCheckpoint(in: out), "no checkpoint yet")
        try saveCheckpoint(step: 2, value: 10, in: out)
        try saveCheckpoint(step: 4, value: 20, in: out)
        XCTAssertEqual(files(in: out), ["checkpoint"], "a save leaves only the checkpoint")
        XCTAssertEqual(try loadCheckpoint(in: out)?.step, 4)

        // Killed while writing the next one: a half-written `.checkpoint.partial`.
        let partial = Checkpoint.partialFolder(in: out)
        try writeGarbage(partial)
        var ck = try XCTUnwrap(try loadCheckpoint(in: out))
        XCTAssertEqual(ck.step, 4); XCTAssertEqual(ck.value, 20)

        // Killed between the renames: the previous checkpoint is `.checkpoint.old` only.
        try FileManager.default.moveItem(at: Checkpoint.folder(in: out), to: Checkpoint.oldFolder(in: out))
        ck = try XCTUnwrap(try loadCheckpoint(in: out))
        XCTAssertEqual(ck.step, 4); XCTAssertEqual(ck.value, 20)

        // The next save replaces both, and the old one stays until the new one is in place.
        try saveCheckpoint(step: 6, value: 30, in: out)
        XCTAssertEqual(files(in: out), ["checkpoint"])
        ck = try XCTUnwrap(try loadCheckpoint(in: out))
        XCTAssertEqual(ck.step, 6); XCTAssertEqual(ck.value, 30)

        // A damaged checkpoint is an error naming the file, not a silent restart.
        try writeGarbage(Checkpoint.folder(in: out))
        XCTAssertThrowsError(try loadCheckpoint(in: out)) { error in
            XCTAssertTrue("\(error)".contains("checkpoint/state.json"), "\(error)")
        }
    }

    func testRecipeDifferencesIgnoreOnlyResumableKeys() throws {
        var a = Recipe()
        a.pairs = "/p.jsonl"; a.output = "/o"
        var b = a
        b.output = "/moved"; b.checkpointEvery = 7; b.evalEvery = 3; b.skipBad = true
        XCTAssertEqual(a.differences(from: b), [])
        // What happens after training (the merge, its guard set) may change on resume; the guide may not.
        b.mergeAlphas = [0.5, 1]; b.guardQueries = ["/q"]; b.guardCorpus = ["/c"]; b.guardQrels = ["/r"]
        XCTAssertEqual(a.differences(from: b), [])
        // The dev check's arithmetic does not change what a step computes.
        b.devPrecision = .int8
        XCTAssertEqual(a.differences(from: b), [])
        var c = a
        c.guide = "base"; c.miniBatchSize = 8; c.l2sp = 0.5
        XCTAssertEqual(a.differences(from: c), ["l2sp: 0.0 → 0.5", "guide: null → \"base\"", "mini_batch_size: null → 8"])
        b.seed = 1; b.dropout = 0; b.maxPairs = 10
        XCTAssertEqual(a.differences(from: b), ["max_pairs: null → 10", "dropout: 0.1 → 0.0", "seed: 42 → 1"])

        // The checkpoint's recipe.yaml is decoded, not compared as text: comments, key order,
        // spelling of numbers and absent keys (defaults) do not matter.
        let ck = dir.appendingPathComponent("ck")
        try FileManager.default.createDirectory(at: ck, withIntermediateDirectories: true)
        try Data("# saved by hand\nseed: 42.0e0\noutput: /elsewhere\npairs: /p.jsonl\nlr: 0.00005\n".utf8)
            .write(to: ck.appendingPathComponent("recipe.yaml"))
        XCTAssertThrowsError(try Checkpoint.checkRecipe(in: ck, matches: a)) { error in
            XCTAssertTrue("\(error)".contains("seed: expected an integer, got \"42.0e0\""), "\(error)")
        }
        try Data("# saved by hand\nseed: 42\noutput: /elsewhere\npairs: /p.jsonl\nlr: 0.00005\n".utf8)
            .write(to: ck.appendingPathComponent("recipe.yaml"))
        XCTAssertNoThrow(try Checkpoint.checkRecipe(in: ck, matches: a))
        try Data(a.yaml().utf8).write(to: ck.appendingPathComponent("recipe.yaml"))
        XCTAssertNoThrow(try Checkpoint.checkRecipe(in: ck, matches: a))
        XCTAssertThrowsError(try Checkpoint.checkRecipe(in: ck, matches: b)) { error in
            XCTAssertTrue("\(error)".contains("different recipe (max_pairs: null → 10, dropout: 0.1 → 0.0, seed: 42 → 1)"), "\(error)")
        }
        // A saved recipe with a key this Attune does not know is an error naming it.
        try Data("seed: 42\nfancy: 1\n".utf8).write(to: ck.appendingPathComponent("recipe.yaml"))
        XCTAssertThrowsError(try Checkpoint.checkRecipe(in: ck, matches: a)) { error in
            XCTAssertTrue("\(error)".contains("recipe.yaml: fancy: unknown key"), "\(error)")
        }
        try FileManager.default.removeItem(at: ck.appendingPathComponent("recipe.yaml"))
        XCTAssertThrowsError(try Checkpoint.checkRecipe(in: ck, matches: a)) { error in
            XCTAssertTrue("\(error)".contains("missing or unreadable"), "\(error)")
        }
    }

    /// Every key of the schema, changed alone: a resumable key leaves the checkpoint's recipe
    /// accepted, any other makes `--resume` refuse it naming that key (and only it).
    func testEveryKeyIsResumableOrNamedByTheResumeCheck() throws {
        var a = Recipe()
        a.pairs = "/p.jsonl"; a.output = "/o"
        let ck = dir.appendingPathComponent("every-key")
        try FileManager.default.createDirectory(at: ck, withIntermediateDirectories: true)
        try Data(a.yaml().utf8).write(to: ck.appendingPathComponent("recipe.yaml"))
        XCTAssertNoThrow(try Checkpoint.checkRecipe(in: ck, matches: a))
        // Values to try until one changes the key (its rule is not checked here: the resume check
        // compares values, it does not validate them).
        let tries = ["7", "0.5", "true", "false", "other", "int8", "keep", "random", "relative", "cross_encoder", "listwise", "round_robin", "null"]
        var resumable: [String] = []
        for key in Recipe.schema.keys {
            var changed: Recipe?
            for text in tries {
                var b = a
                guard (try? b.set(key.name, to: text, source: "test", currentDirectory: dir)) != nil else { continue }
                let diff = Recipe.schema.differences(a, b, includingResumable: true)
                if diff.count == 1 && diff[0].hasPrefix(key.name + ": ") { changed = b; break }
            }
            guard let b = changed else { XCTFail("no test value changes \(key.name)"); continue }
            if key.resumable {
                resumable.append(key.name)
                XCTAssertNoThrow(try Checkpoint.checkRecipe(in: ck, matches: b), key.name)
            } else {
                XCTAssertThrowsError(try Checkpoint.checkRecipe(in: ck, matches: b), key.name) { error in
                    XCTAssertTrue("\(error)".contains("different recipe (\(key.name): "), "\(error)")
                }
            }
        }
        XCTAssertEqual(Set(resumable), Checkpoint.resumableKeys)
        // What a step computes is never resumable: the keys the trainer's arithmetic reads.
        for name in ["objective", "cross_encoder_loss", "pos_weight", "listwise_scale", "model", "pairs", "epochs", "batch_size", "lr", "seed", "dropout", "max_seq_length", "trainable_layers",
                     "guide", "mini_batch_size", "l2sp", "matryoshka_dims"] {
            XCTAssertFalse(Checkpoint.resumableKeys.contains(name), name)
        }
    }

    func testPairsDigestSeesEditsAndOrder() {
        let a = [TrainingPair(anchor: "flu", positive: "a virus"), TrainingPair(anchor: "cold", positive: "a virus too")]
        XCTAssertEqual(Checkpoint.pairsDigest(a), Checkpoint.pairsDigest(a.map { $0 }))
        XCTAssertNotEqual(Checkpoint.pairsDigest(a), Checkpoint.pairsDigest(Array(a.reversed())))
        XCTAssertNotEqual(Checkpoint.pairsDigest(a), Checkpoint.pairsDigest(Array(a.prefix(1))))
        XCTAssertNotEqual(Checkpoint.pairsDigest([TrainingPair(anchor: "ab", positive: "c")]),
                          Checkpoint.pairsDigest([TrainingPair(anchor: "a", positive: "bc")]), "texts are delimited")
        XCTAssertNotEqual(Checkpoint.pairsDigest([TrainingPair(anchor: "a", positive: "b", negatives: ["c"])]),
                          Checkpoint.pairsDigest([TrainingPair(anchor: "a", positive: "b")]))
    }
}

import AttuneTestSupport
import Foundation
import XCTest

/// The built `attune` run on bad input, as a new user would meet it: every command, every kind of
/// bad file (missing, empty, truncated, binary garbage, wrong encoding, huge lines, wrong types,
/// missing fields, an output that already exists), bad flags and a bad environment.
///
/// Each case checks: the process exits (never a signal, never a hang) with status 1, or 64 for a
/// usage error; stderr has exactly one `error:` line, and it names the file, line, field or flag
/// at fault; and files the user had are byte for byte as they were.
final class CLIBadInputTests: XCTestCase {
    private var dir: URL!
    private var model: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-cli-\(UUID().uuidString)").standardizedFileURL
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    // MARK: Harness

    /// A file in the test folder with `bytes`.
    @discardableResult
    private func file(_ name: String, _ bytes: Data) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: url)
        return url.path
    }

    @discardableResult
    private func file(_ name: String, _ text: String) throws -> String { try file(name, Data(text.utf8)) }

    /// Bytes no text file has: a PNG-like header, NULs and every byte value.
    private var garbage: Data { Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0xFF, 0xFE] + (0...255).map { UInt8($0) } + [0xC3, 0x28]) }

    /// The real model folder (skips on a developer machine without it, fails under CI).
    private func modelPath() throws -> String { try Fixtures.model().path }

    /// A copy of the model folder with `name` replaced by `bytes` (the big weights are linked, not copied).
    private func brokenModel(_ name: String, _ bytes: Data) throws -> String {
        let src = try Fixtures.model()
        let dst = dir.appendingPathComponent("model-broken-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dst, withIntermediateDirectories: true)
        for item in try FileManager.default.contentsOfDirectory(atPath: src.path) {
            try FileManager.default.createSymbolicLink(at: dst.appendingPathComponent(item), withDestinationURL: src.appendingPathComponent(item))
        }
        try FileManager.default.removeItem(at: dst.appendingPathComponent(name))
        try bytes.write(to: dst.appendingPathComponent(name))
        return dst.path
    }

    struct Outcome {
        var status: Int32
        var signal: Int32?
        var stdout: String
        var stderr: String
    }

    /// Run `attune args` with no standard input, in the test folder; a run over `timeout` seconds
    /// is killed and fails the test as a hang.
    private func run(_ args: [String], environment: [String: String] = [:], timeout: TimeInterval = 120,
                     file: StaticString = #filePath, line: UInt = #line) throws -> Outcome {
        let p = Process()
        p.executableURL = try AttuneBinary.url(file: file, line: line)
        p.arguments = args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env["ATTUNE_THREADS"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        // Output to files (outside the test folder), so a chatty process never blocks on a pipe.
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("attune-cli-\(UUID().uuidString).out")
        let errURL = outURL.deletingPathExtension().appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        p.standardOutput = try FileHandle(forWritingTo: outURL)
        p.standardError = try FileHandle(forWritingTo: errURL)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(20_000) }
        if p.isRunning {
            p.terminate()
            XCTFail("attune \(args.joined(separator: " ")) did not finish within \(Int(timeout))s (a hang)", file: file, line: line)
        }
        p.waitUntilExit()
        let outData = FileManager.default.contents(atPath: outURL.path) ?? Data()
        let errData = FileManager.default.contents(atPath: errURL.path) ?? Data()
        let signaled = p.terminationReason == .uncaughtSignal
        return Outcome(status: signaled ? -1 : p.terminationStatus, signal: signaled ? p.terminationStatus : nil,
                       stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Every file under the test folder with its bytes (symbolic links to the model are skipped).
    private func snapshot() -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        var stack = [dir!]
        while let d = stack.popLast() {
            for name in (try? fm.contentsOfDirectory(atPath: d.path)) ?? [] {
                let u = d.appendingPathComponent(name)
                let v = try? u.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
                if v?.isSymbolicLink == true { continue }
                if v?.isDirectory == true { stack.append(u); continue }
                out[u.path] = fm.contents(atPath: u.path)
            }
        }
        return out
    }

    /// Run `args` and check a clean failure: `status`, one `error:` line containing every string
    /// of `names`, and every file the test folder held before the run unchanged.
    private func expectFailure(_ args: [String], status: Int32 = 1, names: [String], environment: [String: String] = [:],
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let before = snapshot()
        let o = try run(args, environment: environment, file: file, line: line)
        let what = "attune \(args.joined(separator: " "))"
        XCTAssertNil(o.signal, "\(what) was killed by signal \(o.signal ?? 0):\n\(o.stderr)", file: file, line: line)
        XCTAssertEqual(o.status, status, "\(what): exit status\n\(o.stderr)", file: file, line: line)
        let errors = o.stderr.split(whereSeparator: \.isNewline).filter { $0.lowercased().hasPrefix("error:") }
        XCTAssertEqual(errors.count, 1, "\(what): expected one error: line, stderr was\n\(o.stderr)", file: file, line: line)
        if let e = errors.first {
            for n in names { XCTAssertTrue(e.contains(n), "\(what): \"\(e)\" does not name \"\(n)\"", file: file, line: line) }
            XCTAssertFalse(e.contains("Fatal error") || e.contains("precondition"), "\(what): a trap's message: \(e)", file: file, line: line)
        }
        let after = snapshot()
        for (path, data) in before {
            XCTAssertEqual(after[path], data, "\(what) changed or removed \(path)", file: file, line: line)
        }
    }

    // MARK: Usage errors (64)

    func testUsageErrors() throws {
        try expectFailure(["frobnicate"], status: 64, names: ["frobnicate"])
        try expectFailure(["embed"], status: 64, names: ["--input"])
        try expectFailure(["embed", "--input", "x.txt", "--batch-size", "0"], status: 64, names: ["--batch-size"])
        try expectFailure(["embed", "--input", "x.txt", "--max-seq-length", "1"], status: 64, names: ["--max-seq-length"])
        try expectFailure(["embed", "--input", "x.txt", "--threads", "0"], status: 64, names: ["--threads"])
        try expectFailure(["search", "--db", "x.db"], status: 64, names: ["--query", "--queries"])
        try expectFailure(["search", "--db", "x.db", "--query", "a", "--queries", "q.jsonl"], status: 64, names: ["--query", "--queries"])
        try expectFailure(["search", "--db", "x.db", "--query", "  "], status: 64, names: ["--query"])
        try expectFailure(["search", "--db", "x.db", "--query", "a", "-k", "0"], status: 64, names: ["-k"])
        try expectFailure(["search", "--db", "x.db", "--queries", "q.jsonl"], status: 64, names: ["--output"])
        try expectFailure(["eval", "--corpus", "c", "--queries", "q", "--qrels", "r"], status: 64, names: ["--model"])
        try expectFailure(["train", "--epochs", "two"], status: 64, names: ["--epochs", "two"])
        try expectFailure(["train", "--set", "batchsize=3"], status: 64, names: ["batchsize", "unknown key"])
        try expectFailure(["train", "--set", "warmup=1.5"], status: 64, names: ["--set warmup", "[0, 1)"])
        try expectFailure(["train", "--lr", "0.1", "--set", "lr=0.2"], status: 64, names: ["lr", "--lr"])
        try expectFailure(["index", "--corpus", "c.jsonl", "--db", "x.db", "--batch-size", "-3"], status: 64, names: ["--batch-size"])
    }

    // MARK: Environment

    func testBadEnvironment() throws {
        try expectFailure(["doctor"], names: ["ATTUNE_THREADS", "lots"], environment: ["ATTUNE_THREADS": "lots"])
        try expectFailure(["doctor"], names: ["ATTUNE_THREADS", "0"], environment: ["ATTUNE_THREADS": "0"])
        try expectFailure(["doctor"], names: ["ATTUNE_PROGRESS_SECONDS", "soon"], environment: ["ATTUNE_PROGRESS_SECONDS": "soon"])
        try expectFailure(["doctor"], names: ["ATTUNE_PROGRESS_SECONDS", "-1"], environment: ["ATTUNE_PROGRESS_SECONDS": "-1"])
        let home = try file("home-is-a-file", "x")
        try expectFailure(["embed", "--input", try file("t.txt", "hello\n")], names: [home], environment: ["ATTUNE_HOME": home])
    }

    // MARK: tokenize / embed inputs

    func testTextInputs() throws {
        let m = try modelPath()
        let existing = try file("keep.npy", "the user's earlier output")
        func embed(_ input: String) -> [String] { ["embed", "--model", m, "--input", input, "--output", existing] }
        try expectFailure(embed("missing.txt"), names: ["missing.txt", "no such file"])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a-folder"), withIntermediateDirectories: true)
        try expectFailure(embed(dir.appendingPathComponent("a-folder").path), names: ["a-folder", "is a folder"])
        try expectFailure(embed(try file("empty.jsonl", "")), names: ["empty.jsonl", "no texts"])
        try expectFailure(embed(try file("blank.txt", "\n\n")), names: ["blank.txt", "no texts"])
        try expectFailure(embed(try file("garbage.txt", garbage)), names: ["garbage.txt", "UTF-8"])
        try expectFailure(embed(try file("latin1.txt", Data("caf\u{e9} au lait\n".data(using: .isoLatin1)!))), names: ["latin1.txt", "UTF-8"])
        try expectFailure(embed(try file("utf16.jsonl", Data("{\"text\": \"a\"}\n".data(using: .utf16)!))), names: ["utf16.jsonl"])
        try expectFailure(embed(try file("cut.jsonl", "{\"text\": \"one\"}\n{\"text\": \"two\"}\n{\"text\": \"thr")),
                          names: ["cut.jsonl:3", "JSON"])
        try expectFailure(embed(try file("types.jsonl", "{\"text\": \"one\"}\n{\"text\": 5}\n")), names: ["types.jsonl:2", "\"text\"", "string"])
        try expectFailure(embed(try file("fields.jsonl", "{\"body\": \"one\"}\n")), names: ["fields.jsonl:1", "missing field \"text\""])
        try expectFailure(embed(try file("array.jsonl", "[1, 2]\n")), names: ["array.jsonl:1", "object"])
        let huge = String(repeating: "{\"text\": \"" + String(repeating: "x", count: 100) + "\", ", count: 20_000)
        try expectFailure(embed(try file("huge.jsonl", "{\"text\": \"fine\"}\n" + huge + "\n")), names: ["huge.jsonl:2", "JSON"])
        try expectFailure(["tokenize", "--model", m, "--input", try file("t2.txt", "a\n"), "--output", dir.appendingPathComponent("t2.txt/out.jsonl").path],
                          names: ["t2.txt"])
        try expectFailure(["embed", "--model", m, "--input", try file("t3.txt", "a\n"), "--max-seq-length", "100000"],
                          status: 64, names: ["--max-seq-length", "512"])
    }

    func testAHugeLineIsEmbeddedNotAnError() throws {
        let m = try modelPath()
        let input = try file("one-huge.txt", String(repeating: "glaucoma ", count: 300_000) + "\n")
        let o = try run(["embed", "--model", m, "--input", input, "--output", dir.appendingPathComponent("e.npy").path])
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertGreaterThan(FileManager.default.contents(atPath: dir.appendingPathComponent("e.npy").path)?.count ?? 0, 384 * 4)
    }

    /// The flags reach the recipe (named ones and `--set`), and the trained model keeps the base
    /// model's inference length while training at 16 tokens.
    func testTrainFlagsReachTheRecipeAndTheModelKeepsItsLength() throws {
        let m = try modelPath()
        let pairs = try file("ok.jsonl", (0..<8).map { "{\"anchor\": \"question \($0)\", \"positive\": \"answer \($0)\"}" }.joined(separator: "\n"))
        let out = dir.appendingPathComponent("trained")
        let o = try run(["train", "--model", m, "--pairs", pairs, "--output", out.path, "--batch-size", "4", "--epochs", "1",
                         "--trainable-layers", "1", "--no-head", "--set", "max_seq_length=16", "--set", "warmup=0",
                         "--set", "weight_decay=0", "--checkpoint-every", "0"])
        XCTAssertEqual(o.status, 0, o.stderr)
        let recipe = try String(contentsOf: out.appendingPathComponent("recipe.yaml"), encoding: .utf8)
        for line in ["batch_size: 4", "trainable_layers: 1", "head: false", "max_seq_length: 16", "warmup: 0.0",
                     "weight_decay: 0.0", "checkpoint_every: 0", "pairs: \"\(pairs)\""] {
            XCTAssertTrue(recipe.contains("\n" + line + "\n"), "recipe.yaml lacks \(line):\n\(recipe)")
        }
        let st = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("model/sentence_bert_config.json"))) as? [String: Any]
        let base = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: m).appendingPathComponent("sentence_bert_config.json"))) as? [String: Any]
        XCTAssertEqual(st?["max_seq_length"] as? Int, base?["max_seq_length"] as? Int, "training at 16 tokens does not shrink the saved model's length")
        XCTAssertNotNil(base?["max_seq_length"] as? Int)
    }

    // MARK: Model folders

    func testBrokenModelFolders() throws {
        let input = try file("t.txt", "hello\n")
        try expectFailure(["embed", "--model", dir.appendingPathComponent("nomodel").path, "--input", input], names: ["nomodel"])
        try expectFailure(["embed", "--model", "no-such-model-name", "--input", input], names: ["no-such-model-name"])
        try expectFailure(["embed", "--model", try brokenModel("config.json", garbage), "--input", input], names: ["config.json"])
        try expectFailure(["embed", "--model", try brokenModel("config.json", Data("{\"hidden_size\": \"big\"}".utf8)), "--input", input],
                          names: ["config.json"])
        try expectFailure(["embed", "--model", try brokenModel("model.safetensors", Data([8, 0, 0, 0, 0, 0, 0, 0, 0x7B])), "--input", input],
                          names: ["model.safetensors"])
        try expectFailure(["embed", "--model", try brokenModel("model.safetensors", Data()), "--input", input], names: ["model.safetensors"])
        try expectFailure(["embed", "--model", try brokenModel("vocab.txt", Data()), "--input", input], names: ["vocab.txt"])
        try expectFailure(["embed", "--model", try brokenModel("modules.json", Data("[{\"path\": 3}]".utf8)), "--input", input], names: ["modules.json"])
    }

    // MARK: train

    func testTrainInputs() throws {
        let m = try modelPath()
        let out = dir.appendingPathComponent("out").path
        func train(_ extra: [String]) -> [String] { ["train", "--model", m, "--output", out, "--checkpoint-every", "0"] + extra }
        try expectFailure(train(["--recipe", "nope.yaml"]), names: ["nope.yaml", "no such file"])
        try expectFailure(train(["--recipe", dir.path]), names: [dir.path, "is a folder"])
        try expectFailure(train(["--recipe", try file("empty.yaml", "")]), names: ["empty.yaml", "empty recipe"])
        try expectFailure(train(["--recipe", try file("bin.yaml", garbage)]), names: ["bin.yaml", "UTF-8"])
        try expectFailure(train(["--recipe", try file("types.yaml", "pairs: p.jsonl\nbatch_size: many\n")]),
                          names: ["types.yaml", "batch_size", "expected an integer", "line 2"])
        try expectFailure(train(["--recipe", try file("keys.yaml", "pairs: p.jsonl\nbatchsize: 8\n")]), names: ["keys.yaml", "batchsize", "unknown key"])
        try expectFailure(train(["--recipe", try file("list.yaml", "- pairs\n")]), names: ["list.yaml", "mapping"])
        try expectFailure(train(["--recipe", try file("range.yaml", "pairs: p.jsonl\ndropout: 1.5\n")]), names: ["range.yaml", "dropout", "[0, 1)"])
        try expectFailure(train(["--pairs", "missing.jsonl"]), names: ["missing.jsonl"])
        try expectFailure(train(["--pairs", "p.jsonl", "--dev-precision", "int4"]), status: 64,
                          names: ["--dev-precision", "\"int4\"", "fp32, bf16, int8"])
        try expectFailure(train(["--pairs", "p.jsonl", "--set", "dev_precision=fp16"]), status: 64, names: ["--set dev_precision", "\"fp16\""])
        try expectFailure(train(["--recipe", try file("prec.yaml", "pairs: p.jsonl\ndev_precision: [int8]\n")]),
                          names: ["prec.yaml", "dev_precision", "expected a string"])
        try expectFailure(train(["--pairs", try file("p-empty.jsonl", "")]), names: ["p-empty.jsonl"])
        try expectFailure(train(["--pairs", try file("p-cut.jsonl", "{\"anchor\": \"a\", \"positive\": \"b\"}\n{\"anchor\": \"c\", \"posi")]),
                          names: ["p-cut.jsonl:2"])
        try expectFailure(train(["--pairs", try file("p-field.jsonl", "{\"anchor\": \"a\", \"answer\": \"b\"}\n")]),
                          names: ["p-field.jsonl:1", "positive"])
        try expectFailure(train(["--pairs", try file("p-type.jsonl", "{\"anchor\": \"a\", \"positive\": [1]}\n")]),
                          names: ["p-type.jsonl:1", "positive"])
        try expectFailure(train(["--pairs", try file("p.csv", "question,answer\nq,a\n")]), names: ["p.csv", "anchor"])
        try expectFailure(train(["--pairs", try file("p.tsv", garbage)]), names: ["p.tsv"])
        try expectFailure(train(["--pairs", try file("p.parquet", "x")]), names: ["p.parquet"])
        // Too few pairs for one batch: an error before anything is written.
        try expectFailure(train(["--pairs", try file("p-few.jsonl", "{\"anchor\": \"a\", \"positive\": \"b\"}\n")]), names: ["p-few.jsonl", "batch"])
        // The output is a file the user has: refused, and the file kept.
        let pairs = try file("ok.jsonl", (0..<40).map { "{\"anchor\": \"q\($0)\", \"positive\": \"a\($0)\"}" }.joined(separator: "\n"))
        let userFile = try file("precious.txt", "do not touch")
        try expectFailure(["train", "--model", m, "--pairs", pairs, "--output", userFile, "--batch-size", "4"], names: ["precious.txt"])
    }

    /// A recipe's `sources:` list: each bad source is one error line naming the source and field.
    func testTrainSourcesInputs() throws {
        let m = try modelPath()
        let out = dir.appendingPathComponent("out").path
        func train(_ extra: [String]) -> [String] { ["train", "--model", m, "--output", out, "--checkpoint-every", "0"] + extra }
        let ok = try file("src-ok.jsonl", (0..<40).map { "{\"anchor\": \"q\($0)\", \"positive\": \"a\($0)\"}" }.joined(separator: "\n"))
        let one = "sources:\n  - name: ok\n    pairs: \"\(ok)\"\n"
        try expectFailure(train(["--recipe", try file("src-key.yaml", one + "    colour: red\n")]),
                          names: ["src-key.yaml", "sources.ok.colour", "unknown key"])
        try expectFailure(train(["--recipe", try file("src-twice.yaml", one + "  - name: ok\n    pairs: \"\(ok)\"\n")]),
                          names: ["src-twice.yaml", "sources.ok.name", "two sources"])
        try expectFailure(train(["--recipe", try file("src-weight.yaml", one + "    weight: none\n")]),
                          names: ["src-weight.yaml", "sources.ok.weight", "a number"])
        try expectFailure(train(["--recipe", try file("src-both.yaml", one), "--pairs", ok]), names: ["sources", "pairs"])
        try expectFailure(train(["--recipe", try file("src-gone.yaml", one + "  - name: gone\n    pairs: gone.jsonl\n"), "--batch-size", "4"]),
                          names: ["source \"gone\"", "gone.jsonl"])
        let fields = try file("src-fields.jsonl", "{\"anchor\": \"a\", \"answer\": \"b\"}\n")
        try expectFailure(train(["--recipe", try file("src-fields.yaml", one + "  - name: faq\n    pairs: \"\(fields)\"\n"), "--batch-size", "4"]),
                          names: ["source \"faq\"", "src-fields.jsonl:1", "positive"])
    }

    /// A recipe's `dev_suite`: a missing file, no domain set, two, an unknown role, and guard lists
    /// beside it are each one error line naming the suite file or the key.
    func testTrainDevSuiteInputs() throws {
        let m = try modelPath()
        let out = dir.appendingPathComponent("out").path
        let pairs = try file("ds-pairs.jsonl", (0..<40).map { "{\"anchor\": \"q\($0)\", \"positive\": \"a\($0)\"}" }.joined(separator: "\n"))
        let corpus = try file("ds-corpus.jsonl", "{\"_id\": \"d1\", \"text\": \"a\"}\n")
        let queries = try file("ds-queries.jsonl", "{\"_id\": \"q1\", \"text\": \"q\"}\n")
        let qrels = try file("ds-qrels.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n")
        func set(_ name: String, _ role: String) -> String {
            "  - name: \(name)\n    role: \(role)\n    corpus: \"\(corpus)\"\n    queries: \"\(queries)\"\n    qrels: \"\(qrels)\"\n"
        }
        func train(_ suite: String, _ extra: [String] = []) -> [String] {
            ["train", "--model", m, "--pairs", pairs, "--output", out, "--checkpoint-every", "0", "--batch-size", "4",
             "--set", "dev_suite=\(suite)", "--set", "merge.alphas=0.5"] + extra
        }
        try expectFailure(train(dir.appendingPathComponent("gone.yaml").path), names: ["dev_suite", "gone.yaml", "no such suite file"])
        let none = try file("ds-none.yaml", "sets:\n" + set("a", "guard"))
        try expectFailure(train(none), names: ["ds-none.yaml", "exactly one set of role domain", "has none"])
        let two = try file("ds-two.yaml", "sets:\n" + set("a", "domain") + set("b", "domain"))
        try expectFailure(train(two), names: ["ds-two.yaml", "exactly one set of role domain", "has 2: a, b"])
        let role = try file("ds-role.yaml", "sets:\n" + set("a", "domain") + set("b", "test"))
        try expectFailure(train(role), names: ["ds-role.yaml", "sets[1].role", "unknown role \"test\""])
        let good = try file("ds-good.yaml", "sets:\n" + set("a", "domain"))
        try expectFailure(train(good, ["--set", "guard.queries=\(queries)", "--set", "guard.corpus=\(corpus)", "--set", "guard.qrels=\(qrels)"]),
                          names: ["dev_suite", "guard", "not both"])
    }

    // MARK: mine

    /// `--drop-incomplete` reaches the miner: with every candidate dropped by `--max-score`, no pair
    /// is complete, so none is written; without the flag every pair is written, negatives or not.
    func testMineDropIncomplete() throws {
        let m = try modelPath()
        let pairs = try file("mine.jsonl", (0..<6).map { "{\"anchor\": \"question \($0)\", \"positive\": \"answer number \($0)\"}" }
            .joined(separator: "\n"))
        func lines(_ path: String) -> Int {
            ((try? String(contentsOfFile: dir.appendingPathComponent(path).path, encoding: .utf8)) ?? "")
                .split(whereSeparator: \.isNewline).count
        }
        let base = ["mine", "--model", m, "--pairs", pairs, "--num-negatives", "2", "--max-score=-2"]
        let kept = try run(base + ["--output", "all.jsonl"])
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertEqual(lines("all.jsonl"), 6)
        let dropped = try run(base + ["--output", "complete.jsonl", "--drop-incomplete"])
        XCTAssertEqual(dropped.status, 0, dropped.stderr)
        XCTAssertEqual(lines("complete.jsonl"), 0, dropped.stderr)
    }

    // MARK: index / search

    func testIndexAndSearchInputs() throws {
        let m = try modelPath()
        let db = dir.appendingPathComponent("i.db").path
        try expectFailure(["index", "--model", m, "--corpus", try file("c-cut.jsonl", "{\"_id\": \"1\", \"text\": \"a\"}\n{\"_id\": \"2\", \"te"), "--db", db],
                          names: ["c-cut.jsonl:2"])
        try expectFailure(["index", "--model", m, "--corpus", try file("c-id.jsonl", "{\"text\": \"a\"}\n"), "--db", db], names: ["c-id.jsonl:1", "_id"])
        try expectFailure(["index", "--model", m, "--corpus", try file("c-dup.jsonl", "{\"_id\": \"1\", \"text\": \"a\"}\n{\"_id\": \"1\", \"text\": \"b\"}\n"), "--db", db],
                          names: ["c-dup.jsonl", "1"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "no index is left by a failed index")
        let corpus = try file("c.jsonl", "{\"_id\": \"1\", \"text\": \"glaucoma\"}\n{\"_id\": \"2\", \"text\": \"asthma\"}\n")
        let notDB = try file("notes.db", "my notes, not a database")
        try expectFailure(["index", "--model", m, "--corpus", corpus, "--db", notDB], names: ["notes.db"])
        try expectFailure(["index", "--model", m, "--corpus", corpus, "--db", try file("bin.db", garbage)], names: ["bin.db"])
        try expectFailure(["search", "--db", "none.db", "--query", "a"], names: ["none.db"])
        try expectFailure(["search", "--db", notDB, "--query", "a"], names: ["notes.db"])
        try expectFailure(["search", "--db", try file("empty.db", ""), "--query", "a"], names: ["empty.db"])
        // A good index, then bad query files; an existing run file is kept.
        let good = dir.appendingPathComponent("good.db").path
        let o = try run(["index", "--model", m, "--corpus", corpus, "--db", good])
        XCTAssertEqual(o.status, 0, o.stderr)
        let runFile = try file("run.trec", "q1 Q0 1 1 1.0 earlier\n")
        try expectFailure(["search", "--db", good, "--queries", try file("q-cut.jsonl", "{\"_id\": \"q"), "--output", runFile], names: ["q-cut.jsonl:1"])
        try expectFailure(["search", "--db", good, "--queries", try file("q-empty.jsonl", ""), "--output", runFile], names: ["q-empty.jsonl"])
        try expectFailure(["search", "--db", good, "--query", "a", "--model", try brokenModel("vocab.txt", Data("[PAD]\n".utf8))],
                          names: ["vocab.txt"])
        // Built with a document prompt: searching or adding with another is refused, naming it.
        let prompted = dir.appendingPathComponent("prompted.db").path
        XCTAssertEqual(try run(["index", "--model", m, "--corpus", corpus, "--db", prompted, "--document-prompt", "passage: "]).status, 0)
        try expectFailure(["search", "--db", prompted, "--query", "a"], names: ["prompted.db", "\"passage: \"", "--document-prompt"])
        try expectFailure(["index", "--model", m, "--corpus", corpus, "--db", prompted], names: ["prompted.db", "\"passage: \""])
        let ok = try run(["search", "--db", prompted, "--query", "a", "--document-prompt", "passage: ", "--query-prompt", "query: "])
        XCTAssertEqual(ok.status, 0, ok.stderr)
    }

    // MARK: --dim (Matryoshka truncation)

    func testDimFlag() throws {
        let m = try modelPath()
        let corpus = try file("c.jsonl", "{\"_id\": \"1\", \"text\": \"glaucoma\"}\n{\"_id\": \"2\", \"text\": \"asthma\"}\n")
        let texts = try file("t.txt", "glaucoma\nasthma\n")
        try expectFailure(["embed", "--model", m, "--input", texts, "--dim", "500"], status: 64, names: ["--dim 500", "384"])
        try expectFailure(["embed", "--model", m, "--input", texts, "--dim", "0"], status: 64, names: ["--dim 0"])
        // Truncated and re-normalised, with one warning line: MiniLM records no Matryoshka dims.
        let e = try run(["embed", "--model", m, "--input", texts, "--dim", "64"])
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertEqual(e.stderr.split(separator: "\n").filter { $0.hasPrefix("warning:") && $0.contains("matryoshka_dims") }.count, 1, e.stderr)
        for line in e.stdout.split(separator: "\n") {
            let v = (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["embedding"] as! [Double]
            XCTAssertEqual(v.count, 64)
            XCTAssertEqual(v.reduce(0) { $0 + $1 * $1 }, 1, accuracy: 1e-5)
        }
        // An index records its width: another one is refused by name, the same one searches.
        let db = dir.appendingPathComponent("d128.db").path
        let o = try run(["index", "--model", m, "--corpus", corpus, "--db", db, "--dim", "128"])
        XCTAssertEqual(o.status, 0, o.stderr)
        try expectFailure(["search", "--db", db, "--query", "eye", "--dim", "384"], names: ["d128.db", "--dim 128", "--dim 384"])
        try expectFailure(["index", "--model", m, "--corpus", corpus, "--db", db], names: ["d128.db", "--dim 128"])
        let s = try run(["search", "--db", db, "--query", "eye pressure", "--json"])
        XCTAssertEqual(s.status, 0, s.stderr)
        XCTAssertTrue(s.stdout.contains("\"id\":\"1\""), s.stdout)
        try expectFailure(["eval", "--model", m, "--corpus", corpus, "--queries", corpus, "--qrels", try file("r.tsv", "1\t1\t1\n"), "--dim", "999"],
                          status: 64, names: ["--dim 999"])
    }

    /// Long work is never silent in a log: with stderr a file (not a terminal), progress comes as a
    /// plain line every ATTUNE_PROGRESS_SECONDS (30 by default, so short work prints none).
    func testProgressLinesWithoutATerminal() throws {
        let m = try modelPath()
        let texts = try file("p.txt", "glaucoma\nasthma\nmigraine\nanemia\n")
        let quiet = try run(["embed", "--model", m, "--input", texts, "--batch-size", "1", "--output", dir.appendingPathComponent("q.npy").path])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertFalse(quiet.stderr.contains("texts/s"), quiet.stderr)
        let e = try run(["embed", "--model", m, "--input", texts, "--batch-size", "1", "--output", dir.appendingPathComponent("p.npy").path],
                        environment: ["ATTUNE_PROGRESS_SECONDS": "0"])
        XCTAssertEqual(e.status, 0, e.stderr)
        let lines = e.stderr.split(separator: "\n").filter { $0.hasPrefix("embed ") }
        XCTAssertEqual(lines.map { String($0.split(separator: " ")[1]) }, ["1/4", "2/4", "3/4"], e.stderr)
        XCTAssertTrue(lines.allSatisfy { $0.contains("texts/s") && $0.contains("ETA") && !$0.contains("\r") }, e.stderr)
    }

    /// `--precision`: an unknown value is a usage error; where the CPU lacks the instructions
    /// (ATTUNE_DNNL_MAX_ISA=avx2 makes oneDNN see it so) one notice line and fp32, or with
    /// `--strict-precision` one error line; an index built at int8 is searched at int8 and refused
    /// at another precision by name.
    func testPrecisionFlag() throws {
        let m = try modelPath()
        let texts = try file("t.txt", "glaucoma\nasthma\n")
        try expectFailure(["embed", "--model", m, "--input", texts, "--precision", "int4"], status: 64, names: ["int4", "--precision"])
        let noVNNI = ["ATTUNE_DNNL_MAX_ISA": "avx2"]
        let fallback = try run(["embed", "--model", m, "--input", texts, "--precision", "int8"], environment: noVNNI)
        XCTAssertEqual(fallback.status, 0, fallback.stderr)
        let notices = fallback.stderr.split(separator: "\n").filter { $0.hasPrefix("notice:") }
        XCTAssertEqual(notices.count, 1, fallback.stderr)
        XCTAssertTrue(notices.first?.contains("--precision int8 is unavailable") ?? false, fallback.stderr)
        XCTAssertTrue(notices.first?.contains("running fp32") ?? false, fallback.stderr)
        let fp32 = try run(["embed", "--model", m, "--input", texts])
        XCTAssertEqual(fallback.stdout, fp32.stdout, "the fallback is plain fp32")
        try expectFailure(["embed", "--model", m, "--input", texts, "--precision", "bf16", "--strict-precision"],
                          names: ["--precision", "bf16 is unavailable"], environment: noVNNI)
        try expectFailure(["embed", "--model", m, "--input", texts, "--precision", "int8"],
                          names: ["ATTUNE_DNNL_MAX_ISA"], environment: ["ATTUNE_DNNL_MAX_ISA": "avx9"])

        let corpus = try file("c.jsonl", "{\"_id\": \"1\", \"text\": \"glaucoma\"}\n{\"_id\": \"2\", \"text\": \"asthma\"}\n")
        let db = dir.appendingPathComponent("int8.db").path
        let o = try run(["index", "--model", m, "--corpus", corpus, "--db", db, "--precision", "int8"])
        XCTAssertEqual(o.status, 0, o.stderr)
        if o.stderr.contains("notice:") { print("skipping the int8 index checks: \(o.stderr)"); return }
        let s = try run(["search", "--db", db, "--query", "eye pressure", "--json"])
        XCTAssertEqual(s.status, 0, s.stderr)
        XCTAssertTrue(s.stdout.contains("\"id\":\"1\""), s.stdout)
        try expectFailure(["search", "--db", db, "--query", "eye", "--precision", "fp32"], names: ["int8.db", "--precision int8", "--precision fp32"])
        try expectFailure(["index", "--model", m, "--corpus", corpus, "--db", db], names: ["int8.db", "[int8]"])
        let ev = try run(["eval", "--model", m, "--corpus", corpus, "--queries", corpus, "--qrels", try file("r.tsv", "1\t1\t1\n2\t2\t1\n"),
                          "--precision", "int8"])
        XCTAssertEqual(ev.status, 0, ev.stderr)
        XCTAssertTrue(ev.stdout.lowercased().contains("ndcg@10"), ev.stdout)
    }

    func testVectorsFlag() throws {
        let m = try modelPath()
        let corpus = try file("c.jsonl", "{\"_id\": \"1\", \"text\": \"glaucoma raises eye pressure\"}\n{\"_id\": \"2\", \"text\": \"asthma narrows the airways\"}\n")
        try expectFailure(["index", "--model", m, "--corpus", corpus, "--db", "x.db", "--vectors", "int4"], status: 64, names: ["--vectors", "int4"])
        try expectFailure(["index", "--model", m, "--corpus", corpus, "--db", "postgresql://u@127.0.0.1:1/db", "--vectors", "int8"],
                          names: ["--vectors int8", "SQLite"])
        let db = dir.appendingPathComponent("q.db").path
        let o = try run(["index", "--model", m, "--corpus", corpus, "--db", db, "--vectors", "int8"])
        XCTAssertEqual(o.status, 0, o.stderr)
        let s = try run(["search", "--db", db, "--query", "eye pressure", "-k", "1", "--rescore", "2"])
        XCTAssertEqual(s.status, 0, s.stderr)
        XCTAssertTrue(s.stdout.contains(" 1  glaucoma"), s.stdout)
        try expectFailure(["search", "--db", db, "--query", "eye", "--vectors", "binary"], names: ["q.db", "--vectors int8", "binary"])
        try expectFailure(["index", "--model", m, "--corpus", corpus, "--db", db, "--vectors", "binary"], names: ["q.db", "--vectors int8"])
        try expectFailure(["search", "--db", db, "--query", "eye", "--vectors", "f32", "--rescore", "20"], names: ["q.db", "--rescore"])
        try expectFailure(["search", "--db", db, "--query", "eye", "-k", "5", "--rescore", "2"], status: 64, names: ["--rescore 2"])
    }

    // MARK: eval / export / demo

    // MARK: rerank

    /// A cross-encoder made from the test model: `attune rerank init` (64 tokens per pair).
    private func crossEncoder(_ name: String = "ce", extra: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let out = dir.appendingPathComponent(name).path
        let o = try run(["rerank", "init", "--model", try modelPath(), "--output", out, "--max-length", "64"] + extra, file: file, line: line)
        XCTAssertEqual(o.status, 0, o.stderr, file: file, line: line)
        return out
    }

    func testRerankInputs() throws {
        let m = try modelPath()
        let ce = try crossEncoder()
        let docs = try file("docs.jsonl", "{\"text\": \"Glaucoma damages the optic nerve.\"}\n{\"text\": \"Cataracts cloud the lens.\"}\n{\"text\": \"Metformin treats diabetes.\"}\n")
        // A bi-encoder where a cross-encoder is expected names what it is and how to make one.
        try expectFailure(["rerank", "--model", m, "--query", "q", "--input", docs], names: ["is a bi-encoder", "attune rerank init --model"])
        try expectFailure(["rerank", "init", "--model", ce, "--output", dir.appendingPathComponent("ce2").path], names: [ce, "already a cross-encoder"])
        try expectFailure(["rerank", "init", "--model", m, "--output", ce], names: [ce, "already exists"])
        try expectFailure(["rerank", "init", "--model", m, "--output", dir.appendingPathComponent("ce0").path, "--num-labels", "0"], status: 64, names: ["--num-labels"])
        // Several labels: loaded, but refused for reranking, naming the config and num_labels.
        let ce3 = try crossEncoder("ce3", extra: ["--num-labels", "3"])
        try expectFailure(["rerank", "--model", ce3, "--query", "q", "--input", docs], names: ["ce3/config.json", "num_labels", "3 labels"])
        try expectFailure(["rerank", "--model", ce, "--query", "q", "--input", "missing.jsonl"], names: ["missing.jsonl"])
        try expectFailure(["rerank", "--model", ce, "--query", "q", "--input", try file("bad.jsonl", "{\"body\": \"x\"}\n")], names: ["bad.jsonl:1", "\"text\""])
        try expectFailure(["rerank", "--model", ce, "--query", "q", "--input", docs, "-k", "0"], status: 64, names: ["-k"])
        try expectFailure(["rerank", "--model", ce, "--query", " ", "--input", docs], status: 64, names: ["--query"])
        try expectFailure(["rerank", "--model", ce, "--query", "q", "--input", docs, "--max-length", "100000"], status: 64, names: ["--max-length", "512"])
        // Every document scored, best first; a query too long for the pair is cut and counted.
        let longQuery = Array(repeating: "glaucoma", count: 100).joined(separator: " ")
        let o = try run(["rerank", "--model", ce, "--query", longQuery, "--input", docs, "--json"])
        XCTAssertEqual(o.status, 0, o.stderr)
        let out = try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as! [String: Any]
        let results = out["results"] as! [[String: Any]]
        XCTAssertEqual(Set(results.map { $0["index"] as! Int }), [0, 1, 2])
        let scores = results.map { $0["score"] as! Double }
        XCTAssertEqual(scores, scores.sorted(by: >))
        XCTAssertEqual(out["query_truncated"] as? Int, 3)
        XCTAssertTrue(o.stderr.contains("3 of 3 pairs truncated to 64 tokens"), o.stderr)
    }

    func testSearchWithReranker() throws {
        let m = try modelPath()
        let ce = try crossEncoder()
        let corpus = try file("c.jsonl", "{\"_id\": \"g\", \"text\": \"Glaucoma damages the optic nerve.\"}\n{\"_id\": \"c\", \"text\": \"Cataracts cloud the lens.\"}\n{\"_id\": \"m\", \"text\": \"Metformin treats diabetes.\"}\n")
        let db = dir.appendingPathComponent("x.db").path
        XCTAssertEqual(try run(["index", "--model", m, "--corpus", corpus, "--db", db]).status, 0)
        try expectFailure(["search", "--db", db, "--query", "eye", "--reranker", ce, "--rerank-top", "2", "-k", "3"], status: 64, names: ["--rerank-top", "-k"])
        try expectFailure(["search", "--db", db, "--query", "eye", "--rerank-top", "2"], status: 64, names: ["--rerank-top", "--reranker"])
        try expectFailure(["search", "--db", db, "--query", "eye", "--reranker", ce, "--rerank-top", "10"], names: ["--rerank-top 10", "3 documents"])
        try expectFailure(["search", "--db", db, "--query", "eye", "--reranker", m], names: ["is a bi-encoder", "attune rerank init"])
        let o = try run(["search", "--db", db, "--query", "eye disease", "--reranker", ce, "--rerank-top", "3", "-k", "2", "--json"])
        XCTAssertEqual(o.status, 0, o.stderr)
        let hits = (try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as! [String: Any])["hits"] as! [[String: Any]]
        XCTAssertEqual(hits.count, 2)
        let scores = hits.map { $0["score"] as! Double }
        XCTAssertEqual(scores, scores.sorted(by: >))
        XCTAssertTrue(scores.allSatisfy { $0 > 0 && $0 < 1 }, "cross-encoder scores are sigmoids: \(scores)")

        // --rerank-weight: refusals name the flag; 0 is the retriever's order, with fused scores in [0, 1].
        try expectFailure(["search", "--db", db, "--query", "eye", "--rerank-weight", "0.5"], status: 64, names: ["--rerank-weight", "--reranker"])
        try expectFailure(["search", "--db", db, "--query", "eye", "--reranker", ce, "--rerank-weight", "1.5"], status: 64, names: ["--rerank-weight 1.5", "between 0"])
        try expectFailure(["search", "--db", db, "--query", "eye", "--reranker", ce, "--rerank-weight", "0.2,0.4"], status: 64, names: ["--rerank-weight", "one weight"])
        func hitIDs(_ extra: [String]) throws -> [(String, Double)] {
            let o = try run(["search", "--db", db, "--query", "eye disease", "-k", "3", "--json"] + extra)
            XCTAssertEqual(o.status, 0, o.stderr)
            return ((try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as! [String: Any])["hits"] as! [[String: Any]])
                .map { ($0["id"] as! String, $0["score"] as! Double) }
        }
        let retrieved = try hitIDs([])
        let retrieverOnly = try hitIDs(["--reranker", ce, "--rerank-top", "3", "--rerank-weight", "0"])
        XCTAssertEqual(retrieverOnly.map(\.0), retrieved.map(\.0), "weight 0: the retriever's order")
        XCTAssertEqual(retrieverOnly.map(\.1), [1, retrieverOnly[1].1, 0], "min–max normalised retriever scores")
        // A weight saved in the folder is the default; the flag overrides it.
        let saved = dir.appendingPathComponent("ce-saved").path
        try FileManager.default.copyItem(atPath: ce, toPath: saved)
        try Data(#"{"weight": 0, "retriever": "m", "retriever_ndcg10": 0.5, "reranker_ndcg10": 0.4, "fused_ndcg10": 0.6, "rerank_top": 3}"#.utf8)
            .write(to: URL(fileURLWithPath: saved).appendingPathComponent("attune_rerank_fusion.json"))
        XCTAssertEqual(try hitIDs(["--reranker", saved, "--rerank-top", "3"]).map(\.1), retrieverOnly.map(\.1))
        XCTAssertEqual(try hitIDs(["--reranker", saved, "--rerank-top", "3", "--rerank-weight", "1"]).map(\.1),
                       try hitIDs(["--reranker", ce, "--rerank-top", "3"]).map(\.1))
        // Export keeps the saved weight.
        let exported = dir.appendingPathComponent("ce-exported").path
        XCTAssertEqual(try run(["export", "--model", saved, "--output", exported]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: exported + "/attune_rerank_fusion.json"))
    }

    /// `attune eval --reranker`: each refusal is one line naming its flag; a run adds "M + CE"
    /// with its comparison against M, in the table and the JSON, and reranks with progress.
    func testEvalWithReranker() throws {
        let m = try modelPath()
        let ce = try crossEncoder()
        let topics = ["glaucoma damages the optic nerve", "cataracts cloud the lens", "metformin treats diabetes",
                      "asthma narrows the airways", "migraine causes headaches", "anemia lowers red blood cells",
                      "eczema inflames the skin", "gout swells the joints", "insulin lowers blood sugar",
                      "statins lower cholesterol", "malaria spreads by mosquitoes", "scurvy comes from lack of vitamin C"]
        let corpus = try file("c.jsonl", topics.enumerated().map { "{\"_id\": \"d\($0.offset)\", \"text\": \"\($0.element)\"}\n" }.joined())
        let queries = try file("q.jsonl", "{\"_id\": \"q1\", \"text\": \"eye pressure\"}\n{\"_id\": \"q2\", \"text\": \"blood sugar\"}\n")
        let qrels = try file("r.tsv", "query-id\tcorpus-id\tscore\nq1\td0\t1\nq2\td8\t1\n")
        let eval = ["eval", "--model", m, "--corpus", corpus, "--queries", queries, "--qrels", qrels]
        try expectFailure(eval + ["--rerank-top", "20"], status: 64, names: ["--rerank-top", "--reranker"])
        try expectFailure(eval + ["--reranker-precision", "bf16"], status: 64, names: ["--reranker-precision", "--reranker"])
        try expectFailure(eval + ["--reranker", ce, "--rerank-top", "5"], status: 64, names: ["--rerank-top 5", "at least 10"])
        try expectFailure(eval + ["--reranker", ce, "--rerank-top", "13"], status: 64, names: ["--rerank-top 13", "12 documents"])
        try expectFailure(eval + ["--reranker", m], names: ["is a bi-encoder", "attune rerank init"])
        // In a suite, a set's corpus too small names the set.
        let suite = try file("s.yaml", "sets:\n  - name: small\n    role: domain\n    corpus: c.jsonl\n    queries: q.jsonl\n    qrels: r.tsv\n")
        try expectFailure(["eval", "--model", m, "--suite", suite, "--reranker", ce, "--rerank-top", "50"], status: 64,
                          names: ["--rerank-top 50", "small set", "12 documents"])

        let json = dir.appendingPathComponent("out.json").path
        let o = try run(eval + ["--reranker", ce, "--rerank-top", "10", "--json", json], environment: ["ATTUNE_PROGRESS_SECONDS": "0"])
        XCTAssertEqual(o.status, 0, o.stderr)
        let row = "\(m) + \(ce)"
        XCTAssertTrue(o.stdout.contains(row), o.stdout)
        XCTAssertTrue(o.stderr.contains("reranking \(row)") && o.stderr.contains("pairs"), o.stderr)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let models = try XCTUnwrap(doc["models"] as? [[String: Any]])
        XCTAssertEqual(models.map { $0["name"] as? String }, [m, row])
        XCTAssertEqual(models[1]["retriever"] as? String, m)
        let reranked = try XCTUnwrap(doc["rerank_comparisons"] as? [[String: Any]])
        XCTAssertEqual(reranked.count, 1)
        XCTAssertEqual(reranked[0]["base"] as? String, m)
        XCTAssertEqual(reranked[0]["model"] as? String, row)

        // --rerank-weight with a list: one row per weight, the pairs scored once.
        try expectFailure(eval + ["--reranker", ce, "--rerank-weight", "0.5,x"], status: 64, names: ["--rerank-weight", "\"x\""])
        try expectFailure(eval + ["--reranker", ce, "--rerank-weight", "0.5,0.5"], status: 64, names: ["--rerank-weight", "twice"])
        let fusedJSON = dir.appendingPathComponent("fused.json").path
        let f = try run(eval + ["--reranker", ce, "--rerank-top", "10", "--rerank-weight", "1,0.5", "--json", fusedJSON])
        XCTAssertEqual(f.status, 0, f.stderr)
        let fused = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fusedJSON))) as? [String: Any])
        XCTAssertEqual((fused["models"] as? [[String: Any]])?.map { $0["name"] as? String }, [m, row, "\(row) (fused 0.5)"])
        XCTAssertEqual((fused["rerank_comparisons"] as? [[String: Any]])?.map { $0["base"] as? String }, [m, m])
    }

    /// `attune mine --cross-encoder`: refusals name their flags; a run writes the cross-encoder's
    /// scores with `--scores` and reports that its scores decided.
    func testMineWithCrossEncoder() throws {
        let m = try modelPath()
        let ce = try crossEncoder()
        let texts = ["glaucoma damages the optic nerve", "cataracts cloud the lens", "metformin treats diabetes",
                     "asthma narrows the airways", "migraine causes headaches", "anemia lowers red blood cells",
                     "eczema inflames the skin", "gout swells the joints"]
        let pairs = try file("pairs.jsonl", "{\"anchor\": \"eye pressure\", \"positive\": \"\(texts[0])\"}\n{\"anchor\": \"blood sugar\", \"positive\": \"\(texts[2])\"}\n")
        let corpus = try file("c.jsonl", texts.enumerated().map { "{\"_id\": \"d\($0.offset)\", \"text\": \"\($0.element)\"}\n" }.joined())
        let out = dir.appendingPathComponent("mined.jsonl").path
        let mine = ["mine", "--model", m, "--pairs", pairs, "--corpus", corpus, "--output", out, "--num-negatives", "2"]
        try expectFailure(mine + ["--cross-encoder-precision", "int8"], status: 64, names: ["--cross-encoder-precision", "--cross-encoder"])
        try expectFailure(mine + ["--cross-encoder", ce, "--relative-margin", "none"], status: 64, names: ["--cross-encoder", "--relative-margin"])
        try expectFailure(mine + ["--cross-encoder", m], names: ["is a bi-encoder", "attune rerank init"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written after a refusal")
        let o = try run(mine + ["--cross-encoder", ce, "--relative-margin", "none", "--max-score", "2", "--scores", "--json"])
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertTrue(o.stderr.contains("the cross-encoder's"), o.stderr)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        for line in lines {
            let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let scores = [obj["positive_score"], obj["negative_1_score"], obj["negative_2_score"]].map { $0 as? Double }
            XCTAssertFalse(scores.contains(nil), String(line))
            // Sigmoid scores of the cross-encoder, the negatives best first.
            XCTAssertTrue(scores.allSatisfy { $0! > 0 && $0! < 1 }, String(line))
            XCTAssertGreaterThanOrEqual(scores[1]!, scores[2]!)
        }
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(o.stdout.split(separator: "\n").last!.utf8)) as? [String: Any])
        XCTAssertEqual(summary["scoredBy"] as? String, "cross-encoder")
        XCTAssertEqual(summary["crossEncoderPairs"] as? Int, 2 * 8 + 2, "each anchor's reached candidates (the 8 texts) and its positive")
    }

    /// The exported cross-encoder scores the fixture's pairs in PyTorch's CrossEncoder as Attune
    /// does, within 1e-5 (scripts/check-cross-encoder-export.py). Needs ../st-venv (torch and
    /// sentence-transformers), which CI's environment lacks: skipped without it, CI included.
    func testExportedCrossEncoderScoresTheSameInPyTorch() throws {
        // PyTorch + sentence-transformers: the venv scripts/peer-venv.sh makes (setup.sh runs it).
        let which = Process()
        which.executableURL = URL(fileURLWithPath: "/bin/bash")
        which.arguments = [Fixtures.packageRoot.appendingPathComponent("scripts/peer-venv.sh").path, "python"]
        let where_ = Pipe()
        which.standardOutput = where_
        try which.run()
        which.waitUntilExit()
        let python = URL(fileURLWithPath: String(decoding: where_.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines))
        try Fixtures.require(FileManager.default.isExecutableFile(atPath: python.path),
                             "no PyTorch venv at \(python.path) to run scripts/check-cross-encoder-export.py (run scripts/peer-venv.sh)")
        let ce = try crossEncoder()
        let exported = dir.appendingPathComponent("exported").path
        XCTAssertEqual(try run(["export", "--model", ce, "--output", exported]).status, 0)
        let p = Process()
        p.executableURL = python
        p.arguments = [Fixtures.packageRoot.appendingPathComponent("scripts/check-cross-encoder-export.py").path, exported,
                       "--attune", try AttuneBinary.url().path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("\"ok\": true"), text)
    }

    func testEvalExportDemoInputs() throws {
        let m = try modelPath()
        let corpus = try file("c.jsonl", "{\"_id\": \"d1\", \"text\": \"glaucoma\"}\n{\"_id\": \"d2\", \"text\": \"asthma\"}\n")
        let queries = try file("q.jsonl", "{\"_id\": \"q1\", \"text\": \"eye pressure\"}\n")
        let qrels = try file("r.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n")
        let json = try file("report.json", "{\"earlier\": true}")
        func eval(corpus c: String = corpus, queries q: String = queries, qrels r: String = qrels) -> [String] {
            ["eval", "--model", m, "--corpus", c, "--queries", q, "--qrels", r, "--json", json]
        }
        try expectFailure(eval(qrels: try file("r-cols.tsv", "q1 d1\n")), names: ["r-cols.tsv:1", "3"])
        try expectFailure(eval(qrels: try file("r-score.tsv", "q1\td1\thigh\n")), names: ["r-score.tsv:1", "score"])
        try expectFailure(eval(qrels: try file("r-bin.tsv", garbage)), names: ["r-bin.tsv"])
        try expectFailure(eval(qrels: try file("r-empty.tsv", "")), names: ["r-empty.tsv"])
        try expectFailure(eval(qrels: try file("r-unknown.tsv", "q1\tnope\t1\n")), names: ["r-unknown.tsv", "nope"])
        try expectFailure(eval(queries: try file("q-types.jsonl", "{\"_id\": \"q1\", \"text\": null}\n")), names: ["q-types.jsonl:1", "text"])
        try expectFailure(eval(corpus: try file("c-latin1.jsonl", Data("{\"_id\": \"d1\", \"text\": \"caf\u{e9}\"}\n".data(using: .isoLatin1)!))),
                          names: ["c-latin1.jsonl"])
        // Corpus vectors kept with one document prompt are not reused for another.
        let kept = dir.appendingPathComponent("vectors").path
        let first = try run(eval() + ["--index-dir", kept, "--document-prompt", "passage: "])
        XCTAssertEqual(first.status, 0, first.stderr)
        try expectFailure(eval() + ["--index-dir", kept], names: ["vectors/", "\"passage: \""])

        let existing = dir.appendingPathComponent("exported")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        try file("exported/README.md", "my model card")
        try expectFailure(["export", "--model", m, "--output", existing.path], names: ["exported", "--force"])
        try expectFailure(["export", "--model", m, "--output", dir.appendingPathComponent("e2").path, "--eval-json", try file("bad.json", "{not json")],
                          names: ["bad.json"])
        try expectFailure(["export", "--model", m, "--output", dir.appendingPathComponent("e3").path, "--eval-json", try file("odd.json", "{\"models\": 3}")],
                          names: ["odd.json", "models"])
        try expectFailure(["export", "--model", m, "--output", dir.appendingPathComponent("e4").path, "--eval-json", "none.json"], names: ["none.json"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("e2").path), "nothing exported after a refused card")
        try expectFailure(["demo", "--data", "no-data", "--recipe", "no-recipe.yaml"], names: ["no-recipe.yaml"])
    }

    /// `attune eval --suite`: each bad suite is one error line naming the file, the set and the
    /// key; all are found before any model is loaded (the model named here does not exist).
    func testEvalSuiteInputs() throws {
        try file("d/c.jsonl", "{\"_id\": \"d1\", \"text\": \"glaucoma\"}\n")
        try file("d/q.jsonl", "{\"_id\": \"q1\", \"text\": \"eye pressure\"}\n")
        try file("d/r.tsv", "q1\td1\t1\n")
        try file("d/wrong.tsv", "q7\td1\t1\n")
        func set(_ name: String, role: String = "domain", qrels: String = "d/r.tsv", queries: String = "d/q.jsonl", extra: String = "") -> String {
            "  - name: \(name)\n    role: \(role)\n    corpus: d/c.jsonl\n    queries: \(queries)\n    qrels: \(qrels)\n\(extra)"
        }
        func eval(_ suite: String, _ more: [String] = []) throws -> [String] {
            ["eval", "--model", "no-such-model", "--suite", try file("s-\(UUID().uuidString.prefix(6)).yaml", "sets:\n" + suite)] + more
        }
        try expectFailure(try eval(set("a", role: "target")), names: ["sets[0].role", "target", "domain, users, other, guard"])
        try expectFailure(try eval(set("a", extra: "    weight: 1\n")), names: ["sets[0].weight", "unknown key"])
        try expectFailure(try eval(set("a") + set("a", role: "guard")), names: ["sets[1].name", "\"a\""])
        try expectFailure(try eval(set("a") + set("b", queries: "d/none.jsonl")), names: ["sets[1].queries", "b", "d/none.jsonl", "no such file"])
        try expectFailure(try eval(set("a") + set("b", role: "other", qrels: "d/wrong.tsv")), names: ["b set", "wrong.tsv", "no query id"])
        try expectFailure(try eval(set("a") + set("b", role: "users"), ["--set", "c"]), status: 64, names: ["--set c", "a, b"])
        try expectFailure(try eval(set("a"), ["--corpus", "d/c.jsonl"]), status: 64, names: ["--corpus", "--suite"])
        try expectFailure(["eval", "--model", "m", "--suite", "none.yaml"], names: ["none.yaml"])
        try expectFailure(["eval", "--model", "m", "--corpus", "d/c.jsonl", "--queries", "d/q.jsonl", "--qrels", "d/r.tsv", "--set", "a"],
                          status: 64, names: ["--set", "--suite"])
    }
}

/// Where the `attune` that `swift test` built is: beside the test bundle in the products folder
/// (or `ATTUNE_BINARY`). Missing: skipped with the reason on a developer machine, a failure under CI.
enum AttuneBinary {
    static func url(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        var candidates: [URL] = []
        if let p = ProcessInfo.processInfo.environment["ATTUNE_BINARY"] { candidates.append(URL(fileURLWithPath: p)) }
        let bundle = Bundle(for: CLIBadInputTests.self).bundleURL
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("attune"))
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("attune"))
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        try Fixtures.require(false, "no built attune binary at \(candidates.map(\.path).joined(separator: " or ")) (run `swift build` first)",
                             file: file, line: line)
        fatalError("unreachable: require throws")
    }
}

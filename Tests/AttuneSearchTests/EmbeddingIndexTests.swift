import AttuneCore
import AttuneData
import AttuneModel
@testable import AttuneSearch
import AttuneTestSupport
import Foundation
import XCTest

final class EmbeddingIndexTests: XCTestCase {
    private func corpus(_ n: Int) -> [Document] {
        (0..<n).map { Document(id: "doc-\($0)", title: "Title \($0)", text: "text number \($0) about topic \($0 % 7)") }
    }

    /// Every document of `docs` is in the index exactly once, with the fake embedder's vector.
    private func assertHoldsExactly(_ index: EmbeddingIndex, _ docs: [Document], dimension: Int,
                                    file: StaticString = #filePath, line: UInt = #line) throws {
        let (ids, vectors) = try index.loadMatrix()
        XCTAssertEqual(ids.count, docs.count, file: file, line: line)
        XCTAssertEqual(Set(ids).count, ids.count, "duplicate ids", file: file, line: line)
        XCTAssertEqual(Set(ids), Set(docs.map(\.id)), file: file, line: line)
        XCTAssertEqual(vectors.shape, [docs.count, dimension], file: file, line: line)
        XCTAssertEqual(index.count, docs.count, file: file, line: line)
        let byID = Dictionary(uniqueKeysWithValues: docs.map { ($0.id, $0) })
        for (row, id) in ids.enumerated() {
            let expected = FakeEmbedder.vector(for: byID[id]!.embeddingText, dimension: dimension)
            let stored = Array(UnsafeBufferPointer(start: vectors.data + row * dimension, count: dimension))
            XCTAssertEqual(stored, expected, "vector of \(id)", file: file, line: line)
        }
    }

    func testBuildStoresEveryDocumentOnceAndPersists() throws {
        let url = try temporaryFolder(self).appendingPathComponent("sub/index.sqlite")
        let embedder = FakeEmbedder(dimension: 12)
        let docs = corpus(50)
        var calls: [(Int, Int)] = []
        let index = try EmbeddingIndex.create(at: url, embedder: embedder)
        XCTAssertEqual(index.count, 0)
        let result = try index.add(docs, embedder: embedder, batchSize: 16) { calls.append(($0, $1)) }
        XCTAssertEqual(result.added, 50)
        XCTAssertEqual(result.skipped, 0)
        XCTAssertEqual(calls.map(\.0), [16, 32, 48, 50])
        XCTAssertEqual(calls.map(\.1), [50, 50, 50, 50])
        XCTAssertEqual(embedder.batches, 4)
        try assertHoldsExactly(index, docs, dimension: 12)
        // Insertion order is kept.
        XCTAssertEqual(try index.loadMatrix().ids, docs.map(\.id))

        let reopened = try EmbeddingIndex.open(url)
        XCTAssertEqual(reopened.fingerprint, "fake-v1")
        XCTAssertEqual(reopened.modelName, "fake-model")
        XCTAssertEqual(reopened.dimension, 12)
        XCTAssertEqual(reopened.maxSeqLength, 128)
        try assertHoldsExactly(reopened, docs, dimension: 12)
        XCTAssertEqual(try reopened.document("doc-3"), docs[3])
        XCTAssertNil(try reopened.document("absent"))

        // Adding the same corpus again embeds nothing.
        let again = FakeEmbedder(dimension: 12)
        let second = try reopened.add(docs, embedder: again)
        XCTAssertEqual(second.added, 0)
        XCTAssertEqual(second.skipped, 50)
        XCTAssertEqual(again.batches, 0)
    }

    func testKilledBuildResumesEmbeddingOnlyWhatIsMissing() throws {
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        let docs = corpus(37)
        let dying = FakeEmbedder(failAfterBatches: 3)
        let first = try EmbeddingIndex.create(at: url, embedder: dying)
        XCTAssertThrowsError(try first.add(docs, embedder: dying, batchSize: 5)) { XCTAssertTrue($0 is FakeEmbedder.Killed) }
        XCTAssertEqual(first.count, 15)

        // A new process: open the file afresh and add the whole corpus again.
        let resumed = try EmbeddingIndex.open(url)
        XCTAssertEqual(resumed.count, 15)
        let embedder = FakeEmbedder()
        let result = try resumed.add(docs, embedder: embedder, batchSize: 5)
        XCTAssertEqual(result.added, 22)
        XCTAssertEqual(result.skipped, 15)
        XCTAssertEqual(embedder.embedded, docs[15...].map(\.embeddingText))
        try assertHoldsExactly(resumed, docs, dimension: 8)
    }

    func testDuplicatesWithinOneAddAreSkipped() throws {
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        let embedder = FakeEmbedder()
        let index = try EmbeddingIndex.create(at: url, embedder: embedder)
        let docs = corpus(4)
        let result = try index.add(docs + [docs[1]], embedder: embedder)
        XCTAssertEqual(result.added, 4)
        XCTAssertEqual(result.skipped, 1)
        XCTAssertEqual(embedder.embedded.count, 4)
    }

    func testRefusesAnotherModel() throws {
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        let index = try EmbeddingIndex.create(at: url, embedder: FakeEmbedder())
        let other = FakeEmbedder(fingerprint: "tuned-v2", name: "tuned-model")
        XCTAssertThrowsError(try index.add(corpus(2), embedder: other)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("fake-model") && message.contains("tuned-model"), message)
            XCTAssertTrue(message.hasPrefix(url.path), message)
        }
        XCTAssertEqual(other.batches, 0)
        XCTAssertThrowsError(try EmbeddingIndex.openOrCreate(at: url, embedder: other))
        XCTAssertThrowsError(try index.add(corpus(2), embedder: FakeEmbedder(dimension: 16))) { error in
            XCTAssertTrue("\(error)".contains("16-dimensional"), "\(error)")
        }
        XCTAssertThrowsError(try index.add(corpus(2), embedder: FakeEmbedder(maxSeqLength: 256)))
        XCTAssertEqual(index.count, 0)
        // The right model still works through openOrCreate.
        let same = try EmbeddingIndex.openOrCreate(at: url, embedder: FakeEmbedder())
        XCTAssertEqual(try same.add(corpus(2), embedder: FakeEmbedder()).added, 2)
    }

    /// The index records the prompt its documents were embedded with, and refuses to add to it or
    /// be searched by an embedder with another, naming both; an older index without the record is
    /// not checked.
    func testRecordsTheDocumentPromptAndRefusesAnother() throws {
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        let passage = FakeEmbedder()
        passage.documentPrompt = "passage: "
        try EmbeddingIndex.create(at: url, embedder: passage).add(corpus(3), embedder: passage)
        let index = try EmbeddingIndex.open(url)
        XCTAssertEqual(index.meta.documentPrompt, "passage: ")
        XCTAssertEqual(index.meta, IndexMeta(embedder: passage))
        let bare = FakeEmbedder()
        XCTAssertThrowsError(try index.checkCompatible(with: bare)) { error in
            XCTAssertEqual("\(error)", "\(url.path): built with document prompt \"passage: \", but \"fake-model\" here prepends \"\" to documents; use the index with --document-prompt \"passage: \", or build a new index")
        }
        XCTAssertThrowsError(try index.add(corpus(5), embedder: bare))
        XCTAssertEqual(bare.batches, 0, "nothing embedded with the wrong prompt")
        XCTAssertThrowsError(try EmbeddingIndex.openOrCreate(at: url, embedder: bare))
        XCTAssertNoThrow(try index.checkCompatible(with: passage))
        // Built without a prompt: an embedder with one is refused the other way round.
        let plainURL = url.deletingLastPathComponent().appendingPathComponent("plain.sqlite")
        _ = try EmbeddingIndex.create(at: plainURL, embedder: bare)
        XCTAssertThrowsError(try EmbeddingIndex.openOrCreate(at: plainURL, embedder: passage)) { error in
            XCTAssertTrue("\(error)".contains("built with document prompt \"\", but \"fake-model\" here prepends \"passage: \""), "\(error)")
        }
        // An index from before the record: nil, and any prompt passes.
        let db = try SQLiteDatabase(plainURL, mode: .readWrite)
        try db.exec("DELETE FROM meta WHERE key = 'document_prompt'")
        let old = try EmbeddingIndex.open(plainURL)
        XCTAssertNil(old.meta.documentPrompt)
        XCTAssertNoThrow(try old.checkCompatible(with: passage))
    }

    func testRefusesToOverwriteOnCreate() throws {
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        _ = try EmbeddingIndex.create(at: url, embedder: FakeEmbedder())
        XCTAssertThrowsError(try EmbeddingIndex.create(at: url, embedder: FakeEmbedder())) { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        XCTAssertFalse(leftovers.contains { $0.contains(".tmp-") }, "\(leftovers)")
    }

    func testRefusesFilesThatAreNotIndexes() throws {
        let folder = try temporaryFolder(self)
        let text = folder.appendingPathComponent("notes.sqlite")
        try Data("hello, this is not a database at all, just some text that is long enough".utf8).write(to: text)
        XCTAssertThrowsError(try EmbeddingIndex.open(text)) { error in
            XCTAssertEqual(error as? AttuneError, .invalidFile(path: text.path, what: "not an Attune index (not a SQLite database)"))
        }
        let other = folder.appendingPathComponent("other.sqlite")
        let db = try SQLiteDatabase(other, mode: .create)
        try db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        XCTAssertThrowsError(try EmbeddingIndex.open(other)) { error in
            XCTAssertEqual(error as? AttuneError, .invalidFile(path: other.path, what: "not an Attune index (no meta table)"))
        }
        try db.exec("CREATE TABLE meta(key TEXT, value TEXT); INSERT INTO meta VALUES ('format', 'something-else');")
        XCTAssertThrowsError(try EmbeddingIndex.open(other)) { error in
            XCTAssertEqual(error as? AttuneError, .invalidFile(path: other.path, what: "not an Attune index (format is \"something-else\")"))
        }
        let missing = folder.appendingPathComponent("missing.sqlite")
        XCTAssertThrowsError(try EmbeddingIndex.open(missing)) { error in
            XCTAssertEqual(error as? AttuneError, .fileNotFound(path: missing.path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))
    }

    func testRefusesNewerSchema() throws {
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        _ = try EmbeddingIndex.create(at: url, embedder: FakeEmbedder())
        let db = try SQLiteDatabase(url, mode: .readWrite)
        try db.exec("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
        XCTAssertThrowsError(try EmbeddingIndex.open(url)) { error in
            XCTAssertEqual(error as? AttuneError, .invalidFile(path: url.path, what:
                "written by a newer Attune (index schema version 2; this build reads up to 1)"))
        }
    }

    func testStoresLittleEndianFloat32Blobs() throws {
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        let embedder = FakeEmbedder(dimension: 4)
        let index = try EmbeddingIndex.create(at: url, embedder: embedder)
        try index.add([Document(id: "a", text: "alpha")], embedder: embedder)
        let db = try SQLiteDatabase(url, mode: .readOnly)
        let row = try db.prepare("SELECT hex(vector), length(vector) FROM docs WHERE id = 'a'")
        XCTAssertTrue(try row.step())
        XCTAssertEqual(row.int(1), 16)
        let expected = FakeEmbedder.vector(for: "alpha", dimension: 4)
            .map { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { $0.map { String(format: "%02X", $0) }.joined() } }
            .joined()
        XCTAssertEqual(row.text(0), expected)
        let meta = try db.prepare("SELECT value FROM meta WHERE key = 'format'")
        XCTAssertTrue(try meta.step())
        XCTAssertEqual(meta.text(0), "attune-index")
        let mode = try db.prepare("PRAGMA journal_mode")
        XCTAssertTrue(try mode.step())
        XCTAssertEqual(mode.text(0).lowercased(), "wal")
    }

    func testCorruptVectorIsReported() throws {
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        let embedder = FakeEmbedder(dimension: 4)
        let index = try EmbeddingIndex.create(at: url, embedder: embedder)
        try index.add([Document(id: "a", text: "alpha")], embedder: embedder)
        let db = try SQLiteDatabase(url, mode: .readWrite)
        try db.exec("UPDATE docs SET vector = x'0000' WHERE id = 'a'")
        XCTAssertThrowsError(try index.loadMatrix()) { error in
            XCTAssertEqual(error as? AttuneError, .invalidFile(path: url.path, what:
                "document \"a\" has a vector of 2 bytes; expected 16 (dimension 4)"))
        }
    }

    func testRefusesBadEmbedderOutputWithoutStoringTheBatch() throws {
        final class Broken: Embedder {
            let dimension = 3, fingerprint = "broken", maxSeqLength = 8, name = "broken"
            var output: (Int) -> Tensor = { Tensor(zeros: [$0, 3]) }
            func embed(_ texts: [String]) throws -> Tensor { output(texts.count) }
        }
        let url = try temporaryFolder(self).appendingPathComponent("index.sqlite")
        let broken = Broken()
        let index = try EmbeddingIndex.create(at: url, embedder: broken)
        broken.output = { Tensor(zeros: [$0 + 1, 3]) }
        XCTAssertThrowsError(try index.add(corpus(2), embedder: broken)) { error in
            XCTAssertEqual(error as? AttuneError, .invalid("broken returned shape [3, 3] for 2 texts; expected [2, 3]"))
        }
        broken.output = { n in Tensor((0..<n * 3).map { $0 == 4 ? .nan : 1 }, shape: [n, 3]) }
        XCTAssertThrowsError(try index.add(corpus(2), embedder: broken)) { error in
            XCTAssertEqual(error as? AttuneError, .invalid("broken returned a non-finite value for document \"doc-1\""))
        }
        XCTAssertEqual(index.count, 0)
        XCTAssertEqual(try index.loadMatrix().ids, [])
        XCTAssertThrowsError(try index.add(corpus(2), embedder: FakeEmbedder(dimension: 3, fingerprint: "broken", maxSeqLength: 8), batchSize: 0))
    }

    func testIndexesMedQuADCorpusAndResumes() throws {
        let docs = try readCorpus(try Fixtures.shared("data/medquad/corpus.jsonl"))
        let url = try temporaryFolder(self).appendingPathComponent("medquad.sqlite")
        let dying = FakeEmbedder(dimension: 32, failAfterBatches: 20)
        let index = try EmbeddingIndex.create(at: url, embedder: dying)
        XCTAssertThrowsError(try index.add(docs, embedder: dying, batchSize: 256))
        XCTAssertEqual(index.count, 20 * 256)
        let embedder = FakeEmbedder(dimension: 32)
        let result = try EmbeddingIndex.open(url).add(docs, embedder: embedder, batchSize: 256)
        XCTAssertEqual(result.added, docs.count - 20 * 256)
        XCTAssertEqual(embedder.embedded.count, result.added)
        let reopened = try EmbeddingIndex.open(url)
        try assertHoldsExactly(reopened, docs, dimension: 32)
        XCTAssertEqual(try reopened.document(docs[9000].id), docs[9000])
    }
}

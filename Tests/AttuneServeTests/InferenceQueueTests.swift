import AttuneCore
@testable import AttuneServe
import Foundation
import XCTest

/// The batching queue on a stand-in encoder (row = [first id, length]), so what it batches and in
/// which order it answers is visible.
final class InferenceQueueTests: XCTestCase {
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[[Int32]]] = []
        func add(_ b: [[Int32]]) { lock.lock(); batches.append(b); lock.unlock() }
        var all: [[[Int32]]] { lock.lock(); defer { lock.unlock() }; return batches }
    }

    static func makeQueue(maxBatchTokens: Int = 1000, maxRequests: Int = 100, gate: Gate2, log: Log) -> InferenceQueue {
        let q = InferenceQueue(width: 2, maxBatchTokens: maxBatchTokens, maxRequests: maxRequests) { seqs in
            gate.wait()
            log.add(seqs)
            let t = Tensor(zeros: [seqs.count, 2])
            for (i, s) in seqs.enumerated() { t.data[i * 2] = Float(s[0]); t.data[i * 2 + 1] = Float(s.count) }
            return t
        }
        q.start()
        return q
    }

    /// Sequences whose first id is `base + i`, of the given lengths.
    static func seqs(_ base: Int32, _ lengths: [Int]) -> [[Int32]] {
        lengths.enumerated().map { i, n in [base + Int32(i)] + [Int32](repeating: 7, count: n - 1) }
    }

    func testCoalescesRequestsAndAnswersEachInItsOrder() async throws {
        let gate = Gate2(), log = Log()
        let q = Self.makeQueue(gate: gate, log: log)
        defer { q.stop() }
        let aSeqs = Self.seqs(100, [3, 9, 5])
        let a = Task { [q, aSeqs] in try await q.submit(aSeqs, timeout: .seconds(10)) }
        while q.depth < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let bSeqs = Self.seqs(200, [4, 2])
        let b = Task { [q, bSeqs] in try await q.submit(bSeqs, timeout: .seconds(10)) }
        let cSeqs = Self.seqs(300, [6])
        let c = Task { [q, cSeqs] in try await q.submit(cSeqs, timeout: .seconds(10)) }
        while q.depth < 3 { try await Task.sleep(for: .milliseconds(5)) }
        gate.open()
        let ra = try await a.value, rb = try await b.value, rc = try await c.value
        XCTAssertEqual(ra, [100, 3, 101, 9, 102, 5])
        XCTAssertEqual(rb, [200, 4, 201, 2])
        XCTAssertEqual(rc, [300, 6])
        // Some batch holds texts of more than one request, and each batch is longest-first per request.
        let batches = log.all
        XCTAssertTrue(batches.contains { b in Set(b.map { $0[0] / 100 }).count > 1 }, "\(batches)")
        XCTAssertEqual(batches.flatMap { $0 }.count, 6)
    }

    func testTokenBudget() async throws {
        let gate = Gate2(), log = Log()
        gate.open()
        let q = Self.makeQueue(maxBatchTokens: 10, gate: gate, log: log)
        defer { q.stop() }
        let r = try await q.submit(Self.seqs(0, [4, 4, 4, 4, 4, 30]), timeout: .seconds(10))
        XCTAssertEqual(r.count, 12)
        for b in log.all {
            let tokens = b.reduce(0) { $0 + $1.count }
            XCTAssertTrue(tokens <= 10 || b.count == 1, "batch of \(tokens) tokens: \(b.map(\.count))")
        }
        XCTAssertEqual(log.all.first?.first?.count, 30, "the longest text runs first")
    }

    func testFullQueueRefusesAndCancelledRequestIsDropped() async throws {
        let gate = Gate2(), log = Log()
        let q = Self.makeQueue(maxRequests: 2, gate: gate, log: log)
        defer { q.stop() }
        let aSeqs = Self.seqs(1, [3])
        let a = Task { [q, aSeqs] in try await q.submit(aSeqs, timeout: .seconds(10)) }
        while q.depth < 1 { try await Task.sleep(for: .milliseconds(5)) }
        let bSeqs = Self.seqs(2, [3])
        let b = Task { [q, bSeqs] in try await q.submit(bSeqs, timeout: .seconds(10)) }
        while q.depth < 2 { try await Task.sleep(for: .milliseconds(5)) }
        do {
            _ = try await q.submit(Self.seqs(3, [3]), timeout: .seconds(10))
            XCTFail("a full queue must refuse")
        } catch let e as ServeError {
            XCTAssertEqual(e.kind, .overloaded)
            XCTAssertTrue(e.message.contains("--max-concurrent-requests"))
        }
        b.cancel()
        gate.open()
        _ = try await a.value
        do {
            _ = try await b.value
            XCTFail("a cancelled request is dropped")
        } catch let e as ServeError {
            XCTAssertEqual(e.kind, .unavailable)
        }
        XCTAssertFalse(log.all.flatMap { $0 }.contains { $0[0] == 2 }, "the cancelled request never ran")
        XCTAssertEqual(q.depth, 0)
    }
}

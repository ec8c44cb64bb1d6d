import AttuneCore
import AttuneModel
import Foundation

/// What a `BatchQueue` batches: a sequence with a token count (the token budget's unit).
protocol BatchItem: Sendable {
    var tokenCount: Int { get }
}

extension Array: BatchItem where Element == Int32 {
    var tokenCount: Int { count }
}

extension PairEncoding: BatchItem {
    var tokenCount: Int { ids.count }
}

/// The embedding model's queue: token-id sequences ([CLS] … [SEP]).
typealias InferenceQueue = BatchQueue<[Int32]>

/// Lets one model run at a time across the queues of one server (the embedding model's and the
/// reranker's), in arrival order: both use every core (OpenBLAS and `Parallel`, whose thread
/// count is process-wide), so running them at once would only contend.
final class ModelRunLock: @unchecked Sendable {
    private let cond = NSCondition()
    private var nextTicket = 0
    private var serving = 0

    /// Run `body` once every earlier caller's body has run.
    func run<T>(_ body: () -> T) -> T {
        cond.lock()
        let ticket = nextTicket
        nextTicket += 1
        while serving != ticket { cond.wait() }
        cond.unlock()
        defer {
            cond.lock()
            serving += 1
            cond.broadcast()
            cond.unlock()
        }
        return body()
    }
}

/// The one place a model runs: a worker thread that coalesces the sequences of every waiting
/// request into token-budgeted batches, so concurrent requests share model calls. The embedding
/// model's queue batches texts (`[Int32]`); the reranker's, (query, text) pairs (`PairEncoding`).
///
/// Each batch takes texts round-robin from the waiting requests (longest first within each, as
/// `SentenceModel.encode` sorts), up to `maxBatchTokens` tokens (always at least one text), so a
/// large request cannot starve a small one. A request gets its rows back in its own order once its
/// last text has run. At most `maxRequests` requests wait or run at once: `submit` refuses more
/// (`ServeError.overloaded`) rather than queueing without bound. A request past its deadline, or
/// whose task was cancelled (the client went away), is dropped before its next batch.
final class BatchQueue<Item: BatchItem>: @unchecked Sendable {
    /// Called on the worker after each batch: texts and tokens in it.
    typealias BatchObserver = @Sendable (_ texts: Int, _ tokens: Int) -> Void

    private final class Job {
        let id: Int
        let tokens: [Item]
        /// Indices into `tokens` not yet run, longest last (so `popLast` takes the longest).
        var todo: [Int]
        var remaining: Int
        var out: [Float]
        /// Answered already (dropped while some of its texts were in the running batch).
        var answered = false
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<[Float], any Error>

        init(id: Int, tokens: [Item], width: Int, deadline: ContinuousClock.Instant, continuation: CheckedContinuation<[Float], any Error>) {
            self.id = id; self.tokens = tokens; self.deadline = deadline; self.continuation = continuation
            todo = tokens.indices.sorted { tokens[$0].tokenCount < tokens[$1].tokenCount }
            remaining = tokens.count
            out = [Float](repeating: 0, count: tokens.count * width)
        }
    }

    private let embed: @Sendable ([Item]) -> Tensor
    /// Floats per row that `embed` returns.
    let width: Int
    let maxBatchTokens: Int
    let maxRequests: Int
    private let observer: BatchObserver?
    private let runLock: ModelRunLock?
    /// What the queue runs, for messages ("encoder", "reranker").
    private let what: String

    private let cond = NSCondition()
    private var jobs: [Job] = []
    private var cancelled: Set<Int> = []
    private var nextId = 0
    private var stopping = false
    private var thread: Thread?

    /// `embed` runs one batch (any order) and returns `[count, width]`; it is only ever called on
    /// the worker thread, one batch at a time, inside `runLock` when given (shared with the
    /// server's other queue).
    init(width: Int, maxBatchTokens: Int, maxRequests: Int, observer: BatchObserver? = nil,
         runLock: ModelRunLock? = nil, what: String = "encoder",
         embed: @escaping @Sendable ([Item]) -> Tensor) {
        self.width = width; self.maxBatchTokens = maxBatchTokens; self.maxRequests = maxRequests
        self.observer = observer; self.runLock = runLock; self.what = what; self.embed = embed
    }

    /// Start the worker thread.
    func start() {
        cond.lock(); defer { cond.unlock() }
        guard thread == nil else { return }
        let t = Thread { [self] in self.work() }
        t.name = "attune-inference"
        thread = t
        t.start()
    }

    /// Finish what is queued, then end the worker; later submissions are refused.
    func stop() {
        cond.lock()
        stopping = true
        cond.broadcast()
        cond.unlock()
    }

    /// Requests waiting or running.
    var depth: Int { cond.lock(); defer { cond.unlock() }; return jobs.count }

    /// Embed `tokens` (each already [CLS] … [SEP] and within the model's window): `tokens.count`
    /// rows of `width` floats, flat, in `tokens`' order.
    func submit(_ tokens: [Item], timeout: Duration) async throws -> [Float] {
        if tokens.isEmpty { return [] }
        let deadline = ContinuousClock.now + timeout
        let id = allocateId()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<[Float], any Error>) in
                cond.lock()
                if stopping {
                    cond.unlock()
                    c.resume(throwing: ServeError(.unavailable, "the server is shutting down"))
                    return
                }
                if jobs.count >= maxRequests {
                    cond.unlock()
                    c.resume(throwing: ServeError(.overloaded, "the server is at its limit of \(maxRequests) concurrent requests (--max-concurrent-requests); retry later"))
                    return
                }
                jobs.append(Job(id: id, tokens: tokens, width: width, deadline: deadline, continuation: c))
                cond.signal()
                cond.unlock()
            }
        } onCancel: {
            cond.lock()
            cancelled.insert(id)
            cond.signal()
            cond.unlock()
        }
    }

    private func allocateId() -> Int {
        cond.lock(); defer { cond.unlock() }
        nextId += 1
        return nextId
    }

    // MARK: - The worker

    private struct Slot { let job: Job; let index: Int }

    private func work() {
        while true {
            cond.lock()
            while jobs.isEmpty && !stopping { cond.wait() }
            if jobs.isEmpty && stopping { thread = nil; cond.unlock(); return }
            let dropped = dropExpired()
            let batch = nextBatch()
            cond.unlock()
            for (job, error) in dropped { job.continuation.resume(throwing: error) }
            if batch.isEmpty { continue }

            let seqs = batch.map { $0.job.tokens[$0.index] }
            let emb = runLock.map { $0.run { embed(seqs) } } ?? embed(seqs)
            observer?(seqs.count, seqs.reduce(0) { $0 + $1.tokenCount })

            var finished: [Job] = []
            cond.lock()
            for (r, slot) in batch.enumerated() where !slot.job.answered {
                let job = slot.job
                job.out.withUnsafeMutableBufferPointer { out in
                    (out.baseAddress! + slot.index * width).update(from: emb.data + r * width, count: width)
                }
                job.remaining -= 1
                if job.remaining == 0 { job.answered = true; finished.append(job) }
            }
            let done = Set(finished.map(\.id))
            jobs.removeAll { done.contains($0.id) }
            cond.unlock()
            for job in finished { job.continuation.resume(returning: job.out) }
        }
    }

    /// Remove jobs past their deadline or cancelled (under the lock); resume them after unlocking.
    private func dropExpired() -> [(Job, ServeError)] {
        let now = ContinuousClock.now
        var dropped: [(Job, ServeError)] = []
        jobs.removeAll { job in
            if cancelled.remove(job.id) != nil {
                job.answered = true
                dropped.append((job, ServeError(.unavailable, "the request was cancelled")))
                return true
            }
            if now >= job.deadline {
                job.answered = true
                dropped.append((job, ServeError(.unavailable, "the request timed out waiting for the \(what) (--request-timeout); retry later")))
                return true
            }
            return false
        }
        // A cancellation that arrived before its job was queued, or after it finished, is stale.
        if !cancelled.isEmpty { cancelled = cancelled.filter { id in jobs.contains { $0.id == id } } }
        return dropped
    }

    /// The next batch: one text from each job in turn (longest first), up to `maxBatchTokens`.
    private func nextBatch() -> [Slot] {
        var batch: [Slot] = []
        var tokens = 0
        var progress = true
        outer: while progress {
            progress = false
            for job in jobs {
                guard let i = job.todo.last else { continue }
                let n = job.tokens[i].tokenCount
                if !batch.isEmpty && tokens + n > maxBatchTokens { break outer }
                job.todo.removeLast()
                batch.append(Slot(job: job, index: i))
                tokens += n
                progress = true
            }
        }
        return batch
    }
}

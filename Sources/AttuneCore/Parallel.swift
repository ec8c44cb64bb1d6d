import COpenBLAS
import Dispatch

/// Attune's own threading for elementwise and row-wise kernels: split `count` items into at most
/// `Parallel.threads` contiguous chunks when the work is large enough to pay for it.
public enum Parallel {
    /// Below this many scalar operations a loop runs on the calling thread.
    public static let grain = 1 << 15

    /// The worker count: OpenBLAS's thread count, read when first used (set by `BLAS.setThreads`).
    public static var threads: Int { BLAS.configuredThreads }

    /// Call `body(start, end)` over contiguous chunks of `0..<count`. `cost` is the work per item.
    @inline(__always)
    public static func chunks(_ count: Int, cost: Int = 1, _ body: (Int, Int) -> Void) {
        indexedChunks(count, cost: cost) { _, s, e in body(s, e) }
    }

    /// Like `chunks`, also passing the chunk's index (< `threads`), for per-thread scratch memory.
    @inline(__always)
    public static func indexedChunks(_ count: Int, cost: Int = 1, _ body: (Int, Int, Int) -> Void) {
        let threads = Parallel.threads
        if threads <= 1 || count * cost < grain || count < 2 {
            body(0, 0, count); return
        }
        let n = min(threads, count)
        let step = (count + n - 1) / n
        // The chunks are disjoint ranges of whatever `body` writes (raw pointers, by design), so
        // calling it from several threads at once is safe although its type is not `Sendable`.
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: n) { i in
                let s = i * step, e = min(count, s + step)
                if s < e { body(i, s, e) }
            }
        }
    }

    /// Run `body` over chunks of items that each call BLAS on small matrices: OpenBLAS is told to
    /// use one thread meanwhile, so the parallelism is ours and the calls do not contend.
    public static func blasChunks(_ count: Int, cost: Int, _ body: (Int, Int, Int) -> Void) {
        let threads = Parallel.threads
        if threads <= 1 || count < 2 || count * cost < grain { body(0, 0, count); return }
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(Int32(threads)) }
        indexedChunks(count, cost: cost, body)
    }
}

/// Running top-k for many queries at once, in flat buffers: one min-heap of at most `k` entries
/// per query whose root is the worst entry kept (lowest score; among equal scores the highest
/// document index). Each query's heap is touched by one thread only, so a batch of queries can be
/// updated in parallel.
///
/// `offer` assumes documents arrive in increasing index order (as an exact scan visits them), so
/// a new document that only ties the worst kept score loses to it: ties go to the lower index.
struct TopKHeaps {
    let queries: Int
    let k: Int
    private let scores: UnsafeMutablePointer<Float>
    private let indices: UnsafeMutablePointer<Int>
    private let counts: UnsafeMutablePointer<Int>

    init(queries: Int, k: Int) {
        precondition(queries >= 0 && k >= 1, "TopKHeaps: needs k ≥ 1, got \(k)")
        self.queries = queries
        self.k = k
        scores = .allocate(capacity: max(1, queries * k))
        indices = .allocate(capacity: max(1, queries * k))
        counts = .allocate(capacity: max(1, queries))
        counts.initialize(repeating: 0, count: max(1, queries))
    }

    /// Free the buffers (the heaps are unusable afterwards).
    func deallocate() {
        scores.deallocate()
        indices.deallocate()
        counts.deallocate()
    }

    /// Is entry `a` worse than entry `b`?
    @inline(__always)
    private static func worse(_ sa: Float, _ ia: Int, _ sb: Float, _ ib: Int) -> Bool {
        sa < sb || (sa == sb && ia > ib)
    }

    /// Offer scores `row[0..<n]` for documents `firstIndex..<firstIndex+n` to query `q`.
    @inline(__always)
    func offer(query q: Int, row: UnsafePointer<Float>, n: Int, firstIndex: Int) {
        let s = scores + q * k, ix = indices + q * k
        var filled = counts[q]
        var threshold = filled == k ? s[0] : -Float.infinity
        for j in 0..<n {
            let score = row[j]
            if filled < k {
                // NaN would break the heap order: it ranks below every number.
                push(s, ix, &filled, score.isNaN ? -.infinity : score, firstIndex + j)
                if filled == k { threshold = s[0] }
            } else if score > threshold {
                s[0] = score
                ix[0] = firstIndex + j
                siftDown(s, ix, filled)
                threshold = s[0]
            }
        }
        counts[q] = filled
    }

    @inline(__always)
    private func push(_ s: UnsafeMutablePointer<Float>, _ ix: UnsafeMutablePointer<Int>, _ filled: inout Int, _ score: Float, _ index: Int) {
        var child = filled
        filled += 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard TopKHeaps.worse(score, index, s[parent], ix[parent]) else { break }
            s[child] = s[parent]
            ix[child] = ix[parent]
            child = parent
        }
        s[child] = score
        ix[child] = index
    }

    @inline(__always)
    private func siftDown(_ s: UnsafeMutablePointer<Float>, _ ix: UnsafeMutablePointer<Int>, _ n: Int) {
        let score = s[0], index = ix[0]
        var i = 0
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n && TopKHeaps.worse(s[child + 1], ix[child + 1], s[child], ix[child]) { child += 1 }
            guard TopKHeaps.worse(s[child], ix[child], score, index) else { break }
            s[i] = s[child]
            ix[i] = ix[child]
            i = child
        }
        s[i] = score
        ix[i] = index
    }

    /// Query `q`'s entries, best first: score descending, then document index ascending.
    func ranked(query q: Int) -> [(index: Int, score: Float)] {
        let s = scores + q * k, ix = indices + q * k
        var out = (0..<counts[q]).map { (index: ix[$0], score: s[$0]) }
        out.sort { TopKHeaps.worse($1.score, $1.index, $0.score, $0.index) }
        return out
    }
}

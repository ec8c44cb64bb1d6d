import AttuneCore
import Foundation

/// The batches of one epoch.
public struct BatchPlan: Sendable, Equatable {
    /// Each batch lists pair indices; every batch is full (`batchSize` pairs).
    public var batches: [[Int]]
    /// How many times a pair was pushed to a later batch because one of its texts was already in
    /// the batch being filled.
    public var deferred: Int
    /// Pairs left out of this epoch (they could not fill a last batch).
    public var dropped: Int

    public init(batches: [[Int]], deferred: Int, dropped: Int) {
        self.batches = batches
        self.deferred = deferred
        self.dropped = dropped
    }
}

/// Every distinct text of `pairs` once, and each pair's texts as indices into it: the trainer
/// encodes each text once per step, and the IDs key caches and loss exclusions.
/// Texts are numbered in first-seen order (anchor, positive, negatives of pair 0, then pair 1, …).
/// A text is what the model reads: `anchorPrompt` is prepended to every anchor and
/// `positivePrompt` to every positive and negative (see `TrainingPrompts`), so one sentence used
/// with two different prompts is two texts.
public func uniqueTexts(_ pairs: [TrainingPair], anchorPrompt: String = "", positivePrompt: String = "")
    -> (texts: [String], anchorIDs: [Int32], positiveIDs: [Int32], negativeIDs: [[Int32]]) {
    uniqueTexts([(pairs: pairs[...], anchorPrompt: anchorPrompt, positivePrompt: positivePrompt)])
}

/// The same over several groups of pairs (a training set's sources) each with its own prompts, in
/// order: one numbering of the texts of all groups, so a text two sources share is one text.
public func uniqueTexts(_ groups: [(pairs: ArraySlice<TrainingPair>, anchorPrompt: String, positivePrompt: String)])
    -> (texts: [String], anchorIDs: [Int32], positiveIDs: [Int32], negativeIDs: [[Int32]]) {
    let total = groups.reduce(0) { $0 + $1.pairs.count }
    var ids: [String: Int32] = [:]
    ids.reserveCapacity(total * 2)
    var texts: [String] = []
    func id(_ s: String) -> Int32 {
        if let i = ids[s] { return i }
        let i = Int32(texts.count)
        ids[s] = i
        texts.append(s)
        return i
    }
    var anchors: [Int32] = [], positives: [Int32] = [], negatives: [[Int32]] = []
    anchors.reserveCapacity(total); positives.reserveCapacity(total); negatives.reserveCapacity(total)
    for g in groups {
        for p in g.pairs {
            anchors.append(id(g.anchorPrompt + p.anchor))
            positives.append(id(g.positivePrompt + p.positive))
            negatives.append(p.negatives.map { id(g.positivePrompt + $0) })
        }
    }
    return (texts, anchors, positives, negatives)
}

/// Shuffles pairs and fills batches so that no text (anchor, positive or negative) appears twice
/// in a batch: with in-batch negatives, a repeated text would be a false negative.
///
/// The algorithm is the NO_DUPLICATES sampler of sentence-transformers (as in the Python
/// reference): shuffle, then fill each batch by scanning the pairs not yet used in order —
/// first those pushed back earlier, then the rest of the shuffled order — taking each pair none of
/// whose texts is in the batch yet; an incomplete last batch is dropped. Texts are compared as
/// integer IDs (hashed once) and the pushed-back pairs live in a linked list, so a pass costs
/// O(pairs + pushes) instead of the reference's rescans of everything left.
public struct NoDuplicateBatcher: Sendable {
    /// Pairs per batch (at least 1).
    public var batchSize: Int
    /// The shuffle seed; each epoch shuffles with a generator seeded from `seed` and the epoch.
    public var seed: UInt64

    public init(batchSize: Int, seed: UInt64 = 42) {
        self.batchSize = batchSize
        self.seed = seed
    }

    /// The batches of epoch `epoch` (any integer; 0-based by convention).
    public func batches(for pairs: [TrainingPair], epoch: Int) -> BatchPlan {
        let u = uniqueTexts(pairs)
        return batches(anchorIDs: u.anchorIDs, positiveIDs: u.positiveIDs, negativeIDs: u.negativeIDs, epoch: epoch)
    }

    /// The same, from text IDs already computed by `uniqueTexts` (cheaper to call every epoch).
    public func batches(anchorIDs: [Int32], positiveIDs: [Int32], negativeIDs: [[Int32]], epoch: Int) -> BatchPlan {
        precondition(batchSize >= 1, "NoDuplicateBatcher: batch size \(batchSize) is below 1")
        let n = anchorIDs.count
        precondition(positiveIDs.count == n && (negativeIDs.isEmpty || negativeIDs.count == n),
                     "NoDuplicateBatcher: \(n) anchors, \(positiveIDs.count) positives, \(negativeIDs.count) negative lists")
        let order = shuffledIndices(n, epoch: epoch)
        let textCount = Int(max(anchorIDs.max() ?? -1, positiveIDs.max() ?? -1,
                                negativeIDs.lazy.compactMap { $0.max() }.max() ?? -1)) + 1
        // stamp[text] == batch number + 1 while the text is in the batch being filled.
        var stamp = [Int32](repeating: 0, count: textCount)
        // Pushed-back pairs, as a singly linked list in scan order.
        var next = [Int](repeating: -1, count: n)
        var head = -1, tail = -1
        var cursor = 0
        var batches: [[Int]] = []
        var deferred = 0, placed = 0

        while true {
            let mark = Int32(batches.count + 1)
            var batch: [Int] = []
            batch.reserveCapacity(batchSize)
            var pushes = 0
            func fits(_ i: Int) -> Bool {
                if stamp[Int(anchorIDs[i])] == mark || stamp[Int(positiveIDs[i])] == mark { return false }
                if !negativeIDs.isEmpty { for t in negativeIDs[i] where stamp[Int(t)] == mark { return false } }
                return true
            }
            func take(_ i: Int) {
                batch.append(i)
                stamp[Int(anchorIDs[i])] = mark
                stamp[Int(positiveIDs[i])] = mark
                if !negativeIDs.isEmpty { for t in negativeIDs[i] { stamp[Int(t)] = mark } }
            }
            // 1. Pairs pushed back earlier, in order.
            var prev = -1, cur = head
            while cur != -1, batch.count < batchSize {
                let after = next[cur]
                if fits(cur) {
                    take(cur)
                    if prev == -1 { head = after } else { next[prev] = after }
                    if cur == tail { tail = prev }
                    next[cur] = -1
                } else {
                    pushes += 1
                    prev = cur
                }
                cur = after
            }
            // 2. The rest of the shuffled order.
            while batch.count < batchSize, cursor < n {
                let i = order[cursor]
                cursor += 1
                if fits(i) {
                    take(i)
                } else {
                    pushes += 1
                    if tail == -1 { head = i } else { next[tail] = i }
                    tail = i
                }
            }
            if batch.count < batchSize { break }
            batches.append(batch)
            deferred += pushes
            placed += batch.count
        }
        return BatchPlan(batches: batches, deferred: deferred, dropped: n - placed)
    }

    /// A Fisher–Yates shuffle of `0..<n` from SplitMix64 seeded with `seed` and `epoch`.
    func shuffledIndices(_ n: Int, epoch: Int) -> [Int] {
        var rng = SplitMix64(seed: seed ^ (UInt64(bitPattern: Int64(epoch)) &* 0xD1B5_4A32_D192_ED03))
        _ = rng.next()
        var order = Array(0..<n)
        var i = n - 1
        while i > 0 {
            // Multiply-high maps 64 random bits onto 0...i (bias below i/2⁶⁴).
            let j = Int(rng.next().multipliedFullWidth(by: UInt64(i + 1)).high)
            order.swapAt(i, j)
            i -= 1
        }
        return order
    }
}

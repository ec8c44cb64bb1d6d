import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// The frozen layers' output for every unique training text, computed once (no tape) and reused
/// for every epoch and every repeat of the text.
///
/// Hidden states live in a file (float32 rows, `[tokens, hidden]` per text back to back) read
/// with `pread`, so they cost page cache rather than the process's resident memory: the cache
/// for 14.5k MedQuAD pairs at 128 tokens is ~2.8 GB, more than the trainer's whole RSS budget.
public final class FrozenCache {
    public let hidden: Int
    /// Token count of each text.
    public let lengths: [Int]
    /// Row offset of each text in the file.
    private let offsets: [Int]
    let fd: Int32
    private let url: URL

    /// Run `model`'s embeddings and layers `0..<frozenLayers` over `tokens` (one id list per text),
    /// in length-sorted batches of about `tokenBudget` tokens, writing the result to `url`.
    public convenience init(model: SentenceModel, tokens: [[Int32]], frozenLayers: Int, url: URL,
                            tokenBudget: Int = 8192, progress: ((Int, Int) -> Void)? = nil) throws {
        var rng = SplitMix64(seed: 0)
        let bert = model.bert
        try self.init(lengths: tokens.map(\.count), hidden: bert.config.hiddenSize, url: url, tokenBudget: tokenBudget,
                      progress: progress) { idx in
            let lens = idx.map { tokens[$0].count }
            let x0 = bert.embed(ids: idx.flatMap { tokens[$0] }, lengths: lens, rng: &rng)
            return bert.encode(x0, lengths: lens, layers: 0..<frozenLayers, rng: &rng)
        }
    }

    /// The cache of sequences `0..<lengths.count` (`lengths[i]` tokens each): `states(indices)`
    /// returns the frozen layers' output of those sequences packed in that order
    /// (`[Σ lengths, hidden]`, no tape); it is called over length-sorted batches of about
    /// `tokenBudget` tokens. A cross-encoder's (query, document) pairs are cached this way.
    public init(lengths: [Int], hidden: Int, url: URL, tokenBudget: Int = 8192, progress: ((Int, Int) -> Void)? = nil,
                states: ([Int]) throws -> Tensor) throws {
        self.hidden = hidden
        self.lengths = lengths
        var off = 0, offs: [Int] = []
        for l in lengths { offs.append(off); off += l }
        offsets = offs
        self.url = url
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        fd = open(url.path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            throw AttuneError.invalidFile(path: url.path, what: "cannot create the frozen-layer cache (\(String(cString: strerror(errno))))")
        }
        unlink(url.path)  // the file lives as long as the descriptor: nothing left behind on a kill
        let order = lengths.indices.sorted { lengths[$0] > lengths[$1] }
        var start = 0, done = 0
        while start < order.count {
            var end = start, budget = 0
            while end < order.count && (end == start || budget + lengths[order[end]] <= tokenBudget) {
                budget += lengths[order[end]]; end += 1
            }
            let idx = Array(order[start..<end])
            let x = try states(idx)
            var row = 0
            for i in idx {
                try write(x.data + row * hidden, count: lengths[i] * hidden, at: offsets[i] * hidden)
                row += lengths[i]
            }
            done += idx.count
            progress?(done, lengths.count)
            start = end
        }
    }

    deinit { close(fd) }

    private func write(_ p: UnsafePointer<Float>, count: Int, at floatOffset: Int) throws {
        var written = 0
        let bytes = count * 4
        while written < bytes {
            let n = pwrite(fd, UnsafeRawPointer(p) + written, bytes - written, off_t(floatOffset * 4 + written))
            if n <= 0 {
                throw AttuneError.invalidFile(path: url.path, what: "writing the frozen-layer cache failed (\(String(cString: strerror(errno)))); is the disk full?")
            }
            written += n
        }
    }

    /// The cached hidden states of `texts`, packed in that order: `[Σ lengths, hidden]`.
    ///
    /// - Throws: `AttuneError.invalidFile` naming the cache file when reading it fails (an I/O
    ///   error, or the file cut short underneath).
    public func gather(_ texts: [Int32]) throws -> Tensor {
        let total = texts.reduce(0) { $0 + lengths[Int($1)] }
        let out = Tensor(zeros: [total, hidden])
        var row = 0
        for t in texts {
            let i = Int(t), bytes = lengths[i] * hidden * 4
            var read = 0
            let dst = UnsafeMutableRawPointer(out.data + row * hidden)
            while read < bytes {
                let n = pread(fd, dst + read, bytes - read, off_t(offsets[i] * hidden * 4 + read))
                if n <= 0 {
                    let why = n == 0 ? "the file ends early" : String(cString: strerror(errno))
                    throw AttuneError.invalidFile(path: url.path, what: "reading the frozen-layer cache failed (\(why))")
                }
                read += n
            }
            row += lengths[i]
        }
        return out
    }
}

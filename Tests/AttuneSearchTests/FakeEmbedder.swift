import AttuneCore
import AttuneData
import AttuneModel
@testable import AttuneSearch
import Foundation
import XCTest

/// A deterministic embedder for tests: each text's vector comes from a hash of the text, normalised.
/// It records what it embedded and can fail after a number of batches, like a killed build.
final class FakeEmbedder: Embedder {
    let dimension: Int
    let fingerprint: String
    let maxSeqLength: Int
    let name: String
    /// Recorded by an index as the documents' prompt (the fake prepends nothing).
    var documentPrompt = ""
    /// Throw on the batch after this many have succeeded (nil: never).
    var failAfterBatches: Int?
    private(set) var batches = 0
    private(set) var embedded: [String] = []

    struct Killed: Error {}

    init(dimension: Int = 8, fingerprint: String = "fake-v1", maxSeqLength: Int = 128, name: String = "fake-model",
         failAfterBatches: Int? = nil) {
        self.dimension = dimension
        self.fingerprint = fingerprint
        self.maxSeqLength = maxSeqLength
        self.name = name
        self.failAfterBatches = failAfterBatches
    }

    func embed(_ texts: [String]) throws -> Tensor {
        if let n = failAfterBatches, batches >= n { throw Killed() }
        batches += 1
        embedded += texts
        return Tensor(texts.flatMap { FakeEmbedder.vector(for: $0, dimension: dimension) }, shape: [texts.count, dimension])
    }

    /// The unit vector for `text`: FNV-1a of its UTF-8 bytes seeds a SplitMix64 stream.
    static func vector(for text: String, dimension: Int) -> [Float] {
        var rng = SplitMix64(seed: FNV1a64.hash(text))
        let v = (0..<dimension).map { _ in Float(rng.nextUnit() * 2 - 1) }
        let norm = sqrt(v.reduce(0) { $0 + $1 * $1 })
        return v.map { $0 / max(norm, 1e-12) }
    }
}

/// A small, seedable generator so tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

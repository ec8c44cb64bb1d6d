import AttuneCore
import AttuneData
import Foundation

/// sentence-transformers' Pooling module: how token vectors become one sentence vector. It loads
/// and saves its own `config.json` (in a folder such as `1_Pooling`).
public enum PoolingMode: String, Sendable {
    case mean, cls, max

    /// Pool the packed hidden states (`[Σ lengths, hidden]`) into one row per sequence.
    public func callAsFunction(_ hidden: Tensor, lengths: [Int]) -> Tensor {
        switch self {
        case .mean: return hidden.meanPool(lengths: lengths)
        case .cls: return hidden.clsPool(lengths: lengths)
        case .max: return hidden.maxPool(lengths: lengths)
        }
    }

    /// The pooling config, in the boolean form (`pooling_mode_mean_tokens: true`, …) or the
    /// compact one (`"pooling_mode": "mean"`). Exactly one of mean, cls, max is supported.
    public static func load(_ url: URL) throws -> PoolingMode {
        let json = try ConfigJSON(url)
        if json.has("pooling_mode") {
            let mode = try json.string("pooling_mode")
            let aliases = ["mean": PoolingMode.mean, "mean_tokens": .mean, "cls": .cls, "cls_token": .cls, "max": .max, "max_tokens": .max]
            guard let m = aliases[mode] else { throw json.fail("pooling_mode", "pooling \(mode) is not supported (supported: mean, cls, max)") }
            return m
        }
        for key in ["pooling_mode_mean_sqrt_len_tokens", "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken"] {
            if try json.bool(key, false) { throw json.fail(key, "this pooling is not supported (supported: mean, cls, max)") }
        }
        guard try json.bool("include_prompt", true) else {
            throw json.fail("include_prompt", "false (pooling that leaves the prompt out) is not supported")
        }
        let chosen: [PoolingMode] = try [("pooling_mode_mean_tokens", PoolingMode.mean), ("pooling_mode_cls_token", .cls),
                                         ("pooling_mode_max_tokens", .max)].filter { try json.bool($0.0, false) }.map { $0.1 }
        guard chosen.count == 1 else {
            throw json.fail("pooling_mode_*", chosen.isEmpty ? "no pooling mode is true" : "several pooling modes are true (only one is supported)")
        }
        return chosen[0]
    }


    /// Write `folder/config.json` in the boolean form every sentence-transformers version reads.
    public func save(to folder: URL, dimension: Int) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try atomicWrite(moduleJSON([
            "word_embedding_dimension": dimension,
            "pooling_mode_cls_token": self == .cls,
            "pooling_mode_mean_tokens": self == .mean,
            "pooling_mode_max_tokens": self == .max,
            "pooling_mode_mean_sqrt_len_tokens": false,
            "pooling_mode_weightedmean_tokens": false,
            "pooling_mode_lasttoken": false,
            "include_prompt": true,
        ]), to: folder.appendingPathComponent("config.json"))
    }
}

/// sentence-transformers' Normalize module: unit L2 length. Its folder holds nothing.
public struct Normalize: Sendable {
    public init() {}

    public func callAsFunction(_ x: Tensor) -> Tensor { x.l2Normalize() }

    /// Create the (empty) module folder.
    public func save(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
}

/// A module config file's bytes: pretty, sorted keys, slashes unescaped.
func moduleJSON(_ object: Any) throws -> Data {
    try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
}

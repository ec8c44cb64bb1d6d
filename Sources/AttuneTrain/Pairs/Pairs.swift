import AttuneData
import Foundation

/// One training example: a query-like anchor, the text it should match, and optional hard negatives.
public struct TrainingPair: Sendable, Equatable {
    public var anchor: String
    public var positive: String
    /// Texts the anchor should not match, in file order (may be empty).
    public var negatives: [String]

    public init(anchor: String, positive: String, negatives: [String] = []) {
        self.anchor = anchor
        self.positive = positive
        self.negatives = negatives
    }

    /// A digest of `pairs` (texts and order): a checkpoint or a mined file belongs to the pairs it
    /// was made from only while this is unchanged.
    public static func digest(_ pairs: [TrainingPair]) -> String {
        var h = FNV1a64()
        func add(_ s: String) { h.add(s.utf8); h.add(byte: 0) }
        for p in pairs {
            add(p.anchor); add(p.positive)
            for n in p.negatives { add(n) }
            h.add(byte: 1)
        }
        return String(h.value, radix: 16)
    }
}

/// What `PairReader.read` found in a file.
public struct PairSet: Sendable, Equatable {
    /// The usable pairs, in file order.
    public var pairs: [TrainingPair]
    /// Pairs left out because the anchor or positive was empty or only whitespace.
    public var skippedEmpty: Int
    /// Malformed lines left out (only with `skipBad`).
    public var skippedBad: Int
    /// The first few malformed-line messages (`path:line: what`), for a summary.
    public var badExamples: [String]

    public init(pairs: [TrainingPair] = [], skippedEmpty: Int = 0, skippedBad: Int = 0, badExamples: [String] = []) {
        self.pairs = pairs
        self.skippedEmpty = skippedEmpty
        self.skippedBad = skippedBad
        self.badExamples = badExamples
    }
}

/// Reads training pairs from `.jsonl` (one JSON object per line), `.csv` (RFC 4180, header row)
/// or `.tsv` (tab-separated, header row) files, picked by extension.
///
/// Negatives are the fields named exactly `negativePrefix`, or `negativePrefix` followed by an
/// optional `_` and digits (`negative`, `negative_1`, `negative2`, …), in file order; empty or
/// null negatives are ignored. A malformed line throws `AttuneError.badLine` naming the file and
/// line, unless `skipBad` is set, in which case it is counted and reading goes on.
public struct PairReader: Sendable {
    public var anchorField: String
    public var positiveField: String
    public var negativePrefix: String
    /// Count malformed lines instead of throwing.
    public var skipBad: Bool
    /// How many malformed-line messages `PairSet.badExamples` keeps.
    public static let maxBadExamples = 5

    public init(anchorField: String = "anchor", positiveField: String = "positive",
                negativePrefix: String = "negative", skipBad: Bool = false) {
        self.anchorField = anchorField
        self.positiveField = positiveField
        self.negativePrefix = negativePrefix
        self.skipBad = skipBad
    }

    /// The pairs in `url`, at most `limit` of them (counted after skipping).
    public func read(_ url: URL, limit: Int? = nil) throws -> PairSet {
        let path = url.path
        let delimiter: UInt8?
        switch url.pathExtension.lowercased() {
        case "jsonl", "ndjson": delimiter = nil
        case "csv": delimiter = UInt8(ascii: ",")
        case "tsv": delimiter = 0x09
        default:
            throw AttuneError.invalidFile(path: path, what: "unknown pair file type '.\(url.pathExtension)' (expected .jsonl, .csv or .tsv)")
        }
        let data = try DataFile.bytes(url)
        var state = ReadState(path: path, skipBad: skipBad, limit: limit ?? Int.max)
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let delimiter { try readDelimited(bytes, delimiter: delimiter, &state) } else { try readJSONL(bytes, &state) }
        }
        return state.result
    }

    /// Is `name` a negative column (`prefix`, or `prefix` + optional `_` + digits)?
    func isNegative(_ name: String) -> Bool {
        guard name.hasPrefix(negativePrefix), name != anchorField, name != positiveField else { return false }
        var rest = name.utf8.dropFirst(negativePrefix.utf8.count)
        if rest.isEmpty { return true }
        if rest.first == UInt8(ascii: "_") { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    // MARK: formats

    private func readJSONL(_ bytes: UnsafeBufferPointer<UInt8>, _ state: inout ReadState) throws {
        try JSONLines.forEach(bytes) { line, parsed in
            guard !state.full else { return false }
            let members: [JSONMember]
            switch parsed {
            case .success(let m): members = m
            case .failure(let e): try state.bad(line: line, e.what); return true
            }
            var anchor: JSONValue?, positive: JSONValue?
            var negatives: [String] = []
            var wrong: String?
            for m in members {
                if m.key == anchorField { anchor = m.value } else if m.key == positiveField { positive = m.value } else if isNegative(m.key) {
                    switch m.value {
                    case .string(let s): if !s.isEmpty { negatives.append(s) }
                    case .null: break
                    default: wrong = wrong ?? "field \"\(m.key)\" is \(m.value.typeName), expected a string"
                    }
                }
            }
            if let w = wrong { try state.bad(line: line, w); return true }
            guard let a = try field(anchor, anchorField, line: line, &state),
                  let p = try field(positive, positiveField, line: line, &state) else { return true }
            state.add(TrainingPair(anchor: a, positive: p, negatives: negatives))
            return true
        }
    }

    /// The string in a required JSON field, or nil after recording why it is unusable.
    private func field(_ value: JSONValue?, _ name: String, line: Int, _ state: inout ReadState) throws -> String? {
        switch value {
        case .string(let s)?: return s
        case nil: try state.bad(line: line, "missing field \"\(name)\""); return nil
        case let other?: try state.bad(line: line, "field \"\(name)\" is \(other.typeName), expected a string"); return nil
        }
    }

    private func readDelimited(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, _ state: inout ReadState) throws {
        guard var table = try DelimitedTable(bytes, delimiter: delimiter, path: state.path) else { return }
        let ai = try table.column(anchorField), pi = try table.column(positiveField)
        let negs = table.columns.indices.filter { isNegative(table.columns[$0]) && $0 != ai && $0 != pi }
        while !state.full, let record = table.next() {
            switch record.fields {
            case .failure(let e): try state.bad(line: record.line, e.what)
            case .success(let f): state.add(TrainingPair(anchor: f[ai], positive: f[pi], negatives: negs.map { f[$0] }.filter { !$0.isEmpty }))
            }
        }
    }
}

/// Running totals while reading one file.
private struct ReadState {
    let path: String
    let skipBad: Bool
    let limit: Int
    var result = PairSet()

    init(path: String, skipBad: Bool, limit: Int) {
        self.path = path
        self.skipBad = skipBad
        self.limit = limit
    }

    var full: Bool { result.pairs.count >= limit }

    /// A malformed line: throw, or count it.
    mutating func bad(line: Int, _ what: String) throws {
        let error = AttuneError.badLine(path: path, line: line, what: what)
        guard skipBad else { throw error }
        result.skippedBad += 1
        if result.badExamples.count < PairReader.maxBadExamples { result.badExamples.append(error.description) }
    }

    mutating func add(_ pair: TrainingPair) {
        if isBlank(pair.anchor) || isBlank(pair.positive) { result.skippedEmpty += 1; return }
        result.pairs.append(pair)
    }

    private func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}

import Foundation

/// TREC run files: one line per retrieved document, `qid Q0 docid rank score tag`, rank from 1,
/// score with 6 decimals. Ids and the tag must not be empty or contain whitespace (the format
/// splits on it), so what is written reads back the same.
public enum TrecRun {
    /// One query's ranked documents, best first.
    public typealias Ranking = (queryID: String, hits: [(doc: String, score: Double)])

    /// Read a run file into ranked lists (query id → document ids, best first).
    public static func read(_ url: URL) throws -> [String: [String]] {
        try parse(try DataFile.text(url), path: url.path)
    }

    /// Parse run text; `path` names the source in errors. Documents are ordered by their rank
    /// column (the ranking the run's writer made), file order breaking ties — not re-sorted by
    /// score, so tied scores keep the writer's order, as the reference's in-memory ranking does.
    public static func parse(_ text: String, path: String) throws -> [String: [String]] {
        var rows: [String: [(rank: Int, order: Int, doc: String)]] = [:]
        var seen: [String: Set<String>] = [:]
        var lineNo = 0, order = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNo += 1
            let fields = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count == 6 else {
                throw AttuneError.badLine(path: path, line: lineNo,
                                          what: "expected 6 fields (qid Q0 docid rank score tag), found \(fields.count)")
            }
            let q = String(fields[0]), d = String(fields[2])
            guard let rank = Int(fields[3]) else {
                throw AttuneError.badLine(path: path, line: lineNo, what: "rank '\(fields[3])' is not an integer")
            }
            guard let score = Double(fields[4]), !score.isNaN else {
                throw AttuneError.badLine(path: path, line: lineNo, what: "score '\(fields[4])' is not a number")
            }
            guard seen[q, default: []].insert(d).inserted else {
                throw AttuneError.badLine(path: path, line: lineNo, what: "document '\(d)' listed twice for query '\(q)'")
            }
            rows[q, default: []].append((rank, order, d))
            order += 1
        }
        return rows.mapValues { list in
            list.sorted { ($0.rank, $0.order) < ($1.rank, $1.order) }.map(\.doc)
        }
    }

    /// Run text for `runs`, queries in the order given, ranks from 1.
    /// - Throws: `AttuneError.invalid` naming `path` and the id or tag that is empty or has whitespace.
    public static func format(_ runs: [Ranking], tag: String = "attune", path: String = "run") throws -> String {
        func check(_ value: String, _ what: String) throws {
            if value.isEmpty || value.contains(where: { $0.isWhitespace }) {
                throw AttuneError.invalid("\(path): cannot write \(what) \"\(value)\" to a TREC run: it is empty or contains whitespace")
            }
        }
        try check(tag, "run tag")
        var out = ""
        out.reserveCapacity(runs.reduce(0) { $0 + $1.hits.count } * 40)
        for run in runs {
            try check(run.queryID, "query id")
            for (rank, hit) in run.hits.enumerated() {
                try check(hit.doc, "document id")
                out += "\(run.queryID) Q0 \(hit.doc) \(rank + 1) \(String(format: "%.6f", hit.score)) \(tag)\n"
            }
        }
        return out
    }

    /// Write `runs` as a run file (queries in the order given), whole or not at all.
    public static func write(_ runs: [Ranking], tag: String = "attune", to url: URL) throws {
        try atomicWrite(Data(try format(runs, tag: tag, path: url.path).utf8), to: url)
    }

    /// Write ranked lists keyed by query id as a run file, queries sorted by id.
    public static func write(_ ranked: [String: [(doc: String, score: Double)]], tag: String = "attune", to url: URL) throws {
        try write(ranked.keys.sorted().map { (queryID: $0, hits: ranked[$0]!) }, tag: tag, to: url)
    }
}

import AttuneCore
import Foundation

/// TREC run files: one line per retrieved document, `qid Q0 docid rank score tag`.
public enum TrecRun {
    /// Read a run file into ranked lists (query id → document ids, best first).
    public static func read(_ url: URL) throws -> [String: [String]] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AttuneError.fileNotFound(path: url.path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AttuneError.invalidFile(path: url.path, what: "not UTF-8 text")
        }
        return try parse(text, path: url.path)
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

    /// Format ranked, scored lists as run text (queries sorted by id, ranks from 1).
    public static func format(_ ranked: [String: [(doc: String, score: Double)]], tag: String = "attune") -> String {
        var out = ""
        for q in ranked.keys.sorted() {
            for (i, hit) in ranked[q]!.enumerated() {
                out += "\(q) Q0 \(hit.doc) \(i + 1) \(String(format: "%.6f", hit.score)) \(tag)\n"
            }
        }
        return out
    }

    /// Write ranked, scored lists as a run file (atomically).
    public static func write(_ ranked: [String: [(doc: String, score: Double)]], tag: String = "attune", to url: URL) throws {
        try atomicWrite(Data(format(ranked, tag: tag).utf8), to: url)
    }
}

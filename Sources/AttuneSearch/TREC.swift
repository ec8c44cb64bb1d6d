import AttuneCore
import Foundation

/// Write ranked results as a TREC run file, one line per hit: `qid Q0 docid rank score tag`, rank
/// from 1, score with 6 decimals, queries in the order given. Written whole or not at all. Ids and
/// the tag must not contain whitespace (the format splits on it).
public func writeTREC(_ runs: [(queryID: String, hits: [Hit])], tag: String, to url: URL) throws {
    func check(_ value: String, _ what: String) throws {
        if value.isEmpty || value.contains(where: { $0.isWhitespace }) {
            throw AttuneError.invalid("\(url.path): cannot write \(what) \"\(value)\" to a TREC run: it is empty or contains whitespace")
        }
    }
    try check(tag, "run tag")
    var out = ""
    out.reserveCapacity(runs.reduce(0) { $0 + $1.hits.count } * 40)
    for run in runs {
        try check(run.queryID, "query id")
        for (rank, hit) in run.hits.enumerated() {
            try check(hit.id, "document id")
            out += "\(run.queryID) Q0 \(hit.id) \(rank + 1) \(String(format: "%.6f", Double(hit.score))) \(tag)\n"
        }
    }
    try atomicWrite(Data(out.utf8), to: url)
}

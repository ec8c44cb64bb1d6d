import Foundation

/// Relevance judgements in BEIR form: which documents are relevant to which query.
/// Only judgements with a score above 0 count as relevant; their scores are kept as grades
/// (graded relevance: nDCG uses them as gains, the other metrics count relevant or not).
public struct Qrels: Sendable, Equatable {
    /// Query id → ids of its relevant documents (never empty).
    public var relevant: [String: Set<String>]
    /// Query id → document id → grade, for relevant pairs whose score is not 1 (a missing entry
    /// is grade 1, so binary qrels leave this empty).
    public var grades: [String: [String: Double]] = [:]
    /// Query ids that were judged but have no document with score > 0.
    public var judgedWithoutRelevant: Set<String>
    /// Where the judgements came from (a path, or a label), for messages.
    public var source: String

    /// Judgements from values; empty sets are dropped into `judgedWithoutRelevant`.
    public init(relevant: [String: Set<String>], source: String = "qrels") {
        self.relevant = relevant.filter { !$0.value.isEmpty }
        self.judgedWithoutRelevant = Set(relevant.filter { $0.value.isEmpty }.keys)
        self.source = source
    }

    /// The grade of a relevant document for `query` (1 unless the qrels gave another score).
    public func grade(_ query: String, _ doc: String) -> Double { grades[query]?[doc] ?? 1 }

    /// Whether any relevant pair has a grade other than 1.
    public var isGraded: Bool { !grades.isEmpty }

    /// The number of (query, relevant document) pairs.
    public var pairCount: Int { relevant.values.reduce(0) { $0 + $1.count } }

    /// Read a BEIR qrels TSV (`query-id<TAB>corpus-id<TAB>score`, header line optional).
    public static func read(_ url: URL) throws -> Qrels {
        try parse(try DataFile.text(url), path: url.path)
    }

    /// Parse qrels text; `path` names the source in errors (`path:line: what`).
    public static func parse(_ text: String, path: String) throws -> Qrels {
        var relevant: [String: Set<String>] = [:]
        var grades: [String: [String: Double]] = [:]
        var judged = Set<String>()
        var lineNo = 0
        var sawData = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNo += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count == 1 { fields = line.split(whereSeparator: { $0 == " " }).map(String.init) }
            // A header is allowed only as the first non-empty line: its score column is not a number.
            if !sawData && fields.count == 3 && Double(fields[2]) == nil && fields[2].lowercased() == "score" {
                sawData = true
                continue
            }
            sawData = true
            guard fields.count == 3 else {
                throw AttuneError.badLine(path: path, line: lineNo,
                                          what: "expected 3 tab-separated fields (query-id, corpus-id, score), found \(fields.count)")
            }
            let q = fields[0].trimmingCharacters(in: .whitespaces)
            let d = fields[1].trimmingCharacters(in: .whitespaces)
            let s = fields[2].trimmingCharacters(in: .whitespaces)
            guard !q.isEmpty else { throw AttuneError.badLine(path: path, line: lineNo, what: "empty query-id") }
            guard !d.isEmpty else { throw AttuneError.badLine(path: path, line: lineNo, what: "empty corpus-id") }
            guard let score = Double(s), score.isFinite else {
                throw AttuneError.badLine(path: path, line: lineNo, what: "score '\(s)' is not a number")
            }
            judged.insert(q)
            if score > 0 {
                // A pair judged twice keeps its higher grade.
                let earlier = relevant[q]?.contains(d) == true ? (grades[q]?[d] ?? 1) : 0
                relevant[q, default: []].insert(d)
                let g = max(earlier, score)
                if g != 1 { grades[q, default: [:]][d] = g } else { grades[q]?[d] = nil }
            }
        }
        var qrels = Qrels(relevant: relevant, source: path)
        qrels.grades = grades.filter { !$0.value.isEmpty }
        qrels.judgedWithoutRelevant = judged.subtracting(relevant.keys)
        return qrels
    }

    /// Check the judgements against the queries and corpus actually used.
    ///
    /// Counts qrels that name unknown queries or documents, and queries that have no relevant
    /// document (they are excluded from the means). Throws when the qrels share no query id with
    /// `queryIDs`, or no document id with `docIDs` — almost always the wrong file.
    public func validate(queryIDs: Set<String>, docIDs: Set<String>) throws -> QrelsReport {
        var unknownQueryPairs = 0, unknownDocPairs = 0
        var sharedQueries = 0, sharedDocs = Set<String>()
        var exampleQuery: String?, exampleDoc: String?
        for (q, docs) in relevant.sorted(by: { $0.key < $1.key }) {
            if queryIDs.contains(q) { sharedQueries += 1 } else {
                unknownQueryPairs += docs.count
                if exampleQuery == nil { exampleQuery = q }
            }
            for d in docs.sorted() {
                if docIDs.contains(d) { sharedDocs.insert(d) } else {
                    unknownDocPairs += 1
                    if exampleDoc == nil { exampleDoc = d }
                }
            }
        }
        if sharedQueries == 0 {
            let qEx = queryIDs.sorted().first.map { " (e.g. '\($0)')" } ?? ""
            throw AttuneError.invalidFile(path: source, what:
                "no query id in the qrels\(exampleQuery.map { " (e.g. '\($0)')" } ?? "") matches any of the \(queryIDs.count) queries\(qEx) — wrong qrels or queries file?")
        }
        if sharedDocs.isEmpty {
            let dEx = docIDs.sorted().first.map { " (e.g. '\($0)')" } ?? ""
            throw AttuneError.invalidFile(path: source, what:
                "no corpus id in the qrels\(exampleDoc.map { " (e.g. '\($0)')" } ?? "") matches any of the \(docIDs.count) documents\(dEx) — wrong qrels or corpus file?")
        }
        let withoutRelevant = queryIDs.filter { relevant[$0] == nil }
        return QrelsReport(pairs: pairCount,
                           unknownQueryPairs: unknownQueryPairs, unknownDocPairs: unknownDocPairs,
                           exampleUnknownQuery: exampleQuery, exampleUnknownDoc: exampleDoc,
                           queriesWithoutRelevant: withoutRelevant.count,
                           evaluableQueries: queryIDs.count - withoutRelevant.count)
    }
}

/// What `Qrels.validate` found: counts a user should see before trusting a score.
public struct QrelsReport: Sendable, Equatable, Codable {
    /// Relevant (query, document) pairs in the qrels.
    public var pairs: Int
    /// Relevant pairs whose query id is not among the queries.
    public var unknownQueryPairs: Int
    /// Relevant pairs whose document id is not in the corpus.
    public var unknownDocPairs: Int
    /// One unknown query id, for the message.
    public var exampleUnknownQuery: String?
    /// One unknown document id, for the message.
    public var exampleUnknownDoc: String?
    /// Queries with no relevant document: excluded from every mean.
    public var queriesWithoutRelevant: Int
    /// Queries that have at least one relevant document.
    public var evaluableQueries: Int

    /// One line per problem found (empty when all is well).
    public var warnings: [String] {
        var out: [String] = []
        if unknownQueryPairs > 0 {
            out.append("\(unknownQueryPairs) qrels name queries not in the query file (e.g. '\(exampleUnknownQuery ?? "?")'); ignored")
        }
        if unknownDocPairs > 0 {
            out.append("\(unknownDocPairs) qrels name documents not in the corpus (e.g. '\(exampleUnknownDoc ?? "?")'); they can never be retrieved")
        }
        if queriesWithoutRelevant > 0 {
            out.append("\(queriesWithoutRelevant) queries have no relevant document; excluded from the means")
        }
        return out
    }
}

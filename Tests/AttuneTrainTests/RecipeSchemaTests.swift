import AttuneCore
import Foundation
@testable import AttuneTrain
import XCTest

/// A record with nested groups and lists, shaped like the keys recipes are about to get, to try
/// the schema machinery on what `Recipe` does not have yet.
private struct Toy: SchemaRecord, Equatable {
    var name = "toy"
    var count = 3
    var alphas: [Float] = [0.25, 0.5]
    var selectOn = "dev"
    var tolerance = 0.01
    var guardQueries: String?
    var guardCorpus: String?
    var guardQrels: String?
    var every = 0

    static let schema = RecipeSchema<Toy>([
        RecipeKey("name", \.name, .nonEmpty(), help: "A name"),
        RecipeKey("count", \.count, .within(1...10), help: "How many"),
        RecipeKey("merge.alphas", \.alphas, .within(0...1), help: "Interpolation weights"),
        RecipeKey("merge.select_on", \.selectOn, help: "Which set picks the weight"),
        RecipeKey("merge.guard_tolerance", \.tolerance, .atLeast(0), help: "How much the guard may drop"),
        .path("guard.queries", \.guardQueries, help: "Guard queries"),
        .path("guard.corpus", \.guardCorpus, help: "Guard corpus"),
        .path("guard.qrels", \.guardQrels, help: "Guard qrels"),
        RecipeKey("every", \.every, .atLeast(0, "0 = never"), resumable: true, help: "Every so often"),
    ], checks: [.allOrNone(["guard.queries", "guard.corpus", "guard.qrels"])])
}

final class RecipeSchemaTests: XCTestCase {
    private let here = URL(fileURLWithPath: "/work/here")
    private var resolver: PathResolver { PathResolver(currentDirectory: here, recipeFolder: here) }

    private func read(_ text: String) throws -> Toy { try Toy.schema.read(yaml: text, source: "toy.yaml", resolver: resolver) }

    private func expectError(_ body: @autoclosure () throws -> Any, _ expected: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(expected), "\"\(error)\" lacks \"\(expected)\"", file: file, line: line)
            XCTAssertFalse("\(error)".contains("\n"), "one line", file: file, line: line)
        }
    }

    func testNestedYAMLRoundTrip() throws {
        XCTAssertEqual(Toy.schema.yaml(Toy(), header: "# toy"), """
        # toy
        name: "toy"
        count: 3
        merge:
          alphas: [0.25, 0.5]
          select_on: "dev"
          guard_tolerance: 0.01
        guard:
          queries: null
          corpus: null
          qrels: null
        every: 0

        """)
        var t = Toy()
        t.name = "a: \"b\" # c"; t.alphas = []; t.guardQueries = "/q"; t.guardCorpus = "/c"; t.guardQrels = "/r"
        for toy in [Toy(), t] {
            XCTAssertEqual(try read(Toy.schema.yaml(toy, header: "")), toy)
        }
        // Absent keys, nested or not, keep their defaults; nested keys may come in any order.
        let partial = try read("merge:\n  guard_tolerance: 0.5\n  alphas: [0, 1, 0.75]\ncount: 4\n")
        var expected = Toy()
        expected.tolerance = 0.5; expected.alphas = [0, 1, 0.75]; expected.count = 4
        XCTAssertEqual(partial, expected)
        XCTAssertEqual(try read("guard:\n  queries: q.jsonl\n").guardQueries, "/work/here/q.jsonl", "nested paths resolve too")
    }

    func testUnknownAndMisplacedKeys() {
        expectError(try read("merge:\n  alpha: [1]\n"),
                    "toy.yaml: merge.alpha: unknown key (known: merge.alphas, merge.select_on, merge.guard_tolerance)")
        expectError(try read("alphas: [1]\n"), "toy.yaml: alphas: unknown key (known: name, count, merge, guard, every)")
        expectError(try read("merge: 3\n"), "merge: expected a mapping of alphas, select_on, guard_tolerance, got a scalar (line 1)")
        expectError(try read("merge:\n  alphas: [1]\n  alphas: [0]\n"), "merge.alphas: appears twice")
        expectError(try read("merge:\n  alphas: [1]\nmerge:\n  select_on: x\n"), "merge: appears twice")
    }

    func testWrongTypes() {
        expectError(try read("merge:\n  alphas: [0.1, x]\n"), "merge.alphas: expected a number, got \"x\" (line 2)")
        XCTAssertEqual(try read("merge:\n  alphas: 0.5\n").alphas, [0.5], "one scalar is a list of one")
        XCTAssertEqual(try read("merge:\n  alphas: null\n").alphas, [], "null is an empty list")
        expectError(try read("merge:\n  alphas: x\n"), "merge.alphas: expected a list of numbers, got \"x\" (line 2)")
        expectError(try read("merge:\n  alphas: {a: 1}\n"), "merge.alphas: expected a list of numbers, got a mapping (line 2)")
        expectError(try read("merge:\n  alphas: [[0.5]]\n"), "merge.alphas: expected a number, got a list")
        expectError(try read("count: 2.5\n"), "count: expected an integer, got \"2.5\" (line 1)")
        expectError(try read("guard:\n  queries: [a]\n"), "guard.queries: expected a string or null, got a list (line 2)")
        expectError(try read("name: null\n"), "name: expected a string, got null")
    }

    func testRangesAndRulesOverKeys() throws {
        XCTAssertNoThrow(try Toy.schema.validate(Toy(), source: "toy"))
        var t = Toy()
        t.alphas = [0.5, 2]
        expectError(try Toy.schema.validate(t, source: "toy"), "toy: merge.alphas: is 2.0; must be in 0...1")
        t = Toy(); t.alphas = [.nan]
        expectError(try Toy.schema.validate(t, source: "toy"), "merge.alphas: is nan; must be in 0...1")
        t = Toy(); t.count = 11
        expectError(try Toy.schema.validate(t, source: "toy"), "count: is 11; must be in 1...10")
        t = Toy(); t.every = -1
        expectError(try Toy.schema.validate(t, source: "toy"), "every: is -1; must be at least 0 (0 = never)")
        t = Toy(); t.tolerance = .infinity
        expectError(try Toy.schema.validate(t, source: "toy"), "merge.guard_tolerance: is inf; must be at least 0")
        t = Toy(); t.name = ""
        expectError(try Toy.schema.validate(t, source: "toy"), "name: is empty")
        t = Toy(); t.guardCorpus = "/c"
        expectError(try Toy.schema.validate(t, source: "toy"),
                    "guard.queries: is missing: give guard.queries, guard.corpus and guard.qrels together, or none")
        t.guardQueries = "/q"; t.guardQrels = "/r"
        XCTAssertNoThrow(try Toy.schema.validate(t, source: "toy"))
    }

    func testCommandLineValues() throws {
        var t = Toy()
        func set(_ key: String, _ text: String) throws { try Toy.schema.set(key, to: text, in: &t, source: "--set \(key)", currentDirectory: here) }
        try set("merge.alphas", "0.1,0.9")
        XCTAssertEqual(t.alphas, [0.1, 0.9])
        try set("merge.alphas", "[0.2]")
        XCTAssertEqual(t.alphas, [0.2])
        try set("merge.alphas", "[]")
        XCTAssertEqual(t.alphas, [])
        try set("guard.qrels", "sub/qrels.tsv")
        XCTAssertEqual(t.guardQrels, "/work/here/sub/qrels.tsv")
        expectError(try set("merge.alphas", "0.1,x"), "--set merge.alphas: merge.alphas: expected a number, got \"x\"")
        expectError(try set("merge", "1"), "merge: unknown key (known: name, count, merge.alphas")
        expectError(try set("count", "three"), "count: expected an integer, got \"three\"")
    }

    func testDifferencesForResume() {
        var a = Toy(), b = Toy()
        b.every = 9
        XCTAssertEqual(Toy.schema.differences(a, b), [], "a resumable key may change")
        XCTAssertEqual(Toy.schema.differences(a, b, includingResumable: true), ["every: 0 → 9"])
        b.alphas = [0.1]; b.guardQueries = "/q"
        XCTAssertEqual(Toy.schema.differences(a, b), ["merge.alphas: [0.25, 0.5] → [0.1]", "guard.queries: null → \"/q\""])
        a.alphas = [0.1]; a.guardQueries = "/q"
        XCTAssertEqual(Toy.schema.differences(a, b), [])
    }

    func testCodableNestsGroups() throws {
        struct Box: Codable { var toy: Toy
            init(toy: Toy) { self.toy = toy }
            init(from decoder: Decoder) throws { toy = try Toy.schema.decode(from: decoder) }
            func encode(to encoder: Encoder) throws { try Toy.schema.encode(toy, to: encoder) }
        }
        var t = Toy()
        t.alphas = [1]; t.guardCorpus = "/c"
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        let json = String(decoding: try enc.encode(Box(toy: t)), as: UTF8.self)
        XCTAssertTrue(json.contains(#""merge":{"alphas":[1],"guard_tolerance":0.01,"select_on":"dev"}"#), json)
        XCTAssertEqual(try JSONDecoder().decode(Box.self, from: Data(json.utf8)).toy, t)
        XCTAssertEqual(try JSONDecoder().decode(Box.self, from: Data(#"{"merge": {"alphas": [0]}}"#.utf8)).toy.alphas, [0])
    }

    func testHelpLinesSayTypeRuleAndDefault() {
        let lines = Toy.schema.helpLines
        XCTAssertEqual(lines.count, Toy.schema.keys.count)
        XCTAssertTrue(lines[2].hasPrefix("merge.alphas "), lines[2])
        XCTAssertTrue(lines[2].hasSuffix("Interpolation weights (a list of numbers, in 0...1, default [0.25, 0.5])"), lines[2])
        XCTAssertTrue(lines[5].hasSuffix("Guard queries (a string or null, default null)"), lines[5])
        XCTAssertEqual(Toy.schema.resumableKeys, ["every"])
        XCTAssertEqual(Recipe.schema.helpLines.count, Recipe.knownKeys.count)
    }
}

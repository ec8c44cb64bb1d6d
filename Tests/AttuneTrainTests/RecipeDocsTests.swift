import AttuneData
import AttuneTestSupport
import Foundation
@testable import AttuneTrain
import XCTest

/// docs/recipes.md is generated from `Recipe.schema`; these tests fail when the committed page is
/// stale and say how to regenerate it.
final class RecipeDocsTests: XCTestCase {
    private let page = Fixtures.packageRoot.appendingPathComponent("docs/recipes.md")

    func testRecipesPageMatchesTheSchema() throws {
        let expected = Recipe.schemaMarkdown()
        if ProcessInfo.processInfo.environment["ATTUNE_REGENERATE_DOCS"] == "1" {
            try atomicWrite(Data(expected.utf8), to: page)
        }
        guard let committed = try? String(contentsOf: page, encoding: .utf8) else {
            return XCTFail("\(page.path) is missing: generate it with `\(Recipe.schemaMarkdownCommand)`")
        }
        guard committed != expected else { return }
        let a = committed.components(separatedBy: "\n"), b = expected.components(separatedBy: "\n")
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        XCTFail("""
            docs/recipes.md is stale: line \(i + 1) is \(i < a.count ? "\"\(a[i])\"" : "missing"), \
            the schema gives \(i < b.count ? "\"\(b[i])\"" : "nothing"). Regenerate it with `\(Recipe.schemaMarkdownCommand)`
            """)
    }

    func testEveryKeyHasOneRowWithItsHelpAndResumeRule() {
        let text = Recipe.schemaMarkdown()
        let rows = text.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }
        XCTAssertEqual(rows.count, Recipe.schema.keys.count)
        for k in Recipe.schema.keys {
            let mine = rows.filter { $0.hasPrefix("| `\(k.name)` |") }
            XCTAssertEqual(mine.count, 1, k.name)
            guard let row = mine.first else { continue }
            XCTAssertTrue(row.contains(RecipeSchema<Recipe>.cell(k.help)), "\(k.name): \(row)")
            XCTAssertTrue(row.contains(k.resumable ? "| yes |" : "| no |"), "\(k.name): \(row)")
            // Six cells: a pipe inside a help text must not open a seventh.
            XCTAssertEqual(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count, 7, "\(k.name): \(row)")
        }
        // Nested keys are grouped under their prefix, in the schema's order.
        let merge = text.range(of: "## `merge`")
        let alphas = text.range(of: "| `merge.alphas` |")
        XCTAssertNotNil(merge); XCTAssertNotNil(alphas)
        if let merge, let alphas { XCTAssertLessThan(merge.lowerBound, alphas.lowerBound) }
    }

    func testCellEscapesPipesAndLineBreaks() {
        XCTAssertEqual(RecipeSchema<Recipe>.cell("a | b\nc"), "a \\| b c")
    }
}

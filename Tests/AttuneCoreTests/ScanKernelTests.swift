import CAttuneKernels
import Foundation
import XCTest
@testable import AttuneCore

/// The quantized-index scan kernels, every build this CPU can run, against plain Swift references.
final class ScanKernelTests: XCTestCase {
    private var tables: [attune_kernel_table] { (0...2).compactMap { attune_kernels_level(Int32($0))?.pointee } }

    func testDotU8RowsEveryBuild() {
        var rng = SplitMix64(seed: 9)
        for cols in [1, 15, 16, 17, 384, 391] {
            let rows = 7
            let q = (0..<cols).map { _ in rng.nextFloat() * 2 - 1 }
            let codes = (0..<(rows * cols)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let want = (0..<rows).map { r in (0..<cols).reduce(0.0) { $0 + Double(q[$1]) * Double(codes[r * cols + $1]) } }
            for t in tables {
                var out = [Float](repeating: .nan, count: rows)
                t.dot_u8_rows!(q, codes, &out, rows, cols)
                for r in 0..<rows {
                    XCTAssertEqual(Double(out[r]), want[r], accuracy: 1e-4 * max(1, abs(want[r])), "\(String(cString: t.name)) cols \(cols) row \(r)")
                }
            }
        }
    }

    func testHammingRowsEveryBuild() {
        var rng = SplitMix64(seed: 10)
        for words in [1, 6, 13] {
            let rows = 9
            let q = (0..<words).map { _ in rng.next() }
            let codes = (0..<(rows * words)).map { _ in rng.next() }
            let want = (0..<rows).map { r in -Float((0..<words).reduce(0) { $0 + (q[$1] ^ codes[r * words + $1]).nonzeroBitCount }) }
            for t in tables {
                var out = [Float](repeating: .nan, count: rows)
                t.hamming_rows!(q, codes, &out, rows, words)
                XCTAssertEqual(out, want, String(cString: t.name))
            }
        }
        var zero = [Float](repeating: 1, count: 1)
        tables[0].hamming_rows!([5], [5], &zero, 1, 1)
        XCTAssertEqual(zero, [0], "identical codes are at distance 0")
    }
}

import XCTest
@testable import AttuneCore

/// Which OpenBLAS kernel Attune asks for, and whether the kernel in use multiplies correctly.
final class KernelChoiceTests: XCTestCase {
    let skylake: Set<String> = ["sse4_2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512vl"]

    func testUserChoiceIsKept() {
        XCTAssertNil(KernelChoice.choice(environment: ["OPENBLAS_CORETYPE": "Sandybridge"], flags: skylake))
        XCTAssertNil(KernelChoice.choice(environment: ["OPENBLAS_CORETYPE": ""], flags: skylake))
    }

    func testReexecutedProcessDoesNotLoop() {
        XCTAssertNil(KernelChoice.choice(environment: [KernelChoice.marker: "1"], flags: skylake))
    }

    func testFlagsMapToCores() {
        XCTAssertEqual(KernelChoice.choice(environment: [:], flags: skylake), "SkylakeX")
        XCTAssertEqual(KernelChoice.choice(environment: ["PATH": "/bin"], flags: ["avx2", "fma", "avx"]), "Haswell")
        // AVX-512F alone (no BW/VL) is not enough for SkylakeX: falls back to Haswell.
        XCTAssertEqual(KernelChoice.choice(environment: [:], flags: ["avx2", "fma", "avx512f"]), "Haswell")
        XCTAssertNil(KernelChoice.choice(environment: [:], flags: ["avx2"]), "AVX2 without FMA")
        XCTAssertNil(KernelChoice.choice(environment: [:], flags: ["sse2", "avx"]))
        XCTAssertNil(KernelChoice.choice(environment: [:], flags: []))
    }

    func testThisMachineHasFlags() throws {
        #if os(Linux)
        XCTAssertFalse(KernelChoice.cpuFlags().isEmpty, "/proc/cpuinfo should list flags")
        #else
        throw XCTSkip("CPU flags are read from /proc/cpuinfo on Linux only")
        #endif
    }

    /// sgemm on the kernel in use against a Double product, at MiniLM's FFN shapes, every transpose.
    func testSgemmMatchesDoubleAtMiniLMShapes() {
        print("sgemm check on: \(KernelChoice.describe())")
        for (m, n, k) in [(64, 1536, 384), (64, 384, 1536)] {
            let a0 = GradCheck.random([m * k], seed: 1, requiresGrad: false).values
            let b0 = GradCheck.random([k * n], seed: 2, requiresGrad: false).values
            for ta in [false, true] { for tb in [false, true] {
                let aShape = ta ? [k, m] : [m, k], bShape = tb ? [n, k] : [k, n]
                let a = Tensor(a0, shape: aShape), b = Tensor(b0, shape: bShape)
                let c = Tensor(zeros: [m, n])
                BLAS.sgemm(transA: ta, transB: tb, m: m, n: n, k: k, a: a.data, lda: aShape[1],
                           b: b.data, ldb: bShape[1], c: c.data, ldc: n)
                let ref = GradCheck.naiveMatmul(a0, aShape, b0, bShape, transA: ta, transB: tb).values
                var diff: Double = 0, norm: Double = 0, worst: Double = 0
                for i in 0..<ref.count {
                    let d = Double(c[i]) - ref[i]
                    diff += d * d; norm += ref[i] * ref[i]
                    worst = max(worst, abs(d))
                }
                let rel = (diff / norm).squareRoot()
                XCTAssertLessThanOrEqual(rel, 1e-5, "sgemm \(m)×\(n)×\(k) tA=\(ta) tB=\(tb): relative error \(rel)")
                // Elementwise too: |error| small against the typical size of an entry (√k · 1/3).
                XCTAssertLessThanOrEqual(worst / (Double(k).squareRoot() / 3), 1e-5,
                                         "sgemm \(m)×\(n)×\(k) tA=\(ta) tB=\(tb): worst entry error \(worst)")
            } }
        }
    }

    /// Before OpenBLAS loads: the core only when absent, the thread timeout only when absent,
    /// nothing at all once re-executed; a user's values are never replaced.
    func testSettingsKeepUserValues() {
        let avx512: Set<String> = ["avx512f", "avx512bw", "avx512vl", "avx2", "fma"]
        XCTAssertEqual(KernelChoice.settings(environment: [:], flags: avx512),
                       ["OPENBLAS_CORETYPE": "SkylakeX", "OPENBLAS_THREAD_TIMEOUT": "4"])
        XCTAssertEqual(KernelChoice.settings(environment: ["OPENBLAS_CORETYPE": "Haswell"], flags: avx512),
                       ["OPENBLAS_THREAD_TIMEOUT": "4"])
        XCTAssertEqual(KernelChoice.settings(environment: ["OPENBLAS_CORETYPE": "Zen", "OPENBLAS_THREAD_TIMEOUT": "10"],
                                             flags: avx512), [:])
        XCTAssertEqual(KernelChoice.settings(environment: [KernelChoice.marker: "core"], flags: avx512), [:])
    }
}

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Attune",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "attune", targets: ["attune"]),
        .executable(name: "attune-bench", targets: ["attune-bench"]),
        .library(name: "AttuneCore", targets: ["AttuneCore"]),
        .library(name: "AttuneModel", targets: ["AttuneModel"]),
        .library(name: "AttuneTrain", targets: ["AttuneTrain"]),
        .library(name: "AttuneSearch", targets: ["AttuneSearch"]),
        .library(name: "AttuneEval", targets: ["AttuneEval"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // System libraries: thin module maps, nothing else.
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // GELU, softmax and LayerNorm (forward and backward) in C, built for AVX-512F, AVX2+FMA and
        // the baseline, the best the CPU supports chosen when the library loads.
        .target(name: "CAttuneKernels"),
        // Tensor, ops (forward + backward side by side), tape, AdamW, schedules, BLAS kernel choice.
        .target(name: "AttuneCore", dependencies: ["COpenBLAS", "CAttuneKernels"]),
        // safetensors, tokenizer, BERT encoder, sentence-transformers folder.
        .target(name: "AttuneModel", dependencies: ["AttuneCore"]),
        // Pairs, batching, MNRL loss, frozen-layer cache, trainer, checkpoints, recipes, hard-negative mining, merging.
        .target(name: "AttuneTrain", dependencies: ["AttuneModel", "AttuneSearch", .product(name: "Yams", package: "Yams")]),
        // Embedder protocol, index stores (SQLite, PostgreSQL + pgvector), exact top-k.
        .target(name: "AttuneSearch", dependencies: ["AttuneModel", "CSQLite", "CLibPQ"]),
        // BEIR readers, metrics, paired statistics, HTML report.
        .target(name: "AttuneEval", dependencies: ["AttuneSearch"]),
        // The adaptation a recipe describes, end to end: train, score dev and guard, choose the merge.
        .target(name: "AttuneAdapt", dependencies: ["AttuneTrain", "AttuneEval"]),

        .executableTarget(name: "attune", dependencies: [
            "AttuneCore", "AttuneModel", "AttuneTrain", "AttuneSearch", "AttuneEval", "AttuneAdapt",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "attune-bench", dependencies: [
            "AttuneCore", "AttuneModel", "AttuneTrain", "AttuneSearch", "AttuneEval",
        ]),

        // The fuzz harnesses (scripts/fuzz.sh builds them with libFuzzer; plainly built, a replayer).
        .executableTarget(name: "attune-fuzz", dependencies: [
            "AttuneCore", "AttuneModel", "AttuneTrain", "AttuneSearch", "AttuneEval",
        ], path: "Fuzz/AttuneFuzz"),

        // Test support: where ../shared and the model are, skip-or-fail when they are absent.
        .target(name: "AttuneTestSupport", path: "Tests/AttuneTestSupport"),
        .testTarget(name: "AttuneCoreTests", dependencies: ["AttuneCore", "CAttuneKernels", "AttuneTestSupport"]),
        .testTarget(name: "AttuneModelTests", dependencies: ["AttuneModel", "AttuneTestSupport"]),
        .testTarget(name: "AttuneTrainTests", dependencies: ["AttuneTrain", "AttuneSearch", "AttuneTestSupport"]),
        .testTarget(name: "AttuneSearchTests", dependencies: ["AttuneSearch", "AttuneTestSupport"]),
        .testTarget(name: "AttuneEvalTests", dependencies: ["AttuneEval", "AttuneTestSupport"]),
        .testTarget(name: "AttuneAdaptTests", dependencies: ["AttuneAdapt", "AttuneTestSupport"]),
        // Runs the built `attune` (which `swift test` builds with the tests) on bad input.
        .testTarget(name: "AttuneCLITests", dependencies: ["attune", "AttuneTestSupport"]),
        // The CI share of scripts/fuzz.sh and scripts/kill-test.sh, on the binaries `swift test` builds.
        .testTarget(name: "AttuneRobustnessTests", dependencies: ["attune", "attune-fuzz", "AttuneTestSupport"]),
    ],
    // Swift 5 mode: the numeric core passes raw pointers into threaded loops by design.
    swiftLanguageModes: [.v6]
)

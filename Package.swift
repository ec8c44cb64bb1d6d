// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Attune",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "attune", targets: ["attune"]),
        .executable(name: "attune-bench", targets: ["attune-bench"]),
        .library(name: "AttuneData", targets: ["AttuneData"]),
        .library(name: "AttuneCore", targets: ["AttuneCore"]),
        .library(name: "AttuneModel", targets: ["AttuneModel"]),
        .library(name: "AttuneTrain", targets: ["AttuneTrain"]),
        .library(name: "AttuneSearch", targets: ["AttuneSearch"]),
        .library(name: "AttuneEval", targets: ["AttuneEval"]),
        .library(name: "AttuneAdapt", targets: ["AttuneAdapt"]),
        .library(name: "AttuneServe", targets: ["AttuneServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // System libraries: thin module maps, nothing else.
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // GELU, softmax and LayerNorm (forward and backward) in C, built for AVX-512F, AVX2+FMA and
        // the baseline, the best the CPU supports chosen when the library loads.
        .target(name: "CAttuneKernels"),
        // bf16 and int8 dense layers on oneDNN's matmul, with libdnnl.so.2 opened at run time (nothing
        // links it: without it, or without its header at build time, only fp32 is available).
        .target(name: "CAttuneDNNL"),
        // The file formats everything reads and writes, and the error every reader throws: JSON Lines,
        // CSV/TSV, BEIR corpus/queries/qrels, TREC runs, .npy, atomic writes, the stable hash.
        // Foundation only, at the bottom of the graph.
        .target(name: "AttuneData"),
        // Tensor, ops (forward + backward side by side), tape, AdamW, schedules, BLAS kernel choice, precision.
        .target(name: "AttuneCore", dependencies: ["AttuneData", "COpenBLAS", "CAttuneKernels", "CAttuneDNNL"]),
        // safetensors, tokenizer, BERT encoder, sentence-transformers folder.
        .target(name: "AttuneModel", dependencies: ["AttuneCore", "AttuneData"]),
        // Pairs, batching, losses, frozen-layer cache, the training loop, checkpoints, recipes.
        .target(name: "AttuneTrain", dependencies: ["AttuneData", "AttuneModel", .product(name: "Yams", package: "Yams")]),
        // Embedder protocol, index stores (SQLite, PostgreSQL + pgvector), exact top-k.
        .target(name: "AttuneSearch", dependencies: ["AttuneData", "AttuneModel", "CSQLite", "CLibPQ"]),
        // Retrieval benchmarks, metrics, paired statistics, evaluation suites and runs, HTML report, model card.
        .target(name: "AttuneEval", dependencies: ["AttuneData", "AttuneSearch", .product(name: "Yams", package: "Yams")]),
        // The adaptation a recipe describes, end to end: mine hard negatives, train, score dev and guard,
        // merge with the base and choose the merge.
        .target(name: "AttuneAdapt", dependencies: ["AttuneData", "AttuneModel", "AttuneSearch", "AttuneTrain", "AttuneEval"]),
        // `attune serve`: the model behind OpenAI's /v1/embeddings and TEI's /embed (and a
        // cross-encoder behind TEI's /rerank) on Hummingbird, batching inference queues, limits,
        // API key, Prometheus metrics, SIGTERM drain.
        .target(name: "AttuneServe", dependencies: [
            "AttuneData", "AttuneCore", "AttuneModel", "AttuneSearch",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),

        .executableTarget(name: "attune", dependencies: [
            "AttuneData", "AttuneCore", "AttuneModel", "AttuneTrain", "AttuneSearch", "AttuneEval", "AttuneAdapt", "AttuneServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "attune-bench", dependencies: [
            "AttuneData", "AttuneCore", "AttuneModel", "AttuneTrain", "AttuneSearch", "AttuneEval",
        ]),

        // The fuzz harnesses (scripts/fuzz.sh builds them with libFuzzer; plainly built, a replayer).
        .executableTarget(name: "attune-fuzz", dependencies: [
            "AttuneCore", "AttuneData", "AttuneModel", "AttuneTrain", "AttuneSearch", "AttuneEval",
        ], path: "Fuzz/AttuneFuzz"),

        // Test support: where ../shared and the model are, skip-or-fail when they are absent.
        .target(name: "AttuneTestSupport", path: "Tests/AttuneTestSupport"),
        .testTarget(name: "AttuneDataTests", dependencies: ["AttuneData", "AttuneTestSupport"]),
        .testTarget(name: "AttuneCoreTests", dependencies: ["AttuneCore", "CAttuneKernels", "AttuneTestSupport"]),
        .testTarget(name: "AttuneModelTests", dependencies: ["AttuneData", "AttuneModel", "AttuneTestSupport"]),
        .testTarget(name: "AttuneTrainTests", dependencies: ["AttuneData", "AttuneTrain", "AttuneTestSupport"]),
        .testTarget(name: "AttuneSearchTests", dependencies: ["AttuneData", "AttuneSearch", "AttuneTestSupport"]),
        .testTarget(name: "AttuneEvalTests", dependencies: ["AttuneData", "AttuneEval", "AttuneTestSupport"]),
        .testTarget(name: "AttuneAdaptTests", dependencies: ["AttuneData", "AttuneModel", "AttuneSearch", "AttuneTrain", "AttuneAdapt", "AttuneTestSupport"]),
        .testTarget(name: "AttuneServeTests", dependencies: ["AttuneData", "AttuneModel", "AttuneSearch", "AttuneServe", "AttuneTestSupport"]),
        // Runs the built `attune` (which `swift test` builds with the tests) on bad input.
        .testTarget(name: "AttuneCLITests", dependencies: ["attune", "AttuneTestSupport"]),
        // The CI share of scripts/fuzz.sh and scripts/kill-test.sh, on the binaries `swift test` builds.
        .testTarget(name: "AttuneRobustnessTests", dependencies: ["attune", "attune-fuzz", "AttuneTestSupport"]),
    ],
    // Swift 6 language mode for every target.
    swiftLanguageModes: [.v6]
)

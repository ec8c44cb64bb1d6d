/// Every benchmark beyond `sgemm`, by subcommand name.
enum BenchRegistry {
    static var all: [String: (Options) -> Void] {
        ["encode": EncodeBench.run, "train": TrainBench.run, "search": SearchBench.run, "rerank": RerankBench.run]
    }
}

/// Every benchmark beyond `sgemm`, by subcommand name.
enum BenchRegistry {
    static var all: [String: (Options) -> Void] {
        ["encode": EncodeBench.run, "search": SearchBench.run]
    }
}

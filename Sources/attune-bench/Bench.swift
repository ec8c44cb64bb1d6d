import AttuneCore
import Foundation

/// `attune-bench SUBCOMMAND [options]`: benchmarks, each printing one JSON object as its last line.
/// Timings live here, never in unit tests.
@main
struct Bench {
    static func main() {
        KernelChoice.reexecIfNeeded()
        Memory.configure()
        let args = Array(CommandLine.arguments.dropFirst())
        guard let sub = args.first else { usage(); exit(2) }
        let opts = Options(Array(args.dropFirst()))
        FileHandle.standardError.write(Data("\(KernelChoice.describe())\n\(Precision.describe())\n".utf8))
        switch sub {
        case "sgemm": SgemmBench.run(opts)
        default:
            if let run = extraBenches[sub] { run(opts) } else { usage(); exit(2) }
        }
    }

    static func usage() {
        let names = (["sgemm"] + extraBenches.keys.sorted()).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: attune-bench \(names) [--key value …]\n".utf8))
    }
}

/// Benchmarks other files register (encode, train, search), by name.
var extraBenches: [String: (Options) -> Void] { BenchRegistry.all }

/// `--key value` options.
struct Options {
    var values: [String: String] = [:]
    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("--") {
                let key = String(a.dropFirst(2))
                if i + 1 < args.count, !args[i + 1].hasPrefix("--") { values[key] = args[i + 1]; i += 2 }
                else { values[key] = "true"; i += 1 }
            } else { i += 1 }
        }
    }
    func string(_ k: String, _ d: String) -> String { values[k] ?? d }
    func int(_ k: String, _ d: Int) -> Int { values[k].flatMap { Int($0) } ?? d }
    func double(_ k: String, _ d: Double) -> Double { values[k].flatMap { Double($0) } ?? d }
    func flag(_ k: String) -> Bool { values[k] == "true" }
}

/// Wall-clock seconds of `body`, best of `repeats` after one warm-up.
func timeBest(repeats: Int = 3, _ body: () -> Void) -> Double {
    body()
    var best = Double.infinity
    for _ in 0..<repeats {
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    return best
}

/// Print the final JSON line.
func emitJSON(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

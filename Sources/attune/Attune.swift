import AttuneCore
import AttuneModel
import ArgumentParser
import Foundation

/// The `attune` command: adapt a sentence-embedding model to a domain, export it, index and search
/// a corpus with it, and prove what the adaptation bought.
@main
struct Attune: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "attune",
        abstract: "Adapt a sentence-embedding model to your domain, from a Swift binary.",
        version: "attune \(version)\n\(KernelChoice.describe())",
        subcommands: [Tokenize.self, Embed.self, Train.self, Mine.self, Merge.self, Export.self, Index.self, Search.self, Rerank.self, Eval.self, Demo.self, Serve.self, Doctor.self]
    )

    static func main() {
        KernelChoice.reexecIfNeeded()
        Memory.configure()
        var command: ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            try BLAS.checkThreadsEnvironment()
            _ = try ProgressBar.logInterval()
            try command.run()
        } catch {
            // ArgumentParser's own (usage, help, exit codes) print as it prints them, with the
            // command's usage; anything else — ours, Foundation's, Yams' — is one line.
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { type(of: command).exit(withError: error) }
            FileHandle.standardError.write(Data("error: \(errorLine(error))\n".utf8))
            Foundation.exit(1)
        }
    }
}

/// `attune doctor`: the kernel OpenBLAS runs, the threads, and where models are cached.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the BLAS kernel, threads, the precisions this machine runs (oneDNN) and the model cache.")

    func run() throws {
        print("attune \(Attune.version)")
        print(KernelChoice.describe())
        print(Precision.describe())
        print("OpenBLAS config: \(BLAS.config)")
        print("model cache: \(ModelStore.home.path)")
    }
}

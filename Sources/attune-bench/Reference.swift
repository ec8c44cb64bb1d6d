import Foundation

/// Running `../shared/reference/st_reference.py` (PyTorch + sentence-transformers) in the same
/// benchmark run, and other child processes.
enum Reference {
    /// The Python with torch: `--python`, else `$ATTUNE_REFERENCE_PYTHON`, else `../st-venv/bin/python`.
    static func python(_ o: Options) -> String {
        if let p = o.values["python"] { return p }
        if let p = ProcessInfo.processInfo.environment["ATTUNE_REFERENCE_PYTHON"] { return p }
        return "../st-venv/bin/python"
    }

    static func script(_ o: Options) -> String {
        o.string("reference", "../shared/reference/st_reference.py")
    }

    /// Run a command, stream its stderr through, return its last stdout line parsed as JSON.
    static func runJSON(_ argv: [String], environment: [String: String] = [:]) -> [String: Any]? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        var env = ProcessInfo.processInfo.environment
        env["HF_HUB_OFFLINE"] = "1"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        do { try p.run() } catch {
            note("could not run \(argv.joined(separator: " ")): \(error)")
            return nil
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            note("\(argv.prefix(3).joined(separator: " ")) … exited with \(p.terminationStatus)")
            return nil
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard let last = lines.last, let obj = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any] else {
            note("no JSON on the last line of \(argv.prefix(3).joined(separator: " ")) …")
            return nil
        }
        return obj
    }

    /// Run `executable arguments` (stdout and stderr to /dev/null) and return its own peak RSS in
    /// MiB (from wait4, so one child's figure, not the largest so far), or nil when it could not
    /// run or failed.
    static func peakRSSMiB(running executable: String, _ arguments: [String]) -> Int? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 { if errno != EINTR { return nil } }
        guard status == 0 else { note("\(executable) \(arguments.prefix(1).joined()) … exited with status \(status)"); return nil }
        return Int(usage.ru_maxrss / 1024)
    }

    /// Peak RSS (MiB) of the largest child process waited for so far.
    static func childrenPeakRSSMiB() -> Int {
        var u = rusage()
        getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &u)
        return Int(u.ru_maxrss / 1024)
    }
}

/// Print one line to stderr.
func note(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

/// Round to `places` decimals for JSON.
func rounded(_ x: Double, _ places: Int = 2) -> Double {
    let f = pow(10, Double(places))
    return (x * f).rounded() / f
}

import AttuneData
import COpenBLAS
import Foundation

/// OpenBLAS as Attune uses it: which kernel it runs, how many threads, and sgemm.
public enum BLAS {
    /// The kernel OpenBLAS chose at load time, e.g. "Haswell" or "SkylakeX".
    public static var coreName: String { String(cString: openblas_get_corename()) }
    /// OpenBLAS's build and kernel description.
    public static var config: String { String(cString: openblas_get_config()) }

    /// OpenBLAS's current thread count.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// The thread count Attune works with (OpenBLAS's and its own kernels'): `ATTUNE_THREADS`, else
    /// the machine's cores. Fixed at first use; `setThreads` changes it.
    public static var configuredThreads: Int { threadCount.value }

    private final class Box: @unchecked Sendable { var value: Int; init(_ v: Int) { value = v } }
    private static let threadCount: Box = {
        let env = ProcessInfo.processInfo.environment["ATTUNE_THREADS"].flatMap { Int($0) }
        let n = max(1, env ?? ProcessInfo.processInfo.activeProcessorCount)
        openblas_set_num_threads(Int32(n))
        return Box(n)
    }()

    /// Throws `AttuneError.badConfig` naming `ATTUNE_THREADS` when it is set but is not a whole
    /// number of at least 1 (it is otherwise ignored where it is read).
    public static func checkThreadsEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let v = environment["ATTUNE_THREADS"] else { return }
        guard let n = Int(v.trimmingCharacters(in: .whitespaces)), n >= 1 else {
            throw AttuneError.badConfig(source: "environment", field: "ATTUNE_THREADS", what: "expected a whole number of threads, at least 1, got \"\(v)\"")
        }
    }

    /// Set the thread count for OpenBLAS and Attune's own kernels (e.g. from `--threads`).
    public static func setThreads(_ n: Int) {
        threadCount.value = max(1, n)
        openblas_set_num_threads(Int32(max(1, n)))
    }

    /// C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C, row-major, with leading dimensions.
    @inline(__always)
    public static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
                             alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                             b: UnsafePointer<Float>, ldb: Int,
                             beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if m == 0 || n == 0 { return }
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// y[m] = alpha · A[m×n] · x[n] + beta · y (or Aᵀ · x[m] → y[n] with `trans`), row-major.
    /// For one query against many rows this streams A once; OpenBLAS's sgemm with m = 1 packs
    /// its B operand first and runs several times slower.
    @inline(__always)
    public static func sgemv(trans: Bool, m: Int, n: Int, alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                             x: UnsafePointer<Float>, beta: Float = 0, y: UnsafeMutablePointer<Float>) {
        if m == 0 || n == 0 { return }
        cblas_sgemv(CblasRowMajor, trans ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), alpha, a, Int32(lda),
                    x, 1, beta, y, 1)
    }
}

/// Choosing the OpenBLAS kernel. OpenBLAS picks its kernel when the library loads, before `main`,
/// and Debian's 0.3.21 does not recognise every current CPU (it then runs generic Prescott code at a
/// fraction of the speed). A binary calls `KernelChoice.reexecIfNeeded()` first thing: when
/// `OPENBLAS_CORETYPE` is absent it picks a core from the CPU's features and re-executes itself with
/// the variable set. A value the user set is always kept.
public enum KernelChoice {
    /// Marker so a re-executed process never loops.
    static let marker = "ATTUNE_CORETYPE_CHOSEN"

    /// The core for these CPU flags (from /proc/cpuinfo): AVX-512F → SkylakeX, AVX2+FMA → Haswell.
    public static func core(forFlags flags: Set<String>) -> String? {
        if flags.contains("avx512f") && flags.contains("avx512bw") && flags.contains("avx512vl") { return "SkylakeX" }
        if flags.contains("avx2") && flags.contains("fma") { return "Haswell" }
        return nil
    }

    /// The CPU flags of this machine (Linux), empty elsewhere.
    public static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }

    /// What to set, given the environment: nil when the user already chose (or nothing fits).
    public static func choice(environment: [String: String], flags: Set<String>) -> String? {
        if environment["OPENBLAS_CORETYPE"] != nil || environment[marker] != nil { return nil }
        return core(forFlags: flags)
    }

    /// What to set before OpenBLAS loads, given the environment: the core (see `choice`) and
    /// `OPENBLAS_THREAD_TIMEOUT=4`, so OpenBLAS's idle workers sleep at once instead of spinning on
    /// `sched_yield` while Attune's own threads run the elementwise kernels (worth ~15% of encode
    /// time on 2 cores). Values the user set are kept; empty after a re-exec.
    public static func settings(environment: [String: String], flags: Set<String>) -> [String: String] {
        if environment[marker] != nil { return [:] }
        var out: [String: String] = [:]
        if let core = choice(environment: environment, flags: flags) { out["OPENBLAS_CORETYPE"] = core }
        if environment["OPENBLAS_THREAD_TIMEOUT"] == nil { out["OPENBLAS_THREAD_TIMEOUT"] = "4" }
        return out
    }

    /// Re-execute this process with `settings` applied, when there are any. Returns only when no
    /// re-exec is needed (or it failed, in which case we run with what OpenBLAS chose).
    public static func reexecIfNeeded() {
        let env = ProcessInfo.processInfo.environment
        let changes = settings(environment: env, flags: cpuFlags())
        if changes.isEmpty { return }
        for (k, v) in changes { setenv(k, v, 1) }
        setenv(marker, changes["OPENBLAS_CORETYPE"] == nil ? "timeout" : "core", 1)
        var cargs: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
        cargs.append(nil)
        execv("/proc/self/exe", cargs)
        // execv only returns on failure: carry on with the kernel we have.
        for k in changes.keys { unsetenv(k) }
        unsetenv(marker)
    }

    /// One line for `--version` and benchmarks: the kernel in use and who chose it.
    public static func describe() -> String {
        let env = ProcessInfo.processInfo.environment
        let who: String
        if env[marker] == "core" { who = "chosen by Attune from the CPU's features" }
        else if let v = env["OPENBLAS_CORETYPE"] { who = "OPENBLAS_CORETYPE=\(v) set by the user" }
        else { who = "chosen by OpenBLAS" }
        return "OpenBLAS core \(BLAS.coreName) (\(who)), \(BLAS.configuredThreads) threads; elementwise kernels \(Kernels.instructionSet)"
    }
}

import AttuneCore
import AttuneData
import Foundation

/// numpy's exact top-k (`Q @ C.T` then `argpartition`) on the vectors `SearchBench` searched,
/// run with plain `python3` in a child process. numpy ships its own OpenBLAS, so the child gets
/// `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE` removed (Attune sets them for its own OpenBLAS) and
/// reports the kernel its OpenBLAS chose.
enum NumpyBaseline {
    static let script = """
    import ctypes, glob, json, os, sys, time
    import numpy as np
    C, Q = np.load(sys.argv[1]), np.load(sys.argv[2])
    single, batch, k = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    def topk(S):
        idx = np.argpartition(-S, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(S, idx, axis=1), axis=1, kind="stable")
        return np.take_along_axis(idx, order, axis=1)
    topk(Q[:1] @ C.T); topk(Q[:batch] @ C.T)
    top = []
    t0 = time.perf_counter()
    for i in range(single):
        top.append(topk(Q[i:i + 1] @ C.T)[0])
    single_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for s in range(single, Q.shape[0], batch):
        top.extend(topk(Q[s:s + batch] @ C.T))
    batch_s = time.perf_counter() - t0
    info = {"numpy": np.__version__}
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "lib*openblas*"))
    for path in libs:
        lib = ctypes.CDLL(path)
        for prefix in ("scipy_openblas_", "openblas_"):
            for suffix in ("64_", ""):
                try:
                    core = getattr(lib, prefix + "get_corename" + suffix)
                    conf = getattr(lib, prefix + "get_config" + suffix)
                    threads = getattr(lib, prefix + "get_num_threads" + suffix)
                except AttributeError:
                    continue
                core.restype = conf.restype = ctypes.c_char_p
                info.update(openblas_core=core().decode(), openblas_config=conf().decode().strip(), threads=threads())
                break
            if "openblas_core" in info: break
    if "openblas_core" not in info:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        info["openblas_config"] = "%s %s (build-time)" % (blas.get("name"), blas.get("openblas configuration", blas.get("version")))
    print("numpy BLAS: %s" % info, file=sys.stderr)
    info.update(single_qps=single / single_s, batch_qps=(Q.shape[0] - single) / batch_s,
                top=[[int(x) for x in row] for row in top])
    print(json.dumps(info))
    """

    /// Run the numpy side; nil (with a note) when python3 or numpy is missing or it fails.
    static func run(python: String, corpus: Tensor, queries: Tensor, single: Int, batch: Int, k: Int) -> [String: Any]? {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-numpy-\(getpid())")
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = dir.appendingPathComponent("corpus.npy"), q = dir.appendingPathComponent("queries.npy")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try writeNpy(corpus, to: c)
            try writeNpy(queries, to: q)
        } catch { note("error: writing the .npy pair: \(error)"); return nil }

        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [python, "-c", script, c.path, q.path, "\(single)", "\(batch)", "\(k)"]
        var env = ProcessInfo.processInfo.environment
        env["OPENBLAS_CORETYPE"] = nil
        env["OPENBLAS_L2_SIZE"] = nil
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        do { try p.run() } catch { note("could not run \(python): \(error)"); return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0,
              let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let obj = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any] else {
            note("numpy baseline failed (exit \(p.terminationStatus)); is numpy installed for \(python)?")
            return nil
        }
        return obj
    }

    /// A float32 C-order `.npy` file of a rank-2 tensor.
    static func writeNpy(_ t: Tensor, to url: URL) throws {
        try atomicWrite(NPY.float32Matrix(UnsafeBufferPointer(start: t.data, count: t.count), rows: t.shape[0], cols: t.shape[1]), to: url)
    }
}

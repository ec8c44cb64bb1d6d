// attune-fuzz: the fuzz harnesses of scripts/fuzz.sh.
//
// Built plainly (`swift build --product attune-fuzz`) it replays inputs: `attune-fuzz --list`, or
// `attune-fuzz TARGET FILE_OR_FOLDER…` runs every file through TARGET and prints how many ran.
// Built with `-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING` (scripts/fuzz.sh) it is a
// libFuzzer binary: the target comes from ATTUNE_FUZZ_TARGET, the arguments are libFuzzer's.
import Foundation

func target(named name: String) -> FuzzTarget {
    guard let t = fuzzTargets.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("error: no fuzz target \"\(name)\" (attune-fuzz --list)\n".utf8))
        exit(64)
    }
    return t
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

selected = target(named: ProcessInfo.processInfo.environment["ATTUNE_FUZZ_TARGET"] ?? "")
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzEntry))
#else
let args = Array(CommandLine.arguments.dropFirst())
if args.first == "--list" || args.isEmpty {
    for t in fuzzTargets { print(args.isEmpty ? "\(t.name)\t\(t.help)" : t.name) }
    exit(0)
}
let t = target(named: args[0])
var ran = 0
for path in args.dropFirst() {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
        FileHandle.standardError.write(Data("error: \(path): no such file\n".utf8))
        exit(1)
    }
    let files = isDir.boolValue
        ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
        : [path]
    for f in files {
        guard let data = FileManager.default.contents(atPath: f) else { continue }
        t.run(Array(data))
        ran += 1
    }
}
print("\(t.name): \(ran) inputs ran clean")
#endif

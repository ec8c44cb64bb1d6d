// The libFuzzer entry point, only in the fuzzing build (scripts/fuzz.sh passes -DFUZZING).
#if FUZZING
/// The target LLVMFuzzerTestOneInput runs (set once by main before the driver starts).
nonisolated(unsafe) var selected: FuzzTarget?

let fuzzEntry: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { data, size in
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    selected!.run(bytes)
    return 0
}

/// libFuzzer's link-time hook (its own main is replaced by ours, which calls LLVMFuzzerRunDriver).
@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzEntry(data, size)
}
#endif

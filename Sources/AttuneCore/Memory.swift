import Foundation

/// Process-wide allocator settings for the numeric hot path.
///
/// Activations are large (a `[8192, 1536]` float buffer is 48 MiB) and glibc serves anything over
/// 32 MiB with a fresh `mmap`, so every op's output would page-fault its way into existence and be
/// unmapped again a moment later. Binaries call `Memory.configure()` once at start: large blocks
/// then come from the heap and are reused from batch to batch with no page faults.
public enum Memory {
    public static func configure() {
        #if os(Linux)
        _ = glibcMallopt(-4, 0)         // M_MMAP_MAX = 0: never mmap a block, reuse the heap
        _ = glibcMallopt(-1, 1 << 30)   // M_TRIM_THRESHOLD: keep up to 1 GiB of freed heap for the next batch
        #endif
    }
}

#if os(Linux)
@_silgen_name("mallopt") private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
#endif

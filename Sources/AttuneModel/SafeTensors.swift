import AttuneCore
import AttuneData
import Foundation

// The safetensors format: an 8-byte little-endian header length N, N bytes of JSON
// `{"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}`,
// then the raw little-endian data, offsets relative to the end of the header.

/// A safetensors file, memory-mapped read-only and validated on open. Tensors are copied out
/// as Float32 on demand, so opening a large file costs only its header.
public final class SafeTensorsFile: @unchecked Sendable {
    /// One header entry.
    struct Entry {
        let dtype: String
        let shape: [Int]
        /// Byte range inside the data section.
        let begin: Int, end: Int
    }

    /// The file this was opened from.
    public let url: URL
    /// The `__metadata__` map (empty when absent).
    public let metadata: [String: String]
    /// Tensor names, sorted.
    public let names: [String]
    let entries: [String: Entry]
    private let base: UnsafeMutableRawPointer?
    private let mappedSize: Int
    /// Start of the data section inside the mapping.
    private let dataStart: Int

    /// Bytes per element for every dtype the format defines; nil for names it does not.
    static func elementSize(_ dtype: String) -> Int? {
        switch dtype {
        case "F64", "I64", "U64": return 8
        case "F32", "I32", "U32": return 4
        case "F16", "BF16", "I16", "U16": return 2
        case "I8", "U8", "BOOL", "F8_E4M3", "F8_E5M2": return 1
        default: return nil
        }
    }

    /// Map `url` and check its header: lengths, dtypes, shapes, offsets in bounds, sizes, no overlaps.
    public init(url: URL) throws {
        self.url = url
        let path = url.path
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw AttuneError.fileNotFound(path: path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw AttuneError.fileNotFound(path: path) }
        let size = Int(st.st_size)
        guard size >= 8 else {
            throw AttuneError.invalidFile(path: path, what: "truncated: \(size) bytes, too short for the 8-byte header length")
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw AttuneError.invalidFile(path: path, what: "could not memory-map (\(String(cString: strerror(errno))))")
        }
        base = p
        mappedSize = size
        do {
            let parsed = try Self.parseHeader(p, size: size, path: path)
            (metadata, entries, dataStart) = parsed
            names = entries.keys.sorted()
        } catch {
            munmap(p, size)
            throw error
        }
    }

    deinit { if let base { munmap(base, mappedSize) } }

    private static func parseHeader(_ p: UnsafeMutableRawPointer, size: Int, path: String) throws
        -> (metadata: [String: String], entries: [String: Entry], dataStart: Int) {
        let n = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
        guard n <= UInt64(size - 8) else {
            throw AttuneError.invalidFile(path: path, what: "header length \(n) runs past the end of the \(size)-byte file (truncated?)")
        }
        let headerLength = Int(n), dataStart = 8 + headerLength, dataSize = size - dataStart
        let json = Data(bytes: p + 8, count: headerLength)
        guard let object = try? JSONSerialization.jsonObject(with: json), let header = object as? [String: Any] else {
            throw AttuneError.invalidFile(path: path, what: "header is not a JSON object")
        }
        var metadata: [String: String] = [:]
        var entries: [String: Entry] = [:]
        for (name, value) in header {
            if name == "__metadata__" {
                guard let m = value as? [String: Any] else {
                    throw AttuneError.invalidFile(path: path, what: "__metadata__ is not an object")
                }
                for (k, v) in m {
                    guard let s = v as? String else {
                        throw AttuneError.invalidFile(path: path, what: "__metadata__ value for \(k) is not a string")
                    }
                    metadata[k] = s
                }
                continue
            }
            guard let e = value as? [String: Any] else {
                throw AttuneError.invalidFile(path: path, what: "tensor \(name): header entry is not an object")
            }
            guard let dtype = e["dtype"] as? String else {
                throw AttuneError.invalidFile(path: path, what: "tensor \(name): missing or non-string dtype")
            }
            guard let elem = elementSize(dtype) else {
                throw AttuneError.invalidFile(path: path, what: "tensor \(name): unknown dtype \(dtype)")
            }
            guard let shape = intArray(e["shape"]), shape.allSatisfy({ $0 >= 0 }) else {
                throw AttuneError.invalidFile(path: path, what: "tensor \(name): missing or invalid shape")
            }
            guard let offsets = intArray(e["data_offsets"]), offsets.count == 2 else {
                throw AttuneError.invalidFile(path: path, what: "tensor \(name): missing or invalid data_offsets")
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end, end <= dataSize else {
                throw AttuneError.invalidFile(path: path, what: "tensor \(name): data_offsets [\(begin), \(end)] out of bounds (data section is \(dataSize) bytes)")
            }
            var elements = 1
            for d in shape {
                let (m, overflow) = elements.multipliedReportingOverflow(by: d)
                guard !overflow else { throw AttuneError.invalidFile(path: path, what: "tensor \(name): shape \(shape) too large") }
                elements = m
            }
            let (expected, overflow) = elements.multipliedReportingOverflow(by: elem)
            guard !overflow, end - begin == expected else {
                throw AttuneError.invalidFile(path: path, what: "tensor \(name): \(end - begin) bytes but \(dtype) \(shape) needs \(expected)")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, begin: begin, end: end)
        }
        // No two tensors may share bytes (empty tensors occupy none).
        let ranges = entries.filter { $0.value.end > $0.value.begin }
            .sorted { ($0.value.begin, $0.key) < ($1.value.begin, $1.key) }
        for (a, b) in zip(ranges, ranges.dropFirst()) where b.value.begin < a.value.end {
            throw AttuneError.invalidFile(path: path, what: "tensor \(b.key) overlaps tensor \(a.key) (bytes \(b.value.begin) < \(a.value.end))")
        }
        return (metadata, entries, dataStart)
    }

    /// JSON numbers as Ints (JSONSerialization yields NSNumber / Int depending on platform).
    private static func intArray(_ value: Any?) -> [Int]? {
        guard let array = value as? [Any] else { return nil }
        var out: [Int] = []
        for v in array {
            guard let n = v as? NSNumber, let i = Int(exactly: n.doubleValue), Double(i) == n.doubleValue else { return nil }
            out.append(i)
        }
        return out
    }

    /// The shape of `name`, or nil when the file has no such tensor.
    public func shape(_ name: String) -> [Int]? { entries[name]?.shape }

    /// The dtype of `name` (`F32`, `F16`, `BF16`, `I64`, …), or nil when absent.
    public func dtype(_ name: String) -> String? { entries[name]?.dtype }

    /// Does the file hold a tensor called `name`?
    public func contains(_ name: String) -> Bool { entries[name] != nil }

    private func entry(_ name: String) throws -> Entry {
        guard let e = entries[name] else {
            throw AttuneError.invalidFile(path: url.path, what: "no tensor named \(name)")
        }
        return e
    }

    private func bytes(_ e: Entry) -> UnsafeRawPointer { UnsafeRawPointer(base!) + dataStart + e.begin }

    /// A Float32 copy of `name`. F16 and BF16 are widened exactly; I64 is converted only for
    /// `position_ids` (read other integer tensors with `int64s`).
    public func tensor(_ name: String, requiresGrad: Bool = false) throws -> Tensor {
        let e = try entry(name)
        let out = Tensor(zeros: e.shape, requiresGrad: requiresGrad, name: name)
        let count = out.count, src = bytes(e), dst = out.data
        switch e.dtype {
        case "F32":
            if count > 0 { UnsafeMutableRawPointer(dst).copyMemory(from: src, byteCount: count * 4) }
            #if _endian(big)
            for i in 0..<count { dst[i] = Float(bitPattern: UInt32(littleEndian: dst[i].bitPattern)) }
            #endif
        case "F16":
            for i in 0..<count {
                dst[i] = halfToFloat(UInt16(littleEndian: src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
            }
        case "BF16":
            for i in 0..<count {
                let h = UInt16(littleEndian: src.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                dst[i] = Float(bitPattern: UInt32(h) << 16)
            }
        case "I64" where name.hasSuffix("position_ids"):
            for i in 0..<count {
                dst[i] = Float(Int64(littleEndian: src.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self)))
            }
        default:
            throw AttuneError.invalidFile(path: url.path, what: "tensor \(name): dtype \(e.dtype) cannot be read as Float32 (supported: F32, F16, BF16; I64 only for position_ids)")
        }
        return out
    }

    /// The values of an I64 tensor.
    public func int64s(_ name: String) throws -> [Int64] {
        let e = try entry(name)
        guard e.dtype == "I64" else {
            throw AttuneError.invalidFile(path: url.path, what: "tensor \(name): dtype \(e.dtype), expected I64")
        }
        let count = (e.end - e.begin) / 8, src = bytes(e)
        return (0..<count).map { Int64(littleEndian: src.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self)) }
    }
}

/// IEEE 754 half → single, exact for every value (normals, subnormals, ±0, ±inf, NaN).
@inline(__always) func halfToFloat(_ h: UInt16) -> Float {
    let sign = UInt32(h & 0x8000) << 16
    let exponent = UInt32(h >> 10) & 0x1F
    let mantissa = UInt32(h & 0x03FF)
    if exponent == 0 {
        // ±0 or subnormal: mantissa × 2^-24.
        let magnitude = Float(mantissa) * Float(bitPattern: 0x3380_0000)
        return Float(bitPattern: sign | magnitude.bitPattern)
    }
    if exponent == 0x1F { return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13)) }
    return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
}

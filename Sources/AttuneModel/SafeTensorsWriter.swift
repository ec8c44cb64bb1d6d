import AttuneCore
import AttuneData
import Foundation

/// Writing safetensors files.
public enum SafeTensors {
    /// Write `tensors` as F32 in the given order, with `metadata` under `__metadata__`, the header
    /// padded with spaces to a multiple of 8 bytes as Hugging Face does. The file appears whole
    /// or not at all (`atomicWrite`). Names must be unique and non-empty.
    public static func write(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:], to url: URL) throws {
        var seen = Set<String>()
        for (name, _) in tensors {
            guard !name.isEmpty, name != "__metadata__" else {
                throw AttuneError.invalidFile(path: url.path, what: "invalid tensor name \"\(name)\"")
            }
            guard seen.insert(name).inserted else {
                throw AttuneError.invalidFile(path: url.path, what: "tensor \(name) given twice")
            }
        }
        var header = "{"
        var parts: [String] = []
        if !metadata.isEmpty {
            let items = metadata.keys.sorted().map { "\(jsonQuoted($0)):\(jsonQuoted(metadata[$0]!))" }
            parts.append("\"__metadata__\":{\(items.joined(separator: ","))}")
        }
        var offset = 0
        for (name, t) in tensors {
            let bytes = t.count * 4
            parts.append("\(jsonQuoted(name)):{\"dtype\":\"F32\",\"shape\":[\(t.shape.map(String.init).joined(separator: ","))],\"data_offsets\":[\(offset),\(offset + bytes)]}")
            offset += bytes
        }
        header += parts.joined(separator: ",") + "}"
        var headerBytes = Array(header.utf8)
        while (8 + headerBytes.count) % 8 != 0 { headerBytes.append(0x20) }

        var data = Data(capacity: 8 + headerBytes.count + offset)
        withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: headerBytes)
        for (_, t) in tensors where t.count > 0 {
            #if _endian(little)
            data.append(UnsafeBufferPointer(start: t.data, count: t.count))
            #else
            let le = (0..<t.count).map { t.data[$0].bitPattern.littleEndian }
            le.withUnsafeBytes { data.append(contentsOf: $0) }
            #endif
        }
        try atomicWrite(data, to: url)
    }
}

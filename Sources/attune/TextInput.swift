import AttuneCore
import Foundation

/// Texts from a `.jsonl` file (one object per line, `field` holding the text) or a plain text file
/// (one text per line). Errors name the file and line.
enum TextInput {
    static func read(_ path: String, field: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw AttuneError.fileNotFound(path: path) }
        if isFolder.boolValue { throw AttuneError.invalidFile(path: path, what: "is a folder, not a file of texts") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AttuneError.invalidFile(path: path, what: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AttuneError.invalidFile(path: path, what: "is not valid UTF-8")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if lines.last == "" { lines.removeLast() }
        if !path.hasSuffix(".jsonl") && !path.hasSuffix(".json") {
            guard lines.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw AttuneError.invalidFile(path: path, what: "no texts (the file is empty)")
            }
            return lines.map(String.init)
        }
        var texts: [String] = []
        for (i, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let obj: Any
            do { obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) }
            catch { throw AttuneError.badLine(path: path, line: i + 1, what: "not valid JSON") }
            guard let dict = obj as? [String: Any] else {
                throw AttuneError.badLine(path: path, line: i + 1, what: "expected a JSON object")
            }
            guard let value = dict[field] else {
                throw AttuneError.badLine(path: path, line: i + 1, what: "missing field \"\(field)\"")
            }
            guard let s = value as? String else {
                throw AttuneError.badLine(path: path, line: i + 1, what: "field \"\(field)\" is not a string")
            }
            texts.append(s)
        }
        guard !texts.isEmpty else { throw AttuneError.invalidFile(path: path, what: "no texts (the file is empty)") }
        return texts
    }
}

/// Output: a file written whole (temp + rename), or stdout.
enum Output {
    static func write(_ data: Data, to path: String?) throws {
        if let path { try atomicWrite(data, to: URL(fileURLWithPath: path)) }
        else { FileHandle.standardOutput.write(data) }
    }

    /// A float32 `.npy` matrix (format 1.0).
    static func npy(_ values: UnsafePointer<Float>, rows: Int, cols: Int) -> Data {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(cols)), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var d = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let len = UInt16(header.utf8.count)
        d.append(contentsOf: [UInt8(len & 0xff), UInt8(len >> 8)])
        d.append(contentsOf: Array(header.utf8))
        d.append(UnsafeBufferPointer(start: values, count: rows * cols))
        return d
    }


}

import Foundation

/// Texts to embed or tokenize: from a `.jsonl` (or `.json`) file, one object per line with the
/// text in `field`, or from any other file, one text per line. Errors name the file and line.
public enum TextFile {
    /// The texts of the file at `url`, in file order.
    /// - Throws: `AttuneError` naming the file (missing, a folder, not UTF-8, no texts) or the line
    ///   (not a JSON object, no `field`, `field` not a string).
    public static func read(_ url: URL, field: String) throws -> [String] {
        let path = url.path
        guard path.hasSuffix(".jsonl") || path.hasSuffix(".json") else {
            // "\r\n" is one Character in Swift, so both line ends are named.
            var lines = try DataFile.text(url).split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
                .map(String.init)
            if lines.last == "" { lines.removeLast() }
            guard lines.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw AttuneError.invalidFile(path: path, what: "no texts (the file is empty)")
            }
            return lines
        }
        var texts: [String] = []
        try JSONLines.forEach(in: url) { line, members in
            switch members[field] {
            case .string(let s)?: texts.append(s)
            case nil: throw AttuneError.badLine(path: path, line: line, what: "missing field \"\(field)\"")
            case let other?: throw AttuneError.badLine(path: path, line: line, what: "field \"\(field)\" is \(other.typeName), expected a string")
            }
        }
        guard !texts.isEmpty else { throw AttuneError.invalidFile(path: path, what: "no texts (the file is empty)") }
        return texts
    }
}

/// NumPy's `.npy` format (version 1.0).
public enum NPY {
    /// A C-order float32 matrix of `rows` × `cols` values as `.npy` bytes.
    public static func float32Matrix(_ values: UnsafeBufferPointer<Float>, rows: Int, cols: Int) -> Data {
        precondition(values.count == rows * cols, "NPY: \(values.count) values for a \(rows)×\(cols) matrix")
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(cols)), }"
        header += String(repeating: " ", count: (64 - (10 + header.utf8.count + 1) % 64) % 64) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        withUnsafeBytes(of: UInt16(header.utf8.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: Array(header.utf8))
        // Every platform Swift runs Attune on is little-endian, as '<f4' says.
        data.append(values)
        return data
    }
}

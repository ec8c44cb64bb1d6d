import Foundation

/// Reading a whole input file, with the errors every reader gives: a missing path, a folder where
/// a file belongs, an unreadable file, text that is not UTF-8.
public enum DataFile {
    /// The bytes of the file at `url`.
    /// - Throws: `AttuneError.fileNotFound`, or `AttuneError.invalidFile` for a folder or a file
    ///   that cannot be read.
    public static func bytes(_ url: URL) throws -> Data {
        let path = url.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw AttuneError.fileNotFound(path: path) }
        if isFolder.boolValue { throw AttuneError.invalidFile(path: path, what: "is a folder, not a file") }
        do { return try Data(contentsOf: url, options: .mappedIfSafe) } catch {
            throw AttuneError.invalidFile(path: path, what: "cannot be read (\(error.localizedDescription))")
        }
    }

    /// The file at `url` as UTF-8 text (a leading byte-order mark is dropped).
    /// - Throws: as `bytes`, and `AttuneError.invalidFile` when the text is not valid UTF-8.
    public static func text(_ url: URL) throws -> String {
        let data = try bytes(url)
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            throw AttuneError.invalidFile(path: url.path, what: "is not valid UTF-8 text")
        }
        return text
    }
}

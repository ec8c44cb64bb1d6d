import AttuneCore
import AttuneData
import Foundation

/// A JSON object read from a config file, with typed field access whose errors name the file
/// and the field (`AttuneError.badConfig`).
struct ConfigJSON {
    let source: String
    let object: [String: Any]

    /// Read `url`; a missing file is `fileNotFound`, malformed JSON is `badConfig`.
    init(_ url: URL) throws {
        source = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw AttuneError.fileNotFound(path: url.path)
        }
        guard let any = try? JSONSerialization.jsonObject(with: data) else {
            throw AttuneError.badConfig(source: source, field: "(file)", what: "not valid JSON")
        }
        guard let dict = any as? [String: Any] else {
            throw AttuneError.badConfig(source: source, field: "(file)", what: "expected a JSON object at the top level")
        }
        object = dict
    }

    init(source: String, object: [String: Any]) {
        self.source = source
        self.object = object
    }

    func has(_ key: String) -> Bool { object[key] != nil && !(object[key] is NSNull) }

    func fail(_ key: String, _ what: String) -> AttuneError { .badConfig(source: source, field: key, what: what) }

    /// An integer field; `fallback` when absent (nil fallback: required).
    func int(_ key: String, _ fallback: Int? = nil) throws -> Int {
        guard has(key) else {
            if let fallback { return fallback }
            throw fail(key, "missing")
        }
        guard let n = object[key] as? NSNumber, let i = Int(exactly: n.doubleValue) else {
            throw fail(key, "expected an integer, got \(object[key]!)")
        }
        return i
    }

    func positiveInt(_ key: String, _ fallback: Int? = nil) throws -> Int {
        let i = try int(key, fallback)
        guard i > 0 else { throw fail(key, "must be positive, got \(i)") }
        return i
    }

    func double(_ key: String, _ fallback: Double? = nil) throws -> Double {
        guard has(key) else {
            if let fallback { return fallback }
            throw fail(key, "missing")
        }
        guard let n = object[key] as? NSNumber else {
            throw fail(key, "expected a number, got \(object[key]!)")
        }
        return n.doubleValue
    }

    func bool(_ key: String, _ fallback: Bool? = nil) throws -> Bool {
        guard has(key) else {
            if let fallback { return fallback }
            throw fail(key, "missing")
        }
        guard let b = object[key] as? Bool else { throw fail(key, "expected true or false, got \(object[key]!)") }
        return b
    }

    func string(_ key: String, _ fallback: String? = nil) throws -> String {
        guard has(key) else {
            if let fallback { return fallback }
            throw fail(key, "missing")
        }
        guard let s = object[key] as? String else { throw fail(key, "expected a string, got \(object[key]!)") }
        return s
    }
}

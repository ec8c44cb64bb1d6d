import Foundation

/// A request body's JSON, kept with its types (a number is never read as a Boolean, nor a Boolean
/// as a number), so each field's check can say exactly what it got.
enum JSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    /// Parse a request body; the error says why it is not JSON.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ServeError(.invalidRequest, "the request body is not valid UTF-8", status: 400)
        }
        do { return try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) } catch {
            throw ServeError(.invalidRequest, "the request body is not valid JSON\(JSONValue.where(error))", status: 400)
        }
    }

    private static func `where`(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let ctx) = error else { return "" }
        if let under = ctx.underlyingError { return ": \((under as NSError).localizedDescription)" }
        return ctx.debugDescription.isEmpty ? "" : ": \(ctx.debugDescription)"
    }

    /// The JSON type's name, for messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A request's fields with typed accessors whose errors name the field.
struct JSONFields {
    let fields: [String: JSONValue]

    init(_ body: JSONValue) throws {
        guard case .object(let f) = body else {
            throw ServeError(.invalidRequest, "the request body must be a JSON object, not \(body.typeName)", status: 400)
        }
        fields = f
    }

    func has(_ key: String) -> Bool {
        if case .some(.null) = fields[key] { return false }
        return fields[key] != nil
    }

    func string(_ key: String) throws -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let v?: throw ServeError(.invalidRequest, "\(key) must be a string, not \(v.typeName)", param: key, status: 400)
        }
    }

    func bool(_ key: String) throws -> Bool? {
        switch fields[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        case let v?: throw ServeError(.invalidRequest, "\(key) must be true or false, not \(v.typeName)", param: key, status: 400)
        }
    }

    func int(_ key: String) throws -> Int? {
        switch fields[key] {
        case nil, .null?: return nil
        case .int(let i)?: return i
        case let v?: throw ServeError(.invalidRequest, "\(key) must be an integer, not \(v.typeName)", param: key, status: 400)
        }
    }

    /// `key` as an array of strings (absent or null: empty).
    func strings(_ key: String) throws -> [String] {
        switch fields[key] {
        case nil, .null?: return []
        case .array(let items)?:
            return try items.enumerated().map { i, item in
                guard case .string(let s) = item else {
                    throw ServeError(.invalidRequest, "\(key)[\(i)] must be a string, not \(item.typeName)", param: key, status: 400)
                }
                return s
            }
        case let v?: throw ServeError(.invalidRequest, "\(key) must be an array of strings, not \(v.typeName)", param: key, status: 400)
        }
    }

    /// `key` as OpenAI's / TEI's `input`: a string, an array of strings, an array of token ids, or
    /// an array of token-id arrays.
    func inputs(_ key: String) throws -> [EmbeddingInput] {
        let what = "\(key) must be a string, an array of strings, an array of token ids or an array of token-id arrays"
        guard let value = fields[key], !isNull(value) else {
            throw ServeError(.invalidRequest, "\(key) is required: \(what)", param: key, status: 400)
        }
        switch value {
        case .string(let s): return [.text(s)]
        case .array(let items):
            guard let first = items.first else {
                throw ServeError(.invalidRequest, "\(key) is an empty array: give at least one text", param: key, status: 400)
            }
            if case .int = first {
                return [.tokens(try items.enumerated().map { i, v in try tokenId(v, at: "\(key)[\(i)]", param: key) })]
            }
            return try items.enumerated().map { i, item in
                switch item {
                case .string(let s): return .text(s)
                case .array(let ids):
                    return .tokens(try ids.enumerated().map { j, v in try tokenId(v, at: "\(key)[\(i)][\(j)]", param: key) })
                default:
                    throw ServeError(.invalidRequest, "\(key)[\(i)] is \(item.typeName): \(what)", param: key, status: 400)
                }
            }
        default:
            throw ServeError(.invalidRequest, "\(key) is \(value.typeName): \(what)", param: key, status: 400)
        }
    }

    private func isNull(_ v: JSONValue) -> Bool { if case .null = v { return true }; return false }

    private func tokenId(_ v: JSONValue, at: String, param: String) throws -> Int {
        guard case .int(let i) = v else {
            throw ServeError(.invalidRequest, "\(at) is \(v.typeName); a token array holds integers only", param: param, status: 400)
        }
        return i
    }
}

/// `s` as a JSON string literal.
func jsonQuote(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
        default: out.unicodeScalars.append(u)
        }
    }
    return out + "\""
}

/// Floats as a JSON array, each written so that it reads back as the same Float.
func jsonFloats(_ xs: ArraySlice<Float>, into out: inout String) {
    out += "["
    var first = true
    for x in xs {
        if !first { out += "," }
        first = false
        out += x.isFinite ? "\(x)" : "0"
    }
    out += "]"
}

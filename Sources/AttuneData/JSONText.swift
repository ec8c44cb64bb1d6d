import Foundation

extension String {
    /// This string with every Unicode scalar for which `replacement` gives a text replaced by that
    /// text, the others kept as they are. JSON, YAML and HTML quoting are built on it.
    public func escaping(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 2)
        for u in unicodeScalars {
            if let r = replacement(u) { out += r } else { out.unicodeScalars.append(u) }
        }
        return out
    }
}

/// `s` as a JSON string literal, quotes included: `"`, `\`, and control characters escaped, every
/// other character as is (UTF-8). Also a valid YAML double-quoted scalar.
public func jsonQuoted(_ s: String) -> String {
    "\"" + s.escaping { u in
        switch u {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return u.value < 0x20 || u.value == 0x7F ? String(format: "\\u%04x", u.value) : nil
        }
    } + "\""
}

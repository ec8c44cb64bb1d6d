import Foundation

/// OpenAI's embeddings API: `POST /v1/embeddings`, `GET /v1/models`, and its error shape
/// `{"error": {"message", "type", "param", "code"}}`.
struct OpenAIAPI: Sendable {
    let service: EmbeddingService

    /// `POST /v1/embeddings`: `input` (string, strings, token ids, token-id arrays), `model`,
    /// `encoding_format` (`float` or `base64`: little-endian float32 bytes), `dimensions`
    /// (Matryoshka prefix, re-normalised), `user` (ignored).
    func embeddings(_ body: [UInt8]) async throws -> String {
        let f = try JSONFields(JSONValue.parse(body))
        guard let model = try f.string("model") else {
            throw ServeError(.invalidRequest, "model is required: this server serves \(service.modelName)", param: "model", status: 400)
        }
        guard service.accepts(model) else {
            throw ServeError(.modelNotFound, "The model `\(model)` does not exist; this server serves `\(service.modelName)`", param: "model")
        }
        let format = try f.string("encoding_format") ?? "float"
        guard format == "float" || format == "base64" else {
            throw ServeError(.invalidRequest, "encoding_format \(format): must be float or base64", param: "encoding_format", status: 400)
        }
        let dims = try f.int("dimensions")
        if let dims, dims < 1 || dims > service.dimension {
            throw ServeError(.invalidRequest, "dimensions \(dims): must be between 1 and the model's \(service.dimension)", param: "dimensions", status: 400)
        }
        _ = try f.string("user")
        let inputs = try f.inputs("input")
        let e = try await service.embed(inputs, dimensions: dims, field: "input")

        var out = "{\"object\":\"list\",\"data\":["
        out.reserveCapacity(e.count * e.dimension * (format == "float" ? 12 : 6) + 256)
        for i in 0..<e.count {
            if i > 0 { out += "," }
            out += "{\"object\":\"embedding\",\"index\":\(i),\"embedding\":"
            if format == "base64" {
                out += "\"" + base64(e.row(i)) + "\""
            } else {
                jsonFloats(e.row(i), into: &out)
            }
            out += "}"
        }
        out += "],\"model\":\(jsonQuote(service.modelName)),\"usage\":{\"prompt_tokens\":\(e.tokens),\"total_tokens\":\(e.tokens)}}"
        return out
    }

    /// `GET /v1/models`: the one model served.
    func models() -> String {
        "{\"object\":\"list\",\"data\":[{\"id\":\(jsonQuote(service.modelName)),\"object\":\"model\",\"created\":0,\"owned_by\":\"attune\"}]}"
    }

    /// OpenAI's error body.
    static func error(_ e: ServeError) -> String {
        let param = e.param.map(jsonQuote) ?? "null"
        let code = e.openAICode.map(jsonQuote) ?? "null"
        return "{\"error\":{\"message\":\(jsonQuote(e.message)),\"type\":\(jsonQuote(e.openAIType)),\"param\":\(param),\"code\":\(code)}}"
    }

    /// Little-endian float32 bytes, base64 (what the `openai` client decodes).
    private func base64(_ row: ArraySlice<Float>) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(row.count * 4)
        for x in row {
            let b = x.bitPattern.littleEndian
            bytes.append(UInt8(truncatingIfNeeded: b)); bytes.append(UInt8(truncatingIfNeeded: b >> 8))
            bytes.append(UInt8(truncatingIfNeeded: b >> 16)); bytes.append(UInt8(truncatingIfNeeded: b >> 24))
        }
        return Data(bytes).base64EncodedString()
    }
}

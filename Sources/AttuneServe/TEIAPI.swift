import Foundation

/// Hugging Face text-embeddings-inference's API: `POST /embed`, `GET /info`, `GET /health`, and
/// its error shape `{"error", "error_type"}`.
struct TEIAPI: Sendable {
    let service: EmbeddingService

    /// `POST /embed`: `inputs` (string or strings; token ids too), `normalize` (default true),
    /// `truncate` (default false: an input over `--max-input-tokens` is refused), `prompt_name`,
    /// `dimensions`. Answers `[[Float]]`, one row per input.
    func embed(_ body: [UInt8]) async throws -> String {
        let f = try JSONFields(JSONValue.parse(body))
        let normalize = try f.bool("normalize") ?? true
        let truncate = try f.bool("truncate") ?? false
        if let direction = try f.string("truncation_direction"), direction.lowercased() != "right" {
            throw ServeError(.invalidRequest, "truncation_direction \(direction): only Right is supported", param: "truncation_direction")
        }
        let prompt = try f.string("prompt_name").map { try service.prompt(named: $0) }
        let dims = try f.int("dimensions")
        let inputs = try f.inputs("inputs")
        let e = try await service.embed(inputs, prompt: prompt, truncate: truncate, normalize: normalize, dimensions: dims, field: "inputs")
        var out = "["
        out.reserveCapacity(e.count * e.dimension * 12 + 16)
        for i in 0..<e.count {
            if i > 0 { out += "," }
            jsonFloats(e.row(i), into: &out)
        }
        return out + "]"
    }

    /// `GET /info`: the model and the limits, in TEI's field names.
    func info() -> String {
        let c = service.configuration
        let dtype = ["fp32": "float32", "bf16": "bfloat16", "int8": "int8"][service.precision] ?? service.precision
        return "{\"model_id\":\(jsonQuote(service.modelName)),\"model_sha\":null,\"model_dtype\":\(jsonQuote(dtype)),"
            + "\"model_type\":{\"embedding\":{\"pooling\":\(jsonQuote(service.pooling))}},"
            + "\"max_concurrent_requests\":\(c.maxConcurrentRequests),\"max_input_length\":\(c.maxInputTokens),"
            + "\"max_batch_tokens\":\(c.maxBatchTokens),\"max_batch_requests\":null,\"max_client_batch_size\":\(c.maxClientBatchSize),"
            + "\"auto_truncate\":false,\"tokenization_workers\":1,\"version\":\(jsonQuote(AttuneServer.version)),"
            + "\"sha\":null,\"docker_label\":null,\"dimension\":\(service.dimension),\"window\":\(service.window)}"
    }

    /// TEI's error body.
    static func error(_ e: ServeError) -> String {
        "{\"error\":\(jsonQuote(e.message)),\"error_type\":\(jsonQuote(e.teiType))}"
    }
}

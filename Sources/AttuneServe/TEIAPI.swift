import Foundation

/// Hugging Face text-embeddings-inference's API: `POST /embed`, `POST /rerank`, `GET /info`,
/// `GET /health`, and its error shape `{"error", "error_type"}`.
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

    /// `POST /rerank`: `query`, `texts` (required), `truncate` (default false: a pair over the
    /// reranker's length is refused), `truncation_direction` (Right only), `raw_scores` (default
    /// false: σ(logit)), `return_text`. Answers `[{"index", "text"?, "score"}]`, best first.
    func rerank(_ body: [UInt8]) async throws -> String {
        guard let reranker = service.reranker else {
            throw ServeError(.noModel, "model is not a re-ranker model: this server has no reranker; start attune serve with --reranker CE_DIR")
        }
        let f = try JSONFields(JSONValue.parse(body))
        guard let query = try f.string("query") else {
            throw ServeError(.invalidRequest, "query is required: the string to rank texts against", param: "query")
        }
        guard f.has("texts") else {
            throw ServeError(.invalidRequest, "texts is required: an array of strings to rank against query", param: "texts")
        }
        let texts = try f.strings("texts")
        let truncate = try f.bool("truncate") ?? false
        if let direction = try f.string("truncation_direction"), direction.lowercased() != "right" {
            throw ServeError(.invalidRequest, "truncation_direction \(direction): only Right is supported", param: "truncation_direction")
        }
        let raw = try f.bool("raw_scores") ?? false
        let returnText = try f.bool("return_text") ?? false
        let ranked = try await reranker.rerank(query: query, texts: texts, truncate: truncate, rawScores: raw)
        var out = "["
        for (n, r) in ranked.enumerated() {
            if n > 0 { out += "," }
            out += "{\"index\":\(r.index),"
            if returnText { out += "\"text\":\(jsonQuote(texts[r.index]))," }
            out += "\"score\":\(r.score.isFinite ? "\(r.score)" : "null")}"
        }
        return out + "]"
    }

    /// TEI's dtype names.
    static func dtype(_ precision: String) -> String {
        ["fp32": "float32", "bf16": "bfloat16", "int8": "int8"][precision] ?? precision
    }

    /// `GET /info`: the model and the limits, in TEI's field names; with a reranker, also
    /// `reranker`: its `model_id`, `model_dtype`, `model_type` (TEI's `{"reranker": {"id2label",
    /// "label2id"}}`) and `max_input_length` (its pair length, or `--max-input-tokens` if lower).
    func info() -> String {
        let c = service.configuration
        let dtype = TEIAPI.dtype(service.precision)
        var reranker = "null"
        if let r = service.reranker {
            let id2label = r.labels.enumerated().map { "\(jsonQuote(String($0.offset))):\(jsonQuote($0.element))" }.joined(separator: ",")
            let label2id = r.labels.enumerated().map { "\(jsonQuote($0.element)):\($0.offset)" }.joined(separator: ",")
            reranker = "{\"model_id\":\(jsonQuote(r.name)),\"model_dtype\":\(jsonQuote(TEIAPI.dtype(r.precision))),"
                + "\"model_type\":{\"reranker\":{\"id2label\":{\(id2label)},\"label2id\":{\(label2id)}}},"
                + "\"max_input_length\":\(r.pairLimit)}"
        }
        return "{\"model_id\":\(jsonQuote(service.modelName)),\"model_sha\":null,\"model_dtype\":\(jsonQuote(dtype)),"
            + "\"model_type\":{\"embedding\":{\"pooling\":\(jsonQuote(service.pooling))}},"
            + "\"max_concurrent_requests\":\(c.maxConcurrentRequests),\"max_input_length\":\(c.maxInputTokens),"
            + "\"max_batch_tokens\":\(c.maxBatchTokens),\"max_batch_requests\":null,\"max_client_batch_size\":\(c.maxClientBatchSize),"
            + "\"auto_truncate\":false,\"tokenization_workers\":1,\"version\":\(jsonQuote(AttuneServer.version)),"
            + "\"sha\":null,\"docker_label\":null,\"dimension\":\(service.dimension),\"window\":\(service.window),"
            + "\"reranker\":\(reranker)}"
    }

    /// TEI's error body.
    static func error(_ e: ServeError) -> String {
        "{\"error\":\(jsonQuote(e.message)),\"error_type\":\(jsonQuote(e.teiType))}"
    }
}

import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import AttuneServe
import ArgumentParser
import Foundation

/// `attune serve`: the model behind OpenAI's `/v1/embeddings` and TEI's `/embed`, and a
/// cross-encoder behind TEI's `/rerank` with `--reranker` (see docs/serve.md).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a model over HTTP: OpenAI /v1/embeddings, TEI /embed (and /rerank with --reranker), /metrics (loopback unless --host and an API key).")

    @OptionGroup var modelOption: ModelOption
    @OptionGroup var runtime: RuntimeOptions
    @OptionGroup var precisionOption: PrecisionOption
    @OptionGroup var dimOption: DimOption
    @Option(help: "The address to listen on; anything but loopback needs an API key.") var host = "127.0.0.1"
    @Option(help: "The TCP port.") var port = 8080
    @Option(help: "Tokens per encoder batch, summed over its texts.") var maxBatchTokens = 16384
    @Option(help: "Inputs (/rerank: texts) per request.") var maxClientBatchSize = 2048
    @Option(help: "Tokens per input ([CLS] and [SEP] included) before the model's window cuts it; longer inputs are refused (TEI: unless truncate); /rerank: tokens per pair, at most the reranker's length.") var maxInputTokens = 8192
    @Option(help: "Requests queued or running at once; more are answered 429.") var maxConcurrentRequests = 512
    @Option(help: "Bytes per request body.") var maxBodyBytes = 2 * 1024 * 1024
    @Option(help: "Seconds a request may wait for the encoder before it is answered 503.") var requestTimeout: Double = 60
    @Option(help: "A file whose first line is the API key (else ATTUNE_API_KEY); clients send Authorization: Bearer KEY.") var apiKeyFile: String?
    @Option(help: "A cross-encoder folder to serve behind TEI's POST /rerank (see docs/rerankers.md).") var reranker: String?
    @Option(help: "The reranker's arithmetic: fp32 (default), bf16 or int8.") var rerankerPrecision: Precision?

    func validate() throws {
        if reranker == nil && rerankerPrecision != nil {
            throw ValidationError("--reranker-precision needs --reranker CE")
        }
    }

    func run() throws {
        runtime.apply()
        var config = ServeConfiguration()
        config.host = host
        config.port = port
        config.maxBatchTokens = maxBatchTokens
        config.maxClientBatchSize = maxClientBatchSize
        config.maxInputTokens = maxInputTokens
        config.maxConcurrentRequests = maxConcurrentRequests
        config.maxBodyBytes = maxBodyBytes
        config.requestTimeout = requestTimeout
        config.apiKey = try ServeConfiguration.loadAPIKey(file: apiKeyFile)
        try config.validate()
        var model = try modelOption.load()
        try DimOption.apply(dimOption.dim, to: &model)
        try precisionOption.apply(to: &model)
        // A path serves under its folder's name (the path is accepted as `model` too).
        let name = modelOption.model.contains("/") ? URL(fileURLWithPath: modelOption.model).lastPathComponent : modelOption.model
        // The reranker's id in /info: its folder's name, as for the model.
        let stage2 = try reranker.map { path -> Reranker in
            let loaded = try loadReranker(path, maxLength: nil, precision: rerankerPrecision ?? .fp32, strict: precisionOption.strictPrecision)
            return try Reranker(model: loaded.model, name: path.contains("/") ? URL(fileURLWithPath: path).lastPathComponent : path)
        }
        let service = EmbeddingService(model: model, name: name, configuration: config, reranker: stage2)
        let summary = "\(name) (\(model.precisionKernel), \(model.outputDimension) dims)"
            + (stage2.map { " and reranker \($0.name) (\($0.model.precision.rawValue), \($0.model.maxLength) tokens)" } ?? "")
        let routes = stage2 == nil ? "POST /v1/embeddings, POST /embed, GET /metrics" : "POST /v1/embeddings, POST /embed, POST /rerank, GET /metrics"
        let shown = host.contains(":") ? "[\(host)]" : host
        try AttuneServer(service: service).runBlocking { port in
            note("attune serve: \(summary) on http://\(shown):\(port) (\(routes))")
        }
        note("attune serve: stopped")
    }
}

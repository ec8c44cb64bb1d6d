import AttuneData
import AttuneModel
import AttuneServe
import ArgumentParser
import Foundation

/// `attune serve`: the model behind OpenAI's `/v1/embeddings` and TEI's `/embed` (see docs/serve.md).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a model over HTTP: OpenAI /v1/embeddings, TEI /embed, /metrics (loopback unless --host and an API key).")

    @OptionGroup var modelOption: ModelOption
    @OptionGroup var runtime: RuntimeOptions
    @OptionGroup var precisionOption: PrecisionOption
    @OptionGroup var dimOption: DimOption
    @Option(help: "The address to listen on; anything but loopback needs an API key.") var host = "127.0.0.1"
    @Option(help: "The TCP port.") var port = 8080
    @Option(help: "Tokens per encoder batch, summed over its texts.") var maxBatchTokens = 16384
    @Option(help: "Inputs per request.") var maxClientBatchSize = 2048
    @Option(help: "Tokens per input ([CLS] and [SEP] included) before the model's window cuts it; longer inputs are refused (TEI: unless truncate).") var maxInputTokens = 8192
    @Option(help: "Requests queued or running at once; more are answered 429.") var maxConcurrentRequests = 512
    @Option(help: "Bytes per request body.") var maxBodyBytes = 2 * 1024 * 1024
    @Option(help: "Seconds a request may wait for the encoder before it is answered 503.") var requestTimeout: Double = 60
    @Option(help: "A file whose first line is the API key (else ATTUNE_API_KEY); clients send Authorization: Bearer KEY.") var apiKeyFile: String?

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
        let service = EmbeddingService(model: model, name: name, configuration: config)
        let summary = "\(name) (\(model.precisionKernel), \(model.outputDimension) dims)"
        let shown = host.contains(":") ? "[\(host)]" : host
        try AttuneServer(service: service).runBlocking { port in
            note("attune serve: \(summary) on http://\(shown):\(port) (POST /v1/embeddings, POST /embed, GET /metrics)")
        }
        note("attune serve: stopped")
    }
}

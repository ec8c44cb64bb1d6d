import AttuneCore
import AttuneModel
import AttuneSearch
import Foundation

/// One input of a request: a text, or token ids of the model's own vocabulary (OpenAI's token
/// arrays; no [CLS]/[SEP], which are added).
public enum EmbeddingInput: Sendable, Equatable {
    case text(String)
    case tokens([Int])
}

/// Embeddings for one request: `count` rows of `dimension` floats, flat, in input order.
public struct Embeddings: Sendable {
    public var values: [Float]
    public var count: Int
    public var dimension: Int
    /// Tokens the encoder ran, [CLS] and [SEP] included (OpenAI's `usage.prompt_tokens`).
    public var tokens: Int

    public func row(_ i: Int) -> ArraySlice<Float> { values[(i * dimension)..<((i + 1) * dimension)] }
}

/// The model behind both APIs: checks a request's inputs against the limits, tokenises them as
/// `SentenceModel.encode` does (the model's default prompt, its window), runs them through the
/// shared `InferenceQueue`, and normalises / truncates the rows as asked. Served vectors are the
/// ones `attune embed` writes for the same model, precision and `--dim`.
public final class EmbeddingService: Sendable {
    /// The name clients send as `model`; the folder's own name is accepted too.
    public let modelName: String
    /// Names accepted as `model` (the served name, the folder's name).
    public let acceptedNames: Set<String>
    /// The width served (the model's, or `--dim`'s).
    public let dimension: Int
    /// The model's window: tokens embedded per text, [CLS] and [SEP] included.
    public let window: Int
    public let configuration: ServeConfiguration
    /// Facts for `/info`.
    public let precision: String
    public let pooling: String

    private let tokenizer: WordPieceTokenizer
    private let lowercase: Bool
    private let normalizes: Bool
    private let defaultPrompt: String
    private let prompts: Prompts
    /// The model's width before `--dim`.
    private let fullWidth: Int
    let queue: InferenceQueue
    let metrics: ServeMetrics
    /// The cross-encoder behind `/rerank` (`--reranker`), if any.
    public let reranker: RerankService?

    /// Serve `model` under `name`, and `reranker` (under its `name`) behind `/rerank` when given.
    /// The model's `truncateDim` (`--dim`) sets the served width.
    public convenience init(model: SentenceModel, name: String, configuration: ServeConfiguration, metrics: ServeMetrics = ServeMetrics(),
                            reranker: Reranker? = nil) {
        self.init(model: model, name: name, configuration: configuration, metrics: metrics, reranker: reranker, beforeBatch: nil)
    }

    /// `beforeBatch` runs on the worker before each encoder batch (tests hold the encoder with it);
    /// `beforeRerankBatch`, before each reranker batch.
    init(model: SentenceModel, name: String, configuration: ServeConfiguration, metrics: ServeMetrics,
         reranker: Reranker? = nil, beforeBatch: (@Sendable () -> Void)?, beforeRerankBatch: (@Sendable () -> Void)? = nil) {
        modelName = name
        acceptedNames = [name, model.folder.url.lastPathComponent, model.folder.url.path]
        dimension = model.outputDimension
        fullWidth = model.dimension
        window = min(model.maxSeqLength, model.bert.config.maxSequenceLength)
        self.configuration = configuration
        precision = model.precision.rawValue
        pooling = model.pooling.rawValue
        tokenizer = model.tokenizer
        lowercase = model.folder.lowercaseInput
        normalizes = model.normalize
        defaultPrompt = model.prompts.defaultPrompt
        prompts = model.prompts
        self.metrics = metrics
        // The worker returns the model's rows before Normalize; normalising here (as Normalize
        // does, to the bit) lets TEI's `normalize: false` have the raw rows.
        var raw = model
        raw.normalize = false
        let box = ModelBox(raw)
        // The two models take turns on the cores, batch by batch.
        let runLock = ModelRunLock()
        queue = InferenceQueue(width: model.dimension, maxBatchTokens: configuration.maxBatchTokens,
                               maxRequests: configuration.maxConcurrentRequests,
                               observer: { texts, tokens in metrics.batch(texts: texts, tokens: tokens) },
                               runLock: runLock,
                               embed: { beforeBatch?(); return box.model.embed(tokenized: $0) })
        self.reranker = reranker.map {
            RerankService(reranker: $0, configuration: configuration, metrics: metrics, runLock: runLock, beforeBatch: beforeRerankBatch)
        }
    }

    /// Token ids a request may send are below this (the tokenizer's vocabulary).
    var vocabularySize: Int { tokenizer.vocabulary.count }

    /// Start the inference workers.
    public func start() { queue.start(); reranker?.queue.start() }
    /// Finish queued work and stop the workers.
    public func stop() { queue.stop(); reranker?.queue.stop() }

    /// Whether `name` names the served model.
    public func accepts(_ name: String) -> Bool { acceptedNames.contains(name) }

    /// The text of prompt `name` (TEI's `prompt_name`), or a 422 naming the prompts defined.
    public func prompt(named name: String) throws -> String {
        do { return try prompts.named(name) } catch {
            throw ServeError(.invalidRequest, "prompt_name \(name): \(error)", param: "prompt_name")
        }
    }

    /// Embed `inputs`. `prompt` nil: the model's default prompt. `truncate`: cut inputs over
    /// `maxInputTokens` instead of refusing them. `normalize` nil: as the model does.
    /// `dimensions`: keep each row's first N values, re-normalised. `field` names the request
    /// field in messages (`input`, `inputs`).
    public func embed(_ inputs: [EmbeddingInput], prompt: String? = nil, truncate: Bool = false,
                      normalize: Bool? = nil, dimensions: Int? = nil, field: String) async throws -> Embeddings {
        let limits = configuration
        guard !inputs.isEmpty else { throw ServeError(.invalidRequest, "\(field) is empty: give at least one text", param: field) }
        guard inputs.count <= limits.maxClientBatchSize else {
            throw ServeError(.tooLarge, "\(field) has \(inputs.count) items; at most \(limits.maxClientBatchSize) per request (--max-client-batch-size)", param: field)
        }
        let dims = dimensions ?? dimension
        guard dims >= 1 && dims <= dimension else {
            throw ServeError(.invalidRequest, "dimensions \(dims): must be between 1 and the served model's \(dimension)", param: "dimensions", status: 400)
        }
        let tokens = try tokenize(inputs, prompt: prompt ?? defaultPrompt, truncate: truncate, field: field)
        let total = tokens.reduce(0) { $0 + $1.count }
        metrics.tokens(total)
        let raw = try await queue.submit(tokens, timeout: .milliseconds(Int(limits.requestTimeout * 1000)))
        let values = finish(raw, rows: tokens.count, normalize: normalize ?? normalizes, dims: dims)
        return Embeddings(values: values, count: tokens.count, dimension: dims, tokens: total)
    }

    /// Token ids per input within the model's window, or the error naming the input and limit.
    func tokenize(_ inputs: [EmbeddingInput], prompt: String, truncate: Bool, field: String) throws -> [[Int32]] {
        let maxTokens = configuration.maxInputTokens
        let vocab = tokenizer.vocabulary.count
        var out: [[Int32]] = []
        out.reserveCapacity(inputs.count)
        for (i, input) in inputs.enumerated() {
            let at = inputs.count == 1 ? field : "\(field)[\(i)]"
            switch input {
            case .text(let text):
                guard !text.isEmpty else {
                    throw ServeError(.invalidRequest, "\(at) is an empty string", param: field, status: 400)
                }
                let s = lowercase ? (prompt + text).lowercased() : prompt + text
                // Count up to the limit (tokenising stops there), then cut to the window as
                // SentenceModel.tokenize does.
                let ids = tokenizer.ids(s, limit: maxTokens - 1)
                let over = ids.count + 2 > maxTokens
                if over && !truncate {
                    throw ServeError(.tooLarge, "\(at) has more than \(maxTokens) tokens (--max-input-tokens); shorten it\(field == "inputs" ? " or send \"truncate\": true" : "")", param: field)
                }
                out.append([tokenizer.clsId] + ids.prefix((over ? min(window, maxTokens) : window) - 2) + [tokenizer.sepId])
            case .tokens(let ids):
                guard !ids.isEmpty else { throw ServeError(.invalidRequest, "\(at) is an empty token array", param: field, status: 400) }
                let over = ids.count + 2 > maxTokens
                if over && !truncate {
                    throw ServeError(.tooLarge, "\(at) has \(ids.count + 2) tokens with [CLS] and [SEP]; at most \(maxTokens) (--max-input-tokens)", param: field)
                }
                if let bad = ids.first(where: { $0 < 0 || $0 >= vocab }) {
                    throw ServeError(.invalidRequest, "\(at) holds token id \(bad); the model's vocabulary has ids 0…\(vocab - 1)", param: field, status: 400)
                }
                out.append([tokenizer.clsId] + ids.prefix((over ? min(window, maxTokens) : window) - 2).map { Int32($0) } + [tokenizer.sepId])
            }
        }
        return out
    }

    /// Raw rows → normalised (as `Normalize` does) → first `dims` values re-normalised (as
    /// `SentenceModel.truncated` does).
    private func finish(_ raw: [Float], rows: Int, normalize: Bool, dims: Int) -> [Float] {
        let width = fullWidth
        var out = [Float](repeating: 0, count: rows * dims)
        for r in 0..<rows {
            var row = Array(raw[(r * width)..<((r + 1) * width)])
            if normalize {
                var s: Float = 0
                for j in 0..<width { s += row[j] * row[j] }
                let n = max(s.squareRoot(), 1e-12)
                for j in 0..<width { row[j] = row[j] / n }
            }
            if dims < width {
                var s: Float = 0
                for j in 0..<dims { s += row[j] * row[j] }
                let inv = s > 0 ? 1 / s.squareRoot() : 0
                for j in 0..<dims { out[r * dims + j] = row[j] * inv }
            } else {
                for j in 0..<width { out[r * dims + j] = row[j] }
            }
        }
        return out
    }
}

/// The model, handed to the one worker thread that runs it.
private final class ModelBox: @unchecked Sendable {
    let model: SentenceModel
    init(_ model: SentenceModel) { self.model = model }
}

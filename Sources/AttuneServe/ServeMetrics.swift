import Foundation
import Prometheus

/// The server's Prometheus metrics, in its own registry (no global metrics system): requests by
/// endpoint and status, request latency, batch sizes in texts and tokens, tokens embedded, and
/// the inference queue's depth; for the reranker, pairs and tokens scored, pairs per batch and its
/// queue's depth.
public final class ServeMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    private let batchTexts: ValueHistogram
    private let batchTokens: ValueHistogram
    private let tokensTotal: Counter
    private let queueDepth: Gauge
    private let rerankPairs: Counter
    private let rerankTokens: Counter
    private let rerankBatchPairs: ValueHistogram
    private let rerankQueueDepth: Gauge

    public init() {
        batchTexts = registry.makeValueHistogram(
            descriptor: .init(namespace: "attune", metricName: "batch", unitName: "texts", helpText: "Texts per encoder batch."),
            buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512])
        batchTokens = registry.makeValueHistogram(
            descriptor: .init(namespace: "attune", metricName: "batch", unitName: "tokens", helpText: "Tokens per encoder batch."),
            buckets: [16, 64, 256, 1024, 2048, 4096, 8192, 16384, 32768])
        tokensTotal = registry.makeCounter(
            descriptor: .init(namespace: "attune", metricName: "embedded_tokens", unitName: "total", helpText: "Tokens sent to the encoder."))
        queueDepth = registry.makeGauge(
            descriptor: .init(namespace: "attune", metricName: "queue_depth", unitName: "requests", helpText: "Requests waiting for or running in the encoder."))
        rerankPairs = registry.makeCounter(
            descriptor: .init(namespace: "attune", metricName: "reranked_pairs", unitName: "total", helpText: "(query, text) pairs the reranker scored."))
        rerankTokens = registry.makeCounter(
            descriptor: .init(namespace: "attune", metricName: "reranked_tokens", unitName: "total", helpText: "Tokens of the pairs the reranker scored."))
        rerankBatchPairs = registry.makeValueHistogram(
            descriptor: .init(namespace: "attune", metricName: "rerank_batch", unitName: "pairs", helpText: "Pairs per reranker batch."),
            buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512])
        rerankQueueDepth = registry.makeGauge(
            descriptor: .init(namespace: "attune", metricName: "rerank_queue_depth", unitName: "requests", helpText: "Requests waiting for or running in the reranker."))
    }

    /// One request answered.
    func request(endpoint: String, status: Int, seconds: Double) {
        registry.makeCounter(
            descriptor: .init(namespace: "attune", metricName: "http_requests", unitName: "total", helpText: "HTTP requests by endpoint and status."),
            labels: [("endpoint", endpoint), ("status", String(status))]).increment()
        registry.makeDurationHistogram(
            descriptor: .init(namespace: "attune", metricName: "http_request_duration", unitName: "seconds", helpText: "Request latency by endpoint."),
            labels: [("endpoint", endpoint)],
            buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30)])
            .record(.nanoseconds(Int64(seconds * 1e9)))
    }

    func batch(texts: Int, tokens: Int) {
        batchTexts.record(Double(texts))
        batchTokens.record(Double(tokens))
    }

    func tokens(_ n: Int) { tokensTotal.increment(by: Int64(n)) }

    func depth(_ n: Int) { queueDepth.set(Double(n)) }

    /// One reranker batch: its pairs and their tokens.
    func rerankBatch(pairs: Int, tokens: Int) {
        rerankBatchPairs.record(Double(pairs))
        rerankPairs.increment(by: Int64(pairs))
        rerankTokens.increment(by: Int64(tokens))
    }

    func rerankDepth(_ n: Int) { rerankQueueDepth.set(Double(n)) }

    /// The exposition text.
    public func render() -> String { registry.emitToString() }
}

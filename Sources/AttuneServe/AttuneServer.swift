import AttuneData
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `attune serve`: an `EmbeddingService` behind OpenAI's and TEI's HTTP APIs on Hummingbird.
///
/// Routes: `POST /v1/embeddings`, `GET /v1/models` (OpenAI); `POST /embed`, `POST /rerank` (with a
/// reranker; without one, TEI's 424), `GET /info`, `GET /health` (TEI); `GET /metrics` (Prometheus); `GET /openapi.json`. With an API key, every
/// route but `/health` needs `Authorization: Bearer KEY`. The server keeps no state between
/// requests, so replicas behind a load balancer answer alike.
public struct AttuneServer: Sendable {
    public static let version = "0.1.0"

    public let service: EmbeddingService
    /// What Hummingbird logs (on stderr): warnings and worse by default.
    public var logLevel: Logger.Level = .warning

    public init(service: EmbeddingService) { self.service = service }

    /// Serve until SIGTERM or SIGINT (stop accepting, finish what is in flight, return; with
    /// `handleSignals` false, signals are left alone) or until the task is cancelled. `onListening` gets the bound port. A port in use is an
    /// `AttuneError` naming it.
    public func run(handleSignals: Bool = true,
                    onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let c = service.configuration
        try c.validate()
        var logger = Logger(label: "attune-serve")
        logger.logLevel = logLevel
        let app = Application(
            router: makeRouter(),
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(c.idleTimeout * 1000)))),
            configuration: .init(address: .hostname(c.host, port: c.port), serverName: "attune"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? c.port) },
            logger: logger)
        service.start()
        defer { service.stop() }
        do {
            try await app.runService(gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [])
        } catch let e as IOError where e.errnoCode == EADDRINUSE {
            throw SettingError(setting: "port", value: "\(c.port)", what: "\(c.host):\(c.port) is already in use")
        } catch let e as IOError where e.errnoCode == EADDRNOTAVAIL || e.errnoCode == EACCES {
            throw SettingError(setting: "host", value: c.host, together: [.init(setting: "port", value: "\(c.port)")],
                               what: "cannot listen there (\(e.description))")
        }
    }

    /// `run()` from synchronous code (the CLI): blocks until the server has stopped.
    public func runBlocking(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) throws {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        Task {
            do { try await run(onListening: onListening) } catch { result.set(error) }
            done.signal()
        }
        done.wait()
        if let error = result.get() { throw error }
    }

    /// The router: the routes behind the gate (key check, metrics, error shapes).
    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: Gate(service: service))
        let openAI = OpenAIAPI(service: service), tei = TEIAPI(service: service)
        let limit = service.configuration.maxBodyBytes
        router.post("/v1/embeddings") { request, _ in
            AttuneServer.json(try await openAI.embeddings(try await AttuneServer.body(request, limit: limit)))
        }
        router.post("/embeddings") { request, _ in
            AttuneServer.json(try await openAI.embeddings(try await AttuneServer.body(request, limit: limit)))
        }
        router.get("/v1/models") { _, _ in AttuneServer.json(openAI.models()) }
        router.post("/embed") { request, _ in
            AttuneServer.json(try await tei.embed(try await AttuneServer.body(request, limit: limit)))
        }
        router.post("/rerank") { request, _ in
            AttuneServer.json(try await tei.rerank(try await AttuneServer.body(request, limit: limit)))
        }
        router.get("/info") { _, _ in AttuneServer.json(tei.info()) }
        router.get("/health") { _, _ in Response(status: .ok) }
        router.get("/metrics") { [service] _, _ in
            service.metrics.depth(service.queue.depth)
            service.metrics.rerankDepth(service.reranker?.queue.depth ?? 0)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: service.metrics.render())))
        }
        let spec = OpenAPISpec.json(for: service)
        router.get("/openapi.json") { _, _ in AttuneServer.json(spec) }
        return router
    }

    /// The routes whose errors take TEI's shape (the rest take OpenAI's).
    static let teiPaths: Set<String> = ["/embed", "/rerank", "/info", "/health"]
    /// Each route's path and the methods it answers (another method on one of these paths is 405
    /// with `Allow`, not 404).
    static let routes: [String: [String]] = [
        "/v1/embeddings": ["POST"], "/embeddings": ["POST"], "/v1/models": ["GET"], "/embed": ["POST"], "/rerank": ["POST"],
        "/info": ["GET"], "/health": ["GET"], "/metrics": ["GET"], "/openapi.json": ["GET"],
    ]
    /// Paths counted by name in the metrics (others: `other`).
    static let knownPaths: Set<String> = Set(routes.keys)

    /// The request body, at most `limit` bytes (else 413 naming the limit).
    static func body(_ request: Request, limit: Int) async throws -> [UInt8] {
        let tooLarge = ServeError(.tooLarge, "the request body is over \(limit) bytes (--max-body-bytes)")
        if let n = request.headers[.contentLength].flatMap({ Int($0) }), n > limit { throw tooLarge }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch let e as HTTPError where e.status == .contentTooLarge {
            throw tooLarge
        }
    }

    static func json(_ body: String, status: Int = 200, retryAfter: Int? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        // A body refused as too large may still be arriving: close rather than read the rest.
        if status == 413 { headers[.connection] = "close" }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

/// In front of every route: the API key, the metrics, and errors in the route's API's shape.
struct Gate: RouterMiddleware {
    typealias Context = BasicRequestContext
    let service: EmbeddingService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let path = request.uri.path
        let endpoint = AttuneServer.knownPaths.contains(path) ? path : "other"
        let response: Response
        do {
            if let key = service.configuration.apiKey, path != "/health" {
                try Gate.authorize(request.headers[.authorization], key: key)
            }
            response = try await next(request, context)
        } catch {
            let tei = AttuneServer.teiPaths.contains(path)
            if let allowed = AttuneServer.routes[path], !allowed.contains(request.method.rawValue),
               let h = error as? HTTPError, h.status == .notFound {
                response = Gate.methodNotAllowed(request.method.rawValue, path: path, allowed: allowed, tei: tei)
            } else {
                response = Gate.errorResponse(error, tei: tei)
            }
        }
        let elapsed = ContinuousClock.now - start
        service.metrics.request(endpoint: endpoint, status: Int(response.status.code),
                                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        return response
    }

    /// Pass only `Bearer KEY` with the server's key, compared in constant time.
    static func authorize(_ header: String?, key: String) throws {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw ServeError(.unauthorized, "missing API key: send Authorization: Bearer KEY")
        }
        guard constantTimeEqual(Array(header.utf8.dropFirst(7)), Array(key.utf8)) else {
            throw ServeError(.unauthorized, "wrong API key")
        }
    }

    /// Equal byte strings, in time that depends only on their lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            diff |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return diff == 0
    }

    /// 405 in the API's shape, with `Allow` naming the methods the path answers.
    static func methodNotAllowed(_ method: String, path: String, allowed: [String], tei: Bool) -> Response {
        let e = ServeError(.invalidRequest, "\(method) \(path): method not allowed (this route answers \(allowed.joined(separator: ", ")))", status: 405)
        var response = AttuneServer.json(tei ? TEIAPI.error(e) : OpenAIAPI.error(e), status: 405)
        response.headers[.allow] = allowed.joined(separator: ", ")
        return response
    }

    /// Any error as a response in the API's shape: ours as they say, Hummingbird's (404, 405,
    /// 413) with their status, anything else 500 without detail.
    static func errorResponse(_ error: any Error, tei: Bool) -> Response {
        let e: ServeError
        switch error {
        case let s as ServeError: e = s
        case let h as HTTPError:
            let code = Int(h.status.code)
            e = ServeError(code == 413 ? .tooLarge : .invalidRequest, h.body ?? h.status.reasonPhrase, status: code)
        case let h as any HTTPResponseError:
            let code = Int(h.status.code)
            e = ServeError(code == 413 ? .tooLarge : .invalidRequest, h.status.reasonPhrase, status: code)
        case is CancellationError: e = ServeError(.unavailable, "the request was cancelled")
        default: e = ServeError(.unavailable, "internal error", status: 500)
        }
        return AttuneServer.json(tei ? TEIAPI.error(e) : OpenAIAPI.error(e), status: e.status, retryAfter: e.retryAfter)
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ e: any Error) { lock.lock(); error = e; lock.unlock() }
    func get() -> (any Error)? { lock.lock(); defer { lock.unlock() }; return error }
}

/// Why a request was refused, with what both APIs need to answer it in their own shape
/// (OpenAI: `{"error": {"message", "type", "param", "code"}}`; TEI: `{"error", "error_type"}`).
public struct ServeError: Error, Sendable, Equatable {
    /// What went wrong, in the terms both APIs map to their own.
    public enum Kind: String, Sendable {
        /// The request is malformed or a field has the wrong type or value.
        case invalidRequest
        /// An input, or the request, is over a limit.
        case tooLarge
        /// No or a wrong API key.
        case unauthorized
        /// The `model` the request names is not the one served.
        case modelNotFound
        /// The inference queue is full.
        case overloaded
        /// The request waited past the timeout, or the server is stopping.
        case unavailable
        /// A list the request must fill is empty (TEI's `Empty`, 400).
        case empty
        /// The route needs a model the server was not started with (TEI's `Backend`, 424).
        case noModel
    }

    public var kind: Kind
    /// One line, naming the field or limit.
    public var message: String
    /// The request field at fault, if any (OpenAI's `param`).
    public var param: String?
    /// The HTTP status.
    public var status: Int

    public init(_ kind: Kind, _ message: String, param: String? = nil, status: Int? = nil) {
        self.kind = kind; self.message = message; self.param = param
        self.status = status ?? ServeError.defaultStatus(kind)
    }

    static func defaultStatus(_ kind: Kind) -> Int {
        switch kind {
        case .invalidRequest: return 422
        case .tooLarge: return 413
        case .unauthorized: return 401
        case .modelNotFound: return 404
        case .overloaded: return 429
        case .unavailable: return 503
        case .empty: return 400
        case .noModel: return 424
        }
    }

    /// Seconds a client should wait before trying again (429 and 503).
    var retryAfter: Int? { kind == .overloaded || kind == .unavailable ? 1 : nil }

    /// OpenAI's `type` and `code`.
    var openAIType: String {
        switch kind {
        case .invalidRequest, .tooLarge, .unauthorized, .modelNotFound, .empty, .noModel: return "invalid_request_error"
        case .overloaded: return "rate_limit_error"
        case .unavailable: return "server_error"
        }
    }

    var openAICode: String? {
        switch kind {
        case .invalidRequest, .tooLarge, .empty, .noModel: return nil
        case .unauthorized: return "invalid_api_key"
        case .modelNotFound: return "model_not_found"
        case .overloaded: return "rate_limit_exceeded"
        case .unavailable: return "service_unavailable"
        }
    }

    /// TEI's `error_type`.
    var teiType: String {
        switch kind {
        case .invalidRequest, .tooLarge, .modelNotFound: return "validation"
        case .unauthorized: return "unauthorized"
        case .overloaded: return "overloaded"
        case .unavailable: return "unhealthy"
        case .empty: return "empty"
        case .noModel: return "backend"
        }
    }
}

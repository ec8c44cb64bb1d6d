import AttuneCore

/// Anything that turns texts into unit-length vectors: the BERT sentence encoder, or a fake in
/// tests. Search and the index depend only on this protocol, never on a concrete model.
public protocol Embedder {
    /// The length of every vector `embed` returns.
    var dimension: Int { get }
    /// A hash of the weights and the tokenizer: two embedders with equal fingerprints produce the
    /// same vectors, so an index built with one may be searched with the other.
    var fingerprint: String { get }
    /// The longest input, in tokens, the embedder reads before truncating.
    var maxSeqLength: Int { get }
    /// A human-readable model name for messages, e.g. "all-MiniLM-L6-v2" (with the precision when
    /// it is not fp32: "all-MiniLM-L6-v2 [int8]").
    var name: String { get }
    /// The model's own name, without the precision: what an index records to reopen the model.
    var modelName: String { get }
    /// The encoder's arithmetic (an index records it; queries must be embedded the same way).
    var precision: Precision { get }
    /// Embed `texts` (documents): a `[texts.count, dimension]` tensor whose rows have unit L2 norm.
    func embed(_ texts: [String]) throws -> Tensor
    /// Embed queries: as `embed`, but with the query prompt where the model has one.
    func embedQueries(_ texts: [String]) throws -> Tensor
    /// The text `embed` prepends to every document ("" for none): an index records it, and refuses
    /// an embedder with another, since the vectors it holds were made with it.
    var documentPrompt: String { get }
    /// Are the vectors a Matryoshka prefix of the model's own (`--dim` below its width)? Indexes
    /// of the same model at different widths are kept apart by it.
    var isTruncated: Bool { get }
}

extension Embedder {
    /// The name itself, for embedders without a precision suffix.
    public var modelName: String { name }
    /// fp32, for embedders without another arithmetic.
    public var precision: Precision { .fp32 }
    /// Queries and documents alike, for embedders without prompts.
    public func embedQueries(_ texts: [String]) throws -> Tensor { try embed(texts) }
    /// No prompt, for embedders without prompts.
    public var documentPrompt: String { "" }
    /// Full-width vectors, for embedders that do not truncate.
    public var isTruncated: Bool { false }
}

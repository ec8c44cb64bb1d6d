import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import ArgumentParser
import Foundation

/// Options that pick a model.
struct ModelOption: ParsableArguments {
    @Option(name: .long, help: "A sentence-transformers folder, or a known name (all-MiniLM-L6-v2).")
    var model: String = "all-MiniLM-L6-v2"

    static func named(_ name: String) -> ModelOption { var o = ModelOption(); o.model = name; return o }

    /// The model, truncating at `maxSeqLength` when given (a usage error, exit 64, when the
    /// model's positions do not reach it).
    func load(maxSeqLength: Int? = nil) throws -> SentenceModel {
        var m = try SentenceModel.load(ModelStore.resolve(model))
        if let maxSeqLength {
            try checkMaxSeqLength(maxSeqLength)
            guard maxSeqLength <= m.bert.config.maxSequenceLength else {
                throw ValidationError("--max-seq-length \(maxSeqLength): must be between 2 and \(m.bert.config.maxSequenceLength) (the model's positions)")
            }
            m.maxSeqLength = maxSeqLength
        }
        return m
    }
}

/// The bounds every `--max-seq-length` has before a model is loaded ([CLS] and [SEP] take two).
func checkMaxSeqLength(_ n: Int?) throws {
    if let n, n < 2 { throw ValidationError("--max-seq-length \(n): must be at least 2 ([CLS] and [SEP] count)") }
}

/// A `--batch-size` of at least 1.
func checkBatchSize(_ n: Int) throws {
    if n < 1 { throw ValidationError("--batch-size \(n): must be at least 1") }
}

/// Prompt flags: a prompt is prepended to each text before tokenising (as sentence-transformers
/// does). Without flags the model's own prompts apply (config_sentence_transformers.json: `query`
/// for queries, `document`/`passage`/`corpus` for documents, else `default_prompt_name`).
struct PromptOptions: ParsableArguments {
    @Option(help: "Use the model's prompt of this name (config_sentence_transformers.json `prompts`).") var promptName: String?
    @Option(help: "Prepend this text to every query.") var queryPrompt: String?
    @Option(help: "Prepend this text to every document.") var documentPrompt: String?

    /// The prompts chosen, as the library takes them.
    var choice: PromptChoice { PromptChoice(promptName: promptName, queryPrompt: queryPrompt, documentPrompt: documentPrompt) }

    /// The query and document prompts for `model`; an unknown --prompt-name is an error.
    /// `--prompt-name` sets the side given by `named` (both when nil).
    func resolve(_ model: SentenceModel, named side: Side? = nil) throws -> (query: String, document: String) {
        try choice.resolve(model, named: side)
    }

    typealias Side = PromptChoice.Side

    /// No prompt flags: the model's own prompts. For code that builds a command's options without
    /// parsing them (`attune demo`'s evaluation): a `PromptOptions()` whose options were never
    /// decoded traps in ArgumentParser when read, so every value is set here.
    static var none: PromptOptions {
        var p = PromptOptions()
        p.promptName = nil
        p.queryPrompt = nil
        p.documentPrompt = nil
        return p
    }

    /// Apply to an embedder.
    func apply(to embedder: ModelEmbedder, named side: Side? = nil) throws {
        try choice.apply(to: embedder, named: side)
    }
}

/// `attune tokenize`: texts → token ids, as Hugging Face's BertTokenizer gives them.
struct Tokenize: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Tokenize texts: JSONL {\"text\",\"ids\"} per line.")

    @OptionGroup var modelOption: ModelOption
    @Option(help: "Input .jsonl (objects with --field) or .txt (one text per line).") var input: String
    @Option(help: "The JSON field holding the text.") var field = "text"
    @Option(help: "Output .jsonl (default: stdout).") var output: String?
    @Option(help: "Truncate to this many tokens, [CLS] and [SEP] included (default: the model's).") var maxSeqLength: Int?

    func validate() throws { try checkMaxSeqLength(maxSeqLength) }

    func run() throws {
        let model = try modelOption.load(maxSeqLength: maxSeqLength)
        let texts = try TextFile.read(URL(fileURLWithPath: input), field: field)
        var out = ""
        for t in texts {
            let ids = model.tokenize(t).map(String.init).joined(separator: ",")
            out += "{\"text\":\(jsonQuoted(t)),\"ids\":[\(ids)]}\n"
        }
        try Output.write(Data(out.utf8), to: output)
    }
}

/// `attune embed`: texts → sentence embeddings, in input order.
struct Embed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Embed texts: JSONL {\"text\",\"embedding\"} per line, or a float32 .npy matrix.")

    @OptionGroup var modelOption: ModelOption
    @OptionGroup var runtime: RuntimeOptions
    @Option(help: "Input .jsonl (objects with --field) or .txt (one text per line).") var input: String
    @Option(help: "The JSON field holding the text.") var field = "text"
    @Option(help: "Output .jsonl or .npy (default: JSONL on stdout).") var output: String?
    @Option(help: "Texts per batch.") var batchSize = 32
    @Option(help: "Truncate to this many tokens (default: the model's).") var maxSeqLength: Int?
    @Option(help: "Prepend the model's prompt of this name (config_sentence_transformers.json `prompts`).") var promptName: String?
    @Option(help: "Prepend this text to every input (overrides --prompt-name and the model's default prompt).") var prompt: String?
    @OptionGroup var dimOption: DimOption
    @OptionGroup var precisionOption: PrecisionOption

    func validate() throws {
        try checkBatchSize(batchSize)
        try checkMaxSeqLength(maxSeqLength)
    }

    func run() throws {
        runtime.apply()
        var model = try modelOption.load(maxSeqLength: maxSeqLength)
        try DimOption.apply(dimOption.dim, to: &model)
        try precisionOption.apply(to: &model)
        let chosen = try prompt ?? promptName.map { try model.prompts.named($0) }
        let texts = try TextFile.read(URL(fileURLWithPath: input), field: field)
        var bar = ProgressBar(total: texts.count, unit: "texts", label: "embed")
        let emb = model.encode(texts, batchSize: batchSize, prompt: chosen) { done, _ in bar.update(done) }
        let dim = emb.cols
        if let output, output.hasSuffix(".npy") {
            try Output.write(NPY.float32Matrix(UnsafeBufferPointer(start: emb.data, count: texts.count * dim), rows: texts.count, cols: dim), to: output)
            return
        }
        var out = ""
        out.reserveCapacity(texts.count * dim * 12)
        for (i, t) in texts.enumerated() {
            let row = (0..<dim).map { "\(emb.data[i * dim + $0])" }.joined(separator: ",")
            out += "{\"text\":\(jsonQuoted(t)),\"embedding\":[\(row)]}\n"
        }
        try Output.write(Data(out.utf8), to: output)
    }
}

/// Output: a file written whole (temp + rename), or stdout.
enum Output {
    static func write(_ data: Data, to path: String?) throws {
        if let path { try atomicWrite(data, to: URL(fileURLWithPath: path)) }
        else { FileHandle.standardOutput.write(data) }
    }
}

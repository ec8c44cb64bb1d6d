import AttuneCore
import AttuneData
import AttuneModel
import AttuneSearch
import ArgumentParser
import Foundation

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

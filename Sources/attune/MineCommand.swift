import AttuneAdapt
import AttuneCore
import AttuneData
import AttuneSearch
import AttuneTrain
import ArgumentParser
import Foundation

/// A number, or `none` to switch a filter off.
struct OptionalNumber: ExpressibleByArgument {
    var value: Float?
    init(_ value: Float?) { self.value = value }
    init?(argument: String) {
        if ["none", "off"].contains(argument.lowercased()) { value = nil; return }
        guard let f = Float(argument), f.isFinite else { return nil }
        value = f
    }
    var defaultValueDescription: String { value.map { "\($0)" } ?? "none" }
}

extension NegativeSampling: ExpressibleByArgument {}

/// `attune mine`: hard negatives for a pairs file.
struct Mine: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mine hard negatives for (anchor, positive) pairs with an embedding model.",
        discussion: """
        Parameters follow sentence-transformers' mine_hard_negatives. Each distinct anchor gets an exact top-k over the
        candidates (the --corpus texts and the pairs' positives, or the positives alone); all positives of that anchor
        text are skipped; a candidate scoring above --max-score, above positive − --absolute-margin or above
        positive − |positive|·--relative-margin is dropped as a likely false negative; --num-negatives come from ranks
        --range-min..--range-max of what is left (--sampling top or seeded random). Existing negatives are kept and
        mined ones appended up to the count. With --cross-encoder CE (sentence-transformers' cross_encoder=), the
        bi-encoder still retrieves the candidates but CE scores every (anchor, candidate) and (anchor, positive) pair,
        and the filters and the window use its scores. Writes JSONL (anchor, positive, negative_1…negative_n) that
        `attune train` reads (--scores: also positive_score, negative_N_score); a summary goes to stderr (--json: also
        to stdout as JSON).
        """)

    @OptionGroup var modelOption: ModelOption
    @OptionGroup var runtime: RuntimeOptions
    @Option(help: "Training pairs: .jsonl, .csv or .tsv.") var pairs: String
    @Option(help: "Where to write the pairs with negatives (.jsonl).") var output: String
    @Option(help: "A BEIR corpus.jsonl to mine from (default: the pairs' own positives).") var corpus: String?
    @Option(help: "Negatives per pair (existing ones count).") var numNegatives = 3
    @Option(help: "Skip this many of the best surviving candidates.") var rangeMin = 0
    @Option(help: "Last rank (among survivors) to take negatives from (default: derived as sentence-transformers does).") var rangeMax: Int?
    @Option(help: "Drop candidates scoring above this (or none).") var maxScore = OptionalNumber(nil)
    @Option(help: "Drop candidates scoring below this (or none).") var minScore = OptionalNumber(nil)
    @Option(help: "Drop candidates with score + margin > positive score (or none).") var absoluteMargin = OptionalNumber(nil)
    @Option(help: "Drop candidates with score > positive − |positive|·margin (or none).") var relativeMargin = OptionalNumber(0.05)
    @Option(help: "top or random.") var sampling: NegativeSampling = .top
    @Option(help: "Seed of random sampling.") var seed: UInt64 = 12
    @Option(help: "Tokens per text (default: the model's own max_seq_length).") var maxSeqLength: Int?
    @Option(help: "Texts per embedding batch.") var batchSize = 32
    @Option(help: "The JSON/CSV field holding the anchor.") var anchorField = "anchor"
    @Option(help: "The JSON/CSV field holding the positive.") var positiveField = "positive"
    @Flag(help: "Leave out pairs that end with fewer than --num-negatives negatives.") var dropIncomplete = false
    @Option(help: "Random negatives added to each pair after the mined ones: other candidates drawn at random (seeded by --seed), not counted in --num-negatives; easy negatives a cross-encoder needs beside the hard ones (see docs/rerankers.md).")
    var randomNegatives = 0
    @Flag(help: "Count malformed pair lines and go on instead of stopping.") var skipBad = false
    @Flag(help: "Replace --output if it exists.") var force = false
    @Flag(help: "Print the summary as JSON on stdout.") var json = false
    @Option(help: "A cross-encoder folder: rescore the candidates with it; the margins, --max-score and --min-score then apply to its scores (see docs/training.md).")
    var crossEncoder: String?
    @Option(help: "The cross-encoder's arithmetic: fp32 (default), bf16 or int8.") var crossEncoderPrecision: Precision?
    @Flag(help: "Write each pair's scores too: positive_score and negative_N_score for every mined negative (the cross-encoder's with --cross-encoder, else the cosine).")
    var scores = false

    func validate() throws {
        if crossEncoder == nil && crossEncoderPrecision != nil { throw ValidationError("--cross-encoder-precision needs --cross-encoder CE") }
        if crossEncoder != nil && absoluteMargin.value == nil && relativeMargin.value == nil && maxScore.value == nil {
            throw ValidationError("--cross-encoder rescores for the filters, and --relative-margin, --absolute-margin and --max-score are all none: set one")
        }
    }

    func run() throws {
        runtime.apply()
        let start = Date()
        let outURL = URL(fileURLWithPath: output).standardizedFileURL
        let pairsURL = URL(fileURLWithPath: pairs).standardizedFileURL
        guard outURL.pathExtension.lowercased() == "jsonl" else {
            throw AttuneError.invalid("--output \(output): mined pairs are written as JSON Lines; give a .jsonl path")
        }
        guard outURL.resolvingSymlinksInPath() != pairsURL.resolvingSymlinksInPath() else {
            throw AttuneError.invalid("--output \(output) is the input pairs file; write the mined pairs elsewhere")
        }
        if FileManager.default.fileExists(atPath: outURL.path) && !force {
            throw AttuneError.invalid("\(output) already exists (use --force to replace it)")
        }
        var options = MiningOptions()
        options.numNegatives = numNegatives
        options.rangeMin = rangeMin
        options.rangeMax = rangeMax
        options.maxScore = maxScore.value
        options.minScore = minScore.value
        options.absoluteMargin = absoluteMargin.value
        options.relativeMargin = relativeMargin.value
        options.sampling = sampling
        options.seed = seed
        options.dropIncomplete = dropIncomplete
        options.randomNegatives = randomNegatives
        try options.validate()
        guard batchSize >= 1 else { throw AttuneError.invalid("--batch-size must be at least 1") }

        let read = try PairReader(anchorField: anchorField, positiveField: positiveField, skipBad: skipBad).read(pairsURL)
        if read.skippedEmpty > 0 { note("\(pairs): skipped \(read.skippedEmpty) pair(s) with an empty anchor or positive") }
        if read.skippedBad > 0 {
            note("\(pairs): skipped \(read.skippedBad) malformed line(s), e.g. \(read.badExamples.first ?? "")")
        }
        let corpusTexts = try corpus.map { try readCorpus(URL(fileURLWithPath: $0)).map(\.embeddingText) }
        let rescorer = try crossEncoder.map { try loadReranker($0, maxLength: nil, precision: crossEncoderPrecision ?? .fp32, strict: false) }
        let embedder = try loadEmbedder(modelOption.model, maxSeqLength: maxSeqLength, batchSize: batchSize)
        note("mining \(numNegatives) negative(s) per pair for \(read.pairs.count) pairs from \(corpus ?? "the pairs' positives") "
             + "with \(modelOption.model) (max \(embedder.maxSeqLength) tokens)"
             + (crossEncoder.map { ", rescored by the cross-encoder \($0) (\(rescorer!.model.maxLength) tokens per pair)" } ?? ""))
        // A bar on a terminal; otherwise a line every 10 s and at the end of each phase.
        var bars: [String: ProgressBar] = [:]
        var lastLine = Date()
        let interactive = isatty(2) != 0
        let result = try HardNegativeMiner(options: options).mine(
            pairs: read.pairs, corpus: corpusTexts, corpusSource: corpus ?? "corpus", embedder: embedder, crossEncoder: rescorer,
            progress: { phase, done, total in
                let (label, unit) = phase == "cross-encoder" ? ("cross-encoder", "pairs") : ("embed \(phase)", "texts")
                if interactive {
                    if bars[phase] == nil { bars[phase] = ProgressBar(total: total, unit: unit, label: label) }
                    bars[phase]!.update(done)
                } else if done == total || Date().timeIntervalSince(lastLine) >= 10 {
                    lastLine = Date()
                    note("\(label): \(done)/\(total) \(unit) (\(formatDuration(Date().timeIntervalSince(start))) elapsed)")
                }
            })
        try PairWriter(anchorField: anchorField, positiveField: positiveField).write(result.pairs, scores: scores ? result.scores : nil, to: outURL)
        note(result.summary.text(numNegatives: numNegatives))
        note(String(format: "wrote %d pairs to %@ in %@", result.summary.written, output, formatDuration(Date().timeIntervalSince(start))))
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]  // one line: tools read the last line
            print(String(decoding: try enc.encode(result.summary), as: UTF8.self))
        }
    }
}

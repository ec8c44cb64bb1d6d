import AttuneAdapt
import AttuneCore
import AttuneData
import AttuneModel
import ArgumentParser
import Foundation

/// `attune merge`: interpolate a fine-tuned model with its base (WiSE-FT).
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge a fine-tuned model with its base: θ = (1 − alpha)·base + alpha·tuned (WiSE-FT).",
        discussion: """
        Give --model twice: the base first, then the tuned model. Every tensor is interpolated; a Dense head the tuned
        model has and the base lacks is interpolated toward the identity (--keep-head keeps it as trained). Models of different architecture, shape or
        vocabulary are refused, naming the tensor. The result is a sentence-transformers folder, written whole or not at all.
        """)

    @Option(name: .customLong("model"), help: "The base model, then the tuned model (folders or names).")
    var models: [String] = []
    @Option(help: "Weight of the tuned model, in [0, 1] (0: the base, 1: the tuned model).") var alpha: Float
    @Flag(help: "Keep the tuned model's extra Dense head as trained (only the encoder is interpolated).") var keepHead = false
    @Flag(help: "Scale each trained layer's alpha by depth: of k changed layers the i-th from the bottom merges at alpha·i/(k−1), so the lowest stays the base's (LiNeS).")
    var layerRamp = false
    @Option(help: "The folder to write.") var output: String
    @Flag(help: "Replace the output folder if it exists.") var force = false

    func run() throws {
        guard models.count == 2 else {
            throw AttuneError.invalid("give --model twice: the base model, then the tuned one (got \(models.count))")
        }
        guard alpha.isFinite, alpha >= 0, alpha <= 1 else { throw AttuneError.invalid("--alpha must be between 0 and 1, got \(alpha)") }
        let outURL = URL(fileURLWithPath: output).standardizedFileURL
        if FileManager.default.fileExists(atPath: outURL.path) && !force {
            throw AttuneError.invalid("\(output) already exists (use --force to replace it)")
        }
        let base = try ModelOption.named(models[0]).load()
        let tuned = try ModelOption.named(models[1]).load()
        let merged = try AttuneAdapt.merge(base: base, tuned: tuned, alpha: alpha, headAlpha: keepHead ? 1 : nil, layerRamp: layerRamp, baseName: models[0], tunedName: models[1])
        try merged.save(to: outURL, overwrite: force)
        note("merged \(models[0]) and \(models[1]) at alpha \(alpha)\(layerRamp ? " (layers ramped by depth)" : "")\(keepHead ? " (head kept as trained)" : "") into \(output)")
    }
}

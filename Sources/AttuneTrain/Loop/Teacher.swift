import AttuneCore
import AttuneData
import AttuneModel
import Foundation

/// Distillation's teacher (`distill.teacher`): a cross-encoder scores each pair's (anchor, positive)
/// and (anchor, negative_i) once, from the pairs' own texts (no prompts), before training; the
/// scores are cached in OUTPUT/teacher-scores.json and reused while the teacher and the pairs are
/// the same. `TeacherScores` keys them by the training set's text IDs (every epoch's anchor).
public enum Teacher {
    public static let cacheFile = "teacher-scores.json"

    struct Cached: Codable {
        var key: String
        /// Per pair: the positive's logit, then each negative's.
        var logits: [[Float]]
    }

    /// The teacher's logits of every pair's positive and negatives (cached in `output`), mapped onto
    /// `set`'s text IDs. Throws naming `distill.teacher` for a bi-encoder folder or a teacher with
    /// another tokenizer, and when the pairs hold no hard negatives.
    public static func scores(_ r: Recipe, set: TrainingSet, studentTokenizer: WordPieceTokenizer, output: URL,
                              log: (String) -> Void, progress: ((Int, Int) -> Void)?) throws -> TeacherScores {
        guard let name = r.distillTeacher else { return TeacherScores() }
        let url = try ModelStore.resolve(name)
        guard CrossEncoder.isCrossEncoder(url) else {
            throw AttuneError.badConfig(source: "recipe", field: "distill.teacher",
                                        what: "\(name) is a bi-encoder (a sentence-transformers folder); the teacher is a cross-encoder — train one (objective: cross_encoder) or make one with `\(CrossEncoder.initCommand(name))`")
        }
        guard set.negativeIDs.contains(where: { !$0.isEmpty }) else {
            throw AttuneError.badConfig(source: "recipe", field: "distill.teacher",
                                        what: "needs hard negatives to distil margins over: mine.num_negatives, or a pairs file with negative fields")
        }
        let teacher = try CrossEncoder.load(url)
        guard teacher.tokenizer.vocabulary.tokens == studentTokenizer.vocabulary.tokens else {
            throw AttuneError.badConfig(source: "recipe", field: "distill.teacher",
                                        what: "\(name) has another tokenizer (\(teacher.tokenizer.vocabulary.tokens.count) tokens) than the model \(r.model) (\(studentTokenizer.vocabulary.tokens.count)); distil from a teacher initialised from the same model family")
        }
        let key = "teacher \(url.standardizedFileURL.path) \(teacherDigest(url)); pairs \(TrainingPair.digest(set.pairs))"
        let file = output.appendingPathComponent(cacheFile)
        var logits: [[Float]]
        if let saved = try? JSONDecoder().decode(Cached.self, from: Data(contentsOf: file)), saved.key == key,
           saved.logits.count == set.pairs.count {
            log("distill: reusing the teacher's scores in \(file.path)")
            logits = saved.logits
        } else {
            let pairs = set.pairs.flatMap { p in [(query: p.anchor, document: p.positive)] + p.negatives.map { (query: p.anchor, document: $0) } }
            log("distill: \(name) scores \(pairs.count) (anchor, positive/negative) pairs once")
            let t0 = Date()
            let flat = teacher.logits(of: teacher.tokenize(pairs: pairs), progress: progress)
            var at = 0
            logits = set.pairs.map { p in
                defer { at += 1 + p.negatives.count }
                return Array(flat[at..<(at + 1 + p.negatives.count)])
            }
            log(String(format: "distill: scored in %.1fs (%.1f pairs/s)", Date().timeIntervalSince(t0), Double(pairs.count) / max(Date().timeIntervalSince(t0), 1e-9)))
            try atomicWrite(try JSONEncoder().encode(Cached(key: key, logits: logits)), to: file)
        }
        var scores = TeacherScores()
        for anchors in set.anchorIDsByEpoch {
            for (i, a) in anchors.enumerated() {
                scores[a, set.positiveIDs[i]] = logits[i][0]
                for (j, n) in set.negativeIDs[i].enumerated() { scores[a, n] = logits[i][1 + j] }
            }
        }
        let margins = logits.flatMap { l in l.dropFirst().map { l[0] - $0 } }
        if !margins.isEmpty {
            let mean = margins.reduce(0, +) / Float(margins.count)
            log(String(format: "distill: teacher margins (positive − negative logit): mean %.3f, %.1f%% negative", mean,
                       100 * Double(margins.filter { $0 < 0 }.count) / Double(margins.count)))
        }
        return scores
    }

    /// Size and modification time of the teacher's weights: a changed teacher is scored again.
    static func teacherDigest(_ url: URL) -> String {
        let w = url.appendingPathComponent("model.safetensors")
        let a = try? FileManager.default.attributesOfItem(atPath: w.path)
        return "\((a?[.size] as? Int) ?? 0)@\(((a?[.modificationDate] as? Date)?.timeIntervalSince1970) ?? 0)"
    }
}

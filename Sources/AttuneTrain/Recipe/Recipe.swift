import AttuneCore
import Foundation

/// Everything one fine-tuning run needs, as written in a YAML recipe (snake_case keys).
/// Load one with `Recipe.load(_:)`, set keys from a command line with `set(_:to:source:currentDirectory:)`,
/// check it with `validate()`, and save the resolved form beside the model with `yaml()`. Every key
/// is described once, in `Recipe.schema`.
public struct Recipe: SchemaRecord, Equatable {
    /// A model name (looked up in Attune's model cache) or a path to a sentence-transformers folder.
    public var model = "all-MiniLM-L6-v2"
    /// The training pairs: `.jsonl`, `.csv` or `.tsv` (or `sources` instead).
    public var pairs = ""
    /// Several pairs files trained on together, each batch from one of them (`TrainingSource`,
    /// `MultiSourceBatcher`); [] is the one-file form, `pairs`.
    public var sources: [TrainingSource] = []
    /// How the sources' batches interleave: `proportional` or `round_robin` (see `SourceSampling`).
    public var sampling = SourceSampling.proportional
    /// Field (JSONL key or CSV/TSV column) holding the anchor.
    public var anchorField = "anchor"
    /// Field holding the positive.
    public var positiveField = "positive"
    /// Fields named this, or this plus `_N`/`N`, hold hard negatives.
    public var negativePrefix = "negative"
    /// Dev set for checks during training (BEIR-style queries, corpus, qrels): all three or none.
    public var devQueries: String?
    public var devCorpus: String?
    public var devQrels: String?
    /// A suite file of dev splits (`EvaluationSuite`: sets with roles domain, users, other, guard)
    /// that chooses the merge: the best alpha on its one `domain` set that keeps every other set
    /// within `merge.guard_tolerance` of the base. Without `dev_queries`/`dev_corpus`/`dev_qrels`
    /// its domain set is also the dev check. Replaces the `guard:` lists (not both).
    public var devSuite: String?
    /// Folder the trained model (and checkpoints) go to.
    public var output = ""
    /// Passes over the pairs.
    public var epochs = 1
    /// Use at most this many pairs (the first ones in the file).
    public var maxPairs: Int?
    /// Pairs per batch; every other pair in a batch is an in-batch negative.
    public var batchSize = 32
    /// Peak AdamW learning rate.
    public var lr: Float = 5e-5
    /// Fraction of the steps spent warming the learning rate up linearly (then linear decay).
    public var warmup = 0.1
    /// AdamW decoupled weight decay.
    public var weightDecay: Float = 0.01
    /// L2-SP: pull the trained weights toward the base's with this weight (`L2SPRegularizer`; 0 = off).
    public var l2sp: Float = 0
    /// Clip the global gradient norm to this (0 = no clipping).
    public var maxGradNorm: Float = 1.0
    /// Multiplier of cosine similarities in the loss.
    public var scale: Float = 20
    /// What is trained: `bi_encoder` (a sentence model, MNRL) or `cross_encoder` (a reranker
    /// scoring concatenated (query, document) pairs; `CrossEncoderObjective`).
    public var objective = Objective.biEncoder
    /// The cross-encoder's loss: `bce` (binary cross-entropy, positive 1 / negatives 0) or
    /// `listwise` (softmax over the query's positive and negatives).
    public var crossEncoderLoss = CrossEncoderLossKind.bce
    /// BCE: weight of the positive class (PyTorch's `pos_weight`).
    public var posWeight: Float = 1
    /// Listwise: the softmax is over `listwise_scale · σ(logit)`.
    public var listwiseScale: Float = 10
    /// Distillation: a cross-encoder whose score margins the bi-encoder learns (`MarginMSELoss`,
    /// over each pair's hard negatives; nil is off).
    public var distillTeacher: String?
    /// The Margin-MSE term's weight.
    public var distillWeight: Float = 1
    /// The ranking loss's weight beside it (0: Margin-MSE alone).
    public var distillBaseWeight: Float = 1
    /// Use the symmetric loss (also rank anchors for each positive).
    public var symmetric = false
    /// Matryoshka: also train these prefix lengths of the embedding, each a ranking loss of its own
    /// (`MatryoshkaLoss`; [] is off: the full embedding only).
    public var matryoshkaDims: [Int] = []
    /// One weight per entry of `matryoshkaDims` ([]: 1 each).
    public var matryoshkaWeights: [Double] = []
    /// Texts are cut to this many tokens.
    public var maxSeqLength = 128
    /// How many of the top transformer layers are trained (the rest stay frozen and cached).
    public var trainableLayers = 2
    /// Add a trainable dense head (initialised to the identity) after pooling.
    public var head = true
    /// Dropout probability in the trained layers.
    public var dropout: Float = 0.1
    /// Seed for shuffling, dropout and everything else random.
    public var seed = 42
    /// Check the dev set every this many steps (0 = only at the end).
    public var evalEvery = 0
    /// Save a resumable checkpoint every this many steps (0 = never).
    public var checkpointEvery = 500
    /// Count and skip malformed lines in the pairs file instead of stopping.
    public var skipBad = false
    /// Guided false-negative filtering (GISTEmbed): nil is off; `base` uses the base model as the
    /// guide (computed from the frozen-layer cache); else a model name or folder.
    public var guide: String?
    /// Mask an in-batch candidate the guide scores above the positive less this margin.
    public var guideMargin: Float = 0
    /// `absolute` (positive − margin) or `relative` (positive × (1 − margin)).
    public var guideMarginStrategy = GuideFilter.MarginStrategy.absolute
    /// GradCache: embed a batch this many texts at a time (nil: the whole batch at once).
    public var miniBatchSize: Int?
    /// Query-side augmentation of the anchors (probabilities; all 0 = off).
    public var augment = AnchorAugmenter()
    /// Guard sets (BEIR queries, corpus, qrels: what fine-tuning must not lose): the i-th entries of
    /// the three lists make set i; all three lists the same length, or all empty.
    public var guardQueries: [String] = []
    public var guardCorpus: [String] = []
    public var guardQrels: [String] = []
    /// WiSE-FT merge candidates: each alpha interpolates base → trained; empty = no merge.
    public var mergeAlphas: [Double] = []
    /// Which set chooses the alpha (only `dev`).
    public var mergeSelectOn = "dev"
    /// The trained Dense head in a merge: `interpolate` (toward the identity, by alpha) or `keep` (as trained).
    public var mergeHead = "interpolate"
    /// Scale each changed encoder layer's alpha by its depth (`merge(…, layerRamp:)`): the lowest
    /// trained layer stays the base's, the top one is merged at alpha.
    public var mergeLayerRamp = false
    /// A merge may lose at most this much guard nDCG@10 against the base.
    public var mergeGuardTolerance = 0.005
    /// Score the dev set on its relevant documents plus this many others drawn at random
    /// (nil: the whole dev corpus).
    public var devCorpusSample: Int?
    /// A cross-encoder's dev check reranks what this bi-encoder retrieves for each dev query (nil:
    /// the recipe's `model`, when that is a bi-encoder folder).
    public var devRetriever: String?
    /// A cross-encoder's dev check reranks this many retrieved candidates per dev query.
    public var devRerankTop = 50
    /// The encoder arithmetic of the dev checks and the merge scoring (`fp32`, `bf16`, `int8`; see
    /// `Precision`); training itself is always fp32.
    public var devPrecision = Precision.fp32

    /// Hard negatives mined with the base model before training (0: none; the pairs as given).
    public var mineNegatives = 0
    /// Mining's false-negative filter: drop candidates above `positive × (1 − margin)` (nil: off).
    public var mineRelativeMargin: Double? = 0.05
    /// `top` or `random` among the surviving candidates.
    public var mineSampling = NegativeSampling.top
    /// Tokens per text when mining (nil: the base model's own max_seq_length).
    public var mineMaxSeqLength: Int?

    /// Prompts prepended in training (see `TrainingPrompts`): for anchors, a prompt name the model
    /// defines or the text itself (at most one of the two; both nil: the model's query prompt) …
    public var anchorPromptName: String?
    public var anchorPrompt: String?
    /// … and the same for positives and negatives (both nil: the model's document prompt).
    public var positivePromptName: String?
    public var positivePrompt: String?

    /// The `guide` value that names the base model itself.
    public static let guideIsBase = "base"

    /// A recipe with every default (`pairs` and `output` still to be set).
    public init() {}

    /// Every recipe key — the one table that YAML load and save, validation, `attune train`'s flags
    /// and the checkpoint's resume check all follow. A new key is one entry here (plus its
    /// property above, whose initial value is the default). Nested keys are dotted
    /// (`merge.alphas`) and become nested YAML mappings; list values are Swift arrays.
    public static let schema = RecipeSchema<Recipe>([
        .model("model", \.model, help: "Base model: a name from Attune's model cache or a sentence-transformers folder"),
        .path("pairs", \.pairs, help: "Training pairs: .jsonl, .csv or .tsv (required unless sources is given)"),
        RecipeKey("sources", \.sources,
                  help: "Several training sources instead of pairs: a list of {name, pairs, anchor_field, positive_field, negative_prefix, weight, max_pairs, prompts}; each batch comes from one source (see docs/training.md, \"Several sources\")",
                  resolve: { v, r in v.map { s -> TrainingSource in var s = s; s.pairs = r.resolve(s.pairs); return s } }),
        RecipeKey("sampling", \.sampling, .choice,
                  help: "How the sources' batches interleave: proportional (every batch of every source once an epoch, in a seeded order, shares by weight) or round_robin (one batch of each source in turn, until the smallest runs out)"),
        RecipeKey("anchor_field", \.anchorField, .nonEmpty(), help: "Field (JSONL key or CSV/TSV column) holding the anchor"),
        RecipeKey("positive_field", \.positiveField, .nonEmpty(), help: "Field holding the positive"),
        RecipeKey("negative_prefix", \.negativePrefix, .nonEmpty(), help: "Fields named this, or this plus _N or N, hold hard negatives"),
        .path("dev_queries", \.devQueries, help: "Dev queries (BEIR JSONL), checked during and after training"),
        .path("dev_corpus", \.devCorpus, help: "Dev corpus (BEIR JSONL)"),
        .path("dev_qrels", \.devQrels, help: "Dev qrels (BEIR TSV)"),
        .path("dev_suite", \.devSuite, resumable: true,
              help: "A suite file of dev splits (as `attune eval --suite` reads: sets with roles domain, users, other, guard) that chooses the merge: the best alpha on its one domain set that keeps every users, other and guard set within merge.guard_tolerance of the base; without dev_queries/dev_corpus/dev_qrels its domain set is also the dev check. Replaces guard.* (not both)"),
        .path("output", \.output, required: "the folder the trained model goes to", resumable: true,
              help: "Output folder: the model goes to OUTPUT/model, checkpoints to OUTPUT/checkpoint"),
        RecipeKey("epochs", \.epochs, .atLeast(1), help: "Passes over the pairs"),
        RecipeKey("max_pairs", \.maxPairs, .atLeast(1, "or null for all"), help: "Use only the first N pairs of the file"),
        RecipeKey("batch_size", \.batchSize, .atLeast(2, "the other pairs of a batch are the negatives"),
                  help: "Pairs per batch; the other pairs of a batch are in-batch negatives"),
        RecipeKey("lr", \.lr, .greaterThan(0), help: "Peak AdamW learning rate"),
        RecipeKey("warmup", \.warmup, .within(0..<1, "a fraction of the steps"),
                  help: "Fraction of the steps warming the learning rate up linearly (then linear decay)"),
        RecipeKey("weight_decay", \.weightDecay, .atLeast(0), help: "AdamW decoupled weight decay"),
        RecipeKey("l2sp", \.l2sp, .atLeast(0, "0 = off"),
                  help: "L2-SP: add l2sp·(θ − θ_base) to every gradient, pulling the trained weights toward the base's (0: off)"),
        RecipeKey("max_grad_norm", \.maxGradNorm, .atLeast(0, "0 = no clipping"), help: "Clip the global gradient norm to this (0: no clipping)"),
        RecipeKey("scale", \.scale, .greaterThan(0), help: "Multiplier of cosine similarities in the loss"),
        RecipeKey("objective", \.objective, .choice,
                  help: "What is trained: bi_encoder (an embedding model) or cross_encoder (a reranker over (query, document) pairs; see docs/rerankers.md)"),
        RecipeKey("cross_encoder_loss", \.crossEncoderLoss, .choice,
                  help: "Cross-encoder loss: bce (positive 1, negatives 0, or the pair's `label` in [0, 1]) or listwise (softmax over the query's positive and negatives)"),
        RecipeKey("pos_weight", \.posWeight, .greaterThan(0), help: "Cross-encoder BCE: weight of the positive class (PyTorch's pos_weight)"),
        RecipeKey("listwise_scale", \.listwiseScale, .greaterThan(0), help: "Cross-encoder listwise loss: softmax over this times the sigmoid of each logit"),
        RecipeKey("distill.teacher", \.distillTeacher,
                  help: "Distil a cross-encoder (folder or name) into the bi-encoder: Margin-MSE over each pair's hard negatives, the teacher's scores computed once (null: off; see docs/rerankers.md)",
                  resolve: { v, r in v.map { looksLikePath($0) ? r.resolve($0) : $0 } }),
        RecipeKey("distill.weight", \.distillWeight, .greaterThan(0), help: "Weight of the Margin-MSE term"),
        RecipeKey("distill.base_weight", \.distillBaseWeight, .atLeast(0, "0 = Margin-MSE alone"),
                  help: "Weight of the ranking loss (MNRL) beside Margin-MSE (0: Margin-MSE alone)"),
        RecipeKey("symmetric", \.symmetric, help: "Symmetric loss: also rank anchors for each positive"),
        RecipeKey("matryoshka_dims", \.matryoshkaDims, .atLeast(1),
                  help: "Matryoshka: the loss summed over the embedding cut to each of these lengths and re-normalised, e.g. [384, 256, 128, 64] ([] = off); the model records them"),
        RecipeKey("matryoshka_weights", \.matryoshkaWeights, .greaterThan(0),
                  help: "One weight per matryoshka_dims entry ([] = 1 each)"),
        RecipeKey("max_seq_length", \.maxSeqLength, .within(3...512),
                  help: "Tokens per text in training (the saved model keeps the base model's inference length)"),
        RecipeKey("trainable_layers", \.trainableLayers, .atLeast(0), help: "How many of the last encoder layers train (the rest are frozen and cached)"),
        RecipeKey("head", \.head, help: "Train an identity-initialised Dense head before Normalize"),
        RecipeKey("dropout", \.dropout, .within(0..<1), help: "Dropout in the trainable layers (0 turns it off)"),
        RecipeKey("seed", \.seed, .atLeast(0), help: "Seed for shuffling, dropout and everything else random"),
        RecipeKey("eval_every", \.evalEvery, .atLeast(0, "0 = only at the end"), resumable: true,
                  help: "Evaluate on the dev set every N steps (0: at the end only)"),
        RecipeKey("checkpoint_every", \.checkpointEvery, .atLeast(0, "0 = never"), resumable: true,
                  help: "Save a resumable checkpoint every N steps (0: never)"),
        RecipeKey("skip_bad", \.skipBad, resumable: true, help: "Count and skip malformed lines of the pairs file instead of stopping"),
        RecipeKey("guide", \.guide, help: "Guided false-negative filtering: `base` (the base model), a model, or null for none",
                  resolve: { v, r in v.map { looksLikePath($0) ? r.resolve($0) : $0 } }),
        RecipeKey("guide_margin", \.guideMargin, .within(0..<1), help: "Mask candidates the guide scores above the positive less this margin"),
        RecipeKey("guide_margin_strategy", \.guideMarginStrategy, .choice,
                  help: "absolute (positive − margin) or relative (positive × (1 − margin))"),
        RecipeKey("mini_batch_size", \.miniBatchSize, .atLeast(1, "or null: the whole batch at once"),
                  help: "GradCache: embed each batch this many texts at a time (null: all at once)"),
        RecipeKey("augment.lowercase", \.augment.lowercase, .within(0...1), help: "Probability of lower-casing an anchor (and dropping its final ?)"),
        RecipeKey("augment.strip_template", \.augment.stripTemplate, .within(0...1),
                  help: "Probability of dropping an anchor's template stock words (what, is, the, of …)"),
        RecipeKey("augment.typo", \.augment.typo, .within(0...1), help: "Probability of one typing slip in an anchor"),
        RecipeKey("augment.inverse_cloze", \.augment.inverseCloze, .within(0...1),
                  help: "Share of pairs that add an inverse-cloze pair: one sentence of the positive as the anchor of the rest"),
        RecipeKey("augment.inverse_cloze_keep", \.augment.inverseClozeKeep, .within(0...1),
                  help: "Probability that an inverse-cloze positive keeps the anchor's sentence"),
        RecipeKey("mine.num_negatives", \.mineNegatives, .atLeast(0, "0 = no mining"),
                  help: "Mine this many hard negatives per pair with the base model before training (0: none)"),
        RecipeKey("mine.relative_margin", \.mineRelativeMargin, .within(0..<1, "or null: no filter"),
                  help: "Mining drops candidates scoring above positive × (1 − margin) as likely false negatives"),
        RecipeKey("mine.sampling", \.mineSampling, .choice,
                  help: "top (the best surviving candidates) or random"),
        RecipeKey("mine.max_seq_length", \.mineMaxSeqLength, .within(3...512, "or null: the model's own"),
                  help: "Tokens per text when mining (null: the base model's own max_seq_length)"),
        RecipeKey("prompts.anchor_name", \.anchorPromptName,
                  help: "Prepend the model's prompt of this name (config_sentence_transformers.json) to anchors (null: prompts.anchor, else the model's query prompt)"),
        RecipeKey("prompts.anchor", \.anchorPrompt,
                  help: "Prepend this text to anchors (null: prompts.anchor_name, else the model's query prompt)"),
        RecipeKey("prompts.positive_name", \.positivePromptName,
                  help: "Prepend the model's prompt of this name to positives and negatives (null: prompts.positive, else the model's document prompt)"),
        RecipeKey("prompts.positive", \.positivePrompt,
                  help: "Prepend this text to positives and negatives (null: prompts.positive_name, else the model's document prompt)"),
        .paths("guard.queries", \.guardQueries, resumable: true,
               help: "Guard sets' queries (BEIR JSONL; a list, one per set): what fine-tuning must not lose, e.g. general data and real users' wording. Still read, as guard sets, with a notice: dev_suite replaces these lists"),
        .paths("guard.corpus", \.guardCorpus, resumable: true, help: "Guard sets' corpora (BEIR JSONL), one per set"),
        .paths("guard.qrels", \.guardQrels, resumable: true, help: "Guard sets' qrels (BEIR TSV), one per set"),
        RecipeKey("merge.alphas", \.mergeAlphas, .within(0...1), resumable: true,
                  help: "WiSE-FT: merge base and trained weights at each alpha, keep the best on dev (dev_suite's domain set) within the guard tolerance on every other set ([] = no merge)"),
        RecipeKey("merge.select_on", \.mergeSelectOn, .oneOf(["dev"]), resumable: true, help: "The set that chooses the alpha (dev)"),
        RecipeKey("merge.head", \.mergeHead, .oneOf(["interpolate", "keep"]), resumable: true,
                  help: "The trained Dense head in a merge: interpolate (toward the identity, by alpha) or keep (as trained; only the encoder is interpolated)"),
        RecipeKey("merge.layer_ramp", \.mergeLayerRamp, resumable: true,
                  help: "Scale each trained layer's alpha by depth: of k trained layers the i-th from the bottom merges at alpha·i/(k−1) (the lowest stays the base's, the top at alpha)"),
        RecipeKey("merge.guard_tolerance", \.mergeGuardTolerance, .within(0...1), resumable: true,
                  help: "A merged model may lose at most this much nDCG@10 against the base on each guard set (each users, other and guard set of dev_suite)"),
        RecipeKey("dev_corpus_sample", \.devCorpusSample, .atLeast(1, "or null for the whole corpus"), resumable: true,
                  help: "Score dev on its relevant documents plus this many others drawn at random (null: the whole corpus)"),
        RecipeKey("dev_retriever", \.devRetriever, resumable: true,
                  help: "Cross-encoder dev check: the bi-encoder (name or folder) whose top dev_rerank_top candidates per dev query are reranked (null: the recipe's model, when it is a bi-encoder)",
                  resolve: { v, r in v.map { looksLikePath($0) ? r.resolve($0) : $0 } }),
        RecipeKey("dev_rerank_top", \.devRerankTop, .atLeast(1), resumable: true,
                  help: "Cross-encoder dev check: rerank this many retrieved candidates per dev query; the score is nDCG@10 of the reranked list"),
        RecipeKey("dev_precision", \.devPrecision, .choice, resumable: true,
                  help: "Encoder arithmetic of the dev checks and the merge scoring: fp32, bf16 or int8 (training stays fp32; where this machine cannot, fp32 with one notice)"),
    ], checks: [
        .custom { r in
            if r.sources.isEmpty {
                return r.pairs.isEmpty ? ("pairs", "is required (a .jsonl, .csv or .tsv file of pairs)") : nil
            }
            return r.pairs.isEmpty ? nil : ("sources", "is given and so is pairs; give one pairs file or a list of sources, not both")
        },
        .custom { r in TrainingSource.problem(in: r) },
        .allOrNone(["dev_queries", "dev_corpus", "dev_qrels"]),
        .allOrNone(["guard.queries", "guard.corpus", "guard.qrels"]),
        .custom { r in
            let n = r.guardQueries.count
            if r.guardCorpus.count != n { return ("guard.corpus", "lists \(r.guardCorpus.count) file(s) but guard.queries lists \(n): one corpus per guard set") }
            if r.guardQrels.count != n { return ("guard.qrels", "lists \(r.guardQrels.count) file(s) but guard.queries lists \(n): one qrels file per guard set") }
            return nil
        },
        .custom { r in MatryoshkaLoss<MultipleNegativesRankingLoss>.problem(dims: r.matryoshkaDims, weights: r.matryoshkaWeights, dimension: nil) },
        .custom { r in
            guard let m = r.miniBatchSize, m >= 1 else { return nil }
            if m > r.batchSize {
                return ("mini_batch_size", "is \(m), larger than batch_size \(r.batchSize): a mini-batch is a part of a batch (null embeds the whole batch at once)")
            }
            return r.batchSize % m == 0 ? nil
                : ("mini_batch_size", "is \(m), which does not divide batch_size \(r.batchSize); pick a divisor so every mini-batch costs the same memory")
        },
        .custom { r in
            !r.mergeAlphas.isEmpty && !r.hasDevSet && r.devSuite == nil
                ? ("merge.alphas", "needs a dev set to choose among them (dev_suite, or dev_queries, dev_corpus, dev_qrels)") : nil
        },
        .custom { r in
            r.devSuite != nil && !(r.guardQueries.isEmpty && r.guardCorpus.isEmpty && r.guardQrels.isEmpty)
                ? ("dev_suite", "is given and so are guard.queries/corpus/qrels; dev_suite replaces the guard lists: give the guard sets in the suite (role guard), not both") : nil
        },
        .custom { r in
            r.devSuite != nil && r.objective == .crossEncoder
                ? ("dev_suite", "is not supported for a cross-encoder; its dev check is dev_queries, dev_corpus, dev_qrels") : nil
        },
        .custom { r in
            r.anchorPromptName != nil && r.anchorPrompt != nil
                ? ("prompts.anchor", "is set and so is prompts.anchor_name; give the prompt's name or its text, not both") : nil
        },
        .custom { r in
            r.positivePromptName != nil && r.positivePrompt != nil
                ? ("prompts.positive", "is set and so is prompts.positive_name; give the prompt's name or its text, not both") : nil
        },
        .custom { r in
            r.anchorField == r.positiveField && !r.anchorField.isEmpty
                ? ("positive_field", "is the same as anchor_field (\"\(r.anchorField)\")") : nil
        },
    ])

    /// Every recipe key (dotted for nested keys), in the order `yaml()` writes them.
    public static var knownKeys: [String] { schema.names }

    /// Is a dev set configured (`dev_queries`, `dev_corpus`, `dev_qrels`; `dev_suite` aside)?
    public var hasDevSet: Bool { devQueries != nil && devCorpus != nil && devQrels != nil }

    /// The guard sets, in order: (queries, corpus, qrels) each.
    public var guardSets: [(queries: String, corpus: String, qrels: String)] {
        zip(guardQueries, zip(guardCorpus, guardQrels)).map { ($0, $1.0, $1.1) }
    }

    /// Is at least one guard set configured?
    public var hasGuardSet: Bool { !guardSets.isEmpty }

    /// Checks every value against its key's rule in `schema`, then the rules over several keys,
    /// throwing `AttuneError.badConfig` naming the first bad key. `source` names the recipe in the
    /// message (its path, or "recipe").
    public func validate(source: String = "recipe") throws { try Recipe.schema.validate(self, source: source) }

    /// The keys, other than the resumable ones, whose values differ between `self` (the recipe a
    /// checkpoint was made with) and `other`, as `key: mine → other's`.
    /// A changed `sources` list is told source by source and field by field.
    public func differences(from other: Recipe) -> [String] {
        Recipe.schema.differences(self, other).flatMap { d in
            d.hasPrefix("sources: ") ? TrainingSource.differences(sources, other.sources) : [d]
        }
    }

    /// The recipe as each of its sources reads: `(name, recipe)` per source of `sources`, or for
    /// the one-file form `(nil, self)`.
    public var sourceRecipes: [(name: String?, recipe: Recipe)] {
        sources.isEmpty ? [(nil, self)] : sources.map { ($0.name, $0.recipe(from: self)) }
    }

    /// What is trained on, for messages: the pairs file, or the sources' names.
    public var pairsDescription: String {
        sources.isEmpty ? pairs : "\(sources.count) source(s) (\(sources.map(\.name).joined(separator: ", ")))"
    }

    /// Sets `key` (dotted for nested keys) from command-line text, as `RecipeSchema.set` says:
    /// `--set merge.alphas=0.1,0.5`. A path is taken relative to `currentDirectory`.
    public mutating func set(_ key: String, to text: String, source: String, currentDirectory: URL) throws {
        try Recipe.schema.set(key, to: text, in: &self, source: source, currentDirectory: currentDirectory)
    }
}

// Codable with the schema's keys (nested keys as nested objects): any subset decodes, absent keys
// keep their defaults.
extension Recipe: Codable {
    public init(from decoder: Decoder) throws { self = try Recipe.schema.decode(from: decoder) }
    public func encode(to encoder: Encoder) throws { try Recipe.schema.encode(self, to: encoder) }
}

extension Recipe {
    /// What a recipe trains (`objective`).
    public enum Objective: String, CaseIterable, Sendable, Codable {
        /// An embedding model (a bi-encoder), trained with MNRL.
        case biEncoder = "bi_encoder"
        /// A reranker scoring concatenated (query, document) pairs (`CrossEncoderObjective`).
        case crossEncoder = "cross_encoder"
    }

    /// The cross-encoder's loss (`cross_encoder_loss`; `CrossEncoderLoss` is the loss itself).
    public enum CrossEncoderLossKind: String, CaseIterable, Sendable, Codable {
        /// Binary cross-entropy: positive 1 (or the pair's label), negatives 0.
        case bce
        /// Softmax over the query's positive and negatives.
        case listwise
    }
}

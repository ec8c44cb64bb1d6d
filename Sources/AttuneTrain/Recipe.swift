import AttuneCore
import Foundation

/// Everything one fine-tuning run needs, as written in a YAML recipe (snake_case keys).
/// Load one with `Recipe.load(_:)`, apply command-line flags with `overriding(_:)`, check it with
/// `validate()`, and save the resolved form beside the model with `yaml()`.
public struct Recipe: Codable, Equatable, Sendable {
    /// A model name (looked up in Attune's model cache) or a path to a sentence-transformers folder.
    public var model = "all-MiniLM-L6-v2"
    /// The training pairs: `.jsonl`, `.csv` or `.tsv`.
    public var pairs = ""
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
    /// Clip the global gradient norm to this (0 = no clipping).
    public var maxGradNorm: Float = 1.0
    /// Multiplier of cosine similarities in the loss.
    public var scale: Float = 20
    /// Use the symmetric loss (also rank anchors for each positive).
    public var symmetric = false
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
    public var guideMarginStrategy: GuideFilter.MarginStrategy = .absolute
    /// GradCache: embed a batch this many texts at a time (nil: the whole batch at once).
    public var miniBatchSize: Int?
    /// Query-side augmentation of the anchors (probabilities; all 0 = off).
    public var augment = AnchorAugmenter()

    /// The `guide` value that names the base model itself.
    public static let guideIsBase = "base"

    /// A recipe with every default (`pairs` and `output` still to be set).
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case model, pairs
        case anchorField = "anchor_field", positiveField = "positive_field", negativePrefix = "negative_prefix"
        case devQueries = "dev_queries", devCorpus = "dev_corpus", devQrels = "dev_qrels"
        case output, epochs
        case maxPairs = "max_pairs", batchSize = "batch_size", lr, warmup
        case weightDecay = "weight_decay", maxGradNorm = "max_grad_norm", scale, symmetric
        case maxSeqLength = "max_seq_length", trainableLayers = "trainable_layers", head, dropout, seed
        case evalEvery = "eval_every", checkpointEvery = "checkpoint_every", skipBad = "skip_bad"
        case guide, guideMargin = "guide_margin", guideMarginStrategy = "guide_margin_strategy"
        case miniBatchSize = "mini_batch_size"
        case augmentLowercase = "augment_lowercase", augmentStripTemplate = "augment_strip_template", augmentTypo = "augment_typo"
    }

    /// Every recipe key, in the order `yaml()` writes them.
    public static var knownKeys: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Decodes any subset of the keys; absent keys keep their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func get<T: Decodable>(_ k: CodingKeys, _ v: inout T) throws { if let x = try c.decodeIfPresent(T.self, forKey: k) { v = x } }
        try get(.model, &model); try get(.pairs, &pairs)
        try get(.anchorField, &anchorField); try get(.positiveField, &positiveField); try get(.negativePrefix, &negativePrefix)
        devQueries = try c.decodeIfPresent(String.self, forKey: .devQueries)
        devCorpus = try c.decodeIfPresent(String.self, forKey: .devCorpus)
        devQrels = try c.decodeIfPresent(String.self, forKey: .devQrels)
        try get(.output, &output); try get(.epochs, &epochs)
        maxPairs = try c.decodeIfPresent(Int.self, forKey: .maxPairs)
        try get(.batchSize, &batchSize); try get(.lr, &lr); try get(.warmup, &warmup)
        try get(.weightDecay, &weightDecay); try get(.maxGradNorm, &maxGradNorm); try get(.scale, &scale)
        try get(.symmetric, &symmetric); try get(.maxSeqLength, &maxSeqLength); try get(.trainableLayers, &trainableLayers)
        try get(.head, &head); try get(.dropout, &dropout); try get(.seed, &seed)
        try get(.evalEvery, &evalEvery); try get(.checkpointEvery, &checkpointEvery); try get(.skipBad, &skipBad)
        guide = try c.decodeIfPresent(String.self, forKey: .guide)
        try get(.guideMargin, &guideMargin)
        if let v = try c.decodeIfPresent(String.self, forKey: .guideMarginStrategy) {
            guard let st = GuideFilter.MarginStrategy(rawValue: v) else {
                throw AttuneError.badConfig(source: "recipe", field: "guide_margin_strategy", what: "\(v) is not absolute or relative")
            }
            guideMarginStrategy = st
        }
        miniBatchSize = try c.decodeIfPresent(Int.self, forKey: .miniBatchSize)
        try get(.augmentLowercase, &augment.lowercase); try get(.augmentStripTemplate, &augment.stripTemplate)
        try get(.augmentTypo, &augment.typo)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model); try c.encode(pairs, forKey: .pairs)
        try c.encode(anchorField, forKey: .anchorField); try c.encode(positiveField, forKey: .positiveField)
        try c.encode(negativePrefix, forKey: .negativePrefix)
        try c.encodeIfPresent(devQueries, forKey: .devQueries); try c.encodeIfPresent(devCorpus, forKey: .devCorpus)
        try c.encodeIfPresent(devQrels, forKey: .devQrels)
        try c.encode(output, forKey: .output); try c.encode(epochs, forKey: .epochs)
        try c.encodeIfPresent(maxPairs, forKey: .maxPairs); try c.encode(batchSize, forKey: .batchSize)
        try c.encode(lr, forKey: .lr); try c.encode(warmup, forKey: .warmup); try c.encode(weightDecay, forKey: .weightDecay)
        try c.encode(maxGradNorm, forKey: .maxGradNorm); try c.encode(scale, forKey: .scale); try c.encode(symmetric, forKey: .symmetric)
        try c.encode(maxSeqLength, forKey: .maxSeqLength); try c.encode(trainableLayers, forKey: .trainableLayers)
        try c.encode(head, forKey: .head); try c.encode(dropout, forKey: .dropout); try c.encode(seed, forKey: .seed)
        try c.encode(evalEvery, forKey: .evalEvery); try c.encode(checkpointEvery, forKey: .checkpointEvery)
        try c.encode(skipBad, forKey: .skipBad)
        try c.encodeIfPresent(guide, forKey: .guide); try c.encode(guideMargin, forKey: .guideMargin)
        try c.encode(guideMarginStrategy.rawValue, forKey: .guideMarginStrategy)
        try c.encodeIfPresent(miniBatchSize, forKey: .miniBatchSize)
        try c.encode(augment.lowercase, forKey: .augmentLowercase); try c.encode(augment.stripTemplate, forKey: .augmentStripTemplate)
        try c.encode(augment.typo, forKey: .augmentTypo)
    }

    /// Is a dev set configured?
    public var hasDevSet: Bool { devQueries != nil && devCorpus != nil && devQrels != nil }

    /// Checks every value's range, throwing `AttuneError.badConfig` naming the first bad key.
    /// `source` names the recipe in the message (its path, or "recipe").
    public func validate(source: String = "recipe") throws {
        func check(_ ok: Bool, _ key: CodingKeys, _ what: @autoclosure () -> String) throws {
            if !ok { throw AttuneError.badConfig(source: source, field: key.rawValue, what: what()) }
        }
        try check(!model.isEmpty, .model, "is empty (a model name or folder)")
        try check(!pairs.isEmpty, .pairs, "is required (a .jsonl, .csv or .tsv file of pairs)")
        try check(!output.isEmpty, .output, "is required (the folder the trained model goes to)")
        try check(!anchorField.isEmpty, .anchorField, "is empty")
        try check(!positiveField.isEmpty, .positiveField, "is empty")
        try check(anchorField != positiveField, .positiveField, "is the same as anchor_field (\"\(anchorField)\")")
        try check(!negativePrefix.isEmpty, .negativePrefix, "is empty")
        let dev = [devQueries, devCorpus, devQrels].filter { $0 != nil }.count
        try check(dev == 0 || dev == 3, devQueries == nil ? .devQueries : devCorpus == nil ? .devCorpus : .devQrels,
                  "is missing: give dev_queries, dev_corpus and dev_qrels together, or none")
        try check(epochs >= 1, .epochs, "is \(epochs); must be at least 1")
        if let m = maxPairs { try check(m >= 1, .maxPairs, "is \(m); must be at least 1 (or null for all)") }
        try check(batchSize >= 2, .batchSize, "is \(batchSize); must be at least 2 (the other pairs of a batch are the negatives)")
        try check(lr.isFinite && lr > 0, .lr, "is \(lr); must be greater than 0")
        try check(warmup >= 0 && warmup < 1, .warmup, "is \(warmup); must be in [0, 1) (a fraction of the steps)")
        try check(weightDecay.isFinite && weightDecay >= 0, .weightDecay, "is \(weightDecay); must be at least 0")
        try check(maxGradNorm.isFinite && maxGradNorm >= 0, .maxGradNorm, "is \(maxGradNorm); must be at least 0 (0 = no clipping)")
        try check(scale.isFinite && scale > 0, .scale, "is \(scale); must be greater than 0")
        try check(maxSeqLength >= 3 && maxSeqLength <= 512, .maxSeqLength, "is \(maxSeqLength); must be in 3...512")
        try check(trainableLayers >= 0, .trainableLayers, "is \(trainableLayers); must be at least 0")
        try check(dropout >= 0 && dropout < 1, .dropout, "is \(dropout); must be in [0, 1)")
        try check(seed >= 0, .seed, "is \(seed); must be at least 0")
        try check(evalEvery >= 0, .evalEvery, "is \(evalEvery); must be at least 0 (0 = only at the end)")
        try check(checkpointEvery >= 0, .checkpointEvery, "is \(checkpointEvery); must be at least 0 (0 = never)")
        if let g = guide { try check(!g.isEmpty, .guide, "is empty (`base`, a model name or folder, or null for no guide)") }
        try check(guideMargin.isFinite && guideMargin >= 0 && guideMargin < 1, .guideMargin, "is \(guideMargin); must be in [0, 1)")
        for (k, p) in [(CodingKeys.augmentLowercase, augment.lowercase), (.augmentStripTemplate, augment.stripTemplate), (.augmentTypo, augment.typo)] {
            try check(p.isFinite && p >= 0 && p <= 1, k, "is \(p); must be a probability in [0, 1]")
        }
        if let m = miniBatchSize {
            try check(m >= 1, .miniBatchSize, "is \(m); must be at least 1 (or null: the whole batch at once)")
            try check(m <= batchSize, .miniBatchSize,
                      "is \(m), larger than batch_size \(batchSize): a mini-batch is a part of a batch (null embeds the whole batch at once)")
            try check(batchSize % m == 0, .miniBatchSize,
                      "is \(m), which does not divide batch_size \(batchSize); pick a divisor so every mini-batch costs the same memory")
        }
    }

    /// This recipe with every flag that is set in `o` replacing its value. Path flags are taken
    /// relative to the current directory (as a shell user expects) and made absolute.
    public func overriding(_ o: RecipeOverrides) -> Recipe {
        var r = self
        func path(_ p: String) -> String {
            URL(fileURLWithPath: (p as NSString).expandingTildeInPath).standardizedFileURL.path
        }
        if let v = o.model { r.model = Recipe.looksLikePath(v) ? path(v) : v }
        if let v = o.pairs { r.pairs = path(v) }
        if let v = o.output { r.output = path(v) }
        if let v = o.devQueries { r.devQueries = path(v) }
        if let v = o.devCorpus { r.devCorpus = path(v) }
        if let v = o.devQrels { r.devQrels = path(v) }
        if let v = o.epochs { r.epochs = v }
        if let v = o.maxPairs { r.maxPairs = v }
        if let v = o.batchSize { r.batchSize = v }
        if let v = o.lr { r.lr = v }
        if let v = o.warmup { r.warmup = v }
        if let v = o.scale { r.scale = v }
        if let v = o.symmetric { r.symmetric = v }
        if let v = o.maxSeqLength { r.maxSeqLength = v }
        if let v = o.trainableLayers { r.trainableLayers = v }
        if let v = o.head { r.head = v }
        if let v = o.dropout { r.dropout = v }
        if let v = o.seed { r.seed = v }
        if let v = o.evalEvery { r.evalEvery = v }
        if let v = o.checkpointEvery { r.checkpointEvery = v }
        if let v = o.skipBad { r.skipBad = v }
        if let v = o.guide { r.guide = v == "none" ? nil : (Recipe.looksLikePath(v) ? path(v) : v) }
        if let v = o.guideMargin { r.guideMargin = v }
        if let v = o.miniBatchSize { r.miniBatchSize = v == 0 ? nil : v }
        return r
    }

    /// Is a `model` value a path rather than a name? (It contains `/` or starts with `.` or `~`.)
    static func looksLikePath(_ s: String) -> Bool {
        s.contains("/") || s.hasPrefix(".") || s.hasPrefix("~")
    }
}

/// Command-line flags that replace recipe values; nil leaves the recipe's value.
public struct RecipeOverrides: Sendable, Equatable {
    public var model: String?
    public var pairs: String?
    public var output: String?
    public var devQueries: String?
    public var devCorpus: String?
    public var devQrels: String?
    public var epochs: Int?
    public var maxPairs: Int?
    public var batchSize: Int?
    public var lr: Float?
    public var warmup: Double?
    public var scale: Float?
    public var symmetric: Bool?
    public var maxSeqLength: Int?
    public var trainableLayers: Int?
    public var head: Bool?
    public var dropout: Float?
    public var seed: Int?
    public var evalEvery: Int?
    public var checkpointEvery: Int?
    public var skipBad: Bool?
    /// `base`, a model, or `none`.
    public var guide: String?
    public var guideMargin: Float?
    /// 0 turns GradCache off.
    public var miniBatchSize: Int?

    public init(model: String? = nil, pairs: String? = nil, output: String? = nil,
                devQueries: String? = nil, devCorpus: String? = nil, devQrels: String? = nil,
                epochs: Int? = nil, maxPairs: Int? = nil, batchSize: Int? = nil, lr: Float? = nil,
                warmup: Double? = nil, scale: Float? = nil, symmetric: Bool? = nil, maxSeqLength: Int? = nil,
                trainableLayers: Int? = nil, head: Bool? = nil, dropout: Float? = nil, seed: Int? = nil,
                evalEvery: Int? = nil, checkpointEvery: Int? = nil, skipBad: Bool? = nil) {
        self.model = model; self.pairs = pairs; self.output = output
        self.devQueries = devQueries; self.devCorpus = devCorpus; self.devQrels = devQrels
        self.epochs = epochs; self.maxPairs = maxPairs; self.batchSize = batchSize; self.lr = lr
        self.warmup = warmup; self.scale = scale; self.symmetric = symmetric; self.maxSeqLength = maxSeqLength
        self.trainableLayers = trainableLayers; self.head = head; self.dropout = dropout; self.seed = seed
        self.evalEvery = evalEvery; self.checkpointEvery = checkpointEvery; self.skipBad = skipBad
    }
}

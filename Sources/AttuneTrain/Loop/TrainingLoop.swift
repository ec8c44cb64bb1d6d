import AttuneCore
import AttuneData
import Foundation

/// Where the loop is: what a checkpoint saves and a resumed run starts from.
public struct LoopState: Sendable, Equatable {
    /// Steps done.
    public var step = 0
    /// The loss of each step done.
    public var losses: [Float] = []
    /// The best dev score so far (nil: none yet, or no dev set).
    public var bestDev: Double? = nil
    /// The step of the last checkpoint written or resumed from (nil: none).
    public var lastGood: Int? = nil

    public init(step: Int = 0, losses: [Float] = [], bestDev: Double? = nil, lastGood: Int? = nil) {
        self.step = step
        self.losses = losses
        self.bestDev = bestDev
        self.lastGood = lastGood
    }

    /// The mean of the last 20 losses (nan before the first step).
    public var smoothedLoss: Float {
        let recent = losses.suffix(20)
        return recent.isEmpty ? .nan : recent.reduce(0, +) / Float(recent.count)
    }
}

/// What the loop calls between steps. Each runs after a step's update, in this order.
public struct LoopHooks {
    /// After every step.
    public var progress: ((StepReport) -> Void)?
    /// Every `devEvery` steps before the last (0: never): score dev, maybe save the best model.
    public var devEvery = 0
    public var devCheck: ((inout LoopState) throws -> Void)?
    /// Every `checkpointEvery` steps before the last (0: never): write a checkpoint.
    public var checkpointEvery = 0
    public var checkpoint: ((LoopState, AdamW) throws -> Void)?
    /// Test hook: throw `Trainer.Stopped` right after this step and its checkpoint, as a kill at
    /// that moment would leave things.
    public var stopAfterStep: Int?

    public init() {}
}

/// The main loop, as llm.c's `train_gpt2.c` reads:
///
///     for each planned batch (those before `state.step` are done):
///         zero the gradients
///         loss = objective.forwardBackward(batch)      gather → forward → loss → backward
///         update: + L2-SP gradient → clip → AdamW (warmup, linear decay)
///         hooks: progress, dev check, checkpoint
///
/// It knows nothing of pairs or losses: anything conforming to `TrainingObjective` trains here.
public struct TrainingLoop {
    /// The batches in order; a multi-source plan is just another order of them.
    public var batches: [PlannedBatch]
    public var schedule: LinearSchedule
    /// The peak learning rate the schedule scales.
    public var peakLR: Float
    public var optimizer: AdamW
    /// L2-SP toward the starting weights (nil: off).
    public var regularizer: L2SPRegularizer?
    /// Clip the global gradient norm to this (0: no clipping).
    public var maxGradNorm: Float
    /// The run's seed; step `s` draws from `seed·0x9E3779B9 + s`.
    public var seed: UInt64
    /// Examples per step, for the throughput in the progress line.
    public var examplesPerStep: Int

    public init(batches: [PlannedBatch], schedule: LinearSchedule, peakLR: Float, optimizer: AdamW,
                regularizer: L2SPRegularizer?, maxGradNorm: Float, seed: UInt64, examplesPerStep: Int) {
        self.batches = batches
        self.schedule = schedule
        self.peakLR = peakLR
        self.optimizer = optimizer
        self.regularizer = regularizer
        self.maxGradNorm = maxGradNorm
        self.seed = seed
        self.examplesPerStep = examplesPerStep
    }

    /// A non-finite loss or weight: the step it happened at (1-based) and the last checkpoint.
    public struct Diverged: Error {
        public var what: String
        public var step: Int
        public var lastGood: Int?
    }

    /// Run the batches from `state.step` on. Throws `Diverged` on a non-finite loss or weight.
    public mutating func run<O: TrainingObjective>(_ objective: inout O, state: inout LoopState, hooks: LoopHooks) throws {
        let params = objective.parameters
        let tensors = params.map(\.tensor)
        let steps = batches.count, firstStep = state.step, start = Date()
        for batch in batches[min(state.step, steps)...] {
            let stepSeed = seed &* 0x9E37_79B9 &+ UInt64(state.step)
            for t in tensors { t.zeroGrad() }
            let loss = try objective.forwardBackward(batch, seed: stepSeed)
            guard loss.isFinite else { throw Diverged(what: "the loss became \(loss.isNaN ? "NaN" : "\(loss)")", step: state.step + 1, lastGood: state.lastGood) }
            let lr = update(tensors, afterSteps: state.step)
            // A finite loss can still come with an overflowing update: never checkpoint it.
            if let bad = params.first(where: { !Trainer.allFinite($0.tensor) }) {
                throw Diverged(what: "\(bad.name) became infinite or NaN", step: state.step + 1, lastGood: state.lastGood)
            }
            state.step += 1
            state.losses.append(loss)
            if let progress = hooks.progress {
                let elapsed = Date().timeIntervalSince(start)
                let pps = Double((state.step - firstStep) * examplesPerStep) / max(elapsed, 1e-9)
                progress(StepReport(step: state.step, totalSteps: steps, loss: loss, smoothedLoss: state.smoothedLoss,
                                    learningRate: lr, pairsPerSecond: pps,
                                    etaSeconds: Double((steps - state.step) * examplesPerStep) / max(pps, 1e-9)))
            }
            try runHooks(hooks, state: &state, steps: steps)
        }
    }

    /// The update (llm.c's `gpt2_update`): the regularizer's gradient, clipping, then AdamW at the
    /// schedule's learning rate. Returns that rate.
    public mutating func update(_ tensors: [Tensor], afterSteps step: Int) -> Float {
        regularizer?.addGradient(to: tensors)
        if maxGradNorm > 0 { clipGradNorm(tensors, maxNorm: maxGradNorm) }
        let lr = schedule.learningRate(base: peakLR, afterSteps: step)
        optimizer.lr = lr
        optimizer.step()
        return lr
    }

    private func runHooks(_ hooks: LoopHooks, state: inout LoopState, steps: Int) throws {
        let step = state.step
        if let devCheck = hooks.devCheck, hooks.devEvery > 0 && step % hooks.devEvery == 0 && step < steps {
            try devCheck(&state)
        }
        if let checkpoint = hooks.checkpoint, hooks.checkpointEvery > 0 && step % hooks.checkpointEvery == 0 && step < steps {
            try checkpoint(state, optimizer)
            state.lastGood = step
        }
        if let stop = hooks.stopAfterStep, step == stop { throw Trainer.Stopped(step: step) }
    }
}

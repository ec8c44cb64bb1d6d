import Foundation

/// Owned, contiguous Float32 memory. Shared between a tensor and its `detached()` views.
public final class Storage: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<Float>
    public let count: Int

    /// Fresh memory, zero-filled unless `zeroed` is false (for outputs an op overwrites whole).
    public init(count: Int, zeroed: Bool = true) {
        self.count = count
        pointer = .allocate(capacity: max(count, 1))
        if zeroed { pointer.initialize(repeating: 0, count: max(count, 1)) }
    }

    deinit { pointer.deallocate() }
}

/// A Float32 tensor: a shape over contiguous row-major storage, plus what reverse-mode
/// autodiff needs. An op whose inputs require gradients records its parents and a backward
/// closure; nothing is recorded otherwise, so inference builds no tape at all.
public final class Tensor: @unchecked Sendable {
    public let shape: [Int]
    public let storage: Storage
    /// Does backward compute a gradient for this tensor? Frozen parameters say no and cost nothing.
    public let requiresGrad: Bool
    /// The accumulated gradient, allocated on the first write.
    public private(set) var grad: Storage?
    /// Human-readable name for errors and checkpoints (parameters only).
    public var name: String

    // The tape: who made this tensor, and how to push its gradient back to them.
    var parents: [Tensor] = []
    /// Given this tensor's gradient, accumulate into the parents' gradients. Closures capture the
    /// storage they need, never the output tensor itself, so an unfinished tape frees cleanly.
    var backwardFn: ((_ gradOut: UnsafeMutablePointer<Float>) -> Void)?

    /// A zero-filled tensor.
    public init(zeros shape: [Int], requiresGrad: Bool = false, name: String = "") {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
        self.shape = shape
        self.storage = Storage(count: shape.reduce(1, *))
        self.requiresGrad = requiresGrad
        self.name = name
    }

    /// A tensor whose values are unspecified until written: for op outputs that are overwritten whole.
    public init(uninitialized shape: [Int], requiresGrad: Bool = false) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in shape \(shape)")
        self.shape = shape
        self.storage = Storage(count: shape.reduce(1, *), zeroed: false)
        self.requiresGrad = requiresGrad
        self.name = ""
    }

    /// A tensor holding `values` (count must equal the product of `shape`).
    public convenience init(_ values: [Float], shape: [Int], requiresGrad: Bool = false, name: String = "") {
        precondition(values.count == shape.reduce(1, *),
                     "Tensor: \(values.count) values do not fill shape \(shape)")
        self.init(zeros: shape, requiresGrad: requiresGrad, name: name)
        values.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: values.count) }
    }

    /// A tensor over existing storage (a view with another shape, or a detached copy of a parameter).
    public init(storage: Storage, shape: [Int], requiresGrad: Bool = false, name: String = "") {
        precondition(shape.reduce(1, *) == storage.count,
                     "Tensor: shape \(shape) does not match storage of \(storage.count) floats")
        self.shape = shape
        self.storage = storage
        self.requiresGrad = requiresGrad
        self.name = name
    }

    public var count: Int { storage.count }
    public var rank: Int { shape.count }
    @inlinable public var data: UnsafeMutablePointer<Float> { storage.pointer }
    /// The values as an array (copies).
    public var values: [Float] { Array(UnsafeBufferPointer(start: storage.pointer, count: storage.count)) }
    /// Rows × columns of the tensor seen as a matrix whose last dimension is the columns.
    public var rows: Int { shape.count <= 1 ? 1 : count / (shape.last ?? 1) }
    public var cols: Int { shape.last ?? 1 }

    /// The same values with no history and no gradient: what inference and evaluation use.
    public func detached() -> Tensor { Tensor(storage: storage, shape: shape, name: name) }

    /// A deep copy (new storage), optionally trainable.
    public func copy(requiresGrad: Bool = false) -> Tensor {
        let t = Tensor(zeros: shape, requiresGrad: requiresGrad, name: name)
        t.data.update(from: data, count: count)
        return t
    }

    public subscript(i: Int) -> Float {
        get { storage.pointer[i] }
        set { storage.pointer[i] = newValue }
    }

    // MARK: gradients

    /// The gradient buffer, allocated (zeroed) if absent.
    func gradBuffer() -> UnsafeMutablePointer<Float> {
        if grad == nil { grad = Storage(count: count) }
        return grad!.pointer
    }

    /// The gradient as a tensor with this shape (nil if none was computed).
    public var gradient: Tensor? { grad.map { Tensor(storage: $0, shape: shape) } }

    /// Drop the gradient (before the next step).
    public func zeroGrad() { grad = nil }

    /// Record how this tensor was made. Called by ops only when some input requires grad.
    func record(_ parents: [Tensor], _ backward: @escaping (_ gradOut: UnsafeMutablePointer<Float>) -> Void) {
        self.parents = parents
        self.backwardFn = backward
    }

    /// Reverse-mode sweep from this scalar: every tensor on the tape that requires grad gets its
    /// gradient accumulated. The tape is released afterwards.
    public func backward() {
        precondition(count == 1, "backward: needs a scalar loss, got shape \(shape)")
        backward(seed: Tensor([1], shape: [1]))
    }

    /// Reverse-mode sweep from a tensor of any shape whose gradient is `seed` (same count): the
    /// vector–Jacobian product. GradCache uses it to push precomputed embedding gradients through
    /// a re-run mini-batch. The tape is released afterwards.
    public func backward(seed: Tensor) {
        precondition(seed.count == count, "backward: seed of \(seed.count) values for a tensor of shape \(shape)")
        precondition(requiresGrad, "backward: the loss does not depend on any tensor that requires grad")
        var order: [Tensor] = []
        var seen = Set<ObjectIdentifier>()
        var stack: [(Tensor, Bool)] = [(self, false)]
        while let (t, expanded) = stack.popLast() {
            if expanded { order.append(t); continue }
            if !seen.insert(ObjectIdentifier(t)).inserted { continue }
            stack.append((t, true))
            for p in t.parents where p.requiresGrad && !seen.contains(ObjectIdentifier(p)) { stack.append((p, false)) }
        }
        gradBuffer().update(from: seed.data, count: count)
        for t in order.reversed() {
            if let fn = t.backwardFn, let g = t.grad { fn(g.pointer) }
            // Release the tape as we go: intermediate activations and their gradients are freed.
            if t.backwardFn != nil {
                t.backwardFn = nil
                t.parents = []
                t.grad = nil
            }
        }
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let head = values.prefix(8).map { String(format: "%.5g", $0) }.joined(separator: ", ")
        return "Tensor\(shape)[\(head)\(count > 8 ? ", …" : "")]"
    }
}

/// Shapes in messages: `[2, 3]`.
@inline(__always) func fmt(_ shape: [Int]) -> String { "\(shape)" }

/// How mined negatives are picked from an anchor's candidate window.
public enum NegativeSampling: String, Sendable, Codable, CaseIterable {
    /// The highest-scoring candidates (NV-Retriever's TopK-PercPos with a relative margin).
    case top
    /// A seeded random sample of the window, written best first.
    case random
}

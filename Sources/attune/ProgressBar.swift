import Foundation

/// A one-line progress bar on stderr with rate and ETA, drawn only when stderr is a terminal.
struct ProgressBar {
    let total: Int
    let unit: String
    let label: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let enabled = isatty(2) != 0

    init(total: Int, unit: String, label: String = "") {
        self.total = total; self.unit = unit; self.label = label
    }

    /// Redraw at most ten times a second, and always at the end.
    mutating func update(_ done: Int) {
        guard enabled else { return }
        let now = Date()
        if done < total && now.timeIntervalSince(lastDraw) < 0.1 { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? min(width, width * done / total) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = String(format: "\r%@%@ %d/%d %.1f %@/s ETA %@ ", label.isEmpty ? "" : label + " ", bar, done, total,
                          rate, unit, formatDuration(eta))
        FileHandle.standardError.write(Data(line.utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// `1:05` or `12s`.
func formatDuration(_ s: Double) -> String {
    guard s.isFinite else { return "?" }
    let t = Int(s.rounded())
    return t >= 60 ? String(format: "%d:%02d", t / 60, t % 60) : "\(t)s"
}

/// Print one line to stderr.
func note(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }

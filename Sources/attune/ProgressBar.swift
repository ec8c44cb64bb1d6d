import AttuneData
import Foundation

/// Progress on stderr with rate and ETA: a one-line bar redrawn in place when stderr is a terminal,
/// otherwise (a log file, CI) a plain line every `logInterval` seconds, so long work is never silent.
struct ProgressBar {
    let total: Int
    let unit: String
    let label: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let interactive = isatty(2) != 0
    /// Seconds between two lines when stderr is not a terminal: 30, or `ATTUNE_PROGRESS_SECONDS`
    /// (checked once at start-up by `logInterval(_:)`, so a bad value never gets here).
    private let logInterval: TimeInterval = (try? ProgressBar.logInterval()) ?? 30

    /// `ATTUNE_PROGRESS_SECONDS` (default 30); a value that is not a number of seconds ≥ 0 is an
    /// error naming the variable.
    static func logInterval(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TimeInterval {
        guard let v = environment["ATTUNE_PROGRESS_SECONDS"] else { return 30 }
        guard let s = TimeInterval(v.trimmingCharacters(in: .whitespaces)), s >= 0, s.isFinite else {
            throw AttuneError.badConfig(source: "environment", field: "ATTUNE_PROGRESS_SECONDS",
                                        what: "expected a number of seconds, at least 0, got \"\(v)\"")
        }
        return s
    }

    init(total: Int, unit: String, label: String = "") {
        self.total = total; self.unit = unit; self.label = label
    }

    /// Redraw at most ten times a second, and always at the end; without a terminal, one line per
    /// `logInterval` while the work lasts (short work prints nothing).
    mutating func update(_ done: Int) {
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        guard interactive else {
            guard done < total, now.timeIntervalSince(lastDraw == .distantPast ? start : lastDraw) >= logInterval else { return }
            lastDraw = now
            note(String(format: "%@%d/%d %@  %.1f %@/s  ETA %@", label.isEmpty ? "" : label + " ", done, total, unit,
                        rate, unit, formatDuration(eta)))
            return
        }
        if done < total && now.timeIntervalSince(lastDraw) < 0.1 { return }
        lastDraw = now
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

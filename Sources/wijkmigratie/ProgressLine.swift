import Foundation
import WijkPipeline

/// A progress line on stderr — file, records, records/s, how far, ETA — drawn only when stderr is
/// a terminal and the run has taken more than a couple of seconds; nothing in CI or in logs.
final class ProgressLine: @unchecked Sendable {   // updated by the run's reading thread only; finished after the run has returned
    private let started = Date()
    private var stageStarted = Date()
    private var stage = ""
    private var lastDrawn = Date.distantPast
    private var drawn = false
    private let after: TimeInterval

    /// `nil` when stderr is not a terminal.
    static func make() -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let after = ProcessInfo.processInfo.environment["WIJKMIGRATIE_PROGRESS_AFTER"].flatMap(TimeInterval.init) ?? 2
        return ProgressLine(after: after)
    }

    private init(after: TimeInterval) { self.after = after }

    func update(_ p: RunProgress) {
        let now = Date()
        if p.stage != stage { stage = p.stage; stageStarted = now }
        guard now.timeIntervalSince(started) >= after, now.timeIntervalSince(lastDrawn) >= 0.25 else { return }
        lastDrawn = now
        let elapsed = max(now.timeIntervalSince(stageStarted), 0.001)
        let rate = Int(Double(p.records) / elapsed)
        var line = "reading \(p.stage): \(p.records) records, \(rate)/s"
        if let f = p.fraction, f > 0.001 {
            let eta = Int(elapsed * (1 - f) / f)
            line += ", \(Int(f * 100))%, ETA \(eta)s"
        }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
        drawn = true
    }

    /// Clears the line, so that the summary starts on a clean one.
    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}

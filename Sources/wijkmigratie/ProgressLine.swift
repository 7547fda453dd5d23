import Foundation
import WijkRuntime
import WijkPipeline

/// A progress line on stderr — file, records, records/s, how far, ETA — drawn only when stderr is
/// a terminal and the run has taken more than a couple of seconds; nothing in CI or in logs.
final class ProgressLine: Sendable {
    private struct State {
        var stageStarted = Date()
        var stage = ""
        var lastDrawn = Date.distantPast
        var drawn = false
    }

    private let started = Date()
    /// Updated by the thread that puts the records in order, finished after the run has returned.
    private let state = Locked(State())
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
        let stageStarted = state.withLock { s -> Date? in
            if p.stage != s.stage { s.stage = p.stage; s.stageStarted = now }
            guard now.timeIntervalSince(started) >= after, now.timeIntervalSince(s.lastDrawn) >= 0.25 else { return nil }
            s.lastDrawn = now
            s.drawn = true
            return s.stageStarted
        }
        guard let stageStarted else { return }
        let elapsed = max(now.timeIntervalSince(stageStarted), 0.001)
        let rate = Int(Double(p.records) / elapsed)
        var line = "reading \(p.stage): \(p.records) records, \(rate)/s"
        if let f = p.fraction, f > 0.001 {
            let eta = Int(elapsed * (1 - f) / f)
            line += ", \(Int(f * 100))%, ETA \(eta)s"
        }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
    }

    /// Clears the line, so that the summary starts on a clean one.
    func finish() {
        if state.withLock({ $0.drawn }) { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}

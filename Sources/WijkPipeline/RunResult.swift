import Foundation
import WijkModel

/// Everything a run produced: the summary, every finding and rejection, and the tables it loads
/// (or would load, for `check`).
public struct RunResult: Sendable {
    public let summary: RunSummary
    /// Errors (each belongs to a rejection) and warnings, in reading order.
    public let findings: [Finding]
    public let rejections: [Rejection]
    public let tables: [TableData]
    /// SHA-256 over the migration file, the mapping files and every input file.
    public let inputChecksum: String
    /// The `migratierun` id, when the run loaded the store.
    public let runID: Int?
    /// Where the report was written.
    public let reportFolder: String
    /// How long each stage took (`--timings`), in the order they ran.
    public var timings: [StageTiming] = []
    /// Every conflict of the run, with what became of it (the steward's workspace lists them).
    package var conflicts: [ConflictOutcome] = []

    public init(summary: RunSummary, findings: [Finding], rejections: [Rejection], tables: [TableData], inputChecksum: String,
                runID: Int?, reportFolder: String, timings: [StageTiming] = []) {
        self.summary = summary
        self.findings = findings
        self.rejections = rejections
        self.tables = tables
        self.inputChecksum = inputChecksum
        self.runID = runID
        self.reportFolder = reportFolder
        self.timings = timings
    }

    /// 0: done and nothing blocks; 1: a steward must look first (a source over its reject
    /// threshold) and nothing was loaded.
    public var exitStatus: Int32 { summary.blocked.isEmpty ? 0 : 1 }

    public func table(_ name: String) -> TableData? { tables.first { $0.name == name } }
}

/// Where a run is, for a progress line on a terminal: the file being read, the records read
/// from it, and how far through the file it is.
public struct RunProgress: Sendable {
    public let stage: String
    public let records: Int
    public let fraction: Double?
}

/// A run that could not be done: its code (what callers and tests match) and the one message for
/// stderr, which says where and what to do.
public struct RunError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The migration gives no peildatum (`peildatum:` or the gemeente's `datum`).
        public static let noPeildatum = Code("noPeildatum")
        /// A source file cannot be read, or is not well-formed XML.
        public static let unreadableInput = Code("unreadableInput")
        /// An input cannot be read for the audit checksum.
        public static let checksum = Code("checksum")
        /// The merge's working file failed (a full disk, a damaged file).
        public static let workingFile = Code("workingFile")
        /// Steward decisions that do not fit their conflicts.
        public static let decisions = Code("decisions")
        /// The report folder cannot be written.
        public static let report = Code("report")
        /// The accounting check: records that do not add up (an internal error).
        public static let accounting = Code("accounting")
    }

    public let code: Code
    public let description: String
    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}

/// One stage of a run and its wall time.
public struct StageTiming: Sendable {
    public let stage: String
    public let seconds: Double
    /// The process's peak resident memory so far, in MB (Linux: VmHWM), when known.
    public let peakMB: Int?
}

/// Wall time per stage: each `lap` closes the stage that ran since the last one.
struct StageTimings {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var stages: [StageTiming] = []

    init() { last = clock.now }

    /// VmHWM from /proc/self/status (Linux); nil elsewhere.
    static func peakResidentMB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
        return kb / 1024
    }

    mutating func lap(_ stage: String) {
        let now = clock.now
        let d = now - last
        stages.append(StageTiming(stage: stage, seconds: Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18,
                                  peakMB: Self.peakResidentMB()))
        last = now
    }
}

/// A conflict of a run and what became of it.
package struct ConflictOutcome: Sendable {
    package enum Status: String, Sendable {
        /// A steward's decision in besluiten.yml settled it.
        case decided
        /// It waits for a decision (and blocks the load unless `--allow-open`).
        case open
        /// A key collision, which namespacing resolves: nothing to decide.
        case namespaced
    }
    package let conflict: Conflict
    package let status: Status
    /// The decision as applied: `kies hoogezand-sappemeer — wie: …; waarom: …`.
    package let besluit: String?
}

import WijkModel
import WijkPipeline
import WijkStore

/// The few lines a run prints on stdout: counts only, never personal data.
enum Summary {
    static func text(_ result: RunResult, loaded: Bool, store: StoreLocation?) -> String {
        let s = result.summary
        func row(_ label: String, _ c: Counts) -> String {
            label.padding(28) + String(c.read).leftPad(8) + String(c.loaded).leftPad(8) + String(c.merged).leftPad(8) + String(c.rejected).leftPad(10)
        }
        var lines = ["migratie \(s.migratie)", "source".padding(28) + "read".leftPad(8) + "loaded".leftPad(8) + "merged".leftPad(8) + "rejected".leftPad(10)]
        for source in s.sources { lines.append(row(source.bron, source.total)) }
        lines.append(row("total", s.total))
        lines.append("findings: \(s.findings.errors) errors (records rejected), \(s.findings.warnings) warnings")
        let total = s.conflicts.values.reduce(0, +)
        lines.append("conflicts: \(total), of which \(s.decided.count) decided and \(s.openConflicts) open")
        lines.append("report: \(result.reportFolder)")
        if !s.blocked.isEmpty {
            lines.append("store: not loaded (blocked)")
        } else if loaded, case .sqlite(let path)? = store, let id = result.runID {
            lines.append("store: sqlite:\(path) (migratierun \(id))")
        } else if !loaded {
            lines.append("store: not touched (check)")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
    func leftPad(_ width: Int) -> String { count >= width ? " " + self : String(repeating: " ", count: width - count) + self }
}

/// The catalogue as text: `wijkmigratie rules` prints it, and the README's rule table is this
/// Markdown (a test keeps the two the same).
package enum RuleTable {
    package static func lines() -> String {
        let rows: [(id: String, severity: String, what: String)] = RuleCatalogue.all.map { ($0.id.rawValue, $0.severity.rawValue, $0.name) }
            + FindingCatalogue.all.map { ($0.id.rawValue, $0.severity, $0.what) }
        let width = rows.map(\.id.count).max() ?? 0
        return rows.map { row in
            let padding = String(repeating: " ", count: width - row.id.count + 2)
            return row.id + padding + row.severity + String(repeating: " ", count: max(1, 9 - row.severity.count)) + row.what
        }.joined(separator: "\n")
    }

    package static func markdown() -> String {
        var rows = ["| rule | severity | kind | what | why |", "| --- | --- | --- | --- | --- |"]
        for rule in RuleCatalogue.all {
            let settable: String
            switch rule.configurable {
            case .any: settable = ""
            case .severityOnly: settable = " (never off)"
            case .fixed: settable = " (fixed)"
            }
            rows.append("| `\(rule.id.rawValue)` | \(rule.severity.rawValue)\(settable) | \(rule.kindName) | \(rule.name) | \(rule.rationale) |")
        }
        return rows.joined(separator: "\n")
            + "\n\nBesides the rules, reading, mapping, merging and deciding report these findings (not configurable):\n\n"
            + FindingCatalogue.markdown()
    }
}

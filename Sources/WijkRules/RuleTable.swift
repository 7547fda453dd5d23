/// The catalogue as text: `wijkmigratie rules` prints it, and the README's rule table is this
/// Markdown (a test keeps the two the same).
public enum RuleTable {
    public static func lines() -> String {
        let width = RuleCatalogue.all.map(\.id.count).max() ?? 0
        return RuleCatalogue.all.map { rule in
            rule.id + String(repeating: " ", count: width - rule.id.count + 2)
                + rule.severity.rawValue + String(repeating: " ", count: 9 - rule.severity.rawValue.count) + rule.name
        }.joined(separator: "\n")
    }

    public static func markdown() -> String {
        var rows = ["| rule | severity | kind | what | why |", "| --- | --- | --- | --- | --- |"]
        for rule in RuleCatalogue.all {
            let settable: String
            switch rule.configurable {
            case .any: settable = ""
            case .severityOnly: settable = " (never off)"
            case .fixed: settable = " (fixed)"
            }
            rows.append("| `\(rule.id)` | \(rule.severity.rawValue)\(settable) | \(rule.kindName) | \(rule.name) | \(rule.rationale) |")
        }
        return rows.joined(separator: "\n")
    }
}

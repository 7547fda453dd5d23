import WijkModel

/// Runs the catalogue's record rules on a mapped record, with a source's settings: an error
/// rejects the record (the first one found), warnings are reported and the record goes on.
package struct RecordValidator: Sendable {
    let rules: [Entity: [(rule: Rule, severity: Severity, check: @Sendable (MappedRecord, RuleContext) -> Violation?)]]
    let context: RuleContext

    /// - Parameter settings: rule id → severity, or nil for a rule switched off.
    package init(settings: [RuleID: Severity?], context: RuleContext) {
        var byEntity: [Entity: [(Rule, Severity, @Sendable (MappedRecord, RuleContext) -> Violation?)]] = [:]
        for rule in RuleCatalogue.all {
            guard case .record(let entities, let check) = rule.kind else { continue }
            let severity: Severity
            if let setting = settings[rule.id] {
                guard let s = setting else { continue }
                severity = s
            } else {
                severity = rule.severity
            }
            for entity in entities { byEntity[entity, default: []].append((rule, severity, check)) }
        }
        rules = byEntity
        self.context = context
    }

    package func validate(_ record: MappedRecord) -> (rejection: Rejection?, warnings: [Finding]) {
        var warnings: [Finding] = []
        for (rule, severity, check) in rules[record.entity] ?? [] {
            guard let v = check(record, context) else { continue }
            let finding = Finding(severity: severity, rule: rule.id, entiteit: record.entity, provenance: record.provenance,
                                  veld: v.field, melding: v.message, waarde: v.value, waardeIsPersoonlijk: v.personal)
            if severity == .error { return (Rejection(finding: finding, raw: record.raw, subject: record.subject), warnings) }
            warnings.append(finding)
        }
        return (nil, warnings)
    }
}

import WijkMapping
import WijkMerge
import WijkModel

/// The counts, findings and rejections a run gathers while it reads.
struct RunState {
    struct Key: Hashable {
        let bron: String
        let entity: Entity
    }

    let plan: MigrationPlan
    var counts: [Key: Counts] = [:]
    var findings: [Finding] = []
    var rejections: [Rejection] = []

    init(plan: MigrationPlan) {
        self.plan = plan
    }

    /// Rejects per source that count against its `max_rejects` (all but those of a row filter).
    var defects: [String: Int] = [:]

    mutating func reject(_ rejection: Rejection, _ key: Key) {
        counts[key, default: Counts()].rejected += 1
        if rejection.finding.rule != .rowFilter { defects[key.bron, default: 0] += 1 }
        rejections.append(rejection)
        findings.append(rejection.finding)
    }

    /// A record that was counted as loaded or merged and is taken out again by a steward's
    /// decision or an open conflict: it becomes a reject, with the conflict as its reason.
    mutating func takeOut(_ record: Merger.Removed, rule: RuleID, reason: String) {
        let key = Key(bron: record.provenance.bron, entity: record.entity)
        if record.madeTheRow { counts[key, default: Counts()].loaded -= 1 } else { counts[key, default: Counts()].merged -= 1 }
        let finding = Finding(severity: .error, rule: rule, entiteit: record.entity, provenance: record.provenance, melding: reason)
        reject(Rejection(finding: finding,
                         raw: "(\(record.provenance.bestand) \(record.provenance.locatie.stored): the record is in the source; \(reason))"), key)
        // Kept out by a conflict or a decision: not a defect of the source.
        defects[key.bron, default: 0] -= 1
    }

    /// The sources over their reject threshold, each with why.
    func thresholdsExceeded() -> [String] {
        plan.sources.compactMap { source in
            guard let limit = source.maxRejects else { return nil }
            let read = counts.filter { $0.key.bron == source.name }.reduce(0) { $0 + $1.value.read }
            let rejected = defects[source.name] ?? 0
            guard limit.isExceeded(rejected: rejected, read: read) else { return nil }
            return "source \(source.name) has \(rejected) rejected records of \(read) read, more than its max_rejects \(limit)"
        }
    }

    func summary(tables: [TableData]) -> RunSummary {
        var sources: [RunSummary.Source] = []
        var total = Counts()
        var holds = true
        for source in plan.sources {
            var entities: [String: Counts] = [:]
            var sourceTotal = Counts()
            for entity in Set(source.entities.map(\.entity)).sorted() {
                let c = counts[Key(bron: source.name, entity: entity)] ?? Counts()
                entities[entity.rawValue] = c
                sourceTotal = sourceTotal + c
                holds = holds && c.balances
            }
            total = total + sourceTotal
            sources.append(RunSummary.Source(bron: source.name, gemeente: source.gemeente.code, entities: entities, total: sourceTotal))
        }
        var rules: [String: Int] = [:]
        for f in findings { rules[f.rule.rawValue, default: 0] += 1 }
        return RunSummary(
            migratie: plan.name, sources: sources, total: total,
            tables: Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0.count) }),
            findings: RunSummary.FindingCounts(errors: findings.filter { $0.severity == .error }.count,
                                               warnings: findings.filter { $0.severity == .warning }.count, rules: rules),
            accountingHolds: holds && total.balances)
    }
}

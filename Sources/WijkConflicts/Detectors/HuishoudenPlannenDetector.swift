import WijkMerge
import WijkModel

/// `huishouden.plannen`: one household, one plan, one regisseur — a household with more than
/// one active plan, or plans with different regisseurs, is a conflict.
enum HuishoudenPlannenDetector {
    static let huishouden = MappedRecordFields.index(.plan, "huishouden")
    static let grouping = ConflictDetection.Grouping(group: { plan in
        plan.values[huishouden].map(\.canonicalText).flatMap { $0.isEmpty ? nil : $0 }
    }, severalSources: false)

    static func detect(_ byHousehold: [(String, [Merger.MergedRow])], today: CivilDate) -> [Conflict] {
        let i = { MappedRecordFields.index(.plan, $0) }
        return byHousehold.compactMap { household, group in
            let active = group.filter { plan in
                if CaseStatus.isClosed(plan.values[i("status")]?.canonicalText) { return false }
                if case .date(let end)? = plan.values[i("einddatum")], end < today { return false }
                return true
            }
            let regisseurs = Set(group.compactMap { $0.values[i("regisseur")]?.canonicalText })
            guard active.count > 1 || regisseurs.count > 1 else { return nil }
            let detail = active.count > 1
                ? "\(active.count) active plans for one household" + (regisseurs.count > 1 ? " with \(regisseurs.count) regisseurs" : "")
                : "plans with \(regisseurs.count) different regisseurs for one household"
            return Conflict(soort: .huishoudenPlannen, entiteit: "huishouden", sleutel: household,
                            sides: group.flatMap { sides($0, fields: ["regisseur", "startdatum", "einddatum", "status"], entity: .plan) }
                                .map { Conflict.Side(provenance: $0.provenance, sleutel: $0.sleutel, values: $0.values) },
                            detail: detail)
        }
    }
}

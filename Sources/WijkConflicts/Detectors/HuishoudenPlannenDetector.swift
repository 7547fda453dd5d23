import WijkMerge
import WijkModel

/// `huishouden.plannen`: one household, one plan, one regisseur — a household with more than
/// one plan active at the peildatum is a conflict (two active plans, whether their regisseurs
/// differ or not; with one active plan there is one regisseur). Closed and ended plans are history.
enum HuishoudenPlannenDetector {
    static let huishouden = MappedRecordFields.index(.plan, "huishouden")
    static let grouping = ConflictDetection.Grouping(group: { plan in
        plan.values[huishouden].map(\.canonicalText).flatMap { $0.isEmpty ? nil : $0 }
    }, severalSources: false)

    static func detect(_ byHousehold: [(String, [Merger.MergedRow])], peildatum: CivilDate) -> [Conflict] {
        let i = { MappedRecordFields.index(.plan, $0) }
        func date(_ v: Value?) -> CivilDate? { if case .date(let d)? = v { return d } else { return nil } }
        return byHousehold.compactMap { household, group in
            // Closed or ended plans, and plans not yet started, are history or future: only the
            // plans active at the peildatum and their regisseurs count.
            let active = group.filter { plan in
                CaseStatus.planIsActive(status: plan.values[i("status")]?.canonicalText, start: date(plan.values[i("startdatum")]),
                                        end: date(plan.values[i("einddatum")]), at: peildatum)
            }
            let regisseurs = Set(active.compactMap { $0.values[i("regisseur")]?.canonicalText })
            guard active.count > 1 else { return nil }
            let detail = "\(active.count) plans active on \(peildatum.iso) for one household"
                + (regisseurs.count > 1 ? ", with \(regisseurs.count) regisseurs" : "")
            return Conflict(soort: .huishoudenPlannen, entiteit: "huishouden", sleutel: household,
                            sides: active.flatMap { sides($0, fields: ["regisseur", "startdatum", "einddatum", "status"], entity: .plan) },
                            detail: detail)
        }
    }
}

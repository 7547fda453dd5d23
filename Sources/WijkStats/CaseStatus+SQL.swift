import WijkModel

// The peildatum tests of `CaseStatus` as SQL on the store, for both stores.
extension CaseStatus {
    /// The same test as SQL, for both stores (`day` is a quoted ISO date).
    package static func sqlPlanIsActive(_ plan: String, day: String) -> String {
        "(\(plan).einddatum IS NULL OR \(plan).einddatum >= \(day)) AND (\(plan).startdatum IS NULL OR \(plan).startdatum <= \(day))"
            + " AND COALESCE(\(plan).status, '') <> '\(PlanStatus.afgesloten.rawValue)'"
    }

    /// A hulpvraag is open at the peildatum when its status is not `afgesloten` and it was not
    /// closed on or before the day.
    package static func sqlHulpvraagIsOpen(_ hulpvraag: String, day: String) -> String {
        "(\(hulpvraag).afgesloten_op IS NULL OR \(hulpvraag).afgesloten_op > \(day))"
            + " AND COALESCE(\(hulpvraag).status, '') <> '\(HulpvraagStatus.afgesloten.rawValue)'"
    }
}

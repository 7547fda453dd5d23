/// The canonical status of a plan: sources reach it through value maps like every other code
/// (`Lopend: actief`), and a label that is not mapped is a finding (`value_not_in_code_list`),
/// never silently "active".
package enum PlanStatus: String, CaseIterable, Sendable {
    /// Being drawn up with the household; already the household's plan.
    case concept
    /// In force.
    case actief
    /// Ended: history, whatever its einddatum says.
    case afgesloten

    package static var codes: [String] { allCases.map(\.rawValue) }
}

/// The canonical status of a hulpvraag (a request for help), reached through value maps.
package enum HulpvraagStatus: String, CaseIterable, Sendable {
    /// Reported, not yet taken up.
    case aangemeld
    /// Taken up, being worked on.
    case open
    /// Closed.
    case afgesloten

    package static var codes: [String] { allCases.map(\.rawValue) }
}

/// Whether a plan or hulpvraag is open at the peildatum, as the conflict stage and the
/// monitoring figures both judge it.
package enum CaseStatus {
    /// A plan is active at the peildatum when its status is not `afgesloten`, it has started
    /// (no startdatum counts as started) and it has not ended before the day.
    package static func planIsActive(status: String?, start: CivilDate?, end: CivilDate?, at peildatum: CivilDate) -> Bool {
        if status == PlanStatus.afgesloten.rawValue { return false }
        if let start, start > peildatum { return false }
        if let end, end < peildatum { return false }
        return true
    }
}

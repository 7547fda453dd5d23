import WijkModel

/// What the merge needs to know of the new organisation and the sources.
package struct MergeContext: Sendable {
    /// Per source: old team key → new wijkteam id.
    package let teams: [String: [String: String]]
    /// Per source: its (former) gemeente code, kept beside numbers unique only within it.
    package let bronGemeente: [String: String]
    /// An address (postcode, huisnummer) → its wijk and buurt; wijk → wijkteam id.
    package let place: @Sendable (Postcode, Int?) -> (wijk: String, buurt: String?)?
    package let wijkteam: @Sendable (String) -> String?
    /// The most FTE one person may have over all wijkteams (`max_fte`, default 1.0).
    package let maxFTE: Double
    /// Sources that are folders of iStandaarden messages, read in the order they were sent: a
    /// later message's toewijzing replaces an earlier one with the same key (which stays in the
    /// lineage as superseded), instead of being a duplicate key.
    package let messageSources: Set<String>

    package init(teams: [String: [String: String]], bronGemeente: [String: String],
                wijk: @escaping @Sendable (Postcode) -> String?, wijkteam: @escaping @Sendable (String) -> String?, maxFTE: Double = 1.0) {
        self.init(teams: teams, bronGemeente: bronGemeente, place: { postcode, _ in wijk(postcode).map { ($0, nil) } },
                  wijkteam: wijkteam, maxFTE: maxFTE)
    }

    package init(teams: [String: [String: String]], bronGemeente: [String: String],
                place: @escaping @Sendable (Postcode, Int?) -> (wijk: String, buurt: String?)?,
                wijkteam: @escaping @Sendable (String) -> String?, maxFTE: Double = 1.0, messageSources: Set<String> = []) {
        self.place = place
        self.messageSources = messageSources
        self.maxFTE = maxFTE
        self.teams = teams
        self.bronGemeente = bronGemeente
        self.wijkteam = wijkteam
    }
}

/// What became of one source record in the merge.
package enum MergeOutcome: Sendable, Equatable {
    /// It made a new canonical row.
    case loaded
    /// It was folded into an existing canonical row (both are in `herkomst`).
    case merged
    case rejected(Rejection)
}

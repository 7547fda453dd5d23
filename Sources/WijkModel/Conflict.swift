/// The kinds of conflict that only appear when sources are put side by side.
package enum ConflictKind: String, CaseIterable, Sendable, Codable, Comparable {
    /// The same BSN with another birth date or name (after normalising).
    case clientIdentiteit = "client.identiteit"
    /// The same BSN at different addresses in different sources.
    case clientAdres = "client.adres"
    /// A household with more than one active plan, or plans with different regisseurs.
    case huishoudenPlannen = "huishouden.plannen"
    /// The same BSN and productcategorie in overlapping periods from different sources.
    case voorzieningOverlap = "voorziening.overlap"
    /// The same person (e-mail) in several sources' staff with more than 1.0 FTE together, or in
    /// old teams that map to different wijkteams.
    case medewerkerDubbel = "medewerker.dubbel"
    /// The same source key meaning different things in different sources: resolved by namespacing.
    case sleutelBotsing = "sleutel.botsing"
    /// An address whose postcode is in no wijk of the new gemeente.
    case wijkOnbekend = "wijk.onbekend"

    package static func < (a: ConflictKind, b: ConflictKind) -> Bool { a.rawValue < b.rawValue }

    /// Whether the conflict needs a steward; a key collision is resolved by namespacing and only reported.
    package var needsDecision: Bool { self != .sleutelBotsing }
}

/// One conflict: its stable id, what it is about, and every source's side of it.
package struct Conflict: Sendable, Equatable {
    /// One source record in the conflict, with the values that differ.
    package struct Side: Sendable, Equatable {
        package let provenance: Provenance
        /// The record's key in the store (`hoogezand-sappemeer/100001`, a BSN, an address key).
        package let sleutel: String
        /// Field → value as this source has it (canonical text; personal ones masked in reports).
        package let values: [(String, String)]

        package init(provenance: Provenance, sleutel: String, values: [(String, String)]) {
            self.provenance = provenance
            self.sleutel = sleutel
            self.values = values
        }

        package static func == (a: Side, b: Side) -> Bool {
            a.provenance == b.provenance && a.sleutel == b.sleutel && a.values.map { "\($0.0)=\($0.1)" } == b.values.map { "\($0.0)=\($0.1)" }
        }
    }

    package let id: String
    package let soort: ConflictKind
    /// The store table the conflict is about, and the key it is about in it.
    package let entiteit: String
    package let sleutel: String
    package let sides: [Side]
    /// One line on what differs.
    package let detail: String

    /// A conflict with its id. The conflict stage makes the id (from the kind, the key and the
    /// sides' source keys: `WijkConflicts`' `Conflict.init(soort:entiteit:sleutel:sides:detail:)`).
    package init(id: String, soort: ConflictKind, entiteit: String, sleutel: String, sides: [Side], detail: String) {
        self.id = id
        self.soort = soort
        self.entiteit = entiteit
        self.sleutel = sleutel
        self.sides = sides
        self.detail = detail
    }

    package var bronnen: [String] { Array(Set(sides.map(\.provenance.bron))).sorted() }
}

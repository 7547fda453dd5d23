import WijkModel

/// What `explain` finds about one canonical record: what was loaded, every source record that
/// made it or was merged into it, the findings on those, the conflicts it was in with their
/// decisions, the records that refer to it, and rejected records that name it.
package struct Story: Sendable {
    package let entity: Entity
    package let key: String
    /// The loaded row, column by column (nil: NULL); empty when the record is not in its table.
    package var loaded: [(column: String, value: String?)] = []
    package var sources: [SourceRecord] = []
    package var findings: [StoredFinding] = []
    package var conflicts: [StoredConflict] = []
    package var related: [Related] = []
    package var rejected: [StoredRejection] = []

    package init(entity: Entity, key: String) {
        self.entity = entity
        self.key = key
    }
}

/// One source record's place: source, file, line (or XPath with its line), its own key, and its
/// raw text as the file holds it now (nil when it could not be read again).
package struct SourceRecord: Sendable, Equatable {
    package let bron: String
    package let bestand: String
    package let locatie: String
    package let bronSleutel: String?
    package var raw: String?

    package init(bron: String, bestand: String, locatie: String, bronSleutel: String?, raw: String? = nil) {
        self.bron = bron
        self.bestand = bestand
        self.locatie = locatie
        self.bronSleutel = bronSleutel
        self.raw = raw
    }

    /// A CSV record's line, for ordering (an XPath location sorts after, by its text).
    var line: Int? { Int(locatie) }
}

package struct StoredFinding: Sendable, Equatable {
    package let ernst: String
    package let regel: String
    package let bron: String
    package let bestand: String
    package let locatie: String
    package let veld: String?
    package let melding: String
}

package struct StoredConflict: Sendable, Equatable {
    package let id: String
    package let soort: String
    package let entiteit: String
    package let sleutel: String
    package let detail: String
    /// The decision as the run applied it; nil while open.
    package let besluit: String?
}

package struct StoredRejection: Sendable, Equatable {
    package let bron: String
    package let bestand: String
    package let locatie: String
    package let entiteit: String
    package let regel: String
    package let veld: String?
    package let melding: String
    package let raw: String
}

/// A loaded record that refers to the story's record, or that it refers to.
package struct Related: Sendable, Equatable {
    package let entity: Entity
    package let key: String
    /// How it relates, e.g. "the client's household", "hulpvraag of this client".
    package let how: String
    /// Where it came from: "bron bestand locatie" of each source record.
    package let places: [String]
}

/// The configuration files a user writes, each with its JSON Schema (`wijkmigratie schema`).
package enum ConfigFileKind: String, Sendable, CaseIterable {
    case migratie
    case mapping
    case besluiten
}

/// The keys a configuration file may hold at one place, and where that file's JSON Schema
/// describes the place (a JSON pointer to an object schema with `properties`). The loaders check
/// keys only through these (`KeyedNode` takes a `KeySet`), and a test holds every set in `all`
/// against the schema: a key the loader accepts that the schema lacks fails, and so does one the
/// schema offers that the loader refuses.
package struct KeySet: Sendable {
    package let file: ConfigFileKind
    package let pointer: String
    package let keys: [String]

    fileprivate init(_ file: ConfigFileKind, _ pointer: String, _ keys: [String]) {
        self.file = file
        self.pointer = pointer
        self.keys = keys
    }

    func contains(_ key: String) -> Bool { keys.contains(key) }
}

package enum ConfigKeys {
    // The migration file.
    package static let migratie = KeySet(.migratie, "", [
        "migratie", "gemeente", "peildatum", "max_fte", "wijken", "postcodes", "wijkteams", "bronnen", "besluiten", "store", "report",
    ])
    package static let gemeente = KeySet(.migratie, "/$defs/gemeente", ["code", "naam", "datum"])
    package static let wijk = KeySet(.migratie, "/$defs/wijk", ["code", "naam"])
    package static let wijkteam = KeySet(.migratie, "/$defs/wijkteam", ["id", "naam", "locatie", "email", "telefoon", "wijken"])
    package static let bron = KeySet(.migratie, "/$defs/bron", ["bron", "gemeente", "mapping", "folder", "teams", "defaults", "rules", "max_rejects"])
    package static let postcodes = KeySet(.migratie, "/$defs/postcodes", ["file", "delimiter", "encoding", "columns"])
    package static let postcodeColumns = KeySet(.migratie, "/$defs/postcodeColumns", ["postcode", "wijk", "huisnummer", "buurt", "gemeente"])

    // A mapping file.
    package static let mapping = KeySet(.mapping, "", ["bronsysteem", "csv", "xml", "value_maps", "date_pivot", "istandaard", "entities"])
    package static let csv = KeySet(.mapping, "/$defs/csv", ["delimiter", "quote", "header", "encoding", "skip_rows", "max_record_bytes"])
    package static let xml = KeySet(.mapping, "/$defs/xml", ["namespaces"])
    package static let istandaard = KeySet(.mapping, "/$defs/istandaard", ["bericht"])
    package static let valueMapFile = KeySet(.mapping, "/$defs/valueMapFile", ["file", "from", "to", "delimiter", "encoding"])
    package static let entity = KeySet(.mapping, "/$defs/entity", ["file", "csv", "records", "xsd", "filter", "split", "fields"])
    package static let filter = KeySet(.mapping, "/$defs/filter", ["column", "xpath", "in", "not_in", "equals", "not_equals", "empty"])
    package static let split = KeySet(.mapping, "/$defs/split", ["column", "xpath", "pattern", "separator", "into"])
    package static let field = KeySet(.mapping, "/$defs/field", [
        "column", "xpath", "const", "template", "transforms", "date", "pivot", "decimal", "on_error", "default",
    ])
    package static let padLeft = KeySet(.mapping, "/$defs/padLeft", ["width", "with"])
    package static let boolean = KeySet(.mapping, "/$defs/boolean", ["true", "false"])
    package static let replace = KeySet(.mapping, "/$defs/replace", ["from", "to"])

    // besluiten.yml: one decision per conflict id.
    package static let besluitActions = ["kies", "zet", "beide", "wijs_af", "zonder_wijk"]
    package static let besluit = KeySet(.besluiten, "/$defs/besluit", besluitActions + ["wie", "waarom"])

    /// Every key set the loaders use.
    package static let all: [KeySet] = [
        migratie, gemeente, wijk, wijkteam, bron, postcodes, postcodeColumns,
        mapping, csv, xml, istandaard, valueMapFile, entity, filter, split, field, padLeft, boolean, replace,
        besluit,
    ]
}

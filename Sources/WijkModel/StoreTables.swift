/// The store's tables as they are after every schema migration: one declaration per table, from
/// which the load order, each table's column list and its row builders follow. The frozen
/// migrations in `WijkStore/Schema.swift` build this layout; a test migrates an empty store and
/// compares every table's columns (names, order, NOT NULL, primary key) with these declarations,
/// so a column added in one place and not the other fails the build's tests.
package struct TableDeclaration: Sendable, Equatable {
    package struct Column: Sendable, Equatable {
        package enum Kind: String, Sendable { case text = "TEXT", integer = "INTEGER", real = "DOUBLE PRECISION", date = "DATE" }
        package let name: String
        package let kind: Kind
        package let notNull: Bool
    }

    package let name: String
    package let columns: [Column]
    /// The primary key's columns (empty: none).
    package let primaryKey: [String]

    package var columnNames: [String] { columns.map(\.name) }

    /// A row in this table's column order from named values. Every column must be named and no
    /// other: a row builder that misses a column is a mistake in our code, found by the tests.
    package func row(_ values: KeyValuePairs<String, StoreValue>) -> [StoreValue] {
        let named = Dictionary(values.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        precondition(named.count == columns.count && columns.allSatisfy { named[$0.name] != nil },
                     "a row of \(name) names \(named.keys.sorted()), its columns are \(columnNames)")
        return columns.map { named[$0.name]! }
    }
}

extension TableData {
    /// A held table with the declaration's name and columns.
    package init(_ declaration: TableDeclaration, rows: [[StoreValue]] = []) {
        self.init(name: declaration.name, columns: declaration.columnNames, rows: rows)
    }

    /// A streamed table with the declaration's name and columns.
    package init(_ declaration: TableDeclaration, count: Int, open: @escaping @Sendable () -> any RowCursor) {
        self.init(name: declaration.name, columns: declaration.columnNames, count: count, open: open)
    }
}

package enum StoreTables {
    private typealias C = TableDeclaration.Column
    private static func text(_ name: String, _ notNull: Bool = false) -> C { C(name: name, kind: .text, notNull: notNull) }
    private static func date(_ name: String) -> C { C(name: name, kind: .date, notNull: false) }
    private static func integer(_ name: String, _ notNull: Bool = false) -> C { C(name: name, kind: .integer, notNull: notNull) }
    private static func real(_ name: String) -> C { C(name: name, kind: .real, notNull: false) }

    package static let gemeente = TableDeclaration(name: "gemeente", columns: [
        text("code", true), text("naam", true), date("opgeheven_op"), text("opgegaan_in"),
    ], primaryKey: ["code"])
    package static let wijk = TableDeclaration(name: "wijk", columns: [
        text("code", true), text("naam", true), text("gemeente", true),
    ], primaryKey: ["code"])
    package static let wijkteam = TableDeclaration(name: "wijkteam", columns: [
        text("id", true), text("naam", true), text("gemeente", true), text("locatie"), text("email"), text("telefoon"),
    ], primaryKey: ["id"])
    package static let wijkteamWijk = TableDeclaration(name: "wijkteam_wijk", columns: [
        text("wijkteam", true), text("wijk", true),
    ], primaryKey: ["wijkteam", "wijk"])
    /// One row per person. `fte` is the person's total over every inzet; `wijkteam` the wijkteam
    /// of the person's first staff record (in the migration file's source order).
    package static let medewerker = TableDeclaration(name: "medewerker", columns: [
        text("id", true), text("voornaam"), text("achternaam", true), text("email"), text("functie"), text("werkgever"),
        text("dienstverband"), real("fte"), text("wijkteam"),
    ], primaryKey: ["id"])
    /// What a person does for which wijkteam: one row per staff record of a source.
    package static let medewerkerInzet = TableDeclaration(name: "medewerker_inzet", columns: [
        text("medewerker", true), text("wijkteam"), real("fte"), text("bron", true),
    ], primaryKey: [])
    package static let activiteit = TableDeclaration(name: "activiteit", columns: [
        text("id", true), text("naam", true), text("soort"), text("locatie"), text("wijkteam"), text("begeleider"),
        date("startdatum"), date("einddatum"), integer("deelnemers"),
    ], primaryKey: ["id"])
    package static let huishouden = TableDeclaration(name: "huishouden", columns: [
        text("id", true), text("straat"), integer("huisnummer", true), text("huisletter"), text("toevoeging"),
        text("postcode", true), text("woonplaats"), text("wijk"), text("wijkteam"), text("buurt"),
    ], primaryKey: ["id"])
    package static let client = TableDeclaration(name: "client", columns: [
        text("bsn", true), text("voornamen"), text("voorletters"), text("voorvoegsel"), text("achternaam", true),
        date("geboortedatum"), text("geslacht"), text("huishouden"),
    ], primaryKey: ["bsn"])
    package static let plan = TableDeclaration(name: "plan", columns: [
        text("id", true), text("huishouden", true), text("regisseur"), date("startdatum"), date("einddatum"), text("status"),
    ], primaryKey: ["id"])
    package static let hulpvraag = TableDeclaration(name: "hulpvraag", columns: [
        text("id", true), text("bsn", true), date("meldingsdatum"), text("domein"), text("verwijzer"), text("status"),
        date("afgesloten_op"),
    ], primaryKey: ["id"])
    package static let voorziening = TableDeclaration(name: "voorziening", columns: [
        text("id", true), text("bsn", true), text("wet", true), text("productcategorie"), text("productcode"), integer("volume"),
        text("eenheid"), text("frequentie"), text("aanbieder"), date("begindatum"), date("einddatum"),
        text("beschikkingnummer"), text("toewijzingnummer"), text("bron_gemeente", true),
        date("toewijzingsdatum"), text("reden_wijziging"), integer("budget"), text("commentaar"),
    ], primaryKey: ["id"])
    package static let conflict = TableDeclaration(name: "conflict", columns: [
        text("id", true), text("soort", true), text("entiteit", true), text("sleutel", true), text("bronnen", true),
        text("detail", true), text("besluit"),
    ], primaryKey: ["id"])
    package static let herkomst = TableDeclaration(name: "herkomst", columns: [
        text("entiteit", true), text("sleutel", true), text("bron", true), text("bestand", true), text("locatie", true),
        text("bron_sleutel"),
    ], primaryKey: [])
    package static let afwijzing = TableDeclaration(name: "afwijzing", columns: [
        text("bron", true), text("bestand", true), text("locatie", true), text("entiteit", true), text("regel", true),
        text("veld"), text("melding", true), text("ruwe_regel", true),
    ], primaryKey: [])
    /// Every finding of the run (warnings on loaded records, and the errors that rejected one), unmasked
    /// as the store holds everything: `explain` joins them to `herkomst` and `afwijzing` by place.
    package static let bevinding = TableDeclaration(name: "bevinding", columns: [
        text("ernst", true), text("regel", true), text("bron", true), text("bestand", true), text("locatie", true),
        text("entiteit", true), text("veld"), text("melding", true),
    ], primaryKey: [])
    /// The history of runs: kept across loads, written by the store itself.
    package static let migratierun = TableDeclaration(name: "migratierun", columns: [
        integer("id", true), text("migratie", true), text("started", true), text("finished", true),
        text("input_checksum", true), text("counts", true), text("peildatum"),
    ], primaryKey: ["id"])

    /// The tables a run loads, in the order rows can be inserted (every foreign key points up the list).
    package static let loaded: [TableDeclaration] = [
        gemeente, wijk, wijkteam, wijkteamWijk, medewerker, medewerkerInzet, activiteit, huishouden, client,
        plan, hulpvraag, voorziening, conflict, herkomst, afwijzing, bevinding,
    ]

    /// Every table of the store.
    package static let all: [TableDeclaration] = loaded + [migratierun]

    /// The table a canonical entity's rows go to.
    package static func of(_ entity: Entity) -> TableDeclaration {
        switch entity {
        case .team: return wijkteam
        case .medewerker: return medewerker
        case .activiteit: return activiteit
        case .huishouden: return huishouden
        case .client: return client
        case .plan: return plan
        case .hulpvraag: return hulpvraag
        case .voorziening: return voorziening
        }
    }
}

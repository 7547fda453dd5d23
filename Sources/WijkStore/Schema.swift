import WijkModel

/// The store's schema as named, frozen migrations in plain SQL that SQLite and PostgreSQL both
/// accept. A migration that has shipped is never edited: a change is a new migration.
package enum Schema {
    package struct Migration: Sendable {
        package let name: String
        package let statements: [String]
    }

    package static let migrations: [Migration] = [v1, v2, v3, v4, v5, v6]

    /// Indexes that no key needs while loading: a load drops them first and builds them again at
    /// its end, in its transaction (maintaining an index row by row costs several times more).
    package static let secondaryIndexes: [(name: String, create: String)] = [
        ("herkomst_entiteit_sleutel", "CREATE INDEX herkomst_entiteit_sleutel ON herkomst (entiteit, sleutel)"),
    ]

    /// Tables in the order rows can be inserted (every foreign key points up the list): the
    /// declarations' order, `StoreTables.loaded`.
    /// Refuses a load with a table the store does not load (a table left out of the declarations
    /// would otherwise be skipped without a word).
    package static func checkTables(_ tables: [TableData]) throws {
        let known = Set(loadOrder)
        if let stray = tables.first(where: { !known.contains($0.name) }) {
            throw StoreError(.loadFailed, "internal error: table '\(stray.name)' is not one the store loads (StoreTables.loaded); nothing was loaded")
        }
    }

    /// A store holds one migration: a load replaces what the previous run of the *same*
    /// migration loaded, and refuses to overwrite another migration's content.
    package static func otherMigration(_ other: String, store: String, loading: String) -> String {
        "the store \(store) holds migration '\(other)', not '\(loading)': a store holds one migration, and a load replaces what "
            + "that migration's previous run loaded. Give '\(loading)' a store of its own (--store or 'store:' in its migration file); nothing was loaded"
    }

    package static var loadOrder: [String] { StoreTables.loaded.map(\.name) }

    static let v1 = Migration(name: "v1_canonical_model", statements: [
        """
        CREATE TABLE gemeente (
            code TEXT NOT NULL PRIMARY KEY CHECK (length(code) = 6 AND substr(code, 1, 2) = 'GM'),
            naam TEXT NOT NULL,
            opgeheven_op DATE,
            opgegaan_in TEXT REFERENCES gemeente(code)
        )
        """,
        """
        CREATE TABLE wijk (
            code TEXT NOT NULL PRIMARY KEY CHECK (length(code) = 8 AND substr(code, 1, 2) = 'WK'),
            naam TEXT NOT NULL,
            gemeente TEXT NOT NULL REFERENCES gemeente(code)
        )
        """,
        """
        CREATE TABLE wijkteam (
            id TEXT NOT NULL PRIMARY KEY,
            naam TEXT NOT NULL,
            gemeente TEXT NOT NULL REFERENCES gemeente(code),
            locatie TEXT,
            email TEXT,
            telefoon TEXT
        )
        """,
        """
        CREATE TABLE wijkteam_wijk (
            wijkteam TEXT NOT NULL REFERENCES wijkteam(id),
            wijk TEXT NOT NULL UNIQUE REFERENCES wijk(code),
            PRIMARY KEY (wijkteam, wijk)
        )
        """,
        """
        CREATE TABLE medewerker (
            id TEXT NOT NULL PRIMARY KEY,
            voornaam TEXT,
            achternaam TEXT NOT NULL,
            email TEXT,
            functie TEXT,
            werkgever TEXT,
            dienstverband TEXT CHECK (dienstverband IN ('in_dienst', 'gedetacheerd')),
            fte DOUBLE PRECISION,
            wijkteam TEXT REFERENCES wijkteam(id)
        )
        """,
        """
        CREATE TABLE huishouden (
            id TEXT NOT NULL PRIMARY KEY,
            straat TEXT,
            huisnummer INTEGER NOT NULL,
            huisletter TEXT,
            toevoeging TEXT,
            postcode TEXT NOT NULL CHECK (length(postcode) = 6),
            woonplaats TEXT,
            wijk TEXT REFERENCES wijk(code),
            wijkteam TEXT REFERENCES wijkteam(id)
        )
        """,
        """
        CREATE TABLE client (
            bsn TEXT NOT NULL PRIMARY KEY CHECK (length(bsn) = 9),
            voornamen TEXT,
            voorletters TEXT,
            voorvoegsel TEXT,
            achternaam TEXT NOT NULL,
            geboortedatum DATE,
            geslacht TEXT CHECK (geslacht IN ('0', '1', '2')),
            huishouden TEXT REFERENCES huishouden(id)
        )
        """,
        """
        CREATE TABLE plan (
            id TEXT NOT NULL PRIMARY KEY,
            huishouden TEXT NOT NULL REFERENCES huishouden(id),
            regisseur TEXT REFERENCES medewerker(id),
            startdatum DATE,
            einddatum DATE,
            status TEXT
        )
        """,
        """
        CREATE TABLE hulpvraag (
            id TEXT NOT NULL PRIMARY KEY,
            bsn TEXT NOT NULL REFERENCES client(bsn),
            meldingsdatum DATE,
            domein TEXT,
            verwijzer TEXT,
            status TEXT,
            afgesloten_op DATE
        )
        """,
        """
        CREATE TABLE voorziening (
            id TEXT NOT NULL PRIMARY KEY,
            bsn TEXT NOT NULL REFERENCES client(bsn),
            wet TEXT NOT NULL CHECK (wet IN ('wmo', 'jeugdwet', 'participatiewet')),
            productcategorie TEXT,
            productcode TEXT,
            volume INTEGER,
            eenheid TEXT,
            frequentie TEXT,
            aanbieder TEXT,
            begindatum DATE,
            einddatum DATE,
            beschikkingnummer TEXT,
            toewijzingnummer TEXT,
            bron_gemeente TEXT NOT NULL REFERENCES gemeente(code)
        )
        """,
        """
        CREATE TABLE conflict (
            id TEXT NOT NULL PRIMARY KEY,
            soort TEXT NOT NULL,
            entiteit TEXT NOT NULL,
            sleutel TEXT NOT NULL,
            bronnen TEXT NOT NULL,
            detail TEXT NOT NULL,
            besluit TEXT
        )
        """,
        """
        CREATE TABLE herkomst (
            entiteit TEXT NOT NULL,
            sleutel TEXT NOT NULL,
            bron TEXT NOT NULL,
            bestand TEXT NOT NULL,
            locatie TEXT NOT NULL,
            bron_sleutel TEXT
        )
        """,
        "CREATE INDEX herkomst_entiteit_sleutel ON herkomst (entiteit, sleutel)",
        """
        CREATE TABLE afwijzing (
            bron TEXT NOT NULL,
            bestand TEXT NOT NULL,
            locatie TEXT NOT NULL,
            entiteit TEXT NOT NULL,
            regel TEXT NOT NULL,
            veld TEXT,
            melding TEXT NOT NULL,
            ruwe_regel TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE migratierun (
            id INTEGER NOT NULL PRIMARY KEY,
            migratie TEXT NOT NULL,
            started TEXT NOT NULL,
            finished TEXT NOT NULL,
            input_checksum TEXT NOT NULL,
            counts TEXT NOT NULL
        )
        """,
    ])

    /// Group activities (welfare work: a buurtmoeders' coffee morning, a mantelzorg course).
    static let v2 = Migration(name: "v2_activiteit", statements: [
        """
        CREATE TABLE activiteit (
            id TEXT NOT NULL PRIMARY KEY,
            naam TEXT NOT NULL,
            soort TEXT,
            locatie TEXT,
            wijkteam TEXT REFERENCES wijkteam(id),
            begeleider TEXT REFERENCES medewerker(id),
            startdatum DATE,
            einddatum DATE,
            deelnemers INTEGER CHECK (deelnemers >= 0)
        )
        """,
    ])

    /// Staff who serve several wijkteams: one `medewerker` row per person, an inzet row per
    /// wijkteam and source; the run records its peildatum. A store of v2 moves forward: each
    /// medewerker row becomes one inzet row (its wijkteam, its FTE, its first source).
    static let v3 = Migration(name: "v3_medewerker_inzet_peildatum", statements: [
        """
        CREATE TABLE medewerker_inzet (
            medewerker TEXT NOT NULL REFERENCES medewerker(id),
            wijkteam TEXT REFERENCES wijkteam(id),
            fte DOUBLE PRECISION CHECK (fte >= 0),
            bron TEXT NOT NULL
        )
        """,
        """
        INSERT INTO medewerker_inzet (medewerker, wijkteam, fte, bron)
        SELECT m.id, m.wijkteam, m.fte,
               COALESCE((SELECT MIN(h.bron) FROM herkomst h WHERE h.entiteit = 'medewerker' AND h.sleutel = m.id), '(onbekend)')
        FROM medewerker m
        """,
        "ALTER TABLE migratierun ADD COLUMN peildatum TEXT",
    ])

    /// Households get their CBS buurt where the postcode table has one (`BU` + eight).
    static let v4 = Migration(name: "v4_huishouden_buurt", statements: [
        "ALTER TABLE huishouden ADD COLUMN buurt TEXT CHECK (buurt IS NULL OR (length(buurt) = 10 AND substr(buurt, 1, 2) = 'BU'))",
    ])

    /// What a wijkteam needs of an iWmo/iJw toewijzing beside the product: when it was assigned,
    /// why it was last changed (WMO002/JZ002), its budget where it has no omvang, the comment.
    static let v5 = Migration(name: "v5_voorziening_toewijzing", statements: [
        "ALTER TABLE voorziening ADD COLUMN toewijzingsdatum DATE",
        "ALTER TABLE voorziening ADD COLUMN reden_wijziging TEXT",
        "ALTER TABLE voorziening ADD COLUMN budget INTEGER CHECK (budget IS NULL OR budget >= 0)",
        "ALTER TABLE voorziening ADD COLUMN commentaar TEXT",
    ])

    static let v6 = Migration(name: "v6_bevinding", statements: [
        """
        CREATE TABLE bevinding (
            ernst TEXT NOT NULL,
            regel TEXT NOT NULL,
            bron TEXT NOT NULL,
            bestand TEXT NOT NULL,
            locatie TEXT NOT NULL,
            entiteit TEXT NOT NULL,
            veld TEXT,
            melding TEXT NOT NULL
        )
        """,
    ])
}

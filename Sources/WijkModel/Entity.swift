/// The canonical entities a mapping file can fill, in the order the pipeline processes them
/// (each one only refers to entities before it).
public enum Entity: String, CaseIterable, Sendable, Comparable, Codable {
    case team
    case medewerker
    case activiteit
    case huishouden
    case client
    case plan
    case hulpvraag
    case voorziening

    /// Its place in that order.
    public var ordinal: Int {
        switch self {
        case .team: return 0
        case .medewerker: return 1
        case .activiteit: return 2
        case .huishouden: return 3
        case .client: return 4
        case .plan: return 5
        case .hulpvraag: return 6
        case .voorziening: return 7
        }
    }

    public static func < (lhs: Entity, rhs: Entity) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Hashes its place, not its name: entities key the merge's tables, looked up per record.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    /// The store table its records end up in (an old team becomes part of a new wijkteam).
    public var table: String { self == .team ? "wijkteam" : rawValue }

    /// How records of this entity are keyed and merged across sources.
    public var identity: Identity {
        switch self {
        case .team: return .mappedToWijkteam
        case .client: return .bsn
        case .huishouden: return .address
        case .medewerker, .activiteit, .plan, .hulpvraag, .voorziening: return .namespacedSourceKey
        }
    }

    public enum Identity: Sendable {
        /// Old teams fold into the new organisation's wijkteams through the migration file.
        case mappedToWijkteam
        /// Clients merge on BSN.
        case bsn
        /// Households merge on the normalised address.
        case address
        /// Keys are unique only within one source: `bron/sleutel`.
        case namespacedSourceKey
    }

    public var fields: [FieldDefinition] { Catalogue.fields[self]! }

    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name == name }
    }
}

/// One canonical field: its kind, whether a record needs it, and where it goes.
public struct FieldDefinition: Sendable {
    public enum Role: Sendable, Equatable {
        /// Stored in this column of the entity's table.
        case column(String)
        /// The source's own key for the record (kept in `herkomst.bron_sleutel`).
        case sourceKey
        /// A key of another entity *as the same source knows it*; the merge resolves it into the
        /// canonical key, which is stored in the column.
        case reference(Entity, column: String)
    }

    public let name: String
    package let kind: FieldKind
    public let required: Bool
    public let role: Role

    package init(_ name: String, _ kind: FieldKind, required: Bool = false, role: Role? = nil) {
        self.name = name
        self.kind = kind
        self.required = required
        self.role = role ?? .column(name)
    }

    /// Whether the field holds personal data that reports must mask or leave out.
    public var isPersonal: Bool {
        kind == .bsn || FieldDefinition.personalNames.contains(name)
    }

    /// The canonical fields, by name, that hold personal data: masked in every report unless revealed.
    public static let personalNames: Set<String> = ["bsn", "voornamen", "voorletters", "voornaam", "achternaam", "voorvoegsel", "geboortedatum"]
}

enum Catalogue {
    static func text(_ max: Int) -> FieldKind { .text(maxLength: max) }

    static let fields: [Entity: [FieldDefinition]] = [
        .team: [
            FieldDefinition("sleutel", text(64), required: true, role: .sourceKey),
            FieldDefinition("naam", text(200)),
        ],
        .medewerker: [
            FieldDefinition("sleutel", text(64), required: true, role: .sourceKey),
            FieldDefinition("voornaam", text(200)),
            FieldDefinition("achternaam", text(200), required: true),
            FieldDefinition("email", text(254)),
            FieldDefinition("functie", text(200)),
            FieldDefinition("werkgever", text(200)),
            FieldDefinition("dienstverband", .code(["in_dienst", "gedetacheerd"])),
            FieldDefinition("fte", .decimal),
            FieldDefinition("team", text(64), role: .reference(.team, column: "wijkteam")),
        ],
        // A group activity (a buurtmoeders' coffee morning, a mantelzorg course, an outreach round):
        // welfare work that moves into the new organisation with its staff.
        .activiteit: [
            FieldDefinition("sleutel", text(64), required: true, role: .sourceKey),
            FieldDefinition("naam", text(200), required: true),
            FieldDefinition("soort", text(80)),
            FieldDefinition("locatie", text(200)),
            FieldDefinition("team", text(64), role: .reference(.team, column: "wijkteam")),
            FieldDefinition("begeleider", text(64), role: .reference(.medewerker, column: "begeleider")),
            FieldDefinition("startdatum", .date),
            FieldDefinition("einddatum", .date),
            FieldDefinition("deelnemers", .integer(0...100_000)),
        ],
        .huishouden: [
            FieldDefinition("sleutel", text(64), role: .sourceKey),
            FieldDefinition("straat", text(80)),
            FieldDefinition("huisnummer", .integer(1...99999), required: true),
            FieldDefinition("huisletter", text(1)),
            FieldDefinition("toevoeging", text(4)),
            FieldDefinition("postcode", .postcode, required: true),
            FieldDefinition("woonplaats", text(80)),
        ],
        .client: [
            FieldDefinition("sleutel", text(64), role: .sourceKey),
            FieldDefinition("bsn", .bsn, required: true),
            FieldDefinition("voornamen", text(200)),
            FieldDefinition("voorletters", text(20)),
            FieldDefinition("voorvoegsel", text(20)),
            FieldDefinition("achternaam", text(200), required: true),
            FieldDefinition("geboortedatum", .date),
            FieldDefinition("geslacht", .code(["0", "1", "2"])),
            FieldDefinition("huishouden", text(64), role: .reference(.huishouden, column: "huishouden")),
        ],
        .plan: [
            FieldDefinition("sleutel", text(64), required: true, role: .sourceKey),
            FieldDefinition("huishouden", text(64), required: true, role: .reference(.huishouden, column: "huishouden")),
            FieldDefinition("regisseur", text(64), role: .reference(.medewerker, column: "regisseur")),
            FieldDefinition("startdatum", .date),
            FieldDefinition("einddatum", .date),
            FieldDefinition("status", .code(PlanStatus.codes)),
        ],
        .hulpvraag: [
            FieldDefinition("sleutel", text(64), required: true, role: .sourceKey),
            FieldDefinition("bsn", .bsn, required: true, role: .reference(.client, column: "bsn")),
            FieldDefinition("meldingsdatum", .date),
            FieldDefinition("domein", text(80)),
            FieldDefinition("verwijzer", text(80)),
            FieldDefinition("status", .code(HulpvraagStatus.codes)),
            FieldDefinition("afgesloten_op", .date),
        ],
        .voorziening: [
            FieldDefinition("sleutel", text(64), required: true, role: .sourceKey),
            FieldDefinition("bsn", .bsn, required: true, role: .reference(.client, column: "bsn")),
            FieldDefinition("wet", .code(["wmo", "jeugdwet", "participatiewet"]), required: true),
            FieldDefinition("productcategorie", text(2)),
            FieldDefinition("productcode", text(5)),
            FieldDefinition("volume", .integer(0...99_999_999)),
            FieldDefinition("eenheid", text(2)),
            FieldDefinition("frequentie", text(1)),
            FieldDefinition("aanbieder", text(8)),
            FieldDefinition("begindatum", .date),
            FieldDefinition("einddatum", .date),
            FieldDefinition("beschikkingnummer", text(9)),
            FieldDefinition("toewijzingnummer", text(9)),
            // The gemeente that issued it (a message's Afzender, `GM` + four digits or the four
            // digits); without it, the source's former gemeente from the migration file.
            FieldDefinition("bron_gemeente", text(6)),
            // iWmo/iJw: when it was assigned, why it was last changed (WMO002/JZ002), the budget
            // (in eurocents, LDT_Budget) where given instead of an omvang, and the gemeente's comment.
            FieldDefinition("toewijzingsdatum", .date),
            FieldDefinition("reden_wijziging", .code(RedenWijziging.codes)),
            FieldDefinition("budget", .integer(0...99_999_999)),
            FieldDefinition("commentaar", text(1000)),
        ],
    ]
}

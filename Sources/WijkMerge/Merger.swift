import WijkModel

/// Puts the sources' mapped records side by side and builds the canonical rows:
/// clients merge on BSN, households on their normalised address; staff, plans, hulpvragen and
/// voorzieningen are namespaced per source (`bron/sleutel`); old teams fold into the new
/// wijkteams through the migration file. Every row keeps every source record that made it.
///
/// Records must arrive entity by entity in `Entity` order (all sources' teams, then all staff, …),
/// so that whatever a record refers to is already known when it arrives.
/// When two sources disagree on a field, the first source (in the migration file's order) wins
/// and empty fields are filled from later ones; detecting those disagreements as conflicts is the
/// conflict stage's job.
public final class Merger {
    struct Row {
        var values: [Value?]
        var derived: [String: String]
        var herkomst: [Provenance]
        /// Each contributing record's own values, in `herkomst` order, once a second one arrives
        /// (the conflict stage compares them).
        var variants: [[Value?]] = []
    }

    private let context: MergeContext
    private var rows: [Entity: [String: Row]] = [:]
    /// Old teams folded into a wijkteam: (wijkteam id, provenance).
    private var teamLineage: [(String, Provenance)] = []
    /// A source's own key for a household → the canonical household id.
    private var households: [SourceKey: String] = [:]
    /// Namespaced keys already used, with where, to catch a key used twice in one source.
    private var firstSeen: [Entity: [String: Provenance]] = [:]

    /// Staff merge on their e-mail address across sources: the first row per address, the FTE
    /// merged into it so far, a source's key that was merged into another source's row, and the
    /// rows kept apart because merging them would be wrong (more than 1.0 FTE, other wijkteams).
    private var staffByEmail: [String: (key: String, fte: Double)] = [:]
    private var staffAlias: [SourceKey: String] = [:]
    public private(set) var staffKeptApart: [String: [String]] = [:]

    static let fteIndex = Entity.medewerker.fields.firstIndex { $0.name == "fte" }!

    struct SourceKey: Hashable {
        let bron: String
        let key: String
    }

    public init(context: MergeContext) {
        self.context = context
    }

    /// Adds one mapped record; returns what became of it and any warnings about it.
    public func add(_ record: MappedRecord) -> (MergeOutcome, [Finding]) {
        let p = record.provenance
        func reject(_ rule: String, _ message: String, field: String? = nil, value: String? = nil, personal: Bool = false) -> (MergeOutcome, [Finding]) {
            (.rejected(Rejection(finding: Finding(severity: .error, rule: rule, entiteit: record.entity, provenance: p, veld: field,
                                                  melding: message, waarde: value, waardeIsPersoonlijk: personal),
                                 raw: record.raw)), [])
        }
        var values = record.values
        var derived: [String: String] = [:]
        var warnings: [Finding] = []

        // Resolve references into canonical keys.
        for (index, def) in record.entity.fields.enumerated() {
            guard case .reference(let target, _) = def.role, let value = values[index] else { continue }
            let text = value.canonicalText
            switch target {
            case .team:
                guard let wijkteam = context.teams[p.bron]?[text] else {
                    return reject("reference_team", "team is not mapped to a wijkteam in the migration file (teams of source \(p.bron))",
                                  field: def.name, value: text)
                }
                values[index] = .text(wijkteam)
            case .huishouden:
                guard let id = households[SourceKey(bron: p.bron, key: text)] else {
                    return reject("reference_huishouden", "no huishouden with this key in source \(p.bron)", field: def.name, value: text)
                }
                values[index] = .text(id)
            case .medewerker:
                let key = staffAlias[SourceKey(bron: p.bron, key: text)] ?? "\(p.bron)/\(text)"
                guard rows[.medewerker]?[key] != nil else {
                    return reject("reference_medewerker", "no medewerker with this key in source \(p.bron)", field: def.name, value: text)
                }
                values[index] = .text(key)
            case .client:
                guard rows[.client]?[text] != nil else {
                    return reject("reference_client", "no client with this BSN in any source (an orphan)",
                                  field: def.name, value: text, personal: true)
                }
            default:
                continue
            }
        }

        let key: String
        switch record.entity.identity {
        case .mappedToWijkteam:
            guard let sleutel = p.bronSleutel, let wijkteam = context.teams[p.bron]?[sleutel] else {
                return reject("reference_team", "old team is not mapped to a wijkteam in the migration file (teams of source \(p.bron))",
                              field: "sleutel", value: p.bronSleutel)
            }
            teamLineage.append((wijkteam, p))
            return (.merged, [])
        case .bsn:
            guard case .bsn(let bsn)? = record["bsn"] else { return reject("required_field", "client needs 'bsn'", field: "bsn") }
            key = bsn.value
        case .address:
            guard case .postcode(let postcode)? = record["postcode"], case .integer(let nummer)? = record["huisnummer"] else {
                return reject("required_field", "huishouden needs 'postcode' and 'huisnummer'")
            }
            let letter = record.text("huisletter")?.uppercased() ?? ""
            let toevoeging = record.text("toevoeging")?.uppercased() ?? ""
            key = "\(postcode.value)-\(nummer)" + (letter.isEmpty && toevoeging.isEmpty ? "" : "-\(letter)") + (toevoeging.isEmpty ? "" : "-\(toevoeging)")
            if let sleutel = p.bronSleutel {
                let sourceKey = SourceKey(bron: p.bron, key: sleutel)
                if let earlier = households[sourceKey], earlier != key {
                    return reject("key_duplicate", "the source uses this huishouden key for another address too", field: "sleutel", value: sleutel)
                }
                households[sourceKey] = key
            }
            if let wijk = context.wijk(postcode) {
                derived["wijk"] = wijk
                derived["wijkteam"] = context.wijkteam(wijk)
            } else {
                warnings.append(Finding(severity: .warning, rule: "wijk_unknown", entiteit: .huishouden, provenance: p, veld: "postcode",
                                        melding: "the postcode lies in no wijk of the new gemeente; loaded without wijk and wijkteam",
                                        waarde: postcode.value))
            }
        case .namespacedSourceKey:
            guard let sleutel = p.bronSleutel else { return reject("required_field", "\(record.entity.rawValue) needs 'sleutel'", field: "sleutel") }
            let ownKey = "\(p.bron)/\(sleutel)"
            if let earlier = firstSeen[record.entity]?[ownKey] {
                return reject("key_duplicate", "this key is already used by the record at \(earlier.bestand) \(earlier.locatie)",
                              field: "sleutel", value: sleutel)
            }
            firstSeen[record.entity, default: [:]][ownKey] = p
            key = record.entity == .medewerker ? staffKey(ownKey, record: record, values: values) : ownKey
            if record.entity == .voorziening, let gemeente = context.bronGemeente[p.bron] {
                derived["bron_gemeente"] = gemeente
            }
        }

        if var existing = rows[record.entity]?[key] {
            if existing.variants.isEmpty { existing.variants = [existing.values] }
            existing.variants.append(values)
            for i in existing.values.indices where existing.values[i] == nil {
                existing.values[i] = values[i]
            }
            for (k, v) in derived where existing.derived[k] == nil { existing.derived[k] = v }
            if record.entity == .medewerker, let email = record.text("email")?.lowercased(), let total = staffByEmail[email]?.fte {
                // One person in one wijkteam with a part-time appointment in each source: the FTEs add up.
                existing.values[Merger.fteIndex] = .decimal((total * 1000).rounded() / 1000)
            }
            existing.herkomst.append(p)
            rows[record.entity]![key] = existing
            return (.merged, warnings)
        }
        rows[record.entity, default: [:]][key] = Row(values: values, derived: derived, herkomst: [p])
        return (.loaded, warnings)
    }

    /// Where a medewerker goes: the row another source made for the same e-mail address when
    /// merging is clean (same wijkteam, 1.0 FTE or less together), else a row of its own.
    private func staffKey(_ ownKey: String, record: MappedRecord, values: [Value?]) -> String {
        guard let email = record.text("email")?.lowercased(), !email.isEmpty else { return ownKey }
        let fte: Double
        if case .decimal(let d)? = record["fte"] { fte = d } else { fte = 0 }
        guard let first = staffByEmail[email] else {
            staffByEmail[email] = (ownKey, fte)
            return ownKey
        }
        let bron = record.provenance.bron
        guard !first.key.hasPrefix("\(bron)/"), let existing = rows[.medewerker]?[first.key] else { return ownKey }
        let teamIndex = Entity.medewerker.fields.firstIndex { $0.name == "team" }!
        if existing.values[teamIndex] == values[teamIndex] && first.fte + fte <= 1.0 {
            staffByEmail[email] = (first.key, first.fte + fte)
            staffAlias[SourceKey(bron: bron, key: record.provenance.bronSleutel ?? "")] = first.key
            return first.key
        }
        staffKeptApart[email, default: [first.key]].append(ownKey)
        return ownKey
    }

    // MARK: - Changes the conflict stage makes (steward decisions, records kept out)

    /// Sets a field of a row (a steward's decision); `false` if there is no such row or field.
    @discardableResult
    public func set(_ entity: Entity, key: String, field: String, to value: Value?) -> Bool {
        guard rows[entity]?[key] != nil, let i = entity.fields.firstIndex(where: { $0.name == field }) else { return false }
        rows[entity]![key]!.values[i] = value
        return true
    }

    public func setDerived(_ entity: Entity, key: String, _ name: String, to value: String?) {
        rows[entity]?[key]?.derived[name] = value
    }

    public func exists(_ entity: Entity, key: String) -> Bool { rows[entity]?[key] != nil }

    /// A source record that is taken out again, and whether it was the one that made its row
    /// (counted as loaded) or one merged into it.
    public struct Removed: Sendable {
        public let entity: Entity
        public let provenance: Provenance
        public let madeTheRow: Bool
        public let key: String
    }

    /// Takes a row out, and every row that refers to it (a client's hulpvragen and voorzieningen,
    /// a household's clients and plans, a regisseur's plans), so that nothing is loaded half-linked.
    public func exclude(_ entity: Entity, key: String) -> [Removed] {
        guard let row = rows[entity]?.removeValue(forKey: key) else { return [] }
        var removed = row.herkomst.enumerated().map { Removed(entity: entity, provenance: $1, madeTheRow: $0 == 0, key: key) }
        for dependent in Entity.allCases where dependent != .team {
            for (index, field) in dependent.fields.enumerated() {
                guard case .reference(let target, _) = field.role, target == entity else { continue }
                let keys = (rows[dependent] ?? [:]).filter { $0.value.values[index]?.canonicalText == key }.map(\.key).sorted()
                for k in keys { removed += exclude(dependent, key: k) }
            }
        }
        return removed
    }

    /// A canonical row as the conflict stage sees it.
    public struct MergedRow: Sendable {
        public let key: String
        public let values: [Value?]
        public let derived: [String: String]
        public let herkomst: [Provenance]
        /// Each contributing record's own values, in `herkomst` order.
        public let variants: [[Value?]]
    }

    /// The rows of an entity, sorted by key.
    public func rows(_ entity: Entity) -> [MergedRow] {
        (rows[entity] ?? [:]).sorted { $0.key < $1.key }.map { key, row in
            MergedRow(key: key, values: row.values, derived: row.derived, herkomst: row.herkomst,
                      variants: row.variants.isEmpty ? [row.values] : row.variants)
        }
    }

    /// The canonical tables (without the reference tables of the new organisation) and `herkomst`.
    /// Rows are sorted by key; lineage follows in arrival order, which the input order fixes.
    /// `consuming`: let go of each entity's rows once its table is made (the run's last use of
    /// the merge), so that memory holds the rows once, not twice.
    public func tables(consuming: Bool = false) -> (tables: [TableData], herkomst: TableData) {
        var tables: [TableData] = []
        var herkomst = TableData(name: "herkomst", columns: ["entiteit", "sleutel", "bron", "bestand", "locatie", "bron_sleutel"])
        func lineage(_ table: String, _ key: String, _ p: Provenance) -> [StoreValue] {
            [.text(table), .text(key), .text(p.bron), .text(p.bestand), .text(p.locatie.stored), StoreValue(p.bronSleutel)]
        }
        for (wijkteam, p) in teamLineage {
            herkomst.rows.append(lineage("wijkteam", wijkteam, p))
        }
        for entity in Entity.allCases where entity != .team {
            let layout = Merger.layout(entity)
            var table = TableData(name: entity.table, columns: layout.map(\.column))
            for (key, row) in (rows[entity] ?? [:]).sorted(by: { $0.key < $1.key }) {
                table.rows.append(layout.map { column in
                    switch column.source {
                    case .key: return .text(key)
                    case .field(let i): return StoreValue(row.values[i])
                    case .derived(let name): return StoreValue(row.derived[name])
                    }
                })
                for p in row.herkomst { herkomst.rows.append(lineage(entity.table, key, p)) }
            }
            if consuming { rows[entity] = nil }
            tables.append(table)
        }
        return (tables, herkomst)
    }

    struct Column {
        enum Source { case key, field(Int), derived(String) }
        let column: String
        let source: Source
    }

    /// A table's columns: its key, the canonical fields that are stored, then derived columns.
    static func layout(_ entity: Entity) -> [Column] {
        var columns: [Column] = [Column(column: entity == .client ? "bsn" : "id", source: .key)]
        for (i, def) in entity.fields.enumerated() {
            switch def.role {
            case .sourceKey: continue
            case .column(let name):
                if entity == .client && name == "bsn" { continue }
                columns.append(Column(column: name, source: .field(i)))
            case .reference(_, let column):
                columns.append(Column(column: column, source: .field(i)))
            }
        }
        switch entity {
        case .huishouden: columns += [Column(column: "wijk", source: .derived("wijk")), Column(column: "wijkteam", source: .derived("wijkteam"))]
        case .voorziening: columns.append(Column(column: "bron_gemeente", source: .derived("bron_gemeente")))
        default: break
        }
        return columns
    }
}


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
public final class Merger: @unchecked Sendable {   // used by one task at a time, as a stage of one run
    struct Row {
        var values: [Value?]
        var derived: [String: String]
        var herkomst: [Provenance]
        /// Each contributing record's own values, in `herkomst` order, once a second one arrives
        /// (the conflict stage compares them).
        var variants: [[Value?]] = []
    }

    private let context: MergeContext
    /// The rows themselves live in the working file; memory holds a key → offset index per
    /// entity, so that it follows the number of distinct keys, not the size of the records.
    private let file: RowFile
    private var writer = ByteWriter()
    private var offsets: [Entity: KeyIndex<Int>] = [:]
    /// The entity whose records are arriving; the indexes of the ones before it are frozen.
    private var arriving: Entity?
    /// Lineage rows so far (the length of the `herkomst` table, without the old teams).
    private var lineageCount = 0
    private var decodeFailure: String?
    /// Old teams folded into a wijkteam: (wijkteam id, provenance).
    private var teamLineage: [(String, Provenance)] = []
    /// A source's own key for a household (`bron` NUL `sleutel`) → the canonical household id;
    /// frozen with the households' index.
    private var households = KeyIndex<String>()
    /// Staff keys already used, with where, to catch a key used twice in one source. (Other
    /// entities' rows are keyed by the namespaced key itself, so their index answers that.)
    private var staffSeen: [String: Provenance] = [:]

    /// Staff merge on their e-mail address across sources: the first row per address, the FTE
    /// merged into it so far, a source's key that was merged into another source's row, and the
    /// rows kept apart because merging them would be wrong (more than 1.0 FTE, other wijkteams).
    private var staffByEmail: [String: (key: String, fte: Double)] = [:]
    private var staffAlias: [SourceKey: String] = [:]
    public private(set) var staffKeptApart: [String: [String]] = [:]

    static let fteIndex = Entity.medewerker.fields.firstIndex { $0.name == "fte" }!
    static let teamIndex = Entity.medewerker.fields.firstIndex { $0.name == "team" }!

    static func sourceKey(_ bron: String, _ key: String) -> String { "\(bron)\u{0}\(key)" }

    struct SourceKey: Hashable {
        let bron: String
        let key: String
    }

    /// Throws `MergeError` when its working file cannot be made (in `workFolder`, else `$TMPDIR`,
    /// else `/tmp`).
    public init(context: MergeContext, workFolder: String? = nil) throws {
        self.context = context
        file = try RowFile(folder: workFolder)
    }

    /// Why the merge cannot go on (its working file failed), or nil. The pipeline checks it after
    /// each stage; a table being read throws it.
    public var failure: String? { file.failure ?? decodeFailure }

    fileprivate func load(_ entity: Entity, _ key: String) -> Row? {
        load(entity, key) { try Row.decode($0) }
    }

    /// Reads a row's bytes and decodes what `decode` needs of them.
    fileprivate func load<T>(_ entity: Entity, _ key: String, _ decode: ([UInt8]) throws -> T) -> T? {
        guard let offset = offsets[entity]?[key], let bytes = file.read(offset) else { return nil }
        do {
            return try decode(bytes)
        } catch {
            decodeFailure = decodeFailure ?? "the merge's working file was damaged under the run"
            return nil
        }
    }

    private func save(_ entity: Entity, _ key: String, _ row: Row) {
        writer.clear()
        row.encode(into: &writer)
        offsets[entity, default: KeyIndex<Int>()].set(key, file.append(writer.bytes))
    }

    /// Adds one mapped record; returns what became of it and any warnings about it.
    public func add(_ record: MappedRecord) -> (MergeOutcome, [Finding]) {
        if arriving != record.entity {
            // The records of the entities before this one are all in: their indexes shrink.
            for entity in Entity.allCases where entity < record.entity { offsets[entity]?.freeze() }
            if record.entity > .huishouden { households.freeze() }
            arriving = record.entity
        }
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
                guard let id = households[Merger.sourceKey(p.bron, text)] else {
                    return reject("reference_huishouden", "no huishouden with this key in source \(p.bron)", field: def.name, value: text)
                }
                values[index] = .text(id)
            case .medewerker:
                let key = staffAlias[SourceKey(bron: p.bron, key: text)] ?? "\(p.bron)/\(text)"
                guard offsets[.medewerker]?[key] != nil else {
                    return reject("reference_medewerker", "no medewerker with this key in source \(p.bron)", field: def.name, value: text)
                }
                values[index] = .text(key)
            case .client:
                guard offsets[.client]?[text] != nil else {
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
                let sourceKey = Merger.sourceKey(p.bron, sleutel)
                if let earlier = households[sourceKey], earlier != key {
                    return reject("key_duplicate", "the source uses this huishouden key for another address too", field: "sleutel", value: sleutel)
                }
                households.set(sourceKey, key)
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
            let earlier = record.entity == .medewerker ? staffSeen[ownKey] : load(record.entity, ownKey)?.herkomst.first
            if let earlier {
                return reject("key_duplicate", "this key is already used by the record at \(earlier.bestand) \(earlier.locatie)",
                              field: "sleutel", value: sleutel)
            }
            if record.entity == .medewerker { staffSeen[ownKey] = p }
            key = record.entity == .medewerker ? staffKey(ownKey, record: record, values: values) : ownKey
            if record.entity == .voorziening, let gemeente = context.bronGemeente[p.bron] {
                derived["bron_gemeente"] = gemeente
            }
        }

        lineageCount += 1
        if var existing = load(record.entity, key) {
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
            save(record.entity, key, existing)
            return (.merged, warnings)
        }
        save(record.entity, key, Row(values: values, derived: derived, herkomst: [p]))
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
        guard !first.key.hasPrefix("\(bron)/"), let existing = load(.medewerker, first.key) else { return ownKey }
        let teamIndex = Merger.teamIndex
        if existing.values[teamIndex] == values[teamIndex] && first.fte + fte <= 1.0 {
            staffByEmail[email] = (first.key, first.fte + fte)
            staffAlias[SourceKey(bron: bron, key: record.provenance.bronSleutel ?? "")] = first.key
            return first.key
        }
        staffKeptApart[email, default: [first.key]].append(ownKey)
        return ownKey
    }

    // MARK: - Changes the conflict stage makes (steward decisions, records kept out)

    /// Every record is in: the indexes shrink to their compact, sorted form.
    public func finishReading() {
        for entity in Entity.allCases { offsets[entity]?.freeze() }
        households.freeze()
        arriving = nil
    }

    /// Sets a field of a row (a steward's decision); `false` if there is no such row or field.
    @discardableResult
    public func set(_ entity: Entity, key: String, field: String, to value: Value?) -> Bool {
        guard var row = load(entity, key), let i = entity.fields.firstIndex(where: { $0.name == field }) else { return false }
        row.values[i] = value
        save(entity, key, row)
        return true
    }

    public func setDerived(_ entity: Entity, key: String, _ name: String, to value: String?) {
        guard var row = load(entity, key) else { return }
        row.derived[name] = value
        save(entity, key, row)
    }

    public func exists(_ entity: Entity, key: String) -> Bool { offsets[entity]?[key] != nil }

    /// A source record that is taken out again, and whether it was the one that made its row
    /// (counted as loaded) or one merged into it.
    public struct Removed: Sendable {
        public let entity: Entity
        public let provenance: Provenance
        public let madeTheRow: Bool
        public let key: String
    }

    /// Takes rows out, each with every row that refers to it (a client's hulpvragen and
    /// voorzieningen, a household's clients and plans, a regisseur's plans), so that nothing is
    /// loaded half-linked. Returns, per row asked for and in that order, the source records taken
    /// out: the row's own, then its dependents' (by entity, field and key). A row already taken
    /// out by an earlier one gives nothing. One pass over each dependent entity finds the
    /// dependents of all of them, rather than one pass per row.
    public func exclude(_ rows: [(entity: Entity, key: String)]) -> [[Removed]] {
        // Which rows would go: the asked-for ones and, entity by entity in reference order, every
        // row that refers to one that goes.
        var going: [Entity: Set<String>] = [:]
        for (entity, key) in rows where exists(entity, key: key) { going[entity, default: []].insert(key) }
        var children: [ParentKey: [(entity: Entity, field: Int, key: String)]] = [:]
        for dependent in Entity.allCases where dependent != .team {
            let references = dependent.fields.enumerated().compactMap { i, field -> (Int, Entity)? in
                guard case .reference(let target, _) = field.role, going[target]?.isEmpty == false else { return nil }
                return (i, target)
            }
            guard !references.isEmpty else { continue }
            forEachStoredRow(dependent) { key, row in
                for (i, target) in references {
                    guard let parent = row.values[i]?.canonicalText, going[target]!.contains(parent) else { continue }
                    children[ParentKey(entity: target, key: parent), default: []].append((dependent, i, key))
                    going[dependent, default: []].insert(key)
                }
            }
        }
        var removed: Set<ParentKey> = []
        func take(_ entity: Entity, _ key: String) -> [Removed] {
            let id = ParentKey(entity: entity, key: key)
            guard !removed.contains(id), let row = load(entity, key) else { return [] }
            removed.insert(id)
            offsets[entity]?.remove(key)
            lineageCount -= row.herkomst.count
            var out = row.herkomst.enumerated().map { Removed(entity: entity, provenance: $1, madeTheRow: $0 == 0, key: key) }
            let dependents = (children[id] ?? []).sorted {
                ($0.entity, $0.field, $0.key) < ($1.entity, $1.field, $1.key)
            }
            for d in dependents { out += take(d.entity, d.key) }
            return out
        }
        return rows.map { take($0.entity, $0.key) }
    }

    struct ParentKey: Hashable {
        let entity: Entity
        let key: String
    }

    // MARK: - Reading the rows back

    /// A canonical row as the conflict stage sees it.
    public struct MergedRow: Sendable {
        public let key: String
        public let values: [Value?]
        public let derived: [String: String]
        public let herkomst: [Provenance]
        /// Each contributing record's own values, in `herkomst` order.
        public let variants: [[Value?]]

        init(key: String, _ row: Row) {
            self.key = key
            values = row.values
            derived = row.derived
            herkomst = row.herkomst
            variants = row.variants.isEmpty ? [row.values] : row.variants
        }
    }

    /// One row by its key.
    public func row(_ entity: Entity, key: String) -> MergedRow? {
        load(entity, key).map { MergedRow(key: key, $0) }
    }

    /// Every row of an entity, in key order, read from the working file one at a time.
    public func forEachRow(_ entity: Entity, _ body: (MergedRow) throws -> Void) rethrows {
        try forEachStoredRow(entity) { key, row in try body(MergedRow(key: key, row)) }
    }

    /// The keys of an entity in order. Sorted anew for each reading rather than kept, so that
    /// memory holds them for one entity at a time.
    public func keys(_ entity: Entity) -> [String] {
        offsets[entity]?.keys ?? []
    }

    private func forEachStoredRow(_ entity: Entity, _ body: (String, Row) throws -> Void) rethrows {
        for key in keys(entity) {
            guard let row = load(entity, key) else { continue }
            try body(key, row)
        }
    }

    /// The canonical tables (without the reference tables of the new organisation) and `herkomst`.
    /// Rows are sorted by key; lineage follows in arrival order, which the input order fixes.
    /// The tables are read from the working file as a store takes them, never held whole, on a
    /// thread of their own a few batches ahead of the store. Read one table at a time: the merge
    /// is not made for two threads at once.
    public func tables() -> (tables: [TableData], herkomst: TableData) {
        let tables = Entity.allCases.filter { $0 != .team }.map { entity in
            TableData(name: entity.table, columns: Merger.layout(entity).map(\.column), count: offsets[entity]?.count ?? 0) {
                PrefetchingCursor { TableCursor(merger: self, entity: entity) }
            }
        }
        let herkomst = TableData(name: "herkomst", columns: ["entiteit", "sleutel", "bron", "bestand", "locatie", "bron_sleutel"],
                                 count: teamLineage.count + lineageCount) {
            PrefetchingCursor { LineageCursor(merger: self) }
        }
        return (tables, herkomst)
    }

    /// The rows of one table, in key order.
    struct TableCursor: RowCursor {
        let merger: Merger
        let entity: Entity
        let layout: [Column]
        let keys: [String]
        var position = 0

        init(merger: Merger, entity: Entity) {
            self.merger = merger
            self.entity = entity
            layout = Merger.layout(entity)
            keys = merger.keys(entity)
        }

        mutating func next() throws -> [StoreValue]? {
            guard position < keys.count else { return nil }
            let key = keys[position]
            position += 1
            let columns = merger.load(entity, key) { bytes in
                var r = ByteReader(bytes)
                return try Row.decodeColumns(&r)
            }
            guard let row = columns else { throw MergeError(merger.failure ?? "a merged row went missing") }
            return layout.map { column in
                switch column.source {
                case .key: return .text(key)
                case .field(let i): return StoreValue(row.values[i])
                case .derived(let name): return StoreValue(row.derived[name])
                }
            }
        }
    }

    /// `herkomst`: the old teams folded into wijkteams, then every table's rows' source records.
    struct LineageCursor: RowCursor {
        let merger: Merger
        var team = 0
        var entities = Entity.allCases.filter { $0 != .team }[...]
        var keys: ArraySlice<String> = []
        var entity = Entity.client
        var pending: ArraySlice<[StoreValue]> = []

        init(merger: Merger) { self.merger = merger }

        static func lineage(_ table: String, _ key: String, _ p: Provenance) -> [StoreValue] {
            [.text(table), .text(key), .text(p.bron), .text(p.bestand), .text(p.locatie.stored), StoreValue(p.bronSleutel)]
        }

        mutating func next() throws -> [StoreValue]? {
            if team < merger.teamLineage.count {
                defer { team += 1 }
                let (wijkteam, p) = merger.teamLineage[team]
                return LineageCursor.lineage("wijkteam", wijkteam, p)
            }
            while pending.isEmpty {
                if let key = keys.popFirst() {
                    let herkomst = merger.load(entity, key) { bytes in
                        var r = ByteReader(bytes)
                        try Row.skipToHerkomst(&r)
                        return try Row.decodeHerkomst(&r)
                    }
                    guard let herkomst else { throw MergeError(merger.failure ?? "a merged row went missing") }
                    pending = herkomst.map { LineageCursor.lineage(entity.table, key, $0) }[...]
                } else if let next = entities.popFirst() {
                    entity = next
                    keys = merger.keys(next)[...]
                } else {
                    return nil
                }
            }
            return pending.popFirst()
        }
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


extension Merger.Row {
    func encode(into w: inout ByteWriter) {
        Value.encode(values, into: &w)
        w.count(derived.count)
        for (name, value) in derived.sorted(by: { $0.key < $1.key }) {
            w.string(name)
            w.string(value)
        }
        w.count(herkomst.count)
        for p in herkomst { p.encode(into: &w) }
        w.count(variants.count)
        for v in variants { Value.encode(v, into: &w) }
    }

    static func decode(_ bytes: [UInt8]) throws -> Merger.Row {
        var r = ByteReader(bytes)
        let (values, derived) = try decodeColumns(&r)
        let herkomst = try decodeHerkomst(&r)
        var variants: [[Value?]] = []
        for _ in 0..<(try r.count()) { variants.append(try Value.decodeAll(from: &r)) }
        return Merger.Row(values: values, derived: derived, herkomst: herkomst, variants: variants)
    }

    /// The part of a row a table needs: its values and derived columns.
    static func decodeColumns(_ r: inout ByteReader) throws -> (values: [Value?], derived: [String: String]) {
        let values = try Value.decodeAll(from: &r)
        var derived: [String: String] = [:]
        for _ in 0..<(try r.count()) {
            let name = try r.string()
            derived[name] = try r.string()
        }
        return (values, derived)
    }

    /// The part of a row `herkomst` needs, the values stepped over.
    static func skipToHerkomst(_ r: inout ByteReader) throws {
        try Value.skipAll(in: &r)
        for _ in 0..<(try r.count()) {
            try r.skipString()
            try r.skipString()
        }
    }

    static func decodeHerkomst(_ r: inout ByteReader) throws -> [Provenance] {
        var herkomst: [Provenance] = []
        for _ in 0..<(try r.count()) { herkomst.append(try Provenance.decode(from: &r)) }
        return herkomst
    }
}

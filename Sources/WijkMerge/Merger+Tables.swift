import WijkModel
import WijkRuntime

// Reading the merge back: rows one at a time for the conflict stage, tables for the store.
extension Merger {
    /// A canonical row as the conflict stage sees it.
    package struct MergedRow: Sendable {
        package let key: String
        package let values: [Value?]
        package let derived: [String: String]
        package let herkomst: [Provenance]
        /// Each contributing record's own values, in `herkomst` order.
        package let variants: [[Value?]]

        init(key: String, _ row: Row) {
            self.key = key
            values = row.values
            derived = row.derived
            herkomst = row.herkomst
            variants = row.variants.isEmpty ? [row.values] : row.variants
        }
    }

    /// A reader of the working file of its own, for reading rows on another thread than the
    /// merge's once the merge is done (the conflict stage reads on several at once).
    package final class RowReader {
        let reader = RowFile.Reader()
        package init() {}
    }

    /// One row by its key.
    package func row(_ entity: Entity, key: String, via reader: RowReader? = nil) -> MergedRow? {
        load(entity, key, via: reader?.reader).map { MergedRow(key: key, $0) }
    }

    /// Every row of an entity, in key order, read from the working file one at a time.
    package func forEachRow(_ entity: Entity, via reader: RowReader? = nil, _ body: (MergedRow) throws -> Void) rethrows {
        try forEachStoredRow(entity, via: reader?.reader) { key, row in try body(MergedRow(key: key, row)) }
    }

    /// An entity's rows in key order, each key with where its row is: read one after another
    /// without a search among all the keys per row. Positions run over every key the index ever
    /// froze, the rows taken out since (decisions, open conflicts) skipped by `contains`.
    package struct RowList: Sendable {
        package let entity: Entity
        let keys: [String]
        let offsets: [Int]
        let removed: Set<Int>
        /// One past the last position.
        package var end: Int { keys.count }
        /// Whether position `i` holds a row (not one taken out).
        package func contains(_ i: Int) -> Bool { removed.isEmpty || !removed.contains(i) }
        package func key(_ i: Int) -> String { keys[i] }
        func offset(_ i: Int) -> Int { offsets[i] }
    }

    package func rows(_ entity: Entity) -> RowList {
        let (keys, values, removed) = offsets[entity]?.ordered ?? ([], [], [])
        return RowList(entity: entity, keys: keys, offsets: values, removed: removed)
    }

    /// The row at position `i` of `list`.
    package func row(_ list: RowList, _ i: Int, via reader: RowReader? = nil) -> MergedRow? {
        load(at: list.offset(i), via: reader?.reader).map { MergedRow(key: list.key(i), $0) }
    }

    /// Every row's key and values (the canonical ones, not each source record's), in key order:
    /// reads each row's head only, not its chain of source records.
    package func forEachRowValues(_ entity: Entity, _ body: (String, [Value?]) throws -> Void) rethrows {
        let list = rows(entity)
        for i in 0..<list.end where list.contains(i) {
            guard let head = loadHead(at: list.offset(i)) else { continue }
            try body(list.key(i), head.values)
        }
    }

    func forEachStoredRow(_ entity: Entity, via reader: RowFile.Reader? = nil, _ body: (String, Row) throws -> Void) rethrows {
        let list = rows(entity)
        for i in 0..<list.end where list.contains(i) {
            guard let row = load(at: list.offset(i), via: reader) else { continue }
            try body(list.key(i), row)
        }
    }

    /// The canonical tables (without the reference tables of the new organisation) and `herkomst`.
    /// Rows are sorted by key; lineage follows in arrival order, which the input order fixes.
    /// The tables are read from the working file as a store takes them, never held whole. Each
    /// table's cursor has a reader of the working file of its own, and is read by one thread (a
    /// store may read ahead on a thread of its own) while nothing changes the merge.
    package func tables() -> (tables: [TableData], herkomst: TableData) {
        var tables: [TableData] = []
        for entity in Entity.allCases where entity != .team {
            let declaration = StoreTables.of(entity)
            tables.append(TableData(name: declaration.name, columns: declaration.columnNames, count: offsets[entity]?.count ?? 0) {
                TableCursor(merger: self, entity: entity)
            })
            if entity == .medewerker {
                let inzet = StoreTables.medewerkerInzet
                tables.append(TableData(name: inzet.name, columns: inzet.columnNames, count: lineage(of: .medewerker)) {
                    InzetCursor(merger: self)
                })
            }
        }
        let herkomst = TableData(StoreTables.herkomst, count: teamLineage.count + lineageCount) {
            LineageCursor(merger: self)
        }
        return (tables, herkomst)
    }

    /// `medewerker_inzet`: per person, each staff record that made it — its wijkteam, its FTE,
    /// its source — in key order, then source order.
    struct InzetCursor: RowCursor {
        let merger: Merger
        /// Its own block of the working file: the cursor may be read on another thread than the merge's.
        let reader = RowFile.Reader()
        let list: RowList
        var position = 0
        var pending: ArraySlice<[StoreValue]> = []

        init(merger: Merger) {
            self.merger = merger
            list = merger.rows(.medewerker)
        }

        mutating func next() throws -> [StoreValue]? {
            while pending.isEmpty {
                while position < list.end && !list.contains(position) { position += 1 }
                guard position < list.end else { return nil }
                let key = list.key(position)
                let offset = list.offset(position)
                position += 1
                guard let row = merger.load(at: offset, via: reader) else { throw MergeError(.damaged, merger.failure ?? "a merged row went missing") }
                let variants = row.variants.isEmpty ? [row.values] : row.variants
                pending = zip(row.herkomst, variants).map { p, values in
                    StoreTables.medewerkerInzet.row([
                        "medewerker": .text(key), "wijkteam": StoreValue(values[Merger.teamIndex]),
                        "fte": StoreValue(values[Merger.fteIndex]), "bron": .text(p.bron),
                    ])
                }[...]
            }
            return pending.popFirst()
        }
    }

    /// The rows of one table, in key order.
    struct TableCursor: RowCursor {
        let merger: Merger
        let reader = RowFile.Reader()
        let entity: Entity
        let layout: [Column]
        let list: RowList
        var position = 0

        init(merger: Merger, entity: Entity) {
            self.merger = merger
            self.entity = entity
            layout = Merger.layout(entity)
            list = merger.rows(entity)
        }

        mutating func next() throws -> [StoreValue]? {
            while position < list.end && !list.contains(position) { position += 1 }
            guard position < list.end else { return nil }
            let key = list.key(position)
            let offset = list.offset(position)
            position += 1
            let columns = merger.load(at: offset, via: reader) { bytes in
                var r = ByteReader(bytes)
                return try Row.decodeColumns(&r)
            }
            guard let row = columns else { throw MergeError(.damaged, merger.failure ?? "a merged row went missing") }
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
        let reader = RowFile.Reader()
        var team = 0
        var entities = Entity.allCases.filter { $0 != .team }[...]
        var list: RowList?
        var position = 0
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
                if let list, position < list.end {
                    defer { position += 1 }
                    guard list.contains(position) else { continue }
                    let key = list.key(position)
                    guard let herkomst = merger.herkomst(at: list.offset(position), via: reader) else {
                        throw MergeError(.damaged, merger.failure ?? "a merged row went missing")
                    }
                    pending = herkomst.map { LineageCursor.lineage(list.entity.table, key, $0) }[...]
                } else if let next = entities.popFirst() {
                    list = merger.rows(next)
                    position = 0
                } else {
                    return nil
                }
            }
            return pending.popFirst()
        }
    }

    enum Source { case key, field(Int), derived(String) }
    struct Column {
        let column: String
        let source: Source
    }

    /// A table's columns, in its declaration's order: its key, the canonical fields stored in a
    /// column (a reference in the column of the key it resolves to), and the rest derived by the merge.
    static func layout(_ entity: Entity) -> [Column] {
        let declaration = StoreTables.of(entity)
        return declaration.columns.map { column in
            if column.name == declaration.primaryKey.first { return Column(column: column.name, source: .key) }
            let field = entity.fields.firstIndex { def in
                switch def.role {
                case .column(let name): return name == column.name
                case .reference(_, let name): return name == column.name
                case .sourceKey: return false
                }
            }
            return Column(column: column.name, source: field.map(Source.field) ?? .derived(column.name))
        }
    }
}

extension Merger {
    /// The lineage rows `herkomst` will hold, per source and entity (the old teams under `team`).
    package func lineageRows() -> [SourceEntity: Int] {
        var rows = lineageBySource
        for (_, p) in teamLineage { rows[SourceEntity(bron: p.bron, entity: .team), default: 0] += 1 }
        return rows
    }
}

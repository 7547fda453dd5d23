import WijkModel
import WijkStore

/// Finds the canonical records a selector names, and reads each one's story from the store with
/// queries that SQLite and PostgreSQL answer alike (every column cast to TEXT).
package enum StoryQuery {
    package enum Selector: Sendable, Equatable {
        case bsn(String)
        case huishouden(String)
        /// A source's own key; the entity narrows it when a source uses one key for several.
        case sourceKey(bron: String, sleutel: String, entity: Entity?)
    }

    /// What a selector names: the canonical records, or the rejected records that hold its key.
    package struct Found: Sendable {
        package var stories: [Story] = []
        /// Rejected records whose raw text holds the key (when no loaded record has it, or for a BSN).
        package var rejected: [StoredRejection] = []
    }

    package static func find(_ selector: Selector, in store: WijkteamStore) async throws -> Found {
        var found = Found()
        var subjects: [(Entity, String)] = []
        switch selector {
        case .bsn(let bsn):
            if try await !store.query("SELECT CAST(bsn AS TEXT) FROM client WHERE bsn = \(literal(bsn))").isEmpty { subjects = [(.client, bsn)] }
            found.rejected = try await rejections(containing: bsn, bron: nil, in: store)
        case .huishouden(let key):
            if try await !store.query("SELECT CAST(id AS TEXT) FROM huishouden WHERE id = \(literal(key))").isEmpty { subjects = [(.huishouden, key)] }
        case .sourceKey(let bron, let sleutel, let entity):
            let narrowed = entity.map { " AND entiteit = \(literal($0.rawValue))" } ?? ""
            for row in try await store.query("""
                SELECT DISTINCT CAST(entiteit AS TEXT), CAST(sleutel AS TEXT) FROM herkomst
                WHERE bron = \(literal(bron)) AND bron_sleutel = \(literal(sleutel))\(narrowed)
                """) {
                if let e = row[0].flatMap(Entity.init(rawValue:)), let k = row[1] { subjects.append((e, k)) }
            }
            subjects.sort { ($0.0, $0.1) < ($1.0, $1.1) }
            if subjects.isEmpty { found.rejected = try await rejections(containing: sleutel, bron: bron, in: store) }
        }
        for (entity, key) in subjects { found.stories.append(try await story(entity, key, in: store)) }
        return found
    }

    static func story(_ entity: Entity, _ key: String, in store: WijkteamStore) async throws -> Story {
        var story = Story(entity: entity, key: key)
        let table = StoreTables.of(entity)
        let pk = table.primaryKey.first ?? "id"
        let columns = table.columnNames
        if let row = try await store.query("SELECT \(columns.map { "CAST(\($0) AS TEXT)" }.joined(separator: ", ")) FROM \(table.name) WHERE \(pk) = \(literal(key))").first {
            story.loaded = Array(zip(columns, row)).map { (column: $0.0, value: $0.1) }
        }
        story.sources = try await lineage(entity, [key], in: store)[key] ?? []
        story.findings = try await findings(at: story.sources, in: store)
        story.conflicts = try await conflicts(entity, key, places: story.sources, in: store)
        story.related = try await related(entity, key, loaded: story.loaded, in: store)
        return story
    }

    /// The source records of each canonical key, in file order.
    static func lineage(_ entity: Entity, _ keys: [String], in store: WijkteamStore) async throws -> [String: [SourceRecord]] {
        guard !keys.isEmpty else { return [:] }
        var result: [String: [SourceRecord]] = [:]
        for row in try await store.query("""
            SELECT CAST(sleutel AS TEXT), CAST(bron AS TEXT), CAST(bestand AS TEXT), CAST(locatie AS TEXT), CAST(bron_sleutel AS TEXT)
            FROM herkomst WHERE entiteit = \(literal(entity.rawValue)) AND sleutel IN (\(keys.map(literal).joined(separator: ", ")))
            """) {
            result[row[0] ?? "", default: []].append(SourceRecord(bron: row[1] ?? "", bestand: row[2] ?? "", locatie: row[3] ?? "", bronSleutel: row[4]))
        }
        return result.mapValues { $0.sorted(by: inFileOrder) }
    }

    static func inFileOrder(_ a: SourceRecord, _ b: SourceRecord) -> Bool {
        if a.bron != b.bron { return a.bron < b.bron }
        if a.bestand != b.bestand { return a.bestand < b.bestand }
        switch (a.line, b.line) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.locatie < b.locatie
        }
    }

    static func findings(at places: [SourceRecord], in store: WijkteamStore) async throws -> [StoredFinding] {
        guard !places.isEmpty else { return [] }
        let wanted = places.map { "(bron = \(literal($0.bron)) AND bestand = \(literal($0.bestand)) AND locatie = \(literal($0.locatie)))" }
        return try await store.query("""
            SELECT CAST(ernst AS TEXT), CAST(regel AS TEXT), CAST(bron AS TEXT), CAST(bestand AS TEXT), CAST(locatie AS TEXT),
                   CAST(veld AS TEXT), CAST(melding AS TEXT)
            FROM bevinding WHERE \(wanted.joined(separator: " OR "))
            """).map { r in
            StoredFinding(ernst: r[0] ?? "", regel: r[1] ?? "", bron: r[2] ?? "", bestand: r[3] ?? "", locatie: r[4] ?? "", veld: r[5], melding: r[6] ?? "")
        }.sorted { ($0.bestand, $0.locatie, $0.regel) < ($1.bestand, $1.locatie, $1.regel) }
    }

    /// The conflicts about the record itself, and those that name one of its source records as a side.
    static func conflicts(_ entity: Entity, _ key: String, places: [SourceRecord], in store: WijkteamStore) async throws -> [StoredConflict] {
        let sides = places.map { "\($0.bron) \($0.bestand) \($0.locatie):" }
        var conditions = ["(entiteit = \(literal(entity.rawValue)) AND sleutel = \(literal(key)))"]
        conditions += sides.map { "detail LIKE \(literal("%" + $0 + "%"))" }
        let rows = try await store.query("""
            SELECT CAST(id AS TEXT), CAST(soort AS TEXT), CAST(entiteit AS TEXT), CAST(sleutel AS TEXT), CAST(detail AS TEXT), CAST(besluit AS TEXT)
            FROM conflict WHERE \(conditions.joined(separator: " OR ")) ORDER BY id
            """)
        return rows.map { r in
            StoredConflict(id: r[0] ?? "", soort: r[1] ?? "", entiteit: r[2] ?? "", sleutel: r[3] ?? "", detail: r[4] ?? "", besluit: r[5])
        }.filter { c in
            // LIKE's '_' matches any character: keep only the conflicts that name a side exactly.
            (c.entiteit == entity.rawValue && c.sleutel == key) || c.detail.split(separator: "\n").contains { line in sides.contains { line.hasPrefix($0) } }
        }
    }

    static func related(_ entity: Entity, _ key: String, loaded: [(column: String, value: String?)], in store: WijkteamStore) async throws -> [Related] {
        func value(_ column: String) -> String? { loaded.first { $0.column == column }?.value ?? nil }
        var wanted: [(Entity, String, String)] = []
        func keys(_ sql: String) async throws -> [String] { try await store.query(sql).compactMap { $0.first ?? nil } }
        switch entity {
        case .client:
            if let h = value("huishouden") { wanted.append((.huishouden, h, "the client's household")) }
            for k in try await keys("SELECT CAST(id AS TEXT) FROM hulpvraag WHERE bsn = \(literal(key)) ORDER BY id") { wanted.append((.hulpvraag, k, "a hulpvraag of this client")) }
            for k in try await keys("SELECT CAST(id AS TEXT) FROM voorziening WHERE bsn = \(literal(key)) ORDER BY id") { wanted.append((.voorziening, k, "a voorziening of this client")) }
        case .huishouden:
            for k in try await keys("SELECT CAST(bsn AS TEXT) FROM client WHERE huishouden = \(literal(key)) ORDER BY bsn") { wanted.append((.client, k, "a member of this household")) }
            for k in try await keys("SELECT CAST(id AS TEXT) FROM plan WHERE huishouden = \(literal(key)) ORDER BY id") { wanted.append((.plan, k, "a plan of this household")) }
        case .plan:
            if let h = value("huishouden") { wanted.append((.huishouden, h, "the plan's household")) }
        case .hulpvraag, .voorziening:
            if let b = value("bsn") { wanted.append((.client, b, "the client")) }
        case .medewerker, .team, .activiteit:
            break
        }
        var result: [Related] = []
        for entity in Entity.allCases {
            let keys = wanted.filter { $0.0 == entity }
            guard !keys.isEmpty else { continue }
            let places = try await lineage(entity, keys.map(\.1), in: store)
            for (_, k, how) in keys {
                result.append(Related(entity: entity, key: k, how: how,
                                      places: (places[k] ?? []).map { "\($0.bron) \($0.bestand) \($0.locatie)" }))
            }
        }
        return result
    }

    /// Rejected records whose raw text holds the text (a BSN, a source key), optionally of one source.
    static func rejections(containing text: String, bron: String?, in store: WijkteamStore) async throws -> [StoredRejection] {
        let source = bron.map { " AND bron = \(literal($0))" } ?? ""
        return try await store.query("""
            SELECT CAST(bron AS TEXT), CAST(bestand AS TEXT), CAST(locatie AS TEXT), CAST(entiteit AS TEXT), CAST(regel AS TEXT),
                   CAST(veld AS TEXT), CAST(melding AS TEXT), CAST(ruwe_regel AS TEXT)
            FROM afwijzing WHERE ruwe_regel LIKE \(literal("%" + likeEscaped(text) + "%")) ESCAPE '\\'\(source)
            """).map { r in
            StoredRejection(bron: r[0] ?? "", bestand: r[1] ?? "", locatie: r[2] ?? "", entiteit: r[3] ?? "", regel: r[4] ?? "",
                            veld: r[5], melding: r[6] ?? "", raw: r[7] ?? "")
        }.filter { $0.raw.contains(text) }
        .sorted { ($0.bron, $0.bestand, Int($0.locatie) ?? Int.max, $0.locatie) < ($1.bron, $1.bestand, Int($1.locatie) ?? Int.max, $1.locatie) }
    }

    /// A string as an SQL literal both stores read the same way ('' doubles a quote; standard
    /// conforming strings in PostgreSQL, the default since 9.1).
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}

import Foundation
import Testing
import TestSupport

/// A migration in waves (fixtures/zwolle-stadsdelen): wave 2 adds one source to the same
/// migration file and its decisions to the same besluiten.yml. Rerun, it keeps every loaded record
/// of wave 1 as it was (a later source may fill a field wave 1 left empty, never change one) and
/// every decision of wave 1.
@Suite(.serialized)
struct WaveTests {
    static let tables = ["gemeente", "wijk", "wijkteam", "wijkteam_wijk", "medewerker", "huishouden", "client", "plan", "hulpvraag",
                         "voorziening", "conflict"]

    /// The file without the lines from the one starting with `from` up to (not including) the one starting with `to`.
    func cut(_ text: String, from: String, to: String) -> String {
        var keep = true
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(from) { keep = false }
            if !keep && line.hasPrefix(to) { keep = true }
            if keep { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }

    /// Every row of the canonical tables, by table and key (the first column).
    func content(_ store: String) throws -> [String: [String: [String]]] {
        var result: [String: [String: [String]]] = [:]
        for table in Self.tables {
            let rows = try sqliteRows(store, "SELECT * FROM \(table)")
            let key = { (row: [String]) in table == "wijkteam_wijk" ? row[0] + "/" + row[1] : row[0] }
            result[table] = Dictionary(uniqueKeysWithValues: rows.map { (key($0), $0) })
        }
        return result
    }

    @Test func theSecondWaveLeavesTheFirstWavesRecordsAndDecisionsAsTheyWere() throws {
        let dir = TempDir("waves")
        let scenario = try copyFixture("zwolle-stadsdelen", to: dir)
        let migration = scenario.appendingPathComponent("migratie.yml")
        let besluiten = scenario.appendingPathComponent("besluiten.yml")
        let wave2Migration = try String(contentsOf: migration, encoding: .utf8)
        let wave2Besluiten = try String(contentsOf: besluiten, encoding: .utf8)

        // Wave 1: the same files without the second wave's source and decisions.
        let wave1Migration = cut(wave2Migration, from: "  # Wave 2", to: "besluiten:")
        let wave1Besluiten = cut(wave2Besluiten, from: "# --- wave 2", to: "# --- end of wave 2")
        #expect(wave1Migration.count < wave2Migration.count && !wave1Migration.contains("sociale-dienst"))
        #expect(wave1Besluiten.count < wave2Besluiten.count)
        try wave1Migration.write(to: migration, atomically: true, encoding: .utf8)
        try wave1Besluiten.write(to: besluiten, atomically: true, encoding: .utf8)
        let store = dir.path + "/wijkteam.sqlite"
        let first = try runCLI(["migrate", "migratie.yml", "--store", "sqlite:\(store)"], in: scenario)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("conflicts: 3, of which 3 decided and 0 open"), "\(first.stdout)")
        let wave1 = try content(store)
        let wave1Lineage = Set(try sqliteRows(store, "SELECT * FROM herkomst").map { $0.joined(separator: "|") })

        // Wave 2: one more source in the same file, and the decisions on what it brought.
        try wave2Migration.write(to: migration, atomically: true, encoding: .utf8)
        try wave2Besluiten.write(to: besluiten, atomically: true, encoding: .utf8)
        let second = try runCLI(["migrate", "migratie.yml", "--store", "sqlite:\(store)"], in: scenario)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("conflicts: 5, of which 5 decided and 0 open"), "\(second.stdout)")
        #expect(!second.stderr.contains("stale"))
        let wave2 = try content(store)

        var filled = 0
        for table in Self.tables {
            let before = wave1[table] ?? [:], after = wave2[table] ?? [:]
            #expect(!before.isEmpty, "\(table) is empty after wave 1")
            for (key, row) in before {
                guard let now = after[key] else { Issue.record("\(table) \(key) of wave 1 is gone after wave 2"); continue }
                for (i, value) in row.enumerated() where value != now[i] {
                    if value == "␀" { filled += 1 } else { Issue.record("\(table) \(key) column \(i + 1) changed from wave 1 to wave 2") }
                }
            }
        }
        // Wave 2 brought new rows, and filled fields wave 1 did not have (AMW keeps no voorletters).
        #expect((wave2["client"]?.count ?? 0) > (wave1["client"]?.count ?? 0))
        #expect((wave2["voorziening"]?.count ?? 0) > (wave1["voorziening"]?.count ?? 0))
        #expect(filled > 0)
        // Every lineage line of wave 1 is still there; the decided conflicts kept their ids and decisions.
        let lineage = Set(try sqliteRows(store, "SELECT * FROM herkomst").map { $0.joined(separator: "|") })
        #expect(wave1Lineage.isSubset(of: lineage) && lineage.count > wave1Lineage.count)
        #expect(try sqliteRows(store, "SELECT count(*) FROM migratierun") == [["2"]])
        #expect(try sqliteRows(store, "SELECT count(*) FROM conflict WHERE besluit IS NULL") == [["0"]])
    }
}

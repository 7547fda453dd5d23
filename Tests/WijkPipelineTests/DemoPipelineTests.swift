import Foundation
import GRDB
import Testing
import TestSupport
import WijkModel
@testable import WijkPipeline
@testable import WijkModel

/// The demo through the pipeline in-process: nothing is lost, planted defects land where the
/// fixture's README says, and the same inputs give the same content.
@Suite(.serialized)
struct DemoPipelineTests {
    func run(load: Bool, in dir: TempDir, allowOpen: Bool = true) async throws -> RunResult {
        let demo = try copyFixture("midden-groningen", to: dir)
        let options = Pipeline.Options(load: load, store: "sqlite:\(dir.path)/store.sqlite", report: dir.path + "/report", allowOpen: allowOpen)
        return try await Pipeline.prepare(migrationFile: demo.appendingPathComponent("migratie.yml").path, options: options).run()
    }

    /// The input checksum covers every input: one byte more in the XML export (read for seven
    /// entities, hashed once), or a comment in the decisions file, gives another checksum.
    @Test func theInputChecksumChangesWithAnyInput() async throws {
        let dir = TempDir()
        func append(_ text: String, to file: String) throws {
            let handle = try #require(FileHandle(forWritingAtPath: dir.path + "/fixtures/midden-groningen/" + file))
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            try handle.close()
        }
        let first = try await run(load: false, in: dir)
        #expect(first.inputChecksum.count == 64)
        try append("\n", to: "slochteren/export.xml")
        let second = try await run(load: false, in: dir)
        #expect(second.inputChecksum != first.inputChecksum)
        #expect(second.summary.total == first.summary.total)
        try append("# gelezen\n", to: "besluiten.yml")
        let third = try await run(load: false, in: dir)
        #expect(third.inputChecksum != second.inputChecksum)
        #expect(third.summary.decided == second.summary.decided)
    }

    @Test func everySourceRecordIsLoadedMergedOrRejected() async throws {
        let result = try await run(load: false, in: TempDir())
        #expect(result.summary.accountingHolds)
        for source in result.summary.sources {
            for (entity, c) in source.entities {
                #expect(c.read == c.loaded + c.merged + c.rejected, "\(source.bron)/\(entity)")
                #expect(c.read > 0, "\(source.bron)/\(entity) read nothing")
            }
        }
        // Independent of the counters: every loaded or merged record has exactly one lineage row,
        // every rejected one exactly one afwijzing row.
        let herkomst = try result.table("herkomst")!.rows.count
        let afwijzing = try result.table("afwijzing")!.rows.count
        #expect(herkomst == result.summary.total.loaded + result.summary.total.merged)
        #expect(afwijzing == result.summary.total.rejected)
        #expect(herkomst + afwijzing == result.summary.total.read)
        // Every canonical row has lineage.
        let lineageKeys = Set(try result.table("herkomst")!.rows.map { "\($0[0])|\($0[1])" })
        for table in ["medewerker", "huishouden", "client", "plan", "hulpvraag", "voorziening"] {
            for row in try result.table(table)!.rows {
                #expect(lineageKeys.contains("\(StoreValue.text(table))|\(row[0])"), "\(table) \(row[0]) has no herkomst")
            }
        }
    }

    /// The planted defects of fixtures/midden-groningen/README.md, as (file, line, rule).
    @Test func plantedDefectsAreFoundOnTheDocumentedFileAndLine() async throws {
        let result = try await run(load: false, in: TempDir())
        let found = result.findings.map { "\($0.provenance.bestand):\($0.provenance.locatie.stored) \($0.rule)" }
        let expected = try String(contentsOf: repositoryRoot().appendingPathComponent("fixtures/midden-groningen/expected/findings.txt"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(found == expected)
    }

    @Test func plantedOverlapsMerge() async throws {
        let result = try await run(load: false, in: TempDir(), allowOpen: false)
        let herkomst = try result.table("herkomst")!.rows
        func sourcesPerKey(_ table: String) -> [StoreValue: Set<StoreValue>] {
            Dictionary(grouping: herkomst.filter { $0[0] == .text(table) }, by: { $0[1] }).mapValues { Set($0.map { $0[2] }) }
        }
        func pairs(_ table: String) -> [String: Int] {
            var result: [String: Int] = [:]
            for sources in sourcesPerKey(table).values where sources.count > 1 {
                result[sources.map { $0.sortKey }.sorted().joined(separator: "+"), default: 0] += 1
            }
            return result
        }
        // See the fixture README: 6 shared households with their 13 members, 4 movers, 3 respelled
        // clients and 1 with another birth date between Hoogezand-Sappemeer and Menterwolde; 3 shared
        // households with their 5 members and 2 placeholder birth dates between Hoogezand-Sappemeer
        // and Slochteren.
        #expect(pairs("client") == ["hoogezand-sappemeer+menterwolde": 21, "hoogezand-sappemeer+slochteren": 7])
        #expect(pairs("huishouden") == ["hoogezand-sappemeer+menterwolde": 9, "hoogezand-sappemeer+slochteren": 5])
        #expect(result.summary.sources[1].entities["client"]?.merged == 21)
        #expect(result.summary.sources[2].entities["client"]?.merged == 7)
    }

    @Test func migrateLoadsEveryTableAndTwoRunsGiveTheSameContent() async throws {
        let dir = TempDir()
        let first = try await run(load: true, in: dir)
        #expect(first.runID == 1)
        let db = try DatabaseQueue(path: dir.path + "/store.sqlite")
        func dump() async throws -> [String: [[String]]] {
            try await db.read { db in
                var all: [String: [[String]]] = [:]
                for table in ["gemeente", "wijk", "wijkteam", "wijkteam_wijk", "medewerker", "huishouden", "client", "plan",
                              "hulpvraag", "voorziening", "herkomst", "afwijzing"] {
                    all[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
                        row.databaseValues.map { "\($0)" }
                    }.sorted { $0.lexicographicallyPrecedes($1) }
                }
                return all
            }
        }
        let before = try await dump()
        for (table, rows) in before where table != "afwijzing" {
            #expect(!rows.isEmpty, "\(table) is empty")
        }
        #expect(before["client"]?.count == first.summary.tables["client"])
        let second = try await run(load: true, in: dir)
        #expect(second.runID == 2)
        #expect(try await dump() == before)
        #expect(second.inputChecksum == first.inputChecksum)
        let runs = try await db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM migratierun") }
        #expect(runs == 2)
        // Without a clock from the caller the pipeline reads none: the audit stamps say so.
        let stamps = try await db.read { try Row.fetchAll($0, sql: "SELECT started, finished FROM migratierun").map { [$0[0] as String, $0[1] as String] } }
        #expect(stamps == [["not recorded", "not recorded"], ["not recorded", "not recorded"]])
        // The raw line of a reject is kept untouched, Windows-1252 decoded.
        let raw = try await db.read { try String.fetchOne($0, sql: "SELECT ruwe_regel FROM afwijzing WHERE regel = 'csv_ragged'") }
        #expect(raw?.contains("Begeleiding; groep") == true)
    }
}

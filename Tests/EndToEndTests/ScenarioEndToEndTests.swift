import Foundation
import Testing
import TestSupport

/// The other kinds of merger (fixtures/dordrecht-teams, zwolle-stadsdelen, welzijn-stichting), and
/// the demo, run end to end on the built CLI and compared with their checked-in expected files
/// (`scripts/update-goldens` writes them): the reports, the exit status, every finding, and the
/// monitoring figures read back from the store.
@Suite(.serialized)
struct ScenarioEndToEndTests {
    static let scenarios = ["midden-groningen", "dordrecht-teams", "zwolle-stadsdelen", "welzijn-stichting", "noordkwartier", "tijdstempels", "berichten", "istandaarden"]

    func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test(arguments: scenarios)
    func migrateAndStatsGiveTheExpectedFiles(scenario: String) throws {
        let expected = repositoryRoot().appendingPathComponent("fixtures/\(scenario)/expected")
        let dir = TempDir("scenario")
        let folder = try copyFixture(scenario, to: dir)
        let result = try runCLI(["migrate", "migratie.yml", "--allow-open"], in: folder)
        #expect("\(result.status)" == (try text(expected.appendingPathComponent("exit-status"))).trimmingCharacters(in: .whitespacesAndNewlines),
                "stderr: \(result.stderr)")
        let report = folder.appendingPathComponent("out/report")
        for file in ["summary.json", "rejects.csv", "conflicts.csv"] {
            #expect(try text(report.appendingPathComponent(file)) == (try text(expected.appendingPathComponent(file))), "\(scenario): \(file)")
        }
        // Every finding, as file:location rule.
        let findings = try text(report.appendingPathComponent("findings.csv")).split(separator: "\r\n").dropFirst().map { line -> String in
            let f = line.split(separator: ";", omittingEmptySubsequences: false)
            return "\(f[3]):\(f[4]) \(f[1])"
        }
        let goldenFindings = try text(expected.appendingPathComponent("findings.txt")).split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(findings == goldenFindings, "\(scenario): findings")

        let stats = try runCLI(["stats", "migratie.yml", "--peildatum", "2017-12-31", "--out", dir.path + "/stats"], in: folder)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(try text(URL(fileURLWithPath: dir.path + "/stats/stats.csv")) == (try text(expected.appendingPathComponent("stats.csv"))),
                "\(scenario): stats.csv")
        // Where every household was placed: wijk, buurt, wijkteam.
        let placed = try sqliteRows(folder.appendingPathComponent("out/wijkteam.sqlite").path,
                                    "SELECT id, COALESCE(wijk, ''), COALESCE(buurt, ''), COALESCE(wijkteam, '') FROM huishouden ORDER BY id")
            .map { $0.joined(separator: ";") + "\n" }.joined()
        #expect(placed == (try text(expected.appendingPathComponent("huishoudens.csv"))), "\(scenario): huishoudens.csv")
        // The dates as stored (fixtures/tijdstempels) and the voorzieningen (fixtures/berichten), for
        // a scenario that pins them.
        for (file, query) in [("datums.csv", "datums.sql"), ("voorzieningen.csv", "voorzieningen.sql")] {
            let pinned = expected.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: pinned.path) else { continue }
            let sql = try text(repositoryRoot().appendingPathComponent("scripts/\(query)"))
            let stored = try sqliteRows(folder.appendingPathComponent("out/wijkteam.sqlite").path, sql)
                .map { $0.joined(separator: ";") + "\n" }.joined()
            #expect(stored == (try text(pinned)), "\(scenario): \(file)")
        }
        #expect(stats.stdout.hasPrefix("figures at the peildatum 2017-12-31, store of migratierun 1 ("))
    }

    /// The same scenario loaded into PostgreSQL gives the same figures, read from PostgreSQL.
    @Test func theFiguresFromPostgreSQLAreTheSameAsFromSQLite() throws {
        guard let admin = testPostgresURL() else { Issue.record(Comment(rawValue: noTestPostgres)); return }
        let name = "wm_stats_" + String(UUID().uuidString.prefix(8)).lowercased()
        try psql(admin, "CREATE DATABASE \(name)")
        defer { _ = try? psql(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        let url = database(name, on: admin)
        let dir = TempDir("stats-pg")
        let folder = try copyFixture("dordrecht-teams", to: dir)
        #expect(try runCLI(["migrate", "migratie.yml", "--allow-open"], in: folder).status == 0)
        #expect(try runCLI(["migrate", "migratie.yml", "--allow-open", "--store", url], in: folder).status == 0)
        let sqlite = try runCLI(["stats", "migratie.yml", "--peildatum", "2017-12-31", "--out", dir.path + "/sqlite"], in: folder)
        let postgres = try runCLI(["stats", "--store", url, "--peildatum", "2017-12-31", "--out", dir.path + "/postgres"], in: folder)
        #expect(sqlite.status == 0 && postgres.status == 0, "\(sqlite.stderr) \(postgres.stderr)")
        for file in ["stats.csv", "verwijzers.csv"] {
            let a = try text(URL(fileURLWithPath: dir.path + "/sqlite/" + file))
            #expect(a == (try text(URL(fileURLWithPath: dir.path + "/postgres/" + file))), "\(file)")
            #expect(a.split(separator: "\r\n").count > 4)
        }
    }

    @Test func statsWithoutAStoreSaysWhatToDo() throws {
        let dir = TempDir("stats-none")
        let result = try runCLI(["stats", "--store", "sqlite:\(dir.path)/nothing.sqlite"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: there is no SQLite store at \(dir.path)/nothing.sqlite: run wijkmigratie migrate first\n")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/nothing.sqlite"))
        let none = try runCLI(["stats"])
        #expect(none.status == 64 && none.stderr.contains("give the migration file or --store"))
    }
}

/// A message folder is a history, not a pile: renaming its files changes nothing in the result.
struct MessageFolderTests {
    @Test func renamingTheMessageFilesChangesNothing() throws {
        func migrate(renaming: Bool) throws -> [String] {
            let dir = TempDir("berichten")
            let folder = try copyFixture("berichten", to: dir)
            if renaming {
                for sub in ["jw301", "wmo301"] {
                    let path = folder.appendingPathComponent(sub).path
                    let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                    // Reverse the order the names sort in, and change every name.
                    for (n, name) in names.enumerated() {
                        try FileManager.default.moveItem(atPath: path + "/" + name, toPath: path + "/\(String(format: "%02d", names.count - n))-\(name.reversed().map(String.init).joined()).xml")
                    }
                }
            }
            let result = try runCLI(["migrate", "migratie.yml"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let store = folder.appendingPathComponent("out/wijkteam.sqlite").path
            let tables = try ["SELECT * FROM voorziening ORDER BY id", "SELECT * FROM huishouden ORDER BY id", "SELECT * FROM client ORDER BY bsn",
                              "SELECT * FROM gemeente ORDER BY code", "SELECT entiteit, sleutel, bron, bron_sleutel FROM herkomst ORDER BY 1, 2, 3"]
                .map { try sqliteRows(store, $0).map { $0.joined(separator: "|") }.joined(separator: "\n") }
            let summary = try String(contentsOf: folder.appendingPathComponent("out/report/summary.json"), encoding: .utf8)
            return tables + [summary]
        }
        let plain = try migrate(renaming: false)
        let renamed = try migrate(renaming: true)
        #expect(plain == renamed)
        #expect(plain[0].contains("jw301/1952-5001|999900018|jeugdwet|45|45A12|4|04|2|41099999|2024-03-04|2024-06-30"))
    }
}

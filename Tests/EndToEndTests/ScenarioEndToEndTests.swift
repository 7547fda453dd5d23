import Foundation
import Testing
import TestSupport

/// The other kinds of merger (fixtures/dordrecht-teams, zwolle-stadsdelen, welzijn-stichting), and
/// the demo, run end to end on the built CLI and compared with their checked-in expected files
/// (`scripts/update-goldens` writes them): the reports, the exit status, every finding, and the
/// monitoring figures read back from the store.
@Suite(.serialized)
struct ScenarioEndToEndTests {
    static let scenarios = ["midden-groningen", "dordrecht-teams", "zwolle-stadsdelen", "welzijn-stichting", "noordkwartier", "tijdstempels"]

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
        // The dates as stored, for a scenario that pins them (fixtures/tijdstempels).
        let datums = expected.appendingPathComponent("datums.csv")
        if FileManager.default.fileExists(atPath: datums.path) {
            let query = try text(repositoryRoot().appendingPathComponent("scripts/datums.sql"))
            let stored = try sqliteRows(folder.appendingPathComponent("out/wijkteam.sqlite").path, query)
                .map { $0.joined(separator: ";") + "\n" }.joined()
            #expect(stored == (try text(datums)), "\(scenario): datums.csv")
        }
        #expect(stats.stdout.hasPrefix("figures at the peildatum 2017-12-31, store of migratierun 1 (\(scenario),"))
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

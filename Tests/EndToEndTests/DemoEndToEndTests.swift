import Foundation
import Testing
import TestSupport

/// Runs the built CLI on the Midden-Groningen demo. Its expected files (summary, rejects,
/// conflicts, findings, exit status, figures) are compared in ScenarioEndToEndTests, with the
/// other scenarios; these are what only the demo shows.
@Suite(.serialized)
struct DemoEndToEndTests {
    @Test func migrateLoadsTheDefaultStoreAndSaysNothingOnStderr() throws {
        let dir = TempDir("e2e")
        let demo = try copyFixture("midden-groningen", to: dir)
        let result = try runCLI(["migrate", "migratie.yml", "--allow-open"], in: demo)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: demo.appendingPathComponent("out/wijkteam.sqlite").path))
        #expect(result.stdout.contains("total"))
        #expect(result.stderr.isEmpty)
    }

    @Test func openConflictsBlockTheLoad() throws {
        let dir = TempDir("e2e")
        let demo = try copyFixture("midden-groningen", to: dir)
        let result = try runCLI(["migrate", "migratie.yml"], in: demo)
        #expect(result.status == 1)
        #expect(result.stderr.contains("blocked: 5 conflicts are open: decide them in besluiten.yml"))
        #expect(result.stdout.contains("store: not loaded (blocked)"))
        #expect(result.stderr.contains("nothing was loaded"))
    }

    @Test func checkWritesTheReportButNoStore() throws {
        let dir = TempDir("e2e")
        let demo = try copyFixture("midden-groningen", to: dir)
        let result = try runCLI(["check", "migratie.yml", "--report", dir.path + "/r"], in: demo)
        #expect(result.status == 1)   // open conflicts need a steward
        #expect(FileManager.default.fileExists(atPath: dir.path + "/r/summary.json"))
        #expect(!FileManager.default.fileExists(atPath: demo.appendingPathComponent("out/wijkteam.sqlite").path))
    }

    @Test func reportsAndOutputNeverCarryBSNsOrNamesUnlessRevealed() throws {
        let dir = TempDir("e2e")
        let demo = try copyFixture("midden-groningen", to: dir)
        let result = try runCLI(["migrate", "migratie.yml", "--allow-open", "--verbose", "--store", "sqlite:\(dir.path)/s.sqlite"], in: demo)
        #expect(result.status == 0)
        // Every file of the report, and everything the run printed.
        let folder = demo.appendingPathComponent("out/report")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["conflicts.csv", "findings.csv", "rejects.csv", "report.html", "summary.json"])
        var everything = result.stdout + result.stderr
        for file in files { everything += try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) }
        // A run of nine digits standing on its own would be an unmasked BSN.
        #expect(everything.range(of: #"(?<![0-9A-Za-z])[0-9]{9}(?![0-9A-Za-z])"#, options: .regularExpression) == nil)
        #expect(!everything.contains("Wübbena"))
        let revealed = try runCLI(["check", "migratie.yml", "--reveal-bsn", "--report", dir.path + "/open"], in: demo)
        #expect(revealed.status == 1)
        let open = try String(contentsOf: URL(fileURLWithPath: dir.path + "/open/findings.csv"), encoding: .utf8)
        #expect(open.range(of: #"'[0-9]{9}'"#, options: .regularExpression) != nil)
    }

    @Test func twoRunsGiveByteIdenticalReports() throws {
        let dir = TempDir("e2e")
        let demo = try copyFixture("midden-groningen", to: dir)
        _ = try runCLI(["check", "migratie.yml", "--report", dir.path + "/one"], in: demo)
        _ = try runCLI(["check", "migratie.yml", "--report", dir.path + "/two"], in: demo)
        for file in ["conflicts.csv", "summary.json", "findings.csv", "rejects.csv", "report.html"] {
            let one = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/one/" + file))
            let two = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/two/" + file))
            #expect(one == two, "\(file) differs between two runs")
        }
    }

    @Test func aMappingMistakeExitsTwoWithFileLineColumnAndReadsNoData() throws {
        let dir = TempDir("e2e")
        let demo = try copyFixture("midden-groningen", to: dir)
        let mapping = dir.url.appendingPathComponent("mappings/menterwolde.yml")
        var text = try String(contentsOf: mapping, encoding: .utf8)
        text = text.replacingOccurrences(of: "      geboortedatum: geboortedatum", with: "      geboortedatun: geboortedatum")
        try text.write(to: mapping, atomically: true, encoding: .utf8)
        let result = try runCLI(["migrate", "migratie.yml"], in: demo)
        #expect(result.status == 2)
        #expect(result.stderr.contains("mappings/menterwolde.yml:"))
        #expect(result.stderr.contains(": error: unknown field 'geboortedatun' for client"))
        #expect(result.stderr.contains("hint: did you mean 'geboortedatum'?"))
        #expect(!result.stderr.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: demo.appendingPathComponent("out").path))
    }

    @Test func aMissingMigrationFileAndABadStoreURLExitTwo() throws {
        let missing = try runCLI(["check", "/nonexistent/migratie.yml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("/nonexistent/migratie.yml:1:1: error: cannot read the file"))
        let dir = TempDir("e2e")
        let demo = try copyFixture("midden-groningen", to: dir)
        let badStore = try runCLI(["migrate", "migratie.yml", "--store", "mysql://x"], in: demo)
        #expect(badStore.status == 2)
        #expect(badStore.stderr == "error: store URL 'mysql://x' is neither sqlite:PATH nor postgres://user@host:port/db\n")
    }

    @Test func anUnreachablePostgreSQLStoreIsOneLineAndExitTwo() throws {
        let dir = TempDir("e2e")
        let demo = try copyFixture("midden-groningen", to: dir)
        let port = try freePort()
        let result = try runCLI(["migrate", "migratie.yml", "--store", "postgres://wm:secret@127.0.0.1:\(port)/wijkteam"], in: demo)
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot connect to the PostgreSQL store postgres://wm@127.0.0.1:\(port)/wijkteam: connection refused (is the server running and the port right?)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func usageMistakesExitWithArgumentParserStatus() throws {
        let result = try runCLI(["migrate"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Missing expected argument '<migration-file>'"))
    }
}

import Foundation
import Testing
import TestSupport

/// A run killed with SIGKILL in the middle of loading leaves the store as it was.
@Suite(.serialized)
struct KilledRunTests {
    /// Runs `migrate` once to have content, then again with the load held half-way, kills it
    /// with SIGKILL there, and returns a dump of the store taken before and after.
    func killHalfway(store: String, dump: () throws -> String) throws -> (before: String, after: String) {
        let dir = TempDir("kill")
        let demo = try copyFixture("midden-groningen", to: dir)
        let first = try runCLI(["migrate", "migratie.yml", "--allow-open", "--store", store], in: demo)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try dump()
        try killHalfway(migrate: demo, store: store, marker: dir.path + "/halfway", timeout: 60)
        return (before, try dump())
    }

    /// Runs `migrate migratie.yml` in `folder` with the load held half-way through its
    /// transaction, and kills it with SIGKILL once it is there.
    func killHalfway(migrate folder: URL, store: String, marker: String, timeout: TimeInterval) throws {
        let process = Process()
        process.executableURL = productsDirectory().appendingPathComponent("wijkmigratie")
        process.arguments = ["migrate", "migratie.yml", "--allow-open", "--store", store]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["WIJKMIGRATIE_TEST_HOLD_LOAD"] = marker
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(FileManager.default.fileExists(atPath: marker), "the load never reached half-way")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
    }

    /// At scale: a generated scenario of 100,000 clients (over 400,000 source records) is killed
    /// in the middle of its load transaction; the store still holds exactly the demo it held before.
    @Test(.timeLimit(.minutes(15))) func aKilledLoadOfAGenerated100kScenarioChangesNothing() throws {
        let dir = TempDir("kill-100k")
        let (scenario, path, before) = try generatedScenarioBesideADemoStore(clients: 100_000, in: dir)

        try killHalfway(migrate: scenario, store: "sqlite:\(path)", marker: dir.path + "/halfway", timeout: 600)
        #expect(FileManager.default.fileExists(atPath: path + "-journal") || FileManager.default.fileExists(atPath: path + "-wal"),
                "the killed load left no journal: was it really inside its transaction?")
        let after = try sqliteDump(path)
        #expect(after == before)
        #expect(!after.contains("'generated'"))
    }

    @Test func aKilledSQLiteLoadChangesNothing() throws {
        let dir = TempDir("kill-sqlite")
        let path = dir.path + "/store.sqlite"
        let (before, after) = try killHalfway(store: "sqlite:\(path)", dump: { try sqliteDump(path) })
        #expect(before.contains("INSERT INTO migratierun VALUES(1,'midden-groningen'"))
        #expect(!before.contains("INSERT INTO migratierun VALUES(2,"))
        #expect(after == before)
    }

    @Test func aKilledPostgreSQLLoadChangesNothing() throws {
        guard let admin = testPostgresURL() else { Issue.record(Comment(rawValue: noTestPostgres)); return }
        let name = "wm_kill_" + String(UUID().uuidString.prefix(8)).lowercased()
        let psql = { (db: String, sql: String) throws -> String in try TestSupport.psql(database(db, on: admin), sql) }
        _ = try psql("postgres", "CREATE DATABASE \(name)")
        defer { _ = try? psql("postgres", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        let url = database(name, on: admin)
        let dump = {
            try psql(name, "SELECT (SELECT count(*) FROM migratierun) || ' ' || (SELECT count(*) FROM client) || ' ' || (SELECT count(*) FROM herkomst) || ' ' || (SELECT string_agg(bsn, ',' ORDER BY bsn) FROM (SELECT bsn FROM client ORDER BY bsn LIMIT 20) c)")
        }
        let (before, after) = try killHalfway(store: url, dump: dump)
        #expect(before.hasPrefix("1 15"))
        #expect(after == before)
    }
}

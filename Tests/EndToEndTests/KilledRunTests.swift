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

    /// Starts `migrate migratie.yml` in `folder` with the load held half-way through its
    /// transaction (for `holdSeconds`), and returns once it is there, with its stderr.
    func startHeldHalfway(migrate folder: URL, store: String, marker: String, timeout: TimeInterval,
                          holdSeconds: Int? = nil) throws -> (process: Process, stderr: Pipe) {
        let process = Process()
        process.executableURL = productsDirectory().appendingPathComponent("wijkmigratie")
        process.arguments = ["migrate", "migratie.yml", "--allow-open", "--store", store]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["WIJKMIGRATIE_TEST_HOLD_LOAD"] = marker
        if let holdSeconds { environment["WIJKMIGRATIE_TEST_HOLD_SECONDS"] = String(holdSeconds) }
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(FileManager.default.fileExists(atPath: marker), "the load never reached half-way")
        return (process, errors)
    }

    /// Runs `migrate migratie.yml` in `folder` with the load held half-way through its
    /// transaction, and kills it with SIGKILL once it is there.
    func killHalfway(migrate folder: URL, store: String, marker: String, timeout: TimeInterval) throws {
        let (process, _) = try startHeldHalfway(migrate: folder, store: store, marker: marker, timeout: timeout)
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

    /// The PostgreSQL session is terminated from a second session while `migrate` is inside its
    /// load: the run ends within seconds with exit 2 and one message, and the store is as it was
    /// (it used to wait forever: postgres-nio's COPY never resumed on a closed connection).
    @Test(.timeLimit(.minutes(2))) func aLostPostgreSQLConnectionEndsTheRunWithinSeconds() throws {
        guard let admin = testPostgresURL() else { Issue.record(Comment(rawValue: noTestPostgres)); return }
        let name = "wm_lost_" + String(UUID().uuidString.prefix(8)).lowercased()
        let psql = { (db: String, sql: String) throws -> String in try TestSupport.psql(database(db, on: admin), sql) }
        _ = try psql("postgres", "CREATE DATABASE \(name)")
        defer { _ = try? psql("postgres", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        let dir = TempDir("lost")
        let demo = try copyFixture("midden-groningen", to: dir)
        let (process, errors) = try startHeldHalfway(migrate: demo, store: database(name, on: admin), marker: dir.path + "/halfway",
                                                     timeout: 60, holdSeconds: 2)
        let terminated = Date()
        _ = try psql("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()")
        while process.isRunning && Date().timeIntervalSince(terminated) < 30 { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(terminated) < 15, "the run did not end within seconds of losing its connection")
        #expect(process.terminationReason == .exit && process.terminationStatus == 2)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.hasSuffix("the connection was lost (the server stopped, or the session was ended)\n"), "\(stderr)")
        #expect(try psql(name, "SELECT count(*) FROM migratierun").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// SIGTERM (a scheduler stopping the job) in the middle of the load: one line on stderr,
    /// exit 2, and the store as it was.
    @Test(.timeLimit(.minutes(2))) func aTerminatedRunSaysSoAndChangesNothing() throws {
        let dir = TempDir("sigterm")
        let demo = try copyFixture("midden-groningen", to: dir)
        let path = dir.path + "/store.sqlite"
        #expect(try runCLI(["migrate", "migratie.yml", "--allow-open", "--store", "sqlite:\(path)"], in: demo).status == 0)
        let before = try sqliteDump(path)
        let (process, errors) = try startHeldHalfway(migrate: demo, store: "sqlite:\(path)", marker: dir.path + "/halfway", timeout: 60)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 2)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr == "\ninterrupted by SIGTERM: the run stopped; a load that had not committed leaves the store as it was (a load is one transaction)\n")
        #expect(try sqliteDump(path) == before)
    }
}

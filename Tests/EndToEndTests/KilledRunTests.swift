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

        let marker = dir.path + "/halfway"
        let process = Process()
        process.executableURL = productsDirectory().appendingPathComponent("wijkmigratie")
        process.arguments = ["migrate", "migratie.yml", "--allow-open", "--store", store]
        process.currentDirectoryURL = demo
        var environment = ProcessInfo.processInfo.environment
        environment["WIJKMIGRATIE_TEST_HOLD_LOAD"] = marker
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(FileManager.default.fileExists(atPath: marker), "the load never reached half-way")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        return (before, try dump())
    }

    @Test func aKilledSQLiteLoadChangesNothing() throws {
        let dir = TempDir("kill-sqlite")
        let path = dir.path + "/store.sqlite"
        let dump = {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["sqlite3", path, "SELECT count(*) FROM migratierun; SELECT count(*) FROM client; SELECT count(*) FROM herkomst; SELECT group_concat(bsn) FROM (SELECT bsn FROM client ORDER BY bsn LIMIT 20);"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return text
        }
        let (before, after) = try killHalfway(store: "sqlite:\(path)", dump: dump)
        #expect(before.hasPrefix("1\n15"))
        #expect(after == before)
    }

    @Test func aKilledPostgreSQLLoadChangesNothing() throws {
        guard let admin = testPostgresURL() else { Issue.record(Comment(rawValue: noTestPostgres)); return }
        let name = "wm_kill_" + String(UUID().uuidString.prefix(8)).lowercased()
        let psql = { (db: String, sql: String) throws -> String in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            let url = database(db, on: admin)
            p.arguments = ["psql", "-X", "-A", "-t", "-q", url, "-c", sql]
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return text
        }
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

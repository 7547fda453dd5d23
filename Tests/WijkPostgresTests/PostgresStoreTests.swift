import Foundation
import GRDB
import Testing
import TestSupport
import WijkModel
import WijkStore
@testable import WijkPipeline
@testable import WijkPostgres

/// The PostgreSQL store against a real server (the throwaway one of scripts/test).
@Suite(.serialized)
struct PostgresStoreTests {
    let run = RunRecord(migratie: "t", started: "2026-01-01T00:00:00Z", finished: "2026-01-01T00:00:01Z", inputChecksum: "x", counts: "{}")
    let gemeente = TableData(name: "gemeente", columns: ["code", "naam", "opgeheven_op", "opgegaan_in"],
                             rows: [[.text("GM1952"), .text("Midden-Groningen"), .null, .null]])

    @Test func schemaMigrationsAreNamedAndApplyOnce() async throws {
        try await withTestDatabase { url in
            for _ in 0..<2 {
                let store = try await PostgresStore.connect(url)
                try await store.prepareSchema()
                await store.close()
            }
            #expect(try await rows(url, "wijk_schema_migrations", columns: ["name"]) == Schema.migrations.map { [$0.name] })
            #expect(try await count(url, "client") == 0)
        }
    }

    @Test func aFailingLoadLeavesTheStoreAsItWas() async throws {
        try await withTestDatabase { url in
            let store = try await PostgresStore.connect(url)
            try await store.prepareSchema()
            #expect(try await store.load(StoreLoad(tables: [gemeente], run: run)) == 1)
            let badWijk = TableData(name: "wijk", columns: ["code", "naam", "gemeente"], rows: [[.text("WK195201"), .text("x"), .text("GM0000")]])
            let other = TableData(name: "gemeente", columns: gemeente.columns, rows: [[.text("GM0018"), .text("HS"), .null, .null]])
            do {
                _ = try await store.load(StoreLoad(tables: [other, badWijk], run: run))
                Issue.record("the load should fail")
            } catch let error as StoreError {
                #expect(error.message.hasPrefix("loading failed, nothing was changed in the PostgreSQL store postgres://postgres@127.0.0.1:"))
                #expect(error.message.contains("foreign key"))
            }
            await store.close()
            #expect(try await rows(url, "gemeente", columns: ["code"]) == [["GM1952"]])
            #expect(try await count(url, "migratierun") == 1)
            // The lineage index, dropped for the load and built again at its end, is there after both.
            #expect(try await rows(url, "pg_indexes WHERE indexname = 'herkomst_entiteit_sleutel'", columns: ["indexname"])
                    == [["herkomst_entiteit_sleutel"]])
        }
    }

    @Test func textWithTabsNewlinesAndBackslashesSurvivesCopy() async throws {
        try await withTestDatabase { url in
            let store = try await PostgresStore.connect(url)
            try await store.prepareSchema()
            let tricky = "a\tb\nc\\d\re ë €"
            let table = TableData(name: "gemeente", columns: gemeente.columns, rows: [[.text("GM1952"), .text(tricky), .null, .null]])
            _ = try await store.load(StoreLoad(tables: [table], run: run))
            await store.close()
            #expect(try await rows(url, "gemeente", columns: ["naam"]) == [[tricky]])
        }
    }

    @Test func theDemoGivesTheSameContentInPostgreSQLAsInSQLite() async throws {
        try await withTestDatabase { url in
            let dir = TempDir("pg-demo")
            let demo = try copyFixture("midden-groningen", to: dir)
            let file = demo.appendingPathComponent("migratie.yml").path
            let sqlitePath = dir.path + "/s.sqlite"
            let inSQLite = try await Pipeline.prepare(migrationFile: file, options: .init(load: true, store: "sqlite:\(sqlitePath)", report: dir.path + "/r1", allowOpen: true)).run()
            let inPostgres = try await Pipeline.prepare(migrationFile: file, options: .init(load: true, store: url, report: dir.path + "/r2", allowOpen: true)).run()
            #expect(inSQLite.summary == inPostgres.summary)
            #expect(inPostgres.runID == 1)
            let sqlite = try DatabaseQueue(path: sqlitePath)
            for table in inSQLite.tables where table.name != "conflict" {
                let fromSQLite = try await sqlite.read { db in
                    try Row.fetchAll(db, sql: "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name)").map { row in
                        row.databaseValues.map { $0.isNull ? "∅" : ($0.storage.value.map { "\($0)" } ?? "∅") }
                    }
                }.sorted { $0.lexicographicallyPrecedes($1) }
                let fromPostgres = try await rows(url, table.name, columns: table.columns)
                #expect(try fromSQLite.count == table.rows.count, "\(table.name)")
                #expect(fromPostgres.count == fromSQLite.count, "\(table.name) has another number of rows")
                // Doubles print as 1.0 from SQLite and 1 from PostgreSQL: the same value.
                func same(_ a: [String], _ b: [String]) -> Bool {
                    a.count == b.count && zip(a, b).allSatisfy { x, y in x == y || (Double(x) != nil && Double(x) == Double(y)) }
                }
                let firstDifference = zip(fromSQLite, fromPostgres).first { !same($0, $1) }
                #expect(firstDifference == nil, "\(table.name) differs first at \(firstDifference.map { "\($0) vs \($1)" } ?? "")")
            }
            // A second run gives identical content.
            let before = try await rows(url, "client", columns: ["bsn", "achternaam", "huishouden"])
            let again = try await Pipeline.prepare(migrationFile: file, options: .init(load: true, store: url, report: dir.path + "/r3", allowOpen: true)).run()
            #expect(again.runID == 2)
            #expect(try await rows(url, "client", columns: ["bsn", "achternaam", "huishouden"]) == before)
            #expect(try await count(url, "herkomst") == inSQLite.summary.tables["herkomst"])
        }
    }

    @Test func anUnreachableServerIsOneClearMessage() async throws {
        let port = try freePort()
        do {
            _ = try await PostgresStore.connect("postgres://postgres@127.0.0.1:\(port)/x")
            Issue.record("connected to nothing")
        } catch let error as StoreError {
            #expect(error.code == .unreachable)   // matched by its errno (ECONNREFUSED), not by text
            #expect(error.message == "cannot connect to the PostgreSQL store postgres://postgres@127.0.0.1:\(port)/x: connection refused (is the server running and the port right?)")
        }
    }

    @Test func aRefusedLoginIsOneClearMessage() async throws {
        guard let admin = testPostgresURL() else { Issue.record(Comment(rawValue: noTestPostgres)); return }
        let url = admin.replacingOccurrences(of: "postgres://postgres@", with: "postgres://nobody:secret@")
        do {
            _ = try await PostgresStore.connect(url)
            Issue.record("logged in as nobody")
        } catch let error as StoreError {
            #expect(error.message.hasPrefix("cannot connect to the PostgreSQL store postgres://nobody@127.0.0.1:"))
            #expect(error.message.contains("refused the login of user 'nobody'"))
            #expect(error.code == .loginRefused)
            #expect(!error.message.contains("secret"))
        }
    }

    @Test func storeURLs() throws {
        let l = try PostgresLocation("postgres://wm:p%40ss@db.example:6543/wijkteam")
        #expect(l == (try PostgresLocation("postgresql://wm:p%40ss@db.example:6543/wijkteam")))
        #expect((l.user, l.password, l.host, l.port, l.database) == ("wm", "p@ss", "db.example", 6543, "wijkteam"))
        #expect(l.display == "postgres://wm@db.example:6543/wijkteam")
        #expect(try PostgresLocation("postgres://u@h/").database == "u")
        #expect(throws: StoreError.self) { try PostgresLocation("postgres:///nohost") }
    }

    /// A store URL never echoes its password, whatever is wrong with it.
    @Test(arguments: ["postgres://wm:secret@db.example:notaport/wijkteam", "mysql://wm:secret@db.example/wijkteam",
                      "postgres://wm:secret@db.example/wijkteam?sslmode=sometimes", "postgres://wm:secret@db.example/wijkteam?timeout=5"])
    func aBadStoreURLNeverShowsItsPassword(url: String) throws {
        do {
            _ = try StoreLocation(url)
            _ = try PostgresLocation(url)
            Issue.record("\(url) was accepted")
        } catch let error as StoreError {
            #expect(!error.message.contains("secret"), "\(error.message)")
            #expect(error.code == .invalidURL)
            #expect(error.message.contains("wm:***@db.example"), "\(error.message)")
        }
    }

    /// sslmode is honoured, never ignored: the test server offers no TLS, so `require` and
    /// `verify-full` fail with one clear message instead of connecting in plain text.
    @Test(arguments: ["require", "verify-full"])
    func sslmodeIsHonoured(mode: String) async throws {
        guard let admin = testPostgresURL() else { Issue.record(Comment(rawValue: noTestPostgres)); return }
        #expect(try PostgresLocation(admin + "?sslmode=\(mode)").sslmode.rawValue == mode)
        do {
            let store = try await PostgresStore.connect(admin + "?sslmode=\(mode)")
            await store.close()
            Issue.record("connected without TLS")
        } catch let error as StoreError {
            #expect(error.message.hasSuffix("the server does not offer TLS, and sslmode=\(mode) asks for it (nothing was sent unencrypted)"), "\(error.message)")
        }
        let plain = try await PostgresStore.connect(admin + "?sslmode=disable")
        await plain.close()
    }
}

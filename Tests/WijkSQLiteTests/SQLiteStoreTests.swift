import Foundation
import GRDB
import Testing
import TestSupport
import WijkModel
import WijkStore
@testable import WijkSQLite

struct SQLiteStoreTests {
    let run = RunRecord(migratie: "t", started: "2026-01-01T00:00:00Z", finished: "2026-01-01T00:00:01Z", inputChecksum: "x", counts: "{}")

    func store(_ dir: TempDir) async throws -> SQLiteStore {
        let s = try SQLiteStore(path: dir.path + "/nested/s.sqlite")
        try await s.prepareSchema()
        return s
    }

    let gemeente = TableData(name: "gemeente", columns: ["code", "naam", "opgeheven_op", "opgegaan_in"],
                             rows: [[.text("GM1952"), .text("Midden-Groningen"), .null, .null]])

    /// A store made before activiteit existed (only v1 applied, with content) is brought up to date
    /// by the next run, and keeps what it held.
    @Test func aStoreOfAnEarlierSchemaIsMigratedForward() async throws {
        let dir = TempDir()
        let path = dir.path + "/old.sqlite"
        let db = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1_canonical_model") { db in for sql in Schema.migrations[0].statements { try db.execute(sql: sql) } }
        try migrator.migrate(db)
        try await db.write { try $0.execute(sql: "INSERT INTO gemeente (code, naam) VALUES ('GM1952', 'Midden-Groningen')") }
        try db.close()
        let store = try SQLiteStore(path: path)
        try await store.prepareSchema()
        await store.close()
        let reopened = try DatabaseQueue(path: path)
        #expect(try await reopened.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
                == ["v1_canonical_model", "v2_activiteit"])
        #expect(try await reopened.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM activiteit") } == 0)
        #expect(try await reopened.read { try String.fetchOne($0, sql: "SELECT naam FROM gemeente") } == "Midden-Groningen")
    }

    @Test func schemaMigrationsAreNamedAndApplyOnce() async throws {
        let dir = TempDir()
        _ = try await store(dir)
        _ = try await store(dir)   // a second time is a no-op
        let db = try DatabaseQueue(path: dir.path + "/nested/s.sqlite")
        let applied = try await db.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1_canonical_model", "v2_activiteit"])
        let tables = try await db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name") }
        #expect(tables == ["activiteit", "afwijzing", "client", "conflict", "gemeente", "herkomst", "huishouden", "hulpvraag", "medewerker",
                           "migratierun", "plan", "voorziening", "wijk", "wijkteam", "wijkteam_wijk"])
    }

    @Test func aFailingLoadLeavesTheStoreAsItWas() async throws {
        let dir = TempDir()
        let s = try await store(dir)
        #expect(try await s.load(StoreLoad(tables: [gemeente], run: run)) == 1)
        // A wijk whose gemeente does not exist breaks a foreign key half-way through the load.
        let badWijk = TableData(name: "wijk", columns: ["code", "naam", "gemeente"], rows: [[.text("WK195201"), .text("x"), .text("GM0000")]])
        let other = TableData(name: "gemeente", columns: gemeente.columns, rows: [[.text("GM0018"), .text("HS"), .null, .null]])
        await #expect(throws: StoreError.self) { try await s.load(StoreLoad(tables: [other, badWijk], run: run)) }
        let db = try DatabaseQueue(path: dir.path + "/nested/s.sqlite")
        #expect(try await db.read { try String.fetchAll($0, sql: "SELECT code FROM gemeente") } == ["GM1952"])
        #expect(try await db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM migratierun") } == 1)
        // The lineage index, dropped for the load and built again at its end, is there after both.
        #expect(try await db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'herkomst_entiteit_sleutel'") }
                == ["herkomst_entiteit_sleutel"])
    }

    @Test func constraintsGuardTheModel() async throws {
        let dir = TempDir()
        let s = try await store(dir)
        let client = { (bsn: String) in
            TableData(name: "client", columns: ["bsn", "achternaam"], rows: [[.text(bsn), .text("Bakker")]])
        }
        await #expect(throws: Never.self) { try await s.load(StoreLoad(tables: [client("123456782")], run: run)) }
        await #expect(throws: StoreError.self) { try await s.load(StoreLoad(tables: [client("12345678")], run: run)) }
        let noName = TableData(name: "client", columns: ["bsn"], rows: [[.text("123456782")]])
        await #expect(throws: StoreError.self) { try await s.load(StoreLoad(tables: [noName], run: run)) }
    }

    @Test func storeErrorsNameTheConstraintNotTheValues() async throws {
        let dir = TempDir()
        let s = try await store(dir)
        let clients = TableData(name: "client", columns: ["bsn", "achternaam"], rows: [[.text("12345678"), .text("Jansen")]])
        do {
            _ = try await s.load(StoreLoad(tables: [clients], run: run))
            Issue.record("expected a failure")
        } catch let error as StoreError {
            #expect(error.message.contains("CHECK constraint failed"))
            #expect(!error.message.contains("12345678"))
            #expect(!error.message.contains("Jansen"))
        }
    }

    @Test func storeURLs() async throws {
        #expect(try StoreLocation("sqlite:out/w.sqlite") == .sqlite(path: "out/w.sqlite"))
        #expect(try StoreLocation("sqlite:///tmp/w.sqlite") == .sqlite(path: "/tmp/w.sqlite"))
        #expect(try StoreLocation("postgres://u@h:5432/db") == .postgres(url: "postgres://u@h:5432/db"))
        #expect(throws: StoreError.self) { try StoreLocation("sqlite:") }
        #expect(throws: StoreError.self) { try StoreLocation("mysql://x") }
    }

    @Test func aStoreThatCannotBeOpenedIsOneClearError() {
        #expect(throws: StoreError.self) { try SQLiteStore(path: "/proc/nope/s.sqlite") }
    }
}

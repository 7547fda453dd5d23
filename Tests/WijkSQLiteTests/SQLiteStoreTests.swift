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
    /// by the next run, and keeps what it held; a v2 store's staff become one inzet row each.
    @Test func aStoreOfAnEarlierSchemaIsMigratedForward() async throws {
        let dir = TempDir()
        let path = dir.path + "/old.sqlite"
        let db = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1_canonical_model") { db in for sql in Schema.migrations[0].statements { try db.execute(sql: sql) } }
        migrator.registerMigration("v2_activiteit") { db in for sql in Schema.migrations[1].statements { try db.execute(sql: sql) } }
        try migrator.migrate(db)
        try await db.write { db in
            try db.execute(sql: "INSERT INTO gemeente (code, naam) VALUES ('GM1952', 'Midden-Groningen')")
            try db.execute(sql: "INSERT INTO wijkteam (id, naam, gemeente) VALUES ('wt-a', 'A', 'GM1952')")
            try db.execute(sql: "INSERT INTO medewerker (id, achternaam, fte, wijkteam) VALUES ('hs/M1', 'Smit', 0.8, 'wt-a')")
            try db.execute(sql: "INSERT INTO herkomst (entiteit, sleutel, bron, bestand, locatie) VALUES ('medewerker', 'hs/M1', 'hs', 'm.csv', '2')")
        }
        try db.close()
        let store = try SQLiteStore(path: path)
        try await store.prepareSchema()
        await store.close()
        let reopened = try DatabaseQueue(path: path)
        #expect(try await reopened.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
                == Schema.migrations.map(\.name))
        #expect(try await reopened.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM activiteit") } == 0)
        #expect(try await reopened.read { try String.fetchOne($0, sql: "SELECT naam FROM gemeente") } == "Midden-Groningen")
        let inzet = try await reopened.read { try Row.fetchAll($0, sql: "SELECT medewerker, wijkteam, fte, bron FROM medewerker_inzet") }
        #expect(inzet.map { [$0[0] as String, $0[1] as String, "\($0[2] as Double)", $0[3] as String] } == [["hs/M1", "wt-a", "0.8", "hs"]])
    }

    @Test func schemaMigrationsAreNamedAndApplyOnce() async throws {
        let dir = TempDir()
        _ = try await store(dir)
        _ = try await store(dir)   // a second time is a no-op
        let db = try DatabaseQueue(path: dir.path + "/nested/s.sqlite")
        let applied = try await db.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == Schema.migrations.map(\.name))
        #expect(applied.last == "v6_bevinding")
        let tables = try await db.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name") }
        #expect(tables == StoreTables.all.map(\.name).sorted())
    }

    /// The frozen migrations build exactly the tables the declarations describe: every column's
    /// name, place, NOT NULL and primary key. A column added to one and not the other fails here.
    @Test(arguments: StoreTables.all.map(\.name))
    func theMigratedSchemaIsTheDeclaredOne(table: String) async throws {
        let dir = TempDir()
        _ = try await store(dir)
        let db = try DatabaseQueue(path: dir.path + "/nested/s.sqlite")
        let declared = StoreTables.all.first { $0.name == table }!
        let info = try await db.read { try Row.fetchAll($0, sql: "PRAGMA table_info(\(table))") }
        #expect(info.map { $0["name"] as String } == declared.columnNames)
        let notNull = info.map { ($0["notnull"] as Int) == 1 || ($0["pk"] as Int) > 0 }
        #expect(notNull == declared.columns.map(\.notNull), "NOT NULL of \(table)")
        let key = info.filter { ($0["pk"] as Int) > 0 }.sorted { ($0["pk"] as Int) < ($1["pk"] as Int) }.map { $0["name"] as String }
        #expect(key == declared.primaryKey, "primary key of \(table)")
        let types = info.map { ($0["type"] as String).uppercased() }
        #expect(types == declared.columns.map(\.kind.rawValue), "types of \(table)")
    }

    /// A value that cannot be bound stops the load (sqlite3_bind_* results are checked): a row
    /// with more values than the table has columns used to lose the extra value silently.
    @Test func aValueThatCannotBeBoundStopsTheLoad() async throws {
        let dir = TempDir()
        let s = try await store(dir)
        let long = TableData(name: "gemeente", columns: ["code", "naam"], rows: [[.text("GM1952"), .text("Midden-Groningen"), .text("extra")]])
        await #expect(throws: StoreError.self) { _ = try await s.load(StoreLoad(tables: [long], run: run)) }
        #expect(try sqliteRows(dir.path + "/nested/s.sqlite", "SELECT count(*) FROM gemeente") == [["0"]])
    }

    /// A store holds one migration: a load replaces that migration's previous run, and another
    /// migration's load is refused with one message, the store unchanged.
    @Test func anotherMigrationsLoadIsRefused() async throws {
        let dir = TempDir()
        let s = try await store(dir)
        #expect(try await s.load(StoreLoad(tables: [gemeente], run: run)) == 1)
        #expect(try await s.load(StoreLoad(tables: [gemeente], run: run)) == 2)
        let other = RunRecord(migratie: "other", started: "x", finished: "y", inputChecksum: "z", counts: "{}")
        do {
            _ = try await s.load(StoreLoad(tables: [], run: other))
            Issue.record("another migration overwrote the store")
        } catch let error as StoreError {
            #expect(error.code == .otherMigration)
            #expect(error.message.hasPrefix("the store \(dir.path)/nested/s.sqlite holds migration 't', not 'other'"))
        }
        #expect(try sqliteRows(dir.path + "/nested/s.sqlite", "SELECT code FROM gemeente") == [["GM1952"]])
    }

    @Test func aTableTheStoreDoesNotLoadIsRefused() async throws {
        let dir = TempDir()
        let s = try await store(dir)
        await #expect(throws: StoreError.self) {
            _ = try await s.load(StoreLoad(tables: [gemeente, TableData(name: "gemeenten", columns: ["code"], rows: [[.text("GM1952")]])], run: run))
        }
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

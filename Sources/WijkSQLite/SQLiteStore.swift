import Foundation
import GRDB
import GRDBSQLite
import WijkModel
import WijkRuntime
import WijkStore

/// The embedded store: one SQLite file, through GRDB. Foreign keys are enforced.
package final class SQLiteStore: WijkteamStore, Sendable {
    package let path: String
    private let queue: DatabaseQueue

    /// Opens (and for a load, creates) the store. `mustExist`: a store to read, which a missing file is not.
    package init(path: String, mustExist: Bool = false) throws {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if mustExist && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.noStore, "there is no SQLite store at \(path): run wijkmigratie migrate first")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var config = Configuration()
            config.foreignKeysEnabled = true
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw StoreError(.unreachable, "cannot open the SQLite store \(path): \(error.message ?? "\(error.resultCode)")")
        } catch {
            throw StoreError(.unreachable, "cannot open the SQLite store \(path): \(error.localizedDescription)")
        }
    }

    package func prepareSchema() async throws {
        var migrator = DatabaseMigrator()
        for migration in Schema.migrations {
            migrator.registerMigration(migration.name) { db in
                for sql in migration.statements { try db.execute(sql: sql) }
            }
        }
        do {
            try migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw StoreError(.schema, "cannot prepare the schema of \(path): \(error.message ?? "\(error.resultCode)")")
        }
    }

    package func load(_ load: StoreLoad) async throws -> Int {
        do {
            // `write` runs the closure in one transaction and rolls it back if anything throws.
            try Schema.checkTables(load.tables)
            return try await queue.write { db -> Int in
                if let other = try String.fetchOne(db, sql: "SELECT migratie FROM migratierun ORDER BY id DESC LIMIT 1"), other != load.run.migratie {
                    throw StoreError(.otherMigration, Schema.otherMigration(other, store: self.path, loading: load.run.migratie))
                }
                for table in Schema.loadOrder.reversed() {
                    try db.execute(sql: "DELETE FROM \(table)")
                }
                for index in Schema.secondaryIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
                for (index, name) in Schema.loadOrder.enumerated() {
                    if index == Schema.loadOrder.count / 2 { LoadHold.halfway() }
                    guard let table = load.tables.first(where: { $0.name == name }), table.count > 0 else { continue }
                    try self.insert(table, db)
                }
                for index in Schema.secondaryIndexes { try db.execute(sql: index.create) }
                let run = load.run
                let id = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM migratierun") ?? 1
                try db.execute(sql: """
                    INSERT INTO migratierun (id, migratie, started, finished, input_checksum, counts, peildatum) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, run.migratie, run.started, run.finished, run.inputChecksum, run.counts, run.peildatum])
                return id
            }
        } catch let error as DatabaseError {
            // The message names the constraint, never the values bound to the statement.
            throw StoreError(.loadFailed, "loading the SQLite store \(path) failed, nothing was changed: \(error.message ?? "\(error.resultCode)")")
        }
    }

    package func query(_ sql: String) async throws -> [[String?]] {
        do {
            return try await queue.read { db in
                try Row.fetchAll(db, sql: sql).map { row in (0..<row.count).map { row[$0] as String? } }
            }
        } catch let error as DatabaseError {
            throw StoreError(.readFailed, "reading the SQLite store \(path) failed: \(error.message ?? "\(error.resultCode)")")
        }
    }

    package func close() async {
        try? queue.close()
    }

    /// Inserts every row through one prepared statement, binding values straight to SQLite
    /// (GRDB's `execute(arguments:)` boxes every argument: twice as slow for a bulk load).
    private func insert(_ table: TableData, _ db: Database) throws {
        let placeholders = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        let statement = try db.makeStatement(sql: "INSERT INTO \(table.name) (\(table.columns.joined(separator: ", "))) VALUES (\(placeholders))")
        let handle = statement.sqliteStatement
        // A table from the merge's working file is read and decoded on a thread of its own, a few
        // batches ahead, while this one binds and writes (this is GRDB's writer queue, which may wait).
        var rows: any WijkModel.RowCursor = table.isStreamed ? PrefetchingCursor { table.makeCursor() } : table.makeCursor()
        while let row = try rows.next() {
            sqlite3_reset(handle)
            for (i, value) in row.enumerated() {
                let index = Int32(i + 1)
                let bound: Int32
                switch value {
                case .null: bound = sqlite3_bind_null(handle, index)
                case .integer(let n): bound = sqlite3_bind_int64(handle, index, Int64(n))
                case .real(let d): bound = sqlite3_bind_double(handle, index, d)
                case .text(var text):
                    bound = text.withUTF8 { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { chars -> Int32 in
                            if let base = chars.baseAddress, chars.count > 0 {
                                return sqlite3_bind_text(handle, index, base, Int32(chars.count), SQLiteStore.transient)
                            }
                            return sqlite3_bind_text(handle, index, "", 0, SQLiteStore.transient)   // '' stays '', not NULL
                        }
                    }
                }
                // A value that cannot be bound (too big, or a row longer than the table's columns)
                // stops the load; it is never left out without a word.
                guard bound == SQLITE_OK else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: bound),
                                        message: "\(table.name), column \(i + 1) of \(table.columns.count): \(String(cString: sqlite3_errstr(bound)))")
                }
            }
            guard row.count == table.columns.count else {
                throw DatabaseError(resultCode: .SQLITE_RANGE, message: "\(table.name): a row of \(row.count) values for \(table.columns.count) columns")
            }
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
        sqlite3_reset(handle)
    }

    /// SQLite copies the bytes it is given (the Swift buffer is only valid during the call).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

import Foundation
import Logging
internal import NIOPosix
internal import NIOSSL
internal import PostgresNIO
import WijkModel
import WijkRuntime
import WijkStore

/// The production store: a PostgreSQL server, through postgres-nio. The same schema and named
/// migrations as SQLite; a load is one transaction that replaces the previous run's content,
/// bulk-loaded with COPY.
package final class PostgresStore: WijkteamStore, Sendable {
    package let location: PostgresLocation
    private let connection: PostgresConnection
    private let logger: Logger

    package static func connect(_ url: String, logger: Logger = Logger(label: "wijkmigratie.postgres", factory: { _ in SwiftLogNoOpLogHandler() })) async throws -> PostgresStore {
        let location = try PostgresLocation(url)
        let tls: PostgresConnection.Configuration.TLS
        switch location.sslmode {
        case .disable:
            tls = .disable
        case .require, .verifyFull:
            var ssl = TLSConfiguration.makeClientConfiguration()
            // require: encrypted, the server's certificate not checked (libpq's meaning);
            // verify-full: encrypted, the certificate checked against the system's CAs and the host name.
            if location.sslmode == .require { ssl.certificateVerification = .none }
            do {
                tls = .require(try NIOSSLContext(configuration: ssl))
            } catch {
                throw StoreError(.unreachable, "cannot set up TLS for the PostgreSQL store \(location.display): \(error)")
            }
        }
        var configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                             password: location.password, database: location.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return PostgresStore(location: location, connection: connection, logger: logger)
        } catch {
            throw PostgresStore.describe(error, at: location, doing: "cannot connect to")
        }
    }

    init(location: PostgresLocation, connection: PostgresConnection, logger: Logger) {
        self.location = location
        self.connection = connection
        self.logger = logger
    }

    package func close() async {
        try? await connection.close()
    }

    /// The connection closed under the work (the server stopped, the session was terminated).
    struct ConnectionLost: Error {}

    /// Runs `work`, but returns as soon as the connection closes: postgres-nio can leave a
    /// COPY waiting forever on a connection that is gone (its continuation is never resumed), and
    /// a scheduled run must end, not hang. The abandoned work stays suspended until the process
    /// ends, which it then does within a moment.
    private func untilTheConnectionCloses<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let connection = self.connection
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            let once = ResumeOnce(continuation)
            connection.closeFuture.whenComplete { _ in once.resume(.failure(ConnectionLost())) }
            Task {
                do { once.resume(.success(try await work(connection))) } catch { once.resume(.failure(error)) }
            }
        }
    }

    package func query(_ sql: String) async throws -> [[String?]] {
        do {
            let logger = self.logger
            return try await untilTheConnectionCloses { connection in
                var result: [[String?]] = []
                // Only SQL the program builds itself comes here (monitoring queries), never a value from input.
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                    result.append(try row.map { try $0.decode(String?.self) })
                }
                return result
            }
        } catch {
            throw PostgresStore.describe(error, at: location, doing: "cannot read", otherwise: .readFailed)
        }
    }

    package func prepareSchema() async throws {
        do {
            try await connection.query("CREATE TABLE IF NOT EXISTS wijk_schema_migrations (name TEXT NOT NULL PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", logger: logger)
            var applied = Set<String>()
            for try await name in try await connection.query("SELECT name FROM wijk_schema_migrations", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            for migration in Schema.migrations where !applied.contains(migration.name) {
                try await connection.withTransaction(logger: logger) { conn in
                    for sql in migration.statements {
                        try await conn.query(PostgresQuery(unsafeSQL: sql), logger: self.logger)
                    }
                    try await conn.query("INSERT INTO wijk_schema_migrations (name) VALUES (\(migration.name))", logger: self.logger)
                }
            }
        } catch {
            throw PostgresStore.describe(error, at: location, doing: "cannot prepare the schema of", otherwise: .schema)
        }
    }

    package func load(_ load: StoreLoad) async throws -> Int {
        do {
            return try await untilTheConnectionCloses { try await self.load(load, over: $0) }
        } catch {
            throw PostgresStore.describe(error, at: location, doing: "loading failed, nothing was changed in", otherwise: .loadFailed)
        }
    }

    private func load(_ load: StoreLoad, over connection: PostgresConnection) async throws -> Int {
        try await connection.withTransaction(logger: logger) { conn in
            try Schema.checkTables(load.tables)
            for try await other in try await conn.query("SELECT migratie FROM migratierun ORDER BY id DESC LIMIT 1", logger: self.logger)
                .decode(String.self) where other != load.run.migratie {
                throw StoreError(.otherMigration, Schema.otherMigration(other, store: self.location.display, loading: load.run.migratie))
            }
            let content = Schema.loadOrder.joined(separator: ", ")
            try await conn.query(PostgresQuery(unsafeSQL: "TRUNCATE \(content)"), logger: self.logger)
            for index in Schema.secondaryIndexes {
                try await conn.query(PostgresQuery(unsafeSQL: "DROP INDEX IF EXISTS \(index.name)"), logger: self.logger)
            }
            for (index, name) in Schema.loadOrder.enumerated() {
                if index == Schema.loadOrder.count / 2 { LoadHold.halfway() }
                guard let table = load.tables.first(where: { $0.name == name }), table.count > 0 else { continue }
                try await self.copy(table, conn)
            }
            for index in Schema.secondaryIndexes {
                try await conn.query(PostgresQuery(unsafeSQL: index.create), logger: self.logger)
            }
            let run = load.run
            var id = 1
            for try await next in try await conn.query("SELECT COALESCE(MAX(id), 0) + 1 FROM migratierun", logger: self.logger).decode(Int.self) {
                id = next
            }
            try await conn.query("""
                INSERT INTO migratierun (id, migratie, started, finished, input_checksum, counts, peildatum)
                VALUES (\(id), \(run.migratie), \(run.started), \(run.finished), \(run.inputChecksum), \(run.counts), \(run.peildatum))
                """, logger: self.logger)
            return id
        }
    }

    /// COPY … FROM STDIN in text format, in buffers of about a megabyte.
    private func copy(_ table: TableData, _ conn: PostgresConnection) async throws {
        try await conn.copyFrom(table: table.name, columns: table.columns, logger: logger) { writer in
            var buffer = ByteBuffer()
            buffer.reserveCapacity(1 << 20)
            func append(_ row: [StoreValue]) {
                for (i, value) in row.enumerated() {
                    if i > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                    CopyText.append(value, to: &buffer)
                }
                buffer.writeInteger(UInt8(ascii: "\n"))
            }
            if table.isStreamed {
                // Read and decoded from the merge's working file on a thread of its own, a few
                // batches ahead; this task suspends while it waits for them, it never blocks.
                let prefetch = RowPrefetch { table.makeCursor() }
                while let rows = try await prefetch.nextBatch() {
                    for row in rows { append(row) }
                    if buffer.readableBytes >= 1 << 20 {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                }
            } else {
                var rows = table.makeCursor()
                while let row = try rows.next() {
                    append(row)
                    if buffer.readableBytes >= 1 << 20 {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    /// One line for the user: what failed, where, and the server's reason — never the values
    /// (PostgreSQL's primary messages name constraints; the details that quote values are left out).
    static func describe(_ error: Error, at location: PostgresLocation, doing: String) -> StoreError {
        describe(error, at: location, doing: doing, otherwise: .unreachable)
    }

    /// The one line for a failure, with its code: the server's reason by SQLSTATE, a refused
    /// connection by its errno (ECONNREFUSED), never by matching message text.
    static func describe(_ error: Error, at location: PostgresLocation, doing: String, otherwise: StoreError.Code) -> StoreError {
        let place = "the PostgreSQL store \(location.display)"
        var underlying: Error = error
        if let t = error as? PostgresTransactionError {
            underlying = t.closureError ?? t.beginError ?? t.commitError ?? error
        }
        if let store = underlying as? StoreError { return store }
        if underlying is ConnectionLost {
            return StoreError(.connectionLost, "\(doing) \(place): the connection was lost (the server stopped, or the session was ended)")
        }
        if let psql = underlying as? PSQLError {
            if let state = psql.serverInfo?[.sqlState] {
                let message = psql.serverInfo?[.message] ?? "error \(state)"
                switch state {
                case "28P01", "28000": return StoreError(.loginRefused, "\(doing) \(place): the server refused the login of user '\(location.user)' (\(message))")
                case "3D000": return StoreError(.unreachable, "\(doing) \(place): the database does not exist (\(message))")
                case "53100": return StoreError(.outOfRoom, "\(doing) \(place): the server ran out of disk space (\(message))")
                case "53200": return StoreError(.outOfRoom, "\(doing) \(place): the server ran out of memory (\(message))")
                case "57P01", "57P02", "57P03": return StoreError(.connectionLost, "\(doing) \(place): the server is shutting down or starting up (\(message))")
                default: return StoreError(otherwise, "\(doing) \(place): \(message) (SQLSTATE \(state))")
                }
            }
            if let cause = psql.underlying, refused(cause) {
                return StoreError(.unreachable, "\(doing) \(place): connection refused (is the server running and the port right?)")
            }
            switch psql.code {
            case .sslUnsupported:
                return StoreError(.unreachable, "\(doing) \(place): the server does not offer TLS, and sslmode=\(location.sslmode.rawValue) asks for it (nothing was sent unencrypted)")
            case .connectionError, .serverClosedConnection, .unexpectedBackendMessage:
                return StoreError(.unreachable, "\(doing) \(place): the server cannot be reached or closed the connection")
            default:
                return StoreError(otherwise, "\(doing) \(place): \(psql.code)")
            }
        }
        if let channel = underlying as? ChannelError, case .connectTimeout = channel {
            return StoreError(.unreachable, "\(doing) \(place): no answer within 10 seconds")
        }
        if refused(underlying) {
            return StoreError(.unreachable, "\(doing) \(place): connection refused (is the server running and the port right?)")
        }
        return StoreError(otherwise, "\(doing) \(place): \(underlying)")
    }

    /// Whether a connection failed with ECONNREFUSED: an IOError, or a NIOConnectionError whose
    /// attempts all were.
    static func refused(_ error: Error) -> Bool {
        if let io = error as? IOError { return io.errnoCode == ECONNREFUSED }
        if let connection = error as? NIOConnectionError {
            let failures = connection.connectionErrors.map(\.error)
            return !failures.isEmpty && failures.allSatisfy(refused)
        }
        return false
    }
}

/// `postgres://user[:password]@host[:port]/database[?sslmode=disable|require|verify-full]`. A
/// parameter it does not know is refused, never ignored.
package struct PostgresLocation: Sendable, Equatable {
    package enum SSLMode: String, Sendable, CaseIterable {
        case disable
        /// Encrypted; the server's certificate is not checked.
        case require
        /// Encrypted; the certificate is checked against the system's CAs and the host name.
        case verifyFull = "verify-full"
    }

    package let user: String
    package let password: String?
    package let host: String
    package let port: Int
    package let database: String
    package let sslmode: SSLMode

    package init(_ url: String) throws {
        let shown = StoreLocation.redacted(url)
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
              let host = components.host, !host.isEmpty else {
            throw StoreError(.invalidURL, "store URL '\(shown)' is not postgres://user@host:port/database (is the port a number?)")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        var mode = SSLMode.disable
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw StoreError(.invalidURL, "store URL '\(shown)': the parameter '\(item.name)' is not supported (supported: sslmode)")
            }
            guard let value = item.value, let m = SSLMode(rawValue: value) else {
                throw StoreError(.invalidURL, "store URL '\(shown)': sslmode '\(item.value ?? "")' is not supported (supported: \(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            mode = m
        }
        sslmode = mode
    }

    /// The location without its password, for messages.
    package var display: String { "postgres://\(user)@\(host):\(port)/\(database)" + (sslmode == .disable ? "" : "?sslmode=\(sslmode.rawValue)") }
}

/// PostgreSQL's COPY text format: `\N` for NULL; backslash, tab, newline and carriage return escaped.
enum CopyText {
    static func append(_ value: StoreValue, to buffer: inout ByteBuffer) {
        switch value {
        case .null: buffer.writeStaticString("\\N")
        case .integer(let i): buffer.writeString(String(i))
        case .real(let d): buffer.writeString(String(d))
        case .text(let s):
            for byte in s.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}

/// Resumes a continuation once, whichever of its two ends comes first.
final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation: Locked<CheckedContinuation<T, Error>?>

    init(_ continuation: CheckedContinuation<T, Error>) { self.continuation = Locked(continuation) }

    func resume(_ result: Result<T, Error>) {
        let pending = continuation.withLock { c -> CheckedContinuation<T, Error>? in
            defer { c = nil }
            return c
        }
        pending?.resume(with: result)
    }
}

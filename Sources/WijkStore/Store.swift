#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WijkModel

/// Everything one run loads: the tables in `Schema.loadOrder`, and the run's own record.
package struct StoreLoad: Sendable {
    package let tables: [TableData]
    package let run: RunRecord

    package init(tables: [TableData], run: RunRecord) {
        self.tables = tables
        self.run = run
    }
}

/// One row of `migratierun`.
package struct RunRecord: Sendable {
    package let migratie: String
    package let started: String
    package let finished: String
    /// SHA-256 over every input file, in a fixed order.
    package let inputChecksum: String
    /// The run's summary as JSON.
    package let counts: String
    /// The day "active", "open" and "in the future" were judged at (yyyy-MM-dd).
    package let peildatum: String?

    package init(migratie: String, started: String, finished: String, inputChecksum: String, counts: String, peildatum: String? = nil) {
        self.peildatum = peildatum
        self.migratie = migratie
        self.started = started
        self.finished = finished
        self.inputChecksum = inputChecksum
        self.counts = counts
    }
}

/// The unified wijkteam store. A load happens in one transaction: it replaces everything the
/// previous run loaded (runs are repeated until they are clean), keeps the history of runs in
/// `migratierun`, and leaves the store as it was when it fails.
package protocol WijkteamStore: Sendable {
    /// Brings the schema up to date with `Schema.migrations`.
    func prepareSchema() async throws
    /// Loads one run; returns the new `migratierun` id.
    func load(_ load: StoreLoad) async throws -> Int
    /// The rows of a read-only query (monitoring). Every selected column is cast to TEXT in the
    /// SQL, so that both stores answer alike; NULL is nil.
    func query(_ sql: String) async throws -> [[String?]]
    /// Lets go of the connection.
    func close() async
}

/// For the tests that prove a killed run changes nothing: when the environment variable
/// `WIJKMIGRATIE_TEST_HOLD_LOAD` names a file, a store writes that file half-way through its
/// load transaction and then waits (60 seconds, or `WIJKMIGRATIE_TEST_HOLD_SECONDS`), so that a
/// test can kill the process or its database connection there. Unset, it does nothing.
package enum LoadHold {
    /// Compiled into debug builds only (the tests run those): a release build has no such seam.
    package static func halfway() {
        #if DEBUG
        guard let marker = ProcessInfoEnvironment.value("WIJKMIGRATIE_TEST_HOLD_LOAD"), !marker.isEmpty else { return }
        _ = marker.withCString { path in fopen(path, "w").map { fclose($0) } }
        let seconds = ProcessInfoEnvironment.value("WIJKMIGRATIE_TEST_HOLD_SECONDS").flatMap { UInt32($0) } ?? 60
        sleep(seconds)
        #endif
    }
}

enum ProcessInfoEnvironment {
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

/// A store that cannot be used: its code (what callers and tests match, as postgres-nio's
/// `PSQLError.Code`) and one line that says why — never a value bound to a statement.
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        package let name: String
        private init(_ name: String) { self.name = name }
        package var description: String { name }

        /// The store URL is not one the tool reads (its password never shown).
        package static let invalidURL = Code("invalidURL")
        /// There is no store there yet (stats before migrate).
        package static let noStore = Code("noStore")
        /// The store cannot be opened or reached: no server on the port, no answer, no TLS.
        package static let unreachable = Code("unreachable")
        /// The server refused the login.
        package static let loginRefused = Code("loginRefused")
        /// The connection was lost in the middle of the work.
        package static let connectionLost = Code("connectionLost")
        /// The schema cannot be brought up to date.
        package static let schema = Code("schema")
        /// The load failed and changed nothing.
        package static let loadFailed = Code("loadFailed")
        /// The store holds another migration.
        package static let otherMigration = Code("otherMigration")
        /// A read (monitoring) failed, or the store holds no run to read.
        package static let readFailed = Code("readFailed")
        /// The server is out of room (disk or memory).
        package static let outOfRoom = Code("outOfRoom")
        /// A figure or report file cannot be written.
        package static let writeFailed = Code("writeFailed")
    }

    package let code: Code
    package let message: String
    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
    package var description: String { message }
}

/// A parsed `--store` URL.
package enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    package init(_ url: String) throws {
        if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw StoreError(.invalidURL, "store URL '\(url)' has no path: write sqlite:out/wijkteam.sqlite") }
            self = .sqlite(path: path.hasPrefix("//") ? String(path.dropFirst(2)) : path)
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(url: url)
        } else {
            throw StoreError(.invalidURL, "store URL '\(StoreLocation.redacted(url))' is neither sqlite:PATH nor postgres://user@host:port/db")
        }
    }

    /// A URL as messages may show it: the password of `scheme://user:password@host…` replaced by
    /// `***`, whether or not the rest of the URL parses.
    package static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return url }
        let credentials = rest[..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(rest[at...])
    }
}

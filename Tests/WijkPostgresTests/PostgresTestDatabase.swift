import Foundation
import Logging
import PostgresNIO
import Testing
import TestSupport

/// A database of its own for one test, on the throwaway server; dropped afterwards.
func withTestDatabase(_ body: (String) async throws -> Void) async throws {
    guard let admin = testPostgresURL() else {
        Issue.record(Comment(rawValue: noTestPostgres))
        return
    }
    let name = "wm_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
    try await adminQuery(admin, "CREATE DATABASE \(name)")
    let url = database(name, on: admin)
    do {
        try await body(url)
    } catch {
        try? await adminQuery(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        throw error
    }
    try await adminQuery(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
}

let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

func connect(_ url: String) async throws -> PostgresConnection {
    let c = URLComponents(string: url)!
    let configuration = PostgresConnection.Configuration(host: c.host!, port: c.port ?? 5432, username: c.user ?? "postgres",
                                                         password: nil, database: String(c.path.dropFirst()), tls: .disable)
    return try await PostgresConnection.connect(configuration: configuration, id: 9, logger: quiet)
}

func adminQuery(_ url: String, _ sql: String) async throws {
    let conn = try await connect(url)
    do {
        try await conn.query(PostgresQuery(unsafeSQL: sql), logger: quiet)
    } catch {
        try? await conn.close()
        throw error
    }
    try await conn.close()
}

/// Every row of a table as text, sorted: for comparing stores.
func rows(_ url: String, _ table: String, columns: [String]) async throws -> [[String]] {
    let conn = try await connect(url)
    let select = columns.map { "COALESCE(\($0)::text, '∅')" }.joined(separator: " || chr(31) || ")
    var result: [[String]] = []
    for try await line in try await conn.query(PostgresQuery(unsafeSQL: "SELECT \(select) FROM \(table)"), logger: quiet).decode(String.self) {
        result.append(line.components(separatedBy: "\u{1F}"))
    }
    try await conn.close()
    return result.sorted { $0.lexicographicallyPrecedes($1) }
}

func count(_ url: String, _ table: String) async throws -> Int {
    let conn = try await connect(url)
    var n = 0
    for try await value in try await conn.query(PostgresQuery(unsafeSQL: "SELECT count(*)::int FROM \(table)"), logger: quiet).decode(Int.self) {
        n = value
    }
    try await conn.close()
    return n
}

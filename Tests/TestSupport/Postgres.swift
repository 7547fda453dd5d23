import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The throwaway PostgreSQL server `scripts/test` starts, if it runs.
public func testPostgresURL() -> String? {
    ProcessInfo.processInfo.environment["WIJKMIGRATIE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
}

/// The message a PostgreSQL test fails with when it has no server: these tests are never skipped.
public let noTestPostgres = "WIJKMIGRATIE_TEST_POSTGRES is not set: run the tests with scripts/test, which starts a throwaway PostgreSQL"

/// The URL of another database on the same server.
public func database(_ name: String, on url: String) -> String {
    guard let slash = url.lastIndex(of: "/") else { return url }
    return String(url[..<slash]) + "/" + name
}

/// A loopback TCP port nothing listens on (bound and released).
public func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    return Int(UInt16(bigEndian: addr.sin_port))
}

/// What `psql` prints for one statement on a database (unaligned, tuples only).
@discardableResult
public func psql(_ url: String, _ sql: String) throws -> String {
    try runProgram("psql", ["-X", "-A", "-t", "-q", url, "-c", sql]).stdout
}

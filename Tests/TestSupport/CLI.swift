import Foundation

/// Runs the built `wijkmigratie` executable, as a user would.
public struct CLIResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// The folder holding the built products (the test bundle sits beside them).
public func productsDirectory() -> URL {
    let candidates = [Bundle.main.bundleURL] + [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
    for var url in candidates {
        for _ in 0..<3 {
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("wijkmigratie").path) { return url }
            url.deleteLastPathComponent()
        }
    }
    return repositoryRoot().appendingPathComponent(".build/debug")
}

public func runCLI(_ arguments: [String], in folder: URL? = nil) throws -> CLIResult {
    let process = Process()
    process.executableURL = productsDirectory().appendingPathComponent("wijkmigratie")
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// Copies a fixture scenario (and the mappings it names) into a temporary folder, so that a test
/// never writes into the repository.
public func copyFixture(_ name: String, to dir: TempDir) throws -> URL {
    let root = repositoryRoot()
    let fm = FileManager.default
    let target = dir.url.appendingPathComponent("fixtures/\(name)")
    if fm.fileExists(atPath: target.path) { return target }
    try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try fm.copyItem(at: root.appendingPathComponent("fixtures/\(name)"), to: target)
    try? fm.removeItem(at: target.appendingPathComponent("out"))
    try fm.copyItem(at: root.appendingPathComponent("mappings"), to: dir.url.appendingPathComponent("mappings"))
    return target
}

/// Rows of a query on an SQLite file through the `sqlite3` shell: fields split on U+001F, NULL as "␀".
public func sqliteRows(_ path: String, _ sql: String) throws -> [[String]] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", "-separator", "\u{1F}", "-newline", "\u{1E}", "-nullvalue", "␀", path, sql]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\u{1E}", omittingEmptySubsequences: true)
        .map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
}

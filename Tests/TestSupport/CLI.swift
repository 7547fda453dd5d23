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
    try runProgram(productsDirectory().appendingPathComponent("wijkmigratie").path, arguments, in: folder)
}

/// Runs a program to its end and returns its exit status and output: a path (a built product), or
/// a name looked up on PATH (sqlite3, psql, xmllint, chromium, script). Standard error goes
/// through a file, so that a program writing a lot to both streams can never block on a full pipe.
public func runProgram(_ program: String, _ arguments: [String], in folder: URL? = nil,
                environment: [String: String] = [:]) throws -> CLIResult {
    let process = Process()
    if program.contains("/") {
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
    }
    if let folder { process.currentDirectoryURL = folder }
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent("wm-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = try FileHandle(forWritingTo: errors)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self))
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
    try runProgram("sqlite3", ["-separator", "\u{1F}", "-newline", "\u{1E}", "-nullvalue", "␀", path, sql]).stdout
        .split(separator: "\u{1E}", omittingEmptySubsequences: true)
        .map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
}

/// The whole content of an SQLite store as SQL text (`sqlite3 .dump`); opening it also rolls back
/// what a killed process left in its journal.
public func sqliteDump(_ path: String) throws -> String {
    try runProgram("sqlite3", [path, ".dump"]).stdout
}

/// A Python that imports these modules: Debian's /usr/bin/python3 (where apt installs them),
/// else python3 on the PATH (a pyenv, with pip's). Nil when neither does.
public func python(importing modules: String) -> String? {
    for candidate in ["/usr/bin/python3", "python3"] {
        if let run = try? runProgram(candidate, ["-c", "import \(modules)"]), run.status == 0 { return candidate }
    }
    return nil
}

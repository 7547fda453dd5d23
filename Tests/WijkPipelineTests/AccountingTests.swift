import Foundation
import Testing
import TestSupport
import WijkModel
@testable import WijkPipeline

/// The accounting check counts each side on its own (records the readers handed on, lineage rows,
/// afwijzing rows, table rows), so a record lost between the reader and the merge stops the run.
struct AccountingTests {
    func run(losing n: Int?) async throws -> RunResult {
        let dir = TempDir("accounting")
        let demo = try copyFixture("midden-groningen", to: dir)
        var options = Pipeline.Options(load: true, store: "sqlite:\(dir.path)/s.sqlite", report: dir.path + "/r", allowOpen: true)
        options.loseRecordForTesting = n
        return try await Pipeline.prepare(migrationFile: demo.appendingPathComponent("migratie.yml").path, options: options).run()
    }

    @Test func theDemoAddsUp() async throws {
        let result = try await run(losing: nil)
        #expect(result.runID == 1)
    }

    /// The 40th record the readers hand on is a staff record of Menterwolde (the teams of every
    /// source come first, then the staff source by source).
    @Test func aRecordLostBetweenReaderAndMergeStopsTheRun() async throws {
        do {
            _ = try await run(losing: 40)
            Issue.record("the run loaded although a record was lost")
        } catch let error as RunError {
            #expect(error.code == .accounting)
            #expect(error.description == "internal error: records do not add up (source menterwolde, entity medewerker: the readers handed on 18 records, herkomst holds 17 and afwijzing 0); nothing was loaded")
        }
    }
}

/// A report never writes through a symbolic link it finds in the report folder.
struct ReportFolderTests {
    @Test func aSymlinkInTheReportFolderIsReplacedNotFollowed() async throws {
        let dir = TempDir("symlink")
        let demo = try copyFixture("midden-groningen", to: dir)
        let outside = dir.path + "/precious.txt"
        try "keep me".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir.path + "/r", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/r/summary.json", withDestinationPath: outside)
        let options = Pipeline.Options(load: false, report: dir.path + "/r", allowOpen: true)
        _ = try await Pipeline.prepare(migrationFile: demo.appendingPathComponent("migratie.yml").path, options: options).run()
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "keep me")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/r/summary.json")) == nil)
        #expect(try String(contentsOfFile: dir.path + "/r/summary.json", encoding: .utf8).contains("\"migratie\" : \"midden-groningen\""))
    }
}

import Foundation
import Testing
import TestSupport
import WijkCSV
import WijkModel
@testable import WijkPipeline

/// A steward can decide every conflict from the report alone: a besluiten.yml made only of the
/// paste lines in conflicts.csv (the first complete one of each conflict, `wie` and `waarom`
/// filled in) decides them all, and the rerun exits 0 without --allow-open.
struct PasteLineTests {
    func check(_ folder: URL, report: String) async throws -> RunResult {
        let options = Pipeline.Options(load: false, report: report)
        return try await Pipeline.prepare(migrationFile: folder.appendingPathComponent("migratie.yml").path, options: options).run()
    }

    /// Every row of conflicts.csv as column → value.
    func rows(_ path: String) throws -> [[String: String]] {
        let reader = try CSVReader(path: path, dialect: CSVDialect(delimiter: UInt8(ascii: ";"), header: false))
        var header: [String]?
        var rows: [[String: String]] = []
        while let result = try reader.next() {
            guard case .record(let record) = result else { Issue.record("conflicts.csv does not parse"); continue }
            if let header { rows.append(Dictionary(uniqueKeysWithValues: zip(header, record.fields))) } else { header = record.fields }
        }
        return rows
    }

    @Test(arguments: ["midden-groningen", "noordkwartier"])
    func everyConflictIsDecidedFromThePasteLinesAlone(scenario: String) async throws {
        let dir = TempDir("paste")
        let folder = try copyFixture(scenario, to: dir)
        try "".write(to: folder.appendingPathComponent("besluiten.yml"), atomically: true, encoding: .utf8)
        let first = try await check(folder, report: dir.path + "/r1")
        #expect(first.exitStatus == 1)
        var lines: [String] = []
        var open: Set<String> = []
        for row in try rows(dir.path + "/r1/conflicts.csv") where !(row["besluiten"] ?? "").isEmpty {
            open.insert(row["conflict"]!)
            let paste = row["besluiten"]!.split(separator: "\n").first { !$0.contains("# fill in") }!
            lines.append(paste.replacingOccurrences(of: "wie: \"\"", with: "wie: \"test\"")
                .replacingOccurrences(of: "waarom: \"\"", with: "waarom: \"uit het rapport\""))
        }
        #expect(!lines.isEmpty)
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("besluiten.yml"), atomically: true, encoding: .utf8)
        let second = try await check(folder, report: dir.path + "/r2")
        #expect(Set(second.summary.decided) == open)
        #expect(second.summary.openConflicts == 0)
        #expect(second.summary.stale.isEmpty)
        #expect(second.exitStatus == 0, "\(second.summary.blocked)")
    }
}

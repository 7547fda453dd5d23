import Foundation
import Testing
import TestSupport

/// `scaffold` as a migration team uses it: draft each demo source's mapping from its files,
/// fill in only the value maps' codes (and the teams, which the demo's migration file already
/// maps), and the migration runs.
@Suite struct ScaffoldEndToEndTests {
    static let sources = ["hoogezand-sappemeer", "menterwolde", "slochteren"]

    /// A copy of the demo whose sources use drafts written by `scaffold` (besluiten left out: the
    /// decisions name conflicts of the shipped mappings).
    func draftedDemo(_ dir: TempDir) throws -> URL {
        let folder = try copyFixture("midden-groningen", to: dir)
        var migration = try String(contentsOf: folder.appendingPathComponent("migratie.yml"), encoding: .utf8)
        for source in Self.sources {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(source).path).sorted()
                .map { "\(source)/\($0)" }
            let run = try runCLI(["scaffold"] + files + ["--out", "drafts/\(source).yml"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("written: "), "\(run.stdout)")
            migration = migration.replacingOccurrences(of: "mapping: ../../mappings/\(source).yml", with: "mapping: drafts/\(source).yml")
        }
        migration = migration.replacingOccurrences(of: "besluiten: besluiten.yml", with: "")
        try Data(migration.utf8).write(to: folder.appendingPathComponent("migratie.yml"))
        return folder
    }

    /// Fills every value map's code column as a steward would: here the first code the draft's
    /// comment offers, or a code of the field's width for the iWmo/iJw codes.
    func fillValueMaps(_ folder: URL) throws {
        let drafts = folder.appendingPathComponent("drafts")
        let iStandaard = ["eenheid": "04", "frequentie": "2", "productcategorie": "45"]
        for source in Self.sources {
            let yaml = try String(contentsOf: drafts.appendingPathComponent("\(source).yml"), encoding: .utf8)
            for line in yaml.split(separator: "\n") where line.contains("{ file: ") && line.contains("to: code }") {
                let name = String(line.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" })
                let file = String(line.split(separator: "file: ")[1].prefix { $0 != "," })
                let offered = line.components(separatedBy: "one of ").dropFirst().first?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
                let code = offered ?? iStandaard[name] ?? "01"
                let url = drafts.appendingPathComponent(file)
                let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                let filled = rows.enumerated().map { i, row -> String in
                    guard i > 0, !row.isEmpty else { return String(row) }
                    var fields = row.components(separatedBy: ";")
                    fields[fields.count - 2] = code
                    return fields.joined(separator: ";")
                }
                try Data(filled.joined(separator: "\n").utf8).write(to: url)
            }
        }
    }

    @Test func theDraftsRunOnceTheValueMapsAreFilledIn() throws {
        let dir = TempDir("scaffold-e2e")
        let folder = try draftedDemo(dir)

        // Unfilled: the run reads everything; only the value maps' empty codes are findings.
        let unfilled = try runCLI(["check", "migratie.yml", "--report", "unfilled"], in: folder)
        #expect(unfilled.status == 1, "\(unfilled.stderr)\(unfilled.stdout)")
        #expect(!unfilled.stderr.contains("in the configuration"), "\(unfilled.stderr)")
        let findings = try String(contentsOf: folder.appendingPathComponent("unfilled/findings.csv"), encoding: .utf8)
        #expect(findings.contains("has no code yet in value map 'geslacht': fill in its right-hand side"), "\(findings.prefix(2000))")

        try fillValueMaps(folder)
        let filled = try runCLI(["check", "migratie.yml", "--report", "filled"], in: folder)
        #expect(filled.status == 0 || filled.status == 1, "\(filled.stderr)")
        #expect(!filled.stderr.contains("in the configuration"), "\(filled.stderr)")
        let after = try String(contentsOf: folder.appendingPathComponent("filled/findings.csv"), encoding: .utf8)
        #expect(!after.contains("no code yet"), "every label has its code now")
        let summary = try String(contentsOf: folder.appendingPathComponent("filled/summary.json"), encoding: .utf8)
        #expect(summary.contains("\"client\""), "\(summary.prefix(500))")
    }

    @Test func scaffoldRefusesToOverwriteADraft() throws {
        let dir = TempDir("scaffold-overwrite")
        let folder = try copyFixture("midden-groningen", to: dir)
        #expect(try runCLI(["scaffold", "menterwolde/teams.csv", "--out", "d/m.yml"], in: folder).status == 0)
        let again = try runCLI(["scaffold", "menterwolde/teams.csv", "--out", "d/m.yml"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("exists; give --force to overwrite it"), "\(again.stderr)")
        #expect(try runCLI(["scaffold", "menterwolde/teams.csv", "--out", "d/m.yml", "--force"], in: folder).status == 0)
    }
}

import Foundation
import Testing
import TestSupport

/// Domain logic never reads the clock: the demo migrated with the clock a year later (libfaketime)
/// gives the same reports, byte for byte, and the same store content. Only `migratierun.started`
/// and `finished` differ: they record when the run happened, which is what they are for.
struct PeildatumTests {
    func migrate(_ dir: TempDir, faketime: String?) throws -> (report: URL, store: String) {
        let folder = try copyFixture("midden-groningen", to: dir)
        let binary = productsDirectory().appendingPathComponent("wijkmigratie").path
        let result = faketime == nil
            ? try runCLI(["migrate", "migratie.yml", "--allow-open"], in: folder)
            : try runProgram("faketime", ["-f", faketime!, binary, "migrate", "migratie.yml", "--allow-open"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return (folder.appendingPathComponent("out/report"), folder.appendingPathComponent("out/wijkteam.sqlite").path)
    }

    @Test func aYearLaterTheDemoGivesTheSameReportsAndStore() throws {
        let (now, later) = (TempDir("now"), TempDir("later"))
        let a = try migrate(now, faketime: nil)
        let b = try migrate(later, faketime: "+365d")
        let stamp = try runProgram("faketime", ["-f", "+365d", "date", "+%Y"]).stdout
        #expect(stamp.trimmingCharacters(in: .whitespacesAndNewlines) != String(Calendar.current.component(.year, from: Date())),
                "faketime did not move the clock")
        for file in ["summary.json", "findings.csv", "rejects.csv", "conflicts.csv", "report.html"] {
            #expect(try Data(contentsOf: a.report.appendingPathComponent(file)) == Data(contentsOf: b.report.appendingPathComponent(file)), "\(file)")
        }
        #expect(try sqliteDump(a.store) != "")
        let timestamps = #"'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'"#
        func content(_ store: String) throws -> String {
            try sqliteDump(store).replacingOccurrences(of: timestamps, with: "'(when)'", options: .regularExpression)
        }
        #expect(try content(a.store) == content(b.store))
        #expect(try sqliteRows(a.store, "SELECT peildatum FROM migratierun") == [["2018-01-01"]])
        // The CLI hands the pipeline the wall clock, and only the audit stamps take it.
        #expect(try sqliteRows(b.store, "SELECT substr(started, 1, 4) FROM migratierun") == [[stamp.trimmingCharacters(in: .whitespacesAndNewlines)]])
    }
}

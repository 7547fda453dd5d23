import Foundation
import Testing
import TestSupport

/// However many threads read the files, a run hands the merge the same records in the same
/// order: the reports are byte for byte the same with one thread (everything on one) and with
/// four (files read ahead into spool files by three more, more than this machine has cores).
/// Every fixture is shaped differently: XML exports feeding seven entities, message folders
/// validated against schemas, CSV files feeding two entities, files with defects.
struct ThreadCountTests {
    static let fixtures = ["midden-groningen", "dordrecht-teams", "zwolle-stadsdelen", "welzijn-stichting", "noordkwartier", "tijdstempels",
                           "istandaarden", "berichten"]

    @Test(arguments: fixtures)
    func theReportsAreTheSameWithOneThreadAndWithFour(fixture: String) throws {
        var reports: [[String: Data]] = []
        var statuses: [Int32] = []
        for threads in ["1", "4"] {
            let dir = TempDir("threads-\(threads)")
            let folder = try copyFixture(fixture, to: dir)
            let run = try runCLI(["check", "migratie.yml", "--threads", threads, "--report", dir.path + "/report"], in: folder)
            #expect(run.status == 0 || run.status == 1, "\(fixture) --threads \(threads): \(run.stderr)")
            statuses.append(run.status)
            var files: [String: Data] = [:]
            for name in ["summary.json", "findings.csv", "rejects.csv", "conflicts.csv", "report.html"] {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/report/" + name))
            }
            reports.append(files)
        }
        #expect(statuses[0] == statuses[1])
        for name in reports[0].keys.sorted() {
            #expect(reports[0][name] == reports[1][name], "\(fixture): \(name) differs between 1 and 4 threads")
        }
        #expect(reports[0]["summary.json"]!.count > 100)
    }

    /// More threads than files: every thread but the ordering one waits for work or reads ahead.
    @Test func aGeneratedScenarioIsTheSameWithOneThreadAndWithEight() throws {
        let dir = TempDir("threads-generated")
        let generator = try runProgram(productsDirectory().appendingPathComponent("wijkmigratie-fixtures").path,
                                       ["--clients", "3000", "--out", dir.path + "/scenario", "--mappings", repositoryRoot().path + "/mappings"])
        #expect(generator.status == 0, "\(generator.stderr)")
        var reports: [[String: Data]] = []
        for threads in ["1", "8"] {
            let run = try runCLI(["check", "migratie.yml", "--threads", threads, "--report", dir.path + "/report-\(threads)"],
                                 in: URL(fileURLWithPath: dir.path + "/scenario"))
            #expect(run.status == 1, "\(run.stderr)")      // the generated scenarios leave conflicts open on purpose
            var files: [String: Data] = [:]
            for name in ["summary.json", "findings.csv", "rejects.csv", "conflicts.csv"] {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/report-\(threads)/" + name))
            }
            reports.append(files)
        }
        #expect(reports[0] == reports[1])
        #expect((reports[0]["rejects.csv"]?.count ?? 0) > 1000)
    }

    @Test func aBrokenFileStopsTheRunWithTheSameMessageWhateverTheThreads() throws {
        // The XML export, read once for seven entities, is cut in half. With four threads it is
        // read ahead by another thread while the teams of the CSV sources go on; the run stops
        // where its first entity's turn comes, with the message one thread gives.
        var messages: [String] = []
        for threads in ["1", "4"] {
            let dir = TempDir("threads-broken-\(threads)")
            let folder = try copyFixture("midden-groningen", to: dir)
            let export = folder.appendingPathComponent("slochteren/export.xml")
            let data = try Data(contentsOf: export)
            try data.prefix(data.count / 2).write(to: export)
            let run = try runCLI(["check", "migratie.yml", "--threads", threads, "--report", dir.path + "/report"], in: folder)
            #expect(run.status != 0 && run.status != 1, "\(run.stdout)")
            messages.append(run.stderr)
        }
        #expect(messages[0] == messages[1])
        #expect(messages[0].contains("slochteren/export.xml"))
        #expect(messages[0].contains("truncated") || messages[0].contains("not well-formed"), "\(messages[0])")
    }

    @Test func threadsBelowOneAreRefused() throws {
        let run = try runCLI(["check", "migratie.yml", "--threads", "0"], in: repositoryRoot().appendingPathComponent("fixtures/midden-groningen"))
        #expect(run.status == 64)
        #expect(run.stderr.contains("--threads must be 1 or more"))
    }
}

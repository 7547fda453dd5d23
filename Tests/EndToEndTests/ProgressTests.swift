import Foundation
import Testing
import TestSupport

/// Progress goes to a terminal only: under a pseudo-terminal (util-linux `script`) the run draws
/// a progress line; with stderr a pipe, as in CI, nothing of the kind appears.
struct ProgressTests {
    @Test func aTerminalGetsAProgressLineAndAPipeDoesNot() throws {
        let dir = TempDir("progress")
        let demo = try copyFixture("midden-groningen", to: dir)
        let binary = productsDirectory().appendingPathComponent("wijkmigratie").path
        // the demo is too quick for the usual two seconds
        let tty = try runProgram("/usr/bin/script", ["-qec", "\(binary) check migratie.yml --report \(dir.path)/tty", "/dev/null"],
                                 in: demo, environment: ["WIJKMIGRATIE_PROGRESS_AFTER": "0"]).stdout
        #expect(tty.contains("reading hoogezand-sappemeer/teams.csv (team): 1 records"))   // the first stage is always drawn
        #expect(tty.contains("records, "))
        #expect(tty.contains("\u{1B}[2K"))

        let piped = try runCLI(["check", "migratie.yml", "--report", dir.path + "/pipe"], in: demo)
        #expect(!piped.stderr.contains("reading "))
        #expect(!piped.stdout.contains("reading "))
    }
}

import Foundation
import Testing
import TestSupport

/// The workspace in headless Chromium (Selenium and chromium-driver): a steward opens the
/// conflicts, decides one by clicking, and sees besluiten.yml changed, the check after it
/// finished and one open conflict fewer. WIJKMIGRATIE_SCREENSHOTS=FOLDER keeps screenshots.
@Suite struct WerkplaatsBrowserTests {
    @Test func aStewardDecidesAConflictByClicking() throws {
        let interpreter = try #require(python(importing: "selenium"), "no Python with Selenium: scripts/setup installs python3-selenium")
        let dir = TempDir("werkplaats-browser")
        let w = try RunningWerkplaats(folder: try copyFixture("midden-groningen", to: dir))
        let script = repositoryRoot().appendingPathComponent("Tests/EndToEndTests/werkplaats_e2e.py").path
        var arguments = [script, w.base, w.besluiten.path]
        if let shots = ProcessInfo.processInfo.environment["WIJKMIGRATIE_SCREENSHOTS"], !shots.isEmpty { arguments.append(shots) }
        let run = try runProgram(interpreter, arguments)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr.suffix(3000))")
        #expect(run.stdout.hasSuffix("OK\n"), "\(run.stdout)")
    }
}

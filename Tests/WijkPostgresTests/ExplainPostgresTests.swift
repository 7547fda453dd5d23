import Foundation
import Testing
import TestSupport

/// `explain` reads PostgreSQL as it reads SQLite: the demo loaded into both, the same story.
@Suite struct ExplainPostgresTests {
    @Test func theStoryFromPostgreSQLIsTheSameAsFromSQLite() async throws {
        try await withTestDatabase { url in
            let dir = TempDir("explain-pg")
            let folder = try copyFixture("midden-groningen", to: dir)
            #expect(try runCLI(["migrate", "migratie.yml", "--allow-open"], in: folder).status == 0)
            let load = try runCLI(["migrate", "migratie.yml", "--allow-open", "--store", url, "--report", dir.path + "/r-pg"], in: folder)
            #expect(load.status == 0, "\(load.stderr)")
            for selector in [["--bsn", "018107473"], ["--bron", "slochteren", "--sleutel", "L00357"], ["--huishouden", "9611BS-116-B"]] {
                let sqlite = try runCLI(["explain", "migratie.yml"] + selector, in: folder)
                let postgres = try runCLI(["explain", "migratie.yml", "--store", url] + selector, in: folder)
                #expect(postgres.status == 0, "\(postgres.stderr)")
                #expect(postgres.stdout == sqlite.stdout, "\(selector)")
            }
            let story = try runCLI(["explain", "migratie.yml", "--store", url, "--bsn", "018107473"], in: folder).stdout
            #expect(story.contains("2. menterwolde menterwolde/personen.csv line 597, key P00596"), "\(story)")
            #expect(story.contains("Kc009a07e3880 client.adres — decided"), "\(story)")
            #expect(story.contains("besluit: kies hoogezand-sappemeer"), "\(story)")
        }
    }
}

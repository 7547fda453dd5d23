import Foundation
import Testing
import TestSupport

/// `wijkmigratie explain` on the demo loaded into SQLite (PostgreSQL: WijkPostgresTests).
@Suite(.serialized) struct ExplainTests {
    /// The demo migrated once, for every test of the suite.
    final class Demo: @unchecked Sendable {   // immutable after init
        let dir = TempDir("explain")
        let folder: URL
        init() throws {
            folder = try copyFixture("midden-groningen", to: dir)
            let run = try runCLI(["migrate", "migratie.yml", "--allow-open"], in: folder)
            precondition(run.status == 0, "the demo did not load: \(run.stderr)")
        }
        func explain(_ arguments: [String]) throws -> CLIResult { try runCLI(["explain", "migratie.yml"] + arguments, in: folder) }
    }
    static let demo = Result { try Demo() }

    /// A client in two sources and in a decided client.adres conflict: both records with their
    /// raw lines, the conflict with its sides and the decision, what was loaded.
    @Test func aClientInTwoSourcesWithADecidedConflict() throws {
        let demo = try Self.demo.get()
        let result = try demo.explain(["--bsn", "018107473"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.hasPrefix("client *****7473: 2 source records, 0 findings, 1 conflict (1 decided, 0 open)"), "\(out)")
        #expect(out.contains("1. hoogezand-sappemeer hoogezand-sappemeer/clienten.csv line 31, key C00030"), "\(out)")
        #expect(out.contains("2. menterwolde menterwolde/personen.csv line 597, key P00596"), "\(out)")
        #expect(out.contains("│ P00596,(masked),(masked),(masked),,(masked),(masked),man,HH0024"), "the raw line, personal values masked\n\(out)")
        #expect(out.contains("Kc009a07e3880 client.adres — decided"), "\(out)")
        #expect(out.contains("menterwolde menterwolde/personen.csv 597: huishouden=9635MZ-6"), "\(out)")
        #expect(out.contains("besluit: kies hoogezand-sappemeer — wie: A. Wierenga, gegevensbeheer"), "\(out)")
        #expect(out.contains("  huishouden     9611BS-116-B"), "what was loaded: the chosen source's household\n\(out)")
        #expect(!out.contains("018107473"), "the BSN is masked without --reveal-bsn")
    }

    @Test func revealShowsTheBSNAndNames() throws {
        let demo = try Self.demo.get()
        let masked = try demo.explain(["--bsn", "018107473"]).stdout
        let revealed = try demo.explain(["--bsn", "018107473", "--reveal-bsn"]).stdout
        #expect(revealed.hasPrefix("client 018107473:"), "\(revealed)")
        #expect(revealed.contains("│ C00030;018107473;"), "\(revealed)")
        // Every name the loaded record holds appears revealed and nowhere masked.
        let name = try #require(revealed.split(separator: "\n").first { $0.hasPrefix("  achternaam") }).split(separator: " ").last.map(String.init)
        let achternaam = try #require(name)
        #expect(revealed.contains(achternaam) && !masked.contains(achternaam), "\(achternaam)")
    }

    /// A finding on a loaded record (a placeholder birth date in the XML source) is in its story.
    @Test func aFindingOnTheRecord() throws {
        let demo = try Self.demo.get()
        let result = try demo.explain(["--bron", "slochteren", "--sleutel", "L00357"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 source records, 1 finding"), "the client is in two sources\n\(result.stdout)")
        #expect(result.stdout.contains("warning birth_date_placeholder: slochteren slochteren/export.xml /Export[1]/Huishoudens[1]/"), "\(result.stdout)")
        #expect(result.stdout.contains("│ <Lid xmlns=\"urn:example:slochteren:wijkteam:1\""), "the XML record's raw text\n\(result.stdout)")
    }

    /// A household by its key: its members (masked BSNs) and plans; the source records of a
    /// household read from a client file have the client's names masked.
    @Test func aHousehold() throws {
        let demo = try Self.demo.get()
        let result = try demo.explain(["--huishouden", "9611BS-116-B"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("huishouden 9611BS-116-B: 2 source records"), "\(result.stdout)")
        #expect(result.stdout.contains("client *****7473: a member of this household"), "\(result.stdout)")
        #expect(result.stdout.contains("│ C00030;(masked);(masked);(masked);;(masked);(masked);M;Middenstraat;116b;9611 BS;Sappemeer"), "\(result.stdout)")
    }

    @Test func nothingFoundExitsOneAndRejectedRecordsAreShown() throws {
        let demo = try Self.demo.get()
        let none = try demo.explain(["--bron", "menterwolde", "--sleutel", "GEEN-SLEUTEL"])
        #expect(none.status == 1)
        #expect(none.stdout == "No loaded record for key GEEN-SLEUTEL of menterwolde.\n", "\(none.stdout)")
        // A record rejected for its BSN: no loaded record, but its rejection and raw line.
        let rejected = try sqliteRows(demo.folder.appendingPathComponent("out/wijkteam.sqlite").path,
                                      "SELECT bron, locatie FROM afwijzing WHERE regel = 'bsn_elfproef' AND entiteit = 'client' ORDER BY bron, locatie LIMIT 1")
        let row = try #require(rejected.first)
        let key = try #require(row.count == 2 ? row : nil)
        let found = try demo.explain(["--bron", key[0], "--sleutel", try sourceKey(demo, bron: key[0], line: key[1])])
        #expect(found.status == 0, "\(found.stdout)")
        #expect(found.stdout.contains("Rejected records that hold key"), "\(found.stdout)")
        #expect(found.stdout.contains(": bsn_elfproef — "), "\(found.stdout)")
    }

    /// After a source file changed, the raw records are not shown (they would not be the ones loaded).
    @Test func changedFilesHideRawRecords() throws {
        let dir = TempDir("explain-changed")
        let folder = try copyFixture("midden-groningen", to: dir)
        #expect(try runCLI(["migrate", "migratie.yml", "--allow-open"], in: folder).status == 0)
        let file = folder.appendingPathComponent("menterwolde/personen.csv")
        let handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        let result = try runCLI(["explain", "migratie.yml", "--bsn", "018107473"], in: folder)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("│"), "\(result.stdout)")
        #expect(result.stdout.contains("Note: the source files are not the ones the loaded run"), "\(result.stdout)")
    }

    func sourceKey(_ demo: Demo, bron: String, line: String) throws -> String {
        let raw = try sqliteRows(demo.folder.appendingPathComponent("out/wijkteam.sqlite").path,
                                 "SELECT ruwe_regel FROM afwijzing WHERE bron = '\(bron)' AND locatie = '\(line)'")
        let text = try #require(raw.first?.first)
        let delimiter: Character = bron == "hoogezand-sappemeer" ? ";" : ","
        return String(text.split(separator: delimiter, omittingEmptySubsequences: false)[0])
    }
}

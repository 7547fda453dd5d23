import Foundation
import GRDB
import Testing
import TestSupport
import WijkMapping
import WijkModel
@testable import WijkPipeline

/// XML sources end to end: the iStandaarden messages through the shipped mappings, and hostile
/// files that must stop the run with file, line and column and load nothing.
@Suite(.serialized)
struct XMLSourceTests {
    @Test func theWMO301ExampleAndOurJW301MessagesLoadThroughTheShippedMappings() async throws {
        let dir = TempDir("istandaarden")
        let scenario = try copyFixture("istandaarden", to: dir)
        let options = Pipeline.Options(load: true, store: "sqlite:\(dir.path)/s.sqlite", report: dir.path + "/r")
        let result = try await Pipeline.prepare(migrationFile: scenario.appendingPathComponent("migratie.yml").path, options: options).run()
        // Each message's client, its household (its BRP address) and its toewijzingen.
        #expect(result.summary.total == Counts(read: 10, loaded: 10, merged: 0, rejected: 0))
        // Only the test-range BSNs of the example and our messages are remarked on (warnings).
        #expect(result.findings.map(\.rule.rawValue) == ["bsn_test_range", "bsn_test_range", "bsn_test_range"])
        let db = try DatabaseQueue(path: dir.path + "/s.sqlite")
        let voorziening = try db.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM voorziening WHERE id = 'wmo301/0384-101'")
        }
        #expect(voorziening?["bsn"] == "999900006")
        #expect(voorziening?["wet"] == "wmo")
        #expect(voorziening?["productcategorie"] == "01")
        #expect(voorziening?["productcode"] == "01A01")
        #expect(voorziening?["volume"] == 10)
        #expect(voorziening?["eenheid"] == "01")
        #expect(voorziening?["frequentie"] == "1")
        #expect(voorziening?["begindatum"] == "2023-01-01")
        #expect(voorziening?["einddatum"] == "2023-12-31")
        #expect(voorziening?["aanbieder"] == "42420001")
        // The sender is the toewijzing's gemeente (OP275); what a wijkteam needs is carried.
        #expect(voorziening?["bron_gemeente"] == "GM0384")
        #expect(voorziening?["toewijzingsdatum"] == "2023-08-13")
        #expect(voorziening?["commentaar"] == "Toegewezen product 1 Commentaar")
        // The example's client lives in a household: its BRP address (Contactgegevens, Soort 01).
        let household = try db.read { try Row.fetchOne($0, sql: "SELECT h.* FROM client c JOIN huishouden h ON h.id = c.huishouden WHERE c.bsn = '999900006'") }
        #expect(household?["id"] == "9999XX-100-C-BAL")
        #expect(household?["straat"] == "Straatweg")
        #expect(household?["wijkteam"] == "wt-slochteren")
        let client = try db.read { try Row.fetchOne($0, sql: "SELECT * FROM client WHERE bsn = '999900006'") }
        #expect(client?["achternaam"] == "Wit")
        #expect(client?["voorvoegsel"] == "de")
        #expect(client?["geboortedatum"] == "1967-08-13")
        let jw = try await db.read { try String.fetchAll($0, sql: "SELECT id || ' ' || productcategorie || ' ' || wet FROM voorziening WHERE bsn = '999900031' ORDER BY id") }
        #expect(jw == ["jw301/1952-5002 54 jeugdwet", "jw301/1952-5003 41 jeugdwet"])
        let lineage = try await db.read { try String.fetchAll($0, sql: "SELECT locatie FROM herkomst WHERE entiteit = 'voorziening' AND sleutel = 'wmo301/0384-101'") }
        #expect(lineage == ["/wmo301:Bericht[1]/wmo301:Client[1]/wmo301:ToegewezenProducten[1]/wmo301:ToegewezenProduct[1] (line 164)"])
    }

    @Test func theWMO301ExampleIsTheStandardsOwn() throws {
        let shared = repositoryRoot().deletingLastPathComponent().appendingPathComponent("shared/reference/istandaarden/iwmo-3.2/WMO301.xml")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }   // shared/ sits beside the repository in CI and here
        let copy = repositoryRoot().appendingPathComponent("fixtures/istandaarden/wmo301/WMO301-voorbeeld.xml")
        #expect(try Data(contentsOf: shared) == Data(contentsOf: copy))
    }

    @Test func ourJW301MessagesValidateAgainstTheJW301Schema() throws {
        let schema = repositoryRoot().appendingPathComponent("Tests/WijkPipelineTests/Schemas/ijw-3.2/JW301.xsd")
        let folder = repositoryRoot().appendingPathComponent("fixtures/istandaarden/jw301")
        let messages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(messages.count == 2)
        for message in messages {
            let result = try runProgram("xmllint", ["--noout", "--nonet", "--schema", schema.path, folder.appendingPathComponent(message).path])
            #expect(result.status == 0, "\(message): \(result.stderr)")
            #expect(result.stderr.contains("validates"))
        }
    }

    static let hostile: [(name: String, bytes: [UInt8], message: String, line: Int)] = [
        ("external entity reading a local file",
         Array("<?xml version=\"1.0\"?>\n<!DOCTYPE Export [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Export xmlns=\"urn:example:slochteren:wijkteam:1\"><Teams><Team code=\"&x;\">x</Team></Teams></Export>\n".utf8),
         "a document type declaration (DTD) is refused", 2),
        ("external DTD over http",
         Array("<?xml version=\"1.0\"?>\n<!DOCTYPE Export SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n<Export xmlns=\"urn:example:slochteren:wijkteam:1\"/>\n".utf8),
         "a document type declaration (DTD) is refused", 2),
        ("entity expansion bomb",
         Array(("<?xml version=\"1.0\"?>\n<!DOCTYPE Export [<!ENTITY a \"aaaaaaaaaa\">" + (1...9).map { i in "<!ENTITY \(Character(UnicodeScalar(97 + i)!)) \"" + String(repeating: "&\(Character(UnicodeScalar(96 + i)!));", count: 10) + "\">" }.joined() + "]>\n<Export xmlns=\"urn:example:slochteren:wijkteam:1\">&j;</Export>\n").utf8),
         "a document type declaration (DTD) is refused", 2),
        ("truncated document",
         Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Export xmlns=\"urn:example:slochteren:wijkteam:1\">\n  <Teams>\n    <Team code=\"SL-ST\">Sociaal".utf8),
         "the file ends inside element 'Team' opened on line 4: is it truncated?", 4),
        ("invalid bytes for the declared encoding",
         Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Export xmlns=\"urn:example:slochteren:wijkteam:1\">\n<Teams><Team code=\"SL-ST\">Zo".utf8) + [0xEB] + Array("</Team></Teams></Export>\n".utf8),
         "UTF-8", 3),
        ("wrong root element",
         Array("<?xml version=\"1.0\"?>\n<Bericht xmlns=\"urn:example:slochteren:wijkteam:1\"/>\n".utf8),
         "the root element is 'Bericht' in namespace urn:example:slochteren:wijkteam:1", 2),
        ("an empty file", [], "the file is empty: no XML at all", 1),
    ]

    @Test(arguments: 0..<7)
    func hostileSourceStopsTheRunAndLoadsNothing(_ index: Int) async throws {
        let (name, bytes, message, line) = Self.hostile[index]
        let dir = TempDir("hostile-xml")
        let demo = try copyFixture("midden-groningen", to: dir)
        try Data(bytes).write(to: demo.appendingPathComponent("slochteren/export.xml"))
        let store = dir.path + "/s.sqlite"
        let options = Pipeline.Options(load: true, store: "sqlite:\(store)", report: dir.path + "/r")
        do {
            _ = try await Pipeline.prepare(migrationFile: demo.appendingPathComponent("migratie.yml").path, options: options).run()
            Issue.record("\(name): the run went on")
        } catch let error as RunError {
            #expect(error.description.contains("slochteren/export.xml:\(line):"), "\(name): \(error.description)")
            #expect(error.description.contains(message), "\(name): \(error.description)")
            #expect(error.description.hasSuffix("; nothing was loaded"))
            #expect(!error.description.contains("root:"), "\(name) leaked /etc/passwd")
        }
        // Nothing was loaded: the store has no run and no rows.
        if FileManager.default.fileExists(atPath: store) {
            let db = try DatabaseQueue(path: store)
            #expect(try await db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM migratierun") } == 0)
            #expect(try await db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM client") } == 0)
        }
    }
}

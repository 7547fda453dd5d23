import Foundation
import Testing
import WijkCSV
import WijkMapping
import WijkModel
import WijkRuntime
import WijkXML
@testable import WijkPipeline

/// An event read ahead into a spool file comes back as it went in: values, where it stood, its
/// warnings and its raw text (in the file's own encoding, or the XML element written back).
struct ReadEventCodingTests {
    func roundTrip(_ event: ReadEvent, of compiled: CompiledEntity) throws -> ReadEvent {
        var w = ByteWriter()
        ReadEventCoding.encode(event, into: &w)
        return try ReadEventCoding.decode(w.bytes, of: compiled)
    }

    /// A compiled entity of the demo, for the source, file and entity a spool stands for.
    func demoEntity(_ entity: Entity) throws -> CompiledEntity {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let plan = try MigrationFile.load(path: root.appendingPathComponent("fixtures/midden-groningen/migratie.yml").path)
        return plan.sources[0].entities.first { $0.entity == entity }!
    }

    @Test func aMappedRecordWithItsWarningsAndRawBytes() throws {
        let compiled = try demoEntity(.client)
        let key = RunState.Key(bron: compiled.bron, entity: .client)
        let warning = Finding(severity: .warning, rule: .geslachtCode, entiteit: .client,
                              provenance: Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: .line(7), bronSleutel: "C7"),
                              veld: "geslacht", melding: "not a code", waarde: "X", waardeIsPersoonlijk: true)
        var values = [Value?](repeating: nil, count: Entity.client.fields.count)
        values[0] = .text("C7")
        values[1] = .date(CivilDate(unchecked: 1980, 2, 29))
        values[2] = .integer(-12)
        values[3] = .decimal(0.75)
        let latin = Array("Zoë;Bakker".data(using: .windowsCP1252)!)
        let record = MappedRecord(entity: .client, values: values,
                                  provenance: Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: .line(7), bronSleutel: "C7"),
                                  warnings: [warning], raw: RawText(bytes: latin, encoding: TextEncoding.windows1252.rawValue) { "unused" })
        guard case .mapped(let back, let backKey) = try roundTrip(.mapped(record, key), of: compiled) else { Issue.record("not mapped"); return }
        #expect(backKey == key)
        #expect(back.values == values)
        #expect(back.provenance == record.provenance)
        #expect(back.warnings == [warning])
        #expect(back.raw == "Zoë;Bakker")      // decoded from the file's own bytes, as the reader would
    }

    @Test func anXMLElementWrittenBackAndAnXPathLocation() throws {
        let compiled = try demoEntity(.client)
        let key = RunState.Key(bron: compiled.bron, entity: .client)
        let location = Location.xpath("/s:Export[1]/s:Lid[2]", line: 40)
        let record = MappedRecord(entity: .client, values: [.text("L2")],
                                  provenance: Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: location, bronSleutel: nil),
                                  warnings: [], raw: RawText(utf8: { Array("<s:Lid nr=\"L2\">René &amp; Co</s:Lid>".utf8) }))
        guard case .mapped(let back, _) = try roundTrip(.mapped(record, key), of: compiled) else { Issue.record("not mapped"); return }
        #expect(back.provenance.locatie == location)
        #expect(back.provenance.bronSleutel == nil)
        #expect(back.raw == "<s:Lid nr=\"L2\">René &amp; Co</s:Lid>")
    }

    @Test func aRejectionAndAFinding() throws {
        let compiled = try demoEntity(.hulpvraag)
        let key = RunState.Key(bron: compiled.bron, entity: .hulpvraag)
        let finding = Finding(severity: .error, rule: .requiredField, entiteit: .hulpvraag,
                              provenance: Provenance(bron: compiled.bron, bestand: compiled.bestand, locatie: .line(3), bronSleutel: "H1"),
                              veld: "bsn", melding: "required")
        let rejection = Rejection(finding: finding, raw: "H1;;", subject: "H1")
        guard case .rejected(let back, let backKey) = try roundTrip(.rejected(rejection, key), of: compiled) else { Issue.record("not rejected"); return }
        #expect(back == rejection)
        #expect(backKey == key)
        guard case .finding(let f) = try roundTrip(.finding(finding), of: compiled) else { Issue.record("not a finding"); return }
        #expect(f == finding)
    }

    @Test func damagedBytesAreAnErrorNotACrash() throws {
        let compiled = try demoEntity(.client)
        for bytes: [UInt8] in [[], [9], [1], [1, 200, 200, 200], [2, 3, 0x61]] {
            #expect(throws: (any Error).self) { try ReadEventCoding.decode(bytes, of: compiled) }
        }
    }
}

/// The comment before a record written back says what its fields took from its ancestors; a
/// `--` in it (which would end the comment) is written `- -`, as a text replacement would.
struct AncestorNoteTests {
    @Test(arguments: ["HH-1", "HH--1", "a---b", "----", "-", "x-", "--"])
    func dashesAreBrokenUpLikeAReplacement(_ value: String) throws {
        let xpaths = try ["@nr", "../../@nr", "../@x--y"].map { try XPath.parse($0, namespaces: [:]).get() }
        let values = ["7", value, "z"]
        var bytes: [UInt8] = []
        FileReader.noteAncestors(xpaths, values, into: &bytes)
        let joined = zip(xpaths, values).filter { $0.0.parentSteps > 0 }.map { "\($0.0.text) = \($0.1)" }.joined(separator: "; ")
        let expected = "<!-- from the record's ancestors: \(joined.replacingOccurrences(of: "--", with: "- -")) -->\n"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }

    @Test func noNoteWhenNothingComesFromAbove() throws {
        var bytes: [UInt8] = []
        FileReader.noteAncestors([try XPath.parse("@nr", namespaces: [:]).get()], ["1"], into: &bytes)
        #expect(bytes.isEmpty)
    }
}

import Foundation
import Testing
import TestSupport
import WijkMapping
import WijkModel
@testable import WijkPipeline

/// `xsd:` validates every message before it is mapped: an invalid one is rejected whole (its
/// records counted, each with the reason and line), and the rest of the folder goes on.
struct XSDValidationTests {
    @Test func anInvalidMessageIsRejectedWholeAndTheFolderGoesOn() async throws {
        let dir = TempDir("xsd")
        let folder = try copyFixture("istandaarden", to: dir)
        let good = folder.appendingPathComponent("jw301/JW301-MG2024000001.xml")
        // The same message with a date that does not exist: the schema's xs:date refuses it.
        let text = try String(contentsOf: good, encoding: .utf8).replacingOccurrences(of: "2012-06-15", with: "2012-02-30")
        try text.write(to: folder.appendingPathComponent("jw301/JW301-MG2024000009.xml"), atomically: true, encoding: .utf8)
        let options = Pipeline.Options(load: false, report: dir.path + "/r")
        let result = try await Pipeline.prepare(migrationFile: folder.appendingPathComponent("migratie.yml").path, options: options).run()
        let invalid = result.rejections.filter { $0.finding.rule.rawValue == "xsd_invalid" }
        #expect(invalid.count == 3)   // the message's household, client and toegewezen product
        #expect(Set(invalid.map(\.finding.provenance.bestand)) == ["jw301/JW301-MG2024000009.xml"])
        let message = try #require(invalid.first?.finding.melding)
        #expect(message.hasPrefix("the file does not validate against JW301.xsd: line 22: "), "\(message)")
        #expect(message.contains("2012-02-30"))
        // The rejected toewijzing's raw text: the element with its namespaces, and what its fields
        // took from its ancestors — a well-formed document on its own.
        let raw = try #require(invalid.first { $0.finding.entiteit == .voorziening }?.raw)
        #expect(raw.hasPrefix("<!-- from the record's ancestors: "), "\(raw)")
        #expect(raw.contains("../../jw301:Bsn = 999900018"))
        #expect(raw.contains("<jw301:ToegewezenProduct xmlns:ijw=\"http://www.istandaarden.nl/ijw/3_2/basisschema/schema\" xmlns:jw301="))
        let file = dir.path + "/raw.xml"
        try raw.write(toFile: file, atomically: true, encoding: .utf8)
        let lint = try runProgram("xmllint", ["--noout", file])
        #expect(lint.status == 0, "\(lint.stderr)")
        // The valid messages load as before.
        let jw = try #require(result.summary.sources.first { $0.bron == "jw301" })
        #expect(jw.total.read == 10 && jw.total.rejected == 3)
        #expect(result.summary.total.read == result.summary.total.loaded + result.summary.total.merged + result.summary.total.rejected)
    }

    @Test func theStandardsOwnExampleValidates() async throws {
        let dir = TempDir("xsd-example")
        let folder = try copyFixture("istandaarden", to: dir)
        let options = Pipeline.Options(load: false, report: dir.path + "/r")
        let result = try await Pipeline.prepare(migrationFile: folder.appendingPathComponent("migratie.yml").path, options: options).run()
        #expect(!result.rejections.contains { $0.finding.rule.rawValue == "xsd_invalid" })
        #expect(result.summary.sources.first { $0.bron == "wmo301" }?.total.loaded == 3)
    }

    /// A schema is compiled once, however many message files and entities name it: one that
    /// cannot be used is one mistake, reported once, where the mapping first names it.
    @Test func aSchemaThatCannotBeUsedIsReportedOnce() async throws {
        let dir = TempDir("xsd-broken")
        let folder = try copyFixture("istandaarden", to: dir)
        let schema = dir.url.appendingPathComponent("mappings/istandaarden/ijw-3.2/JW301.xsd")
        try "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"><xs:element name=\"x\" type=\"nope:missing\"/></xs:schema>"
            .write(to: schema, atomically: true, encoding: .utf8)
        let options = Pipeline.Options(load: false, report: dir.path + "/r")
        let error = try #require(throws: ConfigErrors.self) {
            try Pipeline.prepare(migrationFile: folder.appendingPathComponent("migratie.yml").path, options: options)
        }
        let mentions = error.errors.filter { $0.message.hasPrefix("the schema istandaarden/ijw-3.2/JW301.xsd cannot be used") }
        // Three entities name it (lines 24, 38 and 52), for each of the folder's two messages.
        #expect(mentions.map(\.line) == [24], "\(error)")
        #expect(error.errors.count == 1, "\(error)")
    }
}

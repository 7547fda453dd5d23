import Foundation
import Testing
import TestSupport
@testable import WijkXML

/// One parse for every records path of a file: each path's records come out exactly as a parse
/// of its own would give them — the same XPaths, lines, values, raw text and unmatched elements —
/// however the paths nest.
struct OnePassTests {
    static let h = XMLRecordReaderTests.h
    static let s = XMLRecordReaderTests.s

    /// Nested records with context above them, records of another path between them, an element
    /// no records path takes (`h:Notitie`), and a namespace declared below the root.
    static let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Export xmlns="urn:example:slochteren:export" datum="2017-12-31">
          <Team code="T1">Noord</Team>
          <Huishouden id="HH1">
            <Adres><Straat>Hoofdweg</Straat><Postcode>9621 AB</Postcode></Adres>
            <Leden xmlns:s="urn:example:slochteren:sociaal">
              <Lid id="L1"><s:BSN>123456782</s:BSN><Naam>Zoë</Naam><Zorg><Vraag nr="V1"/><Vraag nr="V2">met &lt;tekst&gt;</Vraag></Zorg></Lid>
              <Lid id="L2"><s:BSN>111222333</s:BSN><Naam>René &amp; Co</Naam></Lid>
            </Leden>
            <Plan nr="P1"/>
          </Huishouden>
          <Notitie>niet gemapt</Notitie>
          <Team code="T2"/>
          <Huishouden id="HH2">
            <Adres><Straat>Kerkpad</Straat><Postcode>9628 XY</Postcode></Adres>
            <Leden xmlns:s="urn:example:slochteren:sociaal"><Lid id="L3"><s:BSN>000000012</s:BSN><Zorg><Vraag nr="V3"/></Zorg></Lid></Leden>
          </Huishouden>
        </Export>
        """

    struct Spec {
        let path: [String]
        let kept: Int
        let fields: [String]
    }

    static let specs = [
        Spec(path: ["Export", "Team"], kept: 0, fields: ["@code", "."]),
        Spec(path: ["Export", "Huishouden"], kept: 0, fields: ["@id", "h:Adres/h:Straat", "h:Leden/h:Lid[2]/@id"]),
        Spec(path: ["Export", "Huishouden", "Leden", "Lid"], kept: 2, fields: ["@id", "s:BSN", "../../h:Adres/h:Postcode", "../../@id", "../h:Lid/@id"]),
        Spec(path: ["Export", "Huishouden", "Leden", "Lid", "Zorg", "Vraag"], kept: 4, fields: ["@nr", ".", "../../@id", "../../../../@id"]),
        Spec(path: ["Export", "Huishouden", "Plan"], kept: 1, fields: ["@nr", "../@id", "../h:Leden/h:Lid/@id"]),
    ]

    func matcher(_ spec: Spec, among all: [Spec]) -> XMLRecordMatcher {
        let names = spec.path.map { XMLName(uri: Self.h, local: $0) }
        let xpaths = spec.fields.map { try! XPath.parse($0, namespaces: ["h": Self.h, "s": Self.s]).get() }
        let m = XMLRecordMatcher(recordPath: names, keptAncestors: spec.kept, ancestorChildren: !xpaths.allSatisfy(\.readsAncestorsOnlyForAttributes))
        m.otherRecordPaths = all.filter { $0.path != spec.path }.map { $0.path.map { XMLName(uri: Self.h, local: $0) } }
        return m
    }

    func describe(_ record: XMLRecord, _ spec: Spec) -> String {
        let values = spec.fields.map { try! XPath.parse($0, namespaces: ["h": Self.h, "s": Self.s]).get().evaluate(from: record.element) ?? "nil" }
        return "\(record.line) \(record.xpath) \(values) \(record.element.serialized)"
    }

    @Test func everyPathSeesWhatItsOwnParseSees() throws {
        let dir = TempDir()
        let file = dir.write("export.xml", Self.document)
        // Each path alone.
        var alone: [[String]] = []
        var unmatchedAlone: [[String: Int]] = []
        for spec in Self.specs {
            let reader = XMLRecordReader(path: file, display: "export.xml")
            let m = matcher(spec, among: Self.specs)
            reader.add(m)
            var seen: [String] = []
            try reader.read { seen.append(describe($0, spec)) }
            alone.append(seen)
            unmatchedAlone.append(m.unmatched)
        }
        // All in one parse.
        let reader = XMLRecordReader(path: file, display: "export.xml")
        let matchers = Self.specs.map { matcher($0, among: Self.specs) }
        for m in matchers { reader.add(m) }
        var together = Array(repeating: [String](), count: Self.specs.count)
        try reader.readAll { i, record in together[i].append(describe(record, Self.specs[i])) }
        #expect(together == alone)
        #expect(matchers.map(\.unmatched) == unmatchedAlone)
        #expect(matchers.map(\.recordsSeen) == [2, 2, 3, 3, 1])
        // An element beside teams and households that no path takes; inside a household, everything is taken.
        #expect(unmatchedAlone == [["Notitie": 1], ["Notitie": 1], [:], [:], [:]])
        // What the nested records see of their context.
        #expect(together[3][1].contains("[\"V2\", \"met <tekst>\", \"L1\", \"HH1\"]"))
        #expect(together[2][0].contains("[\"L1\", \"123456782\", \"9621 AB\", \"HH1\", \"L1\"]"))
    }

    @Test func aParseCanBeCancelledFromARecord() throws {
        let dir = TempDir()
        let file = dir.write("export.xml", Self.document)
        let reader = XMLRecordReader(path: file, display: "export.xml")
        reader.add(matcher(Self.specs[2], among: Self.specs))
        var seen = 0
        try reader.readAll { _, _ in
            seen += 1
            reader.cancel()
        }
        #expect(seen == 1)
    }

    @Test func escapingIsByteForByteEvenBeforeACombiningMark() throws {
        // `&` followed by a combining accent is one Character in Swift: escaping by Character
        // would have left the ampersand bare, and the written-back element ill-formed.
        let dir = TempDir()
        let file = dir.write("e.xml", "<r><x a=\"&amp;\u{301}\">&lt;\u{301} &gt;</x></r>")
        let reader = XMLRecordReader(path: file, display: "e.xml", recordPath: ["r", "x"].map { XMLName(uri: nil, local: $0) }, keptAncestors: 0)
        var raw = ""
        try reader.read { raw = $0.element.serialized }
        #expect(raw == "<x a=\"&amp;\u{301}\">&lt;\u{301} &gt;</x>")
    }
}

import Foundation
import Testing
import TestSupport
@testable import WijkXML

struct XMLRecordReaderTests {
    static let h = "urn:example:slochteren:export"
    static let s = "urn:example:slochteren:sociaal"
    static let namespaces = ["h": h, "s": s]

    static let document = """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <Export xmlns="urn:example:slochteren:export" xmlns:s="urn:example:slochteren:sociaal" datum="2017-12-31">
          <Huishouden id="HH1">
            <Adres><Straat>Hoofdweg</Straat><Nummer>12</Nummer><Postcode>9621 AB</Postcode></Adres>
            <Leden>
              <Lid id="L1"><s:BSN>123456782</s:BSN><Naam>Zo\u{EB} Bakker</Naam></Lid>
              <Lid id="L2"><s:BSN>111222333</s:BSN><Naam>Ren\u{E9} &amp; Co</Naam></Lid>
            </Leden>
          </Huishouden>
          <Huishouden id="HH2">
            <Adres><Straat>Kerkpad</Straat><Nummer>3</Nummer><Postcode>9628 XY</Postcode></Adres>
            <Leden>
              <Lid id="L3"><s:BSN>000000012</s:BSN><Naam><![CDATA[Jan <J.> de Boer]]></Naam></Lid>
            </Leden>
          </Huishouden>
        </Export>
        """

    func path(_ text: String) -> XPath { try! XPath.parse(text, namespaces: Self.namespaces).get() }

    func write(_ text: String, encoding: String.Encoding = .isoLatin1, in dir: TempDir) -> String {
        dir.write("doc.xml", bytes: Array(text.data(using: encoding)!))
    }

    func records(_ file: String, _ recordPath: String, kept: Int = 0, fields: [String]) throws -> [(line: Int, xpath: String, values: [String?])] {
        let steps = path(recordPath).steps.map { step -> XMLName in
            guard case .child(let n, _) = step else { fatalError() }
            return n
        }
        let reader = XMLRecordReader(path: file, display: "doc.xml", recordPath: steps, keptAncestors: kept)
        var out: [(Int, String, [String?])] = []
        let compiled = fields.map(path)
        try reader.read { record in
            out.append((record.line, record.xpath, compiled.map { $0.evaluate(from: record.element) }))
        }
        return out
    }

    @Test func recordsWithAncestorValuesLinesAndXPaths() throws {
        let dir = TempDir()
        let file = write(Self.document, in: dir)
        let rows = try records(file, "/h:Export/h:Huishouden/h:Leden/h:Lid", kept: 2,
                               fields: ["@id", "s:BSN", "h:Naam", "../../h:Adres/h:Postcode", "../../@id", "h:Nope"])
        #expect(rows.map(\.line) == [6, 7, 13])
        #expect(rows.map(\.xpath) == ["/Export[1]/Huishouden[1]/Leden[1]/Lid[1]", "/Export[1]/Huishouden[1]/Leden[1]/Lid[2]",
                                      "/Export[1]/Huishouden[2]/Leden[1]/Lid[1]"])
        #expect(rows.map(\.values) == [
            ["L1", "123456782", "Zoë Bakker", "9621 AB", "HH1", nil],
            ["L2", "111222333", "René & Co", "9621 AB", "HH1", nil],
            ["L3", "000000012", "Jan <J.> de Boer", "9628 XY", "HH2", nil],
        ])
    }

    @Test func ancestorsReadOnlyForAttributesKeepNoOtherChildren() throws {
        let dir = TempDir()
        let file = write(Self.document, in: dir)
        let steps = ["Export", "Huishouden", "Leden", "Lid"].map { XMLName(uri: Self.h, local: $0) }
        let reader = XMLRecordReader(path: file, display: "doc.xml", recordPath: steps, keptAncestors: 2, ancestorChildren: false)
        let id = path("../../@id"), bsn = path("s:BSN")
        var seen: [[String?]] = []
        var households: [Int] = []
        try reader.read { record in
            seen.append([id.evaluate(from: record.element), bsn.evaluate(from: record.element)])
            households.append(record.element.parent?.parent?.children.count ?? -1)
            #expect(record.element.parent?.parent?.children.allSatisfy { $0.name.local == "Leden" } == true)   // no Adres
        }
        #expect(seen == [["HH1", "123456782"], ["HH1", "111222333"], ["HH2", "000000012"]])
        #expect(households == [1, 1, 1])
    }

    @Test(arguments: [("../../@nr", true), ("@nr", true), ("s:BSN", true), ("../@nr", true), ("..", false),
                      ("../../h:Adres/h:Postcode", false), ("../h:Naam/@x", false), ("../../text()", false)])
    func whetherAnXPathNeedsTheAncestorsChildren(xpath: String, attributesOnly: Bool) {
        #expect(path(xpath).readsAncestorsOnlyForAttributes == attributesOnly)
    }

    @Test func ancestorsOfEarlierRecordsAreDropped() throws {
        // Records two levels down with the root kept as context: the root holds the header, and
        // never more than the household being read.
        var text = "<r><header><code>414</code></header>"
        for i in 0..<200 { text += "<h n=\"\(i)\"><x>\(i)</x></h>" }
        text += "</r>"
        let dir = TempDir()
        let file = dir.write("d.xml", text)
        let reader = XMLRecordReader(path: file, display: "d.xml",
                                     recordPath: ["r", "h", "x"].map { XMLName(uri: nil, local: $0) }, keptAncestors: 2)
        let code = try XPath.parse("../../header/code", namespaces: [:]).get()
        var most = 0
        var codes = Set<String?>()
        try reader.read { record in
            most = max(most, record.element.parent?.parent?.children.count ?? 0)
            codes.insert(code.evaluate(from: record.element))
        }
        #expect(most == 2)
        #expect(codes == ["414"])
    }

    @Test func householdsAsRecords() throws {
        let dir = TempDir()
        let rows = try records(write(Self.document, in: dir), "/h:Export/h:Huishouden",
                               fields: ["@id", "h:Adres/h:Straat", "h:Leden/h:Lid[2]/@id", "h:Leden/h:Lid[s:BSN='000000012']/@id"])
        #expect(rows.map(\.values) == [["HH1", "Hoofdweg", "L2", nil], ["HH2", "Kerkpad", nil, "L3"]])
    }

    @Test func anUnprefixedNameIsInNoNamespace() throws {
        let dir = TempDir()
        let reader = XMLRecordReader(path: write(Self.document, in: dir), display: "doc.xml",
                                     recordPath: [XMLName(uri: nil, local: "Export")], keptAncestors: 0)
        #expect(throws: XMLReadError.self) { try reader.read { _ in } }
    }

    func failure(_ text: String, encoding: String.Encoding = .utf8, recordPath: [XMLName]? = nil) -> XMLReadError? {
        let dir = TempDir()
        let file = write(text, encoding: encoding, in: dir)
        let reader = XMLRecordReader(path: file, display: "doc.xml",
                                     recordPath: recordPath ?? [XMLName(uri: nil, local: "r"), XMLName(uri: nil, local: "x")], keptAncestors: 0)
        var seen = 0
        do {
            try reader.read { _ in seen += 1 }
            return nil
        } catch let error as XMLReadError {
            return error
        } catch {
            return nil
        }
    }

    @Test func externalEntityReadingALocalFileIsRefused() throws {
        let dir = TempDir()
        let secret = dir.write("secret.txt", "TOP-SECRET-CONTENT")
        let e = failure("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file://\(secret)\">]>\n<r><x>&x;</x></r>\n")
        #expect(e?.message.hasPrefix("a document type declaration (DTD) is refused") == true)
        #expect(e?.line == 2)
        #expect(e?.description.contains("TOP-SECRET") == false)
    }

    @Test func externalDTDOverHTTPIsRefused() {
        let e = failure("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"http://example.invalid/evil.dtd\">\n<r><x>1</x></r>\n")
        #expect(e?.message.hasPrefix("a document type declaration (DTD) is refused") == true)
    }

    @Test func entityExpansionBombIsRefused() {
        var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY a \"aaaaaaaaaa\">\n"
        for i in 1...9 { bomb += "<!ENTITY \(Character(UnicodeScalar(97 + i)!)) \"" + String(repeating: "&\(Character(UnicodeScalar(96 + i)!));", count: 10) + "\">\n" }
        bomb += "]>\n<r><x>&j;</x></r>\n"
        let e = failure(bomb)
        #expect(e?.message.hasPrefix("a document type declaration (DTD) is refused") == true)
    }

    @Test func anUndeclaredEntityIsAnError() {
        let e = failure("<r><x>&nbsp;</x></r>")
        #expect(e?.message == "Entity 'nbsp' not defined")
        #expect((e?.line, e?.column) == (1, 13))
    }

    @Test func truncatedDocument() {
        let e = failure("<?xml version=\"1.0\"?>\n<r>\n  <x>1</x>\n  <x>2")
        #expect(e != nil)
        #expect(e?.line == 4)
        #expect(e?.message == "the file ends inside element 'x' opened on line 4: is it truncated?")
    }

    @Test func invalidBytesForTheDeclaredEncoding() {
        let dir = TempDir()
        let file = dir.write("doc.xml", bytes: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r><x>Zo".utf8) + [0xEB] + Array("</x></r>\n".utf8))
        let reader = XMLRecordReader(path: file, display: "doc.xml", recordPath: [XMLName(uri: nil, local: "r"), XMLName(uri: nil, local: "x")], keptAncestors: 0)
        do {
            try reader.read { _ in }
            Issue.record("expected an error")
        } catch let e as XMLReadError {
            #expect(e.line == 2)
            #expect(e.message.contains("UTF-8"))
        } catch { Issue.record("\(error)") }
    }

    @Test func wrongRootElement() {
        let e = failure("<?xml version=\"1.0\"?>\n<Bericht><x/></Bericht>")
        #expect(e?.message == "the root element is 'Bericht'; the mapping's records path starts at r")
        #expect(e?.line == 2)
    }

    @Test func emptyFile() {
        let e = failure("")
        #expect(e?.message == "the file is empty: no XML at all")
        #expect(e?.line == 1)
    }

    @Test func manyRecordsStayFlat() throws {
        // 50,000 records in one document: only one is ever held (no DOM), and all are seen.
        var text = "<r>\n"
        for i in 0..<50_000 { text += "<x id=\"\(i)\"><v>\(i)</v></x>\n" }
        text += "</r>\n"
        let dir = TempDir()
        let file = dir.write("big.xml", text)
        let reader = XMLRecordReader(path: file, display: "big.xml", recordPath: [XMLName(uri: nil, local: "r"), XMLName(uri: nil, local: "x")], keptAncestors: 1)
        var count = 0
        var maxSiblings = 0
        let v = try XPath.parse("v", namespaces: [:]).get()
        var last: String?
        try reader.read { record in
            count += 1
            maxSiblings = max(maxSiblings, record.element.parent?.children.count ?? 0)
            last = v.evaluate(from: record.element)
        }
        #expect(count == 50_000)
        #expect(maxSiblings == 1)
        #expect(last == "49999")
    }
}

struct XPathTests {
    @Test func parseErrors() {
        func error(_ s: String) -> String? {
            if case .failure(let e) = XPath.parse(s, namespaces: ["s": "urn:s"]) { return e.message }
            return nil
        }
        #expect(error("q:Naam") == "namespace prefix 'q' is not declared")
        #expect(error("//s:Lid") == "'//' (any depth) is not supported")
        #expect(error("s:Lid[Soort=01]") == "the value in [Soort=01] must be quoted")
        #expect(error("s:Lid[last()]") == "predicate [last()] is not supported")
        #expect(error("") == "the XPath is empty")
        #expect(error("s:Naam/s:Achternaam") == nil)
        #expect(error("../../@id") == nil)
    }

    @Test func parentSteps() throws {
        #expect(try XPath.parse("../../h:Adres/h:Postcode", namespaces: ["h": "x"]).get().parentSteps == 2)
        #expect(try XPath.parse("@id", namespaces: [:]).get().parentSteps == 0)
    }
}

/// Hostile depth and a reader used twice.
struct XMLDepthAndReuseTests {
    func names(_ s: [String]) -> [XMLName] { s.map { XMLName(uri: nil, local: $0) } }

    /// A record with elements nested 100,000 deep is refused with one message (libxml2 stops at
    /// its depth limit, XML_PARSE_HUGE is not set); nothing recurses down it.
    @Test func aRecordNested100000DeepIsRefusedNotACrash() throws {
        let dir = TempDir()
        let deep = "<a><r>" + String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000) + "</r></a>"
        let path = dir.write("deep.xml", deep)
        let reader = XMLRecordReader(path: path, display: "deep.xml", recordPath: names(["a", "r"]), keptAncestors: 0)
        #expect(throws: XMLReadError.self) { try reader.read { _ in } }
    }

    /// Deep, but within the limit: the record is read, written back and released without a
    /// recursion that grows with its depth.
    @Test func aDeepRecordWithinTheLimitIsReadAndWrittenBack() throws {
        let dir = TempDir()
        let deep = "<a><r>" + String(repeating: "<x>", count: 250) + "v" + String(repeating: "</x>", count: 250) + "</r></a>"
        let path = dir.write("deep.xml", deep)
        let reader = XMLRecordReader(path: path, display: "deep.xml", recordPath: names(["a", "r"]), keptAncestors: 0)
        var serialized = ""
        var value = ""
        try reader.read { record in
            serialized = record.element.serialized
            value = record.element.stringValue
        }
        #expect(value == "v")
        #expect(serialized == "<r>" + String(repeating: "<x>", count: 250) + "v" + String(repeating: "</x>", count: 250) + "</r>")
    }

    /// A reader's state from one read (names keyed by the freed parser's dictionary, the path, the
    /// counts) never leaks into the next: the same reader reads a second file as if new.
    @Test func aReaderReadsASecondFileAsIfNew() throws {
        let dir = TempDir()
        let one = dir.write("one.xml", "<a><r n=\"1\"/><r n=\"2\"/></a>")
        let two = dir.write("two.xml", "<a><q/><r n=\"3\"/></a>")
        let reader = XMLRecordReader(path: one, display: "one.xml", recordPath: names(["a", "r"]), keptAncestors: 0)
        var seen: [String] = []
        try reader.read { seen.append("\($0.xpath) \($0.element.attribute(XMLName(uri: nil, local: "n")) ?? "?")") }
        let again = XMLRecordReader(path: two, display: "two.xml", recordPath: names(["a", "r"]), keptAncestors: 0)
        try again.read { seen.append("\($0.xpath) \($0.element.attribute(XMLName(uri: nil, local: "n")) ?? "?")") }
        try reader.read { seen.append("\($0.xpath) \($0.element.attribute(XMLName(uri: nil, local: "n")) ?? "?")") }
        #expect(seen == ["/a[1]/r[1] 1", "/a[1]/r[2] 2", "/a[1]/r[1] 3", "/a[1]/r[1] 1", "/a[1]/r[2] 2"])
        #expect(reader.recordsSeen == 2)
    }

    /// A file that cannot be read at its first bytes is an error, never an empty source.
    @Test func anUnreadableFirstChunkIsAnError() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(atPath: dir.path + "/folder.xml", withIntermediateDirectories: true)
        let reader = XMLRecordReader(path: dir.path + "/folder.xml", display: "folder.xml", recordPath: names(["a", "r"]), keptAncestors: 0)
        #expect(throws: XMLReadError.self) { try reader.read { _ in } }
    }
}

/// Entity and character references give the characters they stand for, in attributes and text.
struct XMLReferenceTests {
    @Test func referencesInAttributesAndTextAreTheirCharacters() throws {
        let dir = TempDir()
        let path = dir.write("refs.xml", "<a><r s=\"A&amp;B &lt;&#235;&gt;\">C&amp;D &lt;&#235;&gt;</r></a>")
        let reader = XMLRecordReader(path: path, display: "refs.xml", recordPath: [XMLName(uri: nil, local: "a"), XMLName(uri: nil, local: "r")], keptAncestors: 0)
        var got: [String] = []
        try reader.read { record in
            got = [record.element.attribute(XMLName(uri: nil, local: "s")) ?? "?", record.element.stringValue, record.element.serialized]
        }
        #expect(got == ["A&B <ë>", "C&D <ë>", "<r s=\"A&amp;B &lt;ë&gt;\">C&amp;D &lt;ë&gt;</r>"])
    }

    /// With substitution on, an entity the document declares is still refused (no DTD is read).
    @Test func anEntityDeclarationIsStillRefused() throws {
        let dir = TempDir()
        let path = dir.write("bomb.xml", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"boom\">]><a><r>&x;</r></a>")
        let reader = XMLRecordReader(path: path, display: "bomb.xml", recordPath: [XMLName(uri: nil, local: "a"), XMLName(uri: nil, local: "r")], keptAncestors: 0)
        #expect(throws: XMLReadError.self) { try reader.read { _ in } }
    }
}

/// A record written back (the afwijzing's raw text) declares the namespaces in scope, so that it
/// is a well-formed XML fragment on its own.
struct XMLRawRecordTests {
    @Test func aRecordWrittenBackDeclaresItsNamespaces() throws {
        let dir = TempDir()
        let path = dir.write("ns.xml", """
            <?xml version="1.0"?>
            <h:Export xmlns:h="urn:example:h" xmlns="urn:example:default"><h:Huishouden><Lid nr="1"><h:BSN>123456782</h:BSN></Lid></h:Huishouden></h:Export>
            """)
        let reader = XMLRecordReader(path: path, display: "ns.xml",
                                     recordPath: [XMLName(uri: "urn:example:h", local: "Export"), XMLName(uri: "urn:example:h", local: "Huishouden"),
                                                  XMLName(uri: "urn:example:default", local: "Lid")], keptAncestors: 1)
        var raw = ""
        try reader.read { raw = $0.element.serialized }
        #expect(raw == "<Lid xmlns:h=\"urn:example:h\" xmlns=\"urn:example:default\" nr=\"1\"><h:BSN>123456782</h:BSN></Lid>")
        let fragment = dir.write("fragment.xml", raw)
        let lint = try runProgram("xmllint", ["--noout", fragment])
        #expect(lint.status == 0, "\(lint.stderr)")
    }
}

/// Elements beside the records that nothing reads are counted, not skipped without a word.
struct XMLUnmatchedTests {
    @Test func elementsBesideTheRecordsThatNothingReadsAreCounted() throws {
        let dir = TempDir()
        let path = dir.write("u.xml", "<a><r/><rr/><r/><q/><rr/><p><x/></p></a>")
        let n = { XMLName(uri: nil, local: $0) }
        let reader = XMLRecordReader(path: path, display: "u.xml", recordPath: [n("a"), n("r")], keptAncestors: 0)
        reader.namesRead = [n("q")]                  // a field reads ../q
        reader.otherRecordPaths = [[n("a"), n("p"), n("x")]]   // another entity's records
        var records = 0
        try reader.read { _ in records += 1 }
        #expect(records == 2)
        #expect(reader.unmatched == ["rr": 2])
    }
}

/// A record's text and attribute values are kept as bytes in one store per subtree, and become
/// text only when asked for.
struct XMLBytesTests {
    static let a = XMLName(uri: nil, local: "a")
    static let r = XMLName(uri: nil, local: "r")

    /// Text after a child element (mixed content) joins the element's own text without disturbing
    /// what the child, or an attribute, holds.
    @Test func textAfterAChildStaysTheElementsOwn() throws {
        let dir = TempDir()
        let path = dir.write("mixed.xml", "<a><r k=\"v &amp; w\">a<b q=\"1\">x</b>c &amp; d<e/>f</r></a>")
        let reader = XMLRecordReader(path: path, display: "mixed.xml", recordPath: [Self.a, Self.r], keptAncestors: 0)
        var got: [String] = []
        try reader.read { record in
            let e = record.element
            got = [e.text, e.children[0].text, e.children[0].attribute(XMLName(uri: nil, local: "q")) ?? "?",
                   e.attribute(XMLName(uri: nil, local: "k")) ?? "?", e.stringValue, e.serialized]
        }
        #expect(got == ["ac & df", "x", "1", "v & w", "ac & dfx", "<r k=\"v &amp; w\">ac &amp; df<b q=\"1\">x</b><e/></r>"])
    }

    /// Each record has a store of its own: the ancestor kept as context does not grow with the
    /// records read inside it (a household with thousands of members holds one at a time).
    @Test func anAncestorsStoreDoesNotGrowWithItsRecords() throws {
        let dir = TempDir()
        let members = (1...2000).map { "<r n=\"\($0)\">lid \($0) met een naam</r>" }.joined()
        let path = dir.write("big.xml", "<a nr=\"HH1\">voor\(members)</a>")
        let reader = XMLRecordReader(path: path, display: "big.xml", recordPath: [Self.a, Self.r], keptAncestors: 1)
        var ancestorBytes: [Int] = []
        var recordBytes = 0
        var last = ""
        try reader.read { record in
            ancestorBytes.append(record.element.parent!.store.bytes.count)
            recordBytes = max(recordBytes, record.element.store.bytes.count)
            last = XPath.parse("../@nr", namespaces: [:]).map { $0.evaluate(from: record.element) ?? "?" }.get(or: "!")
        }
        #expect(ancestorBytes.count == 2000)
        #expect(Set(ancestorBytes).count == 1, "the ancestor's store grew from \(ancestorBytes.first ?? 0) to \(ancestorBytes.last ?? 0) bytes")
        #expect(recordBytes < 64)
        #expect(last == "HH1")
    }
}

private extension Result {
    func get(or fallback: Success) -> Success { (try? get()) ?? fallback }
}

/// An XPath selects the first node in document order among every candidate at every step: when
/// the first candidate does not get to the end of the path, the next one is tried.
struct XPathEvaluationTests {
    @Test(arguments: [
        ("a/c", "2"),            // the first a has no c
        ("a/@x", "7"),           // only the third a has the attribute
        ("a/c/../@x", "7"),      // climbing back from the second a's c finds no @x; the third's does
        ("a[3]/c", "3"),
        ("a[k='v']/c", "3"),
        ("a/b", "1"),
        ("a/d", nil),
        ("a[4]/c", nil),
    ] as [(String, String?)])
    func theFirstCandidateThatGetsToTheEndIsTaken(_ path: String, _ expected: String?) throws {
        let dir = TempDir()
        let file = dir.write("xp.xml", "<d><r><a><b>1</b></a><a><c>2</c></a><a x=\"7\"><k>v</k><c>3</c></a></r></d>")
        let reader = XMLRecordReader(path: file, display: "xp.xml", recordPath: [XMLName(uri: nil, local: "d"), XMLName(uri: nil, local: "r")], keptAncestors: 0)
        let xpath = try XPath.parse(path, namespaces: [:]).get()
        var got: String??
        try reader.read { got = xpath.evaluate(from: $0.element) }
        #expect(got == .some(expected), "\(path)")
    }
}

import Foundation
import Testing
import TestSupport
import WijkCSV
@testable import WijkOnboarding

/// `profile` on files shaped unlike the demo, with negative controls that must not be read as
/// what they resemble.
@Suite struct ProfileTests {
    /// A BSN that passes the elfproef, from a number of eight digits (the ninth makes it pass).
    static func bsn(_ seed: Int, leadingZero: Bool = false) -> String {
        let base = leadingZero ? String(format: "0%07d", 1_000_000 + seed * 7919 % 8_999_999) : String(format: "%08d", 10_000_000 + seed * 7919 % 89_999_999)
        let digits = base.map { Int(String($0))! }
        let sum = zip(digits, [9, 8, 7, 6, 5, 4, 3, 2]).map { $0 * $1 }.reduce(0, +)
        let last = sum % 11
        return last == 10 ? bsn(seed + 1000, leadingZero: leadingZero) : base + String(last)
    }

    /// Tab-separated, Windows-1252 with a byte only Windows-1252 reads (0x80, €), a title line
    /// before the header, dates d-M-yyyy with one that does not exist, a decimal comma, BSNs of
    /// which Excel dropped the leading zero, and columns that look alike but are not.
    static func tabFile(_ dir: TempDir) -> String {
        var bytes: [UInt8] = Array("Export sociaal team 2024 (intern)\r\n".utf8)
        bytes += Array("nr\tburgerservicenr\tgeb\tbedrag\tcontrole\ttekst\tpc\r\n".utf8)
        for i in 1...60 {
            let b = bsn(i, leadingZero: i % 3 == 0)                     // some start with 0 …
            let shown = i % 3 == 0 ? String(b.dropFirst()) : b           // … and lost it in Excel
            let date = i == 17 ? "31-2-1980" : "\(i % 28 + 1)-\(i % 12 + 1)-19\(50 + i % 40)"
            // Nine digits that fail the elfproef: not BSNs.
            let notBSN = String(format: "%09d", 123_456_780 + i * 11 + 1)
            let text = i == 5 ? "Prijs \u{80}5,00" : "regel \(i), met komma"
            let row = "K\(i)\t\(shown)\t\(date)\t\(i),\(i % 10)5\t\(notBSN)\t\(text)\t\(1000 + i) AB\r\n"
            bytes += row.unicodeScalars.map { $0.value == 0x80 ? 0x80 : UInt8(truncatingIfNeeded: $0.value) }
        }
        return dir.write("export.tsv", bytes: bytes)
    }

    @Test func aTabFileWithATitleLineInWindows1252() throws {
        let dir = TempDir("profile")
        let path = Self.tabFile(dir)
        let p = try CSVProfile.profile(path: path, display: "export.tsv", sample: 1000)
        #expect(p.dialect.delimiter == 0x09)
        #expect(p.dialect.skipRows == 1, "the title line")
        #expect(p.dialect.header)
        #expect(p.dialect.encoding == .windows1252)
        #expect(p.encoding.verdict.contains("only make sense as Windows-1252"), "\(p.encoding.verdict)")
        #expect(p.encoding.lineEndings == "CRLF (62)")
        #expect(p.records == 60 && p.physicalLines == 62 && p.sampled == 60)
        let columns = Dictionary(uniqueKeysWithValues: p.columns.map { ($0.name, $0.profile) })
        let bsn = try #require(columns["burgerservicenr"])
        #expect(bsn.bsn == "pad_left" && bsn.bsnEight == 20 && bsn.bsnNine == 40, "\(bsn.readings)")
        let geb = try #require(columns["geb"])
        #expect(geb.dates.first == "d-M-yyyy" && geb.dateMisses("d-M-yyyy") == 1, "\(geb.readings)")
        #expect(columns["bedrag"]?.decimal == "comma")
        #expect(columns["pc"]?.postcode == "1234 AB")
        // Negative controls.
        #expect(columns["controle"]?.bsn == nil, "nine digits that fail the elfproef are no BSNs")
        #expect(columns["controle"]?.dates == [], "nor dates")
        #expect(columns["tekst"]?.decimal == nil, "text with a comma is no decimal")
        #expect(columns["nr"]?.isInteger == false && columns["nr"]?.readings == [])
    }

    @Test func aFileWithoutHeaderAndASampleSmallerThanTheFile() throws {
        let dir = TempDir("profile")
        var text = ""
        for i in 1...500 { text += "\(i);2024-0\(i % 9 + 1)-1\(i % 9);\(i % 2 == 0 ? "ja" : "nee")\n" }
        let path = dir.write("rows.csv", text)
        let p = try CSVProfile.profile(path: path, display: "rows.csv", sample: 100)
        #expect(!p.dialect.header, "\(p.headerEvidence)")
        #expect(p.records == 500 && p.sampled == 100)
        #expect(p.columns.map(\.name) == ["1", "2", "3"])
        #expect(p.columns[1].profile.dates.first == "yyyy-MM-dd")
        #expect(p.columns[2].profile.isYesNo)
        #expect(p.columns[0].profile.values == 100, "values are profiled in the sample only")
        let shown = ProfileText.text(.csv(p), reveal: false)
        #expect(shown.contains("sampled:    the first 100 of 500 records"), "\(shown)")
    }

    /// Below ten values no miss is forgiven: one value that is no postcode is not "a defect".
    @Test func aFewValuesAreJudgedStrictly() {
        var one = ValueProfile()
        one.add("0040")
        #expect(one.postcode == nil && one.readings == ["integer"], "\(one.readings)")
        var two = ValueProfile()
        two.add("2017-12-31")
        two.add("morgen")
        #expect(two.dates == [])
        var many = ValueProfile()
        for i in 1...40 { many.add(i == 7 ? "morgen" : "2017-12-\(10 + i % 20)") }
        #expect(many.dates.first == "yyyy-MM-dd" && many.dateMisses("yyyy-MM-dd") == 1)
    }

    @Test func personalValuesAreMaskedUnlessRevealed() throws {
        let dir = TempDir("profile")
        let path = Self.tabFile(dir)
        let p = try CSVProfile.profile(path: path, display: "export.tsv", sample: 1000)
        let masked = ProfileText.text(.csv(p), reveal: false)
        let revealed = ProfileText.text(.csv(p), reveal: true)
        let first = Self.bsn(1)
        #expect(!masked.contains(first) && masked.contains("*****" + first.suffix(4)))
        #expect(revealed.contains(first))
        let json = ProfileText.json(.csv(p), reveal: false).text()
        #expect(!json.contains(first) && json.contains("\"personal\": true"))
    }

    @Test func aUTF16FileIsRefusedWithWhatToDo() throws {
        let dir = TempDir("profile")
        let path = dir.write("u16.csv", bytes: [0xFF, 0xFE] + Array("a;b\n1;2\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(throws: ProfileError.self) { try CSVProfile.profile(path: path, display: "u16.csv", sample: 10) }
        do { _ = try CSVProfile.profile(path: path, display: "u16.csv", sample: 10) } catch {
            #expect("\(error)".contains("UTF-16 little-endian (byte order mark): save the file as UTF-8"), "\(error)")
        }
    }

    /// XML: paths with counts, attributes, namespaces, and the records — a list of Melding
    /// elements (one per parent) and a repeated Persoon — but not the list elements or a single
    /// header element.
    @Test func anXMLFilesShape() throws {
        let dir = TempDir("profile")
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<b:Bestand xmlns:b=\"urn:test:b\" xmlns=\"urn:test:d\"><b:Kop aangemaakt=\"2024-01-31\"/>"
        for i in 1...30 {
            xml += "<Persoon id=\"P\(i)\"><Naam>Naam \(i)</Naam><Meldingen><Melding datum=\"2023\(String(format: "%02d", i % 12 + 1))15\">open</Melding></Meldingen></Persoon>"
        }
        xml += "</b:Bestand>"
        let path = dir.write("x.xml", xml)
        let p = try XMLProfile.profile(path: path, display: "x.xml", bytes: xml.utf8.count, sample: 1000)
        #expect(p.namespaces.map(\.uri) == ["urn:test:b", "urn:test:d"])
        let records = p.recordPaths.map { XMLProfile.text($0.path) }
        #expect(records == ["/b:Bestand/Persoon", "/b:Bestand/Persoon/Meldingen/Melding"], "\(records)")
        let melding = try #require(p.nodes.first { $0.path.last?.name.local == "Melding" })
        #expect(melding.count == 30)
        #expect(melding.attributes.first?.profile.dates.first == "yyyyMMdd")
        #expect(melding.text?.top(1).first?.value == "open")
    }

    @Test func anXMLFileWithADTDIsRefused() throws {
        let dir = TempDir("profile")
        let path = dir.write("dtd.xml", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>")
        #expect(throws: (any Error).self) { try XMLProfile.profile(path: path, display: "dtd.xml", bytes: 0, sample: 10) }
    }
}

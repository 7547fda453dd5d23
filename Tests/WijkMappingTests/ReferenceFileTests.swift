import Testing
import WijkModel
@testable import WijkMapping

/// Reference files (the postcode table, value-map files) take a declared dialect, and a header
/// that is one column holding another separator names the delimiter as the likely mistake.
/// Messages quote a header, never data.
struct ReferenceFileTests {
    static let mapping = clientMapping("bsn: BSN\nachternaam: Achternaam")

    func scenario(postcodes: String, table: String) -> Scenario {
        let migration = Scenario.migration.replacingOccurrences(of: "wijkteams:", with: "postcodes: \(postcodes)\nwijkteams:")
        let s = Scenario(mapping: Self.mapping, migration: migration)
        s.dir.write("pc.csv", table)
        return s
    }

    @Test func aPostcodeTableSeparatedByCommasNamesTheDelimiter() {
        let errors = scenario(postcodes: "pc.csv", table: "postcode,wijk\n9601,WK195201\n").errors()
        #expect(errors.map(\.message) == ["the postcode table needs the columns 'postcode', 'wijk'"])
        #expect(errors.first?.hint == "its header is one column that holds ',': the file is likely separated by ',', not ';'; declare its delimiter (header: postcode,wijk)")
    }

    @Test func aPostcodeTableWithADeclaredDialectAndColumnsLoads() throws {
        let s = scenario(postcodes: "{ file: pc.csv, delimiter: \",\", encoding: windows-1252, columns: { postcode: PC6, wijk: Wijkcode } }",
                         table: "PC6,Wijkcode\n9601AB,WK195201\n")
        #expect(s.errors() == [])
        #expect(try s.plan().postcodes.wijken == ["9601AB": "WK195201"])
    }

    @Test func aValueMapFileSeparatedByCommasNamesTheDelimiter() {
        let s = Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam\ngeslacht: { column: Geslacht, transforms: [{ map: g }] }",
                                                extra: "value_maps:\n  g: { file: g.csv, from: label, to: code }"))
        s.dir.write("g.csv", "label,code\nM,1\n")
        let errors = s.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("value map 'g': column 'label', 'code' is not in ") == true)
        #expect(errors.first?.hint?.hasPrefix("its header is one column that holds ','") == true)
    }

    @Test func aValueMapWhoseValueIsAListIsAMistake() {
        let errors = Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam\ngeslacht: { column: Geslacht, transforms: [{ map: g }] }",
                                                     extra: "value_maps:\n  g: { M: [\"1\"], V: \"2\" }")).errors()
        #expect(errors.map(\.message) == ["value map 'g': 'M' maps to a list or a mapping, not a code"])
    }

    /// CR-only line endings make the whole file one "header": the message must not carry it.
    @Test func noConfigurationMessageCarriesDataFromTheFile() {
        let clients = "Clientnr;BSN;Achternaam;Geb.datum\rC1;123456782;Bakker;01-02-1950\rC2;111222333;Visser;03-04-1961\r"
        let s = Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam"), clients: clients)
        let errors = s.errors()
        #expect(!errors.isEmpty)
        let text = errors.map { "\($0.message) \($0.hint ?? "")" }.joined(separator: "\n")
        for value in ["123456782", "Bakker", "01-02-1950", "Visser"] { #expect(!text.contains(value), "\(value) in: \(text)") }
        #expect(errors.map(\.message) == ["\(s.dir.path)/data/clienten.csv: its lines end in CR only (old Mac line endings), which this tool does not read"])
    }

    /// A headerless file mapped as if it had a header: its first line is data, never quoted.
    @Test func aFirstLineOfDataIsNotQuoted() {
        let clients = "C1;123456782;Bakker;01-02-1950;M\r\nC2;111222333;Visser;03-04-1961;V\r\n"
        let errors = Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam"), clients: clients).errors()
        #expect(errors.count == 2)
        let text = errors.map { "\($0.message) \($0.hint ?? "")" }.joined(separator: "\n")
        for value in ["123456782", "Bakker", "01-02-1950"] { #expect(!text.contains(value), "\(value) in: \(text)") }
        #expect(errors.first?.hint?.hasSuffix("its first line holds values that look like data (a BSN or a date), not column names: does the file have a header?") == true)
    }

    /// CBS's postcode-huisnummer table in its own layout: other gemeenten's rows skipped and
    /// counted, codes without WK/BU and with letters, a PC6 split over two wijken by huisnummer.
    @Test func theCBSPostcodeHuisnummerTable() throws {
        let migration = Scenario.migration
            .replacingOccurrences(of: "  - { code: WK195201, naam: Hoogezand }", with: "  - { code: WK195201, naam: Hoogezand }\n  - { code: WK1952AF, naam: Foxhol }")
            .replacingOccurrences(of: "wijken: [WK195201]", with: "wijken: [WK195201, WK1952AF]")
            .replacingOccurrences(of: "wijkteams:", with: "postcodes: { file: pc.csv, columns: { postcode: PC6, huisnummer: Huisnummer, buurt: Buurt2023, wijk: Wijk2023, gemeente: Gemeente2023 } }\nwijkteams:")
        let s = Scenario(mapping: Self.mapping, migration: migration)
        s.dir.write("pc.csv", """
            PC6;Huisnummer;Buurt2023;Wijk2023;Gemeente2023
            1011AB;1;03630000;036300;0363
            9601AB;1;19520101;195201;1952
            9601AB;3;1952AF01;1952AF;1952
            9601AC;2;19520102;195201;1952
            9601AC;4;19520102;195201;1952

            """)
        #expect(s.errors() == [])
        let plan = try s.plan()
        #expect(plan.postcodes.otherGemeenteRows == 1)
        let p = { (pc: String, n: Int) in plan.place(postcode: Postcode(pc)!, huisnummer: n) }
        #expect(p("9601AB", 1) == PostcodeIndex.Place(wijk: "WK195201", buurt: "BU19520101"))
        #expect(p("9601AB", 3) == PostcodeIndex.Place(wijk: "WK1952AF", buurt: "BU1952AF01"))
        #expect(p("9601AB", 5) == nil)                                   // a split PC6: only its listed addresses
        #expect(p("9601AC", 99) == PostcodeIndex.Place(wijk: "WK195201", buurt: "BU19520102"))   // one place: the PC6 decides
        #expect(p("1011AB", 1) == nil)                                   // another gemeente's row was skipped
    }

    @Test func aPostcodeTableFullOfMistakesIsReportedInBrief() {
        let rows = (1...25).map { "96\($0 + 10)XX;WK999999\n" }.joined()
        let errors = scenario(postcodes: "pc.csv", table: "postcode;wijk\n" + rows).errors()
        #expect(errors.count == 21)
        #expect(errors.last?.message == "5 more mistakes in the postcode table")
    }
}

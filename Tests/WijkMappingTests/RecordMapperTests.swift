import Testing
import WijkModel
@testable import WijkMapping

/// Mapping one record: column/constant/template sources, splits, transforms, value maps,
/// defaults, row filters and the per-field choice of what a bad value does.
struct RecordMapperTests {
    static let header = "nr;bsn;naam;adres;postcode;datum;fte;actief;soort"

    func entity(_ entityYAML: String, extra: String = "", defaults: String = "") throws -> CompiledEntity {
        let migration = Scenario.migration + (defaults.isEmpty ? "" : "\n    defaults:\n" + defaults)
        let mapping = """
            csv: { delimiter: ";" }
            \(extra)
            entities:
            \(entityYAML.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            """
        let scenario = Scenario(mapping: mapping, migration: migration, clients: Self.header + "\n")
        let errors = scenario.errors()
        #expect(errors == [])
        return try scenario.plan().sources[0].entities[0]
    }

    func map(_ e: CompiledEntity, _ line: String) -> MapOutcome {
        e.map(fields: line.split(separator: ";", omittingEmptySubsequences: false).map(String.init), location: .line(2), raw: RawText(line))
    }

    func mapped(_ e: CompiledEntity, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> MappedRecord? {
        switch map(e, line) {
        case .mapped(let r): return r
        case .rejected(let r):
            Issue.record("rejected: \(r.finding.rule.rawValue) \(r.finding.message(reveal: true))", sourceLocation: sourceLocation)
            return nil
        }
    }

    func rejected(_ e: CompiledEntity, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> Finding? {
        switch map(e, line) {
        case .mapped:
            Issue.record("mapped, expected a rejection", sourceLocation: sourceLocation)
            return nil
        case .rejected(let r):
            #expect(r.raw == line, sourceLocation: sourceLocation)
            return r.finding
        }
    }

    static let household = """
        huishouden:
          file: clienten.csv
          split:
            column: adres
            pattern: '^(\\d+)\\s*([A-Za-z]?)(?:[-\\s/]+(\\w{1,4}))?$'
            into: [nummer, letter, toev]
          fields:
            sleutel: { template: "{postcode}|{adres}" }
            huisnummer: nummer
            huisletter: { column: letter, transforms: [upper] }
            toevoeging: { column: toev, transforms: [upper] }
            postcode: postcode
            woonplaats: { const: Hoogezand }
        """

    @Test func splitTemplateConstantAndPostcode() throws {
        let e = try entity(Self.household)
        let r = mapped(e, "1;;;12a-2;9601 ab;;;;")
        #expect(r?.text("huisnummer") == "12")
        #expect(r?.text("huisletter") == "A")
        #expect(r?.text("toevoeging") == "2")
        #expect(r?.text("postcode") == "9601AB")
        #expect(r?.text("woonplaats") == "Hoogezand")
        #expect(r?.provenance.bronSleutel == "9601 ab|12a-2")
        #expect(mapped(e, "1;;;7;9601AB;;;;")?.text("huisletter") == nil)
    }

    @Test func splitThatDoesNotMatchRejectsWithTheValue() throws {
        let f = rejected(try entity(Self.household), "1;;;twaalf;9601AB;;;;")
        #expect(f?.rule.rawValue == "split_no_match")
        #expect(f?.veld == "sleutel" || f?.veld == "huisnummer")
        #expect(f?.provenance.locatie == .line(2))
    }

    /// An empty value is not a mismatch: its parts are empty, and a required field that needs one
    /// is reported as empty; a field that does not need one is loaded without it.
    @Test func anEmptyValueSplitsIntoEmptyParts() throws {
        let e = try entity(Self.household)
        let f = rejected(e, "1;;;;9601AB;;;;")
        #expect(f?.rule.rawValue == "required_field", "\(String(describing: f?.rule))")
        #expect(f?.veld == "huisnummer")
        let withDefault = try entity(Self.household.replacingOccurrences(of: "huisnummer: nummer", with: "huisnummer: { column: nummer, default: \"1\" }"))
        let r = mapped(withDefault, "1;;;  ;9601AB;;;;")
        #expect(r?.text("huisnummer") == "1")
        #expect(r?.text("huisletter") == nil && r?.text("toevoeging") == nil)
    }

    static let client = """
        client:
          file: clienten.csv
          fields:
            bsn: { column: bsn, transforms: [digits, { pad_left: 9 }] }
            achternaam: { column: naam, transforms: [trim] }
            geboortedatum: { column: datum, date: [dd-MM-yyyy, d/M/yyyy, yyyyMMdd] }
            geslacht: { column: soort, transforms: [{ map: geslacht }], on_error: empty, default: "0" }
        """
    static let maps = "value_maps:\n  geslacht: { M: \"1\", V: \"2\" }"

    @Test func bsnLeadingZeroDatePatternsAndValueMap() throws {
        let e = try entity(Self.client, extra: Self.maps)
        let r = mapped(e, "1;12345674;  de Vries ;;;3/4/1950;;;V")
        #expect(r?.text("bsn") == "012345674")
        #expect(r?.text("achternaam") == "de Vries")
        #expect(r?.text("geboortedatum") == "1950-04-03")
        #expect(r?.text("geslacht") == "2")
        #expect(mapped(e, "1;123456782;X;;;19500403;;;M")?.text("geboortedatum") == "1950-04-03")
        #expect(mapped(e, "1;123456782;X;;;03-04-1950;;;M")?.text("geboortedatum") == "1950-04-03")
    }

    @Test func dateThatDoesNotExistRejectsAndMasksTheValue() throws {
        let f = rejected(try entity(Self.client, extra: Self.maps), "1;123456782;X;;;31-02-1950;;;M")
        #expect(f?.rule.rawValue == "date_exists")
        #expect(f?.veld == "geboortedatum")
        #expect(f?.message(reveal: false) == "not a date that exists in the pattern dd-MM-yyyy or d/M/yyyy or yyyyMMdd: '(masked)'")
        #expect(f?.message(reveal: true).hasSuffix("'31-02-1950'") == true)
    }

    @Test func badBSNRejectsMasked() throws {
        let f = rejected(try entity(Self.client, extra: Self.maps), "1;1234567890;X;;;;;;M")
        #expect(f?.rule.rawValue == "bsn_format")
        #expect(f?.message(reveal: false) == "a BSN is 9 digits: '**********'")
    }

    @Test func unmappedValueWithOnErrorEmptyLoadsEmptyWithAWarning() throws {
        let r = mapped(try entity(Self.client, extra: Self.maps), "1;123456782;X;;;;;;Q")
        #expect(r?["geslacht"] == nil)
        #expect(r?.warnings.map(\.rule.rawValue) == ["value_unmapped"])
        #expect(r?.warnings.first?.severity == .warning)
        #expect(r?.warnings.first?.veld == "geslacht")
    }

    @Test func emptyValueTakesTheDefault() throws {
        #expect(mapped(try entity(Self.client, extra: Self.maps), "1;123456782;X;;;;;;")?.text("geslacht") == "0")
    }

    @Test func sourceDefaultsFromTheMigrationFileFillUnmappedFields() throws {
        let e = try entity(Self.client, extra: Self.maps, defaults: "      client: { voorletters: X }")
        #expect(mapped(e, "1;123456782;X;;;;;;")?.text("voorletters") == "X")
    }

    @Test func requiredFieldEmptyRejects() throws {
        let f = rejected(try entity(Self.client, extra: Self.maps), "1;123456782; ;;;;;;M")
        #expect(f?.rule.rawValue == "required_field")
        #expect(f?.veld == "achternaam")
    }

    @Test func raggedRowRejects() throws {
        let f = rejected(try entity(Self.client, extra: Self.maps), "1;123456782;X;;;;;;M;extra")
        #expect(f?.rule.rawValue == "csv_ragged")
        #expect(f?.melding == "the row has 10 fields where the header has 9")
    }

    static let staff = """
        medewerker:
          file: clienten.csv
          filter: [{ column: actief, not_in: [nee, N] }, { column: nr, empty: false }]
          fields:
            sleutel: nr
            achternaam: naam
            fte: { column: fte, decimal: comma }
            dienstverband: { column: soort, transforms: [{ boolean: { true: gedetacheerd, false: in_dienst } }] }
        """

    @Test func decimalCommaAndBooleanWords() throws {
        let e = try entity(Self.staff)
        let r = mapped(e, "7;;Smit;;;;0,89;ja;J")
        #expect(r?["fte"] == .decimal(0.89))
        #expect(r?.text("dienstverband") == "gedetacheerd")
        #expect(mapped(e, "7;;Smit;;;;1;ja;nee")?.text("dienstverband") == "in_dienst")
        #expect(rejected(e, "7;;Smit;;;;0.89;ja;J")?.rule.rawValue == "value_unparseable")
        #expect(rejected(e, "7;;Smit;;;;1;ja;misschien")?.rule.rawValue == "value_unparseable")
    }

    @Test func rowFiltersRejectWithTheirOwnRule() throws {
        let e = try entity(Self.staff)
        #expect(rejected(e, "7;;Smit;;;;1;nee;J")?.rule.rawValue == "row_filter")
        #expect(rejected(e, ";;Smit;;;;1;ja;J")?.rule.rawValue == "row_filter")
    }

    @Test func codeListAndLengthLimits() throws {
        let e = try entity("""
            voorziening:
              file: clienten.csv
              fields:
                sleutel: nr
                bsn: bsn
                wet: soort
                productcode: naam
            """)
        #expect(mapped(e, "1;123456782;01A01;;;;;;wmo")?.text("wet") == "wmo")
        #expect(rejected(e, "1;123456782;01A01;;;;;;Wmo")?.rule.rawValue == "wet_code")
        #expect(rejected(e, "1;123456782;01A01XX;;;;;;wmo")?.rule.rawValue == "value_too_long")
    }
}

struct DatePatternTests {
    @Test func theISOPatternIsTheCompiledOne() throws {
        #expect(DatePattern.iso == (try DatePattern.compile("yyyy-MM-dd").get()))
        #expect(DatePattern.iso.parse("2024-02-29")?.iso == "2024-02-29")
        #expect(DatePattern.iso.parse("2024-2-29") == nil)
    }

    @Test func timePartsAreReadAndIgnored() throws {
        let p = try DatePattern.compile("dd-MM-yyyy HH:mm:ss").get()
        #expect(p.parse("01-02-2017 00:00:00")?.iso == "2017-02-01")
        #expect(p.parse("01-02-2017") == nil)
    }
}

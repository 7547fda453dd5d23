import Testing
@testable import WijkMapping

/// Every kind of mistake in a mapping or migration file fails before any data is read, with
/// file:line:column and a suggestion.
struct MappingMistakeTests {
    func only(_ errors: [ConfigError], sourceLocation: SourceLocation = #_sourceLocation) -> ConfigError? {
        #expect(errors.count == 1, "expected one error, got \(errors)", sourceLocation: sourceLocation)
        return errors.first
    }

    @Test func aCorrectMappingLoads() throws {
        let scenario = Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam\ngeboortedatum: { column: Geb.datum, date: dd-MM-yyyy }"))
        #expect(scenario.errors() == [])
        let plan = try scenario.plan()
        #expect(plan.sources.map(\.name) == ["hs"])
        #expect(plan.sources[0].entities.map(\.entity) == [.client])
    }

    @Test func unknownEntity() {
        let mapping = """
            entities:
              clienten:
                file: clienten.csv
                fields: { bsn: BSN }
            """
        let e = only(Scenario(mapping: mapping).errors())
        #expect(e?.file.hasSuffix("mapping.yml") == true)
        #expect((e?.line, e?.column) == (2, 3))
        #expect(e?.message == "unknown entity 'clienten'")
        #expect(e?.hint == "did you mean 'client'?")
    }

    @Test func unknownFieldWithANearMiss() {
        let e = only(Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam\ngeboortedatun: Geb.datum")).errors())
        #expect((e?.line, e?.column) == (9, 7))
        #expect(e?.message == "unknown field 'geboortedatun' for client")
        #expect(e?.hint == "did you mean 'geboortedatum'?")
    }

    @Test func unknownColumnListsTheHeader() {
        let e = only(Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam\ngeboortedatum: Geb.datum2x")).errors())
        #expect((e?.line, e?.column) == (9, 22))
        #expect(e?.message == "column 'Geb.datum2x' is not in clienten.csv")
        #expect(e?.hint?.contains("its header has: 'Clientnr', 'BSN', 'Achternaam', 'Geb.datum', 'Geslacht'") == true)
    }

    @Test func unknownTransform() {
        let e = only(Scenario(mapping: clientMapping("bsn: { column: BSN, transforms: [trim, digit] }\nachternaam: Achternaam")).errors())
        #expect((e?.line, e?.column) == (7, 46))
        #expect(e?.message == "unknown transform 'digit'")
        #expect(e?.hint == "did you mean 'digits'?")
    }

    @Test func badDatePatternMinutesForMonths() {
        let e = only(Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam\ngeboortedatum: { column: Geb.datum, date: dd-mm-yyyy }")).errors())
        #expect((e?.line, e?.column) == (9, 49))
        #expect(e?.message == "bad date pattern 'dd-mm-yyyy': 'mm' means minutes")
        #expect(e?.hint == "write the month as 'MM'")
    }

    @Test func badDatePatternTwoDigitYear() {
        let e = only(Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam\ngeboortedatum: { column: Geb.datum, date: [dd-MM-yyyy, dd-MM-yy] }")).errors())
        #expect(e?.message == "bad date pattern 'dd-MM-yy': a two-digit year needs a pivot")
        #expect(e?.hint == "declare it: date: dd-MM-yy, pivot: 1930 (29 → 2029, 30 → 1930)")
    }

    @Test func missingValueMap() {
        let mapping = clientMapping("bsn: BSN\nachternaam: Achternaam\ngeslacht: { column: Geslacht, transforms: [{ map: geslagt }] }",
                                    extra: "value_maps:\n  geslacht: { M: \"1\", V: \"2\" }")
        let e = only(Scenario(mapping: mapping).errors())
        #expect((e?.line, e?.column) == (10, 57))
        #expect(e?.message == "value map 'geslagt' is not defined")
        #expect(e?.hint == "did you mean 'geslacht'?")
    }

    @Test func valueMapFileThatIsNotThere() {
        let mapping = clientMapping("bsn: BSN\nachternaam: Achternaam", extra: "value_maps:\n  product: { file: producten.csv }")
        let e = only(Scenario(mapping: mapping).errors())
        #expect(e?.line == 3)
        #expect(e?.message.hasPrefix("value map 'product': cannot read") == true)
    }

    @Test func duplicateYAMLKey() {
        let e = only(Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam\nbsn: BSN")).errors())
        #expect(e?.message == "duplicate key 'bsn' in one mapping")
        #expect(e?.line == 7)
        #expect(e?.hint?.contains("a key may appear once") == true)
    }

    @Test func yamlSyntaxError() {
        let e = only(Scenario(mapping: "entities:\n  client:\n    file: [clienten.csv\n").errors())
        #expect(e?.message.hasPrefix("YAML syntax:") == true)
        #expect(e?.file.hasSuffix("mapping.yml") == true)
    }

    @Test func requiredFieldNotMapped() {
        let e = only(Scenario(mapping: clientMapping("achternaam: Achternaam")).errors())
        #expect(e?.message == "client needs the field 'bsn'")
        #expect(e?.hint == "add 'bsn: <column>' under fields")
    }

    @Test func unknownEncoding() {
        let mapping = "csv: { delimiter: \";\", encoding: windows-1525 }\n" + clientMapping("bsn: BSN\nachternaam: Achternaam").split(separator: "\n").dropFirst().joined(separator: "\n")
        let e = only(Scenario(mapping: mapping).errors())
        #expect((e?.line, e?.column) == (1, 34))
        #expect(e?.message == "unknown encoding 'windows-1525'")
        #expect(e?.hint == "did you mean 'windows-1252'?")
    }

    @Test func unknownKeyInAField() {
        let errors = Scenario(mapping: clientMapping("bsn: { colum: BSN }\nachternaam: Achternaam")).errors()
        #expect(errors.map(\.message) == [
            "unknown key 'colum' in field 'bsn'",
            "field 'bsn' needs exactly one of 'column', 'const' or 'template'",
            "client needs the field 'bsn'",
        ])
        #expect(errors.first?.hint == "did you mean 'column'?")
        #expect((errors.first?.line, errors.first?.column) == (7, 14))
    }

    /// Every mistake of a file is reported in one run. (Columns are checked once the mapping
    /// file itself is right, since a column belongs to a field that must be understood first.)
    @Test func everyMistakeIsReportedAtOnce() {
        let errors = Scenario(mapping: clientMapping("bsn: { column: BSN, transforms: [trimm] }\nachternaam: Achternam\ngeboortedatum: { column: Geb.datum, date: yyyy-MM }")).errors()
        #expect(errors.map(\.message).sorted() == [
            "bad date pattern 'yyyy-MM': a date pattern needs exactly one year (yyyy or yy), one month (MM or M) and one day (dd or d)",
            "unknown transform 'trimm'",
        ])
    }

    @Test func migrationFileTeamThatIsNoWijkteam() {
        let migration = Scenario.migration.replacingOccurrences(of: "HS-N: wt-hoogezand", with: "HS-N: wt-hogezand")
        let e = only(Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam"), migration: migration).errors())
        #expect(e?.file.hasSuffix("migratie.yml") == true)
        #expect((e?.line, e?.column) == (12, 20))
        #expect(e?.message == "wijkteam 'wt-hogezand' is not in 'wijkteams'")
        #expect(e?.hint == "did you mean 'wt-hoogezand'?")
    }

    @Test func migrationFileMissingMappingAndFolder() {
        let migration = Scenario.migration.replacingOccurrences(of: "mapping: mapping.yml", with: "mapping: nothere.yml")
        let e = only(Scenario(mapping: "", migration: migration).errors())
        #expect(e?.message.hasPrefix("cannot read the mapping file") == true)
        #expect((e?.line, e?.column) == (10, 14))
    }

    @Test func wijkCodeOfAnotherGemeente() {
        let migration = Scenario.migration.replacingOccurrences(of: "code: WK195201, naam", with: "code: WK001801, naam")
        let errors = Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam"), migration: migration).errors()
        #expect(errors.first?.message == "wijk code 'WK001801' is not WK + the gemeente's four digits + two digits or capital letters")
    }

    @Test func errorDescriptionIsCompilerStyle() {
        let e = ConfigError(file: "mappings/x.yml", line: 3, column: 7, message: "unknown field 'x' for client", hint: "did you mean 'y'?")
        #expect(e.description == "mappings/x.yml:3:7: error: unknown field 'x' for client\n  hint: did you mean 'y'?")
    }
}

import Foundation
import Testing
@testable import WijkMapping

/// Configuration that used to be accepted and then trapped or did nothing: each is a mistake
/// with file:line:column before any data is read.
struct ConfigurationMistakeTests {
    func messages(_ mapping: String, migration: String = Scenario.migration) -> [String] {
        Scenario(mapping: mapping, migration: migration).errors().map(\.message)
    }

    @Test func aSplitIntoNoPartsIsRefused() {
        let mapping = """
            csv: { delimiter: ";" }
            entities:
              client:
                file: clienten.csv
                split: { column: Achternaam, separator: " ", into: [] }
                fields: { bsn: BSN, achternaam: Achternaam }
            """
        #expect(messages(mapping) == ["'into' names no parts"])
    }

    @Test(arguments: ["[[Geannuleerd]]", "{ Geannuleerd: 1 }"])
    func aFilterWordThatIsNotATextIsRefused(words: String) {
        let mapping = clientMapping("bsn: BSN\nachternaam: Achternaam").replacingOccurrences(
            of: "file: clienten.csv", with: "file: clienten.csv\n    filter: { column: Geslacht, not_in: \(words) }")
        let found = messages(mapping)
        #expect(found.count == 1 && found.first?.hasSuffix("must be a text value") == true, "\(found)")
    }

    @Test func wijkenAndWijkteamsThatLeaveHouseholdsWithoutAWijkteam() {
        let noWijken = Scenario.migration.replacingOccurrences(of: "wijken:\n  - { code: WK195201, naam: Hoogezand }", with: "wijken: []")
            .replacingOccurrences(of: "wijken: [WK195201]", with: "wijken: []")
        #expect(messages(clientMapping("bsn: BSN\nachternaam: Achternaam"), migration: noWijken)
                == ["'wijken' lists no wijk: every household would be in no wijk and no wijkteam", "wijkteam 'wt-hoogezand' serves no wijk"])
        let twice = Scenario.migration.replacingOccurrences(of: "wijken: [WK195201]", with: "wijken: [WK195201, WK195201]")
        #expect(messages(clientMapping("bsn: BSN\nachternaam: Achternaam"), migration: twice) == ["wijk 'WK195201' is listed twice for wijkteam 'wt-hoogezand'"])
        let unserved = Scenario.migration.replacingOccurrences(of: "  - { code: WK195201, naam: Hoogezand }",
                                                               with: "  - { code: WK195201, naam: Hoogezand }\n  - { code: WK195202, naam: Sappemeer }")
        #expect(messages(clientMapping("bsn: BSN\nachternaam: Achternaam"), migration: unserved)
                == ["no wijkteam serves WK195202: its households would have no wijkteam"])
    }

    @Test func anAbsoluteMappingPathIsTakenAsItIs() throws {
        let elsewhere = Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam"))
        let absolute = Scenario.migration.replacingOccurrences(of: "mapping: mapping.yml", with: "mapping: \(elsewhere.dir.path)/mapping.yml")
        let s = Scenario(mapping: "this file is not the one used", migration: absolute)
        #expect(s.errors() == [])
    }

    /// A mistake in a source's mapping is reported once: the decisions that name the source are
    /// not flagged as naming no source.
    @Test func aMappingMistakeIsNotEchoedByTheDecisions() {
        let migration = Scenario.migration + "\nbesluiten: besluiten.yml\n"
        let s = Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam\ngeboortedatun: Geb.datum"), migration: migration)
        s.dir.write("besluiten.yml", "Kc009a07e3880:\n  kies: hs\n  wie: X\n  waarom: Y\n")
        #expect(s.errors().map(\.message) == ["unknown field 'geboortedatun' for client"])
    }
}

/// An input that is a FIFO is refused with one message instead of hanging the run.
struct NonRegularInputTests {
    @Test(.timeLimit(.minutes(1))) func aFIFOIsRefused() throws {
        let s = Scenario(mapping: clientMapping("bsn: BSN\nachternaam: Achternaam"))
        let path = s.dir.path + "/data/clienten.csv"
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        let errors = s.errors()
        #expect(errors.map(\.message) == ["\(path) is a FIFO (named pipe), not a file"])
    }
}

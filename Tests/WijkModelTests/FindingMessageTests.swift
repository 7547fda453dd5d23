import Testing
import WijkModel

/// What a finding's message quotes: never a BSN unmasked, wherever a source put it, and never a
/// whole huge value.
struct FindingMessageTests {
    func finding(_ field: String, _ value: String, personal: Bool = false) -> Finding {
        Finding(severity: .error, rule: .postcodeFormat, entiteit: .huishouden,
                provenance: Provenance(bron: "a", bestand: "a.csv", locatie: .line(2), bronSleutel: nil),
                veld: field, melding: "not a Dutch postcode (1234 AB)", waarde: value, waardeIsPersoonlijk: personal)
    }

    @Test(arguments: ["123456782", "BSN 123456782", "123456782-A"])
    func aBSNInTheWrongColumnIsMasked(value: String) {
        let message = finding("postcode", value).message(reveal: false)
        #expect(!message.contains("123456782"), "\(message)")
        #expect(message.contains("*****6782"))
        #expect(finding("postcode", value).message(reveal: true).contains("123456782"))
    }

    @Test func aHugeValueIsQuotedByABoundedPrefix() {
        let message = finding("straat", String(repeating: "x", count: 1_000_000)).message(reveal: false)
        #expect(message == "not a Dutch postcode (1234 AB): '\(String(repeating: "x", count: 80))…' (1000000 characters)")
    }
}

import Testing
@testable import WijkModel

struct BSNTests {
    @Test(arguments: ["123456782", "111222333", "000000012"])
    func passesElfproef(_ text: String) {
        #expect(BSN(text)?.passesElfproef == true)
    }

    @Test(arguments: ["123456781", "111222334"])
    func failsElfproef(_ text: String) {
        #expect(BSN(text)?.passesElfproef == false)
    }

    @Test(arguments: ["12345678", "1234567890", "12345678a", "", " 23456782", "１２３４５６７８２"])
    func isNotABSN(_ text: String) {
        #expect(BSN(text) == nil)
    }

    @Test func descriptionIsMaskedSoItCannotLeak() {
        let bsn = BSN("123456782")!
        #expect("\(bsn)" == "*****6782")
        #expect(bsn.value == "123456782")
        #expect(Masking.bsn("12345") == "*****")
    }

    @Test func testRange() {
        #expect(BSN("999900006")!.isTestNumber)
        #expect(!BSN("123456782")!.isTestNumber)
    }
}

struct PostcodeTests {
    @Test(arguments: [("1234AB", "1234AB"), ("1234 ab", "1234AB"), (" 9601 Ab ", "9601AB")])
    func normalises(_ input: String, _ expected: String) {
        #expect(Postcode(input)?.value == expected)
    }

    @Test(arguments: ["0123AB", "123AB", "1234A", "12345B", "1234 A B", "96A1 BC", "", "1234ÄB"])
    func rejects(_ input: String) {
        #expect(Postcode(input) == nil)
    }
}

struct CivilDateTests {
    @Test func onlyDatesThatExist() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2020, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2020, month: 13, day: 1) == nil)
        #expect(CivilDate(iso: "1950-05-01")?.iso == "1950-05-01")
        #expect(CivilDate(iso: "1950-5-1") == nil)
    }
}

struct FindingTests {
    @Test func personalValuesAreMaskedUnlessRevealed() {
        let p = Provenance(bron: "a", bestand: "x.csv", locatie: .line(3), bronSleutel: nil)
        let f = Finding(severity: .error, rule: .bsnFormat, entiteit: .client, provenance: p, veld: "bsn", melding: "bad", waarde: "123456782", waardeIsPersoonlijk: true)
        #expect(f.message(reveal: false) == "bad: '*****6782'")
        #expect(f.message(reveal: true) == "bad: '123456782'")
        let name = Finding(severity: .error, rule: .bsnFormat, entiteit: .client, provenance: p, veld: "achternaam", melding: "bad", waarde: "Jansen", waardeIsPersoonlijk: true)
        #expect(name.message(reveal: false) == "bad: '(masked)'")
    }

    @Test func countsBalance() {
        #expect(Counts(read: 5, loaded: 3, merged: 1, rejected: 1).balances)
        #expect(!Counts(read: 5, loaded: 3, merged: 1, rejected: 0).balances)
    }
}

struct MaskingTests {
    @Test func nineDigitRunsThatStandAloneAreMasked() {
        #expect(Masking.keys("123456782/45", reveal: false) == "*****6782/45")
        #expect(Masking.keys("client 123456782: differs", reveal: false) == "client *****6782: differs")
        #expect(Masking.keys("K207511533fc9", reveal: false) == "K207511533fc9")
        #expect(Masking.keys("hoogezand-sappemeer/100002", reveal: false) == "hoogezand-sappemeer/100002")
        #expect(Masking.keys("123456782", reveal: true) == "123456782")
    }
}

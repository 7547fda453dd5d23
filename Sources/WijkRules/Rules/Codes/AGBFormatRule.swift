import WijkModel

extension Rule {
    static let agbFormat = Rule(
        id: .agbFormat, name: "An AGB code is eight digits",
        rationale: "An aanbieder is identified by its AGB code of eight digits (iStandaarden LDT_AgbCode); the prefix is not checked, as it is not authoritative.",
        severity: .error,
        kind: .record(entities: [.voorziening]) { record, _ in
            guard let agb = record.text("aanbieder") else { return nil }
            if agb.count == 8, agb.allSatisfy({ $0.isASCII && $0.isNumber }) { return nil }
            return Violation(field: "aanbieder", message: "an AGB code is 8 digits", value: agb)
        },
        examples: [
            .passes(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "aanbieder": "41012345"]),
            .passes(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "aanbieder": "4101234"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "aanbieder": "LA0994"]),
        ])
}

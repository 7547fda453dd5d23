import WijkModel

extension Rule {
    static let eenheidCode = Rule(
        id: .eenheidCode, name: "An eenheid is in its code list",
        rationale: "The unit of a volume is one of 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82 stuks (output), 83 euro's, 84 stuks (inspanning); map vendor labels to these codes.",
        severity: .error,
        kind: .record(entities: [.voorziening]) { record, _ in
            guard let code = record.text("eenheid"), !CodeLists.eenheid.contains(code) else { return nil }
            return Violation(field: "eenheid", message: "not an eenheid of the code list (01, 04, 14, 16, 82, 83, 84)", value: code)
        },
        examples: [
            .passes(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "eenheid": "04"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "eenheid": "05"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "eenheid": "4"]),
        ])
}

import WijkModel

extension Rule {
    static let frequentieCode = Rule(
        id: .frequentieCode, name: "A frequentie is in its code list",
        rationale: "The frequency of a volume is 1 per dag, 2 per week, 4 per maand or 6 totaal; older codes (per 4 weken, per jaar) need translating in the mapping.",
        severity: .error,
        kind: .record(entities: [.voorziening]) { record, _ in
            guard let code = record.text("frequentie"), !CodeLists.frequentie.contains(code) else { return nil }
            return Violation(field: "frequentie", message: "not a frequentie of the code list (1, 2, 4, 6)", value: code)
        },
        examples: [
            .passes(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "frequentie": "2"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "frequentie": "3"]),
        ])
}

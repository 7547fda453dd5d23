import WijkModel

extension Rule {
    static let fteRange = Rule(
        id: .fteRange, name: "An FTE is between 0 and 1.2",
        rationale: "A contract of more than 1.2 FTE does not exist; a value like 36 is hours per week, or 89 a percentage — correct the mapping.",
        severity: .error,
        kind: .record(entities: [.medewerker]) { record, _ in
            guard case .decimal(let fte)? = record["fte"], !(0...1.2).contains(fte) else { return nil }
            return Violation(field: "fte", message: "an FTE is between 0 and 1.2", value: record.text("fte"))
        },
        examples: [
            .passes(.medewerker, ["sleutel": "1", "achternaam": "Smit", "fte": "0.89"]),
            .passes(.medewerker, ["sleutel": "1", "achternaam": "Smit", "fte": "1.2"]),
            .fails(.medewerker, ["sleutel": "1", "achternaam": "Smit", "fte": "36"]),
            .fails(.medewerker, ["sleutel": "1", "achternaam": "Smit", "fte": "-0.5"]),
        ])
}

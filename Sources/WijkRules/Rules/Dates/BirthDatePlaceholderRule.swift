import WijkModel

extension Rule {
    static let birthDatePlaceholder = Rule(
        id: .birthDatePlaceholder, name: "A birth date is the 1900-01-01 placeholder",
        rationale: "Sources write 1900-01-01 when the birth date is unknown (iStandaarden IV009); it is loaded, but it is not a real date and other sources may know better.",
        severity: .warning,
        kind: .record(entities: [.client]) { record, _ in
            guard case .date(let date)? = record["geboortedatum"], date.year == 1900, date.month == 1, date.day == 1 else { return nil }
            return Violation(field: "geboortedatum", message: "the birth date is the placeholder 1900-01-01 (unknown)")
        },
        examples: [
            .passes(.client, ["bsn": "123456782", "achternaam": "Bakker", "geboortedatum": "1950-05-01"]),
            .passes(.client, ["bsn": "123456782", "achternaam": "Bakker"]),
            .fails(.client, ["bsn": "123456782", "achternaam": "Bakker", "geboortedatum": "1900-01-01"]),
        ])
}

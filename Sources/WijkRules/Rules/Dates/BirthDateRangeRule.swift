import WijkModel

extension Rule {
    static let birthDateRange = Rule(
        id: .birthDateRange, name: "A birth date is not after the peildatum nor before 1900",
        rationale: "Nobody in the exports is born after the migration's peildatum or before 1900; such a date is a typing error (1900-01-01 itself is the placeholder for an unknown date).",
        severity: .error,
        kind: .record(entities: [.client]) { record, context in
            guard case .date(let date)? = record["geboortedatum"] else { return nil }
            if date > context.peildatum {
                return Violation(field: "geboortedatum", message: "the birth date is after the peildatum", value: date.iso, personal: true)
            }
            if date.year < 1900 {
                return Violation(field: "geboortedatum", message: "the birth date is before 1900", value: date.iso, personal: true)
            }
            return nil
        },
        examples: [
            .passes(.client, ["bsn": "123456782", "achternaam": "Bakker", "geboortedatum": "1950-05-01"]),
            .passes(.client, ["bsn": "123456782", "achternaam": "Bakker", "geboortedatum": "1900-01-01"]),
            .fails(.client, ["bsn": "123456782", "achternaam": "Bakker", "geboortedatum": "2999-01-01"]),
            .fails(.client, ["bsn": "123456782", "achternaam": "Bakker", "geboortedatum": "1899-12-31"]),
        ])
}

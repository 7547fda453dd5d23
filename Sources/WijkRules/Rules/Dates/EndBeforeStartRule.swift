import WijkModel

extension Rule {
    /// The (start, end) pairs of each entity.
    static let periods: [Entity: (String, String)] = [
        .plan: ("startdatum", "einddatum"),
        .voorziening: ("begindatum", "einddatum"),
        .hulpvraag: ("meldingsdatum", "afgesloten_op"),
        .activiteit: ("startdatum", "einddatum"),
    ]

    static let endBeforeStart = Rule(
        id: .endBeforeStart, name: "An end date is not before its start date",
        rationale: "A period that ends before it starts cannot be delivered or counted; one of the two dates is wrong.",
        severity: .error,
        kind: .record(entities: Set(periods.keys)) { record, _ in
            guard let (startField, endField) = periods[record.entity],
                  case .date(let start)? = record[startField], case .date(let end)? = record[endField], end < start else { return nil }
            return Violation(field: endField, message: "\(endField) \(end.iso) is before \(startField) \(start.iso)")
        },
        examples: [
            .passes(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "begindatum": "2024-01-01", "einddatum": "2024-12-31"]),
            .passes(.plan, ["sleutel": "1", "huishouden": "h", "startdatum": "2024-01-01", "einddatum": "2024-01-01"]),
            .passes(.plan, ["sleutel": "1", "huishouden": "h", "startdatum": "2024-01-01"]),
            .fails(.voorziening, ["sleutel": "1", "bsn": "123456782", "wet": "wmo", "begindatum": "2024-01-01", "einddatum": "2023-12-31"]),
            .fails(.hulpvraag, ["sleutel": "1", "bsn": "123456782", "meldingsdatum": "2024-03-01", "afgesloten_op": "2024-02-01"]),
        ])
}

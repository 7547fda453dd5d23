import WijkModel

extension Rule {
    static let dateExists = Rule(
        id: .dateExists, name: "A date exists",
        rationale: "A date like 31-02-1950 or month 13 is a typing error; it is never loaded as some other date.",
        severity: .error,
        kind: .format(fields: Entity.allCases.flatMap { e in e.fields.filter { $0.kind == .date }.map { FieldRef(e, $0.name) } },
                      accepts: { CivilDate(iso: $0) != nil }),
        examples: [.passes("2024-02-29"), .passes("1950-05-01"), .fails("2023-02-29"), .fails("1950-13-01"), .fails("1950-04-31")])
}

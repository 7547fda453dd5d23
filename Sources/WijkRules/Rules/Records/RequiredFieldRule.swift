import WijkModel

extension Rule {
    static let requiredField = Rule(
        id: .requiredField, name: "A required field has a value",
        rationale: "A client without BSN or achternaam, a household without postcode and huisnummer, a voorziening without BSN or law cannot be placed, merged or paid.",
        severity: .error,
        kind: .format(fields: Entity.allCases.flatMap { e in e.fields.filter(\.required).map { FieldRef(e, $0.name) } },
                      accepts: { !$0.trimmingASCIISpaces().isEmpty }),
        examples: [.passes("Bakker"), .fails(""), .fails("   ")])
}

import WijkModel

extension Rule {
    static let huisnummerPositive = Rule(
        id: .huisnummerPositive, name: "A huisnummer is a positive number",
        rationale: "A house number is a whole number from 1 to 99999 (iStandaarden LDT_Huisnummer); letters and additions go in huisletter and toevoeging (split them in the mapping).",
        severity: .error,
        kind: .format(fields: [FieldRef(.huishouden, "huisnummer")], accepts: { Int($0).map { (1...99999).contains($0) } ?? false }),
        examples: [.passes("12"), .passes("99999"), .fails("0"), .fails("12a"), .fails("-3")])
}

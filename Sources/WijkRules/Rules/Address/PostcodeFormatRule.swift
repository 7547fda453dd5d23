import WijkModel

extension Rule {
    static let postcodeFormat = Rule(
        id: .postcodeFormat, name: "A postcode is 1234 AB",
        rationale: "A Dutch postcode is four digits (not starting with 0) and two letters (iStandaarden CS089); it is stored as 1234AB, whatever the spacing and case in the source.",
        severity: .error,
        kind: .format(fields: [FieldRef(.huishouden, "postcode")], accepts: { Postcode($0) != nil }),
        examples: [.passes("9601AB"), .passes("9601 ab"), .fails("0601AB"), .fails("96A1 BC"), .fails("9601")])
}

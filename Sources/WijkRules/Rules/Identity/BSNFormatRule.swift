import WijkModel

extension Rule {
    static let bsnFormat = Rule(
        id: .bsnFormat, name: "A BSN is nine digits",
        rationale: "The BSN is a 9-character string (iStandaarden LDT_BurgerServicenummer); a shorter one lost its leading zero (pad it in the mapping) or is not a BSN.",
        severity: .error,
        kind: .format(fields: [FieldRef(.client, "bsn"), FieldRef(.hulpvraag, "bsn"), FieldRef(.voorziening, "bsn")],
                      accepts: { BSN($0) != nil }),
        examples: [.passes("123456782"), .passes("012345672"), .fails("12345678"), .fails("12345678A"), .fails("1234567890")])
}

import WijkModel

extension Rule {
    static let geslachtCode = Rule(
        id: .geslachtCode, name: "A geslacht is 0, 1 or 2",
        rationale: "Geslacht is coded 0 onbekend, 1 man, 2 vrouw (iStandaarden); vendor labels (M/V, man/vrouw) are translated with a value map.",
        severity: .error,
        kind: .format(fields: [FieldRef(.client, "geslacht")], accepts: { ["0", "1", "2"].contains($0) }),
        examples: [.passes("0"), .passes("2"), .fails("V"), .fails("3")])
}

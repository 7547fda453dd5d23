import WijkModel

extension Rule {
    static let dienstverbandCode = Rule(
        id: .dienstverbandCode, name: "A dienstverband is in_dienst or gedetacheerd",
        rationale: "Staff of a wijkteam are employed by the gemeente or seconded from a mother organisation; the store keeps which.",
        severity: .error,
        kind: .format(fields: [FieldRef(.medewerker, "dienstverband")], accepts: { ["in_dienst", "gedetacheerd"].contains($0) }),
        examples: [.passes("in_dienst"), .passes("gedetacheerd"), .fails("J"), .fails("extern")])
}

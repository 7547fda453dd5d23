import WijkModel

extension Rule {
    static let wetCode = Rule(
        id: .wetCode, name: "A wet is wmo, jeugdwet or participatiewet",
        rationale: "Every voorziening is granted under one law; numbers like the toewijzingnummer are unique only within one gemeente and one law (OP275).",
        severity: .error,
        kind: .format(fields: [FieldRef(.voorziening, "wet")], accepts: { ["wmo", "jeugdwet", "participatiewet"].contains($0) }),
        examples: [.passes("wmo"), .passes("jeugdwet"), .fails("WMO"), .fails("wlz")])
}

import WijkModel

// References to records that must exist. The merge checks them (it knows every source's keys);
// an orphan is rejected, and so is whatever depends on it. Each rule's examples say which keys
// exist and which reference passes.

extension Rule {
    static let referenceHuishouden = Rule(
        id: .referenceHuishouden, name: "A household reference exists in the same source",
        rationale: "A client's or plan's household is a key of that source's households; a reference to none would load a client without a home or a plan without a household.",
        severity: .error,
        kind: .reference(field: FieldRef(.plan, "huishouden"), target: .huishouden),
        examples: [.passes(reference: "HH0001", existing: ["HH0001", "HH0002"]), .fails(reference: "HH0040", existing: ["HH0001"])])

    static let referenceMedewerker = Rule(
        id: .referenceMedewerker, name: "A plan's regisseur is in the same source's staff",
        rationale: "One household, one plan, one regisseur: the regisseur must be a medewerker the source exported.",
        severity: .error,
        kind: .reference(field: FieldRef(.plan, "regisseur"), target: .medewerker),
        examples: [.passes(reference: "101", existing: ["101", "102"]), .fails(reference: "999", existing: ["101"])])

    static let referenceClient = Rule(
        id: .referenceClient, name: "A hulpvraag's or voorziening's BSN is a client",
        rationale: "A voorziening or hulpvraag of nobody (an orphan) cannot be delivered or reported; its client may be in any source.",
        severity: .error,
        kind: .reference(field: FieldRef(.voorziening, "bsn"), target: .client),
        examples: [.passes(reference: "123456782", existing: ["123456782"]), .fails(reference: "111222333", existing: ["123456782"])])

    static let referenceTeam = Rule(
        id: .referenceTeam, name: "An old team is mapped to a new wijkteam",
        rationale: "Staff move to the new wijkteams through the migration file's teams; a team it does not map leaves its staff without a team.",
        severity: .error,
        kind: .reference(field: FieldRef(.medewerker, "team"), target: .team),
        examples: [.passes(reference: "HS-NOORD", existing: ["HS-NOORD", "HS-ZUID"]), .fails(reference: "HS-OUD", existing: ["HS-NOORD"])])

    static let referenceRejected = Rule(
        id: .referenceRejected, name: "A record whose parent was rejected is rejected with it",
        rationale: "A client whose household was rejected, a voorziening whose client was rejected: the parent exists in the source but is not loaded, so the record is kept out too, and its message names the parent's file, line and rule.",
        severity: .error,
        kind: .reference(field: FieldRef(.voorziening, "bsn"), target: .client),
        examples: [.passes(reference: "123456782", existing: ["123456782"]), .fails(reference: "111222333", existing: ["123456782"])])
}

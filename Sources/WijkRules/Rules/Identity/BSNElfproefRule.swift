import WijkModel

extension Rule {
    static let bsnElfproef = Rule(
        id: .bsnElfproef, name: "A BSN passes the 11-proef",
        rationale: "Every real BSN passes the 11-proef (iStandaarden CS002); one that fails is mistyped and would merge the wrong people.",
        severity: .error,
        kind: .record(entities: [.client, .hulpvraag, .voorziening]) { record, _ in
            guard case .bsn(let bsn)? = record["bsn"], !bsn.passesElfproef else { return nil }
            return Violation(field: "bsn", message: "the BSN fails the 11-proef", value: bsn.value, personal: true)
        },
        examples: [
            .passes(.client, ["bsn": "123456782", "achternaam": "Bakker"]),
            .passes(.voorziening, ["sleutel": "1", "bsn": "111222333", "wet": "wmo"]),
            .fails(.client, ["bsn": "123456781", "achternaam": "Bakker"]),
            .fails(.hulpvraag, ["sleutel": "1", "bsn": "111222334"]),
        ])
}

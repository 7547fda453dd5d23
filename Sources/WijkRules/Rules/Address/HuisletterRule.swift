import WijkModel

extension Rule {
    static let huisletterSingleLetter = Rule(
        id: .huisletterSingleLetter, name: "A huisletter is one letter",
        rationale: "The huisletter is one letter (A in 12A); anything longer belongs in the toevoeging.",
        severity: .error,
        kind: .record(entities: [.huishouden]) { record, _ in
            guard let letter = record.text("huisletter") else { return nil }
            if letter.count == 1, let c = letter.first, c.isLetter, c.isASCII { return nil }
            return Violation(field: "huisletter", message: "a huisletter is one letter A–Z", value: letter)
        },
        examples: [
            .passes(.huishouden, ["postcode": "9601AB", "huisnummer": "12", "huisletter": "A"]),
            .passes(.huishouden, ["postcode": "9601AB", "huisnummer": "12"]),
            .fails(.huishouden, ["postcode": "9601AB", "huisnummer": "12", "huisletter": "1"]),
        ])
}

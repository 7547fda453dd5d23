import WijkModel

extension Rule {
    static let emailFormat = Rule(
        id: .emailFormat, name: "An e-mail address has the form name@domain.tld",
        rationale: "Staff are matched across sources on their e-mail address; a malformed one cannot be matched or used.",
        severity: .warning,
        kind: .record(entities: [.medewerker]) { record, _ in
            guard let email = record.text("email"), !isEmail(email) else { return nil }
            return Violation(field: "email", message: "not an e-mail address", value: email, personal: true)
        },
        examples: [
            .passes(.medewerker, ["sleutel": "1", "achternaam": "Smit", "email": "j.smit@midden-groningen.nl"]),
            .fails(.medewerker, ["sleutel": "1", "achternaam": "Smit", "email": "j.smit@"]),
            .fails(.medewerker, ["sleutel": "1", "achternaam": "Smit", "email": "j smit@gemeente.nl"]),
            .fails(.medewerker, ["sleutel": "1", "achternaam": "Smit", "email": "j.smit.gemeente.nl"]),
        ])

    /// One `@`, a non-empty local part without spaces, a domain with a dot and no empty label.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: { $0 == " " || $0 == "\t" }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty } && labels.last!.count >= 2
    }
}

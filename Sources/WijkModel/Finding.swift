public enum Severity: String, Sendable, Codable, Comparable {
    /// The record is rejected.
    case error
    /// The record is loaded and the finding reported.
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}

/// Something wrong with one source record: which rule, where, and what.
///
/// The offending value is kept apart from the message so that a report can mask it when it is
/// personal (a BSN, a name, a birth date) and reveal it only when asked.
public struct Finding: Hashable, Sendable {
    public let severity: Severity
    /// A stable snake_case id (`value_unparseable`, `reference_unknown`, …).
    public let rule: RuleID
    public let entiteit: Entity
    public let provenance: Provenance
    /// The canonical field (or source column) concerned, if any.
    public let veld: String?
    /// What is wrong and, where possible, what to do — without the value.
    public let melding: String
    public let waarde: String?
    public let waardeIsPersoonlijk: Bool

    public init(severity: Severity, rule: RuleID, entiteit: Entity, provenance: Provenance,
                veld: String? = nil, melding: String, waarde: String? = nil, waardeIsPersoonlijk: Bool = false) {
        self.severity = severity
        self.rule = rule
        self.entiteit = entiteit
        self.provenance = provenance
        self.veld = veld
        self.melding = melding
        self.waarde = waarde
        self.waardeIsPersoonlijk = waardeIsPersoonlijk
    }

    /// The message with the value appended, masked when personal unless `reveal`.
    /// The message with the offending value quoted: a personal field's value masked, and unless
    /// `reveal`, anything that looks like a BSN masked wherever it stands (a BSN a source put in
    /// the wrong column). A long value is quoted by a bounded prefix and its length.
    public func message(reveal: Bool) -> String {
        guard let waarde else { return melding }
        var shown: String
        if waardeIsPersoonlijk && !reveal {
            shown = BSN(waarde) != nil || waarde.allSatisfy(\.isNumber) ? Masking.bsn(waarde) : "(masked)"
        } else {
            shown = waarde.count > Finding.quotedLength ? String(waarde.prefix(Finding.quotedLength)) + "…" : waarde
            shown = Masking.keys(shown, reveal: reveal)
        }
        let length = waarde.count > Finding.quotedLength ? " (\(waarde.count) characters)" : ""
        return "\(melding): '\(shown)'\(length)"
    }

    /// How much of a value a message quotes.
    public static let quotedLength = 80
}

/// A source record that will not be loaded, with the reason and its untouched raw text.
public struct Rejection: Hashable, Sendable {
    public let finding: Finding
    /// The record exactly as it stood in the source (the CSV line(s) or the XML element).
    public let raw: String
    /// What other records call it by, where the record got that far: a client's BSN, another
    /// entity's source key. A record that refers to a rejected one is told which and why.
    public let subject: String?

    public init(finding: Finding, raw: String, subject: String? = nil) {
        self.finding = finding
        self.raw = raw
        self.subject = subject
    }
}

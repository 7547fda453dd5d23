import WijkModel

/// A validation rule as a value: a stable id, what it checks and why, its default severity, and
/// examples that pass and fail — which are at once its documentation and its tests.
package struct Rule: Sendable {
    package enum Kind: Sendable {
        /// Checked while a field's value is parsed (a date that does not exist, a postcode that
        /// is none): the mapping stage reports it; `accepts` says whether a canonical text passes.
        case format(fields: [FieldRef], accepts: @Sendable (String) -> Bool)
        /// Checked on a mapped record.
        case record(entities: Set<Entity>, check: @Sendable (MappedRecord, RuleContext) -> Violation?)
        /// A reference to a record that must exist (checked when the sources are merged).
        case reference(field: FieldRef, target: Entity)
    }

    package let id: RuleID
    package let name: String
    package let rationale: String
    package let severity: Severity
    package let kind: Kind
    package let examples: [Example]

    package init(id: RuleID, name: String, rationale: String, severity: Severity, kind: Kind, examples: [Example]) {
        self.id = id
        self.name = name
        self.rationale = rationale
        self.severity = severity
        self.kind = kind
        self.examples = examples
    }

    /// Whether a migration file may switch the rule off or change its severity. Format rules can
    /// become warnings (the value is then loaded empty) but not be switched off; reference rules
    /// guard the store's foreign keys and stay errors.
    package var configurable: Configurability {
        switch kind {
        case .record: return .any
        case .format: return id == .requiredField ? .fixed : .severityOnly
        case .reference: return .fixed
        }
    }

    package enum Configurability: Sendable { case any, severityOnly, fixed }

    package var kindName: String {
        switch kind {
        case .format: return "format"
        case .record: return "record"
        case .reference: return "reference"
        }
    }
}

/// An entity's field, `client.bsn`.
package struct FieldRef: Hashable, Sendable, CustomStringConvertible {
    package let entity: Entity
    package let field: String
    package init(_ entity: Entity, _ field: String) {
        self.entity = entity
        self.field = field
    }
    package var description: String { "\(entity.rawValue).\(field)" }
}

/// What a record rule found wrong: the field, what is wrong, and the value (masked in reports
/// when it is personal).
package struct Violation: Sendable, Equatable {
    package let field: String?
    package let message: String
    package let value: String?
    package let personal: Bool

    package init(field: String?, message: String, value: String? = nil, personal: Bool = false) {
        self.field = field
        self.message = message
        self.value = value
        self.personal = personal
    }
}

/// What a rule may know besides the record: the migration's peildatum (for "not in the future").
package struct RuleContext: Sendable {
    package let peildatum: CivilDate
    package init(peildatum: CivilDate) { self.peildatum = peildatum }
}

/// One example of a rule: an input and whether it passes.
package struct Example: Sendable {
    package enum Input: Sendable {
        /// A canonical text for a format rule (`2024-02-29`, `1234AB`).
        case text(String)
        /// A record of an entity, as canonical texts per field.
        case record(Entity, [String: String])
        /// A reference value and the keys that exist.
        case reference(String, existing: Set<String>)
    }

    package let input: Input
    package let passes: Bool

    package static func passes(_ text: String) -> Example { Example(input: .text(text), passes: true) }
    package static func fails(_ text: String) -> Example { Example(input: .text(text), passes: false) }
    package static func passes(_ entity: Entity, _ fields: [String: String]) -> Example { Example(input: .record(entity, fields), passes: true) }
    package static func fails(_ entity: Entity, _ fields: [String: String]) -> Example { Example(input: .record(entity, fields), passes: false) }
    package static func passes(reference: String, existing: Set<String>) -> Example { Example(input: .reference(reference, existing: existing), passes: true) }
    package static func fails(reference: String, existing: Set<String>) -> Example { Example(input: .reference(reference, existing: existing), passes: false) }
}

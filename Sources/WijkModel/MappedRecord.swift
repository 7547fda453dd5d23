

/// A source record mapped onto one canonical entity: values in the order of `entity.fields`.
public struct MappedRecord: Sendable {
    public let entity: Entity
    public let values: [Value?]
    public let provenance: Provenance
    /// Warnings about this record (a bad value loaded empty, by choice of the mapping).
    public let warnings: [Finding]
    /// The untouched source text, kept in case a later stage rejects the record.
    public let raw: String

    public init(entity: Entity, values: [Value?], provenance: Provenance, warnings: [Finding], raw: String) {
        self.entity = entity
        self.values = values
        self.provenance = provenance
        self.warnings = warnings
        self.raw = raw
    }

    public subscript(field: String) -> Value? {
        guard let index = entity.fields.firstIndex(where: { $0.name == field }) else { return nil }
        return values[index]
    }

    public func text(_ field: String) -> String? { self[field]?.canonicalText }
}

/// What mapping one source record gives.
public enum MapOutcome: Sendable {
    case mapped(MappedRecord)
    /// Rejected: a bad value, a missing required field, a ragged row, or skipped by a row filter.
    case rejected(Rejection)
}

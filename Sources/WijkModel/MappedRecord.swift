

/// A source record mapped onto one canonical entity: values in the order of `entity.fields`.
package struct MappedRecord: Sendable {
    package let entity: Entity
    package let values: [Value?]
    package let provenance: Provenance
    /// Warnings about this record (a bad value loaded empty, by choice of the mapping).
    package let warnings: [Finding]
    /// The untouched source text, made only if a later stage rejects the record.
    package let source: RawText
    package var raw: String { source.text }

    package init(entity: Entity, values: [Value?], provenance: Provenance, warnings: [Finding], raw: RawText) {
        self.entity = entity
        self.values = values
        self.provenance = provenance
        self.warnings = warnings
        self.source = raw
    }

    package subscript(field: String) -> Value? {
        guard let index = entity.fields.firstIndex(where: { $0.name == field }) else { return nil }
        return values[index]
    }

    package func text(_ field: String) -> String? { self[field]?.canonicalText }

    /// What other records refer to this one by: a client's BSN, else its source key. A rejection
    /// carries it, so that a record referring to a rejected one is told so, and why.
    package var subject: String? { entity == .client ? text("bsn") : provenance.bronSleutel }
}

/// A record's source text, made when it is asked for: decoding or re-serialising every record
/// only in case it is rejected would cost more than reading it.
package struct RawText: @unchecked Sendable {   // the closures capture a parsed XML element tree or a record's bytes, which no one mutates once read
    package enum Form {
        /// Text made by a closure.
        case text(() -> String)
        /// UTF-8 made by a closure (an XML element written back).
        case utf8(() -> [UInt8])
        /// A record's bytes as they stood in the file, in a named encoding, and how to decode them.
        case encoded([UInt8], encoding: String, decode: () -> String)
    }

    package let form: Form

    package init(_ make: @escaping () -> String) { form = .text(make) }
    package init(_ text: String) { form = .text({ text }) }
    package init(utf8 make: @escaping () -> [UInt8]) { form = .utf8(make) }
    package init(bytes: [UInt8], encoding: String, decode: @escaping () -> String) { form = .encoded(bytes, encoding: encoding, decode: decode) }

    package var text: String {
        switch form {
        case .text(let make): return make()
        case .utf8(let make): return String(decoding: make(), as: UTF8.self)
        case .encoded(_, _, let decode): return decode()
        }
    }
}

/// What mapping one source record gives.
package enum MapOutcome: Sendable {
    case mapped(MappedRecord)
    /// Rejected: a bad value, a missing required field, a ragged row, or skipped by a row filter.
    case rejected(Rejection)
}

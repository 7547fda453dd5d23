import WijkModel
import WijkRuntime

/// A row's form in the working file: a *head* — values, derived columns, how many source records
/// made it, and where the last one's contribution is — and, per source record, a *contribution*
/// with its provenance, its own values, and where the one before it is. Adding a record to a row
/// appends one contribution and a new head, never a copy of the row: a key with k records costs
/// O(k) time and working-file bytes in all (a care home's address with thousands of residents).
/// A table reads a head's columns only; `herkomst` and the conflict stage walk the chain.
extension Merger {
    struct Head {
        var values: [Value?]
        var derived: [String: String]
        /// How many source records made the row.
        var count: Int
        /// The offset of the last contribution.
        var last: Int

        func encode(into w: inout ByteWriter) {
            Value.encode(values, into: &w)
            w.count(derived.count)
            for (name, value) in derived.sorted(by: { $0.key < $1.key }) {
                w.string(name)
                w.string(value)
            }
            // Plain unsigned numbers: `count()` would take them for lengths within these bytes.
            w.unsigned(UInt64(count))
            w.unsigned(UInt64(last))
        }

        static func decode(_ bytes: [UInt8]) throws -> Head {
            var r = ByteReader(bytes)
            let (values, derived) = try Row.decodeColumns(&r)
            let count = Int(try r.unsigned())
            return Head(values: values, derived: derived, count: count, last: Int(try r.unsigned()))
        }
    }

    /// One source record's part of a row: where it was, its own values, the contribution before it.
    struct Contribution {
        /// The offset of the one before (nil for the first).
        let previous: Int?
        let provenance: Provenance
        let values: [Value?]

        func encode(into w: inout ByteWriter) {
            w.unsigned(previous.map { UInt64($0) + 1 } ?? 0)
            provenance.encode(into: &w)
            Value.encode(values, into: &w)
        }

        static func decode(_ bytes: [UInt8], values wanted: Bool) throws -> Contribution {
            var r = ByteReader(bytes)
            let previous = Int(try r.unsigned())
            let provenance = try Provenance.decode(from: &r)
            return Contribution(previous: previous == 0 ? nil : previous - 1, provenance: provenance,
                                values: wanted ? try Value.decodeAll(from: &r) : [])
        }
    }
}

extension Merger.Row {
    /// The part of a row a table needs: its values and derived columns (a head begins with them).
    static func decodeColumns(_ r: inout ByteReader) throws -> (values: [Value?], derived: [String: String]) {
        let values = try Value.decodeAll(from: &r)
        var derived: [String: String] = [:]
        for _ in 0..<(try r.count()) {
            let name = try r.string()
            derived[name] = try r.string()
        }
        return (values, derived)
    }
}

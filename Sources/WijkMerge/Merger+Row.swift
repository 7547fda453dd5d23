import WijkModel
import WijkRuntime

/// A row's form in the working file: values, derived columns, lineage, variants — in that order,
/// so that a table reads its columns and `herkomst` its lineage without decoding the rest.
extension Merger.Row {
    func encode(into w: inout ByteWriter) {
        Value.encode(values, into: &w)
        w.count(derived.count)
        for (name, value) in derived.sorted(by: { $0.key < $1.key }) {
            w.string(name)
            w.string(value)
        }
        w.count(herkomst.count)
        for p in herkomst { p.encode(into: &w) }
        w.count(variants.count)
        for v in variants { Value.encode(v, into: &w) }
    }

    static func decode(_ bytes: [UInt8]) throws -> Merger.Row {
        var r = ByteReader(bytes)
        let (values, derived) = try decodeColumns(&r)
        let herkomst = try decodeHerkomst(&r)
        var variants: [[Value?]] = []
        for _ in 0..<(try r.count()) { variants.append(try Value.decodeAll(from: &r)) }
        return Merger.Row(values: values, derived: derived, herkomst: herkomst, variants: variants)
    }

    /// The part of a row a table needs: its values and derived columns.
    static func decodeColumns(_ r: inout ByteReader) throws -> (values: [Value?], derived: [String: String]) {
        let values = try Value.decodeAll(from: &r)
        var derived: [String: String] = [:]
        for _ in 0..<(try r.count()) {
            let name = try r.string()
            derived[name] = try r.string()
        }
        return (values, derived)
    }

    /// The part of a row `herkomst` needs, the values stepped over.
    static func skipToHerkomst(_ r: inout ByteReader) throws {
        try Value.skipAll(in: &r)
        for _ in 0..<(try r.count()) {
            try r.skipString()
            try r.skipString()
        }
    }

    static func decodeHerkomst(_ r: inout ByteReader) throws -> [Provenance] {
        var herkomst: [Provenance] = []
        for _ in 0..<(try r.count()) { herkomst.append(try Provenance.decode(from: &r)) }
        return herkomst
    }
}

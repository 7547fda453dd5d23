/// A canonical field's kind: what a mapped text must parse into.
package enum FieldKind: Sendable, Equatable {
    case text(maxLength: Int?)
    case integer(ClosedRange<Int>)
    case decimal
    case date
    case bsn
    case postcode
    /// A closed list of canonical codes (e.g. `wet`: wmo, jeugdwet, participatiewet).
    case code([String])

    package var name: String {
        switch self {
        case .text: return "text"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .date: return "date"
        case .bsn: return "bsn"
        case .postcode: return "postcode"
        case .code: return "code"
        }
    }
}

/// A parsed canonical value. Only values of the right kind can be made, so a store never sees
/// a date that does not exist or a BSN of eight digits.
package enum Value: Hashable, Sendable {
    case text(String)
    case integer(Int)
    case decimal(Double)
    case date(CivilDate)
    case bsn(BSN)
    case postcode(Postcode)

    /// The value as the store and the reports write it.
    package var canonicalText: String {
        switch self {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .decimal(let d): return Value.format(d)
        case .date(let d): return d.iso
        case .bsn(let b): return b.value
        case .postcode(let p): return p.value
        }
    }

    /// Shortest round-tripping text without exponent: 0.89, 1, 0.5.
    package static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }
}

extension FieldKind {
    /// Parses a value written in its canonical form (ISO dates, decimal point, `1234AB`, nine-digit
    /// BSN), as the store holds it and as rule examples are written. `nil` when it is not one.
    package func parseCanonical(_ text: String) -> Value? {
        switch self {
        case .text(let maxLength):
            if let maxLength, text.count > maxLength { return nil }
            return .text(text)
        case .integer(let range):
            guard let n = Int(text), range.contains(n) else { return nil }
            return .integer(n)
        case .decimal:
            return Double(text).map(Value.decimal)
        case .date:
            return CivilDate(iso: text).map(Value.date)
        case .bsn:
            return BSN(text).map(Value.bsn)
        case .postcode:
            return Postcode(text).map(Value.postcode)
        case .code(let codes):
            return codes.contains(text) ? .text(text) : nil
        }
    }
}

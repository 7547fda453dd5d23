/// The encodings a source file can declare. Declared, never guessed.
package enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, with or without a byte order mark (the mark is dropped).
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case iso88591 = "iso-8859-1"

    /// Accepts the usual spellings: `UTF8`, `utf-8-bom`, `cp1252`, `latin1`, …
    package init?(name: String) {
        switch String(name.lowercased().map { $0 == "_" ? "-" : $0 }) {
        case "utf-8", "utf8", "utf-8-bom", "utf-8-sig", "utf8-bom": self = .utf8
        case "windows-1252", "cp1252", "win1252", "windows1252": self = .windows1252
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso-latin-1": self = .iso88591
        default: return nil
        }
    }

    /// Decodes bytes; `nil` when they are not valid in this encoding, or hold a NUL byte (no text
    /// of a source holds one, and PostgreSQL refuses it: both stores must see the same records).
    package func decode<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        problem(in: bytes) == nil ? decodeChecked(bytes) : nil
    }

    /// Why bytes cannot be decoded in this encoding, found without decoding them (the CSV reader
    /// checks every field so, and decodes only those a mapping reads); nil when they can be.
    package enum Problem: Sendable { case nul, invalid }
    package func problem<C: Collection>(in bytes: C) -> Problem? where C.Element == UInt8 {
        var ascii = true
        for b in bytes {
            if b == 0 { return .nul }
            if b >= 0x80 { ascii = false }
        }
        if ascii { return nil }
        switch self {
        case .utf8:
            return String(validating: bytes, as: UTF8.self) == nil ? .invalid : nil
        case .iso88591:
            return nil
        case .windows1252:
            for b in bytes where b >= 0x80 && b < 0xA0 && TextEncoding.cp1252High[Int(b - 0x80)] == 0 { return .invalid }
            return nil
        }
    }

    /// Decodes bytes in which `problem(in:)` found nothing wrong (not checked again).
    package func decodeChecked<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if self == .utf8 || bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if self == .iso88591 || b < 0x80 || b >= 0xA0 {
                scalars.append(Unicode.Scalar(b))
            } else {
                scalars.append(Unicode.Scalar(TextEncoding.cp1252High[Int(b - 0x80)]) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }

    /// Decodes for display only (the raw line of a rejected record): invalid bytes become U+FFFD.
    /// A NUL byte becomes U+FFFD too (PostgreSQL stores no NUL in text).
    package func decodeLossy<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let text = decode(bytes) { return text }
        switch self {
        case .utf8:
            var cleaned: [UInt8] = []
            cleaned.reserveCapacity(bytes.count)
            for b in bytes { if b == 0 { cleaned += [0xEF, 0xBF, 0xBD] } else { cleaned.append(b) } }
            return String(decoding: cleaned, as: UTF8.self)
        case .iso88591, .windows1252:
            var scalars = String.UnicodeScalarView()
            for b in bytes {
                if b == 0 { scalars.append("\u{FFFD}"); continue }
                if b < 0x80 || b >= 0xA0 { scalars.append(Unicode.Scalar(b)); continue }
                let code = self == .windows1252 ? TextEncoding.cp1252High[Int(b - 0x80)] : UInt32(b)
                scalars.append(Unicode.Scalar(code == 0 ? 0xFFFD : code) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
    }

    /// Windows-1252 0x80–0x9F; 0 marks the five undefined bytes.
    static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}

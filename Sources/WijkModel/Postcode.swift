/// A Dutch postcode, normalised to `1234AB` (no space, upper case).
/// Accepts `1234AB`, `1234 AB`, `1234ab` and surrounding spaces.
package struct Postcode: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let value: String

    package init?(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(6)
        for byte in text.utf8 where byte != 0x20 {
            bytes.append(byte)
        }
        guard bytes.count == 6 else { return nil }
        guard bytes[0] >= 0x31, bytes[0] <= 0x39 else { return nil }
        for i in 1...3 where !(bytes[i] >= 0x30 && bytes[i] <= 0x39) { return nil }
        for i in 4...5 {
            var b = bytes[i]
            if b >= 0x61 && b <= 0x7A { b -= 0x20 }
            guard b >= 0x41 && b <= 0x5A else { return nil }
            bytes[i] = b
        }
        // Only one space is allowed, between digits and letters.
        let spaces = text.trimmingASCIISpaces().utf8.filter { $0 == 0x20 }.count
        guard spaces <= 1 else { return nil }
        value = String(decoding: bytes, as: UTF8.self)
    }

    /// A value that was a normalised postcode when it was written; not checked again.
    /// For a value this run wrote itself and reads back (the merge's working file): not checked again.
    package init(unchecked value: String) { self.value = value }

    /// The four-digit area (PC4), used when a wijk is known by PC4 only.
    package var digits: String { String(value.prefix(4)) }
    package var description: String { value }
    package static func < (lhs: Postcode, rhs: Postcode) -> Bool { lhs.value < rhs.value }
}

extension String {
    /// Trims ASCII spaces, tabs, CR and LF (and the no-break space some exports carry).
    package func trimmingASCIISpaces() -> String {
        // On the UTF-8 bytes: space, tab, CR, LF and the no-break space (C2 A0). Most values
        // have nothing to trim and come back as they are, without a copy.
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        while start < end {
            let b = bytes[start]
            if isSpace(b) { start = bytes.index(after: start); continue }
            if b == 0xC2, bytes.index(after: start) < end, bytes[bytes.index(after: start)] == 0xA0 {
                start = bytes.index(start, offsetBy: 2); continue
            }
            break
        }
        while start < end {
            let before = bytes.index(before: end)
            let b = bytes[before]
            if isSpace(b) { end = before; continue }
            if b == 0xA0, before > start, bytes[bytes.index(before: before)] == 0xC2 {
                end = bytes.index(before: before); continue
            }
            break
        }
        if start == bytes.startIndex && end == bytes.endIndex { return self }
        return String(self[start..<end])
    }
}

/// A burgerservicenummer: always a 9-character string of digits, never a number
/// (leading zeros are significant).
///
/// Its `description` is masked (`*****6789`) so that a BSN that ends up in a log line or an
/// error message by accident does not leak; `value` gives the digits where they are needed.
package struct BSN: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let value: String

    /// Accepts exactly nine ASCII digits; anything else is not a BSN.
    package init?(_ text: String) {
        let utf8 = text.utf8
        guard utf8.count == 9, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        value = text
    }

    /// A value that was a BSN when it was written (the merge's working file); not checked again.
    /// For a value this run wrote itself and reads back (the merge's working file): not checked again.
    package init(unchecked value: String) { self.value = value }

    /// The 11-proef: (9·d1 + 8·d2 + … + 2·d8 − 1·d9) mod 11 == 0.
    package var passesElfproef: Bool {
        var sum = 0
        for (index, byte) in value.utf8.enumerated() {
            let digit = Int(byte - 0x30)
            sum += index == 8 ? -digit : (9 - index) * digit
        }
        return sum % 11 == 0
    }

    /// The iWmo/iJw test range 999900006–999999990.
    package var isTestNumber: Bool { value >= "999900006" && value <= "999999990" }

    package var masked: String { Masking.bsn(value) }
    package var description: String { masked }

    package static func < (lhs: BSN, rhs: BSN) -> Bool { lhs.value < rhs.value }
}

/// How personal values are shown in reports and messages unless a user asks to reveal them.
public enum Masking {
    /// `123456782` → `*****6782`. Anything of another length is masked whole, keeping its length
    /// visible up to 12 characters, so that a malformed value cannot leak either.
    public static func bsn(_ text: String) -> String {
        let chars = Array(text)
        guard chars.count == 9 else { return String(repeating: "*", count: min(chars.count, 12)) }
        return "*****" + String(chars[5...])
    }

    /// A personal value in a report: a BSN as `*****6782`, anything else as `(masked)`.
    public static func value(_ text: String, field: String) -> String {
        if text.isEmpty { return "" }
        return field == "bsn" ? bsn(text) : "(masked)"
    }

    /// Masks every run of exactly nine digits in a text (a BSN inside a key or a message).
    public static func keys(_ text: String, reveal: Bool) -> String {
        guard !reveal else { return text }
        var out = ""
        var digits = ""
        func flush() {
            out += digits.count == 9 ? bsn(digits) : digits
            digits = ""
        }
        for c in text {
            if c.isASCII && c.isNumber { digits.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }
}

/// How personal values are shown in reports and messages unless a user asks to reveal them.
public enum Masking {
    /// `123456782` → `*****6782`. Anything of another length is masked whole, keeping its length
    /// visible up to 12 characters, so that a malformed value cannot leak either.
    public static func bsn(_ text: String) -> String {
        let chars = Array(text)
        guard chars.count == 9 else { return String(repeating: "*", count: min(chars.count, 12)) }
        return "*****" + String(chars[5...])
    }
}

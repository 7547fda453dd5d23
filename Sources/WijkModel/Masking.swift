/// How personal values are shown in reports and messages unless a user asks to reveal them.
package enum Masking {
    /// `123456782` → `*****6782`. Anything of another length is masked whole, keeping its length
    /// visible up to 12 characters, so that a malformed value cannot leak either.
    package static func bsn(_ text: String) -> String {
        let chars = Array(text)
        guard chars.count == 9 else { return String(repeating: "*", count: min(chars.count, 12)) }
        return "*****" + String(chars[5...])
    }

    /// A personal value in a report: a BSN as `*****6782`, anything else as `(masked)`.
    package static func value(_ text: String, field: String) -> String {
        if text.isEmpty { return "" }
        return field == "bsn" ? bsn(text) : "(masked)"
    }

    /// Masks every run of exactly nine digits that stands on its own (a BSN inside a key or a
    /// message); digits inside a word, like a conflict id `K207511533fc9`, are left alone.
    package static func keys(_ text: String, reveal: Bool) -> String {
        guard !reveal else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII && chars[i].isNumber else { out.append(chars[i]); i += 1; continue }
            var j = i
            while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 }
            let run = String(chars[i..<j])
            let inWord = (i > 0 && chars[i - 1].isLetter) || (j < chars.count && chars[j].isLetter)
            out += run.count == 9 && !inWord ? bsn(run) : run
            i = j
        }
        return out
    }
}

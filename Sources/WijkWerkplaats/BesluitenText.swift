import Foundation

/// besluiten.yml as text: one decision block per conflict id, edited line by line so that every
/// other decision, every comment and the file's own layout stay exactly as they were.
///
/// A block is a top-level line `K…:` and the indented lines under it. A new block goes in id
/// order — before the first block with a larger id, above the comment lines directly over that
/// block — so the same decisions give the same file whatever order they were taken in.
package struct BesluitenText: Sendable, Equatable {
    package private(set) var lines: [String]
    /// Whether the text ends with a line break (a file saved without one keeps it that way).
    private var finalNewline = true
    private var originalFinalNewline = true

    package init(_ text: String) {
        // Split on the byte: Swift reads "\r\n" as one character, which "\n" would not match.
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(String(decoding: bytes[start..<i], as: UTF8.self))
            start = i + 1
        }
        if start < bytes.count {
            lines.append(String(decoding: bytes[start...], as: UTF8.self))
            finalNewline = false
            originalFinalNewline = false
        }
        self.lines = lines
    }

    package var text: String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + (finalNewline ? "\n" : "")
    }

    /// A file written with CRLF (a Windows editor) gets its new lines with CRLF too.
    private var crlf: Bool { lines.first?.hasSuffix("\r") ?? false }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }

    /// The conflict id a line opens, when it is a top-level key line of a decision.
    static func id(of line: String) -> String? {
        guard line.hasPrefix("K"), let colon = line.firstIndex(of: ":") else { return nil }
        let id = String(line[..<colon])
        guard id.count == 13, id.dropFirst().allSatisfy(\.isHexDigit) else { return nil }
        return id
    }

    /// The lines of a decision's block: its key line and the indented (or empty) lines after it,
    /// without trailing empty lines.
    package func range(of id: String) -> Range<Int>? {
        guard let start = lines.firstIndex(where: { Self.id(of: $0) == id }) else { return nil }
        var end = start + 1
        while end < lines.count, Self.isBlank(lines[end]) || lines[end].first == " " || lines[end].first == "\t" { end += 1 }
        while end > start + 1, Self.isBlank(lines[end - 1]) { end -= 1 }
        return start..<end
    }

    /// The decision's text as it stands ("" when there is none): what a page showed, so that a
    /// write can tell whether the decision changed underneath it.
    package func block(_ id: String) -> String {
        range(of: id).map { lines[$0].joined(separator: "\n") } ?? ""
    }

    /// A short, stable fingerprint of a decision's text (FNV-1a, 64 bits, in hex).
    package func fingerprint(_ id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in block(id).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// Puts a decision in: replaces the block of its id, or inserts it in id order.
    package mutating func set(_ id: String, block plain: [String]) {
        let block = crlf ? plain.map { $0 + "\r" } : plain
        let blank = crlf ? "\r" : ""
        if let range = range(of: id) {
            lines.replaceSubrange(range, with: block)
            return
        }
        var at = lines.count
        if let next = lines.firstIndex(where: { Self.id(of: $0).map { $0 > id } ?? false }) {
            at = next
            // Comment lines directly above the next block belong to it.
            while at > 0, lines[at - 1].hasPrefix("#") { at -= 1 }
            lines.insert(contentsOf: block + [blank], at: at)
        } else {
            if let last = lines.last, !Self.isBlank(last) { lines.append(blank) }
            lines.append(contentsOf: block)
            finalNewline = true
        }
    }

    /// Takes a decision out (undo); a blank line it leaves doubled is dropped.
    package mutating func remove(_ id: String) {
        guard let range = range(of: id) else { return }
        let atEnd = range.upperBound == lines.count
        lines.removeSubrange(range)
        if atEnd { finalNewline = originalFinalNewline }
        let at = range.lowerBound
        if at < lines.count, Self.isBlank(lines[at]), at == 0 || Self.isBlank(lines[at - 1]) { lines.remove(at: at) }
        else if at == lines.count, at > 0, Self.isBlank(lines[at - 1]) { lines.removeLast() }
    }

    /// A decision's block: the action line as the conflict's option writes it (`kies: "…"`,
    /// `wijs_af: ["…"]`, `zet: { wijk: "…" }`), who and why.
    package static func block(id: String, action: String, wie: String, waarom: String) -> [String] {
        ["\(id):", "  \(action)", "  wie: \(quoted(wie))", "  waarom: \(quoted(waarom))"]
    }

    /// A YAML double-quoted scalar.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02X", scalar.value) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

import Foundation

/// besluiten.yml as text: one decision block per conflict id, edited line by line so that every
/// other decision, every comment and the file's own layout stay exactly as they were.
///
/// A block is a top-level line `K…:` and the indented lines under it. A new block goes in id
/// order — before the first block with a larger id, above the comment lines directly over that
/// block — so the same decisions give the same file whatever order they were taken in.
package struct BesluitenText: Sendable, Equatable {
    package private(set) var lines: [String]
    private let endsWithNewline: Bool

    package init(_ text: String) {
        var lines = text.components(separatedBy: "\n")
        endsWithNewline = text.hasSuffix("\n") || text.isEmpty
        if endsWithNewline, lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    package var text: String {
        lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

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
        while end < lines.count, lines[end].isEmpty || lines[end].first == " " || lines[end].first == "\t" { end += 1 }
        while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
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
    package mutating func set(_ id: String, block: [String]) {
        if let range = range(of: id) {
            lines.replaceSubrange(range, with: block)
            return
        }
        var at = lines.count
        if let next = lines.firstIndex(where: { Self.id(of: $0).map { $0 > id } ?? false }) {
            at = next
            // Comment lines directly above the next block belong to it.
            while at > 0, lines[at - 1].hasPrefix("#") { at -= 1 }
            lines.insert(contentsOf: block + [""], at: at)
        } else {
            if let last = lines.last, !last.trimmingCharacters(in: .whitespaces).isEmpty { lines.append("") }
            lines.append(contentsOf: block)
        }
    }

    /// Takes a decision out (undo); a blank line it leaves doubled is dropped.
    package mutating func remove(_ id: String) {
        guard let range = range(of: id) else { return }
        lines.removeSubrange(range)
        let at = range.lowerBound
        if at < lines.count, lines[at].isEmpty, at == 0 || lines[at - 1].isEmpty { lines.remove(at: at) }
        else if at == lines.count, at > 0, lines[at - 1].isEmpty { lines.removeLast() }
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

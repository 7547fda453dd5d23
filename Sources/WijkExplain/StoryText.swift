import Foundation
import WijkModel

/// A story as text for the terminal. Unless revealed, BSNs are masked everywhere (as in the
/// reports), the loaded record's personal fields show as "(masked)", and in raw records the
/// values that personal fields read are replaced by "(masked)".
package enum StoryText {
    package static func render(_ found: StoryQuery.Found, selector: StoryQuery.Selector, reveal: Bool, note: String?) -> String {
        var out: [String] = []
        let name = describe(selector, reveal: reveal)
        if found.stories.isEmpty {
            out.append("No loaded record for \(name).")
        }
        for story in found.stories {
            if !out.isEmpty { out.append("") }
            out += lines(story, reveal: reveal)
        }
        if !found.rejected.isEmpty {
            out.append("")
            out.append("Rejected records that hold \(name) (\(found.rejected.count))")
            for r in found.rejected {
                out.append("  \(r.bron) \(place(r.bestand, r.locatie)), \(r.entiteit)\(r.veld.map { ".\($0)" } ?? ""): \(r.regel) — \(r.melding)")
                out += rawLines(reveal ? r.raw : masked(r.raw, values: []))
            }
        }
        if let note {
            out.append("")
            out.append("Note: \(note)")
        }
        let text = out.joined(separator: "\n") + "\n"
        return reveal ? text : Masking.keys(text, reveal: false)
    }

    static func describe(_ selector: StoryQuery.Selector, reveal: Bool) -> String {
        switch selector {
        case .bsn(let bsn): return "BSN \(reveal ? bsn : Masking.bsn(bsn))"
        case .huishouden(let key): return "household \(key)"
        case .sourceKey(let bron, let sleutel, let entity): return "\(entity.map { "\($0.rawValue) " } ?? "")key \(sleutel) of \(bron)"
        }
    }

    static func lines(_ story: Story, reveal: Bool) -> [String] {
        var out: [String] = []
        let key = story.entity == .client && !reveal ? Masking.bsn(story.key) : story.key
        let decided = story.conflicts.filter { $0.besluit != nil }.count
        out.append("\(story.entity.rawValue) \(key): \(story.sources.count) source record\(story.sources.count == 1 ? "" : "s"), "
                   + "\(story.findings.count) finding\(story.findings.count == 1 ? "" : "s"), "
                   + "\(story.conflicts.count) conflict\(story.conflicts.count == 1 ? "" : "s")"
                   + (story.conflicts.isEmpty ? "" : " (\(decided) decided, \(story.conflicts.count - decided) open)"))

        out.append("")
        if story.loaded.isEmpty {
            out.append("Loaded: nothing (the record is not in table \(StoreTables.of(story.entity).name))")
        } else {
            out.append("Loaded into \(StoreTables.of(story.entity).name)")
            let width = story.loaded.map(\.column.count).max() ?? 0
            for (column, value) in story.loaded {
                var shown = value ?? "—"
                if let value, !reveal, isPersonal(column) { shown = Masking.value(value, field: column == "bsn" ? "bsn" : column) }
                out.append("  " + column.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + shown)
            }
        }

        out.append("")
        out.append("Source records (\(story.sources.count)) that made it or were merged into it")
        for (i, s) in story.sources.enumerated() {
            out.append("  \(i + 1). \(s.bron) \(place(s.bestand, s.locatie))\(s.bronSleutel.map { ", key \($0)" } ?? "")")
            if let raw = s.raw { out += rawLines(raw) }
        }

        if !story.findings.isEmpty {
            out.append("")
            out.append("Findings (\(story.findings.count))")
            for f in story.findings {
                out.append("  \(f.ernst) \(f.regel): \(f.bron) \(place(f.bestand, f.locatie))\(f.veld.map { ", \($0)" } ?? "") — \(reveal ? f.melding : maskedQuote(f.melding, field: f.veld))")
            }
        }

        if !story.conflicts.isEmpty {
            out.append("")
            out.append("Conflicts (\(story.conflicts.count))")
            for c in story.conflicts {
                out.append("  \(c.id) \(c.soort) — \(c.besluit == nil ? "open" : "decided")")
                for line in c.detail.split(separator: "\n", omittingEmptySubsequences: false) { out.append("      \(line)") }
                if let besluit = c.besluit { out.append("      besluit: \(besluit)") }
            }
        }

        if !story.related.isEmpty {
            out.append("")
            out.append("Related records (\(story.related.count))")
            for r in story.related {
                let key = r.entity == .client && !reveal ? Masking.bsn(r.key) : r.key
                out.append("  \(r.entity.rawValue) \(key): \(r.how)\(r.places.isEmpty ? "" : " — from " + r.places.joined(separator: "; "))")
            }
        }
        return out
    }

    static func place(_ bestand: String, _ locatie: String) -> String {
        Int(locatie) != nil ? "\(bestand) line \(locatie)" : "\(bestand) \(locatie)"
    }

    static func rawLines(_ raw: String) -> [String] {
        raw.split(separator: "\n", omittingEmptySubsequences: false).map { "       │ " + $0.replacingOccurrences(of: "\r", with: "") }
    }

    static func isPersonal(_ column: String) -> Bool {
        column == "bsn" || FieldDefinition.personalNames.contains(column)
    }

    /// A finding's message quotes the value at its end ("…: 'value'"): masked when its field is personal.
    static func maskedQuote(_ melding: String, field: String?) -> String {
        guard let field, isPersonal(field), field != "bsn", let quote = melding.range(of: ": '", options: .backwards) else { return melding }
        return String(melding[..<quote.lowerBound]) + ": '(masked)'"
    }

    /// A raw record with the values personal fields read replaced (longest first; single
    /// characters are left, an initial alone says little and would mangle the text).
    package static func masked(_ raw: String, values: [String], as word: String = "(masked)") -> String {
        var text = raw
        for value in Set(values.map { $0.trimmingCharacters() }).filter({ $0.count >= 2 }).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: value, with: word)
        }
        return text
    }
}

private extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

import WijkCSV

extension Scaffold {
    /// The draft as a mapping file: every guess with its evidence in a comment, every field it
    /// found nothing for listed, and the columns it did not use.
    package func yaml(schemaPath: String? = nil) -> String {
        var out: [String] = []
        if let schemaPath { out.append("# yaml-language-server: $schema=\(schemaPath)") }
        out.append("# DRAFT mapping for source '\(name)', written by `wijkmigratie scaffold` from: \(files.joined(separator: ", ")).")
        out.append("# Every entry is a GUESS with its evidence after '#': read each against the data (wijkmigratie profile),")
        out.append("# fill in the value maps' code column, then run wijkmigratie check. Nothing here is guessed at run time.")
        out.append("bronsysteem: \(Self.yamlScalar("\(name) export (drafted by scaffold)"))")
        if let csv {
            out.append("")
            out.append("csv:")
            out += Self.dialectLines(csv, indent: "  ")
            for line in csvEvidence { out.append("  # \(Self.comment(line))") }
        }
        if !namespaces.isEmpty {
            out.append("")
            out.append("xml:")
            out.append("  namespaces:")
            for ns in namespaces { out.append("    \(ns.prefix): \(Self.yamlScalar(ns.uri))") }
        }
        if !valueMaps.isEmpty {
            out.append("")
            out.append("value_maps:")
            for map in valueMaps {
                let codes = map.codes.isEmpty ? "the canonical code" : "one of " + map.codes.joined(separator: ", ")
                out.append("  \(map.name): { file: \(Self.yamlScalar(map.file)), from: label, to: code }    # fill in 'code' per label: \(codes)")
            }
        }
        out.append("")
        out.append("entities:")
        for e in entities {
            out.append("  # \(Self.comment(e.evidence))")
            out.append("  \(e.entity.rawValue):")
            out.append("    file: \(Self.yamlScalar(e.file))")
            if let records = e.records { out.append("    records: \(Self.yamlScalar(records))") }
            if let csv = e.csv {
                out.append("    csv:")
                out += Self.dialectLines(csv, indent: "      ")
            }
            if !e.split.isEmpty {
                out.append("    split:")
                for line in e.split { out.append("      \(line)") }
            }
            out.append("    fields:")
            let width = min(60, e.fields.map { $0.name.count + $0.value.count + 2 }.max() ?? 0)
            for f in e.fields {
                let text = "\(f.name): \(f.value)"
                out.append("      " + text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) + "  # \(Self.comment(f.evidence))")
            }
            for m in e.missing where !m.contains("required") { out.append("      # \(m): no column found — map it, or leave it out") }
            if !e.unused.isEmpty { out.append("    # not used: \(Self.comment(e.unused.joined(separator: "; ")))") }
            out.append("")
        }
        for note in notes { out.append("# note: \(Self.comment(note))") }
        return out.joined(separator: "\n").trimmingTrailingNewlines() + "\n"
    }

    /// A value map for a steward's spreadsheet: every label with its count, the code empty.
    package func valueMapCSV(_ map: ValueMapDraft) -> String {
        var lines = ["label;code;count"]
        for (label, count) in map.labels {
            lines.append("\(Self.csvField(label));;\(count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text for a comment: on one line, whatever the data held.
    static func comment(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ⏎ ").replacingOccurrences(of: "\n", with: " ⏎ ").replacingOccurrences(of: "\r", with: " ⏎ ")
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(";") || text.contains("\"") || text.contains("\n") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func dialectLines(_ d: CSVDialect, indent: String) -> [String] {
        let delimiter = d.delimiter == 0x09 ? "tab" : String(UnicodeScalar(d.delimiter))
        var lines = ["\(indent)delimiter: \(yamlScalar(delimiter) == delimiter ? "\"\(delimiter)\"" : yamlScalar(delimiter))"]
        if let q = d.quote { lines.append("\(indent)quote: '\(q == UInt8(ascii: "'") ? "''" : String(UnicodeScalar(q)))'") }
        else { lines.append("\(indent)quote: ''") }
        lines.append("\(indent)header: \(d.header ? "true" : "false")")
        lines.append("\(indent)encoding: \(d.encoding.rawValue)")
        if d.skipRows > 0 { lines.append("\(indent)skip_rows: \(d.skipRows)") }
        return lines
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

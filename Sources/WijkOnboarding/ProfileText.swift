import WijkModel
import WijkXML

/// A profile for the terminal, or as JSON for tools. Values of columns that hold personal data (a
/// BSN by the elfproef, names and birth dates by their column names, e-mail addresses) are masked
/// unless revealed.
package enum ProfileText {
    static func isPersonal(_ names: [String], _ p: ValueProfile) -> Bool {
        if p.bsn != nil || p.isEmail { return true }
        let personal = ["voornamen", "voorletters", "achternaam", "geboortedatum", "bsn"].flatMap { Vocabulary.words(.client, $0) }
            + ["voornaam"].flatMap { Vocabulary.words(.medewerker, $0) }
        return names.contains { personal.contains($0) }
    }

    static func shown(_ value: String, personal: Bool, reveal: Bool) -> String {
        guard personal && !reveal else { return value.count > 40 ? String(value.prefix(40)) + "…" : value }
        return value.utf8.count == 9 && value.allSatisfy(\.isNumber) ? Masking.bsn(value) : "(masked)"
    }

    package static func text(_ profile: Profiler.FileProfile, reveal: Bool) -> String {
        switch profile {
        case .csv(let p): return csv(p, reveal: reveal)
        case .xml(let p): return xml(p, reveal: reveal)
        }
    }

    static func csv(_ p: CSVProfile, reveal: Bool) -> String {
        var out: [String] = []
        out.append("\(p.file): CSV, \(p.bytes) bytes, \(p.records) records on \(p.physicalLines) lines\(p.malformed > 0 ? ", \(p.malformed) malformed" : "")")
        out.append("  encoding:   \(p.encoding.verdict); line endings \(p.encoding.lineEndings)")
        out.append("  delimiter:  \(p.delimiterEvidence)")
        out.append("  header:     \(p.headerEvidence)")
        if p.dialect.skipRows > 0 { out.append("  skip_rows:  \(p.dialect.skipRows) (lines before the first one of the file's width)") }
        out.append("  sampled:    \(p.sampled == p.records ? "every record" : "the first \(p.sampled) of \(p.records) records")")
        out.append("")
        let width = min(28, p.columns.map(\.name.count).max() ?? 0)
        for (name, c) in p.columns {
            out += column(name, c, width: width, names: [Vocabulary.normalised(name)], reveal: reveal)
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func column(_ name: String, _ c: ValueProfile, width: Int, names: [String], reveal: Bool) -> [String] {
        let personal = isPersonal(names, c)
        let fill = c.values == 0 ? "—" : "\(Int((c.fillRate * 100).rounded()))% filled"
        let distinct = c.distinctOverflow ? "more than \(ValueProfile.distinctLimit) distinct" : "\(c.distinct) distinct"
        var line = "  " + name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0) + "  \(fill), \(distinct)"
        if !c.readings.isEmpty { line += "; " + c.readings.joined(separator: "; ") }
        var out = [line]
        let top = c.top(5)
        if !top.isEmpty {
            out.append("  " + String(repeating: " ", count: max(width, name.count)) + "  top: "
                       + top.map { "\(shown($0.value, personal: personal, reveal: reveal)) (\($0.count))" }.joined(separator: ", "))
        }
        return out
    }

    static func xml(_ p: XMLProfile, reveal: Bool) -> String {
        var out: [String] = []
        out.append("\(p.file): XML, \(p.bytes) bytes, \(p.nodes.count) element paths")
        if !p.namespaces.isEmpty {
            out.append("  namespaces: " + p.namespaces.map { "\($0.prefix ?? "(default)") = \($0.uri)" }.joined(separator: ", "))
        }
        let records = p.recordPaths
        out.append("  likely records: " + (records.isEmpty ? "none found" : records.map { "\(XMLProfile.text($0.path)) (\($0.count))" }.joined(separator: ", ")))
        out.append("  sampled:    values of the first \(p.sample) elements of each path")
        out.append("")
        for node in p.nodes {
            let indent = String(repeating: "  ", count: node.path.count)
            out.append("\(indent)\(XMLShape.display(node.path.last!)) ×\(node.count)\(records.contains { $0.path == node.path } ? "   ← records?" : "")")
            if let text = node.text {
                out += column("text()", text, width: 0, names: [Vocabulary.normalised(node.path.last!.name.local)], reveal: reveal).map { indent + "  " + $0.dropFirst(2) }
            }
            for (name, values) in node.attributes {
                out += column("@" + XMLShape.display(name), values, width: 0, names: [Vocabulary.normalised(name.name.local)], reveal: reveal)
                    .map { indent + "  " + $0.dropFirst(2) }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - JSON

    package static func json(_ profile: Profiler.FileProfile, reveal: Bool) -> JSONValue {
        switch profile {
        case .csv(let p):
            return [
                "file": .string(p.file), "kind": "csv", "bytes": .int(p.bytes), "records": .int(p.records),
                "physical_lines": .int(p.physicalLines), "malformed": .int(p.malformed), "sampled": .int(p.sampled),
                "encoding": ["verdict": .string(p.encoding.verdict), "suggested": .string(p.dialect.encoding.rawValue),
                             "bom": p.encoding.bom.map { .string($0) } ?? .null, "valid_utf8": .bool(p.encoding.validUTF8),
                             "bytes_above_127": .int(p.encoding.highBytes), "windows_1252_only_bytes": .int(p.encoding.windows1252Only),
                             "line_endings": .string(p.encoding.lineEndings)],
                "dialect": ["delimiter": .string(p.dialect.delimiter == 9 ? "tab" : String(UnicodeScalar(p.dialect.delimiter))),
                            "quote": p.dialect.quote.map { .string(String(UnicodeScalar($0))) } ?? .null,
                            "header": .bool(p.dialect.header), "skip_rows": .int(p.dialect.skipRows),
                            "evidence": .string(p.delimiterEvidence), "header_evidence": .string(p.headerEvidence)],
                "columns": .array(p.columns.map { columnJSON($0.name, $0.profile, names: [Vocabulary.normalised($0.name)], reveal: reveal) }),
            ]
        case .xml(let p):
            let records = p.recordPaths
            return [
                "file": .string(p.file), "kind": "xml", "bytes": .int(p.bytes), "sampled_per_path": .int(p.sample),
                "namespaces": .array(p.namespaces.map { ["prefix": $0.prefix.map { .string($0) } ?? .null, "uri": .string($0.uri)] }),
                "record_paths": .array(records.map { .string(XMLProfile.text($0.path)) }),
                "paths": .array(p.nodes.map { node in
                    var pairs: [(String, JSONValue)] = [("path", .string(XMLProfile.text(node.path))), ("count", .int(node.count))]
                    if let text = node.text { pairs.append(("text", columnJSON("text()", text, names: [Vocabulary.normalised(node.path.last!.name.local)], reveal: reveal))) }
                    pairs.append(("attributes", .array(node.attributes.map {
                        columnJSON("@" + XMLShape.display($0.name), $0.profile, names: [Vocabulary.normalised($0.name.name.local)], reveal: reveal)
                    })))
                    return .object(pairs)
                }),
            ]
        }
    }

    static func columnJSON(_ name: String, _ c: ValueProfile, names: [String], reveal: Bool) -> JSONValue {
        let personal = isPersonal(names, c)
        return [
            "name": .string(name), "values": .int(c.values), "filled": .int(c.filled),
            "distinct": .int(c.distinct), "distinct_is_at_least": .bool(c.distinctOverflow), "max_length": .int(c.maxLength),
            "date_patterns": .array(c.dates.map { .string($0) }), "integer": .bool(c.isInteger),
            "decimal": c.decimal.map { .string($0) } ?? .null, "postcode": c.postcode.map { .string($0) } ?? .null,
            "bsn_elfproef": .int(c.bsnNine), "bsn_after_leading_zero": .int(c.bsnEight), "email": .bool(c.isEmail),
            "yes_no": .bool(c.isYesNo), "code_list": .bool(c.isCodeList), "personal": .bool(personal),
            "top": .array(c.top(5).map { ["value": .string(shown($0.value, personal: personal, reveal: reveal)), "count": .int($0.count)] }),
        ]
    }
}

import Foundation
import WijkModel

/// The files of the report folder, as pure functions of a run's results.
package enum Reports {
    /// `summary.json`: sorted keys and a fixed layout, so that the same run gives the same bytes.
    package static func summaryJSON(_ summary: RunSummary) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(summary)) + [0x0A]
    }

    /// `findings.csv`: every finding, errors and warnings, values masked unless `reveal`.
    package static func findingsCSV(_ findings: [Finding], reveal: Bool) -> [UInt8] {
        var csv = ExcelCSV(header: ["severity", "rule", "bron", "bestand", "locatie", "entiteit", "veld", "melding"])
        for f in findings {
            csv.append([f.severity.rawValue, f.rule.rawValue, f.provenance.bron, f.provenance.bestand, f.provenance.locatie.stored,
                        f.entiteit.rawValue, f.veld ?? "", f.message(reveal: reveal)])
        }
        return csv.data
    }

    /// `rejects.csv`: every rejected record with where it was and why. The raw record is not
    /// here (it holds personal data); the store's `afwijzing` keeps it.
    package static func rejectsCSV(_ rejections: [Rejection], reveal: Bool) -> [UInt8] {
        var csv = ExcelCSV(header: ["bron", "bestand", "locatie", "entiteit", "veld", "regel", "melding"])
        for r in rejections {
            let f = r.finding
            csv.append([f.provenance.bron, f.provenance.bestand, f.provenance.locatie.stored, f.entiteit.rawValue,
                        f.veld ?? "", f.rule.rawValue, f.message(reveal: reveal)])
        }
        return csv.data
    }

    /// `conflicts.csv`: one row per source record in a conflict, so that a steward sees the sources
    /// side by side: each with its record key as `besluiten.yml` takes it, and on a conflict's
    /// first row the lines to paste for every decision its kind allows (one a line). BSNs and
    /// personal values masked unless `reveal`.
    package static func conflictsCSV(_ conflicts: [Conflict], status: (Conflict) -> String, reveal: Bool) -> [UInt8] {
        var csv = ExcelCSV(header: ["conflict", "soort", "status", "entiteit", "sleutel", "bron", "bestand", "locatie", "record", "waarden",
                                    "detail", "besluiten"])
        for c in conflicts {
            for (n, side) in c.sides.enumerated() {
                let values = side.values.map { field, value in
                    "\(field)=\(reveal || !personal(field) ? value : Masking.value(value, field: field))"
                }.joined(separator: ", ")
                let paste = n == 0 ? pasteLines(c, reveal: reveal).joined(separator: "\n") : ""
                csv.append([c.id, c.soort.rawValue, status(c), c.entiteit, Masking.keys(c.sleutel, reveal: reveal),
                            side.provenance.bron, side.provenance.bestand, side.provenance.locatie.stored,
                            Masking.keys(side.record, reveal: reveal), values, Masking.keys(c.detail, reveal: reveal), paste])
            }
        }
        return csv.data
    }

    /// The lines to paste for each decision a conflict allows (`wie` and `waarom` to fill in).
    static func pasteLines(_ c: Conflict, reveal: Bool) -> [String] {
        c.options.map { Masking.keys($0.line(c.id), reveal: reveal) + ($0.complete ? "" : "   # fill in the wijk") }
    }

    static func personal(_ field: String) -> Bool {
        FieldDefinition.personalNames.contains(field)
    }

    /// Writes the report folder.
    package static func write(to folder: URL, summary: RunSummary, findings: [Finding], rejections: [Rejection],
                             conflicts: [Conflict] = [], status: (Conflict) -> String = { _ in "open" },
                             besluit: (Conflict) -> String? = { _ in nil }, reveal: Bool) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try writeFile(summaryJSON(summary), folder.appendingPathComponent("summary.json"))
        try writeFile(findingsCSV(findings, reveal: reveal), folder.appendingPathComponent("findings.csv"))
        try writeFile(rejectsCSV(rejections, reveal: reveal), folder.appendingPathComponent("rejects.csv"))
        try writeFile(conflictsCSV(conflicts, status: status, reveal: reveal), folder.appendingPathComponent("conflicts.csv"))
        let views = conflicts.map { HTMLReport.ConflictView(conflict: $0, status: status($0), besluit: besluit($0)) }
        try writeFile(Array(HTMLReport.page(summary: summary, conflicts: views, reveal: reveal).utf8), folder.appendingPathComponent("report.html"))
    }

    /// Writes one report file: whole or not at all (a temporary file renamed into place), and a
    /// symbolic link found at its name is replaced, never followed — a report never overwrites a
    /// file elsewhere.
    package static func writeFile(_ bytes: [UInt8], _ url: URL) throws {
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
            try FileManager.default.removeItem(atPath: url.path)
        }
        try Data(bytes).write(to: url, options: .atomic)
    }
}

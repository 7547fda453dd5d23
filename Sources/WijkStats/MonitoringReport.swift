import Foundation
import WijkReport

/// The monitoring figures as the council gets them: `stats.csv` (a row per wijkteam),
/// `verwijzers.csv` (hulpvragen per wijkteam and verwijzer), both for Dutch Excel, and
/// `stats.html`, one self-contained page. Figures only: no names, no BSNs.
package enum MonitoringReport {
    static let header = ["wijkteam", "naam", "huishoudens", "clienten", "plannen_actief", "plannen_per_huishouden",
                         "huishoudens_meer_dan_een_plan", "hulpvragen", "hulpvragen_open", "voorzieningen_actief", "activiteiten", "medewerkers", "fte"]

    /// The same columns, as a reader of the page names them.
    static let labels = ["wijkteam", "naam", "huishoudens", "cliënten", "plannen (actief)", "plannen per huishouden",
                         "huishoudens met meer dan één plan", "hulpvragen", "open", "voorzieningen (actief)", "activiteiten",
                         "medewerkers", "fte"]

    static func cells(_ f: WijkteamFigures) -> [String] {
        [f.wijkteam, f.naam, "\(f.huishoudens)", "\(f.clienten)", "\(f.plannenActief)", decimal(f.plannenPerHuishouden),
         "\(f.huishoudensMeerderePlannen)", "\(f.hulpvragen)", "\(f.hulpvragenOpen)", "\(f.voorzieningenActief)", "\(f.activiteiten)",
         "\(f.medewerkers)", decimal(f.fte)]
    }

    /// Two decimals with a decimal comma, as Dutch Excel reads them.
    static func decimal(_ d: Double) -> String {
        let hundredths = Int((d * 100).rounded())
        return "\(hundredths / 100),\(String(format: "%02d", hundredths % 100))"
    }

    package static func statsCSV(_ m: Monitoring) -> [UInt8] {
        var csv = ExcelCSV(header: header)
        for f in m.wijkteams { csv.append(cells(f)) }
        csv.append(cells(m.total))
        return csv.data
    }

    package static func verwijzersCSV(_ m: Monitoring) -> [UInt8] {
        var csv = ExcelCSV(header: ["wijkteam", "verwijzer", "hulpvragen", "open"])
        for r in m.verwijzers { csv.append([r.wijkteam, r.verwijzer.isEmpty ? "(onbekend)" : r.verwijzer, "\(r.hulpvragen)", "\(r.open)"]) }
        return csv.data
    }

    /// The figures as a table for the terminal.
    package static func text(_ m: Monitoring) -> String {
        let columns = ["wijkteam", "huishoudens", "clienten", "plannen", "per hh", "hh >1 plan", "hulpvragen", "open", "voorz.", "activ.", "fte"]
        func row(_ f: WijkteamFigures) -> [String] {
            [f.wijkteam.isEmpty ? "(geen)" : f.wijkteam, "\(f.huishoudens)", "\(f.clienten)", "\(f.plannenActief)",
             String(format: "%.2f", f.plannenPerHuishouden), "\(f.huishoudensMeerderePlannen)", "\(f.hulpvragen)", "\(f.hulpvragenOpen)",
             "\(f.voorzieningenActief)", "\(f.activiteiten)", String(format: "%.2f", f.fte)]
        }
        let rows = [columns] + m.wijkteams.map(row) + [row(m.total)]
        let widths = columns.indices.map { i in rows.map { $0[i].count }.max()! }
        var out = "figures at the peildatum \(m.peildatum.iso)" + (m.run.map { ", store of migratierun \($0.id) (\($0.migratie), \($0.finished))" } ?? "") + "\n"
        for r in rows {
            out += r.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
        }
        return out
    }

    package static func html(_ m: Monitoring) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var h = """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>Monitoring wijkteams \(esc(m.peildatum.iso))</title>
            <style>body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:.5em 0}
            td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:bottom}th{background:#f3f3f3;text-align:left;max-width:8em}
            td.n{text-align:right}td{white-space:nowrap}
            tr.total td{font-weight:bold}</style></head><body>
            <h1>Monitoring wijkteams</h1>
            <p>Figures on \(esc(m.peildatum.iso))\(m.run.map { ", from the store of migratierun \(esc($0.id)) (\(esc($0.migratie)), finished \(esc($0.finished)))" } ?? "").
            Active: begun on or before that day and not ended before it; an open hulpvraag has no closing date and no closed status.</p>
            <h2>Per wijkteam</h2>
            <table id="wijkteams"><tr>
            """
        h += labels.map { "<th>\(esc($0))</th>" }.joined() + "</tr>\n"
        for (i, f) in (m.wijkteams + [m.total]).enumerated() {
            let cls = i == m.wijkteams.count ? " class=\"total\"" : ""
            h += "<tr\(cls)>" + cells(f).enumerated().map { j, c in j < 2 ? "<td>\(esc(c))</td>" : "<td class=\"n\">\(esc(c))</td>" }.joined() + "</tr>\n"
        }
        h += "</table>\n<h2>Hulpvragen by verwijzer</h2>\n<table id=\"verwijzers\"><tr><th>wijkteam</th><th>verwijzer</th><th>hulpvragen</th><th>open</th></tr>\n"
        for r in m.verwijzers {
            h += "<tr><td>\(esc(r.wijkteam.isEmpty ? "(geen wijkteam)" : r.wijkteam))</td><td>\(esc(r.verwijzer.isEmpty ? "(onbekend)" : r.verwijzer))</td>"
                + "<td class=\"n\">\(r.hulpvragen)</td><td class=\"n\">\(r.open)</td></tr>\n"
        }
        h += "</table>\n</body></html>\n"
        return h
    }

    /// Writes stats.csv, verwijzers.csv and stats.html into `folder` (created).
    package static func write(_ m: Monitoring, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Reports.writeFile(statsCSV(m), folder.appendingPathComponent("stats.csv"))
        try Reports.writeFile(verwijzersCSV(m), folder.appendingPathComponent("verwijzers.csv"))
        try Reports.writeFile(Array(html(m).utf8), folder.appendingPathComponent("stats.html"))
    }
}

import WijkReport

/// Small pieces of HTML: escaping, the page around the content, and bar charts as inline SVG
/// (no script, no font, nothing from the network).
enum HTML {
    static func esc(_ text: String) -> String { HTMLReport.esc(text) }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
        header{background:#1f4e79;color:#fff;padding:.6em 1.2em;display:flex;gap:1.5em;align-items:baseline}
        header a{color:#fff;text-decoration:none;font-weight:600}header a.hier{text-decoration:underline}
        header .naam{font-size:1.15em;font-weight:700;margin-right:1em}
        main{padding:1em 1.5em;max-width:1200px}
        table{border-collapse:collapse;background:#fff;margin:.5em 0 1.2em}
        th,td{border:1px solid #d5dbe3;padding:.3em .6em;text-align:left;vertical-align:top}
        th{background:#eef2f6}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .verschil{background:#fff1c2;font-weight:600}
        .status{padding:.5em .8em;border-radius:4px;margin:.5em 0;background:#e8f1fb}
        .status.loopt{background:#fff6d6}.status.fout{background:#fde2e2}
        .melding{padding:.6em .9em;border-radius:4px;margin:.6em 0;background:#e3f4e6}
        .melding.fout{background:#fde2e2}
        .open{color:#a33b00;font-weight:600}.besloten{color:#1d6b2f;font-weight:600}
        pre{background:#fff;border:1px solid #d5dbe3;padding:.4em;white-space:pre-wrap;word-break:break-all;margin:0;font-size:.85em}
        form.filter{display:flex;gap:1em;align-items:end;flex-wrap:wrap;margin:.5em 0}
        label{display:block;font-size:.9em}textarea{width:32em;height:4em}
        .keuze{margin:.3em 0}.grafieken{display:flex;gap:2em;flex-wrap:wrap}
        """

    static func page(_ title: String, _ w: Woorden, base: String, here: String, status: String, body: String, refresh: Bool) -> String {
        func link(_ path: String, _ text: String) -> String {
            "<a href=\"\(base)\(path)\"\(path == here ? " class=\"hier\"" : "")>\(esc(text))</a>"
        }
        return """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>\(esc(title)) — \(esc(w.titel))</title>
            \(refresh ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>\(style)</style></head>
            <body><header><span class="naam">\(esc(w.titel))</span>\(link("", w.overzicht))\(link("conflicten", w.conflicten))\(link("afwijzingen", w.afwijzingen))</header>
            <main>\(status)\(body)</main></body></html>
            """
    }

    /// Horizontal bars: one row per label, each with stacked parts (value, colour, name).
    static func bars(_ rows: [(label: String, parts: [(value: Int, colour: String, name: String)])], legend: [(String, String)]) -> String {
        let width = 420.0, labelWidth = 190.0, rowHeight = 22.0
        let most = max(1, rows.map { $0.parts.reduce(0) { $0 + $1.value } }.max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + width + 60))\" height=\"\(Int(Double(rows.count) * rowHeight + 28))\" role=\"img\">"
        for (i, row) in rows.enumerated() {
            let y = Double(i) * rowHeight
            svg += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(esc(String(row.label.prefix(28))))</text>"
            var x = labelWidth
            for part in row.parts where part.value > 0 {
                let w = max(1, width * Double(part.value) / Double(most))
                svg += "<rect x=\"\(x)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" fill=\"\(part.colour)\"><title>\(esc(part.name)): \(part.value)</title></rect>"
                x += w
            }
            svg += "<text x=\"\(x + 4)\" y=\"\(y + 15)\" font-size=\"12\">\(row.parts.reduce(0) { $0 + $1.value })</text>"
        }
        var x = 0.0
        let y = Double(rows.count) * rowHeight + 18
        for (name, colour) in legend {
            svg += "<rect x=\"\(x)\" y=\"\(y - 10)\" width=\"10\" height=\"10\" fill=\"\(colour)\"/><text x=\"\(x + 14)\" y=\"\(y)\" font-size=\"12\">\(esc(name))</text>"
            x += 26 + Double(name.count) * 8
        }
        return svg + "</svg>"
    }
}

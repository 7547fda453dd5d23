import WijkModel
import WijkPipeline

/// The workspace's pages as HTML, from a snapshot of the latest check. Nothing here reads a
/// file or the clock; the server hands in what a page needs.
struct Pages {
    let w: Woorden
    /// "/TOKEN/": every link and form starts with it.
    let base: String
    let csrf: String
    let reveal: Bool

    static let colours = (loaded: "#2f7d4a", merged: "#6aa5d8", rejected: "#c8553d", open: "#d98b2b", decided: "#2f7d4a")

    // MARK: - Status line

    func status(snapshot: Snapshot?, running: Bool, failure: String?, change: Change?) -> String {
        var out = ""
        if running {
            out += "<div class=\"status loopt\" id=\"herberekening\" data-status=\"loopt\">\(HTML.esc(w.herberekeningLoopt))</div>"
        } else if let failure {
            out += "<div class=\"status fout\" id=\"herberekening\" data-status=\"fout\">\(HTML.esc(w.herberekeningMislukt)): \(HTML.esc(Masking.keys(failure, reveal: reveal)))</div>"
        } else if let snapshot {
            out += "<div class=\"status\" id=\"herberekening\" data-status=\"klaar\" data-check=\"\(snapshot.number)\">\(HTML.esc(w.herberekeningKlaar)) (check \(snapshot.number)): "
                + "\(snapshot.openIDs.count) \(HTML.esc(w.open)), \(snapshot.conflicts.filter { $0.status == .decided }.count) \(HTML.esc(w.besloten))</div>"
        }
        if let change {
            var text = "\(HTML.esc(w.laatsteBesluit)): <a href=\"\(base)conflict/\(change.conflict)\">\(change.conflict)</a> (\(HTML.esc(change.what)))"
            if let closed = change.closed, let opened = change.opened {
                text += " — \(HTML.esc(w.gesloten)): \(closed.isEmpty ? "—" : closed.map(link).joined(separator: ", "))"
                text += "; \(HTML.esc(w.geopend)): \(opened.isEmpty ? "—" : opened.map(link).joined(separator: ", "))"
            }
            out += "<div class=\"status\" id=\"laatste-besluit\">\(text)</div>"
        }
        return out
    }

    func link(_ id: String) -> String { "<a href=\"\(base)conflict/\(id)\">\(id)</a>" }

    // MARK: - Overview

    func overview(_ s: Snapshot) -> String {
        var out = "<h1>\(HTML.esc(w.overzicht)): \(HTML.esc(s.summary.migratie))</h1>"
        out += "<p>\(s.openIDs.count) <a href=\"\(base)conflicten?status=open\" id=\"open-conflicten\">\(HTML.esc(w.open)) \(HTML.esc(w.conflicten.lowercased()))</a></p>"
        let sources = s.summary.sources.map { ($0.bron, [(value: $0.total.loaded, colour: Self.colours.loaded, name: w.geladen),
                                                       (value: $0.total.merged, colour: Self.colours.merged, name: w.samengevoegd),
                                                       (value: $0.total.rejected, colour: Self.colours.rejected, name: w.afgewezen)]) }
        var kinds: [(label: String, parts: [(value: Int, colour: String, name: String)])] = []
        for kind in ConflictKind.allCases {
            let of = s.conflicts.filter { $0.conflict.soort == kind }
            guard !of.isEmpty else { continue }
            kinds.append((kind.rawValue, [(of.filter { $0.status == .open }.count, Self.colours.open, w.open),
                                          (of.filter { $0.status != .open }.count, Self.colours.decided, w.besloten)]))
        }
        let rules = Dictionary(grouping: s.rejections, by: { $0.finding.rule.rawValue }).map { ($0.key, $0.value.count) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        out += "<div class=\"grafieken\">"
        out += "<section><h2>\(HTML.esc(w.recordsPerBron))</h2>" + HTML.bars(sources.map { (label: $0.0, parts: $0.1) },
            legend: [(w.geladen, Self.colours.loaded), (w.samengevoegd, Self.colours.merged), (w.afgewezen, Self.colours.rejected)]) + "</section>"
        out += "<section><h2>\(HTML.esc(w.conflictenPerSoort))</h2>" + HTML.bars(kinds, legend: [(w.open, Self.colours.open), (w.besloten, Self.colours.decided)]) + "</section>"
        out += "<section><h2>\(HTML.esc(w.afwijzingenPerRegel))</h2>" + HTML.bars(rules.map { rule in
            (label: rule.0, parts: [(value: rule.1, colour: Self.colours.rejected, name: w.afgewezen)]) }, legend: []) + "</section>"
        out += "</div>"
        out += "<h2>\(HTML.esc(w.recordsPerBronEnEntiteit))</h2>"
        out += "<table><tr><th>\(HTML.esc(w.bron))</th><th>\(HTML.esc(w.entiteit))</th><th>\(HTML.esc(w.gelezen))</th><th>\(HTML.esc(w.geladen))</th><th>\(HTML.esc(w.samengevoegd))</th><th>\(HTML.esc(w.afgewezen))</th></tr>"
        for source in s.summary.sources {
            for (entity, c) in source.entities.sorted(by: { (Entity(rawValue: $0.key) ?? .team, $0.key) < (Entity(rawValue: $1.key) ?? .team, $1.key) }) {
                out += "<tr><td>\(HTML.esc(source.bron))</td><td>\(HTML.esc(entity))</td>\(counts(c))</tr>"
            }
            out += "<tr><th>\(HTML.esc(source.bron))</th><th>\(HTML.esc(w.totaal))</th>\(counts(source.total, strong: true))</tr>"
        }
        out += "<tr><th colspan=\"2\">\(HTML.esc(w.totaal))</th>\(counts(s.summary.total, strong: true))</tr></table>"

        if !reveal { out += "<p><small>\(HTML.esc(w.gemaskeerd))</small></p>" }
        return out
    }

    func counts(_ c: Counts, strong: Bool = false) -> String {
        [c.read, c.loaded, c.merged, c.rejected].map { strong ? "<th class=\"num\">\($0)</th>" : "<td class=\"num\">\($0)</td>" }.joined()
    }

    // MARK: - Conflicts

    struct ConflictFilter {
        var soort = "", bron = "", status = "", wijkteam = ""
        func keeps(_ o: ConflictOutcome, wijkteam team: String?) -> Bool {
            (soort.isEmpty || o.conflict.soort.rawValue == soort)
                && (bron.isEmpty || o.conflict.bronnen.contains(bron))
                && (status.isEmpty || statusWord(o.status) == status)
                && (wijkteam.isEmpty || team == wijkteam)
        }
        func statusWord(_ s: ConflictOutcome.Status) -> String {
            switch s { case .open: return "open"; case .decided: return "besloten"; case .namespaced: return "naamruimte" }
        }
    }

    func statusText(_ s: ConflictOutcome.Status) -> String {
        switch s {
        case .open: return "<span class=\"open\">\(HTML.esc(w.open))</span>"
        case .decided: return "<span class=\"besloten\">\(HTML.esc(w.besloten))</span>"
        case .namespaced: return HTML.esc(w.naamruimte)
        }
    }

    func select(_ name: String, _ label: String, _ values: [(String, String)], chosen: String) -> String {
        var out = "<label>\(HTML.esc(label))<br><select name=\"\(name)\"><option value=\"\">\(HTML.esc(w.alle))</option>"
        for (value, text) in values { out += "<option value=\"\(HTML.esc(value))\"\(value == chosen ? " selected" : "")>\(HTML.esc(text))</option>" }
        return out + "</select></label>"
    }

    func conflicts(_ s: Snapshot, filter: ConflictFilter) -> String {
        let shown = s.conflicts.filter { filter.keeps($0, wijkteam: s.wijkteamOf[$0.conflict.id]) }
        var out = "<h1>\(HTML.esc(w.conflicten))</h1><form class=\"filter\" method=\"get\" action=\"\(base)conflicten\">"
        out += select("soort", w.soort, ConflictKind.allCases.filter { k in s.conflicts.contains { $0.conflict.soort == k } }.map { ($0.rawValue, $0.rawValue) }, chosen: filter.soort)
        out += select("bron", w.bron, s.plan.sources.map { ($0.name, $0.name) }, chosen: filter.bron)
        out += select("status", w.status, [("open", w.open), ("besloten", w.besloten), ("naamruimte", w.naamruimte)], chosen: filter.status)
        out += select("wijkteam", w.wijkteam, s.plan.wijkteams.map { ($0.id, $0.naam) }, chosen: filter.wijkteam)
        out += "<button type=\"submit\">\(HTML.esc(w.filter))</button></form>"
        guard !shown.isEmpty else { return out + "<p>\(HTML.esc(w.geenConflicten))</p>" }
        out += "<p id=\"aantal\" data-aantal=\"\(shown.count)\">\(shown.count) \(HTML.esc(w.conflicten.lowercased()))</p>"
        out += "<table id=\"conflicten\"><tr><th>Id</th><th>\(HTML.esc(w.soort))</th><th>\(HTML.esc(w.status))</th><th>\(HTML.esc(w.sleutel))</th><th>\(HTML.esc(w.bronnen))</th><th>\(HTML.esc(w.wijkteam))</th><th>\(HTML.esc(w.melding))</th></tr>"
        for o in shown {
            let c = o.conflict
            out += "<tr data-status=\"\(filter.statusWord(o.status))\"><td><a class=\"conflict\" href=\"\(base)conflict/\(c.id)\">\(c.id)</a></td><td>\(c.soort.rawValue)</td><td>\(statusText(o.status))</td>"
                + "<td>\(HTML.esc(Masking.keys(c.sleutel, reveal: reveal)))</td><td>\(HTML.esc(c.bronnen.joined(separator: ", ")))</td>"
                + "<td>\(HTML.esc(s.wijkteamOf[c.id] ?? "—"))</td><td>\(HTML.esc(w.soorten[c.soort.rawValue] ?? c.detail))</td></tr>"
        }
        return out + "</table>"
    }

    // MARK: - One conflict

    func conflict(_ o: ConflictOutcome, raw: [String: String], inFile: String, fingerprint: String, wijken: [(String, String)],
                  steward: String?, notice: (text: String, error: Bool)?) -> String {
        let c = o.conflict
        var out = "<h1>\(HTML.esc(w.conflicten)): \(c.id)</h1>"
        if let notice { out += "<div class=\"melding\(notice.error ? " fout" : "")\" id=\"melding\">\(HTML.esc(notice.text))</div>" }
        out += "<p><b>\(c.soort.rawValue)</b> — \(statusText(o.status)) — \(HTML.esc(c.entiteit)) \(HTML.esc(Masking.keys(c.sleutel, reveal: reveal)))</p>"
        out += "<p>\(HTML.esc(w.soorten[c.soort.rawValue] ?? c.detail))</p>"

        // The sides next to each other, the values that differ marked.
        let fields = c.sides.flatMap { $0.values.map(\.0) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        out += "<table id=\"zijden\"><tr><th></th>" + c.sides.enumerated().map { "<th>\($0.offset + 1). \(HTML.esc($0.element.provenance.bron))</th>" }.joined() + "</tr>"
        out += "<tr><th>\(HTML.esc(w.herkomst))</th>" + c.sides.map { side in
            "<td>\(HTML.esc(side.provenance.bestand)) \(HTML.esc(place(side.provenance.locatie.stored)))<br><small>\(HTML.esc(Masking.keys(side.record, reveal: reveal)))</small></td>"
        }.joined() + "</tr>"
        for field in fields {
            let values = c.sides.map { side in side.values.first { $0.0 == field }?.1 ?? "" }
            let differs = Set(values).count > 1
            out += "<tr><th>\(HTML.esc(field))</th>" + values.map { v in
                "<td\(differs ? " class=\"verschil\" title=\"\(HTML.esc(w.verschilt))\"" : "")>\(HTML.esc(shown(v, field: field)))</td>"
            }.joined() + "</tr>"
        }
        out += "<tr><th>\(HTML.esc(w.ruweRegel))</th>" + c.sides.map { side in
            let key = "\(side.provenance.bron)\u{0}\(side.provenance.bestand)\u{0}\(side.provenance.locatie.stored)"
            return "<td>" + (raw[key].map { "<pre>\(HTML.esc(reveal ? $0 : Masking.keys($0, reveal: false)))</pre>" } ?? "<small>\(HTML.esc(w.ruweRegelsOnbekend))</small>") + "</td>"
        }.joined() + "</tr></table>"

        // The decision.
        out += "<h2>\(HTML.esc(w.besluit))</h2>"
        if let besluit = o.besluit { out += "<p class=\"besloten\" id=\"besluit\">\(HTML.esc(Masking.keys(besluit, reveal: reveal)))</p>" }
        guard c.soort.needsDecision else { return out + "<p>\(HTML.esc(w.geenBesluitNodig))</p>" }
        if !inFile.isEmpty {
            out += "<pre id=\"in-bestand\">\(HTML.esc(inFile))</pre>"
            out += "<form method=\"post\" action=\"\(base)conflict/\(c.id)/intrekken\">\(hidden(fingerprint))<button type=\"submit\" id=\"intrekken\">\(HTML.esc(w.herstellen))</button></form>"
        }
        out += "<h3>\(HTML.esc(w.besluitNemen))</h3><form method=\"post\" action=\"\(base)conflict/\(c.id)/besluit\" id=\"besluit-form\">\(hidden(fingerprint))"
        for (i, option) in c.options.enumerated() {
            out += "<div class=\"keuze\"><label><input type=\"radio\" name=\"keuze\" value=\"\(i)\" required> \(HTML.esc(Masking.keys(w.keuze(option.action), reveal: reveal)))"
            if !option.complete && option.action.hasPrefix("zet: { wijk:") {
                out += " <select name=\"wijk\"><option value=\"\">\(HTML.esc(w.kiesWijk))</option>"
                    + wijken.map { "<option value=\"\(HTML.esc($0.0))\">\(HTML.esc($0.0)) \(HTML.esc($0.1))</option>" }.joined() + "</select>"
            }
            out += "</label></div>"
        }
        if let steward {
            out += "<p>\(HTML.esc(w.wie)): <b>\(HTML.esc(steward))</b></p>"
        } else {
            out += "<label>\(HTML.esc(w.wie)) <small>\(HTML.esc(w.stewardOnbekend))</small><br><input name=\"wie\" required></label>"
        }
        out += "<label>\(HTML.esc(w.waarom))<br><textarea name=\"waarom\" required></textarea></label>"
        out += "<p><button type=\"submit\" id=\"opslaan\">\(HTML.esc(w.opslaan))</button></p></form>"
        return out
    }

    func hidden(_ fingerprint: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\"><input type=\"hidden\" name=\"stand\" value=\"\(HTML.esc(fingerprint))\">"
    }

    func place(_ locatie: String) -> String { Int(locatie) != nil ? "regel \(locatie)" : locatie }

    func shown(_ value: String, field: String) -> String {
        if reveal || value.isEmpty { return value }
        if field == "bsn" { return Masking.bsn(value) }
        if FieldDefinition.personalNames.contains(field) { return w.verborgen }
        return Masking.keys(value, reveal: false)
    }

    // MARK: - Rejects

    struct RejectFilter { var bron = "", regel = "", bestand = "" }

    func rejects(_ s: Snapshot, filter: RejectFilter, shown: [Rejection], total: Int, raw: [String: String]) -> String {
        var out = "<h1>\(HTML.esc(w.afwijzingen))</h1><form class=\"filter\" method=\"get\" action=\"\(base)afwijzingen\">"
        let rules = Set(s.rejections.map { $0.finding.rule.rawValue }).sorted()
        let files = Set(s.rejections.map { $0.finding.provenance.bestand }).sorted()
        out += select("bron", w.bron, s.plan.sources.map { ($0.name, $0.name) }, chosen: filter.bron)
        out += select("regel", w.regel, rules.map { ($0, $0) }, chosen: filter.regel)
        out += select("bestand", w.bestand, files.map { ($0, $0) }, chosen: filter.bestand)
        out += "<button type=\"submit\">\(HTML.esc(w.filter))</button></form>"
        guard total > 0 else { return out + "<p>\(HTML.esc(w.geenAfwijzingen))</p>" }
        out += "<p id=\"aantal\" data-aantal=\"\(total)\">\(total) \(HTML.esc(w.afwijzingen.lowercased()))\(shown.count < total ? " (de eerste \(shown.count))" : "")</p>"
        out += "<table id=\"afwijzingen\"><tr><th>\(HTML.esc(w.bron))</th><th>\(HTML.esc(w.bestand))</th><th>\(HTML.esc(w.plek))</th><th>\(HTML.esc(w.entiteit))</th><th>\(HTML.esc(w.regel))</th><th>\(HTML.esc(w.melding))</th><th>\(HTML.esc(w.ruweRegel))</th></tr>"
        for r in shown {
            let p = r.finding.provenance
            let key = "\(p.bron)\u{0}\(p.bestand)\u{0}\(p.locatie.stored)"
            let text = reveal ? r.raw : Masking.keys(raw[key] ?? r.raw, reveal: false)
            out += "<tr><td>\(HTML.esc(p.bron))</td><td>\(HTML.esc(p.bestand))</td><td>\(HTML.esc(place(p.locatie.stored)))</td><td>\(r.finding.entiteit.rawValue)</td>"
                + "<td>\(r.finding.rule.rawValue)</td><td>\(HTML.esc(r.finding.message(reveal: reveal)))</td><td><pre>\(HTML.esc(text))</pre></td></tr>"
        }
        return out + "</table>"
    }
}

import WijkModel

/// `report.html`: one self-contained page (no network: styles and script inline) that a steward
/// opens in a browser — counts per source, the rules broken most, and every conflict with its
/// sources side by side and the lines to paste into `besluiten.yml`, filterable by kind and source.
package enum HTMLReport {
    package struct ConflictView {
        package let conflict: Conflict
        package let status: String
        package let besluit: String?
        package init(conflict: Conflict, status: String, besluit: String?) {
            self.conflict = conflict
            self.status = status
            self.besluit = besluit
        }
    }

    package static func page(summary: RunSummary, conflicts: [ConflictView], reveal: Bool) -> String {
        var h = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Wijkmigratie report: \(esc(summary.migratie))</title>
            <style>\(css)</style></head><body>
            <h1>Wijkmigratie report: \(esc(summary.migratie))</h1>
            """
        let t = summary.total
        h += "<p id=\"totals\">\(t.read) records read: \(t.loaded) loaded, \(t.merged) merged, \(t.rejected) rejected. "
        h += "\(summary.findings.errors) errors, \(summary.findings.warnings) warnings. "
        h += "\(conflicts.count) conflicts, \(summary.openConflicts) open.</p>\n"
        for reason in summary.blocked { h += "<p class=\"blocked\">Blocked: \(esc(reason))</p>\n" }
        for id in summary.stale { h += "<p class=\"stale\">Stale decision: \(esc(id)) matches no conflict any more.</p>\n" }

        h += "<h2>Records per source</h2>\n<table id=\"counts\"><tr><th>source</th><th>entity</th><th>read</th><th>loaded</th><th>merged</th><th>rejected</th></tr>\n"
        for source in summary.sources {
            for (entity, c) in source.entities.sorted(by: { Entity(rawValue: $0.key) ?? .team < Entity(rawValue: $1.key) ?? .team }) {
                h += "<tr><td>\(esc(source.bron))</td><td>\(esc(entity))</td><td>\(c.read)</td><td>\(c.loaded)</td><td>\(c.merged)</td><td>\(c.rejected)</td></tr>\n"
            }
        }
        h += "</table>\n"

        h += "<h2>Rules broken most</h2>\n<table id=\"rules\"><tr><th>rule</th><th>findings</th></tr>\n"
        for (rule, n) in summary.findings.rules.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(15) {
            h += "<tr><td><code>\(esc(rule))</code></td><td>\(n)</td></tr>\n"
        }
        h += "</table>\n"

        let kinds = Set(conflicts.map(\.conflict.soort.rawValue)).sorted()
        let sources = Set(conflicts.flatMap(\.conflict.bronnen)).sorted()
        h += "<h2>Conflicts</h2>\n<form id=\"filter\"><label>Kind <select id=\"soort\"><option value=\"\">all</option>"
        for k in kinds { h += "<option>\(esc(k))</option>" }
        h += "</select></label> <label>Source <select id=\"bron\"><option value=\"\">all</option>"
        for s in sources { h += "<option>\(esc(s))</option>" }
        h += "</select></label> <label>Status <select id=\"status\"><option value=\"\">all</option><option>open</option><option>decided</option></select></label>"
        h += " <span>showing <span id=\"shown\">\(conflicts.count)</span> of \(conflicts.count)</span></form>\n"
        for view in conflicts {
            let c = view.conflict
            h += "<section class=\"conflict\" id=\"\(esc(c.id))\" data-soort=\"\(esc(c.soort.rawValue))\" data-bronnen=\"\(esc(c.bronnen.joined(separator: " ")))\" data-status=\"\(esc(view.status.hasPrefix("open") ? "open" : "decided"))\">\n"
            h += "<h3><code>\(esc(c.id))</code> \(esc(c.soort.rawValue)) <span class=\"status\">\(esc(view.status))</span></h3>\n"
            h += "<p>\(esc(c.entiteit)) <code>\(esc(Masking.keys(c.sleutel, reveal: reveal)))</code>: \(esc(Masking.keys(c.detail, reveal: reveal)))</p>\n"
            let fields = c.sides.first?.values.map(\.0) ?? []
            h += "<table class=\"sides\"><tr><th>source</th><th>file</th><th>where</th><th>record</th>" + fields.map { "<th>\(esc($0))</th>" }.joined() + "</tr>\n"
            for side in c.sides {
                h += "<tr><td>\(esc(side.provenance.bron))</td><td>\(esc(side.provenance.bestand))</td><td>\(esc(side.provenance.locatie.stored))</td>"
                h += "<td><code>\(esc(Masking.keys(side.record, reveal: reveal)))</code></td>"
                for (field, value) in side.values {
                    let shown = reveal || !Reports.personal(field) ? value : Masking.value(value, field: field)
                    h += "<td>\(esc(shown))</td>"
                }
                h += "</tr>\n"
            }
            h += "</table>\n"
            if let besluit = view.besluit {
                h += "<p class=\"besluit\">Decided: \(esc(besluit))</p>\n"
            } else if c.soort.needsDecision {
                h += "<p>Paste one line into <code>besluiten.yml</code> and fill in <code>wie</code> and <code>waarom</code>:</p><ul class=\"options\">\n"
                for (option, line) in zip(c.options, Reports.pasteLines(c, reveal: reveal)) {
                    h += "<li>\(esc(option.meaning)):<pre class=\"paste\">\(esc(line))</pre></li>\n"
                }
                h += "</ul>\n"
            }
            h += "</section>\n"
        }
        h += "<script>\(script)</script>\n</body></html>\n"
        return h
    }

    /// Text for HTML, in element content and in quoted attributes alike (the workspace's pages
    /// use it too).
    package static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    static let css = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:.5em 0}
        td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}th{background:#f3f3f3}
        section.conflict{border:1px solid #bbb;border-radius:4px;padding:.3em 1em;margin:1em 0}
        .status{font-size:.8em;background:#eee;border-radius:3px;padding:.1em .4em}.blocked{color:#a00;font-weight:bold}
        .stale{color:#a60}pre.paste{background:#f7f7e8;padding:.5em}.besluit{color:#060}
        """

    /// Filters the conflicts by kind, source and status; the URL fragment (`#soort=…&bron=…`)
    /// sets the filter, so that a link can point at one kind.
    static let script = """
        (function(){
          var s=document.getElementById('soort'),b=document.getElementById('bron'),t=document.getElementById('status');
          function apply(){
            var n=0;
            document.querySelectorAll('section.conflict').forEach(function(e){
              var ok=(!s.value||e.dataset.soort===s.value)&&(!b.value||e.dataset.bronnen.split(' ').indexOf(b.value)>=0)&&(!t.value||e.dataset.status===t.value);
              e.style.display=ok?'':'none'; if(ok)n++;
            });
            document.getElementById('shown').textContent=n;
            document.body.setAttribute('data-filtered', s.value+'|'+b.value+'|'+t.value);
          }
          var q=new URLSearchParams(location.hash.slice(1));
          if(q.get('soort'))s.value=q.get('soort'); if(q.get('bron'))b.value=q.get('bron'); if(q.get('status'))t.value=q.get('status');
          [s,b,t].forEach(function(x){x.addEventListener('change',apply)});
          apply();
        })();
        """
}

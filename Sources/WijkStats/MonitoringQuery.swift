import WijkModel
import WijkStore

/// Reads the monitoring figures from a store with a few GROUP BY queries that SQLite and
/// PostgreSQL both answer alike (every column cast to TEXT; dates compared as ISO text).
package enum MonitoringQuery {
    package static func collect(from store: WijkteamStore, peildatum: CivilDate) async throws -> Monitoring {
        let day = "'\(peildatum.iso)'"   // a CivilDate prints digits and dashes only
        func rows(_ sql: String) async throws -> [[String]] {
            try await store.query(sql).map { $0.map { $0 ?? "" } }
        }
        func int(_ s: String) -> Int { Int(s) ?? 0 }

        var figures: [String: WijkteamFigures] = [:]
        var order: [String] = []
        for row in try await rows("SELECT CAST(id AS TEXT), CAST(naam AS TEXT) FROM wijkteam ORDER BY id") {
            figures[row[0]] = WijkteamFigures(wijkteam: row[0], naam: row[1])
            order.append(row[0])
        }
        func update(_ wijkteam: String, _ change: (inout WijkteamFigures) -> Void) {
            if figures[wijkteam] == nil {
                figures[wijkteam] = WijkteamFigures(wijkteam: wijkteam, naam: wijkteam.isEmpty ? "(geen wijkteam)" : wijkteam)
                order.append(wijkteam)
            }
            change(&figures[wijkteam]!)
        }

        for row in try await rows("SELECT CAST(wijkteam AS TEXT), CAST(COUNT(*) AS TEXT) FROM huishouden GROUP BY wijkteam") {
            update(row[0]) { $0.huishoudens = int(row[1]) }
        }
        for row in try await rows("""
            SELECT CAST(h.wijkteam AS TEXT), CAST(COUNT(*) AS TEXT)
            FROM client c LEFT JOIN huishouden h ON h.id = c.huishouden GROUP BY h.wijkteam
            """) {
            update(row[0]) { $0.clienten = int(row[1]) }
        }
        // Active plans per household: the count per household gives the "one plan" figures.
        for row in try await rows("""
            SELECT CAST(h.wijkteam AS TEXT), CAST(COUNT(*) AS TEXT)
            FROM plan p JOIN huishouden h ON h.id = p.huishouden
            WHERE \(CaseStatus.sqlPlanIsActive("p", day: day))
            GROUP BY h.wijkteam, h.id
            """) {
            let n = int(row[1])
            update(row[0]) {
                $0.plannenActief += n
                $0.huishoudensMetPlan += 1
                if n > 1 { $0.huishoudensMeerderePlannen += 1 }
            }
        }
        var referrals: [String: [String: Referrals]] = [:]
        for row in try await rows("""
            SELECT CAST(h.wijkteam AS TEXT), CAST(v.verwijzer AS TEXT),
                   CAST(CASE WHEN \(CaseStatus.sqlHulpvraagIsOpen("v", day: day)) THEN 1 ELSE 0 END AS TEXT),
                   CAST(COUNT(*) AS TEXT)
            FROM hulpvraag v JOIN client c ON c.bsn = v.bsn LEFT JOIN huishouden h ON h.id = c.huishouden
            WHERE v.meldingsdatum IS NULL OR v.meldingsdatum <= \(day)
            GROUP BY h.wijkteam, v.verwijzer,
                     CASE WHEN \(CaseStatus.sqlHulpvraagIsOpen("v", day: day)) THEN 1 ELSE 0 END
            """) {
            let (wijkteam, verwijzer, open, n) = (row[0], row[1], row[2] == "1", int(row[3]))
            update(wijkteam) {
                $0.hulpvragen += n
                if open { $0.hulpvragenOpen += n }
            }
            var r = referrals[wijkteam, default: [:]][verwijzer] ?? Referrals(wijkteam: wijkteam, verwijzer: verwijzer, hulpvragen: 0, open: 0)
            r.hulpvragen += n
            if open { r.open += n }
            referrals[wijkteam, default: [:]][verwijzer] = r
        }
        for row in try await rows("""
            SELECT CAST(h.wijkteam AS TEXT), CAST(COUNT(*) AS TEXT)
            FROM voorziening z JOIN client c ON c.bsn = z.bsn LEFT JOIN huishouden h ON h.id = c.huishouden
            WHERE (z.begindatum IS NULL OR z.begindatum <= \(day)) AND (z.einddatum IS NULL OR z.einddatum >= \(day))
            GROUP BY h.wijkteam
            """) {
            update(row[0]) { $0.voorzieningenActief = int(row[1]) }
        }
        for row in try await rows("""
            SELECT CAST(wijkteam AS TEXT), CAST(COUNT(*) AS TEXT) FROM activiteit
            WHERE (startdatum IS NULL OR startdatum <= \(day)) AND (einddatum IS NULL OR einddatum >= \(day))
            GROUP BY wijkteam
            """) {
            update(row[0]) { $0.activiteiten = int(row[1]) }
        }
        // Staff per wijkteam from their inzet: a person who serves two wijkteams counts in each,
        // with the FTE given to that wijkteam.
        var counted: Set<[String]> = []
        for row in try await rows("""
            SELECT CAST(wijkteam AS TEXT), CAST(medewerker AS TEXT), CAST(fte AS TEXT) FROM medewerker_inzet ORDER BY medewerker, wijkteam
            """) {
            let isNew = counted.insert([row[0], row[1]]).inserted
            update(row[0]) {
                if isNew { $0.medewerkers += 1 }
                $0.fteDuizendsten += Int(((Double(row[2]) ?? 0) * 1000).rounded())
            }
        }
        let run = try await rows("""
            SELECT CAST(id AS TEXT), CAST(migratie AS TEXT), CAST(finished AS TEXT) FROM migratierun ORDER BY id DESC LIMIT 1
            """).first.map { (id: $0[0], migratie: $0[1], finished: $0[2]) }

        // Known wijkteams in id order, then what belongs to none.
        let teams = order.filter { !$0.isEmpty }.map { figures[$0]! } + (figures[""].map { [$0] } ?? [])
        let teamRank = Dictionary(uniqueKeysWithValues: teams.enumerated().map { ($1.wijkteam, $0) })
        let verwijzers = referrals.values.flatMap(\.values).sorted {
            (teamRank[$0.wijkteam] ?? 0, $0.verwijzer.isEmpty ? "\u{10FFFF}" : $0.verwijzer) < (teamRank[$1.wijkteam] ?? 0, $1.verwijzer.isEmpty ? "\u{10FFFF}" : $1.verwijzer)
        }
        return Monitoring(peildatum: peildatum, run: run, wijkteams: teams, verwijzers: verwijzers)
    }
}

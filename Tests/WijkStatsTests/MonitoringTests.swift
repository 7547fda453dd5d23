import Foundation
import Testing
import TestSupport
import WijkModel
import WijkSQLite
import WijkStats
import WijkStore

/// The monitoring figures on a hand-made SQLite store whose answers are known (the same store
/// content is checked on PostgreSQL in WijkPostgresTests).
struct MonitoringTests {
    let day = CivilDate(year: 2017, month: 6, day: 30)!
    let run = RunRecord(migratie: "t", started: "2017-06-30T08:00:00Z", finished: "2017-06-30T08:00:01Z", inputChecksum: "x", counts: "{}")

    func store() async throws -> (SQLiteStore, TempDir) {
        let dir = TempDir("stats")
        let store = try SQLiteStore(path: dir.path + "/s.sqlite")
        try await store.prepareSchema()
        _ = try await store.load(StoreLoad(tables: MonitoringStore.tables, run: run))
        return (store, dir)
    }

    @Test func figuresPerWijkteamAreCountedAsOfTheDay() async throws {
        let (store, _) = try await store()
        let m = try await MonitoringQuery.collect(from: store, peildatum: day)
        await store.close()
        #expect(m.wijkteams.map(\.wijkteam) == ["wt-a", "wt-b", ""])
        #expect(m.run?.migratie == "t")
        #expect(String(decoding: MonitoringReport.statsCSV(m), as: UTF8.self) == MonitoringStore.expectedCSV)
        #expect(String(decoding: MonitoringReport.verwijzersCSV(m), as: UTF8.self) == MonitoringStore.expectedVerwijzers)
        #expect(m.total.plannenPerHuishouden == 1.5)
    }

    @Test func aLaterDayCountsWhatHasBegunAndEnded() async throws {
        let (store, _) = try await store()
        let m = try await MonitoringQuery.collect(from: store, peildatum: CivilDate(year: 2018, month: 1, day: 1)!)
        await store.close()
        let a = m.wijkteams.first { $0.wijkteam == "wt-a" }!
        let b = m.wijkteams.first { $0.wijkteam == "wt-b" }!
        #expect(a.plannenActief == 1 && a.huishoudensMeerderePlannen == 0)   // p2 ended on 2017-12-31
        #expect(b.plannenActief == 2 && b.huishoudensMeerderePlannen == 1)   // p6 has begun
        #expect(a.hulpvragen == 4 && a.hulpvragenOpen == 2)                  // v6 has been reported
        #expect(b.voorzieningenActief == 1)
    }

    @Test func thePageAndTheTextCarryTheFiguresAndNoPersonalData() async throws {
        let (store, dir) = try await store()
        let m = try await MonitoringQuery.collect(from: store, peildatum: day)
        await store.close()
        try MonitoringReport.write(m, to: URL(fileURLWithPath: dir.path + "/out"))
        let html = try String(contentsOfFile: dir.path + "/out/stats.html", encoding: .utf8)
        #expect(html.contains("<td>wt-a</td><td>Wijkteam A</td><td class=\"n\">2</td><td class=\"n\">3</td>"))
        #expect(m.wijkteams.first { $0.wijkteam == "wt-b" }?.activiteiten == 1)
        #expect(html.contains("(geen wijkteam)"))
        let text = MonitoringReport.text(m)
        #expect(text.hasPrefix("figures at the peildatum 2017-06-30, store of migratierun 1"))
        #expect(text.contains("totaal"))
        for personal in ["111111110", "555555550"] { #expect(!html.contains(personal) && !text.contains(personal)) }
    }
}

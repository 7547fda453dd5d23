import Testing
import TestSupport
import WijkModel
import WijkPostgres
import WijkStats
import WijkStore

/// The same hand-made store in PostgreSQL gives the same monitoring figures as in SQLite.
@Suite(.serialized)
struct MonitoringPostgresTests {
    @Test func figuresAreTheSameAsInSQLite() async throws {
        try await withTestDatabase { url in
            let store = try await PostgresStore.connect(url)
            try await store.prepareSchema()
            _ = try await store.load(StoreLoad(tables: MonitoringStore.tables, run: RunRecord(
                migratie: "t", started: "2017-06-30T08:00:00Z", finished: "2017-06-30T08:00:01Z", inputChecksum: "x", counts: "{}")))
            let m = try await MonitoringQuery.collect(from: store, peildatum: CivilDate(year: 2017, month: 6, day: 30)!)
            await store.close()
            #expect(String(decoding: MonitoringReport.statsCSV(m), as: UTF8.self) == MonitoringStore.expectedCSV)
            #expect(String(decoding: MonitoringReport.verwijzersCSV(m), as: UTF8.self) == MonitoringStore.expectedVerwijzers)
        }
    }
}

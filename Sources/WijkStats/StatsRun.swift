import Foundation
import WijkModel
import WijkPostgres
import WijkSQLite
import WijkStore

/// `wijkmigratie stats`: the monitoring figures from a loaded store (SQLite or PostgreSQL).
package enum StatsRun {
    /// Reads the figures at the peildatum from the store; never writes to it. Without a
    /// peildatum, the one the store's last migration run judged at.
    package static func figures(store location: StoreLocation, peildatum: CivilDate?) async throws -> Monitoring {
        let store = try await LoadedStore.open(location)
        do {
            let recorded = try await store.query("SELECT CAST(peildatum AS TEXT) FROM migratierun ORDER BY id DESC LIMIT 1")
            guard let day = peildatum ?? recorded.first?.first?.flatMap({ CivilDate(iso: $0) }) else {
                throw StoreError(.readFailed, "the store's last migration run recorded no peildatum: give --peildatum yyyy-MM-dd")
            }
            let figures = try await MonitoringQuery.collect(from: store, peildatum: day)
            await store.close()
            return figures
        } catch {
            await store.close()
            throw error
        }
    }

    /// Writes stats.csv, verwijzers.csv and stats.html.
    package static func write(_ figures: Monitoring, to folder: URL) throws {
        do {
            try MonitoringReport.write(figures, to: folder)
        } catch {
            throw StoreError(.writeFailed, "cannot write the figures to \(folder.path): \(error.localizedDescription)")
        }
    }

    package static func text(_ figures: Monitoring) -> String { MonitoringReport.text(figures) }
}

import WijkModel
import WijkPostgres
import WijkSQLite
import WijkStore

/// A store that a migration loaded, opened to be read (`stats`, `explain`): never created, never
/// migrated; one message when it holds no run yet.
package enum LoadedStore {
    package static func open(_ location: StoreLocation) async throws -> WijkteamStore {
        let store: WijkteamStore
        switch location {
        case .sqlite(let path): store = try SQLiteStore(path: path, mustExist: true)
        case .postgres(let url): store = try await PostgresStore.connect(url)
        }
        do {
            let runs = try await store.query("SELECT CAST(COUNT(*) AS TEXT) FROM migratierun")
            guard let count = runs.first?.first ?? nil, Int(count) ?? 0 > 0 else {
                throw StoreError(.noStore, "the store holds no migration run yet: run wijkmigratie migrate first")
            }
            return store
        } catch {
            await store.close()
            throw error
        }
    }
}

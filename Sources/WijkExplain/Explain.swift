import Foundation
import WijkMapping
import WijkModel
import WijkPipeline
import WijkRuntime
import WijkStats
import WijkStore

/// `wijkmigratie explain`: the whole story of canonical records from the store, with the raw
/// source records read again from the migration's files when they are the files the loaded run
/// read. Reads only; never writes to the store.
package enum Explain {
    package struct Result: Sendable {
        package let text: String
        /// Whether anything was found (the command exits 1 when not).
        package let found: Bool
    }

    package static func run(migrationFile: String, store storeURL: String?, selector: StoryQuery.Selector,
                            reveal: Bool) async throws -> Result {
        let pipeline = try Pipeline.prepare(migrationFile: migrationFile, options: Pipeline.Options(load: false, store: storeURL))
        let location = try pipeline.storeLocation
        let store = try await LoadedStore.open(location)
        do {
            let runs = try await store.query("SELECT CAST(id AS TEXT), CAST(input_checksum AS TEXT) FROM migratierun ORDER BY id DESC LIMIT 1")
            guard let run = runs.first else { throw StoreError(.noStore, "the store holds no migration run yet: run wijkmigratie migrate first") }
            var found = try await StoryQuery.find(selector, in: store)
            await store.close()

            // The raw records, when the files are the ones the loaded run read.
            let current = try? InputChecksum.files(pipeline.inputFiles())
            let same = current != nil && current == run[1]
            var note: String?
            if same {
                var places: [(entity: Entity, record: SourceRecord)] = []
                for story in found.stories { places += story.sources.map { (story.entity, $0) } }
                let raws = RawRecords.read(places, plan: pipeline.plan)
                for i in found.stories.indices {
                    for j in found.stories[i].sources.indices {
                        let s = found.stories[i].sources[j]
                        found.stories[i].sources[j].raw = raws[RawRecords.key(s.bron, s.bestand, s.locatie)].map {
                            reveal ? $0.text : StoryText.masked($0.text, values: $0.personal)
                        }
                    }
                }
            } else {
                note = "the source files are not the ones the loaded run \(run[0] ?? "") read (their checksum differs): raw records are not shown; run migrate again to see them"
            }
            let text = StoryText.render(found, selector: selector, reveal: reveal, note: note)
            return Result(text: text, found: !found.stories.isEmpty || !found.rejected.isEmpty)
        } catch {
            await store.close()
            throw error
        }
    }
}

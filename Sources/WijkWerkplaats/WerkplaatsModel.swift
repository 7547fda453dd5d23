import Foundation
import WijkExplain
import WijkMapping
import WijkModel
import WijkPipeline

/// What one `check` of the migration found, as the pages show it.
package struct Snapshot: Sendable {
    /// Counts up from 1 with every finished check.
    package let number: Int
    package let summary: RunSummary
    package let conflicts: [ConflictOutcome]
    package let rejections: [Rejection]
    /// Conflict id → the wijkteam of the record it is about (when the run placed it).
    package let wijkteamOf: [String: String]
    package let plan: MigrationPlan

    package var openIDs: Set<String> { Set(conflicts.filter { $0.status == .open }.map(\.conflict.id)) }
}

/// A decision taken in the workspace and what it did once the check after it finished.
package struct Change: Sendable {
    package let conflict: String
    package let what: String
    /// The open conflicts before the decision.
    package let openBefore: Set<String>
    /// Filled in when the check after it finished.
    package var closed: [String]? = nil
    package var opened: [String]? = nil
}

/// The workspace's state: the latest check, the one check running at a time (a decision taken
/// meanwhile asks for one more when it ends), and the last decision's effect.
package actor WerkplaatsModel {
    package let migrationFile: String
    package let reveal: Bool
    package let steward: String?
    package let writer: BesluitenWriter
    package private(set) var snapshot: Snapshot?
    package private(set) var running = false
    package private(set) var failure: String?
    package private(set) var lastChange: Change?
    private var again = false
    private var number = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    package init(migrationFile: String, reveal: Bool, steward: String?, writer: BesluitenWriter) {
        self.migrationFile = migrationFile
        self.reveal = reveal
        self.steward = steward
        self.writer = writer
    }

    /// Runs a check now, or once more after the one running.
    package func rerun() {
        if running { again = true; return }
        running = true
        Task { await self.loop() }
    }

    /// Waits until no check is running (tests, and the first page).
    package func settled() async {
        if !running { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func loop() async {
        repeat {
            again = false
            let result = await Self.check(migrationFile)
            switch result {
            case .success(let (run, plan)):
                number += 1
                snapshot = Snapshot(number: number, summary: run.summary, conflicts: run.conflicts, rejections: run.rejections,
                                    wijkteamOf: Self.wijkteams(run), plan: plan)
                failure = nil
                if var change = lastChange, change.closed == nil {
                    let now = snapshot!.openIDs
                    change.closed = change.openBefore.subtracting(now).sorted()
                    change.opened = now.subtracting(change.openBefore).sorted()
                    lastChange = change
                }
            case .failure(let error):
                failure = "\(error)"
            }
        } while again
        running = false
        let waiting = waiters
        waiters = []
        for w in waiting { w.resume() }
    }

    /// Records a decision taken (before the check it asks for).
    package func decided(_ id: String, what: String) {
        lastChange = Change(conflict: id, what: what, openBefore: snapshot?.openIDs ?? [])
    }

    private static func check(_ migrationFile: String) async -> Result<(RunResult, MigrationPlan), Error> {
        do {
            let pipeline = try Pipeline.prepare(migrationFile: migrationFile, options: Pipeline.Options(load: false))
            let run = try await pipeline.run()
            return .success((run, pipeline.plan))
        } catch {
            return .failure(error)
        }
    }

    /// Conflict id → wijkteam, through the tables the run made: a household's wijkteam, a
    /// client's household's, a care record's client's, a person's own.
    private static func wijkteams(_ run: RunResult) -> [String: String] {
        func column(_ table: String, key: String, value: String) -> [String: String] {
            guard let t = run.tables.first(where: { $0.name == table }), let k = t.columns.firstIndex(of: key),
                  let v = t.columns.firstIndex(of: value), let rows = try? t.allRows() else { return [:] }
            var map: [String: String] = [:]
            for row in rows { if case .text(let value) = row[v] { map[row[k].sortKey] = value } }
            return map
        }
        let household = column("huishouden", key: "id", value: "wijkteam")
        let clientHousehold = column("client", key: "bsn", value: "huishouden")
        let staff = column("medewerker", key: "id", value: "wijkteam")
        let planHousehold = column("plan", key: "id", value: "huishouden")
        let careClient = column("voorziening", key: "id", value: "bsn")
        var result: [String: String] = [:]
        for outcome in run.conflicts {
            let c = outcome.conflict
            let key = c.sleutel
            let team: String?
            switch c.entiteit {
            case "huishouden": team = household[key] ?? c.sides.lazy.compactMap { planHousehold[$0.sleutel].flatMap { household[$0] } }.first
            case "client": team = clientHousehold[key].flatMap { household[$0] }
            case "medewerker": team = staff[key] ?? c.sides.lazy.compactMap { staff[$0.sleutel] }.first
            case "voorziening": team = (careClient[key] ?? c.sides.lazy.compactMap { careClient[$0.sleutel] }.first).flatMap { clientHousehold[$0] }.flatMap { household[$0] }
            default: team = nil
            }
            if let team { result[c.id] = team }
        }
        return result
    }

    /// The raw source records of a conflict's sides, when the files can be read.
    package func raw(_ outcome: ConflictOutcome, masking word: String) -> [String: String] {
        guard let plan = snapshot?.plan, let entity = Entity(rawValue: outcome.conflict.entiteit == "wijkteam" ? "team" : outcome.conflict.entiteit) else { return [:] }
        let places = outcome.conflict.sides.map { side in
            (entity: entity, record: SourceRecord(bron: side.provenance.bron, bestand: side.provenance.bestand,
                                                  locatie: side.provenance.locatie.stored, bronSleutel: side.provenance.bronSleutel))
        }
        return RawRecords.read(places, plan: plan).mapValues { reveal ? $0.text : StoryText.masked($0.text, values: $0.personal, as: word) }
    }
}

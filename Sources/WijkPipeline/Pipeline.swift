import Foundation
import Logging
import WijkCSV
import WijkConflicts
import WijkMapping
import WijkMerge
import WijkModel
import WijkRuntime
import WijkReport
import WijkRules
import WijkPostgres
import WijkSQLite
import WijkStore
import WijkXML

/// import → map → merge → report → load. Returns what happened; prints nothing itself
/// (progress goes to the logger, which never receives names or BSNs).
public struct Pipeline {
    public struct Options: Sendable {
        /// Load the store (`migrate`) or only report (`check`).
        public var load: Bool
        /// `--store`; otherwise the migration file's `store`, otherwise `sqlite:out/wijkteam.sqlite`.
        public var store: String?
        /// `--report`; otherwise the migration file's `report`, otherwise `report/` next to the store.
        public var report: String?
        /// Show BSNs and personal values unmasked in the reports.
        public var revealBSN: Bool
        /// `--peildatum`: the day "active", "open" and "in the future" are judged at, instead of
        /// the migration file's `peildatum` (or its gemeente's `datum`). Never the clock.
        public var peildatum: CivilDate?
        /// Load even with open conflicts, keeping the records in them out (`migrate --allow-open`).
        public var allowOpen: Bool
        /// Told where the run is, every few thousand records (the CLI draws it on a terminal).
        public var progress: (@Sendable (RunProgress) -> Void)?
        /// The wall clock `migratierun.started` and `.finished` are stamped with — the audit of
        /// when the run happened, never a date anything is judged by (that is the peildatum). The
        /// CLI passes the system clock; without one the stamps read `not recorded`, so a run in a
        /// test stores the same content on any day.
        public var clock: (@Sendable () -> Date)?

        public init(load: Bool, store: String? = nil, report: String? = nil, revealBSN: Bool = false, peildatum: CivilDate? = nil,
                    allowOpen: Bool = false) {
            self.allowOpen = allowOpen
            self.load = load
            self.store = store
            self.report = report
            self.revealBSN = revealBSN
            self.peildatum = peildatum
        }

        /// How many threads read and map the source files and detect conflicts (`--threads`); nil:
        /// one per core. With 1 the whole run happens on one thread. The result is the same
        /// whatever the number.
        public var threads: Int?

        /// For the test that the accounting check can fail: the n-th record the readers hand on
        /// (counting from 1) is dropped before the merge sees it.
        var loseRecordForTesting: Int?
    }

    package let plan: MigrationPlan
    public let options: Options
    public var logger: Logger

    /// Logs nowhere unless given a logger (the CLI gives one that writes to stderr).
    public static let silent = Logger(label: "wijkmigratie", factory: { _ in SwiftLogNoOpLogHandler() })

    package init(plan: MigrationPlan, options: Options, logger: Logger = Pipeline.silent) {
        self.plan = plan
        self.options = options
        self.logger = logger
    }

    /// Reads the migration file and everything it names; throws `ConfigErrors` for mistakes.
    public static func prepare(migrationFile: String, options: Options, logger: Logger = Pipeline.silent) throws -> Pipeline {
        Pipeline(plan: try MigrationFile.load(path: migrationFile), options: options, logger: logger)
    }

    /// The store location: relative paths start at the migration file's folder when they come
    /// from the file, at the working folder when they come from the command line.
    package var storeLocation: StoreLocation {
        get throws {
            if let url = options.store { return try StoreLocation(url) }
            let location = try StoreLocation(plan.store ?? "sqlite:out/wijkteam.sqlite")
            if case .sqlite(let path) = location, !path.hasPrefix("/") {
                return .sqlite(path: plan.folder.appendingPathComponent(path).standardizedFileURL.path)
            }
            return location
        }
    }

    public var reportFolder: URL {
        get throws {
            if let report = options.report { return URL(fileURLWithPath: report) }
            if let report = plan.report { return report.hasPrefix("/") ? URL(fileURLWithPath: report, isDirectory: true) : plan.folder.appendingPathComponent(report, isDirectory: true) }
            if case .sqlite(let path) = try storeLocation {
                return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("report", isDirectory: true)
            }
            return plan.folder.appendingPathComponent("out/report", isDirectory: true)
        }
    }

    /// How many threads read: `--threads`, else one per core.
    var threads: Int { max(1, options.threads ?? ProcessInfo.processInfo.activeProcessorCount) }

    /// The day the run judges at: `--peildatum`, else the migration file's.
    public var peildatum: CivilDate {
        get throws {
            guard let day = options.peildatum ?? plan.peildatum else {
                throw RunError(.noPeildatum, "\(plan.file): the migration has no peildatum: write 'peildatum: yyyy-MM-dd' (or the gemeente's 'datum') in it, or give --peildatum")
            }
            return day
        }
    }

    public func run() async throws -> RunResult {
        let started = timestamp()
        _ = try peildatum
        // The store is opened first, so that a store that cannot be used stops the run before
        // any work; it is closed whatever happens.
        let store = try options.load ? await openStore() : nil
        do {
            let result = try await run(started: started, store: store)
            await store?.close()
            return result
        } catch {
            await store?.close()
            throw error
        }
    }

    private func run(started: String, store: WijkteamStore?) async throws -> RunResult {
        // The checksum reads every input once more, on a thread of the pool meanwhile.
        let checksumTask = Task.detached { [files = inputFiles()] in try InputChecksum.files(files) }
        var timings = StageTimings()
        var state = RunState(plan: plan)
        let merger: Merger
        do { merger = try Merger(context: mergeContext()) } catch let error as MergeError { throw RunError(.workingFile, error.description) }
        let peildatum = try self.peildatum
        let context = RuleContext(peildatum: peildatum)
        let validators = Dictionary(uniqueKeysWithValues: plan.sources.map { source in
            (source.name, RecordValidator(settings: source.ruleSettings.mapValues { setting -> Severity? in
                if case .severity(let s) = setting { return s }
                return nil
            }, context: context))
        })

        // The files are parsed and mapped on threads of their own (`SourceReader`); validation
        // and the merge take the records here, in input order, so that every core works and the
        // result is the same. With one thread, everything happens on this one.
        let reader = SourceReader(plan: plan, threads: threads, progress: options.progress, logger: logger)
        var produced: [RunState.Key: Int] = [:]
        var handedOn = 0
        func take(_ event: ReadEvent) throws {
            switch event {
            case .produced(let counts): produced = counts
            case .mapped, .rejected:
                handedOn += 1
                if handedOn == options.loseRecordForTesting { return }
                try merge(event, into: &state, merger: merger, validators: validators)
            default: try merge(event, into: &state, merger: merger, validators: validators)
            }
        }
        if threads == 1 {
            var failure: (any Error)?
            reader.run { batch in
                do {
                    for event in batch { try take(event) }
                    return true
                } catch {
                    failure = failure ?? error
                    return false
                }
            }
            if let failure { throw failure }
        } else {
            // The reading threads are threads of their own (they block when the merge falls
            // behind); this task suspends while it waits for them, it never blocks.
            let channel = HandOff<ReadEvent>()
            Thread {
                reader.run(send: channel.send)
                channel.finish()
            }.start()
            do {
                while let batch = await channel.receive() {
                    for event in batch { try take(event) }
                }
            } catch {
                channel.cancel()
                throw error
            }
        }

        merger.finishReading()
        try check(merger)
        withdrawToewijzingen(merger, &state)
        try check(merger)
        timings.lap("read, map, validate, merge")
        let conflicts = await ConflictDetection.detect(merger, peildatum: peildatum, maxFTE: plan.maxFTE, threads: threads)
        let resolution: Resolution
        do {
            resolution = try Decisions.apply(plan.besluiten, to: conflicts, merger: merger, allowOpen: options.allowOpen,
                                             wijkteam: { plan.wijkteam(serving: $0) }, wijken: Set(plan.wijken.map(\.code)))
        } catch let error as DecisionError {
            throw RunError(.decisions, error.description)
        }
        for (record, rule, reason) in resolution.removed {
            state.takeOut(record, rule: rule, reason: reason)
        }
        try check(merger)
        timings.lap("conflicts and decisions")
        let merged = merger.tables()
        var tables = referenceTables(issuers: merger.gemeenten)
        tables.append(contentsOf: merged.tables)
        tables.append(conflictTable(conflicts, resolution))
        tables.append(merged.herkomst)
        tables.append(afwijzingTable(state.rejections))
        tables.append(bevindingTable(state.findings))

        var summary = state.summary(tables: tables)
        summary.blocked = state.thresholdsExceeded()
        summary.conflicts = Dictionary(grouping: conflicts, by: \.soort.rawValue).mapValues(\.count)
        summary.openConflicts = resolution.open.count
        summary.decided = resolution.decided.keys.sorted()
        summary.stale = resolution.stale.map(\.conflict).sorted()
        if plan.postcodes.otherGemeenteRows > 0 { summary.postcodeRowsOfOtherGemeenten = plan.postcodes.otherGemeenteRows }
        if !resolution.open.isEmpty && !options.allowOpen {
            summary.blocked.append("\(resolution.open.count) conflicts are open: decide them in besluiten.yml (see conflicts.csv), or load what is clean with migrate --allow-open")
        }
        let status = { (c: Conflict) -> String in
            if !c.soort.needsDecision { return "namespaced" }
            if resolution.decided[c.id] != nil { return "decided" }
            return self.options.allowOpen ? "open (kept out)" : "open"
        }
        try Accounting.check(produced: produced, merger: merger, rejections: state.rejections, counts: state.counts, tables: tables)
        timings.lap("tables")
        let checksum: String
        do { checksum = try await checksumTask.value } catch {
            throw RunError(.checksum, "cannot read the inputs for their checksum: \(error)")
        }
        timings.lap("input checksum (rest)")
        let folder = try reportFolder
        do {
            try Reports.write(to: folder, summary: summary, findings: state.findings, rejections: state.rejections,
                              conflicts: conflicts, status: status, besluit: { resolution.decided[$0.id]?.summary },
                              reveal: options.revealBSN)
        } catch {
            throw RunError(.report, "cannot write the report to \(folder.path): \(error.localizedDescription)")
        }

        timings.lap("report")
        var runID: Int?
        if let store, summary.blocked.isEmpty {
            let counts = String(decoding: try Reports.summaryJSON(summary), as: UTF8.self)
            let run = RunRecord(migratie: plan.name, started: started, finished: timestamp(), inputChecksum: checksum, counts: counts,
                                peildatum: peildatum.iso)
            do {
                runID = try await store.load(StoreLoad(tables: tables, run: run))
            } catch let error as MergeError {
                throw RunError(.workingFile, "\(error.description); nothing was loaded")
            }
            logger.info("loaded", metadata: ["migratierun": "\(runID!)"])
            timings.lap("load")
        }
        var result = RunResult(summary: summary, findings: state.findings, rejections: state.rejections, tables: tables,
                               inputChecksum: checksum, runID: runID, reportFolder: folder.path, timings: timings.stages)
        result.conflicts = conflicts.map { c in
            let status: ConflictOutcome.Status = !c.soort.needsDecision ? .namespaced : resolution.decided[c.id] != nil ? .decided : .open
            return ConflictOutcome(conflict: c, status: status, besluit: resolution.decided[c.id]?.summary)
        }
        return result
    }

    /// Stops the run when the merge's working file failed (a full disk): nothing partial goes on.
    private func check(_ merger: Merger) throws {
        if let failure = merger.failure { throw RunError(.workingFile, "\(failure); nothing was loaded") }
    }

    private func openStore() async throws -> WijkteamStore {
        let store: WijkteamStore
        switch try storeLocation {
        case .sqlite(let path): store = try SQLiteStore(path: path)
        case .postgres(let url): store = try await PostgresStore.connect(url)
        }
        do {
            try await store.prepareSchema()
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    /// Counts one event of the reading side, validates its record and merges it.
    private func merge(_ event: ReadEvent, into state: inout RunState, merger: Merger, validators: [String: RecordValidator]) throws {
        switch event {
        case .mapped(let mapped, let key):
            state.counts[key, default: Counts()].read += 1
            state.findings.append(contentsOf: mapped.warnings)
            let (invalid, ruleWarnings) = validators[key.bron]!.validate(mapped)
            state.findings.append(contentsOf: ruleWarnings)
            if let invalid {
                merger.noteRejected(invalid)
                return state.reject(invalid, key)
            }
            let (outcome, mergeWarnings) = merger.add(mapped)
            state.findings.append(contentsOf: mergeWarnings)
            switch outcome {
            case .loaded: state.counts[key, default: Counts()].loaded += 1
            case .merged: state.counts[key, default: Counts()].merged += 1
            case .rejected(let rejection): state.reject(rejection, key)
            }
        case .rejected(let rejection, let key):
            state.counts[key, default: Counts()].read += 1
            merger.noteRejected(rejection)
            state.reject(rejection, key)
        case .finding(let finding):
            state.findings.append(finding)
        case .failed(let error):
            throw error
        case .produced:
            break
        }
    }

    private func mergeContext() -> MergeContext {
        let plan = self.plan
        return MergeContext(
            teams: Dictionary(uniqueKeysWithValues: plan.sources.map { ($0.name, $0.teams) }),
            bronGemeente: Dictionary(uniqueKeysWithValues: plan.sources.map { ($0.name, $0.gemeente.code) }),
            place: { postcode, huisnummer in plan.place(postcode: postcode, huisnummer: huisnummer).map { ($0.wijk, $0.buurt) } },
            wijkteam: { plan.wijkteam(serving: $0) },
            maxFTE: plan.maxFTE, messageSources: Set(plan.sources.filter { $0.mapping.istandaard != nil }.map(\.name)))
    }

    /// The new organisation, from the migration file: gemeenten (the new one and the former ones
    /// that were opgeheven in it), wijken, wijkteams and which wijken they serve.
    /// A toewijzing that the latest message about it withdraws (RedenWijziging 01 or 13) is not
    /// loaded: each of its messages is counted out with the reason, not as a defect of the source.
    private func withdrawToewijzingen(_ merger: Merger, _ state: inout RunState) {
        let i = Entity.voorziening.fields.firstIndex { $0.name == "reden_wijziging" }!
        var withdrawn: [(key: String, reden: RedenWijziging)] = []
        merger.forEachRowValues(.voorziening) { key, values in
            if let code = values[i]?.canonicalText, let reden = RedenWijziging(rawValue: code), reden.withdraws {
                withdrawn.append((key, reden))
            }
        }
        guard !withdrawn.isEmpty else { return }
        let removed = merger.exclude(withdrawn.map { (Entity.voorziening, $0.key) })
        for (w, records) in zip(withdrawn, removed) {
            for record in records {
                state.takeOut(record, rule: .toewijzingVervallen,
                              reason: "not loaded: the latest message withdraws this toewijzing (RedenWijziging \(w.reden.rawValue) \(w.reden.meaning))")
            }
        }
    }

    private func referenceTables(issuers: Set<String> = []) -> [TableData] {
        let new = plan.gemeente
        var gemeente = [StoreTables.gemeente.row(["code": .text(new.code), "naam": .text(new.naam), "opgeheven_op": .null, "opgegaan_in": .null])]
        var seen: Set<String> = [new.code]
        for source in plan.sources where !seen.contains(source.gemeente.code) {
            seen.insert(source.gemeente.code)
            let g = source.gemeente
            let ended = g.datum ?? new.datum
            gemeente.append(StoreTables.gemeente.row(["code": .text(g.code), "naam": .text(g.naam), "opgeheven_op": StoreValue(ended?.iso),
                                                      "opgegaan_in": .text(new.code)]))
        }
        // Gemeenten that issued toewijzingen (a message folder's senders) and are in no other row.
        for code in issuers.sorted() where !seen.contains(code) {
            seen.insert(code)
            gemeente.append(StoreTables.gemeente.row(["code": .text(code), "naam": .text("\(code) (afzender van berichten)"),
                                                      "opgeheven_op": .null, "opgegaan_in": .null]))
        }
        let wijk = plan.wijken.sorted { $0.code < $1.code }.map {
            StoreTables.wijk.row(["code": .text($0.code), "naam": .text($0.naam), "gemeente": .text(new.code)])
        }
        let teams = plan.wijkteams.sorted { $0.id < $1.id }
        let wijkteam = teams.map {
            StoreTables.wijkteam.row(["id": .text($0.id), "naam": .text($0.naam), "gemeente": .text(new.code), "locatie": StoreValue($0.locatie),
                                      "email": StoreValue($0.email), "telefoon": StoreValue($0.telefoon)])
        }
        let serves = teams.flatMap { t in t.wijken.sorted().map { StoreTables.wijkteamWijk.row(["wijkteam": .text(t.id), "wijk": .text($0)]) } }
        return [TableData(StoreTables.gemeente, rows: gemeente), TableData(StoreTables.wijk, rows: wijk),
                TableData(StoreTables.wijkteam, rows: wijkteam), TableData(StoreTables.wijkteamWijk, rows: serves)]
    }

    private func conflictTable(_ conflicts: [Conflict], _ resolution: Resolution) -> TableData {
        TableData(StoreTables.conflict, rows: conflicts.map { c in
            let sides = c.sides.map { side in
                "\(side.provenance.bron) \(side.provenance.bestand) \(side.provenance.locatie.stored): "
                    + side.values.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
            }
            return StoreTables.conflict.row([
                "id": .text(c.id), "soort": .text(c.soort.rawValue), "entiteit": .text(c.entiteit), "sleutel": .text(c.sleutel),
                "bronnen": .text(c.bronnen.joined(separator: ",")), "detail": .text(([c.detail] + sides).joined(separator: "\n")),
                "besluit": c.soort.needsDecision ? StoreValue(resolution.decided[c.id]?.summary)
                    : .text("namespaced: the store keeps the records apart as bron/sleutel"),
            ])
        })
    }

    private func afwijzingTable(_ rejections: [Rejection]) -> TableData {
        TableData(StoreTables.afwijzing, rows: rejections.map { r in
            let f = r.finding
            return StoreTables.afwijzing.row([
                "bron": .text(f.provenance.bron), "bestand": .text(f.provenance.bestand), "locatie": .text(f.provenance.locatie.stored),
                "entiteit": .text(f.entiteit.rawValue), "regel": .text(f.rule.rawValue), "veld": StoreValue(f.veld),
                "melding": .text(f.message(reveal: true)), "ruwe_regel": .text(r.raw),
            ])
        })
    }

    private func bevindingTable(_ findings: [Finding]) -> TableData {
        TableData(StoreTables.bevinding, rows: findings.map { f in
            StoreTables.bevinding.row([
                "ernst": .text(f.severity.rawValue), "regel": .text(f.rule.rawValue), "bron": .text(f.provenance.bron),
                "bestand": .text(f.provenance.bestand), "locatie": .text(f.provenance.locatie.stored),
                "entiteit": .text(f.entiteit.rawValue), "veld": StoreValue(f.veld), "melding": .text(f.message(reveal: true)),
            ])
        })
    }

    /// The files the input checksum covers, named, in a fixed order: the migration file, its
    /// postcodes and decisions, and per source its mapping file, value-map files and data files
    /// (a file that feeds several entities, one XML export, counts once).
    package func inputFiles() -> [(name: String, path: String)] {
        var files: [(name: String, path: String)] = [("migratie", URL(fileURLWithPath: plan.file).standardizedFileURL.path)]
        files += plan.referenceFiles
        for source in plan.sources {
            files.append(("mapping:\(source.name)", source.mapping.path))
            for map in source.mapping.valueMaps.values.sorted(by: { $0.name < $1.name }) {
                if let path = map.path { files.append(("value_map:\(source.name):\(map.name)", path)) }
            }
            var seen: Set<String> = []
            for entity in source.entities where seen.insert(entity.path).inserted {
                files.append(("\(source.name):\(entity.bestand)", entity.path))
            }
        }
        return files
    }

    func timestamp() -> String {
        guard let clock = options.clock else { return "not recorded" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: clock())
    }
}

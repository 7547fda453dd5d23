import WijkMerge
import WijkModel

/// Every detector over the merged rows. Detectors group by key (BSN, household, BSN and
/// categorie, e-mail, source key) — never a pairwise scan of all records — and read the rows
/// from the merge one at a time: a first pass finds the groups that can hold a conflict (more
/// than one row, more than one source), a second collects only those, so that memory holds the
/// candidates, not every row.
package enum ConflictDetection {
    /// Every conflict, in a fixed order (kind, key, id), read on this thread.
    package static func detect(_ merger: Merger, peildatum: CivilDate, maxFTE: Double = 1.0) -> [Conflict] {
        sorted(passes(peildatum: peildatum, maxFTE: maxFTE).flatMap { $0(merger, Merger.RowReader()) })
    }

    /// The same, the passes spread over `threads` tasks, each reading the merge with a reader of
    /// its own: the conflicts are the same, in the same order, whatever the number.
    package static func detect(_ merger: Merger, peildatum: CivilDate, maxFTE: Double = 1.0, threads: Int) async -> [Conflict] {
        let passes = passes(peildatum: peildatum, maxFTE: maxFTE)
        guard threads > 1 else { return detect(merger, peildatum: peildatum, maxFTE: maxFTE) }
        var found = [[Conflict]](repeating: [], count: passes.count)
        await withTaskGroup(of: (Int, [Conflict]).self) { group in
            var schedule = schedule(passes.count)[...]
            func start() {
                guard let i = schedule.popFirst() else { return }
                group.addTask { (i, passes[i](merger, Merger.RowReader())) }
            }
            for _ in 0..<threads { start() }
            while let (i, conflicts) = await group.next() {
                found[i] = conflicts
                start()
            }
        }
        return sorted(found.flatMap { $0 })
    }

    /// Sorted by kind, key and id; conflicts that tie (a source key used in two sources by plans
    /// and by voorzieningen alike has one id for both) keep the order of the passes.
    static func sorted(_ conflicts: [Conflict]) -> [Conflict] {
        conflicts.sorted { ($0.soort, $0.sleutel, $0.id) < ($1.soort, $1.sleutel, $1.id) }
    }

    /// One pass over an entity's rows serves every detector of that entity; the passes share
    /// nothing. Their order here is the order of their conflicts before sorting.
    typealias Pass = @Sendable (Merger, Merger.RowReader) -> [Conflict]
    static func passes(peildatum: CivilDate, maxFTE: Double) -> [Pass] {
        [
            { merger, reader in
                var found: [Conflict] = []
                merger.forEachRow(.client, via: reader) { row in
                    if let c = ClientIdentiteitDetector.detect(row) { found.append(c) }
                    if let c = ClientAdresDetector.detect(row) { found.append(c) }
                }
                return found
            },
            { merger, reader in
                var found: [Conflict] = []
                merger.forEachRow(.huishouden, via: reader) { row in
                    if let c = WijkOnbekendDetector.detect(row) { found.append(c) }
                }
                return found
            },
            { merger, reader in MedewerkerDubbelDetector.detect(merger, maxFTE: maxFTE, via: reader) },
            { merger, reader in
                let plans = groups(merger, .plan, [HuishoudenPlannenDetector.grouping, SleutelBotsingDetector.grouping], via: reader)
                return HuishoudenPlannenDetector.detect(plans[0], peildatum: peildatum) + SleutelBotsingDetector.detect(.plan, plans[1])
            },
            { merger, reader in
                let voorzieningen = groups(merger, .voorziening, [VoorzieningOverlapDetector.grouping, SleutelBotsingDetector.grouping], via: reader)
                return VoorzieningOverlapDetector.detect(voorzieningen[0]) + SleutelBotsingDetector.detect(.voorziening, voorzieningen[1])
            },
            { merger, reader in SleutelBotsingDetector.detect(.activiteit, groups(merger, .activiteit, [SleutelBotsingDetector.grouping], via: reader)[0]) },
            { merger, reader in SleutelBotsingDetector.detect(.hulpvraag, groups(merger, .hulpvraag, [SleutelBotsingDetector.grouping], via: reader)[0]) },
        ]
    }

    /// The passes in the order the threads start them: the entities with most rows first
    /// (voorzieningen, clients, hulpvragen, households), so that no thread is left with a large
    /// one at the end.
    static let largestFirst = [4, 0, 6, 1, 3, 2, 5]

    /// Every pass once: those of `largestFirst`, then any it does not name (a pass added later
    /// runs last rather than not at all).
    static func schedule(_ count: Int) -> [Int] {
        let named = largestFirst.filter { $0 < count }
        return named + (0..<count).filter { !named.contains($0) }
    }

    /// How a detector groups an entity's rows: a row's group (nil: in none), and whether a group
    /// only matters when its rows come from more than one source.
    struct Grouping: Sendable {
        let group: @Sendable (Merger.MergedRow) -> String?
        let severalSources: Bool
    }

    /// The groups of more than one row (and, where asked, more than one source), in key order of
    /// the groups and, within a group, of the rows — for each grouping, from one pass over the
    /// rows. The pass keeps 16 bytes per group (its name's 64-bit hash, where its first row is, its
    /// source, whether it has several rows or sources) and the places of the rows of groups with
    /// several; only those rows are read again, and regrouped by their real group name, so that
    /// two names with one hash cost a little time, never a wrong group.
    static func groups(_ merger: Merger, _ entity: Entity, _ groupings: [Grouping], via reader: Merger.RowReader) -> [[(String, [Merger.MergedRow])]] {
        struct Seen {
            var first: Int32
            var bron: UInt16
            var severalSources = false
            var severalRows = false
        }
        var seen = Array(repeating: [Int: Seen](), count: groupings.count)
        var members = Array(repeating: [Int: [Int32]](), count: groupings.count)
        var sources: [String: UInt16] = [:]
        let list = merger.rows(entity)
        for ordinal in 0..<list.end where list.contains(ordinal) {
            guard let row = merger.row(list, ordinal, via: reader) else { continue }
            let name = row.herkomst[0].bron
            let bron = sources[name] ?? {
                let n = UInt16(truncatingIfNeeded: sources.count)
                sources[name] = n
                return n
            }()
            for (g, grouping) in groupings.enumerated() {
                guard let group = grouping.group(row) else { continue }
                let hash = group.hashValue
                guard var s = seen[g][hash] else {
                    seen[g][hash] = Seen(first: Int32(ordinal), bron: bron)
                    continue
                }
                if !s.severalRows { members[g][hash] = [s.first] }
                members[g][hash]!.append(Int32(ordinal))
                s.severalRows = true
                s.severalSources = s.severalSources || s.bron != bron
                seen[g][hash] = s
            }
        }
        return groupings.enumerated().map { g, grouping in
            var collected: [String: [Merger.MergedRow]] = [:]
            for (hash, places) in members[g] where !grouping.severalSources || seen[g][hash]!.severalSources {
                for place in places.sorted() {
                    guard let row = merger.row(list, Int(place), via: reader), let group = grouping.group(row) else { continue }
                    collected[group, default: []].append(row)
                }
            }
            return collected.keys.sorted().compactMap { group -> (String, [Merger.MergedRow])? in
                let rows = collected[group]!
                guard rows.count > 1, !grouping.severalSources || Set(rows.map { $0.herkomst[0].bron }).count > 1 else { return nil }
                return (group, rows)
            }
        }
    }
}

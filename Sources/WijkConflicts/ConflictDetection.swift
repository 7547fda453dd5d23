import WijkMerge
import WijkModel

/// Every detector over the merged rows. Detectors group by key (BSN, household, BSN and
/// categorie, e-mail, source key) — never a pairwise scan of all records — and read the rows
/// from the merge one at a time: a first pass finds the groups that can hold a conflict (more
/// than one row, more than one source), a second collects only those, so that memory holds the
/// candidates, not every row.
package enum ConflictDetection {
    package static func detect(_ merger: Merger, peildatum: CivilDate, maxFTE: Double = 1.0) -> [Conflict] {
        var all: [Conflict] = []
        merger.forEachRow(.client) { row in
            if let c = ClientIdentiteitDetector.detect(row) { all.append(c) }
            if let c = ClientAdresDetector.detect(row) { all.append(c) }
        }
        merger.forEachRow(.huishouden) { row in
            if let c = WijkOnbekendDetector.detect(row) { all.append(c) }
        }
        all += MedewerkerDubbelDetector.detect(merger, maxFTE: maxFTE)
        // One pass per entity serves every detector that groups its rows.
        let plans = groups(merger, .plan, [HuishoudenPlannenDetector.grouping, SleutelBotsingDetector.grouping])
        all += HuishoudenPlannenDetector.detect(plans[0], peildatum: peildatum)
        all += SleutelBotsingDetector.detect(.plan, plans[1])
        let voorzieningen = groups(merger, .voorziening, [VoorzieningOverlapDetector.grouping, SleutelBotsingDetector.grouping])
        all += VoorzieningOverlapDetector.detect(voorzieningen[0])
        all += SleutelBotsingDetector.detect(.voorziening, voorzieningen[1])
        for entity in [Entity.activiteit, .hulpvraag] {
            all += SleutelBotsingDetector.detect(entity, groups(merger, entity, [SleutelBotsingDetector.grouping])[0])
        }
        return all.sorted { ($0.soort, $0.sleutel, $0.id) < ($1.soort, $1.sleutel, $1.id) }
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
    static func groups(_ merger: Merger, _ entity: Entity, _ groupings: [Grouping]) -> [[(String, [Merger.MergedRow])]] {
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
            guard let row = merger.row(list, ordinal) else { continue }
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
                    guard let row = merger.row(list, Int(place)), let group = grouping.group(row) else { continue }
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

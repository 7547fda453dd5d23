import WijkMerge
import WijkModel

/// Every detector over the merged rows. Detectors group by key (BSN, household, BSN and
/// categorie, e-mail, source key) — never a pairwise scan of all records — and read the rows
/// from the merge one at a time: a first pass finds the groups that can hold a conflict (more
/// than one row, more than one source), a second collects only those, so that memory holds the
/// candidates, not every row.
public enum ConflictDetection {
    public static func detect(_ merger: Merger, today: CivilDate) -> [Conflict] {
        var all: [Conflict] = []
        merger.forEachRow(.client) { row in
            if let c = ClientIdentiteitDetector.detect(row) { all.append(c) }
            if let c = ClientAdresDetector.detect(row) { all.append(c) }
        }
        merger.forEachRow(.huishouden) { row in
            if let c = WijkOnbekendDetector.detect(row) { all.append(c) }
        }
        all += MedewerkerDubbelDetector.detect(merger)
        // One pass per entity serves every detector that groups its rows.
        let plans = groups(merger, .plan, [HuishoudenPlannenDetector.grouping, SleutelBotsingDetector.grouping])
        all += HuishoudenPlannenDetector.detect(plans[0], today: today)
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
    /// rows. Memory holds a few bytes per group and the keys of the groups with several rows;
    /// only the rows of the groups kept are read again.
    static func groups(_ merger: Merger, _ entity: Entity, _ groupings: [Grouping]) -> [[(String, [Merger.MergedRow])]] {
        struct Seen {
            var first: Int32
            var bron: UInt16
            var severalSources = false
            var severalRows = false
        }
        var seen = Array(repeating: [String: Seen](), count: groupings.count)
        var members = Array(repeating: [String: [Int32]](), count: groupings.count)
        var sources: [String: UInt16] = [:]
        var ordinal: Int32 = 0
        merger.forEachRow(entity) { row in
            defer { ordinal += 1 }
            let name = row.herkomst[0].bron
            let bron = sources[name] ?? {
                let n = UInt16(sources.count)
                sources[name] = n
                return n
            }()
            for (g, grouping) in groupings.enumerated() {
                guard let key = grouping.group(row) else { continue }
                guard var s = seen[g][key] else {
                    seen[g][key] = Seen(first: ordinal, bron: bron)
                    continue
                }
                if !s.severalRows { members[g][key] = [s.first] }
                members[g][key]!.append(ordinal)
                s.severalRows = true
                s.severalSources = s.severalSources || s.bron != bron
                seen[g][key] = s
            }
        }
        let keys = merger.keys(entity)
        return groupings.enumerated().map { g, grouping in
            members[g].keys.sorted().compactMap { key -> (String, [Merger.MergedRow])? in
                guard !grouping.severalSources || seen[g][key]!.severalSources else { return nil }
                return (key, members[g][key]!.compactMap { merger.row(entity, key: keys[Int($0)]) })
            }
        }
    }
}

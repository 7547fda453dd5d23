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
        all += HuishoudenPlannenDetector.detect(merger, today: today)
        all += VoorzieningOverlapDetector.detect(merger)
        all += MedewerkerDubbelDetector.detect(merger)
        all += SleutelBotsingDetector.detect(merger)
        merger.forEachRow(.huishouden) { row in
            if let c = WijkOnbekendDetector.detect(row) { all.append(c) }
        }
        return all.sorted { ($0.soort, $0.sleutel, $0.id) < ($1.soort, $1.sleutel, $1.id) }
    }

    /// The rows of an entity in groups that may hold a conflict, in key order of the groups and,
    /// within a group, of the rows: `group` names a row's group (nil: in none); a group is kept
    /// when it has more than one row and `keep` holds for the sources of its rows.
    static func groups(_ merger: Merger, _ entity: Entity, by group: (Merger.MergedRow) -> String?,
                       keep: (_ sources: Set<String>) -> Bool = { _ in true }) -> [(String, [Merger.MergedRow])] {
        // First pass: per group, its number of rows and its sources (the first row's source each).
        var seen: [String: (count: Int, sources: Set<String>)] = [:]
        merger.forEachRow(entity) { row in
            guard let g = group(row) else { return }
            seen[g, default: (0, [])].count += 1
            seen[g]!.sources.insert(row.herkomst[0].bron)
        }
        let wanted = Set(seen.filter { $0.value.count > 1 && keep($0.value.sources) }.keys)
        seen = [:]
        guard !wanted.isEmpty else { return [] }
        var collected: [String: [Merger.MergedRow]] = [:]
        merger.forEachRow(entity) { row in
            guard let g = group(row), wanted.contains(g) else { return }
            collected[g, default: []].append(row)
        }
        return collected.keys.sorted().map { ($0, collected[$0]!) }
    }
}

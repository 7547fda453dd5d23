import WijkMerge
import WijkModel

/// `voorziening.overlap`: the same BSN and productcategorie in overlapping periods from different
/// sources — the same provision, paid twice. Grouped by (BSN, categorie); no pairwise scan of all.
enum VoorzieningOverlapDetector {
    static let bsn = MappedRecordFields.index(.voorziening, "bsn")
    static let categorie = MappedRecordFields.index(.voorziening, "productcategorie")
    static let grouping = ConflictDetection.Grouping(group: { row in
        guard let bsn = row.values[bsn]?.canonicalText, let cat = row.values[categorie]?.canonicalText else { return nil }
        return "\(bsn)/\(cat)"
    }, severalSources: true)

    static func detect(_ groups: [(String, [Merger.MergedRow])]) -> [Conflict] {
        let i = { MappedRecordFields.index(.voorziening, $0) }
        func period(_ row: Merger.MergedRow) -> (CivilDate?, CivilDate?) {
            var begin: CivilDate?, end: CivilDate?
            if case .date(let b)? = row.values[i("begindatum")] { begin = b }
            if case .date(let e)? = row.values[i("einddatum")] { end = e }
            return (begin, end)
        }
        func overlap(_ a: Merger.MergedRow, _ b: Merger.MergedRow) -> Bool {
            let (ab, ae) = period(a), (bb, be) = period(b)
            let startsBeforeOtherEnds = { (start: CivilDate?, end: CivilDate?) in
                guard let start, let end else { return true }
                return start <= end
            }
            return startsBeforeOtherEnds(ab, be) && startsBeforeOtherEnds(bb, ae)
        }
        return groups.compactMap { key, group in
            var involved: [Merger.MergedRow] = []
            for (n, a) in group.enumerated() {
                for b in group[(n + 1)...] where a.herkomst[0].bron != b.herkomst[0].bron && overlap(a, b) {
                    if !involved.contains(where: { $0.key == a.key }) { involved.append(a) }
                    if !involved.contains(where: { $0.key == b.key }) { involved.append(b) }
                }
            }
            guard involved.count > 1 else { return nil }
            return Conflict(soort: .voorzieningOverlap, entiteit: "voorziening", sleutel: key,
                            sides: involved.flatMap { sides($0, fields: ["productcode", "begindatum", "einddatum", "volume", "eenheid", "frequentie"], entity: .voorziening) },
                            detail: "\(involved.count) voorzieningen of one client and productcategorie overlap in time, from different sources")
        }
    }
}

import WijkMerge
import WijkModel

/// Every detector over the merged rows. Detectors group by key (BSN, household, BSN and
/// categorie, e-mail, source key) — never a pairwise scan of all records.
public enum ConflictDetection {
    public static func detect(_ merger: Merger, today: CivilDate) -> [Conflict] {
        var rows: [Entity: [Merger.MergedRow]] = [:]
        for entity in Entity.allCases where entity != .team { rows[entity] = merger.rows(entity) }
        let all = ClientIdentiteitDetector.detect(rows[.client]!)
            + ClientAdresDetector.detect(rows[.client]!)
            + HuishoudenPlannenDetector.detect(rows[.plan]!, today: today)
            + VoorzieningOverlapDetector.detect(rows[.voorziening]!)
            + MedewerkerDubbelDetector.detect(merger.staffKeptApart, rows: rows[.medewerker]!)
            + SleutelBotsingDetector.detect(rows)
            + WijkOnbekendDetector.detect(rows[.huishouden]!)
        return all.sorted { ($0.soort, $0.sleutel, $0.id) < ($1.soort, $1.sleutel, $1.id) }
    }
}

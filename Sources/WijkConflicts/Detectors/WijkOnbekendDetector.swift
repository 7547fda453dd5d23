import WijkMerge
import WijkModel

/// `wijk.onbekend`: a household whose postcode lies in no wijk of the new gemeente, so it has no
/// wijkteam either.
enum WijkOnbekendDetector {
    static func detect(_ row: Merger.MergedRow) -> Conflict? {
        guard row.derived["wijk"] == nil else { return nil }
        return Conflict(soort: .wijkOnbekend, entiteit: "huishouden", sleutel: row.key,
                        sides: sides(row, fields: ["postcode", "woonplaats"], entity: .huishouden),
                        detail: "postcode \(row.values[MappedRecordFields.index(.huishouden, "postcode")]?.canonicalText ?? "?") lies in no wijk of the new gemeente")
    }
}

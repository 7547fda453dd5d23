import WijkMerge
import WijkModel

/// `client.identiteit`: the same BSN with another birth date or name in another record — of
/// another source or of the same one (never first-wins) — after
/// normalising (voorvoegsel inside the achternaam, dotted voorletters, 1900-01-01 placeholders).
enum ClientIdentiteitDetector {
    static let fields = ["voorletters", "voorvoegsel", "achternaam", "geboortedatum"]

    static func detect(_ row: Merger.MergedRow) -> Conflict? {
        let i = { MappedRecordFields.index(.client, $0) }
        guard row.herkomst.count > 1 else { return nil }
        let surnames = row.variants.map { Normalise.surname(voorvoegsel: $0[i("voorvoegsel")]?.canonicalText, achternaam: $0[i("achternaam")]?.canonicalText) }
        let initials = row.variants.map { Normalise.initials($0[i("voorletters")]?.canonicalText) }
        let births = row.variants.map { Normalise.birthDate($0[i("geboortedatum")]) }
        var what: [String] = []
        if Normalise.differ(surnames) { what.append("naam") }
        if Normalise.differ(initials) { what.append("voorletters") }
        if Normalise.differ(births) { what.append("geboortedatum") }
        guard !what.isEmpty else { return nil }
        return Conflict(soort: .clientIdentiteit, entiteit: "client", sleutel: row.key,
                        sides: sides(row, fields: fields),
                        detail: "the same BSN with another \(what.joined(separator: " and ")) in another " + (severalSources(row) ? "source" : "record of the same source"))
    }
}

/// Whether a row's records come from more than one source (else: a duplicate inside one source).
func severalSources(_ row: Merger.MergedRow) -> Bool { Set(row.herkomst.map(\.bron)).count > 1 }

/// Each source record of a row with the values of the given fields.
func sides(_ row: Merger.MergedRow, fields: [String], entity: Entity = .client) -> [Conflict.Side] {
    zip(row.herkomst, row.variants).map { p, values in
        Conflict.Side(provenance: p, sleutel: row.key, values: fields.map { field in
            (field, values[MappedRecordFields.index(entity, field)]?.canonicalText ?? "")
        })
    }
}

import WijkMerge
import WijkModel

/// `medewerker.dubbel`: one e-mail address that carries two different people (the names differ
/// after normalising: their rows are kept apart), or one person whose inzet over all wijkteams
/// adds up to more than the migration's `max_fte`. One person serving two wijkteams within the
/// limit is normal in a merger: one row, an inzet row per wijkteam, no conflict.
enum MedewerkerDubbelDetector {
    static let fields = ["voornaam", "achternaam", "fte", "team", "werkgever"]

    static func detect(_ merger: Merger, maxFTE: Double, via reader: Merger.RowReader? = nil) -> [Conflict] {
        var conflicts: [Conflict] = []
        let keptApart = merger.staffKeptApart
        for email in keptApart.keys.sorted() {
            let group = keptApart[email]!.compactMap { merger.row(.medewerker, key: $0, via: reader) }
            guard group.count > 1 else { continue }
            conflicts.append(Conflict(soort: .medewerkerDubbel, entiteit: "medewerker", sleutel: email,
                                      sides: group.flatMap { sides($0, fields: fields, entity: .medewerker) },
                                      detail: "one e-mail address carries \(group.count) different people (their names differ); kept apart"))
        }
        for (email, key) in merger.staffOverLimit.sorted(by: { $0.key < $1.key }) where keptApart[email] == nil {
            guard let row = merger.row(.medewerker, key: key, via: reader) else { continue }
            let total = row.values[MappedRecordFields.index(.medewerker, "fte")]?.canonicalText ?? "?"
            conflicts.append(Conflict(soort: .medewerkerDubbel, entiteit: "medewerker", sleutel: email,
                                      sides: sides(row, fields: fields, entity: .medewerker),
                                      detail: "one person with \(total) FTE over \(row.herkomst.count) staff records, more than the limit of \(Value.format(maxFTE))"))
        }
        return conflicts
    }
}

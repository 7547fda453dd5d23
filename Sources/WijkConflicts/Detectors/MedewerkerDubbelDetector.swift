import WijkMerge
import WijkModel

/// `medewerker.dubbel`: the same person (e-mail) in several sources' staff lists whose FTE
/// together is above 1.0, or whose old teams map to different wijkteams. (Otherwise the merge
/// has already joined them, silently.)
enum MedewerkerDubbelDetector {
    static func detect(_ merger: Merger) -> [Conflict] {
        let keptApart = merger.staffKeptApart
        return keptApart.keys.sorted().compactMap { email in
            let group = keptApart[email]!.compactMap { merger.row(.medewerker, key: $0) }
            guard group.count > 1 else { return nil }
            let fields = ["fte", "team", "werkgever", "dienstverband"]
            return Conflict(soort: .medewerkerDubbel, entiteit: "medewerker", sleutel: email,
                            sides: group.flatMap { sides($0, fields: fields, entity: .medewerker) },
                            detail: "the same e-mail address in \(group.count) staff lists, with more than 1.0 FTE together or other wijkteams")
        }
    }
}

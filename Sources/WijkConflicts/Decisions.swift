import WijkMerge
import WijkModel

/// What the steward decisions and the open conflicts did to a run.
package struct Resolution: Sendable {
    /// Conflict id → the decision applied to it.
    package var decided: [String: Besluit] = [:]
    /// Conflicts that need a steward and have no decision.
    package var open: [Conflict] = []
    /// Decisions whose conflict no longer appears (its sources changed): reported, not applied.
    package var stale: [Besluit] = []
    /// Source records taken out by a decision or because they are in an open conflict
    /// (`--allow-open`), each with its reason.
    package var removed: [(record: Merger.Removed, rule: RuleID, reason: String)] = []
}

/// Decisions that cannot be applied to their conflicts: each where it is written and why, in
/// the file's order, all at once.
package struct DecisionError: Error, Sendable, CustomStringConvertible {
    /// Its one kind: decisions that do not fit their conflicts (a malformed file is a `ConfigErrors`).
    package enum Code: String, Sendable { case doesNotFit }
    package var code: Code { .doesNotFit }
    /// One line per mistake: `besluiten.yml:13:9: the decision on K…: …`.
    package let mistakes: [String]
    package var description: String {
        mistakes.joined(separator: "\n") + "\n\(mistakes.count) decision(s) in the besluiten file do not fit their conflicts"
    }
}

/// Replays `besluiten.yml` on the run's conflicts, and with `--allow-open` keeps the records of
/// open conflicts out.
package enum Decisions {
    static let identityFields = ["voornamen", "voorletters", "voorvoegsel", "achternaam", "geboortedatum", "geslacht"]

    package static func apply(_ besluiten: [Besluit], to conflicts: [Conflict], merger: Merger, allowOpen: Bool,
                             wijkteam: (String) -> String?, wijken: Set<String>) throws -> Resolution {
        var resolution = Resolution()
        var exclusions: [Exclusion] = []
        let byID = Dictionary(besluiten.map { ($0.conflict, $0) }, uniquingKeysWith: { a, _ in a })
        let ids = Set(conflicts.map(\.id))
        resolution.stale = besluiten.filter { !ids.contains($0.conflict) }
        var mistakes: [(Int, String)] = []
        for conflict in conflicts where conflict.soort.needsDecision {
            guard let besluit = byID[conflict.id] else {
                resolution.open.append(conflict)
                continue
            }
            do {
                try apply(besluit, conflict, merger, &exclusions, wijkteam: wijkteam, wijken: wijken)
                resolution.decided[conflict.id] = besluit
            } catch let error as Mistake {
                mistakes.append((besluit.regel, error.text))
            }
        }
        guard mistakes.isEmpty else {
            throw DecisionError(mistakes: mistakes.sorted { $0.0 < $1.0 }.map(\.1))
        }
        if allowOpen {
            for conflict in resolution.open {
                for (entity, key) in rowsOf(conflict) {
                    exclusions.append((entity, key, .conflictOpen, "kept out: in open conflict \(conflict.id) (\(conflict.soort.rawValue))"))
                }
            }
        }
        // Rows are taken out together at the end (one pass over each dependent entity); the
        // decisions above take out plans and voorzieningen, which nothing refers to, so doing it
        // last changes nothing but the time it takes.
        let removed = merger.exclude(exclusions.map { ($0.entity, $0.key) })
        for (exclusion, records) in zip(exclusions, removed) {
            for record in records { resolution.removed.append((record, exclusion.rule, exclusion.reason)) }
        }
        return resolution
    }

    /// The rows a conflict is about.
    static func rowsOf(_ conflict: Conflict) -> [(Entity, String)] {
        switch conflict.soort {
        case .clientIdentiteit, .clientAdres: return [(.client, conflict.sleutel)]
        case .wijkOnbekend: return [(.huishouden, conflict.sleutel)]
        case .huishoudenPlannen: return conflict.uniqueSideKeys.map { (.plan, $0) }
        case .voorzieningOverlap: return conflict.uniqueSideKeys.map { (.voorziening, $0) }
        case .medewerkerDubbel: return conflict.uniqueSideKeys.map { (.medewerker, $0) }
        case .sleutelBotsing: return []
        }
    }

    struct Mistake: Error { let text: String }

    /// A row to take out, and why.
    typealias Exclusion = (entity: Entity, key: String, rule: RuleID, reason: String)

    static func apply(_ besluit: Besluit, _ conflict: Conflict, _ merger: Merger, _ exclusions: inout [Exclusion],
                      wijkteam: (String) -> String?, wijken: Set<String>) throws {
        func fail(_ message: String) -> Mistake {
            Mistake(text: "\(besluit.plekActie): the decision on \(conflict.id) (\(conflict.soort.rawValue)): \(message)")
        }
        let choices = conflict.options.map(\.action).joined(separator: "; ")
        switch (conflict.soort, besluit.actie) {
        case (.clientIdentiteit, .kies(let choice)), (.clientAdres, .kies(let choice)):
            // A source's name, when the source has one record here, or one record (`bron/sleutel`).
            guard let row = merger.row(.client, key: conflict.sleutel) else { throw fail("its client is gone") }
            let records = zip(row.herkomst, row.variants).filter { p, _ in
                p.bron == choice || Conflict.Side(provenance: p, sleutel: row.key, values: []).record == choice
            }
            guard let chosen = records.first?.1 else {
                throw fail("'\(choice)' is not a source or record of this conflict; it allows: \(choices)")
            }
            if Set(records.map { $0.1 }).count > 1 {
                throw fail("source '\(choice)' has \(records.count) different records here; name one: \(choices)")
            }
            let fields = conflict.soort == .clientAdres ? ["huishouden"] : identityFields
            for field in fields {
                let i = Entity.client.fields.firstIndex { $0.name == field }!
                merger.set(.client, key: conflict.sleutel, field: field, to: chosen[i])
            }
        case (.clientIdentiteit, .zet(let fields)), (.clientAdres, .zet(let fields)):
            let allowed = conflict.soort == .clientAdres ? ["huishouden"] : identityFields
            for (field, text) in fields.sorted(by: { $0.key < $1.key }) {
                guard allowed.contains(field), let def = Entity.client.field(named: field) else {
                    throw fail("'\(field)' cannot be set here; it can set: \(allowed.joined(separator: ", "))")
                }
                guard let value = def.kind.parseCanonical(text) else { throw fail("'\(text)' is not a valid \(field)") }
                if field == "huishouden" && !merger.exists(.huishouden, key: text) {
                    throw fail("there is no household '\(text)' (write its key, like 9601AB-12-A)")
                }
                merger.set(.client, key: conflict.sleutel, field: field, to: value)
            }
        case (.wijkOnbekend, .zet(let fields)):
            guard fields.count == 1, let wijk = fields["wijk"] else {
                throw fail("a household in no wijk is decided with zet: { wijk: WK… }, zonder_wijk: ja or wijs_af: [its key]")
            }
            guard wijken.contains(wijk) else {
                throw fail("'\(wijk)' is not a wijk of the migration file (it has \(wijken.sorted().joined(separator: ", "))); "
                           + "or load it without wijk (zonder_wijk: ja), or reject it (wijs_af)")
            }
            merger.setDerived(.huishouden, key: conflict.sleutel, "wijk", to: wijk)
            merger.setDerived(.huishouden, key: conflict.sleutel, "wijkteam", to: wijkteam(wijk))
        case (.wijkOnbekend, .zonderWijk):
            break   // loaded as it is: without wijk and wijkteam, on purpose
        case (.wijkOnbekend, .wijsAf(let keys)):
            guard keys == [conflict.sleutel] else { throw fail("the household of this conflict is '\(conflict.sleutel)'; write wijs_af: [\"\(conflict.sleutel)\"]") }
            exclusions.append((.huishouden, conflict.sleutel, .besluit, "rejected by the decision on \(conflict.id): \(besluit.summary)"))
        case (.huishoudenPlannen, .kies(let bron)), (.voorzieningOverlap, .kies(let bron)):
            guard conflict.bronnen.contains(bron) else {
                throw fail("source '\(bron)' is not in this conflict (it has \(conflict.bronnen.joined(separator: ", ")))")
            }
            let entity: Entity = conflict.soort == .huishoudenPlannen ? .plan : .voorziening
            for side in conflict.sides where side.provenance.bron != bron {
                exclusions.append((entity, side.sleutel, .besluit, "rejected by the decision on \(conflict.id): \(besluit.summary)"))
            }
        case (.huishoudenPlannen, .wijsAf(let keys)), (.voorzieningOverlap, .wijsAf(let keys)), (.medewerkerDubbel, .wijsAf(let keys)):
            let entity: Entity = conflict.soort == .huishoudenPlannen ? .plan : conflict.soort == .voorzieningOverlap ? .voorziening : .medewerker
            let inConflict = Set(conflict.sides.map(\.sleutel))
            for key in keys {
                guard inConflict.contains(key) else {
                    throw fail("'\(key)' is not a record of this conflict (it has \(inConflict.sorted().joined(separator: ", ")))")
                }
                exclusions.append((entity, key, .besluit, "rejected by the decision on \(conflict.id): \(besluit.summary)"))
            }
        case (.voorzieningOverlap, .beide), (.medewerkerDubbel, .beide):
            break
        default:
            throw fail("this decision does not fit a \(conflict.soort.rawValue) conflict; it allows: \(choices)")
        }
    }
}

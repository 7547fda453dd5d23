import WijkModel

/// Every validation rule, in the order `wijkmigratie rules` lists them.
package enum RuleCatalogue {
    package static let all: [Rule] = [
        .requiredField,
        .bsnFormat, .bsnElfproef, .bsnTestRange,
        .dateExists, .birthDateRange, .birthDatePlaceholder, .endBeforeStart,
        .postcodeFormat, .huisnummerPositive, .huisletterSingleLetter,
        .agbFormat, .productcategorieCode, .productcategorieWet, .eenheidCode, .frequentieCode,
        .geslachtCode, .wetCode, .dienstverbandCode,
        .fteRange, .emailFormat,
        .referenceHuishouden, .referenceMedewerker, .referenceClient, .referenceRejected, .referenceTeam,
    ]

    package static func rule(_ id: RuleID) -> Rule? { all.first { $0.id == id } }

    /// A rule by its id as a migration file writes it.
    package static func rule(named name: String) -> Rule? { RuleID(rawValue: name).flatMap(rule) }

    package static var ids: [RuleID] { all.map(\.id) }

    /// Which format rule covers a field's parse failures (`date_exists` for every date field, …).
    package static func formatRule(for entity: Entity, field: String) -> Rule? {
        all.first { rule in
            guard rule.id != .requiredField, case .format(let fields, _) = rule.kind else { return false }
            return fields.contains(FieldRef(entity, field))
        }
    }

    /// The rule that guards a reference to `target`.
    package static func referenceRule(to target: Entity) -> Rule? {
        all.first { rule in
            if case .reference(_, let t) = rule.kind { return t == target }
            return false
        }
    }
}

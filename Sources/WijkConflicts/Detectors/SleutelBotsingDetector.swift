import WijkMerge
import WijkModel

/// `sleutel.botsing`: the same source key in several sources for different records (toewijzing
/// 1001 in Hoogezand-Sappemeer and in Menterwolde). Reported; the store keeps them apart by
/// namespacing (`bron/sleutel`), so no decision is needed.
enum SleutelBotsingDetector {
    static let entities: [Entity] = [.activiteit, .plan, .hulpvraag, .voorziening]

    static func detect(_ merger: Merger) -> [Conflict] {
        entities.flatMap { entity -> [Conflict] in
            let byKey = ConflictDetection.groups(merger, entity, by: { row in
                row.herkomst[0].bronSleutel.flatMap { $0.isEmpty ? nil : $0 }
            }, keep: { $0.count > 1 })
            return byKey.compactMap { sleutel, group in
                return Conflict(soort: .sleutelBotsing, entiteit: entity.table, sleutel: sleutel,
                                sides: group.map { Conflict.Side(provenance: $0.herkomst[0], sleutel: $0.key, values: []) },
                                detail: "\(entity.rawValue) key \(sleutel) is used by \(group.count) sources; kept apart as \(group.map(\.key).joined(separator: ", "))")
            }
        }
    }
}

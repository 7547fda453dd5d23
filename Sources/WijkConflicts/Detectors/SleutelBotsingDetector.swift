import WijkMerge
import WijkModel

/// `sleutel.botsing`: the same source key in several sources for different records (toewijzing
/// 1001 in Hoogezand-Sappemeer and in Menterwolde). Reported; the store keeps them apart by
/// namespacing (`bron/sleutel`), so no decision is needed.
enum SleutelBotsingDetector {
    static let entities: [Entity] = [.activiteit, .plan, .hulpvraag, .voorziening]

    static func detect(_ rows: [Entity: [Merger.MergedRow]]) -> [Conflict] {
        entities.flatMap { entity -> [Conflict] in
            let byKey = Dictionary(grouping: rows[entity] ?? [], by: { $0.herkomst[0].bronSleutel ?? "" })
            return byKey.keys.sorted().compactMap { sleutel in
                let group = byKey[sleutel]!
                guard !sleutel.isEmpty, Set(group.map { $0.herkomst[0].bron }).count > 1 else { return nil }
                return Conflict(soort: .sleutelBotsing, entiteit: entity.table, sleutel: sleutel,
                                sides: group.map { Conflict.Side(provenance: $0.herkomst[0], sleutel: $0.key, values: []) },
                                detail: "\(entity.rawValue) key \(sleutel) is used by \(group.count) sources; kept apart as \(group.map(\.key).joined(separator: ", "))")
            }
        }
    }
}

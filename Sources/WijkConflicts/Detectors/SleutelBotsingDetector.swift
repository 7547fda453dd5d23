import WijkMerge
import WijkModel

/// `sleutel.botsing`: the same source key in several sources for different records (toewijzing
/// 1001 in Hoogezand-Sappemeer and in Menterwolde). Reported; the store keeps them apart by
/// namespacing (`bron/sleutel`), so no decision is needed.
enum SleutelBotsingDetector {
    static let grouping = ConflictDetection.Grouping(group: { row in
        row.herkomst[0].bronSleutel.flatMap { $0.isEmpty ? nil : $0 }
    }, severalSources: true)

    static func detect(_ entity: Entity, _ byKey: [(String, [Merger.MergedRow])]) -> [Conflict] {
        byKey.map { sleutel, group in
            Conflict(soort: .sleutelBotsing, entiteit: entity.table, sleutel: sleutel,
                     sides: group.map { Conflict.Side(provenance: $0.herkomst[0], sleutel: $0.key, values: []) },
                     detail: "\(entity.rawValue) key \(sleutel) is used by \(group.count) sources; kept apart as \(group.map(\.key).joined(separator: ", "))")
        }
    }
}

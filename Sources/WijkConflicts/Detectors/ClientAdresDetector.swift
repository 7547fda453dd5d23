import WijkMerge
import WijkModel

/// `client.adres`: the same BSN in households at different addresses in different sources.
enum ClientAdresDetector {
    static let h = MappedRecordFields.index(.client, "huishouden")

    static func detect(_ row: Merger.MergedRow) -> Conflict? {
        guard Set(row.herkomst.map(\.bron)).count > 1 else { return nil }
        let addresses = Set(row.variants.compactMap { $0[h]?.canonicalText })
        guard addresses.count > 1 else { return nil }
        return Conflict(soort: .clientAdres, entiteit: "client", sleutel: row.key,
                        sides: sides(row, fields: ["huishouden"]),
                        detail: "the same BSN lives at \(addresses.count) addresses in different sources")
    }
}

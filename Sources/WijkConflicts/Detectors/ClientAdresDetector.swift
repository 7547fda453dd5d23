import WijkMerge
import WijkModel

/// `client.adres`: the same BSN in households at different addresses in different sources.
enum ClientAdresDetector {
    static func detect(_ rows: [Merger.MergedRow]) -> [Conflict] {
        let h = MappedRecordFields.index(.client, "huishouden")
        return rows.compactMap { row in
            let bySource = Dictionary(grouping: zip(row.herkomst, row.variants), by: { $0.0.bron })
            guard bySource.count > 1 else { return nil }
            let addresses = Set(row.variants.compactMap { $0[h]?.canonicalText })
            guard addresses.count > 1 else { return nil }
            return Conflict(soort: .clientAdres, entiteit: "client", sleutel: row.key,
                            sides: sides(row, fields: ["huishouden"]),
                            detail: "the same BSN lives at \(addresses.count) addresses in different sources")
        }
    }
}

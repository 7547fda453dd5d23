import WijkMerge
import WijkModel

/// `client.adres`: the same BSN in households at different addresses, in different sources or
/// in two records of one source.
enum ClientAdresDetector {
    static let h = MappedRecordFields.index(.client, "huishouden")

    static func detect(_ row: Merger.MergedRow) -> Conflict? {
        guard row.herkomst.count > 1 else { return nil }
        let addresses = Set(row.variants.compactMap { $0[h]?.canonicalText })
        guard addresses.count > 1 else { return nil }
        return Conflict(soort: .clientAdres, entiteit: "client", sleutel: row.key,
                        sides: sides(row, fields: ["huishouden"]),
                        detail: "the same BSN lives at \(addresses.count) addresses in " + (severalSources(row) ? "different sources" : "records of the same source"))
    }
}

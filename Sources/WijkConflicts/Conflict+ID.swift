import WijkModel
import WijkRuntime

extension Conflict {
    /// The id is made from the kind, the key and the source keys of the sides: the same for the
    /// same inputs in any order, on any machine — so that a steward's decision survives a rerun.
    package init(soort: ConflictKind, entiteit: String, sleutel: String, sides: [Side], detail: String) {
        self.init(id: Conflict.stableID(soort: soort, sleutel: sleutel,
                                        sources: sides.map { "\($0.provenance.bron):\($0.provenance.bronSleutel ?? $0.sleutel)" }),
                  soort: soort, entiteit: entiteit, sleutel: sleutel, sides: sides, detail: detail)
    }

    /// `K` + twelve hex digits of SHA-256 over the kind, the natural key and the sorted source keys.
    package static func stableID(soort: ConflictKind, sleutel: String, sources: [String]) -> String {
        let text = ([soort.rawValue, sleutel] + Set(sources).sorted()).joined(separator: "\u{1F}")
        return "K" + InputChecksum.hex(text).prefix(12)
    }
}

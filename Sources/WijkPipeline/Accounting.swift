import WijkMerge
import WijkModel

/// Nothing lost, checked from counts kept apart from each other: the records the readers handed
/// on (counted on the reading side), the lineage rows the merge holds (`herkomst`), the rejection
/// rows (`afwijzing`) and the rows of each table. Every record the readers produced must be in
/// exactly one of lineage or afwijzing, and each table must hold as many rows as records were
/// counted as making one. Otherwise the run stops before it loads anything.
enum Accounting {
    static func check(produced: [RunState.Key: Int], merger: Merger, rejections: [Rejection], counts: [RunState.Key: Counts],
                      tables: [TableData]) throws {
        let lineage = merger.lineageRows()
        var rejected: [RunState.Key: Int] = [:]
        for r in rejections { rejected[RunState.Key(bron: r.finding.provenance.bron, entity: r.finding.entiteit), default: 0] += 1 }
        var keys = Set(produced.keys).union(rejected.keys)
        keys.formUnion(lineage.keys.map { RunState.Key(bron: $0.bron, entity: $0.entity) })
        var broken: [String] = []
        for key in keys.sorted(by: { ($0.bron, $0.entity) < ($1.bron, $1.entity) }) {
            let made = produced[key] ?? 0
            let kept = lineage[SourceEntity(bron: key.bron, entity: key.entity)] ?? 0
            let out = rejected[key] ?? 0
            if made != kept + out {
                broken.append("source \(key.bron), entity \(key.entity.rawValue): the readers handed on \(made) records, "
                              + "herkomst holds \(kept) and afwijzing \(out)")
            }
        }
        for entity in Entity.allCases where entity != .team {
            let loaded = counts.filter { $0.key.entity == entity }.reduce(0) { $0 + $1.value.loaded }
            let rows = tables.first { $0.name == entity.table }?.count ?? 0
            if loaded != rows {
                broken.append("entity \(entity.rawValue): \(loaded) records were counted as making a row, the table has \(rows)")
            }
        }
        guard broken.isEmpty else {
            throw RunError(.accounting, "internal error: records do not add up (\(broken.joined(separator: "; "))); nothing was loaded")
        }
    }
}

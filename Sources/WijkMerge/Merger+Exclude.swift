import WijkModel

extension Merger {
    /// A source record that is taken out again, and whether it was the one that made its row
    /// (counted as loaded) or one merged into it.
    package struct Removed: Sendable {
        package let entity: Entity
        package let provenance: Provenance
        package let madeTheRow: Bool
        package let key: String
    }

    /// Takes rows out, each with every row that refers to it (a client's hulpvragen and
    /// voorzieningen, a household's clients and plans, a regisseur's plans), so that nothing is
    /// loaded half-linked. Returns, per row asked for and in that order, the source records taken
    /// out: the row's own, then its dependents' (by entity, field and key). A row already taken
    /// out by an earlier one gives nothing. One pass over each dependent entity finds the
    /// dependents of all of them, rather than one pass per row.
    package func exclude(_ rows: [(entity: Entity, key: String)]) -> [[Removed]] {
        // Which rows would go: the asked-for ones and, entity by entity in reference order, every
        // row that refers to one that goes.
        var going: [Entity: Set<String>] = [:]
        for (entity, key) in rows where exists(entity, key: key) { going[entity, default: []].insert(key) }
        var children: [ParentKey: [(entity: Entity, field: Int, key: String)]] = [:]
        for dependent in Entity.allCases where dependent != .team {
            let references = dependent.fields.enumerated().compactMap { i, field -> (Int, Entity)? in
                guard case .reference(let target, _) = field.role, going[target]?.isEmpty == false else { return nil }
                return (i, target)
            }
            guard !references.isEmpty else { continue }
            forEachRowValues(dependent) { key, values in
                for (i, target) in references {
                    guard let parent = values[i]?.canonicalText, going[target]!.contains(parent) else { continue }
                    children[ParentKey(entity: target, key: parent), default: []].append((dependent, i, key))
                    going[dependent, default: []].insert(key)
                }
            }
        }
        var removed: Set<ParentKey> = []
        func take(_ entity: Entity, _ key: String) -> [Removed] {
            let id = ParentKey(entity: entity, key: key)
            guard !removed.contains(id), let row = load(entity, key) else { return [] }
            removed.insert(id)
            offsets[entity]?.remove(key)
            for p in row.herkomst { lineageBySource[SourceEntity(bron: p.bron, entity: entity), default: 0] -= 1 }
            var out = row.herkomst.enumerated().map { Removed(entity: entity, provenance: $1, madeTheRow: $0 == 0, key: key) }
            let dependents = (children[id] ?? []).sorted {
                ($0.entity, $0.field, $0.key) < ($1.entity, $1.field, $1.key)
            }
            for d in dependents { out += take(d.entity, d.key) }
            return out
        }
        return rows.map { take($0.entity, $0.key) }
    }

    struct ParentKey: Hashable {
        let entity: Entity
        let key: String
    }
}

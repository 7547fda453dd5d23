/// A map from a text key that shrinks once it is complete: the merge's index of where each row
/// is in the working file (key → offset), and of which household a source's own key means.
///
/// While its entity's records arrive it is a hash table; once they have all arrived (the merge
/// takes records entity by entity) it is frozen into two sorted arrays — keys and values — which
/// take the size of their elements instead of a hash table's 1.5–2.5 times that, give the keys
/// in order without sorting again, and are searched by bisection. A frozen map can still change
/// a value (a decision rewrites a row) and take a key out.
struct KeyIndex<Value> {
    private var building: [String: Value] = [:]
    private var sortedKeys: [String] = []
    private var values: [Value] = []
    /// Positions taken out of a frozen map (few: rows kept out by decisions and open conflicts).
    private var removed: Set<Int> = []
    private(set) var frozen = false

    var count: Int { frozen ? sortedKeys.count - removed.count : building.count }

    subscript(key: String) -> Value? {
        guard frozen else { return building[key] }
        guard let i = position(of: key), !removed.contains(i) else { return nil }
        return values[i]
    }

    mutating func set(_ key: String, _ value: Value) {
        guard frozen else { building[key] = value; return }
        if let i = position(of: key) {
            removed.remove(i)
            values[i] = value
        } else {
            // A new key after freezing (not how the merge uses it): thaw, add, freeze again.
            thaw()
            building[key] = value
            freeze()
        }
    }

    mutating func remove(_ key: String) {
        guard frozen else { building[key] = nil; return }
        if let i = position(of: key) { removed.insert(i) }
    }

    mutating func freeze() {
        guard !frozen else { return }
        var keys = Array(building.keys)
        keys.sort()
        values = keys.map { building[$0]! }
        building = [:]
        sortedKeys = keys
        removed = []
        frozen = true
    }

    private mutating func thaw() {
        var table: [String: Value] = [:]
        for (i, key) in sortedKeys.enumerated() where !removed.contains(i) { table[key] = values[i] }
        building = table
        sortedKeys = []
        values = []
        removed = []
        frozen = false
    }

    /// The keys in order, without those taken out.
    var keys: [String] {
        let (keys, _, removed) = ordered
        guard !removed.isEmpty else { return keys }
        return keys.indices.filter { !removed.contains($0) }.map { keys[$0] }
    }

    /// The keys in order with their values, and the positions taken out: the frozen arrays
    /// themselves (not copied), for reading every entry in order without a search per key.
    var ordered: (keys: [String], values: [Value], removed: Set<Int>) {
        guard frozen else {
            let keys = building.keys.sorted()
            return (keys, keys.map { building[$0]! }, [])
        }
        return (sortedKeys, values, removed)
    }

    private func position(of key: String) -> Int? {
        var low = 0, high = sortedKeys.count
        while low < high {
            let mid = (low + high) / 2
            if sortedKeys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < sortedKeys.count && sortedKeys[low] == key ? low : nil
    }
}

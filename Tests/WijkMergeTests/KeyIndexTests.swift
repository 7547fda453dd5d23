import Testing
@testable import WijkMerge

struct KeyIndexTests {
    @Test func answersTheSameBeforeAndAfterFreezing() {
        var index = KeyIndex<Int>()
        let keys = (0..<500).map { "k\(($0 * 7919) % 500)" }
        for (n, key) in keys.enumerated() { index.set(key, n * 10) }
        let before = keys.map { index[$0] }
        #expect(index["absent"] == nil)
        index.freeze()
        #expect(index.frozen)
        #expect(keys.map { index[$0] } == before)
        #expect(index["absent"] == nil && index[""] == nil && index["zzz"] == nil)
        #expect(index.keys == keys.sorted())
        #expect(index.count == 500)
    }

    @Test func aFrozenIndexMovesRemovesAndStillTakesANewKey() {
        var index = KeyIndex<Int>()
        for key in ["b", "d", "a", "c"] { index.set(key, 1) }
        index.freeze()
        index.set("c", 99)
        index.remove("b")
        index.remove("b")
        index.remove("x")
        #expect(index["c"] == 99)
        #expect(index["b"] == nil)
        #expect(index.keys == ["a", "c", "d"])
        #expect(index.count == 3)
        // In order, the frozen arrays themselves, with the position taken out named.
        let ordered = index.ordered
        #expect(ordered.keys == ["a", "b", "c", "d"] && ordered.values == [1, 1, 99, 1] && ordered.removed == [1])
        index.set("b", 5)   // back again
        index.set("e", 6)   // new after freezing
        #expect(index.keys == ["a", "b", "c", "d", "e"])
        #expect(index["e"] == 6 && index["b"] == 5 && index.count == 5)
    }
}

import Testing
import WijkModel
import WijkRuntime

struct PrefetchingCursorTests {
    struct Counting: RowCursor {
        let count: Int
        var failAt: Int?
        var n = 0
        struct Broken: Error {}
        mutating func next() throws -> [StoreValue]? {
            if n == failAt { throw Broken() }
            guard n < count else { return nil }
            defer { n += 1 }
            return [.integer(n), .text("row \(n)")]
        }
    }

    @Test func givesEveryRowInOrder() throws {
        for count in [0, 1, PrefetchingCursor.batchSize, 5_000] {
            var cursor = PrefetchingCursor { Counting(count: count) }
            var seen: [Int] = []
            while let row = try cursor.next() {
                guard case .integer(let n) = row[0] else { Issue.record("not a number"); return }
                seen.append(n)
            }
            #expect(seen == Array(0..<count))
            #expect(try cursor.next() == nil)
        }
    }

    @Test func anErrorOfTheCursorReachesTheReaderAfterTheRowsBeforeIt() {
        var cursor = PrefetchingCursor { Counting(count: 10_000, failAt: 3_000) }
        var rows = 0
        #expect(throws: Counting.Broken.self) {
            while try cursor.next() != nil { rows += 1 }
        }
        #expect(rows == 3_000)
    }

    @Test func aReaderThatStopsEarlyDoesNotHoldTheThreadForever() throws {
        for _ in 0..<20 {
            var cursor = PrefetchingCursor { Counting(count: 100_000) }
            _ = try cursor.next()
        }
        // Each dropped cursor cancels its channel; the sending threads end instead of waiting.
        var last = PrefetchingCursor { Counting(count: 3) }
        var n = 0
        while try last.next() != nil { n += 1 }
        #expect(n == 3)
    }
}

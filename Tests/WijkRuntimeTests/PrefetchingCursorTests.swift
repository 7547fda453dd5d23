import Foundation
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

/// The same rows for a task that awaits them (PostgreSQL's COPY), and the hand-off beneath it.
struct RowPrefetchTests {
    typealias Counting = PrefetchingCursorTests.Counting

    @Test func aTaskGetsEveryRowInOrderAndTheErrorAfterThem() async throws {
        for count in [0, 1, RowPrefetch.batchSize, 5_000] {
            let prefetch = RowPrefetch { Counting(count: count) }
            var seen: [Int] = []
            while let rows = try await prefetch.nextBatch() {
                for row in rows { if case .integer(let n) = row[0] { seen.append(n) } }
            }
            #expect(seen == Array(0..<count))
        }
        let failing = RowPrefetch { Counting(count: 10_000, failAt: 3_000) }
        var rows = 0
        await #expect(throws: Counting.Broken.self) {
            while let batch = try await failing.nextBatch() { rows += batch.count }
        }
        #expect(rows == 3_000)
    }

    @Test func theHandOffKeepsOrderAndBoundsWhatIsInFlight() async throws {
        let channel = HandOff<Int>(capacity: 2)
        let sent = Locked(0)
        let sender = Thread {
            for i in 0..<1_000 {
                guard channel.send([i]) else { return }
                sent.withLock { $0 = i + 1 }
            }
            channel.finish()
        }
        sender.start()
        // Nobody receives yet: the sender waits with two batches queued (and one in its hands).
        try await Task.sleep(for: .milliseconds(200))
        #expect(sent.withLock { $0 } <= 2)
        var received: [Int] = []
        while let batch = await channel.receive() { received += batch }
        #expect(received == Array(0..<1_000))
    }

    /// A task and a thread may take turns receiving: the thread's permits stay in step with the
    /// batches whichever way each was taken.
    @Test func aTaskAndAThreadTakingTurnsGetEveryBatchInOrder() async throws {
        let channel = HandOff<Int>(capacity: 3)
        Thread {
            for i in 0..<200 { _ = channel.send([i]) }
            channel.finish()
        }.start()
        var received: [Int] = []
        for turn in 0... {
            let batch: [Int]?
            if turn % 2 == 0 {
                batch = await channel.receive()
            } else {
                batch = await Task.detached { channel.receiveWaiting() }.value
            }
            guard let batch else { break }
            received += batch
        }
        #expect(received == Array(0..<200))
        #expect(channel.receiveWaiting() == nil)
        #expect(await channel.receive() == nil)
    }

    @Test func aCancelledHandOffRefusesTheSender() async throws {
        let channel = HandOff<Int>(capacity: 1)
        let refused = Locked(false)
        let done = Locked(false)
        Thread {
            var i = 0
            while channel.send([i]) { i += 1 }
            refused.withLock { $0 = true }
            done.withLock { $0 = true }
        }.start()
        _ = await channel.receive()
        channel.cancel()
        for _ in 0..<100 where !done.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(refused.withLock { $0 })
        #expect(await channel.receive() == nil)
    }
}

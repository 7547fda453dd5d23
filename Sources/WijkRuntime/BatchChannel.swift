import Foundation

/// A bounded queue of batches from one thread to another, in order: the reading side of a run
/// hands mapped records to the merging side through one, a table's rows are read from the
/// merge's working file ahead of the store through another, so that a run uses both cores of a
/// small machine. Bounded: the sender waits when the receiver falls behind, so memory holds a
/// few batches, never a file.
package final class BatchChannel<Element>: @unchecked Sendable {   // every field is guarded by `condition`
    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    package init(capacity: Int = 8) { self.capacity = capacity }

    /// Waits while the queue is full; false when the receiving side has stopped listening.
    package func send(_ batch: [Element]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The sending side is done.
    package func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The receiving side stops early (an error): the next `send` returns false.
    package func cancel() {
        condition.lock()
        cancelled = true
        batches = []
        head = 0
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for it; nil when the sending side is done and everything is taken.
    package func receive() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while head == batches.count && !finished { condition.wait() }
        guard head < batches.count else { return nil }
        let batch = batches[head]
        batches[head] = []
        head += 1
        if head > 64 {
            batches.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return batch
    }
}

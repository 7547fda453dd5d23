import Foundation
import WijkModel

/// What the reading side of a run hands the merging side, in input order: each source record
/// once, mapped (its mapping warnings inside) or rejected; a finding about a whole file; or the
/// error that stopped reading.
enum ReadEvent: @unchecked Sendable {   // a record's raw text is made from its parsed element, which the reader no longer touches
    case mapped(MappedRecord, RunState.Key)
    case rejected(Rejection, RunState.Key)
    case finding(Finding)
    case failed(Error)
}

/// A bounded queue of event batches between the reading thread (parse, map, validate) and the
/// merging one, so that a run uses both cores of a small machine while the merge still sees
/// every record in input order. Bounded: the reader waits when the merge falls behind, so memory
/// holds a few batches, never a file.
final class RecordChannel: @unchecked Sendable {   // every field is guarded by `condition`
    private let condition = NSCondition()
    private var batches: [[ReadEvent]] = []
    private var head = 0
    private var finished = false
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int = 8) { self.capacity = capacity }

    /// Waits while the queue is full; false when the merging side has stopped listening.
    func send(_ batch: [ReadEvent]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The reading side is done.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The merging side stops early (an error): the reader's next `send` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        batches = []
        head = 0
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for it; nil when the reading side is done and everything is taken.
    func receive() -> [ReadEvent]? {
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

/// Collects events into batches for the channel (one lock round per batch, not per record).
struct EventBatcher {
    let channel: RecordChannel
    private var batch: [ReadEvent] = []
    /// False once the merging side has stopped: the reader then stops too.
    private(set) var listening = true
    static let size = 512

    init(channel: RecordChannel) {
        self.channel = channel
        batch.reserveCapacity(EventBatcher.size)
    }

    mutating func emit(_ event: ReadEvent) {
        batch.append(event)
        if batch.count >= EventBatcher.size { flush() }
    }

    mutating func flush() {
        guard !batch.isEmpty else { return }
        if listening { listening = channel.send(batch) }
        batch = []
        batch.reserveCapacity(EventBatcher.size)
    }
}

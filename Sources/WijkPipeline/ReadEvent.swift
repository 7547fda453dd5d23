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

/// Collects events into batches for the channel (one lock round per batch, not per record).
struct EventBatcher {
    let channel: BatchChannel<ReadEvent>
    private var batch: [ReadEvent] = []
    /// False once the merging side has stopped: the reader then stops too.
    private(set) var listening = true
    static let size = 512

    init(channel: BatchChannel<ReadEvent>) {
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

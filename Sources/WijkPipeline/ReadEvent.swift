import Foundation
import WijkModel
import WijkRuntime

/// What the reading side of a run hands the merging side, in input order: each source record
/// once, mapped (its mapping warnings inside) or rejected; a finding about a whole file; or the
/// error that stopped reading.
enum ReadEvent: Sendable {
    case mapped(MappedRecord, RunState.Key)
    case rejected(Rejection, RunState.Key)
    case finding(Finding)
    case failed(Error)
    /// The last event: how many records the readers handed on per source and entity, counted
    /// here, apart from the merging side's counts, so that the accounting check can fail.
    case produced([RunState.Key: Int])
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

    /// Records handed on, per source and entity.
    private(set) var produced: [RunState.Key: Int] = [:]

    mutating func emit(_ event: ReadEvent) {
        switch event {
        case .mapped(_, let key), .rejected(_, let key): produced[key, default: 0] += 1
        default: break
        }
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

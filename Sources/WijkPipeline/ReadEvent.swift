import Foundation
import Synchronization
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

/// Where a file's reader puts the events of one entity it feeds: on to the merge now (the
/// entity whose turn it is), or into a spool file until its turn.
protocol EventSink: AnyObject {
    func emit(_ event: ReadEvent)
    /// False once nobody will take the events any more (the merge stopped): the reader stops too.
    var listening: Bool { get }
}

/// Collects events into batches for the merging side (one hand-over per batch, not per record),
/// and counts the records handed on. Used by the one thread that puts the events in order.
final class EventBatcher: EventSink {
    private let send: ([ReadEvent]) -> Bool
    private var batch: [ReadEvent] = []
    /// False once the merging side has stopped: the reader then stops too.
    private(set) var listening = true
    static let size = 512

    /// - Parameter send: hands a batch on; false when the merging side has stopped.
    init(send: @escaping ([ReadEvent]) -> Bool) {
        self.send = send
        batch.reserveCapacity(EventBatcher.size)
    }

    /// Records handed on, per source and entity.
    private(set) var produced: [RunState.Key: Int] = [:]

    func emit(_ event: ReadEvent) {
        switch event {
        case .mapped(_, let key), .rejected(_, let key): produced[key, default: 0] += 1
        default: break
        }
        batch.append(event)
        if batch.count >= EventBatcher.size { flush() }
    }

    func flush() {
        guard !batch.isEmpty else { return }
        if listening { listening = send(batch) }
        batch = []
        batch.reserveCapacity(EventBatcher.size)
    }
}

/// An entity's events written to a spool file of its own, read back in its turn.
final class SpoolSink: EventSink {
    let file: SpoolFile
    private var entry = ByteWriter(capacity: 1024)
    private let stopped: @Sendable () -> Bool

    init(file: SpoolFile, stopped: @escaping @Sendable () -> Bool) {
        self.file = file
        self.stopped = stopped
    }

    func emit(_ event: ReadEvent) {
        entry.clear()
        ReadEventCoding.encode(event, into: &entry)
        file.append(entry.bytes)
    }

    var listening: Bool { file.failure == nil && !stopped() }
}

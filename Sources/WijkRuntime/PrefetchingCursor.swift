import Foundation
import Synchronization
import WijkModel

/// Reads another cursor's rows on a thread of its own, a few batches ahead of the one taking
/// them: a store binds and writes rows while the next ones are read and decoded. For a store that
/// takes rows on a thread of its own (SQLite's writer queue); the reading thread is the only one
/// that touches the other cursor while it runs. Dropping it before the end (a load that failed)
/// stops that thread.
package struct PrefetchingCursor: RowCursor {
    private final class Source: Sendable {
        let channel = HandOff<[StoreValue]>(capacity: 4, receiverIsAThread: true)
        /// Set before the channel is finished, read after its end is seen.
        let error = Mutex<(any Error)?>(nil)
        deinit { channel.cancel() }
    }

    private let source: Source
    private var batch: [[StoreValue]] = []
    private var position = 0
    package static let batchSize = 1024

    package init(_ open: @escaping @Sendable () -> any RowCursor) {
        let source = Source()
        self.source = source
        let channel = source.channel
        Thread { [weak source] in
            var cursor = open()
            var rows: [[StoreValue]] = []
            rows.reserveCapacity(PrefetchingCursor.batchSize)
            do {
                while let row = try cursor.next() {
                    rows.append(row)
                    if rows.count == PrefetchingCursor.batchSize {
                        guard channel.send(rows) else { return }
                        rows.removeAll(keepingCapacity: true)
                    }
                }
                if !rows.isEmpty { _ = channel.send(rows) }
            } catch {
                // The rows before the error first, then the error where they end.
                if !rows.isEmpty { _ = channel.send(rows) }
                source?.error.withLock { $0 = error }
            }
            channel.finish()
        }.start()
    }

    package mutating func next() throws -> [StoreValue]? {
        if position < batch.count {
            defer { position += 1 }
            return batch[position]
        }
        guard let rows = source.channel.receiveWaiting(), !rows.isEmpty else {
            if let error = source.error.withLock({ $0 }) { throw error }
            return nil
        }
        batch = rows
        position = 1
        return rows[0]
    }
}

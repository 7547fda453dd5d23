import Foundation
import WijkModel

/// Reads a cursor's rows on a thread of its own, a few batches ahead of the one taking them: a
/// store binds and writes rows while the next ones are read and decoded. The reading thread is
/// the only one that touches that cursor while it runs. Dropping it before the end (a load that
/// failed) stops that thread.
package final class RowPrefetch: Sendable {
    private let channel: HandOff<[StoreValue]>
    /// Set before the channel is finished, read after its end is seen.
    private let error = Locked<(any Error)?>(nil)
    package static let batchSize = 1024

    /// The rows are taken by a task (`nextBatch`) or on a thread that may wait (`nextBatchWaiting`,
    /// a store's writer queue).
    package init(_ open: @escaping @Sendable () -> any RowCursor) {
        channel = HandOff(capacity: 4)
        let channel = self.channel
        Thread { [weak self] in
            var cursor = open()
            var rows: [[StoreValue]] = []
            rows.reserveCapacity(RowPrefetch.batchSize)
            do {
                while let row = try cursor.next() {
                    rows.append(row)
                    if rows.count == RowPrefetch.batchSize {
                        guard channel.send(rows) else { return }
                        rows.removeAll(keepingCapacity: true)
                    }
                }
                if !rows.isEmpty { _ = channel.send(rows) }
            } catch {
                // The rows before the error first, then the error where they end.
                if !rows.isEmpty { _ = channel.send(rows) }
                self?.error.withLock { $0 = error }
            }
            channel.finish()
        }.start()
    }

    deinit { channel.cancel() }

    /// The next rows, suspending until they are read; nil at the end. Throws what the cursor threw.
    package func nextBatch() async throws -> [[StoreValue]]? {
        guard let rows = await channel.receive(), !rows.isEmpty else { return try end() }
        return rows
    }

    /// The same, for a receiver on a thread of its own that may wait.
    package func nextBatchWaiting() throws -> [[StoreValue]]? {
        guard let rows = channel.receiveWaiting(), !rows.isEmpty else { return try end() }
        return rows
    }

    private func end() throws -> [[StoreValue]]? {
        if let error = error.withLock({ $0 }) { throw error }
        return nil
    }
}

/// A `RowCursor` over a `RowPrefetch`, for a store that takes rows on a thread that may wait.
package struct PrefetchingCursor: RowCursor {
    private let prefetch: RowPrefetch
    private var batch: [[StoreValue]] = []
    private var position = 0
    package static let batchSize = RowPrefetch.batchSize

    package init(_ open: @escaping @Sendable () -> any RowCursor) {
        prefetch = RowPrefetch(open)
    }

    package mutating func next() throws -> [StoreValue]? {
        if position < batch.count {
            defer { position += 1 }
            return batch[position]
        }
        guard let rows = try prefetch.nextBatchWaiting() else { return nil }
        batch = rows
        position = 1
        return rows[0]
    }
}

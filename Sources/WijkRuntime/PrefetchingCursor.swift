import Foundation
import WijkModel

/// Reads another cursor's rows on a thread of its own, a few batches ahead of the one taking
/// them: a store binds and writes rows while the next ones are read and decoded. Dropping it
/// before the end (a load that failed) stops that thread.
package struct PrefetchingCursor: RowCursor {
    private final class Source: @unchecked Sendable {   // `error` is written before `finish` and read after it, both under the channel's lock
        let channel = BatchChannel<[StoreValue]>(capacity: 4)
        var error: Error?
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
                source?.error = error
            }
            channel.finish()
        }.start()
    }

    package mutating func next() throws -> [StoreValue]? {
        if position < batch.count {
            defer { position += 1 }
            return batch[position]
        }
        guard let rows = source.channel.receive(), !rows.isEmpty else {
            if let error = source.error { throw error }
            return nil
        }
        batch = rows
        position = 1
        return rows[0]
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one file a run's spools live in (a `RunFile`). Like the merge's working file it lives in `$TMPDIR`
/// (else `/tmp`) and is unlinked as soon as it is opened, so it is gone when the run ends, also
/// when the run is killed. One file for every spool, however many: a folder of thousands of
/// messages, each feeding three entities, must not hold thousands of descriptors open. Threads
/// write chunks to it at offsets they reserve under a lock, and read them back by offset.
package final class SpoolArea: Sendable {
    private let fd: Int32
    private let end = Locked(0)
    private let firstFailure = Locked<String?>(nil)

    /// - Parameter folder: where the file goes, else `$TMPDIR`, else `/tmp`.
    package init(folder: String? = nil) throws {
        let folder = RunFile.folder(folder)
        switch RunFile.make(in: folder, prefix: "wijkmigratie-spool") {
        case .success(let fd): self.fd = fd
        case .failure(let error):
            throw SpoolError(description: "cannot make a spool file in \(folder): \(error) (set TMPDIR to a folder with room)")
        }
    }

    deinit { close(fd) }

    /// Why writing or reading failed, the first reason (a full disk).
    package var failure: String? { firstFailure.withLock { $0 } }

    private func fail(_ reason: String) { firstFailure.withLock { $0 = $0 ?? reason } }

    /// Writes a chunk; its offset, or nil when it could not be written.
    func write(_ bytes: [UInt8]) -> Int? {
        let offset = end.withLock { end -> Int in
            defer { end += bytes.count }
            return end
        }
        switch RunFile.write(fd, bytes, at: offset) {
        case .success: return offset
        case .failure(let error):
            fail("writing a spool file failed: \(error) (set TMPDIR to a folder with room)")
            return nil
        }
    }

    /// Reads a chunk back; nil when it could not be read.
    func read(at offset: Int, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        switch RunFile.read(fd, into: &bytes, count: count, at: offset) {
        case .success(let n) where n == count: return bytes
        case .success:
            fail("a spool file ended early (it was changed under the run)")
        case .failure(let error):
            fail("reading a spool file failed: \(error)")
        }
        return nil
    }
}

/// Entries written one after another, then read back once in the same order: the records of an
/// entity that were read early (a file feeding several entities is parsed once) wait here for
/// their entity's turn in the merge. The entries go to the run's `SpoolArea` in chunks of about a
/// megabyte, each holding whole entries; memory holds the chunk being written or read, nothing
/// while the spool waits.
package final class SpoolFile: @unchecked Sendable {   // written by one thread, then handed whole (through a lock) to one that only reads it
    private let area: SpoolArea
    private var buffer: [UInt8] = []
    private var chunks: [(offset: Int, count: Int)] = []
    private var reading = false
    private var chunk = 0
    private var at = 0
    private var ownFailure: String?
    /// How many entries were appended.
    package private(set) var count = 0

    static let chunkSize = 1 << 20

    package init(in area: SpoolArea) {
        self.area = area
    }

    /// Why the spool could not be written or read back (a full disk); nothing is handed out then.
    package var failure: String? { ownFailure ?? area.failure }

    /// Appends one entry (before `rewind`).
    package func append(_ bytes: [UInt8]) {
        guard !reading else {
            ownFailure = ownFailure ?? "an entry was added to a spool file after its reading began (a fault of the program)"
            return
        }
        var n = UInt32(bytes.count)
        for _ in 0..<4 {
            buffer.append(UInt8(truncatingIfNeeded: n))
            n >>= 8
        }
        buffer.append(contentsOf: bytes)
        count += 1
        if buffer.count >= SpoolFile.chunkSize { flush() }
    }

    private func flush() {
        defer { buffer = [] }
        guard !buffer.isEmpty, failure == nil else { return }
        if let offset = area.write(buffer) { chunks.append((offset, buffer.count)) }
    }

    /// Ends the writing; `next` then hands the entries out from the first.
    package func rewind() {
        flush()
        reading = true
        chunk = 0
        at = 0
    }

    /// The next entry; nil at the end, or after a failure (`failure` says which).
    package func next() -> [UInt8]? {
        guard reading, failure == nil else { return nil }
        if at >= buffer.count {
            guard chunk < chunks.count else {
                buffer = []
                return nil
            }
            guard let bytes = area.read(at: chunks[chunk].offset, count: chunks[chunk].count) else { return nil }
            buffer = bytes
            chunk += 1
            at = 0
        }
        guard at + 4 <= buffer.count else { return damaged() }
        let n = Int(buffer[at]) | Int(buffer[at + 1]) << 8 | Int(buffer[at + 2]) << 16 | Int(buffer[at + 3]) << 24
        guard at + 4 + n <= buffer.count else { return damaged() }
        defer { at += 4 + n }
        return Array(buffer[(at + 4)..<(at + 4 + n)])
    }

    private func damaged() -> [UInt8]? {
        ownFailure = ownFailure ?? "a spool file was damaged under the run"
        return nil
    }
}

/// A spool file could not be made.
package struct SpoolError: Error, Sendable, CustomStringConvertible {
    package let description: String
}

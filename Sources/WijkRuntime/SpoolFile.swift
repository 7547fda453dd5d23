#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Entries written one after another to a file of the run's own, then read back once in the same
/// order: the records of an entity that were read early (a file feeding several entities is
/// parsed once) wait here for their entity's turn in the merge. Like the merge's working file it
/// lives in `$TMPDIR` (else `/tmp`) and is unlinked as soon as it is opened, so it is gone when
/// the run ends, also when the run is killed; memory holds one buffer, never the entries.
package final class SpoolFile: @unchecked Sendable {   // written by one thread, then handed whole (through a lock) to one that only reads it
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var written = 0
    private var readAt = 0
    private var bufferStart = 0
    private var reading = false
    /// Why the file could not be written or read back (a full disk); nothing is handed out then.
    package private(set) var failure: String?
    /// How many entries were appended.
    package private(set) var count = 0

    static let bufferSize = 1 << 20

    /// - Parameter folder: where the file goes, else `$TMPDIR`, else `/tmp`.
    package init(folder: String? = nil) throws {
        let folder = folder ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/wijkmigratie-spool-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw SpoolError(description: "cannot make a spool file in \(folder): \(String(cString: strerror(errno))) (set TMPDIR to a folder with room)")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
        buffer.reserveCapacity(SpoolFile.bufferSize + 4096)
    }

    deinit { close(fd) }

    /// Appends one entry (before `rewind`).
    package func append(_ bytes: [UInt8]) {
        guard !reading else {
            failure = failure ?? "an entry was added to a spool file after its reading began (a fault of the program)"
            return
        }
        var n = UInt32(bytes.count)
        for _ in 0..<4 {
            buffer.append(UInt8(truncatingIfNeeded: n))
            n >>= 8
        }
        buffer.append(contentsOf: bytes)
        count += 1
        if buffer.count >= SpoolFile.bufferSize { flush() }
    }

    private func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        var done = 0
        buffer.withUnsafeBytes { bytes in
            while done < bytes.count {
                let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(written + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "writing a spool file failed: \(String(cString: strerror(errno))) (set TMPDIR to a folder with room)"
                    return
                }
                done += n
            }
        }
        written += done
    }

    /// Ends the writing; `next` then hands the entries out from the first.
    package func rewind() {
        flush()
        reading = true
        readAt = 0
        bufferStart = 0
    }

    /// The next entry; nil at the end, or after a failure (`failure` says which).
    package func next() -> [UInt8]? {
        guard reading, failure == nil else { return nil }
        guard let header = take(4) else { return nil }
        let n = Int(header[0]) | Int(header[1]) << 8 | Int(header[2]) << 16 | Int(header[3]) << 24
        guard let entry = take(n) else {
            if failure == nil { failure = "a spool file ended inside an entry (it was changed under the run)" }
            return nil
        }
        return entry
    }

    /// `n` bytes from the read position, refilling the buffer from the file as needed.
    private func take(_ n: Int) -> [UInt8]? {
        if readAt + n > bufferStart + buffer.count {
            // Keep what is left of the buffer, then read on from where it ends.
            let keep = Array(buffer[(readAt - bufferStart)...])
            let fileAt = bufferStart + buffer.count
            let want = max(n - keep.count, SpoolFile.bufferSize)
            var more = [UInt8](repeating: 0, count: min(want, written - fileAt))
            var done = 0
            while done < more.count {
                let got = more.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(fileAt + done)) }
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = "reading a spool file failed: \(String(cString: strerror(errno)))"
                    return nil
                }
                if got == 0 { break }
                done += got
            }
            more.removeSubrange(done...)
            buffer = keep + more
            bufferStart = readAt
            guard readAt + n <= bufferStart + buffer.count else { return nil }
        }
        let start = readAt - bufferStart
        readAt += n
        return Array(buffer[start..<(start + n)])
    }
}

/// A spool file could not be made.
package struct SpoolError: Error, Sendable, CustomStringConvertible {
    package let description: String
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WijkModel
import WijkRuntime

/// The merge's working file: canonical rows, written once and rewritten when a later record
/// merges into them, read back by offset. It lives in `$TMPDIR` (else `/tmp`) and is unlinked as
/// soon as it is opened, so it disappears when the run ends — also when the run is killed.
///
/// Reads use `pread` rather than a memory map, so the rows never count as the process's memory.
/// A write that fails (a full disk) is remembered: `failure` says why, reads return nil from then
/// on, and the pipeline stops the run with that message instead of loading a partial merge.
final class RowFile {
    private let fd: Int32
    private var pending: [UInt8] = []
    /// Bytes already written to the file; offsets beyond it are still in `pending`.
    private var written = 0
    /// Why the file failed, the first reason; set by whichever thread met it (a table read
    /// ahead of a store reads on a thread of its own).
    private let firstFailure = Locked<String?>(nil)
    var failure: String? { firstFailure.withLock { $0 } }
    private func fail(_ reason: String) { firstFailure.withLock { $0 = $0 ?? reason } }
    /// The merge's own reader; a table read ahead of a store brings its own.
    private let ownReader = Reader()

    /// The last block a reader read from the file: rows read in key order often lie close
    /// together (records of one source arrive in key order), and then one read serves many. Each
    /// thread that reads has its own, so that no cache is shared between threads.
    final class Reader {
        fileprivate var block = [UInt8](repeating: 0, count: RowFile.blockSize)
        fileprivate var blockStart = -1
        fileprivate var blockCount = 0
        /// How many times it read a block from the file (for the test that a row's chain is read at once).
        fileprivate(set) var blockReads = 0
        init() {}
    }

    static let blockSize = 8192
    static let lookBehind = 1024

    static let flushAt = 1 << 20

    /// The working file goes into `folder`, else `$TMPDIR`, else `/tmp`.
    init(folder: String? = nil) throws {
        let folder = RunFile.folder(folder)
        switch RunFile.make(in: folder, prefix: "wijkmigratie-merge") {
        case .success(let fd): self.fd = fd
        case .failure(let error):
            throw MergeError(.cannotCreate, "cannot make the merge's working file in \(folder): \(error) (set TMPDIR to a folder with room)")
        }
        pending.reserveCapacity(RowFile.flushAt + 4096)
    }

    deinit { close(fd) }

    /// Appends one row's bytes; returns the offset to read it back.
    func append(_ bytes: [UInt8]) -> Int {
        let offset = written + pending.count
        var n = UInt32(bytes.count)
        for _ in 0..<4 {
            pending.append(UInt8(truncatingIfNeeded: n))
            n >>= 8
        }
        pending.append(contentsOf: bytes)
        if pending.count >= RowFile.flushAt { flush() }
        return offset
    }

    private func flush() {
        defer { pending.removeAll(keepingCapacity: true) }
        guard failure == nil, !pending.isEmpty else { return }
        switch RunFile.write(fd, pending, at: written) {
        case .success: written += pending.count
        case .failure(let error): fail("writing the merge's working file failed: \(error) (set TMPDIR to a folder with room)")
        }
    }

    /// How many bytes were appended: the working file's size.
    var size: Int { written + pending.count }
    /// How many bytes `read` has handed out (what the merge decoded), for the test that a key with
    /// many records costs the merge linear work.
    private(set) var bytesHandedOut = 0

    /// The bytes appended at `offset`; nil after a failure. With `reader`, read through that
    /// reader's block (on another thread than the merge's); otherwise through the merge's own.
    func read(_ offset: Int, via reader: Reader? = nil) -> [UInt8]? {
        guard let reader else {
            let bytes = readRecord(offset, ownReader)
            bytesHandedOut &+= bytes?.count ?? 0
            return bytes
        }
        return readRecord(offset, reader)
    }

    private func readRecord(_ offset: Int, _ r: Reader) -> [UInt8]? {
        guard failure == nil else { return nil }
        if offset >= written {
            let start = offset - written
            guard start + 4 <= pending.count else { return nil }
            let n = length(pending, at: start)
            guard start + 4 + n <= pending.count else { return nil }
            return Array(pending[(start + 4)..<(start + 4 + n)])
        }
        // Most rows fit in the block that holds their start; a row longer than that is read alone.
        // The block begins a little before the row: a head is written right after the
        // contribution it points at, so walking a row's chain then costs no second read.
        if !(r.blockStart >= 0 && offset >= r.blockStart && offset + 4 <= r.blockStart + r.blockCount) {
            let from = max(0, offset - RowFile.lookBehind)
            guard let got = readFully(into: &r.block, count: min(RowFile.blockSize, written - from), at: from), got >= offset - from + 4 else {
                r.blockStart = -1
                return nil
            }
            r.blockStart = from
            r.blockCount = got
            r.blockReads += 1
        }
        let start = offset - r.blockStart
        let n = length(r.block, at: start)
        if start + 4 + n <= r.blockCount { return Array(r.block[(start + 4)..<(start + 4 + n)]) }
        var row = [UInt8](repeating: 0, count: n)
        guard let more = readFully(into: &row, count: n, at: offset + 4), more == n else { return nil }
        return row
    }

    private func length(_ bytes: [UInt8], at i: Int) -> Int {
        Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24
    }

    private func readFully(into buffer: inout [UInt8], count: Int, at offset: Int) -> Int? {
        switch RunFile.read(fd, into: &buffer, count: count, at: offset) {
        case .success(let n): return n
        case .failure(let error):
            fail("reading the merge's working file failed: \(error)")
            return nil
        }
    }
}

/// The merge could not keep its working file: what happened and what to do.
/// The merge cannot go on: its working file cannot be made, written or read back.
package struct MergeError: Error, Sendable, CustomStringConvertible {
    package enum Code: String, Sendable {
        /// The working file cannot be made (the folder is not usable).
        case cannotCreate
        /// A row went missing or was damaged under the run (a failed write, a full disk).
        case damaged
    }

    package let code: Code
    package let description: String
    package init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}

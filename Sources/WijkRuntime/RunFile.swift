#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file of the run's own — the merge's working file, the spools — in `$TMPDIR` (else `/tmp`),
/// unlinked as soon as it is made, so that it disappears when the run ends, also when the run is
/// killed; written and read by offset (`pwrite`, `pread`), so that threads need no shared position.
package enum RunFile {
    /// `folder`, else `$TMPDIR`, else `/tmp`.
    package static func folder(_ folder: String?) -> String {
        folder ?? getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// Makes an unlinked file in `folder`: its descriptor, or why it could not be made.
    package static func make(in folder: String, prefix: String) -> Result<Int32, RunFileError> {
        var template = Array("\(folder)/\(prefix)-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return .failure(RunFileError()) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return .success(fd)
    }

    /// Writes all of `bytes` at `offset`.
    package static func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int) -> Result<Void, RunFileError> {
        var done = 0
        return bytes.withUnsafeBytes { buffer in
            while done < buffer.count {
                let n = pwrite(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    return .failure(RunFileError())
                }
                done += n
            }
            return .success(())
        }
    }

    /// Reads up to `count` bytes at `offset` into the start of `buffer`: how many there were
    /// (fewer at the end of the file).
    package static func read(_ fd: Int32, into buffer: inout [UInt8], count: Int, at offset: Int) -> Result<Int, RunFileError> {
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(RunFileError())
            }
            if n == 0 { break }
            done += n
        }
        return .success(done)
    }
}

/// What the system said when a run's file could not be made, written or read (`errno`'s text).
package struct RunFileError: Error, Sendable, CustomStringConvertible {
    package let description: String
    init() { description = String(cString: strerror(errno)) }
}

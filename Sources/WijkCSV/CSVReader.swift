#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming, byte-level CSV reader: RFC 4180 plus the dialects of `CSVDialect`.
///
/// It holds one buffer of the file at a time (never the whole file), keeps the physical line
/// number of every record, accepts CRLF and LF, quoted fields with delimiters, doubled quotes and
/// newlines inside, skips blank lines, and decodes each field in the declared encoding.
/// A record it cannot read is returned as `.malformed`, never thrown, so the caller can reject
/// that record and go on.
package final class CSVReader {
    package let path: String
    package let dialect: CSVDialect
    /// The header's column names, when the dialect has a header row.
    package private(set) var header: [String]?

    private let fd: Int32
    private var buffer: [UInt8]
    private var start = 0        // first byte of the record being read
    private var end = 0          // one past the last valid byte
    private var atEOF = false
    private var line = 1         // physical line of `start`
    /// Bytes read from the file so far (for progress).
    package private(set) var bytesRead = 0
    private var finished = false
    private static let chunk = 1 << 18

    package init(path: String, dialect: CSVDialect) throws {
        self.path = path
        self.dialect = dialect
        // Opening a FIFO blocks until someone writes to it: refuse anything but a regular file first.
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            throw CSVFileError(path: path, reason: (info.st_mode & S_IFMT) == S_IFDIR ? "is a folder, not a file" : "is not a regular file (a FIFO or a device); wijkmigratie reads files only")
        }
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw CSVFileError(path: path, reason: String(cString: strerror(errno)))
        }
        buffer = [UInt8](repeating: 0, count: CSVReader.chunk)
        try fill()
        if dialect.encoding == .utf8, end - start >= 3,
           buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            start = 3
        }
        try skipLines(dialect.skipRows)
        if dialect.header {
            switch try readNext() {
            case .record(let r)?: header = r.fields
            case .malformed(let m)?:
                throw CSVFileError(path: path, reason: "line \(m.line): the header row cannot be read: \(m.message)")
            case nil: header = []
            }
        }
    }

    deinit { close(fd) }

    /// The next record, a record that could not be read, or `nil` at the end of the file.
    /// Throws only when the file itself cannot be read any more (an I/O error).
    package func next() throws -> CSVReadResult? {
        try readNext()
    }

    /// Reads more bytes after `end`, moving the unread part to the front first. Returns false at EOF.
    @discardableResult
    private func fill() throws -> Bool {
        if atEOF { return false }
        if start > 0 {
            let pending = end - start
            if pending > 0 {
                buffer.withUnsafeMutableBufferPointer { p in
                    _ = memmove(p.baseAddress!, p.baseAddress! + start, pending)
                }
            }
            end = pending
            start = 0
        }
        if buffer.count - end < CSVReader.chunk / 2 {
            buffer.append(contentsOf: repeatElement(0, count: max(buffer.count, CSVReader.chunk)))
        }
        let n = buffer.withUnsafeMutableBufferPointer { p in
            read(fd, p.baseAddress! + end, p.count - end)
        }
        if n < 0 { throw CSVFileError(path: path, reason: String(cString: strerror(errno))) }
        if n == 0 { atEOF = true; return false }
        end += n
        bytesRead += n
        return true
    }

    private func skipLines(_ count: Int) throws {
        var remaining = count
        while remaining > 0 {
            var i = start
            while i < end && buffer[i] != 0x0A { i += 1 }
            if i < end {
                start = i + 1
                line += 1
                remaining -= 1
            } else if try !fill() {
                start = end
                return
            }
        }
    }

    /// One field of the record being scanned. A quoted field's content is `start..<end` with its
    /// doubled quotes still in; text after its closing quote (lenient, as most readers) is `tail`.
    private struct Span {
        var start: Int
        var end: Int
        var quoted: Bool
        var tail: Range<Int>?
    }

    private var spans: [Span] = []

    private func readNext() throws -> CSVReadResult? {
        while !finished {
            switch scan(atEOF: atEOF) {
            case .complete(let recordEnd, _, _, _) where recordEnd - start > dialect.maxRecordBytes:
                let recordLine = line
                let (kept, omitted) = try skipFirstLine()
                return .malformed(CSVMalformedRecord(line: recordLine, problem: .tooLong(limit: dialect.maxRecordBytes),
                                                     rawBytes: kept, encoding: dialect.encoding, omittedBytes: omitted))
            case .complete(let recordEnd, let next, let innerNewlines, let terminated):
                let recordLine = line
                line += innerNewlines + (terminated ? 1 : 0)
                let recordStart = start
                start = next
                if next >= end && atEOF { finished = true }
                if recordEnd == recordStart && spans.count == 1 { continue }   // a blank line
                return makeRecord(from: recordStart, to: recordEnd, line: recordLine, endLine: recordLine + innerNewlines)
            case .needMore:
                if end - start > dialect.maxRecordBytes {
                    // Too long to be a record: give up on it before it costs more time or memory.
                    let recordLine = line
                    let (kept, omitted) = try skipFirstLine()
                    return .malformed(CSVMalformedRecord(line: recordLine, problem: .tooLong(limit: dialect.maxRecordBytes),
                                                         rawBytes: kept, encoding: dialect.encoding, omittedBytes: omitted))
                }
                if try fill() { continue }
                if start >= end { finished = true; return nil }
                // atEOF is now true: scan again, treating the end of the file as the record's end.
            case .unterminated:
                // The quote opened on this line never closes: this line is the bad record, and the
                // lines after it are read again as records of their own.
                let recordLine = line
                let (kept, omitted) = try skipFirstLine()
                return .malformed(CSVMalformedRecord(line: recordLine, problem: .unterminatedQuote, rawBytes: kept,
                                                     encoding: dialect.encoding, omittedBytes: omitted))
            }
        }
        return nil
    }

    /// Skips the physical line that starts at `start`, reading on as far as it goes (a line of
    /// 100 MB is read through, not held): returns its bytes, at most `keptBytes` of them, and how
    /// many more there were. The next record starts on the line after it.
    private func skipFirstLine() throws -> (kept: [UInt8], omitted: Int) {
        let keptBytes = 64 * 1024
        var kept: [UInt8] = []
        var omitted = 0
        while true {
            var i = start
            while i < end && buffer[i] != 0x0A { i += 1 }
            var lineEnd = i
            if i < end && lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let room = max(0, keptBytes - kept.count)
            let piece = min(room, lineEnd - start)
            kept.append(contentsOf: buffer[start..<(start + piece)])
            omitted += (lineEnd - start) - piece
            if i < end {
                start = i + 1
                line += 1
                if start >= end && atEOF { finished = true }
                return (kept, omitted)
            }
            start = end
            if try !fill() {
                finished = true
                return (kept, omitted)
            }
        }
    }

    private enum ScanResult {
        /// The record's content ends at `recordEnd`; the next one starts at `next`.
        case complete(recordEnd: Int, next: Int, innerNewlines: Int, terminated: Bool)
        case needMore
        case unterminated
    }

    private func scan(atEOF: Bool) -> ScanResult {
        spans.removeAll(keepingCapacity: true)
        if start >= end { return .needMore }
        let delimiter = dialect.delimiter
        let hasQuote = dialect.quote != nil
        let q = dialect.quote ?? 0
        let end = self.end
        let start = self.start
        return buffer.withUnsafeBufferPointer { p -> ScanResult in
            var newlines = 0
            var i = start
            while true {
                if hasQuote && i < end && p[i] == q {
                    let contentStart = i + 1
                    i += 1
                    var closed = false
                    while i < end {
                        let b = p[i]
                        if b == q {
                            if i + 1 < end {
                                if p[i + 1] == q { i += 2; continue }
                            } else if !atEOF {
                                return .needMore   // cannot tell `"` from `""` yet
                            }
                            closed = true
                            break
                        }
                        if b == 0x0A { newlines += 1 }
                        i += 1
                    }
                    if !closed { return atEOF ? .unterminated : .needMore }
                    let contentEnd = i
                    i += 1
                    let tailStart = i
                    while i < end && p[i] != delimiter && p[i] != 0x0A { i += 1 }
                    if i == end && !atEOF { return .needMore }
                    var tailEnd = i
                    if tailEnd > tailStart && p[tailEnd - 1] == 0x0D { tailEnd -= 1 }
                    spans.append(Span(start: contentStart, end: contentEnd, quoted: true,
                                      tail: tailEnd > tailStart ? tailStart..<tailEnd : nil))
                } else {
                    let fieldStart = i
                    while i < end && p[i] != delimiter && p[i] != 0x0A { i += 1 }
                    if i == end && !atEOF { return .needMore }
                    var fieldEnd = i
                    if fieldEnd > fieldStart && p[fieldEnd - 1] == 0x0D { fieldEnd -= 1 }
                    spans.append(Span(start: fieldStart, end: fieldEnd, quoted: false, tail: nil))
                }
                if i == end {
                    var recordEnd = end
                    if recordEnd > start && p[recordEnd - 1] == 0x0D { recordEnd -= 1 }
                    return .complete(recordEnd: recordEnd, next: end, innerNewlines: newlines, terminated: false)
                }
                if p[i] == delimiter { i += 1; continue }
                var recordEnd = i
                if recordEnd > start && p[recordEnd - 1] == 0x0D { recordEnd -= 1 }
                return .complete(recordEnd: recordEnd, next: i + 1, innerNewlines: newlines, terminated: true)
            }
        }
    }

    private func makeRecord(from recordStart: Int, to recordEnd: Int, line: Int, endLine: Int) -> CSVReadResult {
        let encoding = dialect.encoding
        let q = dialect.quote ?? 0
        var unquoted: [UInt8] = []
        var fieldSpans: [CSVRecord.FieldSpan] = []
        fieldSpans.reserveCapacity(spans.count)
        for (index, span) in spans.enumerated() {
            let problem: TextEncoding.Problem?
            if span.quoted {
                let from = unquoted.count
                var i = span.start
                while i < span.end {
                    let b = buffer[i]
                    unquoted.append(b)
                    i += (b == q && i + 1 < span.end && buffer[i + 1] == q) ? 2 : 1
                }
                if let tail = span.tail { unquoted.append(contentsOf: buffer[tail]) }
                problem = encoding.problem(in: unquoted[from...])
                fieldSpans.append(CSVRecord.FieldSpan(start: Int32(from), end: Int32(unquoted.count), quoted: true))
            } else {
                problem = encoding.problem(in: buffer[span.start..<span.end])
                fieldSpans.append(CSVRecord.FieldSpan(start: Int32(span.start - recordStart), end: Int32(span.end - recordStart), quoted: false))
            }
            if let problem {
                return .malformed(CSVMalformedRecord(line: line, problem: problem == .nul ? .nulByte(field: index + 1) : .invalidEncoding(field: index + 1),
                                                     rawBytes: Array(buffer[recordStart..<recordEnd]), encoding: encoding))
            }
        }
        return .record(CSVRecord(line: line, endLine: endLine, rawBytes: Array(buffer[recordStart..<recordEnd]), unquoted: unquoted,
                                 spans: fieldSpans, encoding: encoding))
    }
}

/// One record of a CSV file, as read: its fields (checked against the declared encoding, made
/// into text only when asked for), its physical line numbers, and its untouched bytes for the
/// reject file.
package struct CSVRecord: Sendable {
    /// The physical line the record starts on (1-based, counting skipped rows and the header).
    package let line: Int
    /// The physical line it ends on: larger than `line` when a quoted field holds newlines.
    package let endLine: Int
    /// The record's bytes without its line terminator.
    package let rawBytes: [UInt8]
    /// Quoted fields with their doubled quotes undone (and any text after the closing quote), one
    /// after another; an unquoted field is read where it stands in `rawBytes`.
    let unquoted: [UInt8]
    /// Where each field's bytes are.
    let spans: [FieldSpan]
    package let encoding: TextEncoding

    struct FieldSpan: Sendable {
        let start: Int32
        let end: Int32
        /// In `unquoted` rather than `rawBytes`.
        let quoted: Bool
    }

    init(line: Int, endLine: Int, rawBytes: [UInt8], unquoted: [UInt8], spans: [FieldSpan], encoding: TextEncoding) {
        self.line = line
        self.endLine = endLine
        self.rawBytes = rawBytes
        self.unquoted = unquoted
        self.spans = spans
        self.encoding = encoding
    }

    /// How many fields the record has.
    package var count: Int { spans.count }

    /// Field `i` (0-based) as text. The reader checked every field against the encoding, so it
    /// is decoded without checking again.
    package func field(_ i: Int) -> String {
        let span = spans[i]
        let range = Int(span.start)..<Int(span.end)
        return span.quoted ? encoding.decodeChecked(unquoted[range]) : encoding.decodeChecked(rawBytes[range])
    }

    /// Every field as text.
    package var fields: [String] { (0..<spans.count).map(field) }

    /// The record exactly as it stood, for `afwijzing` and `rejects.csv`.
    package var raw: String { encoding.decodeLossy(rawBytes) }
}

/// What the reader gives for each record: a record, or a record it could not read, with why.
package enum CSVReadResult: Sendable {
    case record(CSVRecord)
    case malformed(CSVMalformedRecord)
}

package struct CSVMalformedRecord: Sendable, Error {
    package enum Problem: Sendable, Equatable {
        /// A quoted field that never closes before the end of the file.
        case unterminatedQuote
        /// A record longer than the dialect's `maxRecordBytes` (a quote that does not close within
        /// it, or a line that does not end): `bytes` is how long it was when reading gave up.
        case tooLong(limit: Int)
        /// Bytes that are not valid in the declared encoding, in this 1-based field.
        case invalidEncoding(field: Int)
        /// A NUL byte in this 1-based field: no text holds one (and PostgreSQL refuses it).
        case nulByte(field: Int)
    }

    package let line: Int
    package let problem: Problem
    package let rawBytes: [UInt8]
    let encoding: TextEncoding
    /// How many bytes of the record were left out of `rawBytes` (a record too long to keep whole).
    package var omittedBytes = 0

    init(line: Int, problem: Problem, rawBytes: [UInt8], encoding: TextEncoding, omittedBytes: Int = 0) {
        self.line = line
        self.problem = problem
        self.rawBytes = rawBytes
        self.encoding = encoding
        self.omittedBytes = omittedBytes
    }

    package var raw: String { encoding.decodeLossy(rawBytes) + (omittedBytes > 0 ? "… (\(omittedBytes) more bytes not kept)" : "") }

    package var message: String {
        switch problem {
        case .unterminatedQuote:
            return "a quoted field opened on line \(line) is never closed before the end of the file; the record is rejected and reading goes on at line \(line + 1)"
        case .tooLong(let limit):
            return "the record starting on line \(line) is longer than \(limit) bytes (a quote that never closes, or a line that does not end); it is rejected and reading goes on at the next line"
        case .invalidEncoding(let field):
            return "field \(field) has bytes that are not valid \(encoding.rawValue) (is the declared encoding right?)"
        case .nulByte(let field):
            return "field \(field) holds a NUL byte, which no text holds (is this a binary file, or UTF-16?)"
        }
    }
}

/// A file that cannot be read at all.
package struct CSVFileError: Error, Sendable, CustomStringConvertible {
    package let path: String
    package let reason: String
    package var description: String { "\(path): \(reason)" }
}

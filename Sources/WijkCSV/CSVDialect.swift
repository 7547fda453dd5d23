/// How one CSV export is written: the separator, the quote, whether the first row names the
/// columns, how many lines of preamble to skip, and the declared encoding.
package struct CSVDialect: Sendable, Equatable {
    package var delimiter: UInt8
    /// `nil`: no quoting at all (every quote character is data).
    package var quote: UInt8?
    package var header: Bool
    /// Physical lines before the header (or the first record) that are not data: a vendor's title.
    package var skipRows: Int
    package var encoding: TextEncoding
    /// The longest record (and so the longest quoted field) the reader takes: a longer one — in
    /// practice a quote that never closes, or a file without line breaks — is reported as one
    /// malformed record and reading goes on at the line after its first. Bounds time and memory.
    package var maxRecordBytes: Int

    package static let defaultMaxRecordBytes = 1 << 20

    package init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8? = UInt8(ascii: "\""),
                header: Bool = true, skipRows: Int = 0, encoding: TextEncoding = .utf8,
                maxRecordBytes: Int = CSVDialect.defaultMaxRecordBytes) {
        self.maxRecordBytes = max(64, maxRecordBytes)
        self.delimiter = delimiter
        self.quote = quote
        self.header = header
        self.skipRows = skipRows
        self.encoding = encoding
    }
}

import Testing
import TestSupport
@testable import WijkCSV

/// Cases modelled on the public csv-spectrum suite, plus our dialects and encodings.
struct CSVReaderTests {
    struct Row: Equatable, CustomStringConvertible {
        let line: Int
        let fields: [String]
        var description: String { "\(line): \(fields)" }
    }

    func read(_ bytes: [UInt8], _ dialect: CSVDialect = CSVDialect(header: false)) throws -> (header: [String]?, rows: [Row], malformed: [CSVMalformedRecord]) {
        let dir = TempDir()
        let path = dir.write("t.csv", bytes: bytes)
        let reader = try CSVReader(path: path, dialect: dialect)
        var rows: [Row] = []
        var bad: [CSVMalformedRecord] = []
        while let result = try reader.next() {
            switch result {
            case .record(let r): rows.append(Row(line: r.line, fields: r.fields))
            case .malformed(let m): bad.append(m)
            }
        }
        return (reader.header, rows, bad)
    }

    func read(_ text: String, _ dialect: CSVDialect = CSVDialect(header: false)) throws -> [Row] {
        try read(Array(text.utf8), dialect).rows
    }

    @Test func simple() throws {
        #expect(try read("a,b,c\n1,2,3\n") == [Row(line: 1, fields: ["a", "b", "c"]), Row(line: 2, fields: ["1", "2", "3"])])
    }

    @Test func crlfLineEndings() throws {
        #expect(try read("a,b\r\n1,2\r\n") == [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "2"])])
    }

    @Test func noTrailingNewline() throws {
        #expect(try read("a,b\n1,2") == [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "2"])])
        #expect(try read("a,b\r\n1,2\r") == [Row(line: 1, fields: ["a", "b"]), Row(line: 2, fields: ["1", "2"])])
    }

    @Test func commaInQuotes() throws {
        #expect(try read("first,last\n\"Anna, Maria\",Bakker\n")[1].fields == ["Anna, Maria", "Bakker"])
    }

    @Test func escapedQuotes() throws {
        #expect(try read("a,b\n1,\"ha \"\"ha\"\" ha\"\n")[1].fields == ["1", "ha \"ha\" ha"])
        #expect(try read("\"\"\"\",x\n")[0].fields == ["\"", "x"])
    }

    @Test func newlinesInQuotesKeepPhysicalLines() throws {
        let rows = try read("a,b\n1,\"line one\nline two\r\nline three\"\n2,x\n")
        #expect(rows == [
            Row(line: 1, fields: ["a", "b"]),
            Row(line: 2, fields: ["1", "line one\nline two\r\nline three"]),
            Row(line: 5, fields: ["2", "x"]),
        ])
    }

    @Test func emptyFieldsAndEmptyQuoted() throws {
        #expect(try read(",,\n\"\",x,\n")  == [Row(line: 1, fields: ["", "", ""]), Row(line: 2, fields: ["", "x", ""])])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        #expect(try read("a\n\n\r\nb\n") == [Row(line: 1, fields: ["a"]), Row(line: 4, fields: ["b"])])
    }

    @Test func semicolonDialectWithHeaderAndSkipRows() throws {
        let text = "Export wijkteam HS\ngemaakt 2017-12-31\nBSN;Naam\n123456782;\"de Vries; Jan\"\n"
        let (header, rows, _) = try read(Array(text.utf8), CSVDialect(delimiter: UInt8(ascii: ";"), header: true, skipRows: 2))
        #expect(header == ["BSN", "Naam"])
        #expect(rows == [Row(line: 4, fields: ["123456782", "de Vries; Jan"])])
    }

    @Test func tabDialectWithoutQuoting() throws {
        let rows = try read("\"a\t b\"\tc\n", CSVDialect(delimiter: 0x09, quote: nil, header: false))
        #expect(rows == [Row(line: 1, fields: ["\"a", " b\"", "c"])])
    }

    @Test func textAfterClosingQuoteIsKept() throws {
        #expect(try read("\"12\"a,b\n")[0].fields == ["12a", "b"])
    }

    /// A quote that never closes costs one record, not the rest of the file: the line it opens on
    /// is reported, and the lines after it are read and counted as records of their own.
    @Test func anUnterminatedQuoteCostsOneRecordAndReadingGoesOn() throws {
        let result = try read(Array("a,b\n1,\"never closed\n2,3\n4,5\n".utf8))
        #expect(try result.rows == [Row(line: 1, fields: ["a", "b"]), Row(line: 3, fields: ["2", "3"]), Row(line: 4, fields: ["4", "5"])])
        #expect(result.malformed.count == 1)
        #expect(result.malformed.first?.line == 2)
        #expect(result.malformed.first?.problem == .unterminatedQuote)
        #expect(result.malformed.first?.raw == "1,\"never closed")
    }

    /// A record longer than the cap (a quote closing only far away, a line without an end) is one
    /// malformed record; time and memory stay linear, and the next line is read.
    @Test func aRecordLongerThanTheCapIsRejectedAndTheNextLineIsRead() throws {
        let dialect = CSVDialect(header: false, maxRecordBytes: 4096)
        let longQuote = "1,\"" + String(repeating: "x\n", count: 5000) + "\"\n9,9\n"
        let quoted = try read(Array(longQuote.utf8), dialect)
        // Line 1 is too long; its closing quote, on line 5001, then opens a quote of its own.
        #expect(quoted.malformed.map(\.line) == [1, 5001])
        #expect(quoted.malformed.map(\.problem) == [.tooLong(limit: 4096), .unterminatedQuote])
        #expect(try quoted.rows.first == Row(line: 2, fields: ["x"]))
        #expect(try quoted.rows.last == Row(line: 5002, fields: ["9", "9"]))

        let noEnd = Array("a,b\n".utf8) + Array(repeating: UInt8(ascii: "y"), count: 3_000_000) + Array("\nc,d\n".utf8)
        let long = try read(noEnd, dialect)
        #expect(try long.rows == [Row(line: 1, fields: ["a", "b"]), Row(line: 3, fields: ["c", "d"])])
        #expect(long.malformed.map(\.line) == [2])
        #expect(long.malformed.first?.rawBytes.count == 64 * 1024)
        #expect(long.malformed.first?.omittedBytes == 3_000_000 - 64 * 1024)
    }

    @Test func utf8BomIsDropped() throws {
        let (header, _, _) = try read([0xEF, 0xBB, 0xBF] + Array("bsn,naam\n1,2\n".utf8), CSVDialect(header: true))
        #expect(header == ["bsn", "naam"])
    }

    @Test func windows1252AndLatin1Decode() throws {
        // "Zoë" and "€": ë = 0xEB in both; € = 0x80 in Windows-1252 only.
        let bytes: [UInt8] = [0x5A, 0x6F, 0xEB, 0x3B, 0x80, 0x0A]
        let cp = try read(bytes, CSVDialect(delimiter: UInt8(ascii: ";"), header: false, encoding: .windows1252))
        #expect(try cp.rows.first?.fields == ["Zoë", "€"])
        let latin = try read(bytes, CSVDialect(delimiter: UInt8(ascii: ";"), header: false, encoding: .iso88591))
        #expect(try latin.rows.first?.fields == ["Zoë", "\u{80}"])
    }

    @Test func invalidUTF8IsMalformedWithFieldAndLine() throws {
        let bytes: [UInt8] = Array("a,b\n".utf8) + [0x5A, 0x6F, 0xEB, 0x2C, 0x78, 0x0A] + Array("c,d\n".utf8)
        let result = try read(bytes)
        #expect(try result.rows.map(\.line) == [1, 3])
        #expect(result.malformed.first?.line == 2)
        #expect(result.malformed.first?.problem == .invalidEncoding(field: 1))
    }

    /// A NUL byte is no text: the record is malformed in every encoding (PostgreSQL would refuse
    /// it at COPY and abort the load, while SQLite took it), and its raw text holds no NUL.
    @Test(arguments: [TextEncoding.utf8, .windows1252, .iso88591])
    func aNulByteIsMalformed(encoding: TextEncoding) throws {
        let bytes: [UInt8] = Array("a,b\n".utf8) + [0x78, 0x00, 0x79, 0x2C, 0x7A, 0x0A] + Array("c,d\n".utf8)
        let result = try read(bytes, CSVDialect(header: false, encoding: encoding))
        #expect(try result.rows.map(\.line) == [1, 3])
        #expect(result.malformed.first?.problem == .nulByte(field: 1))
        #expect(result.malformed.first?.raw == "x\u{FFFD}y,z")
    }

    @Test func undefinedWindows1252ByteIsMalformed() throws {
        let result = try read([0x81, 0x0A], CSVDialect(header: false, encoding: .windows1252))
        #expect(result.malformed.first?.problem == .invalidEncoding(field: 1))
    }

    @Test func emptyFile() throws {
        let result = try read([], CSVDialect(header: true))
        #expect(result.header == [])
        #expect(try result.rows.isEmpty)
    }

    @Test func missingFileThrowsWithPath() {
        #expect(throws: CSVFileError.self) { try CSVReader(path: "/nonexistent/x.csv", dialect: CSVDialect()) }
    }

    @Test func recordsLargerThanTheBufferAndManyRecords() throws {
        // A quoted field of 600 KB (more than two buffer chunks) and 20,000 short records after it.
        let big = String(repeating: "x\"\"y;\n", count: 100_000)
        var text = "id;tekst\n1;\"\(big)\"\n"
        for i in 0..<20_000 { text += "\(i);r\(i)\r\n" }
        let (header, rows, bad) = try read(Array(text.utf8), CSVDialect(delimiter: UInt8(ascii: ";"), header: true))
        #expect(header == ["id", "tekst"])
        #expect(bad.isEmpty)
        #expect(rows.count == 20_001)
        #expect(rows[0].fields[1] == String(repeating: "x\"y;\n", count: 100_000))
        #expect(rows[1] == Row(line: 100_003, fields: ["0", "r0"]))
        #expect(rows.last == Row(line: 120_002, fields: ["19999", "r19999"]))
    }

    @Test func rawBytesAreTheUntouchedRecord() throws {
        let dir = TempDir()
        let path = dir.write("t.csv", "a;b\r\n\"x;y\";\"z\"\"\"\r\n")
        let reader = try CSVReader(path: path, dialect: CSVDialect(delimiter: UInt8(ascii: ";"), header: true))
        guard case .record(let r)? = try reader.next() else { Issue.record("no record"); return }
        #expect(r.raw == "\"x;y\";\"z\"\"\"")
        #expect(r.fields == ["x;y", "z\""])
    }
}

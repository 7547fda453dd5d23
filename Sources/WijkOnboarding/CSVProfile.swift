import Foundation
import WijkCSV
import WijkModel

/// What a mapping author needs to know about a CSV file before writing a line: the encodings its
/// bytes are valid in, the delimiter and quote that fit, whether it has a header, how many records
/// and lines, and per column what it holds. Streams the file; profiles the first `sample` records.
package struct CSVProfile: Sendable {
    package let file: String
    package let bytes: Int
    package let encoding: EncodingEvidence
    package let dialect: CSVDialect
    /// Why this delimiter: "splits 200 of 200 sampled lines into 12 fields".
    package let delimiterEvidence: String
    package let headerEvidence: String
    package let records: Int
    package let physicalLines: Int
    package let malformed: Int
    package let sampled: Int
    package let columns: [(name: String, profile: ValueProfile)]

    package static func profile(path: String, display: String, sample: Int) throws -> CSVProfile {
        let encoding = try EncodingEvidence.scan(path: path)
        guard encoding.readable else {
            throw ProfileError("\(display): \(encoding.verdict)")
        }
        let head = try headLines(path: path, encoding: encoding.suggested, limit: 200)
        guard !head.isEmpty else { throw ProfileError("\(display) is empty") }
        let (delimiter, quote, skip, evidence) = sniffDialect(head)
        var dialect = CSVDialect(delimiter: delimiter, quote: quote, header: false, skipRows: skip, encoding: encoding.suggested)
        let rows = head.dropFirst(skip).prefix(60).map { split($0, delimiter: delimiter, quote: quote) }
        let (header, headerEvidence) = looksLikeHeader(rows)
        dialect.header = header

        let reader: CSVReader
        do { reader = try CSVReader(path: path, dialect: dialect) } catch { throw ProfileError("\(display): \(error)") }
        var names = reader.header ?? []
        var columns = names.map { _ in ValueProfile() }
        var records = 0, malformed = 0, lastLine = 0, sampled = 0
        while true {
            let next: CSVReadResult?
            do { next = try reader.next() } catch { throw ProfileError("\(display): reading stopped: \(error)") }
            guard let next else { break }
            switch next {
            case .malformed(let bad):
                malformed += 1
                lastLine = max(lastLine, bad.line)
            case .record(let record):
                records += 1
                lastLine = record.endLine
                guard sampled < sample else { continue }
                sampled += 1
                while columns.count < record.fields.count {
                    columns.append(ValueProfile())
                    if names.count < columns.count { names.append(header ? "(column \(columns.count), no name)" : String(columns.count)) }
                }
                for (i, value) in record.fields.enumerated() { columns[i].add(value) }
                for i in record.fields.count..<columns.count { columns[i].add("") }
            }
        }
        return CSVProfile(file: display, bytes: encoding.bytes, encoding: encoding, dialect: dialect, delimiterEvidence: evidence,
                          headerEvidence: headerEvidence, records: records, physicalLines: lastLine, malformed: malformed,
                          sampled: sampled, columns: Array(zip(names, columns)).map { (name: $0.0, profile: $0.1) })
    }

    /// The first lines of the file, decoded leniently (for sniffing only).
    static func headLines(path: String, encoding: TextEncoding, limit: Int) throws -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ProfileError("cannot read \(path)") }
        defer { try? handle.close() }
        var bytes = [UInt8](handle.readData(ofLength: 256 * 1024))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [String] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            var end = i
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(encoding.decodeLossy(bytes[start..<end]))
            start = i + 1
            if lines.count == limit { break }
        }
        // The rest: the file's last line, or — in a file whose first 256 KiB hold no line break —
        // the start of one very long line (its width still tells the delimiter).
        if lines.count < limit && start < bytes.count && (bytes.count < 256 * 1024 || lines.isEmpty) {
            lines.append(encoding.decodeLossy(bytes[start...]))
        }
        return lines.filter { !$0.isEmpty }
    }

    /// Splits one line on a delimiter, honouring quotes (for sniffing; a quoted field with a line
    /// break in it spans lines, which only lowers the delimiter's score a little).
    static func split(_ line: String, delimiter: UInt8, quote: UInt8?) -> [String] {
        var fields: [String] = []
        var current: [UInt8] = []
        var quoted = false
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote, b == q {
                if quoted && i + 1 < bytes.count && bytes[i + 1] == q { current.append(q); i += 2; continue }
                quoted.toggle()
            } else if b == delimiter && !quoted {
                fields.append(String(decoding: current, as: UTF8.self))
                current = []
            } else {
                current.append(b)
            }
            i += 1
        }
        fields.append(String(decoding: current, as: UTF8.self))
        return fields
    }

    /// The delimiter that splits the most lines into the same number (above one) of fields; the
    /// quote seen at the start of fields; lines before the first one of that width (a title).
    static func sniffDialect(_ lines: [String]) -> (UInt8, UInt8?, Int, String) {
        let candidates: [(UInt8, String)] = [(UInt8(ascii: ";"), "';'"), (UInt8(ascii: ","), "','"), (0x09, "tab"), (UInt8(ascii: "|"), "'|'")]
        let quote: UInt8? = lines.contains { $0.contains("\"") } || !lines.contains { $0.contains("'") } ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        var best: (delimiter: UInt8, name: String, width: Int, agree: Int) = (UInt8(ascii: ","), "','", 1, 0)
        for (delimiter, name) in candidates {
            let widths = lines.map { split($0, delimiter: delimiter, quote: quote).count }
            let modal = Dictionary(grouping: widths, by: { $0 }).max { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key < b.key }
            guard let modal, modal.key > 1 else { continue }
            if modal.value.count > best.agree || (modal.value.count == best.agree && modal.key > best.width) {
                best = (delimiter, name, modal.key, modal.value.count)
            }
        }
        let skip = best.agree == 0 ? 0 : min(10, lines.firstIndex { split($0, delimiter: best.delimiter, quote: quote).count == best.width } ?? 0)
        let evidence = best.agree == 0 ? "no delimiter splits the lines: one column"
            : "\(best.name) splits \(best.agree) of \(lines.count) sampled lines into \(best.width) fields"
        return (best.delimiter, quote, skip, evidence)
    }

    /// A header: every name filled, distinct, with a letter, and none of them a value of its own
    /// column in the rows below.
    static func looksLikeHeader(_ rows: [[String]]) -> (Bool, String) {
        guard let first = rows.first else { return (false, "no rows") }
        let names = first.map { $0.trimmingASCIISpaces() }
        if names.contains(where: \.isEmpty) { return (false, "the first row has empty fields: no header") }
        if Set(names).count != names.count { return (false, "the first row repeats a value: no header") }
        if let name = names.first(where: { !$0.contains(where: \.isLetter) }) { return (false, "'\(name)' in the first row has no letter: no header") }
        for (i, name) in names.enumerated() where rows.dropFirst().contains(where: { i < $0.count && $0[i].trimmingASCIISpaces() == name }) {
            return (false, "'\(name)' in the first row is also a value below it: no header")
        }
        var typed = 0
        for i in names.indices {
            var column = ValueProfile()
            for row in rows.dropFirst() where i < row.count { column.add(row[i]) }
            if !column.readings.isEmpty { typed += 1 }
        }
        return (true, "the first row names every column (distinct text)\(typed > 0 ? "; \(typed) columns below it hold numbers, dates or codes" : "")")
    }
}

package struct ProfileError: Error, CustomStringConvertible, Sendable {
    package let description: String
    init(_ description: String) { self.description = description }
}

/// Which encodings a file's bytes are valid in: a BOM, valid UTF-8, or bytes that only make sense
/// as Windows-1252 (0x80–0x9F: €, curly quotes, … in Windows-1252, control characters in ISO-8859-1).
package struct EncodingEvidence: Sendable {
    package let bytes: Int
    package let bom: String?
    package let validUTF8: Bool
    package let highBytes: Int
    package let windows1252Only: Int
    package let nulBytes: Int
    package let lineEndings: String

    package var readable: Bool { bom == nil || bom == "UTF-8" }

    /// Multi-byte sequences that are valid UTF-8, and bytes that are not.
    package let utf8Sequences: Int
    package let invalidUTF8: Int

    /// UTF-8 when the bytes are, or when a UTF-8 BOM or many valid sequences say so and only a few
    /// bytes are not (those records will be rejected as encoding defects); else Windows-1252.
    package var suggested: TextEncoding {
        if validUTF8 || bom == "UTF-8" || (utf8Sequences > 0 && invalidUTF8 <= max(2, utf8Sequences / 20)) { return .utf8 }
        return .windows1252
    }

    package var verdict: String {
        if let bom, bom != "UTF-8" { return "\(bom) (byte order mark): save the file as UTF-8; this tool reads UTF-8, Windows-1252 and ISO-8859-1" }
        var text: String
        if highBytes == 0 { text = "ASCII only: utf-8, windows-1252 and iso-8859-1 read it alike" }
        else if validUTF8 { text = "valid UTF-8\(bom != nil ? " with a byte order mark" : "") (\(highBytes) bytes above 127); not Windows-1252" }
        else if suggested == .utf8 {
            text = "UTF-8\(bom != nil ? " with a byte order mark" : "") (\(utf8Sequences) valid sequences) but \(invalidUTF8) bytes are not: "
                + "those records will be rejected as encoding defects"
        }
        else if windows1252Only > 0 { text = "not UTF-8; \(windows1252Only) bytes in 0x80–0x9F only make sense as Windows-1252 (€, ‘ ’, “ ”): windows-1252" }
        else { text = "not UTF-8; windows-1252 and iso-8859-1 read these \(highBytes) bytes alike" }
        if nulBytes > 0 { text += "; \(nulBytes) NUL bytes (a binary file, or UTF-16?)" }
        return text
    }

    static func scan(path: String) throws -> EncodingEvidence {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ProfileError("cannot read \(path)") }
        defer { try? handle.close() }
        var total = 0, high = 0, c1 = 0, nul = 0, crlf = 0, lf = 0, cr = 0
        var bom: String?
        var pending = 0          // continuation bytes still expected
        var sequences = 0, invalid = 0
        var valid = true
        var previous: UInt8 = 0
        var first = true
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                if first {
                    first = false
                    if raw.starts(with: [0xEF, 0xBB, 0xBF]) { bom = "UTF-8" }
                    else if raw.starts(with: [0xFF, 0xFE]) { bom = "UTF-16 little-endian" }
                    else if raw.starts(with: [0xFE, 0xFF]) { bom = "UTF-16 big-endian" }
                }
                for b in raw {
                    if b == 0 { nul += 1 }
                    if b == 0x0A { if previous == 0x0D { crlf += 1 } else { lf += 1 } }
                    if previous == 0x0D && b != 0x0A { cr += 1 }
                    previous = b
                    guard b >= 0x80 else {
                        if pending > 0 { valid = false; invalid += 1; pending = 0 }
                        continue
                    }
                    high += 1
                    if b <= 0x9F { c1 += 1 }
                    if pending > 0 {
                        if b & 0xC0 == 0x80 {
                            pending -= 1
                            if pending == 0 { sequences += 1 }
                        } else { valid = false; invalid += 1; pending = 0 }
                    } else if b & 0xE0 == 0xC0 && b >= 0xC2 { pending = 1 }
                    else if b & 0xF0 == 0xE0 { pending = 2 }
                    else if b & 0xF8 == 0xF0 && b <= 0xF4 { pending = 3 }
                    else { valid = false; invalid += 1 }
                }
                total += raw.count
            }
        }
        if pending > 0 { valid = false }
        let endings = [(crlf, "CRLF"), (lf, "LF"), (cr, "CR only")].filter { $0.0 > 0 }.map { "\($0.1) (\($0.0))" }
        // Bytes that are UTF-8 continuation bytes count as 0x80–0x9F too; only a file that is not
        // UTF-8 is judged by them.
        return EncodingEvidence(bytes: total, bom: bom, validUTF8: valid, highBytes: high, windows1252Only: valid ? 0 : c1, nulBytes: nul,
                                lineEndings: endings.isEmpty ? "none (one line)" : endings.joined(separator: ", "),
                                utf8Sequences: sequences, invalidUTF8: invalid)
    }
}

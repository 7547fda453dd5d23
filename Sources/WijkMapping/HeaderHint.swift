import Foundation
import WijkModel

/// What a configuration message may say about a CSV file's header. It quotes the header, never
/// data: a header that is far too long (a file whose line breaks the reader does not recognise,
/// CR-only endings, so that the "header" is the whole file) or that holds values that look
/// personal (a BSN, a date) is not quoted; the likely mistake is named instead. A header that is
/// one column holding another separator names the delimiter as the likely mistake.
enum HeaderHint {
    static let maxQuoted = 240

    static func describe(_ header: [String], delimiter: UInt8) -> String {
        let joined = header.map { "'\($0)'" }.joined(separator: ", ")
        let separators: [(UInt8, String)] = [(UInt8(ascii: ","), "','"), (UInt8(ascii: ";"), "';'"), (0x09, "tab"), (UInt8(ascii: "|"), "'|'")]
        if header.count == 1, let cell = header.first,
           let (_, name) = separators.first(where: { $0.0 != delimiter && cell.utf8.contains($0.0) }) {
            let declared = delimiter == 0x09 ? "tab" : "'\(String(UnicodeScalar(delimiter)))'"
            return "its header is one column that holds \(name): the file is likely separated by \(name), not \(declared); declare its delimiter"
                + (cell.count <= maxQuoted && !looksPersonal(cell) ? " (header: \(cell))" : "")
        }
        if joined.count > maxQuoted * 4 {
            return "its first line is \(joined.count) characters long: are its line breaks CR only (old Mac), or is the first line not a header?"
        }
        if looksPersonal(joined) {
            return "its first line holds values that look like data (a BSN or a date), not column names: does the file have a header?"
        }
        if joined.count > maxQuoted { return "its header has: \(joined.prefix(maxQuoted))… (\(header.count) columns)" }
        return "its header has: \(joined)"
    }

    /// A nine-digit number passing the elfproef, or a date: values a header does not hold.
    static func looksPersonal(_ text: String) -> Bool {
        var digits = ""
        for c in text + " " {
            if c.isASCII && c.isNumber { digits.append(c); continue }
            if digits.count == 9 && BSN(digits) != nil { return true }
            if digits.count == 8, BSN("0" + digits) != nil { return true }
            digits = ""
        }
        return text.range(of: #"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b"#, options: .regularExpression) != nil
    }
}

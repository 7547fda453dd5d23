/// CSV that opens correctly in Dutch Excel: UTF-8 with a byte order mark, `;` between fields,
/// CRLF between rows, quotes where a field holds `;`, `"`, CR or LF.
package struct ExcelCSV {
    private var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    package init(header: [String]) {
        append(header)
    }

    package mutating func append(_ row: [String]) {
        for (i, field) in row.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ";")) }
            // A leading = + - @ would make Excel evaluate the field as a formula: quote and prefix it.
            let risky = field.first.map { "=+-@".contains($0) } ?? false
            if risky || field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
                bytes.append(UInt8(ascii: "\""))
                if risky { bytes.append(UInt8(ascii: "'")) }
                for b in field.utf8 {
                    if b == UInt8(ascii: "\"") { bytes.append(b) }
                    bytes.append(b)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: field.utf8)
            }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    package var data: [UInt8] { bytes }
}

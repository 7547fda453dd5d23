import Foundation
import WijkCSV
import WijkModel

/// Where addresses lie: postcode → wijk (and buurt), from the `postcodes:` table.
package struct PostcodeIndex: Sendable, Equatable {
    package struct Place: Sendable, Equatable {
        package let wijk: String
        package let buurt: String?
    }

    /// PC6 (`9601AB`) or PC4 (`9601`) → its place, when every address in it lies in one place.
    package internal(set) var byPostcode: [String: Place] = [:]
    /// PC6 + huisnummer (`9601AB 12`) → its place, for a PC6 that spans wijken or buurten.
    package internal(set) var byAddress: [String: Place] = [:]
    /// Rows of other gemeenten in a national table: skipped, and counted here.
    package internal(set) var otherGemeenteRows = 0

    package init() {}

    /// The address first (a PC6 split by huisnummer), then the PC6, then its four digits.
    package func place(postcode: Postcode, huisnummer: Int?) -> Place? {
        if let huisnummer, let place = byAddress["\(postcode.value) \(huisnummer)"] { return place }
        return byPostcode[postcode.value] ?? byPostcode[postcode.digits]
    }

    /// PC6 or PC4 → wijk, for the simple tables and tests.
    package var wijken: [String: String] { byPostcode.mapValues(\.wijk) }
}

/// `postcodes:` — a file name (`;`, UTF-8, columns `postcode` and `wijk`), or a table with its
/// dialect and columns declared, such as CBS's postcode-huisnummer table of the whole country:
///
/// ```yaml
/// postcodes:
///   file: referentie/pc6hnr20230801_gwb.csv
///   columns: { postcode: PC6, huisnummer: Huisnummer, buurt: Buurt2023, wijk: Wijk2023, gemeente: Gemeente2023 }
/// ```
struct PostcodeTable {
    var file: String
    var dialect = CSVDialect(delimiter: UInt8(ascii: ";"))
    var postcode = "postcode"
    var wijk = "wijk"
    var huisnummer: String?
    var buurt: String?
    var gemeente: String?

    static func declared(_ node: YNode, _ d: Diagnostics) -> PostcodeTable? {
        if let file = node.string, !node.isNull { return PostcodeTable(file: file) }
        guard let keyed = KeyedNode(node, d, what: "'postcodes'", allowed: ConfigKeys.postcodes),
              let file = keyed.required("file", d, what: "'postcodes'")?.text(d, what: "'file'") else { return nil }
        var table = PostcodeTable(file: file)
        if let n = keyed["delimiter"] { MappingFile.setDelimiter(n, &table.dialect, d) }
        if let n = keyed["encoding"] { MappingFile.setEncoding(n, &table.dialect, d) }
        if let columns = keyed["columns"], let named = KeyedNode(columns, d, what: "'columns'", allowed: ConfigKeys.postcodeColumns) {
            if let c = named["postcode"]?.text(d, what: "'postcode'") { table.postcode = c }
            if let c = named["wijk"]?.text(d, what: "'wijk'") { table.wijk = c }
            table.huisnummer = named["huisnummer"]?.text(d, what: "'huisnummer'")
            table.buurt = named["buurt"]?.text(d, what: "'buurt'")
            table.gemeente = named["gemeente"]?.text(d, what: "'gemeente'")
        }
        return table
    }

    /// A CBS code as the migration file writes it: `WK` + six, `BU` + eight (CBS's own tables
    /// leave the prefix off: `036300`, `03630000`); letters are CBS's too (`WK0363AF`).
    static func code(_ text: String, prefix: String, length: Int) -> String? {
        let bare = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
        guard bare.count == length, bare.prefix(4).allSatisfy({ $0.isASCII && $0.isNumber }),
              bare.dropFirst(4).allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return nil }
        return prefix + bare
    }

    /// Reads the table: rows of other gemeenten (when the table says whose a row is) are skipped and
    /// counted; a PC6 whose addresses lie in more than one place is resolved by huisnummer; every
    /// other mistake is reported at its line.
    func load(_ path: String, display: String, spot: Spot, gemeente newGemeente: GemeenteSpec?, wijken: [String], _ d: Diagnostics) -> PostcodeIndex {
        typealias Place = PostcodeIndex.Place
        var index = PostcodeIndex()
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, dialect: dialect)
        } catch {
            d.add(spot, "cannot read the postcode table \(display): \(error)",
                  hint: "a CSV with the columns \(postcode) and \(wijk); the path is relative to the migration file")
            return index
        }
        let header = reader.header ?? []
        var wanted = [postcode, wijk] + [huisnummer, buurt, gemeente].compactMap { $0 }
        wanted.removeAll { name in header.contains(name) }
        guard wanted.isEmpty else {
            d.add(ConfigError(file: display, line: 1, column: 1,
                              message: "the postcode table needs the column\(wanted.count > 1 ? "s" : "") \(wanted.map { "'\($0)'" }.joined(separator: ", "))",
                              hint: HeaderHint.describe(header, delimiter: dialect.delimiter)))
            return index
        }
        let column = { (name: String?) in name.flatMap { header.firstIndex(of: $0) } }
        let (pc, wk, hn, bu, gm) = (column(postcode)!, column(wijk)!, column(huisnummer), column(buurt), column(gemeente))
        let ours = newGemeente.map { String($0.code.dropFirst(2)) }
        // Per PC6 (or PC4) every place its addresses have, and each address's place.
        var places: [String: [Place]] = [:]
        var addresses: [String: Place] = [:]
        // The first twenty mistakes are listed, the rest counted (a national table of the wrong
        // layout would otherwise give millions).
        let mistakes = Tally()
        func mistake(_ line: Int, _ message: String, hint: String? = nil) {
            mistakes.count += 1
            if mistakes.count <= 20 { d.add(ConfigError(file: display, line: line, column: 1, message: message, hint: hint)) }
        }
        do {
            while let r = try reader.next() {
                guard case .record(let rec) = r, rec.fields.count == header.count else {
                    if case .malformed(let m) = r { mistake(m.line, m.message) }
                    if case .record(let rec) = r { mistake(rec.line, "the row has \(rec.fields.count) fields, \(header.count) expected") }
                    continue
                }
                let field = { (i: Int) in rec.fields[i].trimmingASCIISpaces() }
                if let gm, let ours {
                    let theirs = field(gm).hasPrefix("GM") ? String(field(gm).dropFirst(2)) : field(gm)
                    if theirs != ours { index.otherGemeenteRows += 1; continue }
                }
                let raw = field(pc)
                let key: String
                if raw.count == 4, raw.allSatisfy({ $0.isASCII && $0.isNumber }) { key = raw }
                else if let p = Postcode(raw) { key = p.value }
                else { mistake(rec.line, "'\(raw)' is not a postcode (1234AB) or a postcode area (1234)"); continue }
                guard let wijkCode = Self.code(field(wk), prefix: "WK", length: 6), wijken.contains(wijkCode) else {
                    mistake(rec.line, "wijk '\(field(wk))' is not in the migration file's 'wijken'",
                            hint: Suggestion.didYouMean(field(wk), in: wijken) ?? "CBS writes wijk codes with or without WK: 036300 or WK036300")
                    continue
                }
                var buurtCode: String?
                if let bu, !field(bu).isEmpty {
                    guard let b = Self.code(field(bu), prefix: "BU", length: 8) else {
                        mistake(rec.line, "buurt '\(field(bu))' is not a CBS buurt code (BU + eight: the gemeente's four, then four digits or letters)")
                        continue
                    }
                    buurtCode = b
                }
                let place = Place(wijk: wijkCode, buurt: buurtCode)
                if let hn {
                    guard key.count == 6, let nummer = Int(field(hn)), nummer > 0 else {
                        mistake(rec.line, "a row by huisnummer needs a PC6 and a huisnummer ('\(raw)', '\(field(hn))')")
                        continue
                    }
                    let address = "\(key) \(nummer)"
                    if let earlier = addresses[address], earlier != place {
                        mistake(rec.line, "\(key) \(nummer) is given to both \(earlier.wijk) and \(place.wijk)")
                    }
                    addresses[address] = place
                } else if let earlier = places[key]?.first, earlier != place {
                    mistake(rec.line, "postcode \(key) is given to both \(earlier.wijk) and \(place.wijk)",
                            hint: "a postcode that spans wijken needs the table by huisnummer (columns: { huisnummer: … })")
                }
                if !(places[key]?.contains(place) ?? false) { places[key, default: []].append(place) }
            }
        } catch {
            d.add(ConfigError(file: display, line: 1, column: 1, message: "cannot read: \(error)"))
        }
        let unlisted = mistakes.count - 20
        if unlisted > 0 { d.add(ConfigError(file: display, line: 1, column: 1, message: "\(unlisted) more mistakes in the postcode table")) }
        // A PC6 in one place is looked up by postcode alone; a split one by its addresses.
        for (key, found) in places {
            if found.count == 1 { index.byPostcode[key] = found[0] }
        }
        for (address, place) in addresses where places[String(address.prefix(6))]?.count ?? 0 > 1 {
            index.byAddress[address] = place
        }
        return index
    }
}

final class Tally {
    var count = 0
}

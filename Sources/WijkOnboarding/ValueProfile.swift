import WijkMapping
import WijkModel

/// What one column (or XML leaf) holds: how full it is, how many distinct values, the most
/// frequent ones, and which readings fit every value — the facts a mapping author needs.
package struct ValueProfile: Sendable {
    /// Distinct values are tracked up to this many; beyond it the count is "at least".
    static let distinctLimit = 10_000

    package private(set) var values = 0
    package private(set) var filled = 0
    package private(set) var maxLength = 0
    private var counts: [String: Int] = [:]
    package private(set) var distinctOverflow = false

    // Readings still fitting every filled value (nil: none seen yet decides).
    /// Per candidate date pattern, how many filled values it did not read.
    private var dateMisses: [Int] = Array(repeating: 0, count: ValueProfile.candidateDates.count)
    private var integers = 0, commaDecimals = 0, pointDecimals = 0, notNumbers = 0
    private var postcodesPacked = 0, postcodesSpaced = 0
    package private(set) var bsnNine = 0
    package private(set) var bsnEight = 0
    package private(set) var emails = 0
    private var yesNo = 0

    /// Date patterns a profile tries, the common ones of Dutch exports first.
    static let candidateDates: [DatePattern] = [
        "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy", "d.M.yyyy", "yyyyMMdd", "ddMMyyyy",
        "yyyy/MM/dd", "iso8601", "dd-MM-yyyy HH:mm", "dd-MM-yyyy HH:mm:ss",
    ].compactMap { try? DatePattern.compile($0).get() }

    package init() {}

    package mutating func add(_ raw: String) {
        values += 1
        let value = raw.trimmingASCIISpaces()
        guard !value.isEmpty else { return }
        filled += 1
        maxLength = max(maxLength, value.count)
        if counts[value] != nil || counts.count < ValueProfile.distinctLimit { counts[value, default: 0] += 1 }
        else { distinctOverflow = true }

        for (i, pattern) in ValueProfile.candidateDates.enumerated() where dateMisses[i] <= tolerance(filled) {
            if pattern.parse(value) == nil { dateMisses[i] += 1 }
        }
        classifyNumber(value)
        if Postcode(value) != nil { if value.contains(" ") { postcodesSpaced += 1 } else { postcodesPacked += 1 } }
        if value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            if value.utf8.count == 9, BSN(value)?.passesElfproef == true { bsnNine += 1 }
            if value.utf8.count == 8, BSN("0" + value)?.passesElfproef == true { bsnEight += 1 }
        }
        if let at = value.firstIndex(of: "@"), value[value.index(after: at)...].contains("."), !value.contains(" ") { emails += 1 }
        if ValueProfile.yesNoWords.contains(value.lowercased()) { yesNo += 1 }
    }

    static let yesNoWords: Set<String> = ["ja", "nee", "j", "n", "yes", "no", "true", "false", "waar", "onwaar", "0", "1", "x"]

    private mutating func classifyNumber(_ value: String) {
        var digits = 0, commas = 0, points = 0, other = 0
        for (i, b) in value.utf8.enumerated() {
            switch b {
            case 0x30...0x39: digits += 1
            case UInt8(ascii: ","): commas += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-") where i == 0: break
            default: other += 1
            }
        }
        if digits == 0 || other > 0 || commas + points > 1 { notNumbers += 1 }
        else if commas == 1 { commaDecimals += 1 }
        else if points == 1 { pointDecimals += 1 }
        else { integers += 1 }
    }

    // MARK: - What it found

    package var distinct: Int { counts.count }
    package var fillRate: Double { values == 0 ? 0 : Double(filled) / Double(values) }

    /// The most frequent values with their counts, most frequent first (ties by value).
    package func top(_ n: Int) -> [(value: String, count: Int)] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n).map { ($0.key, $0.value) }
    }

    /// Every distinct value with its count, most frequent first: a value map's labels.
    package var allValues: [(value: String, count: Int)] { top(counts.count) }

    /// A reading may miss this many of the filled values (planted or real defects: a date that
    /// does not exist, a value with a comma among points): one in twenty, at least one from ten
    /// values on; none below ten, where one value is too large a share to call a defect.
    func tolerance(_ n: Int) -> Int { n < 10 ? 0 : max(1, n / 20) }

    /// The date patterns that read the filled values (all but a few, see `tolerance`), best first;
    /// none when nothing is filled, or when the values are BSNs (eight digits can read as ddMMyyyy).
    package var dates: [String] {
        guard filled > 0, bsn == nil else { return [] }
        return ValueProfile.candidateDates.indices.filter { dateMisses[$0] <= tolerance(filled) && dateMisses[$0] < filled }
            .sorted { dateMisses[$0] < dateMisses[$1] }.map { ValueProfile.candidateDates[$0].text }
    }

    /// How many filled values a date pattern did not read.
    package func dateMisses(_ pattern: String) -> Int {
        ValueProfile.candidateDates.firstIndex { $0.text == pattern }.map { dateMisses[$0] } ?? filled
    }

    /// Integers, all but a few (see `tolerance`).
    package var isInteger: Bool { filled > 0 && integers > 0 && filled - integers <= tolerance(filled) }
    /// Every filled value an integer.
    package var allIntegers: Bool { filled > 0 && integers == filled }
    /// A decimal with a comma or with a point: the one most decimal values have, when the other
    /// is rare (see `tolerance`) and nearly every value is a number.
    package var decimal: String? {
        guard filled > 0, notNumbers <= tolerance(filled), commaDecimals + pointDecimals > 0 else { return nil }
        if pointDecimals <= tolerance(filled) && commaDecimals > pointDecimals { return "comma" }
        if commaDecimals <= tolerance(filled) && pointDecimals > commaDecimals { return "point" }
        return nil
    }
    /// Values that are numbers written with the other decimal separator than `decimal`.
    package var otherDecimals: Int { decimal == "comma" ? pointDecimals : decimal == "point" ? commaDecimals : 0 }
    /// Postcodes: "1234AB", "1234 AB" or "mixed" when the values are (all but a few) postcodes.
    package var postcode: String? {
        guard filled > 0, filled - postcodesPacked - postcodesSpaced <= tolerance(filled) else { return nil }
        if postcodesSpaced == 0 { return "1234AB" }
        if postcodesPacked == 0 { return "1234 AB" }
        return "mixed"
    }
    /// BSNs: nine digits passing the elfproef, or eight that pass after a leading zero (Excel
    /// dropped it) — when at least nine in ten values are one or the other.
    package var bsn: String? {
        guard filled > 0, Double(bsnNine + bsnEight) >= 0.9 * Double(filled) else { return nil }
        return bsnEight > 0 ? "pad_left" : "nine digits"
    }
    package var isEmail: Bool { filled > 0 && Double(emails) >= 0.9 * Double(filled) }
    package var isYesNo: Bool { filled > 0 && yesNo == filled && distinct <= 4 }
    /// Few distinct labels that repeat: a code list a value map translates.
    package var isCodeList: Bool { filled >= 4 && !distinctOverflow && distinct <= 12 && distinct * 3 <= filled && bsn == nil && dates.isEmpty }

    /// The readings as short phrases for a terminal: "date dd-MM-yyyy", "postcode 1234 AB", …
    package var readings: [String] {
        var out: [String] = []
        if let bsn { out.append(bsn == "pad_left" ? "BSN (\(bsnNine) pass the elfproef, \(bsnEight) pass after a leading zero)" : "BSN (nine digits, elfproef)") }
        if let first = dates.first {
            let misses = dateMisses(first)
            out.append("date " + dates.joined(separator: " | ") + (misses > 0 ? " (\(misses) of \(filled) do not read as \(first))" : ""))
        }
        if isInteger && dates.isEmpty && bsn == nil { out.append("integer") }
        if let decimal { out.append("decimal \(decimal)" + (otherDecimals > 0 ? " (\(otherDecimals) with a \(decimal == "comma" ? "point" : "comma"))" : "")) }
        if let postcode { out.append("postcode \(postcode)") }
        if isEmail { out.append("e-mail") }
        if isYesNo { out.append("yes/no") }
        if isCodeList && !isYesNo { out.append("few labels (\(distinct))") }
        return out
    }
}

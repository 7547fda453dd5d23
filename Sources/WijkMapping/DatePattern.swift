import WijkModel

/// A declared date pattern such as `dd-MM-yyyy`, `d/M/yyyy`, `yyyyMMdd`,
/// `yyyy-MM-dd'T'HH:mm:ss` or `dd-MM-yy` (with a pivot), or the name `iso8601`.
///
/// | token | reads |
/// | --- | --- |
/// | `yyyy` | a four-digit year |
/// | `yy` | a two-digit year, placed by the declared `pivot` (pivot 1930: `29` → 2029, `30` → 1930) |
/// | `MM` / `M` | the month, two digits / one or two |
/// | `dd` / `d` | the day, two digits / one or two |
/// | `HH` / `H` | the hour 0–23, two digits / one or two |
/// | `mm` | the minutes (after an hour) |
/// | `ss` | the seconds |
/// | `S`, `SS`, `SSS`, … | that many digits of a fraction of a second |
/// | `X`, `XX`, `XXX` | a UTC offset: `Z`, `+01`, `+0100` or `+01:00` |
/// | `'text'` | literal text (`'T'`); `''` is a quote |
/// | `iso8601` (the whole pattern) | `yyyy-MM-dd`, optionally followed by `T` (or a space) and a time of hours and minutes, optional seconds and fraction, and an optional offset |
///
/// Any other character must appear as it is; any other letter outside quotes is a mistake. The
/// time is read and checked (25:00 is no time, as 31-02 is no date), then dropped: a date field
/// keeps the date as written, whatever the offset.
package struct DatePattern: Sendable, Equatable, CustomStringConvertible {
    enum Token: Equatable {
        case year4, year2, month(fixed: Bool), day(fixed: Bool), hour(fixed: Bool), minute, second, fraction(digits: Int)
        case offset, literal(String)
        /// `iso8601`'s optional time: `T`/space, `HH:mm`, optional `:ss`, `.fff`, and an offset.
        case isoTimeTail
    }

    package let text: String
    let tokens: [Token]
    /// For two-digit years: the first year of the hundred they are placed in.
    package let pivot: Int?

    package var description: String { text }

    /// Compiles a pattern or says what is wrong with it. `pivot` places two-digit years.
    package static func compile(_ text: String, pivot: Int? = nil) -> Result<DatePattern, PatternError> {
        if text == "iso8601" {
            return .success(DatePattern(text: text, tokens: [.year4, .literal("-"), .month(fixed: true), .literal("-"), .day(fixed: true), .isoTimeTail],
                                        pivot: nil))
        }
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        func fail(_ problem: String, _ hint: String? = nil) -> Result<DatePattern, PatternError> {
            .failure(PatternError(text: text, problem: problem, hint: hint))
        }
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                // Quoted literal text; '' inside or outside quotes is one quote.
                var literal = ""
                var j = i + 1
                var closed = false
                while j < chars.count {
                    if chars[j] == "'" {
                        if j + 1 < chars.count && chars[j + 1] == "'" { literal.append("'"); j += 2; continue }
                        closed = true
                        break
                    }
                    literal.append(chars[j])
                    j += 1
                }
                guard closed else { return fail("a quote opens literal text that never closes", "write literal text as 'T', and a quote as ''") }
                tokens.append(.literal(literal.isEmpty ? "'" : literal))
                i = j + 1
                continue
            }
            var run = 1
            while i + run < chars.count && chars[i + run] == c { run += 1 }
            let hasHour = tokens.contains { if case .hour = $0 { return true }; return false }
            switch (c, run) {
            case ("y", 4): tokens.append(.year4)
            case ("y", 2):
                guard pivot != nil else {
                    return fail("a two-digit year needs a pivot", "declare it: date: dd-MM-yy, pivot: 1930 (29 → 2029, 30 → 1930)")
                }
                tokens.append(.year2)
            case ("y", _): return fail("the year is 'yyyy', or 'yy' with a pivot")
            case ("M", 1), ("M", 2): tokens.append(.month(fixed: run == 2))
            case ("d", 1), ("d", 2): tokens.append(.day(fixed: run == 2))
            case ("H", 1), ("H", 2): tokens.append(.hour(fixed: run == 2))
            case ("m", 2):
                guard hasHour else { return fail("'mm' means minutes", "write the month as 'MM'") }
                tokens.append(.minute)
            case ("s", 2): tokens.append(.second)
            case ("S", 1...9): tokens.append(.fraction(digits: run))
            case ("X", 1...3): tokens.append(.offset)
            case _ where c.isLetter:
                return fail("'\(String(repeating: c, count: run))' is not a date token",
                            "tokens: yyyy or yy, MM or M, dd or d, HH:mm:ss, S for fractions, X for an offset; quote literal text: 'T'")
            default:
                for _ in 0..<run { tokens.append(.literal(String(c))) }
            }
            i += run
        }
        let count = { (match: (Token) -> Bool) in tokens.filter(match).count }
        guard count({ $0 == .year4 || $0 == .year2 }) == 1,
              count({ if case .month = $0 { return true }; return false }) == 1,
              count({ if case .day = $0 { return true }; return false }) == 1 else {
            return fail("a date pattern needs exactly one year (yyyy or yy), one month (MM or M) and one day (dd or d)")
        }
        if pivot != nil && !tokens.contains(.year2) {
            return fail("a pivot is for two-digit years ('yy'), and this pattern has none")
        }
        return .success(DatePattern(text: text, tokens: tokens, pivot: pivot))
    }

    package struct PatternError: Error, Sendable {
        package let text: String
        package let problem: String
        package var hint: String? = nil
    }

    package static let iso = DatePattern(text: "yyyy-MM-dd", tokens: [.year4, .literal("-"), .month(fixed: true), .literal("-"), .day(fixed: true)],
                                        pivot: nil)

    /// Parses a text that must match the pattern entirely; `nil` if it does not, or the date or the
    /// time does not exist.
    package func parse(_ text: String) -> CivilDate? {
        var scanner = Scanner(Array(text.utf8))
        var year = 0, month = 0, day = 0
        for token in tokens {
            switch token {
            case .year4: guard let v = scanner.digits(min: 4, max: 4) else { return nil }; year = v
            case .year2:
                guard let v = scanner.digits(min: 2, max: 2), let pivot else { return nil }
                // The year in pivot…pivot+99 that ends in these two digits.
                year = pivot + ((v - pivot % 100) % 100 + 100) % 100
            case .month(let fixed): guard let v = scanner.digits(min: fixed ? 2 : 1, max: 2) else { return nil }; month = v
            case .day(let fixed): guard let v = scanner.digits(min: fixed ? 2 : 1, max: 2) else { return nil }; day = v
            case .hour(let fixed): guard let v = scanner.digits(min: fixed ? 2 : 1, max: 2), v < 24 else { return nil }
            case .minute: guard let v = scanner.digits(min: 2, max: 2), v < 60 else { return nil }
            case .second: guard let v = scanner.digits(min: 2, max: 2), v < 60 else { return nil }
            case .fraction(let n): guard scanner.digits(min: n, max: n) != nil else { return nil }
            case .offset: guard scanner.offset() else { return nil }
            case .literal(let s): guard scanner.literal(s) else { return nil }
            case .isoTimeTail: guard scanner.isoTimeTail() else { return nil }
            }
        }
        guard scanner.atEnd else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// Reads a text's bytes from the front.
    struct Scanner {
        let bytes: [UInt8]
        var i = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { i == bytes.count }

        mutating func digits(min: Int, max: Int) -> Int? {
            var n = 0, count = 0
            while count < max, i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                n = n * 10 + Int(bytes[i] - 0x30)
                i += 1
                count += 1
            }
            return count >= min ? n : nil
        }

        mutating func literal(_ s: String) -> Bool {
            let want = Array(s.utf8)
            guard i + want.count <= bytes.count, Array(bytes[i..<(i + want.count)]) == want else { return false }
            i += want.count
            return true
        }

        /// `Z`, `+01`, `+0100`, `+01:00` (or `-`): hours up to 14, minutes below 60.
        mutating func offset() -> Bool {
            if literal("Z") { return true }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") else { return false }
            i += 1
            guard let hours = digits(min: 2, max: 2), hours <= 14 else { return false }
            _ = literal(":")
            let before = i
            if let minutes = digits(min: 2, max: 2) { return minutes < 60 }
            return i == before
        }

        /// Nothing, or `T`/space, `HH:mm`, optional `:ss` and `.fraction`, and an optional offset.
        mutating func isoTimeTail() -> Bool {
            if atEnd { return true }
            guard literal("T") || literal(" ") else { return false }
            guard let h = digits(min: 2, max: 2), h < 24, literal(":"), let m = digits(min: 2, max: 2), m < 60 else { return false }
            if literal(":") {
                guard let s = digits(min: 2, max: 2), s < 60 else { return false }
                if literal(".") || literal(",") { guard digits(min: 1, max: 9) != nil else { return false } }
            }
            if atEnd { return true }
            return offset()
        }
    }
}

import WijkModel

/// A declared date pattern such as `dd-MM-yyyy`, `d/M/yyyy` or `yyyyMMdd`.
///
/// Tokens: `yyyy` year, `MM`/`M` month, `dd`/`d` day, and `HH`, `mm`, `ss` for a time part that is
/// read and ignored. Anything else that is a letter is a mistake in the pattern; other characters
/// must appear literally.
public struct DatePattern: Sendable, Equatable, CustomStringConvertible {
    enum Token: Equatable { case year, month(fixed: Bool), day(fixed: Bool), timePart, literal(Character) }

    public let text: String
    let tokens: [Token]

    public var description: String { text }

    /// Compiles a pattern or says what is wrong with it.
    public static func compile(_ text: String) -> Result<DatePattern, PatternError> {
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        var hasHours = false
        while i < chars.count {
            let c = chars[i]
            var run = 1
            while i + run < chars.count && chars[i + run] == c { run += 1 }
            switch (c, run) {
            case ("y", 4): tokens.append(.year)
            case ("y", _): return .failure(PatternError(text: text, problem: "the year must be written 'yyyy' (two-digit years are ambiguous)"))
            case ("M", 1), ("M", 2): tokens.append(.month(fixed: run == 2))
            case ("d", 1), ("d", 2): tokens.append(.day(fixed: run == 2))
            case ("H", 2): tokens.append(.timePart); hasHours = true
            case ("m", 2):
                if !hasHours {
                    return .failure(PatternError(text: text, problem: "'mm' means minutes", hint: "write the month as 'MM'"))
                }
                tokens.append(.timePart)
            case ("s", 2): tokens.append(.timePart)
            case _ where c.isLetter:
                return .failure(PatternError(text: text, problem: "'\(String(repeating: c, count: run))' is not a date token",
                                             hint: "use yyyy, MM or M, dd or d (and HH:mm:ss for a time that is ignored)"))
            default:
                for _ in 0..<run { tokens.append(.literal(c)) }
            }
            i += run
        }
        let count = { (match: (Token) -> Bool) in tokens.filter(match).count }
        guard count({ $0 == .year }) == 1,
              count({ if case .month = $0 { return true }; return false }) == 1,
              count({ if case .day = $0 { return true }; return false }) == 1 else {
            return .failure(PatternError(text: text, problem: "a date pattern needs exactly one year (yyyy), one month (MM or M) and one day (dd or d)"))
        }
        return .success(DatePattern(text: text, tokens: tokens))
    }

    public struct PatternError: Error, Sendable {
        public let text: String
        public let problem: String
        public var hint: String? = nil
    }

    public static let iso = DatePattern(text: "yyyy-MM-dd", tokens: [.year, .literal("-"), .month(fixed: true), .literal("-"), .day(fixed: true)])

    /// Parses a text that must match the pattern entirely; `nil` if it does not or the date does not exist.
    public func parse(_ text: String) -> CivilDate? {
        let chars = Array(text.utf8)
        var i = 0
        var year = 0, month = 0, day = 0
        func digits(min: Int, max: Int) -> Int? {
            var n = 0, count = 0
            while count < max, i < chars.count, chars[i] >= 0x30, chars[i] <= 0x39 {
                n = n * 10 + Int(chars[i] - 0x30)
                i += 1
                count += 1
            }
            return count >= min ? n : nil
        }
        for token in tokens {
            switch token {
            case .year: guard let v = digits(min: 4, max: 4) else { return nil }; year = v
            case .month(let fixed): guard let v = digits(min: fixed ? 2 : 1, max: 2) else { return nil }; month = v
            case .day(let fixed): guard let v = digits(min: fixed ? 2 : 1, max: 2) else { return nil }; day = v
            case .timePart: guard digits(min: 2, max: 2) != nil else { return nil }
            case .literal(let c):
                let bytes = Array(String(c).utf8)
                guard i + bytes.count <= chars.count, Array(chars[i..<(i + bytes.count)]) == bytes else { return nil }
                i += bytes.count
            }
        }
        guard i == chars.count else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}

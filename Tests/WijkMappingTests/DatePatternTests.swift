import Testing
import WijkModel
@testable import WijkMapping

/// Dates as real exports write them: every token, literal text, times that are read and dropped,
/// offsets, and two-digit years placed by a declared pivot.
struct ExportDatePatternTests {
    func date(_ pattern: String, _ text: String, pivot: Int? = nil) throws -> String? {
        let compiled = try DatePattern.compile(pattern, pivot: pivot).get()
        return compiled.parse(text)?.iso
    }

    @Test(arguments: [
        ("yyyy-MM-dd'T'HH:mm:ss", "2018-03-01T00:00:00", "2018-03-01"),
        ("yyyy-MM-dd'T'HH:mm:ss", "2018-03-01T23:59:59", "2018-03-01"),
        ("yyyy-MM-dd'T'HH:mm", "2018-03-01T09:30", "2018-03-01"),
        ("yyyy-MM-dd'T'HH:mm:ss.SSS", "2018-03-01T09:30:00.123", "2018-03-01"),
        ("yyyy-MM-dd'T'HH:mm:ssXXX", "2018-03-01T23:30:00+01:00", "2018-03-01"),
        ("yyyy-MM-dd'T'HH:mm:ssX", "2018-03-01T23:30:00Z", "2018-03-01"),
        ("dd-MM-yyyy HH:mm", "01-03-2018 14:05", "2018-03-01"),
        ("d-M-yyyy H:mm", "1-3-2018 9:05", "2018-03-01"),
        ("'datum: 'dd-MM-yyyy", "datum: 01-03-2018", "2018-03-01"),
        ("dd-MM-yyyy' ''s avonds'", "01-03-2018 's avonds", "2018-03-01"),
        ("iso8601", "2018-03-01", "2018-03-01"),
        ("iso8601", "2018-03-01T10:00", "2018-03-01"),
        ("iso8601", "2018-03-01T10:00:00", "2018-03-01"),
        ("iso8601", "2018-03-01T10:00:00.5Z", "2018-03-01"),
        ("iso8601", "2018-03-01 10:00:00+0100", "2018-03-01"),
        ("iso8601", "2018-03-01T10:00:00-05", "2018-03-01"),
    ])
    func timesAreReadAndDropped(pattern: String, text: String, expected: String) throws {
        #expect(try date(pattern, text) == expected)
    }

    @Test(arguments: [
        ("yyyy-MM-dd'T'HH:mm:ss", "2018-03-01T25:00:00"),     // no such hour
        ("yyyy-MM-dd'T'HH:mm:ss", "2018-03-01T10:60:00"),     // no such minute
        ("yyyy-MM-dd'T'HH:mm:ss", "2018-02-30T10:00:00"),     // no such day
        ("yyyy-MM-dd'T'HH:mm:ss", "2018-03-01 10:00:00"),     // the T is literal
        ("yyyy-MM-dd'T'HH:mm:ssXXX", "2018-03-01T10:00:00+15:00"),
        ("iso8601", "2018-03-01T10"),
        ("iso8601", "2018-03-01T10:00:00+01:00x"),
        ("iso8601", "2018-03-01X"),
    ])
    func timesThatDoNotExistAreNoDate(pattern: String, text: String) throws {
        #expect(try date(pattern, text) == nil)
    }

    @Test func twoDigitYearsArePlacedByThePivot() throws {
        #expect(try date("dd-MM-yy", "01-03-18", pivot: 1930) == "2018-03-01")
        #expect(try date("dd-MM-yy", "01-03-29", pivot: 1930) == "2029-03-01")
        #expect(try date("dd-MM-yy", "01-03-30", pivot: 1930) == "1930-03-01")
        #expect(try date("dd-MM-yy", "01-03-99", pivot: 1930) == "1999-03-01")
        #expect(try date("dd-MM-yy", "01-03-00", pivot: 1930) == "2000-03-01")
        #expect(try date("yyMMdd", "180301", pivot: 1920) == "2018-03-01")
        #expect(try date("yyMMdd", "190301", pivot: 1920) == "2019-03-01")
        #expect(try date("yyMMdd", "200301", pivot: 1920) == "1920-03-01")
        #expect(try date("dd-MM-yy", "29-02-00", pivot: 1930) == "2000-02-29")
        #expect(try date("dd-MM-yy", "29-02-00", pivot: 1800) == nil)   // 1900 was no leap year
    }

    @Test(arguments: [
        ("dd-MM-yy", nil, "a two-digit year needs a pivot"),
        ("dd-MM-yyy", nil, "the year is 'yyyy', or 'yy' with a pivot"),
        ("yyyy-MM-ddTHH:mm:ss", nil, "'T' is not a date token"),
        ("yyyy-MM-dd'T", nil, "a quote opens literal text that never closes"),
        ("dd-mm-yyyy", nil, "'mm' means minutes"),
        ("yyyy-MM-dd", 1930, "a pivot is for two-digit years ('yy'), and this pattern has none"),
    ] as [(String, Int?, String)])
    func mistakesInPatterns(pattern: String, pivot: Int?, problem: String) {
        guard case .failure(let e) = DatePattern.compile(pattern, pivot: pivot) else { Issue.record("\(pattern) compiled"); return }
        #expect(e.problem == problem)
    }
}

import Testing
import NectarCatalog

@Suite struct TimestampParserTests {
    /// 2016-03-30 15:00:00 UTC, i.e. noon in Brazil.
    static let noonInBrazil: Int64 = 1_459_350_000_000

    @Test(arguments: [
        ("2016-03-30T12:00:00-03:00", noonInBrazil),
        ("2016-03-30T15:00:00Z", noonInBrazil),
        ("2016-03-30T15:00:00.123Z", noonInBrazil + 123),
        ("2016-03-30T15:00:00.1Z", noonInBrazil + 100),
        ("2016-03-30T15:00:00.123456Z", noonInBrazil + 123),
        ("2016-03-30T15:00:00+00:00", noonInBrazil),
        ("2016-03-30T12:00:00-0300", noonInBrazil),
        ("2016-03-30T12:00:00-03", noonInBrazil),
        ("2016-03-30T12:00-03:00", noonInBrazil),
        ("2016-03-30 12:00:00-03:00", noonInBrazil),
        ("2016-03-30 12:00:00", noonInBrazil),
        ("2016-03-30T12:00", noonInBrazil),
        ("2016-03-30", noonInBrazil - 12 * 3_600_000),
        ("  2016-03-30T15:00:00Z ", noonInBrazil),
        ("2000-01-01T00:00:00+05:30", 946_665_000_000),
        ("2024-02-29T23:59:59Z", 1_709_251_199_000),
        ("1969-12-31T23:59:59Z", -1000),
        ("1459350000000", noonInBrazil),
        (" 1459350000000 ", noonInBrazil),
    ] as [(String, Int64)])
    func parsesTheAPIsFormats(text: String, expected: Int64) {
        #expect(TimestampParser.parse(text) == expected)
    }

    @Test(arguments: [
        "", "   ", "ontem", "2016-13-01", "2016-02-30", "2015-02-29", "2016-03-30T25:00:00Z", "2016-03-30T12:60:00Z",
        "2016-03-30T12:00:00X", "2016-03-30T12", "2016-3-30", "30/03/2016", "2016-03-30T12:00:00.Z", "12.5",
        "2016-03-30T12:00:00-03:00 extra", "1e12",
    ])
    func rejectsWhatIsNotATimestamp(text: String) {
        #expect(TimestampParser.parse(text) == nil)
    }

    @Test func agreesWithTheCalendarOverManyDays() {
        // Every day from 1900 to 2100, day by day: consecutive dates are exactly 86 400 000 ms apart.
        var previous: Int64?
        for year in 1900...2100 {
            for month in 1...12 {
                let days = month == 2 ? ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28)
                    : [4, 6, 9, 11].contains(month) ? 30 : 31
                for day in 1...days {
                    let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T00:00:00Z"
                    guard let value = TimestampParser.parse(text) else { Issue.record("rejected \(text)"); return }
                    if let previous, value - previous != 86_400_000 { Issue.record("gap before \(text)"); return }
                    previous = value
                }
            }
        }
        #expect(TimestampParser.parse("1970-01-01T00:00:00Z") == 0)
    }
}

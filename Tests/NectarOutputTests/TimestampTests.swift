import Foundation
import NectarCatalog
import Testing
@testable import NectarOutput

@Suite struct TimestampTests {
    @Test func saoPauloStandardTimeIsMinusThree() {
        let millis = utcMillis(2024, 3, 5, 17, 30)
        #expect(ValueFormatter.timestamp(millis, timeZone: saoPaulo) == "2024-03-05 14:30:00")
        #expect(ValueFormatter.iso8601(millis, timeZone: saoPaulo) == "2024-03-05T14:30:00-03:00")
    }

    /// Brazil kept daylight saving until 2019: 2018-12-01 was −02:00 in São Paulo.
    @Test func saoPauloHistoricalDaylightSavingIsMinusTwo() {
        let millis = utcMillis(2018, 12, 1, 12)
        #expect(ValueFormatter.timestamp(millis, timeZone: saoPaulo) == "2018-12-01 10:00:00")
        #expect(ValueFormatter.iso8601(millis, timeZone: saoPaulo) == "2018-12-01T10:00:00-02:00")
    }

    @Test func saoPauloAfterDaylightSavingWasAbolished() {
        let millis = utcMillis(2019, 12, 1, 12)
        #expect(ValueFormatter.iso8601(millis, timeZone: saoPaulo) == "2019-12-01T09:00:00-03:00")
    }

    @Test func utcUsesZeroOffset() {
        let millis = utcMillis(2018, 12, 1, 12)
        #expect(ValueFormatter.timestamp(millis, timeZone: utc) == "2018-12-01 12:00:00")
        #expect(ValueFormatter.iso8601(millis, timeZone: utc) == "2018-12-01T12:00:00+00:00")
    }

    @Test func millisecondsAppearOnlyWhenNotZero() {
        let millis = utcMillis(2024, 3, 5, 17, 30, 15, ms: 250)
        #expect(ValueFormatter.iso8601(millis, timeZone: saoPaulo) == "2024-03-05T14:30:15.250-03:00")
        #expect(ValueFormatter.timestamp(millis, timeZone: saoPaulo) == "2024-03-05 14:30:15.250")
        #expect(ValueFormatter.timestamp(millis - 250, timeZone: saoPaulo) == "2024-03-05 14:30:15")
        #expect(ValueFormatter.timestamp(utcMillis(1969, 12, 31, 23, 59, 59, ms: 5), timeZone: utc) == "1969-12-31 23:59:59.005")
    }

    @Test func localMidnightCrossesTheDateBoundary() {
        let millis = utcMillis(2024, 1, 1, 2, 59, 59)
        #expect(ValueFormatter.timestamp(millis, timeZone: saoPaulo) == "2023-12-31 23:59:59")
    }

    @Test func instantsBefore1970() {
        #expect(ValueFormatter.iso8601(-500, timeZone: utc) == "1969-12-31T23:59:59.500+00:00")
        #expect(ValueFormatter.timestamp(utcMillis(1900, 2, 28, 6), timeZone: utc) == "1900-02-28 06:00:00")
    }

    @Test func leapDay() {
        #expect(ValueFormatter.timestamp(utcMillis(2024, 2, 29, 23, 0, 0), timeZone: utc) == "2024-02-29 23:00:00")
    }

    /// The offset cache must give the same answer as Foundation on either side of a DST change.
    @Test func converterAgreesWithFoundationAcrossTransitions() {
        let converter = LocalTimeConverter(timeZone: saoPaulo)
        let start = utcMillis(2018, 11, 3, 0)  // DST began 2018-11-04 00:00 local
        for step in 0..<200 {
            let millis = start + Int64(step) * 7 * 60 * 1000
            let expected = saoPaulo.secondsFromGMT(for: Date(timeIntervalSince1970: Double(millis) / 1000))
            #expect(converter.offsetSeconds(atMillis: millis) == expected)
        }
    }
}

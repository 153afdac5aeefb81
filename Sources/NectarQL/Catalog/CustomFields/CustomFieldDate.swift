import Foundation

/// Reads a custom date field's value as a calendar date, kept as local midnight in the session's
/// time zone: `dd/MM/yyyy` (as NectarCRM shows dates), ISO `yyyy-MM-dd` with or without a time
/// (the time is dropped: the field holds a day), or epoch milliseconds.
package enum CustomFieldDate {
    static func parse(_ text: String, in zone: TimeZone) -> Int64? {
        let trimmed = text.trimmingSpaces
        if let date = brazilian(trimmed) ?? iso(trimmed) { return localMidnight(date, in: zone) }
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber), let epoch = Int64(trimmed) { return fromEpoch(epoch, in: zone) }
        return nil
    }

    /// Where snapshots keep custom dates: as the day's midnight in UTC, whatever zone synced them.
    package static let storedZone = TimeZone(identifier: "UTC")!

    /// A stored custom date (its day's midnight in UTC) as that day's midnight in `zone`.
    package static func fromStored(_ milliseconds: Int64, in zone: TimeZone) -> Int64 {
        localMidnight(CivilDate(daysSinceEpoch: milliseconds.floorDividedByDay), in: zone)
    }

    /// An instant (epoch milliseconds) becomes the midnight of its day in `zone`.
    static func fromEpoch(_ milliseconds: Int64, in zone: TimeZone) -> Int64 {
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(milliseconds) / 1000))) * 1000
        let days = (milliseconds + offset).floorDividedByDay
        return localMidnight(CivilDate(daysSinceEpoch: days), in: zone)
    }

    /// `05/03/2024`, also `5/3/2024`; a time after the date is not accepted.
    private static func brazilian(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        return date.isValid ? date : nil
    }

    private static func iso(_ text: String) -> CivilDate? {
        guard let parts = TimestampParser.parts(text), parts.date.isValid else { return nil }
        return parts.date
    }

    /// The first instant of `date` in `zone` (the offset depends on the instant: two refinements settle it).
    private static func localMidnight(_ date: CivilDate, in zone: TimeZone) -> Int64 {
        let local = date.daysSinceEpoch * 86_400_000
        func offset(_ instant: Int64) -> Int64 {
            Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant) / 1000))) * 1000
        }
        let guess = local - offset(local)
        return local - offset(guess)
    }
}

extension Int64 {
    /// Days since the epoch of a millisecond count, rounding toward the past.
    fileprivate var floorDividedByDay: Int64 {
        let days = self / 86_400_000
        return self % 86_400_000 < 0 ? days - 1 : days
    }
}

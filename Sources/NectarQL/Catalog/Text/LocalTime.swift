import Foundation

/// A moment as a wall clock in some zone shows it.
package struct LocalTime: Sendable, Hashable {
    package let year: Int
    package let month: Int
    package let day: Int
    package let hour: Int
    package let minute: Int
    package let second: Int
    package let millisecond: Int
    /// The zone's offset from UTC at that moment, in seconds (east positive).
    package let offsetSeconds: Int
}

/// Turns epoch milliseconds into local civil time in one zone, fast enough for every cell.
///
/// Asking `TimeZone` for an offset is slow, so offsets are cached per quarter hour (zones change
/// offset on quarter-hour boundaries in modern data); a quarter hour whose two ends disagree
/// (a historical odd-minute change) is never cached, so it stays exact.
package final class LocalTimeConverter {
    package let timeZone: TimeZone
    private var offsetByQuarterHour: [Int64: Int] = [:]
    private let quarterHour: Int64 = 15 * 60 * 1000
    private let cacheLimit = 4096

    private let cachesOffsets: Bool

    /// `cachesOffsets: false` suits a converter used once (the cache costs a second lookup).
    package init(timeZone: TimeZone, cachesOffsets: Bool = true) {
        self.timeZone = timeZone
        self.cachesOffsets = cachesOffsets
    }

    package func offsetSeconds(atMillis millis: Int64) -> Int {
        guard cachesOffsets else { return zoneOffset(atMillis: millis) }
        let bucket = millis.floorDivided(by: quarterHour).quotient
        if let cached = offsetByQuarterHour[bucket] { return cached }
        let start = bucket * quarterHour
        let startOffset = zoneOffset(atMillis: start)
        guard startOffset == zoneOffset(atMillis: start + quarterHour - 1) else {
            return zoneOffset(atMillis: millis)
        }
        if offsetByQuarterHour.count >= cacheLimit { offsetByQuarterHour.removeAll(keepingCapacity: true) }
        offsetByQuarterHour[bucket] = startOffset
        return startOffset
    }

    package func localTime(millis: Int64) -> LocalTime {
        let offset = offsetSeconds(atMillis: millis)
        let local = millis + Int64(offset) * 1000
        let days = local.floorDivided(by: 86_400_000).quotient
        let msOfDay = Int(local - days * 86_400_000)
        let date = CivilDate(daysSinceEpoch: days)
        return LocalTime(
            year: date.year, month: date.month, day: date.day,
            hour: msOfDay / 3_600_000, minute: msOfDay / 60_000 % 60, second: msOfDay / 1000 % 60,
            millisecond: msOfDay % 1000, offsetSeconds: offset)
    }

    private func zoneOffset(atMillis millis: Int64) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}

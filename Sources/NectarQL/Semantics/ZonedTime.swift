import NectarCatalog
import NectarSyntax

import Foundation

/// Calendar arithmetic on epoch milliseconds in one time zone, without Calendar/DateFormatter
/// on the hot path: only the zone's offset is asked of Foundation.
package struct ZonedTime: Sendable {
    package struct Civil: Sendable, Equatable {
        package var year: Int, month: Int, day: Int
        package var hour = 0, minute = 0, second = 0, millisecond = 0
    }

    let zone: TimeZone

    package init(zone: TimeZone) {
        self.zone = zone
    }

    package func offsetSeconds(at epochMilliseconds: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(epochMilliseconds) / 1000))
    }

    package func civil(_ epochMilliseconds: Int64) -> Civil {
        let local = epochMilliseconds + Int64(offsetSeconds(at: epochMilliseconds)) * 1000
        let (days, msOfDay) = local.floorDivided(by: 86_400_000)
        let date = CivilDate(daysSinceEpoch: days)
        let ms = Int(msOfDay)
        return Civil(
            year: date.year, month: date.month, day: date.day, hour: ms / 3_600_000, minute: ms / 60_000 % 60,
            second: ms / 1000 % 60, millisecond: ms % 1000)
    }

    /// The instant whose wall-clock time in this zone is `civil`: across a DST overlap the earlier
    /// one; in a gap (a time the zone skips) read with the offset from before the jump, as
    /// PostgreSQL does, so 02:30 on a spring-forward night is 03:30.
    package func epochMilliseconds(_ civil: Civil) -> Int64 {
        let days = CivilDate(year: civil.year, month: civil.month, day: civil.day).daysSinceEpoch
        let local = days * 86_400_000 + Int64(civil.hour) * 3_600_000 + Int64(civil.minute) * 60_000
            + Int64(civil.second) * 1000 + Int64(civil.millisecond)
        // The offsets a day either side bracket any transition near this wall-clock time.
        let before = Int64(offsetSeconds(at: local - 86_400_000)) * 1000
        let after = Int64(offsetSeconds(at: local + 86_400_000)) * 1000
        guard before != after else { return local - before }
        let valid = [local - before, local - after].filter { Int64(offsetSeconds(at: $0)) * 1000 == local - $0 }
        return valid.min() ?? local - before
    }

    /// Monday-based day of the week, 0 = Monday.
    package static func weekdayFromMonday(days: Int64) -> Int {
        Int((days + 3).floorDivided(by: 7).remainder)
    }
}

import NectarCatalog
import NectarSyntax

/// A span of calendar time, as DuckDB keeps one: months and days move the wall clock in the
/// session zone (so `+ interval '1 day'` keeps the hour across a DST change and `+ interval '1 month'`
/// from Jan 31 lands on the last day of February), milliseconds move the instant.
package struct CalendarInterval: Sendable, Hashable {
    package var months = 0
    package var days = 0
    package var milliseconds: Int64 = 0

    package init(months: Int = 0, days: Int = 0, milliseconds: Int64 = 0) {
        self.months = months
        self.days = days
        self.milliseconds = milliseconds
    }

    package init(_ literal: IntervalLiteral) {
        for part in literal.parts {
            let n = part.count
            switch part.unit {
            case .year: months += 12 * n
            case .quarter: months += 3 * n
            case .month: months += n
            case .week: days += 7 * n
            case .day: days += n
            case .hour: milliseconds += Int64(n) * 3_600_000
            case .minute: milliseconds += Int64(n) * 60_000
            case .second: milliseconds += Int64(n) * 1000
            case .millisecond: milliseconds += Int64(n)
            }
        }
    }

    package var negated: CalendarInterval { CalendarInterval(months: -months, days: -days, milliseconds: -milliseconds) }

    /// `interval '1 month 2 days'`, for explain.
    package var text: String {
        var parts: [IntervalLiteral.Part] = []
        if months != 0 { parts.append(.init(months, .month)) }
        if days != 0 { parts.append(.init(days, .day)) }
        if milliseconds != 0 || parts.isEmpty {
            parts.append(milliseconds % 1000 == 0 ? .init(Int(milliseconds / 1000), .second) : .init(Int(milliseconds), .millisecond))
        }
        return "interval '\(IntervalLiteral(parts).text)'"
    }

    /// The instant `epochMilliseconds` moved by this interval, months first, then days, then time.
    package func added(to epochMilliseconds: Int64, in time: ZonedTime) -> Int64 {
        var instant = epochMilliseconds
        if months != 0 || days != 0 {
            var civil = time.civil(instant)
            if months != 0 {
                let total = civil.year * 12 + (civil.month - 1) + months
                civil.year = Int((Int64(total)).floorDivided(by: 12).quotient)
                civil.month = Int((Int64(total)).floorDivided(by: 12).remainder) + 1
                civil.day = min(civil.day, CivilDate.daysInMonth(year: civil.year, month: civil.month))
            }
            if days != 0 {
                let date = CivilDate(daysSinceEpoch: CivilDate(year: civil.year, month: civil.month, day: civil.day).daysSinceEpoch + Int64(days))
                (civil.year, civil.month, civil.day) = (date.year, date.month, date.day)
            }
            instant = time.epochMilliseconds(civil)
        }
        return instant + milliseconds
    }
}

import NectarCatalog
import NectarSemantics
import NectarSyntax

/// `date_diff(unit, start, end)` as DuckDB defines it: how many unit boundaries lie between the
/// two instants, counted on the wall clock of the session zone (`date_diff('day', '2024-03-01 23:00',
/// '2024-03-02 01:00')` is 1, `date_diff('month', '2024-01-31', '2024-02-01')` is 1). Negative
/// when `end` is before `start`.
struct DateDifference {
    let time: ZonedTime

    func boundaries(_ unit: IntervalUnit, from start: Int64, to end: Int64) -> Int64 {
        switch unit {
        case .millisecond: return end - start
        case .second: return periods(start, end, 1000)
        case .minute: return periods(start, end, 60_000)
        case .hour: return periods(start, end, 3_600_000)
        case .day: return day(end) - day(start)
        // Weeks start on Monday, as in date_trunc('week', …).
        case .week: return (monday(end) - monday(start)) / 7
        case .month: return monthIndex(end) - monthIndex(start)
        case .quarter: return quarterIndex(end) - quarterIndex(start)
        case .year: return Int64(time.civil(end).year - time.civil(start).year)
        }
    }

    /// Whole periods of local wall-clock time crossed (floor on both ends, so the count is of boundaries).
    private func periods(_ start: Int64, _ end: Int64, _ length: Int64) -> Int64 {
        local(end).floorDivided(by: length).quotient - local(start).floorDivided(by: length).quotient
    }

    private func local(_ ms: Int64) -> Int64 { ms + Int64(time.offsetSeconds(at: ms)) * 1000 }

    private func day(_ ms: Int64) -> Int64 { local(ms).floorDivided(by: 86_400_000).quotient }

    /// The day number of the Monday starting the week of `ms`.
    private func monday(_ ms: Int64) -> Int64 {
        let days = day(ms)
        return days - Int64(ZonedTime.weekdayFromMonday(days: days))
    }

    private func monthIndex(_ ms: Int64) -> Int64 {
        let civil = time.civil(ms)
        return Int64(civil.year * 12 + civil.month - 1)
    }

    private func quarterIndex(_ ms: Int64) -> Int64 {
        let civil = time.civil(ms)
        return Int64(civil.year * 4 + (civil.month - 1) / 3)
    }
}

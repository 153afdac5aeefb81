/// The API's date filters are whole days in Brazilian time (UTC−03:00), written `dd/MM/yyyy`:
/// the planner writes them from predicates, a snapshot reads them back, and a sync asks for
/// the records updated since a day.
package enum BrazilianDay {
    package static let offsetMilliseconds: Int64 = -3 * 3_600_000
    static let dayMilliseconds: Int64 = 86_400_000

    /// The day holding an instant (milliseconds since 1970, UTC), as the filters write it; nil
    /// outside years 1–9999, which `dd/MM/yyyy` cannot write (the API refuses `01/01/1`).
    package static func text(_ epochMilliseconds: Int64) -> String? {
        let (days, _) = (epochMilliseconds + offsetMilliseconds).floorDivided(by: dayMilliseconds)
        let date = CivilDate(daysSinceEpoch: days)
        guard (1...9999).contains(date.year) else { return nil }
        func padded(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(padded(date.day, 2))/\(padded(date.month, 2))/\(padded(date.year, 4))"
    }

    /// The instants a `dd/MM/yyyy` day covers: from its first millisecond to the next day's first,
    /// exclusive. Nil when the text is not such a day.
    package static func instants(of text: String) -> Range<Int64>? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        let start = date.daysSinceEpoch * dayMilliseconds - offsetMilliseconds
        return start..<(start + dayMilliseconds)
    }
}

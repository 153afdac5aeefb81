import NectarCatalog

/// Reads the timestamps an analyst types: `2024-03-05`, `2024-03-05 14:30`, `2024-03-05 14:30:00`
/// (or with `T`), or the Brazilian `05/03/2024 [14:30[:00]]`, as wall-clock time in the session zone. Text that carries its own offset or `Z`
/// is read as that instant. The catalog's timestamp reader takes the text apart; only the zone
/// an offset-less time belongs to differs (the API's is UTC−03:00, the analyst's is the session's).
extension ZonedTime {
    func parseTimestamp(_ text: String) -> Int64? {
        guard let parts = TimestampParser.parts(BrazilianDate.isoText(text) ?? text) else { return nil }
        let date = parts.date
        if let offset = parts.offsetMinutes {
            return TimestampParser.epochMilliseconds(
                year: date.year, month: date.month, day: date.day, hour: parts.hour, minute: parts.minute,
                second: parts.second, millisecond: parts.millisecond, offsetMinutes: offset)
        }
        return epochMilliseconds(
            Civil(
                year: date.year, month: date.month, day: date.day, hour: parts.hour, minute: parts.minute,
                second: parts.second, millisecond: parts.millisecond))
    }
}

/// `dd/MM/yyyy`, the way the API and Brazilian users write a date (day first).
enum BrazilianDate {
    /// `05/03/2024 14:30` → `2024-03-05 14:30`; nil when the text does not start with `d[d]/m[m]/yyyy`.
    static func isoText(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces
        let fields = trimmed.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard fields.count == 3, let day = number(fields[0], digits: 1...2), let month = number(fields[1], digits: 1...2) else { return nil }
        let rest = fields[2]
        let yearText = rest.prefix { $0.isASCII && $0.isNumber }
        guard let year = number(yearText, digits: 4...4) else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))" + rest.dropFirst(yearText.count)
    }

    private static func number(_ text: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

extension String {
    /// Without leading and trailing Unicode white space (no-break spaces and line separators too).
    package var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

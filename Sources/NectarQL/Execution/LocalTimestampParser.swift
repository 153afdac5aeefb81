import NectarCatalog

/// Reads the timestamps an analyst types: `2024-03-05`, `2024-03-05 14:30`, `2024-03-05 14:30:00`
/// (or with `T`), as wall-clock time in the session zone. Text that carries its own offset or `Z`
/// is read as that instant. The catalog's timestamp reader takes the text apart; only the zone
/// an offset-less time belongs to differs (the API's is UTC−03:00, the analyst's is the session's).
extension ZonedTime {
    func parseTimestamp(_ text: String) -> Int64? {
        guard let parts = TimestampParser.parts(text) else { return nil }
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

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

import NectarCatalog
import NectarSyntax

/// Reads the timestamps an analyst types: `2024-03-05`, `2024-03-05 14:30`, `2024-03-05 14:30:00`
/// (or with `T`), as wall-clock time in the session zone. Text that carries its own offset or `Z`
/// is read as that instant.
extension ZonedTime {
    func parseTimestamp(_ text: String) -> Int64? {
        let trimmed = text.trimmingSpaces
        if Self.hasExplicitZone(trimmed) { return TimestampParser.parse(trimmed) }
        return parseWallClock(trimmed)
    }

    private static func hasExplicitZone(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 10 else { return false }
        if scalars.last == "Z" || scalars.last == "z" { return true }
        // An offset like -03:00 or +0000 after the time part.
        let timePart = scalars[10...]
        return timePart.contains("+") || timePart.dropFirst(3).contains("-")
    }

    private func parseWallClock(_ text: String) -> Int64? {
        let digitsAndSeparators = Array(text.utf8)
        var reader = DigitReader(bytes: digitsAndSeparators)
        guard let year = reader.number(digits: 4), reader.skip("-"),
            let month = reader.number(digits: 2), reader.skip("-"),
            let day = reader.number(digits: 2)
        else { return nil }
        var civil = Civil(year: year, month: month, day: day)
        if !reader.atEnd {
            guard reader.skip(" ") || reader.skip("T"),
                let hour = reader.number(digits: 2), reader.skip(":"),
                let minute = reader.number(digits: 2)
            else { return nil }
            civil.hour = hour
            civil.minute = minute
            if reader.skip(":") {
                guard let second = reader.number(digits: 2) else { return nil }
                civil.second = second
                if reader.skip(".") {
                    guard let fraction = reader.fraction() else { return nil }
                    civil.millisecond = fraction
                }
            }
        }
        guard reader.atEnd, (1...12).contains(civil.month), (1...31).contains(civil.day),
            civil.hour < 24, civil.minute < 60, civil.second < 60
        else { return nil }
        // Reject 2024-02-31 and friends: the day must survive a round trip.
        let days = Self.days(year: civil.year, month: civil.month, day: civil.day)
        let back = Self.civilDate(fromDays: days)
        guard back.month == civil.month, back.day == civil.day else { return nil }
        return epochMilliseconds(civil)
    }
}

private struct DigitReader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard position < bytes.count, let ascii = character.asciiValue, bytes[position] == ascii else { return false }
        position += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= bytes.count else { return nil }
        var result = 0
        for byte in bytes[position..<position + digits] {
            guard (48...57).contains(byte) else { return nil }
            result = result * 10 + Int(byte - 48)
        }
        position += digits
        return result
    }

    /// Milliseconds from a fraction of a second of any length.
    mutating func fraction() -> Int? {
        var milliseconds = 0
        var count = 0
        while position < bytes.count, (48...57).contains(bytes[position]) {
            if count < 3 { milliseconds = milliseconds * 10 + Int(bytes[position] - 48) }
            count += 1
            position += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<3 where count < 3 { milliseconds *= 10 }
        return milliseconds
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

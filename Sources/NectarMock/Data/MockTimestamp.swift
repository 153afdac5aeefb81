/// Calendar arithmetic for the fake data, without Foundation's formatters (slow and locale-bound):
/// instants are epoch seconds, days are days since 1970-01-01 in Brazilian time (UTC−03:00).
public enum MockTimestamp {
    public static let brazilOffsetSeconds = -3 * 3600

    /// The three forms the API documents.
    public enum Style: Sendable { case isoWithOffset, utcMilliseconds, epochMilliseconds }

    public static func json(_ epochSeconds: Int, style: Style) -> MockJSON {
        switch style {
        case .isoWithOffset:
            return .string(civil(epochSeconds + brazilOffsetSeconds) + "-03:00")
        case .utcMilliseconds:
            let milliseconds = (epochSeconds * 7) % 1000
            return .string(civil(epochSeconds) + "." + pad(milliseconds, 3) + "Z")
        case .epochMilliseconds:
            return .number(Double(epochSeconds) * 1000)
        }
    }

    /// Epoch seconds of a JSON timestamp in any of the three forms; `nil` for anything else.
    public static func epochSeconds(of value: MockJSON) -> Int? {
        switch value {
        case .number(let milliseconds): return Int((milliseconds / 1000).rounded(.down))
        case .string(let text): return parseISO(text)
        default: return nil
        }
    }

    /// The Brazilian calendar day (days since 1970-01-01, UTC−03:00) of an instant.
    public static func brazilDay(ofEpochSeconds seconds: Int) -> Int {
        floorDivide(seconds + brazilOffsetSeconds, 86_400)
    }

    /// Days since 1970-01-01 of a `dd/MM/yyyy` filter value; `nil` when it is malformed.
    public static func day(fromFilter text: String) -> Int? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return daysFromCivil(year: year, month: month, day: day)
    }

    /// `dd/MM/yyyy` of a day number, the form the API's date filters take.
    public static func filterText(ofDay day: Int) -> String {
        let date = civilFromDays(day)
        return pad(date.day, 2) + "/" + pad(date.month, 2) + "/" + pad(date.year, 4)
    }

    public static func epochSeconds(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int {
        daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    // MARK: - Formatting and parsing

    /// `yyyy-MM-ddTHH:mm:ss` of an instant already shifted to the wanted zone.
    static func civil(_ seconds: Int) -> String {
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let date = civilFromDays(days)
        return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
    }

    static func parseISO(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T") else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + length] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        }
        let local = epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "Z"), index == bytes.count - 1 { return local }
        guard bytes.count == index + 6, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
            let offsetHours = number(index + 1, 2), let offsetMinutes = number(index + 4, 2)
        else { return nil }
        let offset = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        return local - offset
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil for the proleptic Gregorian calendar.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// Reads the API's timestamps into epoch milliseconds (UTC), without Foundation.
///
/// Accepted, after trimming spaces:
/// - ISO 8601 date-time, `T` or a space between date and time, seconds and fraction optional,
///   offset `Z`, `±HH:MM`, `±HHMM` or `±HH` (`2016-03-30T12:00:00-03:00`, `2016-03-30T15:00:00.123Z`);
/// - a date-time without an offset, or a date alone (`2016-03-30`, midnight): read in Brazilian
///   time, UTC−03:00, the API's own time zone;
/// - epoch milliseconds as digits (`1455760800000`).
package enum TimestampParser {
    /// The API's local offset, used when a value carries none.
    package static let brazilOffsetMinutes = -180

    package static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
    }

    package static func parse(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var cursor = Cursor(bytes: bytes)
        cursor.trimSpaces()
        guard !cursor.isAtEnd else { return nil }
        if let epoch = cursor.epochMilliseconds() { return epoch }
        return cursor.isoTimestamp()
    }

    /// The pieces of an ISO 8601 date or date-time (not epoch digits), with its offset when it
    /// carries one: for readers that put an offset-less time in a zone of their own choosing.
    package static func parts(_ text: String) -> TimestampParts? {
        var text = text
        return text.withUTF8 { buffer in
            var cursor = Cursor(bytes: UnsafeRawBufferPointer(buffer))
            cursor.trimSpaces()
            return cursor.isoParts()
        }
    }

    package static func epochMilliseconds(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
        millisecond: Int = 0, offsetMinutes: Int = 0
    ) -> Int64 {
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * 1000 + Int64(millisecond)
    }

}

/// An ISO 8601 date or date-time taken apart; `offsetMinutes` is nil when the text carries none.
package struct TimestampParts: Sendable, Hashable {
    package let date: CivilDate
    package let hour: Int
    package let minute: Int
    package let second: Int
    package let millisecond: Int
    package let offsetMinutes: Int?
}

private struct Cursor {
    let bytes: UnsafeRawBufferPointer
    var index = 0
    var end: Int

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.end = bytes.count
    }

    var isAtEnd: Bool { index >= end }

    mutating func trimSpaces() {
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        while end > index, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    }

    /// The whole text as a (possibly negative) integer of milliseconds.
    func epochMilliseconds() -> Int64? {
        var position = index
        let isNegative = bytes[position] == UInt8(ascii: "-")
        if isNegative { position += 1 }
        guard position < end, end - position <= 18 else { return nil }
        var value: Int64 = 0
        while position < end {
            guard let digit = digit(at: position) else { return nil }
            value = value * 10 + Int64(digit)
            position += 1
        }
        return isNegative ? -value : value
    }

    mutating func isoTimestamp() -> Int64? {
        guard let parts = isoParts() else { return nil }
        return TimestampParser.epochMilliseconds(
            year: parts.date.year, month: parts.date.month, day: parts.date.day, hour: parts.hour, minute: parts.minute,
            second: parts.second, millisecond: parts.millisecond,
            offsetMinutes: parts.offsetMinutes ?? TimestampParser.brazilOffsetMinutes)
    }

    mutating func isoParts() -> TimestampParts? {
        guard let year = number(digits: 4), take("-"), let month = number(digits: 2), take("-"),
              let day = number(digits: 2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        if isAtEnd { return TimestampParts(date: date, hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes: nil) }
        guard take("T") || take("t") || take(" "), let hour = number(digits: 2), take(":"),
              let minute = number(digits: 2), hour <= 23, minute <= 59
        else { return nil }
        var second = 0
        var millisecond = 0
        if take(":") {
            guard let value = number(digits: 2), value <= 60 else { return nil }
            second = value
            if take(".") || take(",") { guard let value = fractionMilliseconds() else { return nil }; millisecond = value }
        }
        guard let offset = offsetMinutes(), isAtEnd else { return nil }
        return TimestampParts(
            date: date, hour: hour, minute: minute, second: second, millisecond: millisecond, offsetMinutes: offset)
    }

    /// Digits after the decimal point, truncated to milliseconds.
    private mutating func fractionMilliseconds() -> Int? {
        var value = 0
        var count = 0
        while index < end, let digit = digit(at: index) {
            if count < 3 { value = value * 10 + digit }
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        for _ in count..<max(count, 3) { value *= 10 }
        return value
    }

    /// `Z`, `±HH:MM`, `±HHMM`, `±HH`; `.some(nil)` when there is none (the caller picks the zone).
    private mutating func offsetMinutes() -> Int?? {
        if isAtEnd { return .some(nil) }
        if take("Z") || take("z") { return 0 }
        let sign: Int
        if take("+") { sign = 1 } else if take("-") { sign = -1 } else { return nil }
        guard let hours = number(digits: 2), hours <= 18 else { return nil }
        var minutes = 0
        if !isAtEnd {
            _ = take(":")
            guard let value = number(digits: 2), value <= 59 else { return nil }
            minutes = value
        }
        return sign * (hours * 60 + minutes)
    }

    private mutating func number(digits count: Int) -> Int? {
        guard end - index >= count else { return nil }
        var value = 0
        for position in index..<(index + count) {
            guard let digit = digit(at: position) else { return nil }
            value = value * 10 + digit
        }
        index += count
        return value
    }

    private mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < end, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    private func digit(at position: Int) -> Int? {
        let byte = bytes[position]
        return byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }
}

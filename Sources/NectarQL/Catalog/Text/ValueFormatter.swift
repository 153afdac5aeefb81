import Foundation

/// Value text shared by the writers, casts (`castText`) and explain, so every layer prints a
/// value alike.
package enum ValueFormatter {
    /// `1234.5`, `123456789` (never `123456789.0`), `0.30000000000000004` for 0.1 + 0.2 (every
    /// digit that tells the double apart), `NaN`, `Infinity`.
    package static func number(_ value: Double, decimalSeparator: Character = ".") -> String {
        var bytes: [UInt8] = []
        NumberText.append(value, decimalSeparator: decimalSeparator.asciiValue ?? UInt8(ascii: "."), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DD HH:MM:SS` on the zone's wall clock, with `.SSS` when the milliseconds are not
    /// zero (as psql and DuckDB print them): the text reads back as the same instant, so a filter
    /// can match the value shown.
    package static func timestamp(_ millis: Int64, in converter: LocalTimeConverter) -> String {
        var bytes: [UInt8] = []
        appendTimestamp(millis, in: converter, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One-off formatting; for many values keep one `LocalTimeConverter` and use the form above.
    package static func timestamp(_ millis: Int64, timeZone: TimeZone) -> String {
        timestamp(millis, in: LocalTimeConverter(timeZone: timeZone, cachesOffsets: false))
    }

    /// ISO 8601 with the zone's offset: `2024-03-05T14:30:00-03:00`, or `…:00.250-03:00`
    /// when the milliseconds are not zero. UTC is written `+00:00`.
    package static func iso8601(_ millis: Int64, in converter: LocalTimeConverter) -> String {
        var bytes: [UInt8] = []
        appendISO8601(millis, in: converter, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    package static func iso8601(_ millis: Int64, timeZone: TimeZone) -> String {
        iso8601(millis, in: LocalTimeConverter(timeZone: timeZone, cachesOffsets: false))
    }

    /// A value as plain text (numbers, `true`/`false`, wall-clock timestamps); nil for NULL.
    package static func text(_ value: Value, in converter: LocalTimeConverter, decimalSeparator: Character = ".") -> String? {
        if case .null = value { return nil }
        if case .text(let string) = value { return string }
        var bytes: [UInt8] = []
        appendPlain(value, in: converter, decimalSeparator: decimalSeparator.asciiValue ?? UInt8(ascii: "."), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: byte-level pieces the writers use

    package static func appendPlain(_ value: Value, in converter: LocalTimeConverter, decimalSeparator: UInt8, to out: inout [UInt8]) {
        switch value {
        case .null: break
        case .float(let number): NumberText.append(number, decimalSeparator: decimalSeparator, to: &out)
        case .text(let string): out.append(contentsOf: string.utf8)
        case .boolean(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .timestamp(let millis): appendTimestamp(millis, in: converter, to: &out)
        }
    }

    static func appendTimestamp(_ millis: Int64, in converter: LocalTimeConverter, to out: inout [UInt8]) {
        let time = converter.localTime(millis: millis)
        appendDate(time, to: &out)
        out.append(UInt8(ascii: " "))
        appendClock(time, to: &out)
        appendMilliseconds(time, to: &out)
    }

    package static func appendISO8601(_ millis: Int64, in converter: LocalTimeConverter, to out: inout [UInt8]) {
        let time = converter.localTime(millis: millis)
        appendDate(time, to: &out)
        out.append(UInt8(ascii: "T"))
        appendClock(time, to: &out)
        appendMilliseconds(time, to: &out)
        appendOffset(time.offsetSeconds, to: &out)
    }

    private static func appendMilliseconds(_ time: LocalTime, to out: inout [UInt8]) {
        guard time.millisecond != 0 else { return }
        out.append(UInt8(ascii: "."))
        appendPadded(time.millisecond, width: 3, to: &out)
    }

    private static func appendDate(_ time: LocalTime, to out: inout [UInt8]) {
        if time.year < 0 { out.append(UInt8(ascii: "-")) }
        appendPadded(abs(time.year), width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendPadded(time.month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendPadded(time.day, width: 2, to: &out)
    }

    private static func appendClock(_ time: LocalTime, to out: inout [UInt8]) {
        appendPadded(time.hour, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(time.minute, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(time.second, width: 2, to: &out)
    }

    /// `+HH:MM`; historical local-mean-time offsets with seconds get `:SS` so no time is lost.
    private static func appendOffset(_ seconds: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: seconds < 0 ? "-" : "+"))
        let magnitude = abs(seconds)
        appendPadded(magnitude / 3600, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendPadded(magnitude / 60 % 60, width: 2, to: &out)
        if magnitude % 60 != 0 {
            out.append(UInt8(ascii: ":"))
            appendPadded(magnitude % 60, width: 2, to: &out)
        }
    }

    /// Zero-padded decimal digits of a non-negative number, written without allocating.
    private static func appendPadded(_ number: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        var digitCount = 1
        while number / divisor >= 10 {
            divisor *= 10
            digitCount += 1
        }
        for _ in digitCount..<max(width, digitCount) { out.append(UInt8(ascii: "0")) }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
    }
}

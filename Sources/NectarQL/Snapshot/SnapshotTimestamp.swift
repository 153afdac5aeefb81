import NectarCatalog

/// Timestamps in the file are TEXT `YYYY-MM-DD HH:MM:SS` in UTC (with `.SSS` when the API gave
/// milliseconds), so any tool reads them as dates and they sort as they compare.
package enum SnapshotTimestamp {
    static let dayMilliseconds: Int64 = 86_400_000

    package static func text(_ epochMilliseconds: Int64) -> String {
        let (days, millisecondOfDay) = epochMilliseconds.floorDivided(by: dayMilliseconds)
        let date = CivilDate(daysSinceEpoch: days)
        let seconds = Int(millisecondOfDay / 1000)
        let milliseconds = Int(millisecondOfDay % 1000)
        var text = pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
        text += " " + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
        if milliseconds != 0 { text += "." + pad(milliseconds, 3) }
        return text
    }

    /// Reads what `text` writes; nil for anything else (a file edited by hand).
    package static func milliseconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count == 19 || bytes.count == 23 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<(from + count) {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
            let minute = number(14, 2), let second = number(17, 2)
        else { return nil }
        let fraction = bytes.count == 23 ? number(20, 3) : 0
        guard let fraction else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        return days * dayMilliseconds + Int64(((hour * 60 + minute) * 60 + second) * 1000 + fraction)
    }

    package static func milliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { milliseconds($0) }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

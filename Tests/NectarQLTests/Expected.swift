import Foundation
import NectarMock
import NectarQL

/// What a cell should hold, computed straight from the fake API's records, with no engine code:
/// the independent side of every comparison in these tests.
enum Expected {
    enum Kind { case float, text, boolean, timestamp }

    /// The JSON value at a dotted path (`cliente.id`); nil when any step is missing.
    static func json(_ record: MockJSON, _ path: String) -> MockJSON? {
        record[path: path.split(separator: ".").map(String.init)]
    }

    static func value(_ record: MockJSON, _ path: String, _ kind: Kind) -> Value {
        guard let json = json(record, path) else { return .null }
        switch (kind, json) {
        case (.float, .number(let number)): return .float(number)
        case (.float, .string(let text)): return Double(text).map(Value.float) ?? .null
        case (.text, .string(let text)): return .text(text)
        case (.boolean, .bool(let flag)): return .boolean(flag)
        case (.timestamp, _): return milliseconds(json).map(Value.timestamp) ?? .null
        default: return .null
        }
    }

    static func float(_ record: MockJSON, _ path: String) -> Double? {
        if case .float(let number) = value(record, path, .float) { return number }
        return nil
    }

    static func text(_ record: MockJSON, _ path: String) -> String? {
        if case .text(let text) = value(record, path, .text) { return text }
        return nil
    }

    static func timestamp(_ record: MockJSON, _ path: String) -> Int64? {
        if case .timestamp(let ms) = value(record, path, .timestamp) { return ms }
        return nil
    }

    /// The three documented forms: epoch milliseconds, ISO 8601 with an offset, `Z` with milliseconds.
    static func milliseconds(_ json: MockJSON) -> Int64? {
        switch json {
        case .number(let ms): return Int64(ms)
        case .string(let text):
            let plain = ISO8601DateFormatter()
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            guard let date = fractional.date(from: text) ?? plain.date(from: text) else { return nil }
            return Int64((date.timeIntervalSince1970 * 1000).rounded())
        default: return nil
        }
    }

    /// `(parent record, element)` for every element of every record's `array` (a child table's rows).
    static func elements(_ records: [MockJSON], _ array: String) -> [(parent: MockJSON, element: MockJSON)] {
        records.flatMap { record in (record[array]?.elements ?? []).map { (record, $0) } }
    }

    /// Milliseconds of a civil time in São Paulo (UTC−03:00, no daylight saving since 2019).
    static func saoPaulo(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Int64 {
        Int64(MockTimestamp.epochSeconds(year: year, month: month, day: day, hour: hour + 3, minute: minute)) * 1000
    }
}

/// Order-independent comparison of row lists.
func sortedRows(_ rows: [[Value]]) -> [[Value]] {
    rows.sorted { "\($0)" < "\($1)" }
}

extension Value {
    var double: Double? {
        if case .float(let number) = self { return number }
        return nil
    }
    var string: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

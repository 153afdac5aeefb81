import Foundation

/// How a custom column turns the value a record holds into a cell of its type. Values are
/// usually strings, but numbers and booleans are read too. A value that cannot be read gives nil:
/// the flattener stores NULL and counts it, never an error and never a guessed number.
package enum CustomFieldRule: Sendable, Hashable {
    case number
    /// A calendar date, kept as midnight in this (the session's) time zone.
    case date(TimeZone)
    case boolean
    case text

    package init(type: SQLType, timeZone: TimeZone) {
        switch type {
        case .float: self = .number
        case .timestamp: self = .date(timeZone)
        case .boolean: self = .boolean
        case .text: self = .text
        }
    }

    package func value(fromText text: String) -> Value? {
        if self != .text, text.trimmingSpaces.isEmpty { return .null }
        switch self {
        case .number: return BrazilianNumber.parse(text).map(Value.float)
        case .date(let zone): return CustomFieldDate.parse(text, in: zone).map(Value.timestamp)
        case .boolean: return Self.boolean(text).map(Value.boolean)
        case .text: return .text(text)
        }
    }

    /// `literal` is the number as written, kept whole in a text field.
    package func value(fromNumber number: Double, literal: String) -> Value? {
        switch self {
        case .number: return .float(number)
        case .date(let zone):
            guard number == number.rounded(.towardZero), abs(number) < 9.2e18 else { return nil }
            return .timestamp(CustomFieldDate.fromEpoch(Int64(number), in: zone))
        case .boolean: return number == 1 ? .boolean(true) : number == 0 ? .boolean(false) : nil
        case .text: return .text(literal)
        }
    }

    package func value(fromBool flag: Bool) -> Value? {
        switch self {
        case .boolean: .boolean(flag)
        case .text: .text(flag ? "true" : "false")
        case .number, .date: nil
        }
    }

    /// `true/false`, `sim/não` (also without the accent) and `1/0`, in any case.
    static func boolean(_ text: String) -> Bool? {
        switch text.trimmingSpaces.lowercased() {
        case "true", "sim", "1": true
        case "false", "não", "nao", "0": false
        default: nil
        }
    }
}

import Foundation
import NectarCatalog
import NectarPlanning
import NectarSemantics
import NectarSyntax

extension ScalarFunction {
    /// Applies the function. NULL in, NULL out, except where SQL says otherwise (coalesce, nullif).
    func evaluate(_ arguments: [Value], in context: EvaluationContext) -> Value {
        switch self {
        case .coalesce: return arguments.first { !$0.isNull } ?? .null
        case .nullif:
            if arguments[0].isEqual(to: arguments[1]) == true { return .null }
            return arguments[0]
        case .now: return .timestamp(context.now)
        default:
            if arguments.contains(where: \.isNull) { return .null }
            return evaluateNonNull(arguments, in: context)
        }
    }

    private func evaluateNonNull(_ arguments: [Value], in context: EvaluationContext) -> Value {
        switch (self, arguments[0]) {
        case (.lower, .text(let s)): return .text(s.lowercased())
        case (.upper, .text(let s)): return .text(s.uppercased())
        case (.trim, .text(let s)): return .text(s.trimmingSpaces)
        case (.length, .text(let s)): return .float(Double(s.count))
        case (.abs, .float(let d)): return .float(Swift.abs(d))
        case (.round, .float(let d)):
            let digits = arguments.count > 1 ? arguments[1].floatValue ?? 0 : 0
            return .float(Self.round(d, digits: Int(digits)))
        case (.substr, .text(let s)):
            return .text(Self.substring(s, start: arguments[1].floatValue ?? 1, length: arguments.count > 2 ? arguments[2].floatValue : nil))
        case (.year, .timestamp(let ms)): return .float(Double(context.time.civil(ms).year))
        case (.month, .timestamp(let ms)): return .float(Double(context.time.civil(ms).month))
        case (.day, .timestamp(let ms)): return .float(Double(context.time.civil(ms).day))
        case (.date, .timestamp(let ms)):
            let c = context.time.civil(ms)
            return .text(Self.dateText(c))
        case (.dateTrunc, .text(let unitName)):
            guard case .timestamp(let ms) = arguments[1], let unit = TruncationUnit(rawValue: unitName.lowercased()) else {
                return .null
            }
            return .timestamp(Self.truncate(ms, to: unit, in: context.time))
        case (.dateDiff, .text(let unitName)):
            guard case .timestamp(let start) = arguments[1], case .timestamp(let end) = arguments[2],
                let unit = IntervalUnit(word: unitName)
            else { return .null }
            return .float(Double(DateDifference(time: context.time).boundaries(unit, from: start, to: end)))
        default: return .null
        }
    }

    static func round(_ value: Double, digits: Int) -> Double {
        let clamped = Swift.max(-15, Swift.min(15, digits))
        let scale = pow(10.0, Double(clamped))
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// SQL substr: 1-based start; characters before the string's start count against the length.
    static func substring(_ text: String, start: Double, length: Double?) -> String {
        let characters = Array(text)
        let first = Int(start.rounded(.towardZero))
        var end = characters.count + 1
        if let length {
            guard length >= 0 else { return "" }
            end = Swift.min(end, first + Int(length.rounded(.towardZero)))
        }
        let lower = Swift.max(first, 1)
        guard lower < end else { return "" }
        return String(characters[(lower - 1)..<(end - 1)])
    }

    static func dateText(_ c: ZonedTime.Civil) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: Swift.max(0, width - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    static func truncate(_ ms: Int64, to unit: TruncationUnit, in time: ZonedTime) -> Int64 {
        var c = time.civil(ms)
        c.hour = 0
        c.minute = 0
        c.second = 0
        c.millisecond = 0
        switch unit {
        case .day: break
        case .week:
            let days = CivilDate(year: c.year, month: c.month, day: c.day).daysSinceEpoch
            let monday = days - Int64(ZonedTime.weekdayFromMonday(days: days))
            let date = CivilDate(daysSinceEpoch: monday)
            (c.year, c.month, c.day) = (date.year, date.month, date.day)
        case .month: c.day = 1
        case .quarter:
            c.month = (c.month - 1) / 3 * 3 + 1
            c.day = 1
        case .year:
            c.month = 1
            c.day = 1
        }
        return time.epochMilliseconds(c)
    }
}

extension Value {
    var floatValue: Double? {
        if case .float(let d) = self { return d }
        return nil
    }
}

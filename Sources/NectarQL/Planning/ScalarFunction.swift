import NectarCatalog
import NectarSyntax

/// The scalar functions of the language, with the argument types the binder checks.
package enum ScalarFunction: String, Sendable, Hashable, CaseIterable {
    case lower, upper, length, trim, coalesce, nullif, round, abs, substr
    case year, month, day, date
    case dateTrunc = "date_trunc"
    case dateDiff = "date_diff"
    case now

    /// What each argument must be; `nil` means "the same type as the other arguments".
    struct Signature: Sendable {
        let parameters: [SQLType?]
        /// How many trailing parameters may be left out.
        let optionalCount: Int
        /// Any number of arguments of one type (coalesce).
        let variadic: Bool
        /// nil: the type shared by the arguments.
        let result: SQLType?
    }

    var signature: Signature {
        switch self {
        case .lower, .upper, .trim: Signature(parameters: [.text], optionalCount: 0, variadic: false, result: .text)
        case .length: Signature(parameters: [.text], optionalCount: 0, variadic: false, result: .float)
        case .coalesce: Signature(parameters: [nil], optionalCount: 0, variadic: true, result: nil)
        case .nullif: Signature(parameters: [nil, nil], optionalCount: 0, variadic: false, result: nil)
        case .round: Signature(parameters: [.float, .float], optionalCount: 1, variadic: false, result: .float)
        case .abs: Signature(parameters: [.float], optionalCount: 0, variadic: false, result: .float)
        case .substr: Signature(parameters: [.text, .float, .float], optionalCount: 1, variadic: false, result: .text)
        case .year, .month, .day: Signature(parameters: [.timestamp], optionalCount: 0, variadic: false, result: .float)
        case .date: Signature(parameters: [.timestamp], optionalCount: 0, variadic: false, result: .text)
        case .dateTrunc: Signature(parameters: [.text, .timestamp], optionalCount: 0, variadic: false, result: .timestamp)
        case .dateDiff: Signature(parameters: [.text, .timestamp, .timestamp], optionalCount: 0, variadic: false, result: .float)
        case .now: Signature(parameters: [], optionalCount: 0, variadic: false, result: .timestamp)
        }
    }

    /// How a call is written, for error messages.
    var usage: String {
        switch self {
        case .coalesce: "coalesce(x, y, …)"
        case .nullif: "nullif(x, y)"
        case .round: "round(x[, digits])"
        case .substr: "substr(text, start[, length])"
        case .dateTrunc: "date_trunc('day'|'week'|'month'|'quarter'|'year', timestamp)"
        case .dateDiff: "date_diff('second'|'minute'|'hour'|'day'|'week'|'month'|'quarter'|'year', start, end)"
        case .now: "now()"
        default: "\(rawValue)(\(signature.parameters.map { $0?.rawValue ?? "x" }.joined(separator: ", ")))"
        }
    }
}

/// The units `date_trunc` accepts.
package enum TruncationUnit: String, Sendable, CaseIterable {
    case day, week, month, quarter, year
}

/// Aggregate functions; `count(*)` is `count` with no argument (see `AggregateCall`).
package enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    case count, sum, avg, min, max
}

/// Every function name the binder accepts, aggregates first, for the shell's completion.
package let functionNames: [String] = AggregateFunction.allCases.map(\.rawValue) + ScalarFunction.allCases.map(\.rawValue)
